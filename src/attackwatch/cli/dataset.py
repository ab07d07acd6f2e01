"""`attackwatch` commands over the incident database: ingest, incidents, show, export, changes,
merge, split, edit, search, check, resolve. A thin layer over attackwatch.store."""
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
        summary.add(more)
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
        updated = ds.store.updated_times([r["id"] for r in records]) if args.format == "csv" else {}
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt == "jsonl":
        write_jsonl(records, sys.stdout)
    elif fmt == "csv":
        write_csv(records, sys.stdout, updated)
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
    from attackwatch.store.acled import event_id_cnty
    from attackwatch.store.lookup import find_incident

    with _dataset(args) as ds:
        found = find_incident(ds.store, args.incident_id)
        if found.incident_id is None:
            print(f"attackwatch: no incident {args.incident_id}"
                  + (f" (it was merged into {found.path[-1]}, since removed)" if len(found.path) > 1 else ""),
                  file=sys.stderr)
            return 1
        incident_id = found.incident_id
        record = ds.store.incident(incident_id)
        members = ds.store.members(incident_id)
        history = ds.store.changes("", incident_id=incident_id)
        corrections = [e for e in ds.store.edits() if e["kind"] != "field" and e["incident_id"] == incident_id]
        updated = ds.store.updated_times([incident_id]).get(incident_id)
    if found.note:
        print(f"attackwatch: {found.note}", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(record, ensure_ascii=False, indent=2))
        return 0
    from attackwatch.cli.show_text import incident_text

    print(incident_text(record, members, event_id_cnty(record), updated, history, corrections))
    return 0


def cmd_changes(args: argparse.Namespace) -> int:
    from attackwatch.store.changes import BadMoment, changes_since, describe, parse_moment

    try:
        since = parse_moment(args.since)
        until = parse_moment(args.until) if args.until else None
    except BadMoment as exc:
        print(f"attackwatch: --since/--until: {exc}", file=sys.stderr)
        return 2
    with _dataset(args) as ds:
        entries = changes_since(ds.store, since, until)
    if args.format == "jsonl":
        write_lines = sys.stdout.write
        for e in entries:
            write_lines(json.dumps(e, ensure_ascii=False) + "\n")
        return 0
    counts: dict[str, int] = {}
    for e in entries:
        counts[e["status"]] = counts.get(e["status"], 0) + 1
        print(f"{e['incident_id']}  {e['last_at'][:16].replace('T', ' ')}  {describe(e)}")
    summary = ", ".join(f"{n} {status}" for status, n in counts.items()) or "nothing"
    shown = since[:19].replace("T", " ") + " UTC"
    print(f"since {shown}: {summary}", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from attackwatch.store import export
    from attackwatch.store.changes import BadMoment, is_since, parse_moment

    fmt = export.format_for(args.output, args.format)
    if fmt == "parquet" and not args.output:
        print("attackwatch: parquet export needs -o FILE", file=sys.stderr)
        return 2
    try:
        updated_since = parse_moment(args.updated_since) if args.updated_since else None
    except BadMoment as exc:
        print(f"attackwatch: --updated-since: {exc}", file=sys.stderr)
        return 2
    where, params = _filter(args).sql()
    with _dataset(args) as ds:
        records = list(ds.store.query_incidents(where, params))
        updated = ds.store.updated_times()
    if updated_since:
        records = [r for r in records if is_since(updated.get(r["id"]), updated_since)]
    if fmt == "parquet":
        n = export.write_parquet(records, args.output, updated)
    else:
        writer = {"jsonl": export.write_jsonl, "csv": export.write_csv, "geojson": export.write_geojson}[fmt]
        extra = {} if fmt == "jsonl" else {"updated": updated}
        # Excel reads a CSV as UTF-8 only when it starts with a byte-order mark: a .csv file
        # gets one unless --no-bom; standard output only with --excel (a pipe wants plain UTF-8)
        bom = fmt == "csv" and (args.excel or (args.output is not None and not args.no_bom))
        if args.output:
            with open(args.output, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
                n = writer(records, fh, **extra)
        else:
            if bom:
                sys.stdout.write("\ufeff")
            n = writer(records, sys.stdout, **extra)
    print(f"exported {n} incidents as {fmt}" + (f" to {args.output}" if args.output else ""), file=sys.stderr)
    return 0


def _current_id(ds: Any, asked: str) -> str:
    """The incident an id names now (an export's event_id_cnty, or an id since merged away),
    saying so on stderr when it is not the id given; unknown ids are left for the command to
    refuse."""
    from attackwatch.store.lookup import find_incident

    found = find_incident(ds.store, asked)
    if found.note:
        print(f"attackwatch: {found.note}", file=sys.stderr)
    return found.incident_id or asked


def cmd_merge(args: argparse.Namespace) -> int:
    with _dataset(args) as ds:
        record = ds.merge(_current_id(ds, args.keep), _current_id(ds, args.other), note=args.note, author=args.author)
    print(f"merged {args.other} into {record['id']} ({record['n_sources']} sources)")
    return 0


def cmd_split(args: argparse.Namespace) -> int:
    with _dataset(args) as ds:
        new_id = ds.split(_current_id(ds, args.incident_id), args.report, note=args.note, author=args.author)
    print(f"report {args.report} is now incident {new_id}")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    with _dataset(args) as ds:
        incident_id = _current_id(ds, args.incident_id)
        for assignment in args.field:
            name, _, raw = assignment.partition("=")
            try:
                value = json.loads(raw)
            except json.JSONDecodeError:
                value = raw
            ds.edit(incident_id, name.strip(), value, note=args.note, author=args.author)
    print(f"edited {incident_id}")
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

    p = parser("export", "export incidents with their sources (columns: docs/export-codebook.md)")
    add_filters(p)
    p.add_argument("--format", choices=("jsonl", "csv", "geojson", "parquet"),
                   help="default: from the -o suffix (.jsonl .csv .geojson .parquet), else jsonl")
    p.add_argument("-o", "--output")
    p.add_argument("--updated-since", metavar="WHEN", help="only incidents created or changed since this ISO date/time (UTC)")
    bom = p.add_mutually_exclusive_group()
    bom.add_argument("--excel", action="store_true", help="CSV with a UTF-8 byte-order mark even on standard output")
    bom.add_argument("--no-bom", action="store_true", help="a .csv file without the byte-order mark Excel needs")
    p.set_defaults(func=cmd_export)

    p = parser("changes", "incidents created, updated, merged, split or removed since a moment, and what changed")
    p.add_argument("--since", required=True, metavar="WHEN", help="ISO date or date-time, UTC unless it says otherwise")
    p.add_argument("--until", metavar="WHEN")
    p.add_argument("--format", choices=("text", "jsonl"), default="text")
    p.set_defaults(func=cmd_changes)

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
