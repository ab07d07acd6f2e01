#!/usr/bin/env python3
"""Feed poller benchmark: one RSS feed of --pages article pages on a local HTTP server (the
test server, tests/ingest/feed_server.py; our own templated prose), polled in-process with
no per-host delay so the figures are our cost, not politeness.

Reports: HTTP alone (fetching every page through the polite client), a first poll (fetch +
clean + extract + store + resolve), and a second poll (a conditional GET answered 304).
Results go to bench/RESULTS-feeds.md (--no-write to only print).

    .venv/bin/python bench/bench_feeds.py
    .venv/bin/python bench/bench_feeds.py --pages 20 --no-write
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "ingest"))

from feed_server import FeedServer, article_html  # noqa: E402

from attackwatch.ingest.feeds.http import FetchPolicy, PoliteClient  # noqa: E402
from attackwatch.collect.poll import Poller  # noqa: E402
from attackwatch.ingest.feeds.registry import FeedRegistry  # noqa: E402

SITES = [("Harir air base", "Erbil province"), ("Ain al-Asad air base", "Anbar province"),
         ("the Conoco gas field", "Deir ez-Zor province"), ("Erbil airport", "Erbil province"),
         ("Al-Tanf garrison", "Homs province")]
WEAPONS = [("Two drones", "drones"), ("Three rockets", "rockets"), ("A one-way attack drone", "drone")]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def build_site(server: FeedServer, pages: int) -> None:
    start = date(2023, 11, 6)  # a Monday
    items = []
    for i in range(pages):
        site, province = SITES[i % len(SITES)]
        weapon, noun = WEAPONS[i % len(WEAPONS)]
        day = start + timedelta(days=i)
        published = day + timedelta(days=1)
        title = f"{weapon} target {site}"
        server.add(f"/a/{i}.html", article_html(title, [
            f"{weapon} targeted US forces at {site} in {province} on {DAYS[day.weekday()]}, a US defense "
            f"official said, adding that there were no injuries.",
            f"The Islamic Resistance in Iraq said in a statement that it had launched the {noun}.",
            f"Coalition officials said they were assessing the damage at the site (report {i})."]))
        items.append(f"<item><title>{title}</title><link>{server.base}/a/{i}.html</link>"
                     f"<pubDate>{published.strftime('%a, %d %b %Y')} 09:00:00 +0300</pubDate></item>")
    server.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    server.add("/feed.rss", f'<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title>{"".join(items)}'
                            "</channel></rss>", content_type="application/rss+xml", etag='"bench-1"')


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    server = FeedServer().start()
    build_site(server, args.pages)
    rows: list[tuple[str, float, str]] = []
    try:
        with PoliteClient(FetchPolicy(min_delay=0.0), log=lambda _l: None) as client:
            t = time.perf_counter()
            for i in range(args.pages):
                client.get(server.url(f"/a/{i}.html"))
            http = time.perf_counter() - t
        rows.append((f"HTTP only: {args.pages} pages through the polite client", http,
                     f"{1000 * http / args.pages:.1f} ms/page"))
        with tempfile.TemporaryDirectory() as tmp:
            lines: list[str] = []
            registry = FeedRegistry(Path(tmp) / "aw.db.feeds.sqlite")
            registry.add(server.url("/feed.rss"))
            client = PoliteClient(FetchPolicy(min_delay=0.0), stop=threading.Event(), log=lines.append)
            poller = Poller(registry, client, str(Path(tmp) / "aw.db"), log=lines.append)
            t = time.perf_counter()
            first = poller.poll_once()
            took = time.perf_counter() - t
            rows.append((f"first poll: {first.pages_fetched} pages -> {first.articles_ingested} articles, "
                         f"{first.reports} reports (incl. spaCy/pack load)", took,
                         f"{1000 * took / max(1, first.pages_fetched):.0f} ms/page"))
            t = time.perf_counter()
            second = poller.poll_once()
            rows.append((f"second poll: {second.not_modified} feed not modified (304)", time.perf_counter() - t, ""))
            client.close()
            registry.close()
            if lines:
                print("\n".join(lines), file=sys.stderr)
    finally:
        server.stop()
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.machine()) if Path("/proc/cpuinfo").exists() else platform.machine()
    machine = f"{model}, {os.cpu_count()} cores (shared with other jobs)"
    out = ["# Feed poller benchmark", "",
           f"`bench/bench_feeds.py --pages {args.pages}`; machine: {machine}; Python {platform.python_version()}.",
           "Local HTTP server on 127.0.0.1, per-host delay 0 (the default 2 s delay would add 2 s per request).", "",
           "| step | seconds | per page |", "|---|---:|---:|"]
    out += [f"| {name} | {secs:.2f} | {per} |" for name, secs, per in rows]
    text = "\n".join(out) + "\n"
    print(text)
    if not args.no_write:
        (REPO / "bench" / "RESULTS-feeds.md").write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
