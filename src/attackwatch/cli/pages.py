"""`attackwatch extract` and `attackwatch clean`: pages in, reports (or the cleaned text) out,
without a database. A thin layer over attackwatch.pipeline."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from exc


def _print_table(rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for col in ("article", "date", "place", "admin1", "weapon", "event", "actor", "claimed", "confirmation", "k/i", "bg",
                "confidence"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["article_id"], r["date"] or "-", r["place"] or "-", r["admin1"] or "-", r["weapon"],
                      r["event_type"], r["actor"] or "-", "yes" if r["claimed"] else "", r["confirmation"].replace("_", " "),
                      f"{'-' if r['killed'] is None else r['killed']}/{'-' if r['injured'] is None else r['injured']}",
                      "bg" if r["background"] else "", "-" if r.get("confidence") is None else f"{r['confidence']:.2f}")
    # piped output has no terminal width to follow: use a wide table rather than fold every cell
    Console(width=None if sys.stdout.isatty() else 200).print(table)


def cmd_extract(args: argparse.Namespace) -> int:
    from attackwatch.pipeline import extract_paths
    from attackwatch.store.filters import parse_min_confidence

    floor = parse_min_confidence(args.min_confidence)  # a bad value: one line, before any work
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    failed = 0
    rows: list[dict] = []
    for result in extract_paths(args.paths, published=args.published, pack=args.pack, any_theatre=args.any_theatre):
        if result.error:
            failed += 1
            print(f"attackwatch: skipped {result.error}", file=sys.stderr)
            continue
        if result.note:
            print(f"attackwatch: note {result.note}", file=sys.stderr)
        for report in result.reports:
            if floor is not None and (report.confidence is None or report.confidence < floor):
                continue
            d = report.to_dict()
            if fmt == "jsonl":
                sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
            else:
                rows.append(d)
    if fmt == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "table":
        _print_table(rows)
    if failed:
        print(f"attackwatch: {failed} input(s) failed", file=sys.stderr)
    return 1 if failed else 0


def cmd_clean(args: argparse.Namespace) -> int:
    from attackwatch.ingest.files import InputError
    from attackwatch.pipeline import load_article

    status = 0
    for path in args.paths:
        try:
            article = load_article(path, published=args.published, pack=args.pack)
        except InputError as exc:
            print(f"attackwatch: skipped {exc}", file=sys.stderr)
            status = 1
            continue
        if args.format == "json":
            print(json.dumps({"id": article.id, "title": article.title, "author": article.author,
                              "outlet": article.outlet, "published": article.published.isoformat() if article.published else None,
                              "published_source": article.published_source, "text": article.text,
                              "dropped": [{"text": d.text, "start": d.start, "reason": d.reason} for d in article.dropped]},
                             ensure_ascii=False))
            continue
        print(f"# {article.title or '(no title)'}")
        print(f"# id: {article.id}  outlet: {article.outlet or '-'}  author: {article.author or '-'}  "
              f"published: {article.published or 'unknown'} ({article.published_source or 'no date found'})")
        print()
        print(article.text)
        print()
        print(f"# dropped as page chrome ({len(article.dropped)} lines):")
        for d in article.dropped:
            text = d.text if len(d.text) <= 90 else d.text[:87] + "..."
            print(f"#   [{d.reason}] {text}")
    return status


def register(sub: argparse._SubParsersAction, db_default: str | None) -> None:  # type: ignore[type-arg]
    ex = sub.add_parser("extract", help="per-article incident reports from pages (files, folders, - for stdin)")
    ex.add_argument("paths", nargs="+")
    ex.add_argument("--format", choices=("jsonl", "json", "table"), help="default: table on a terminal, else jsonl")
    ex.add_argument("--published", type=_date, help="publication date for every input (overrides sidecars)")
    ex.add_argument("--pack", default="default", help="domain pack name or folder (default: default)")
    ex.add_argument("--any-theatre", action="store_true", help="also keep incidents outside the pack's countries, and violence between parties the tracker does not follow (e.g. Turkey against the PKK)")
    ex.add_argument("--min-confidence", metavar="P", help="only reports at least this confident (0 to 1)")
    ex.set_defaults(func=cmd_extract)

    cl = sub.add_parser("clean", help="show the article text kept and the page chrome dropped")
    cl.add_argument("paths", nargs="+")
    cl.add_argument("--format", choices=("text", "json"), default="text")
    cl.add_argument("--published", type=_date)
    cl.add_argument("--pack", default="default")
    cl.set_defaults(func=cmd_clean)
