"""`attackwatch` commands over the incident database: ingest, incidents, show, export, merge,
split, edit, search, check, resolve. A thin layer over attackwatch.store."""
from __future__ import annotations

import argparse
import json
import sys
from contextlib import contextmanager
from datetime import date
from typing import Any, Iterator


@contextmanager
def _dataset(args: argparse.Namespace) -> Iterator[Any]:
    from attackwatch.store import open_store
    from attackwatch.store.dataset import Dataset

    store = open_store(args.db)
    try:
        yield Dataset(store)
    finally:
        store.close()


def cmd_ingest(args: argparse.Namespace) -> int:
    """Pages of any source kind (page files and folders, WARC/ARC, JSONL, Parquet) are
    extracted and stored; an `attackwatch batch` output folder is stored as extracted."""
    from attackwatch.ingest.records import expand_sources, source_kind
    from attackwatch.pipeline import process_records
    from attackwatch.scale.output import is_batch_output

    outputs = [p for p in args.paths if is_batch_output(p)]
    sources = expand_sources([p for p in args.paths if not is_batch_output(p)])

    def skipped(message: str) -> None:
        print(f"attackwatch: skipped {message}", file=sys.stderr)

    def reporting(it):  # type: ignore[no-untyped-def]
        for r in it:
            if r.error:
                skipped(r.error)
            elif r.note:
                print(f"attackwatch: note {r.note}", file=sys.stderr)
            yield r

    summaries = []
    with _dataset(args) as ds:
        progress = task = None
        if sys.stderr.isatty() and not args.quiet:
            from rich.progress import Progress

            # a count is known up front only for page files (one page each) and batch outputs
            # (Parquet metadata); archives and JSONL files get a bar without an end
            total = len(sources) if all(source_kind(s) == "page" for s in sources) else None
            if total is not None and outputs:
                total += sum(_batch_rows(o) for o in outputs)
            progress = Progress(transient=True)
            progress.start()
            task = progress.add_task("ingesting", total=total)
        advance = (lambda n: progress.advance(task, n)) if progress else None
        try:
            if sources:
                results = process_records(sources, pack=args.pack, any_theatre=args.any_theatre)
                summaries.append(ds.ingest(reporting(results), batch_size=args.batch, on_progress=advance))
            for out_dir in outputs:
                summaries.append(_ingest_batch_output(ds, out_dir, args, skipped, advance))
        finally:
            if progress:
                progress.stop()
    summary = summaries[0]
    for more in summaries[1:]:
        for name in ("new", "updated", "unchanged", "failed", "reports", "incidents_created", "incidents_merged"):
            setattr(summary, name, getattr(summary, name) + getattr(more, name))
    print(summary.line())
    return 1 if summary.failed else 0


def _batch_rows(out_dir: str) -> int:
    import pyarrow.parquet as pq

    from attackwatch.scale.output import part_files

    return sum(pq.ParquetFile(f).metadata.num_rows for f in part_files(out_dir))


def _ingest_batch_output(ds: Any, out_dir: str, args: argparse.Namespace, skipped: Any, advance: Any) -> Any:
    from attackwatch.scale.load import load_batch_output
    from attackwatch.scale.output import missing_partitions

    missing = missing_partitions(out_dir)
    if missing:
        print(f"attackwatch: {out_dir}: {missing} partition(s) of the batch are not written yet "
              "(re-run `attackwatch batch` to finish them); storing the rest", file=sys.stderr)
    client = cluster = None
    if args.scheduler or args.workers:
        from attackwatch.scale.batch import start_client

        client, cluster = start_client(args.workers, args.scheduler)
    try:
        return load_batch_output(ds, out_dir, batch_size=args.batch, client=client, on_error=skipped,
                                 on_progress=advance)
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()


