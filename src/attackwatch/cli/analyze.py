"""`attackwatch` analytics commands: trends, lulls, alerts, report (see docs/analytics.md).

All take --db and the incident filters of `attackwatch incidents`; heavy libraries (rich,
matplotlib, fpdf2) are imported inside the commands.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any


def _iso(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from exc


def _filter(args: argparse.Namespace, *, dates: bool = True):  # type: ignore[no-untyped-def]
    """The incident filter of the command line (dates left out when the command reads the
    whole history and applies --since/--until to its results)."""
    from attackwatch.store.filters import IncidentFilter, parse_min_confidence

    return IncidentFilter(since=args.since if dates else None, until=args.until if dates else None,
                          country=args.country, admin1=args.admin1, actor=args.actor, weapon=args.weapon,
                          event_type=args.event_type, target_type=args.target_type, claimed=args.claimed,
                          confirmation=args.confirmation, min_sources=args.min_sources, text=args.text,
                          min_confidence=parse_min_confidence(args.min_confidence))


def _records(args: argparse.Namespace, *, dates: bool = True) -> list[dict[str, Any]]:
    from attackwatch.analyze.records import load_incidents
    from attackwatch.store import open_store

    store = open_store(args.db)
    try:
        return load_incidents(store, _filter(args, dates=dates), include_background=not args.no_background,
                              exclude_sides=args.exclude_side or (), as_of=_as_of(args, None))
    finally:
        store.close()


def _as_of(args: argparse.Namespace, records: list[dict[str, Any]] | None) -> date | None:
    """--as-of, else today with --today, else (records given) the latest date in the data."""
    if args.as_of:
        return args.as_of
    if args.today:
        return date.today()
    if records is None:
        return None
    from attackwatch.analyze.records import latest_date

    return latest_date(records) or date.today()


def _console():  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(width=None if sys.stdout.isatty() else 160)


def _write_rows(rows: list[dict[str, Any]], fmt: str, columns: list[str]) -> None:
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                             for k, v in row.items()})


# -- trends -------------------------------------------------------------------------------------------
def cmd_trends(args: argparse.Namespace) -> int:
    from attackwatch.analyze.trends import compute_trends, sparkline

    records = _records(args)
    trends = compute_trends(records, args.by, args.split, first=args.since, last=args.until)
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt != "table":
        _write_rows(list(trends.rows()), fmt, ["period", "key", "count", "killed", "injured"])
        return 0
    from rich.table import Table

    shown = trends.top(args.top)
    span = f"{trends.periods[0]} .. {trends.periods[-1]}" if trends.periods else "no dated incidents"
    table = Table(title=f"incidents per {args.by}, split by {args.split} ({span}, {len(trends.periods)} {args.by}s)",
                  header_style="bold")
    for col, justify in (("key", "left"), ("total", "right"), ("killed", "right"), ("injured", "right"),
                         ("peak", "left"), ("per " + args.by, "left")):
        table.add_column(col, justify=justify, overflow="fold")  # type: ignore[arg-type]
    width = args.width
    for s in shown.series:
        counts = _squeeze(s.counts, width)
        peak = max(range(len(s.counts)), key=lambda i: s.counts[i]) if s.counts else 0
        table.add_row(s.key, str(s.total), str(sum(s.killed)), str(sum(s.injured)),
                      f"{s.counts[peak]} ({trends.periods[peak]})" if s.counts else "-", sparkline(counts))
    console = _console()
    console.print(table)
    notes = [f"{trends.total} incidents counted"]
    if trends.coarse:
        notes.append(f"{trends.coarse} dated more coarsely than a {args.by} left out")
    if trends.undated:
        notes.append(f"{trends.undated} undated left out")
    if len(trends.periods) > width:
        notes.append(f"sparklines show {width} columns, each the sum of ~{len(trends.periods) / width:.1f} {args.by}s")
    console.print("; ".join(notes))
    return 0


def _squeeze(values: list[int], width: int) -> list[int]:
    """Sum neighbouring periods so a long series fits `width` terminal columns."""
    if len(values) <= width:
        return values
    out = [0] * width
    for i, v in enumerate(values):
        out[i * width // len(values)] += v
    return out


# -- lulls --------------------------------------------------------------------------------------------
def _lull_sides(args: argparse.Namespace) -> list[str]:
    from attackwatch.analyze.sides import DEFAULT_LULL_SIDES

    return list(dict.fromkeys(args.side)) if args.side else list(DEFAULT_LULL_SIDES)


def cmd_lulls(args: argparse.Namespace) -> int:
    from attackwatch.analyze.lulls import find_lulls
    from attackwatch.analyze.sides import SERIES, by_side

    records = _records(args, dates=False)
    as_of = _as_of(args, records)
    sides = _lull_sides(args)
    # each side's pauses on its own: a US strike does not end a pause in militia attacks
    lulls = [lu for side, members in by_side(records, sides).items()
             for lu in find_lulls(members, args.min_days, as_of, side)]
    lulls.sort(key=lambda lu: (lu.start, lu.side or ""))
    # --since/--until pick the pauses that overlap the window; the history before is still read
    lulls = [lu for lu in lulls if (args.since is None or (lu.end or as_of) >= args.since)
             and (args.until is None or lu.start <= args.until)]
    rows = [lu.to_dict() for lu in lulls]
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt != "table":
        _write_rows(rows, fmt, ["side", "start", "end", "days", "at_least", "before_incident", "after_incident", "text"])
        return 0
    from rich.table import Table

    table = Table(title=f"pauses of at least {args.min_days} days in {' and '.join(SERIES[s] for s in sides)} "
                        f"(as of {as_of})", header_style="bold")
    for col in ("series", "start", "end", "days", "what"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(SERIES[r["side"]], r["start_as_reported"], r["end_as_reported"] or "ongoing",
                      ("≥" if r["at_least"] else "") + str(r["days"]), r["text"])
    console = _console()
    console.print(table)
    console.print(f"{len(rows)} pause(s); background incidents {'excluded' if args.no_background else 'count'}; "
                  "a coarsely dated incident splits a pause only when its whole interval lies inside it")
    return 0


# -- alerts -------------------------------------------------------------------------------------------
def _thresholds(args: argparse.Namespace) -> dict[str, Any]:
    from attackwatch.analyze.thresholds import load_thresholds

    return load_thresholds(args.thresholds, args.set)


def _alert_sides(args: argparse.Namespace) -> tuple[list[str], list[str]]:
    """(the sides whose series raise alerts, the sides whose pauses raise resumptions): by
    default both sides' series, and resumptions of militia attacks only; --side chooses both."""
    from attackwatch.analyze.sides import DEFAULT_LULL_SIDES, DEFAULT_SIDES

    if args.side:
        sides = list(dict.fromkeys(args.side))
        return sides, sides
    return list(DEFAULT_SIDES), list(DEFAULT_LULL_SIDES)


