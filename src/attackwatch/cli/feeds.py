"""`attackwatch feeds add|list|remove|poll`: RSS/Atom feeds as a source of pages.
A thin layer over attackwatch.ingest.feeds."""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Any, Iterator


def _err(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


@contextmanager
def _registry(args: argparse.Namespace) -> Iterator[Any]:
    from attackwatch.ingest.feeds.registry import FeedRegistry, feeds_db_for
    from attackwatch.store import default_url

    path = args.feeds_db or feeds_db_for(args.db or default_url())
    registry = FeedRegistry(path)
    try:
        yield registry
    finally:
        registry.close()


def cmd_add(args: argparse.Namespace) -> int:
    with _registry(args) as reg:
        feed, created = reg.add(args.url, name=args.name, outlet=args.outlet)
    print(f"{'added' if created else 'updated'} feed {feed.name} <{feed.url}>" + (f" (outlet {feed.outlet})" if feed.outlet else ""))
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with _registry(args) as reg:
        reg.remove(args.url)
    print(f"removed feed <{args.url}>")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with _registry(args) as reg:
        feeds = reg.feeds()
    if args.format == "jsonl":
        for f in feeds:
            print(json.dumps(f.to_dict(), ensure_ascii=False))
        return 0
    if not feeds:
        print("no feeds (add one with `attackwatch feeds add URL`)")
        return 0
    for f in feeds:
        d = f.to_dict()
        state = d["last_status"] or "never polled"
        if f.failures:
            state = f"{f.failures} failure(s), next attempt {d['next_attempt']}: {f.last_error}"
        print(f"{f.url}\t{f.name}\t{f.outlet or '-'}\tlast polled {d['last_polled'] or '-'}\t{state}")
    return 0


def _install_stop(stop: threading.Event) -> dict[int, Any]:
    """First SIGINT/SIGTERM: finish the current request, store what was fetched, exit.
    A second one interrupts at once (the store's transactions keep it consistent)."""
    def handler(signum: int, _frame: Any) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        _err(f"feeds: {signal.Signals(signum).name} received: stopping after the current request "
             "(send it again to stop at once)")

    previous = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        previous[sig] = signal.signal(sig, handler)
    return previous


def cmd_poll(args: argparse.Namespace) -> int:
    from attackwatch.ingest.feeds.http import DEFAULT_USER_AGENT, MAX_PAGE_BYTES, FetchPolicy, PoliteClient
    from attackwatch.collect.poll import Poller, PollSummary, parse_duration

    every = parse_duration(args.every) if args.every else None
    backoff = parse_duration(args.backoff)
    policy = FetchPolicy(user_agent=args.user_agent or os.environ.get("ATTACKWATCH_USER_AGENT") or DEFAULT_USER_AGENT,
                         min_delay=args.delay, timeout=args.timeout, max_bytes=args.max_bytes or MAX_PAGE_BYTES)
    from attackwatch.store import open_store

    # a database that cannot be opened is a setup mistake: say so now, not once per article
    open_store(args.db).close()
    stop = threading.Event()
    previous = _install_stop(stop) if threading.current_thread() is threading.main_thread() else {}
    errors = 0

    def report(summary: PollSummary) -> None:
        nonlocal errors
        errors += summary.errors
        print(summary.line(), flush=True)

    try:
        with _registry(args) as reg, PoliteClient(policy=policy, stop=stop, log=_err) as client:
            if not reg.feeds():
                _err(f"feeds: no feeds registered in {reg.path} (add one with `attackwatch feeds add URL`)")
                return 1
            poller = Poller(reg, client, args.db, backoff_base=backoff, pack=args.pack,
                            any_theatre=args.any_theatre, log=_err)
            if every is None:
                report(poller.poll_once(force=args.force))
                return 1 if errors else 0
            _err(f"feeds: polling {len(reg.feeds())} feed(s) every {args.every}; Ctrl-C or SIGTERM stops")
            poller.run(every, report, force=args.force)
            _err("feeds: stopped")
            return 0
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def register(sub: argparse._SubParsersAction, db_default: str | None) -> None:
    # httpx stays unimported until a command runs (CLI start-up must stay fast)
    feeds = sub.add_parser("feeds", help="RSS/Atom feeds as a source: add, list, remove, poll (once or as a service)")
    fsub = feeds.add_subparsers(dest="feeds_command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", default=db_default,
                       help="incident database (SQLite file or URL; default $ATTACKWATCH_DB or ./attackwatch.db)")
        p.add_argument("--feeds-db", help="feed registry file (default: <db>.feeds.sqlite beside a SQLite database)")

    add = fsub.add_parser("add", help="register a feed")
    add.add_argument("url")
    add.add_argument("--name", help="a short name (default: the host)")
    add.add_argument("--outlet", help="the outlet its articles are credited to")
    common(add)
    add.set_defaults(func=cmd_add)

    ls = fsub.add_parser("list", help="the registered feeds and their state")
    ls.add_argument("--format", choices=("text", "jsonl"), default="text")
    common(ls)
    ls.set_defaults(func=cmd_list)

    rm = fsub.add_parser("remove", help="unregister a feed")
    rm.add_argument("url")
    common(rm)
    rm.set_defaults(func=cmd_remove)

    poll = fsub.add_parser("poll", help="fetch new articles from every feed into the database (once, or --every)")
    poll.add_argument("--every", help="keep polling at this interval (30s, 15m, 1h) until Ctrl-C/SIGTERM")
    poll.add_argument("--force", action="store_true", help="poll feeds that are backing off after failures too")
    poll.add_argument("--user-agent", help="User-Agent header; must name attackwatch (default: $ATTACKWATCH_USER_AGENT, "
                                           "else 'attackwatch/0.1 (incident dataset research; polite feed poller)')")
    poll.add_argument("--delay", type=float, default=2.0,
                      help="minimum seconds between two requests to one host (default 2; robots.txt Crawl-delay wins if longer)")
    poll.add_argument("--timeout", type=float, default=20.0, help="seconds per request (default 20)")
    poll.add_argument("--max-bytes", type=int, help="largest page accepted (default 5 MiB)")
    poll.add_argument("--backoff", default="5m",
                      help="wait after a feed's first failure, doubled after each further one, at most a day (default 5m)")
    poll.add_argument("--pack", default="default")
    poll.add_argument("--any-theatre", action="store_true")
    common(poll)
    poll.set_defaults(func=cmd_poll)