def _filter(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from attackwatch.store.filters import IncidentFilter, parse_min_confidence

    return IncidentFilter(since=args.since, until=args.until, country=args.country, admin1=args.admin1, actor=args.actor,
                          weapon=args.weapon, event_type=args.event_type, target_type=args.target_type,
                          claimed=args.claimed, confirmation=args.confirmation, min_sources=args.min_sources, text=args.text,
                          min_confidence=parse_min_confidence(args.min_confidence))


def cmd_incidents(args: argparse.Namespace) -> int:
    from attackwatch.store.export import write_csv, write_jsonl

    where, params = _filter(args).sql()
    with _dataset(args) as ds:
        records = list(ds.store.query_incidents(where, params, limit=args.limit))
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt == "jsonl":
        write_jsonl(records, sys.stdout)
    elif fmt == "csv":
        write_csv(records, sys.stdout)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(header_style="bold")
        for col in ("id", "date", "place", "admin1", "country", "weapon", "actor", "claimed", "confirmation", "k/i", "sources",
                    "confidence"):
            table.add_column(col, overflow="fold")
        for r in records:
            table.add_row(r["id"], r.get("date") or "-", r.get("place") or "-", r.get("admin1") or "-",
                          r.get("country_code") or "-", r.get("weapon") or "-", r.get("actor") or "-",
                          "yes" if r.get("claimed") else "", (r.get("confirmation") or "").replace("_", " "),
                          f"{_n(r.get('killed'))}/{_n(r.get('injured'))}", str(r.get("n_sources")),
                          "-" if r.get("confidence") is None else f"{r['confidence']:.2f}")
        Console(width=None if sys.stdout.isatty() else 200).print(table)
        print(f"{len(records)} incidents")
    return 0


def _n(v: Any) -> str:
    return "-" if v is None else str(v)


def cmd_show(args: argparse.Namespace) -> int:
    with _dataset(args) as ds:
        record = ds.store.incident(args.incident_id)
        members = ds.store.members(args.incident_id) if record else []
    if record is None:
        print(f"attackwatch: no incident {args.incident_id}", file=sys.stderr)
        return 1
    if args.format == "json":
        print(json.dumps(record, ensure_ascii=False, indent=2))
        return 0
    print(f"incident {record['id']}  ({record['n_sources']} source(s), {len(members)} report(s))")
    for key in ("date", "date_precision", "event_type", "weapon", "actor", "actor_parent", "claimed", "claimed_by",
                "target_type", "target_actor", "place", "admin1", "admin1_code", "country", "latitude", "longitude",
                "geo_precision", "killed", "injured", "intercepted", "confirmation", "confirmed_by", "background",
                "confidence", "review"):
        print(f"  {key:15} {record.get(key)}")
    print("reports:")
    for rid, rep in zip(members, record.get("reports", [])):
        print(f"  - {rid}  {rep.get('outlet') or '-'}  published {rep.get('published') or '?'}  {rep.get('url') or ''}")
        for e in rep.get("evidence", []):
            # first-strong isolate: an Arabic sentence reads right to left in a bidi terminal and
            # cannot reorder the quotes and the lines around it
            print(f"      \u201c\u2068{e['text']}\u2069\u201d")
    if record.get("conflicts"):
        print("the outlets disagree on:")
        for field, values in record["conflicts"].items():
            told = "; ".join(f"{v['value']} ({', '.join(v['outlets'])})" for v in values)
            print(f"  {field}: {told}")
    for e in record.get("edits") or []:
        print(f"edited {e['field']} = {e['value']!r} by {e.get('author') or '?'} at {e['at']}: {e.get('note') or ''}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from attackwatch.store import export

    where, params = _filter(args).sql()
    with _dataset(args) as ds:
        records = list(ds.store.query_incidents(where, params))
    if args.format == "parquet":
        if not args.output:
            print("attackwatch: parquet export needs -o FILE", file=sys.stderr)
            return 2
        n = export.write_parquet(records, args.output)
    else:
        writer = {"jsonl": export.write_jsonl, "csv": export.write_csv, "geojson": export.write_geojson}[args.format]
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as fh:
                n = writer(records, fh)
        else:
            n = writer(records, sys.stdout)
    print(f"exported {n} incidents", file=sys.stderr)
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    with _dataset(args) as ds:
        record = ds.merge(args.keep, args.other, note=args.note, author=args.author)
    print(f"merged {args.other} into {record['id']} ({record['n_sources']} sources)")
    return 0


def cmd_split(args: argparse.Namespace) -> int:
    with _dataset(args) as ds:
        new_id = ds.split(args.incident_id, args.report, note=args.note, author=args.author)
    print(f"report {args.report} is now incident {new_id}")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    with _dataset(args) as ds:
        for assignment in args.field:
            name, _, raw = assignment.partition("=")
            try:
                value = json.loads(raw)
            except json.JSONDecodeError:
                value = raw
            ds.edit(args.incident_id, name.strip(), value, note=args.note, author=args.author)
    print(f"edited {args.incident_id}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with _dataset(args) as ds:
        hits = ds.store.search(args.query, limit=args.limit)
    for h in hits:
        print(f"{h['id']}  {h['published'] or '?'}  {h['outlet'] or '-'}  {h['title'] or ''}\n    {h['snippet']}")
    print(f"{len(hits)} article(s)", file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with _dataset(args) as ds:
        problems = ds.store.check()
        counts = ds.store.counts()
    print(", ".join(f"{v} {k}" for k, v in counts.items()))
    for p in problems:
        print(f"problem: {p}")
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


def cmd_resolve(args: argparse.Namespace) -> int:
    with _dataset(args) as ds:
        n = ds.rebuild()
    print(f"{n} incidents after re-resolution (edits re-applied)")
    return 0


def add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", type=date.fromisoformat)
    p.add_argument("--until", type=date.fromisoformat)
    p.add_argument("--country", help="ISO 3166-1 alpha-2, e.g. IQ")
    p.add_argument("--admin1", help="ISO 3166-2 code or name")
    p.add_argument("--actor", help="canonical name; an umbrella matches its fronts")
    p.add_argument("--weapon")
    p.add_argument("--event-type")
    p.add_argument("--target-type")
    p.add_argument("--claimed", type=lambda s: s.lower() in ("1", "true", "yes"), default=None)
    p.add_argument("--confirmation", choices=("confirmed", "denied", "unconfirmed", "not_mentioned"))
    p.add_argument("--min-sources", type=int)
    p.add_argument("--text", help="words in the evidence")
    p.add_argument("--min-confidence", metavar="P", help="only incidents at least this confident (0 to 1)")


def register(sub: argparse._SubParsersAction, db_default: str | None) -> None:  # type: ignore[type-arg]
    def parser(name: str, help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_)
        p.add_argument("--db", default=db_default, help="SQLite file or postgresql:// URL (default: ATTACKWATCH_DB or ./attackwatch.db)")
        return p

    p = parser("ingest", "extract pages (files, folders, WARC/ARC, JSONL, Parquet) and store them, resolving "
                         "reports into incidents; an `attackwatch batch` output folder is stored as extracted")
    p.add_argument("paths", nargs="+", help="pages, folders, globs, .warc(.gz)/.arc(.gz), .jsonl(.gz), .parquet, "
                                            "or a batch output folder")
    p.add_argument("--pack", default="default")
    p.add_argument("--any-theatre", action="store_true")
    p.add_argument("--batch", type=int, default=25, help="articles per transaction")
    p.add_argument("--quiet", action="store_true")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, help="resolve a batch output on a local Dask cluster of N workers")
    where.add_argument("--scheduler", help="resolve a batch output on this Dask scheduler (tcp://host:8786)")
    p.set_defaults(func=cmd_ingest)

    p = parser("incidents", "list incidents")
    add_filters(p)
    p.add_argument("--format", choices=("table", "jsonl", "csv"))
    p.add_argument("--limit", type=int)
    p.set_defaults(func=cmd_incidents)

    p = parser("show", "one incident, its reports, evidence and disagreements")
    p.add_argument("incident_id")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_show)

    p = parser("export", "export incidents")
    add_filters(p)
    p.add_argument("--format", choices=("jsonl", "csv", "geojson", "parquet"), default="jsonl")
    p.add_argument("-o", "--output")
    p.set_defaults(func=cmd_export)

    for name, help_ in (("merge", "merge incident OTHER into KEEP"),):
        p = parser(name, help_)
        p.add_argument("keep")
        p.add_argument("other")
        p.add_argument("--note")
        p.add_argument("--author")
        p.set_defaults(func=cmd_merge)

    p = parser("split", "take one report out of an incident")
    p.add_argument("incident_id")
    p.add_argument("--report", required=True, help="report id (ARTICLE#N)")
    p.add_argument("--note")
    p.add_argument("--author")
    p.set_defaults(func=cmd_split)

    p = parser("edit", "correct fields of an incident (kept as an audit trail, re-applied after re-resolution)")
    p.add_argument("incident_id")
    p.add_argument("--field", action="append", required=True, help="NAME=VALUE (VALUE as JSON when it parses)")
    p.add_argument("--note")
    p.add_argument("--author")
    p.set_defaults(func=cmd_edit)

    p = parser("search", "full-text search over article text")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(func=cmd_search)

    p = parser("check", "verify database integrity")
    p.set_defaults(func=cmd_check)

    p = parser("resolve", "re-resolve all reports into incidents (after rules improve)")
    p.set_defaults(func=cmd_resolve)