def cmd_alerts(args: argparse.Namespace) -> int:
    from attackwatch.analyze.alerts import compute_alerts
    from attackwatch.analyze.sides import by_side

    thresholds = _thresholds(args)
    records = _records(args, dates=False)
    as_of = _as_of(args, records)
    rules = args.rule or None
    sides, lull_sides = _alert_sides(args)
    alerts = compute_alerts(records, thresholds, as_of=as_of, since=args.since, until=args.until, rules=rules,
                            sides=sides, lull_sides=lull_sides)
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt == "jsonl":
        _write_rows([a.to_dict() for a in alerts], "jsonl", [])
        return 0
    from rich.table import Table

    table = Table(title=f"alerts as of {as_of}" + (f" since {args.since}" if args.since else ""), header_style="bold")
    for col in ("date", "side", "rule", "alert", "incidents"):
        table.add_column(col, overflow="fold")
    for a in alerts:
        table.add_row(a.date.isoformat(), a.scope.get("side", ""), a.rule, a.title,
                      ", ".join(a.incidents[:3]) + (" ..." if len(a.incidents) > 3 else ""))
    console = _console()
    console.print(table)
    from attackwatch.analyze.lulls import current_lull

    pauses = [lu for side, members in by_side(records, lull_sides).items()
              if (lu := current_lull(members, as_of, side)) is not None and lu.days]
    console.print(f"{len(alerts)} alert(s)" + "".join(f"; running pause: {lu.text}" for lu in pauses))
    return 0


# -- report -------------------------------------------------------------------------------------------
def cmd_report(args: argparse.Namespace) -> int:
    from attackwatch.analyze.report import build_report, render
    from attackwatch.analyze.series import iso_week_range

    # --since/--until (the common filters) stand in for --from/--to
    first, last = args.period_from or args.since, args.period_to or args.until
    if args.week:
        start, end = iso_week_range(args.week)
    elif first and last:
        start, end = first, last
    else:
        print("attackwatch: report needs --week YYYY-Www or --from DATE --to DATE", file=sys.stderr)
        return 2
    if end < start:
        print(f"attackwatch: --to {end} is before --from {start}", file=sys.stderr)
        return 2
    fmt = args.format or {".md": "md", ".pdf": "pdf"}.get(Path(args.output).suffix.lower(), "html")
    records = _records(args, dates=False)
    as_of = args.as_of or end
    sides, lull_sides = _alert_sides(args)
    data = build_report(records, start, end, _thresholds(args), as_of=as_of, filters=_describe_filters(args),
                        sides=sides, lull_sides=lull_sides)
    written = render(data, fmt, Path(args.output))
    print(f"wrote {', '.join(str(p) for p in written)} ({data.summary_counts['incidents']} incidents, "
          f"{len(data.alerts)} alerts)", file=sys.stderr)
    return 0


def _describe_filters(args: argparse.Namespace) -> str:
    parts = [f"{name}={getattr(args, name)}" for name in ("country", "admin1", "actor", "weapon", "event_type",
                                                          "target_type", "claimed", "confirmation", "min_sources", "text")
             if getattr(args, name) is not None]
    if args.no_background:
        parts.append("background excluded")
    if args.exclude_side:
        parts.append("sides excluded: " + ", ".join(args.exclude_side))
    return "; ".join(parts)


def register(sub: argparse._SubParsersAction, db_default: str | None) -> None:  # type: ignore[type-arg]
    from attackwatch.analyze.sides import SIDE_CHOICES
    from attackwatch.cli.dataset import add_filters

    def parser(name: str, help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_)
        p.add_argument("--db", default=db_default, help="SQLite file or postgresql:// URL (default: ATTACKWATCH_DB or ./attackwatch.db)")
        add_filters(p)
        p.add_argument("--no-background", action="store_true",
                       help="leave out incidents told only as background (they count by default: they happened)")
        p.add_argument("--exclude-side", action="append", metavar="SIDE",
                       help="leave out incidents whose actor is on this side of the actor registry (e.g. us: the US strikes)")
        p.add_argument("--side", action="append", choices=SIDE_CHOICES,
                       help="the series to read, each on its own: militia (attacks by the Iran-aligned militias), us "
                            "(US/coalition strikes), other, all (every incident as one series). Default: lulls and "
                            "resumptions of militia attacks; surges and the report for militia and us separately")
        p.add_argument("--as-of", type=_iso, help="read the data as of this date (default: the latest date in the data)")
        p.add_argument("--today", action="store_true", help="measure up to today instead of the latest date in the data")
        return p

    p = parser("trends", "incident counts and casualties over time, split by a field")
    p.add_argument("--by", choices=("day", "week", "month"), default="week")
    p.add_argument("--split", default="none", choices=("none", "side", "actor", "weapon", "country", "admin1", "place", "claimed",
                                                       "confirmation", "event_type", "target_type"))
    p.add_argument("--top", type=int, default=12, help="series shown in the table (the rest summed as '(other)')")
    p.add_argument("--width", type=int, default=60, help="sparkline columns")
    p.add_argument("--format", choices=("table", "jsonl", "csv"))
    p.set_defaults(func=cmd_trends)

    p = parser("lulls", "pauses between incidents (date precision honoured); --since/--until pick pauses overlapping them")
    p.add_argument("--min-days", type=int, default=14)
    p.add_argument("--format", choices=("table", "jsonl", "csv"))
    p.set_defaults(func=cmd_lulls)

    def alert_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--thresholds", help="JSON file overriding packs/default/alerts.json (any subset)")
        p.add_argument("--set", action="append", metavar="RULE.KEY=VALUE", help="override one threshold, e.g. surge.factor=3")

    p = parser("alerts", "current signals: resumption, surge, new actor claim, new weapon at a site, casualties "
                         "(--since: only alerts dated since then; the history before is still read)")
    alert_options(p)
    p.add_argument("--rule", action="append", choices=("resumption", "surge", "new_actor_claim", "new_weapon_at_site",
                                                       "casualties"))
    p.add_argument("--format", choices=("table", "jsonl"))
    p.set_defaults(func=cmd_alerts)

    p = parser("report", "the situation report for a week or a period (html, md, pdf)")
    alert_options(p)
    p.add_argument("--week", help="ISO week, e.g. 2024-W16")
    p.add_argument("--from", dest="period_from", type=_iso)
    p.add_argument("--to", dest="period_to", type=_iso)
    p.add_argument("--format", choices=("html", "md", "pdf"), help="default: from the -o suffix, else html")
    p.add_argument("-o", "--output", default="report.html")
    p.set_defaults(func=cmd_report)
