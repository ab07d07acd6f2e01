"""`attackwatch review`: the review queue in the terminal. A thin layer over attackwatch.store.review
and attackwatch.store.gold.

  attackwatch review                      the incidents still to review, least confident first
  attackwatch review confirm|reject|reopen ID [--note ..] [--author ..]
  attackwatch review progress             incidents per review state, and verdicts per day
  attackwatch review export-gold -o DIR   confirmed and corrected incidents as a gold set

Correcting an incident is `attackwatch edit`, `merge` or `split`: a corrected incident leaves
the queue as "corrected".
"""
from __future__ import annotations

import argparse
import json
import sys

from attackwatch.cli.dataset import _dataset, _filter, add_filters


def cmd_queue(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from attackwatch.store.review import QUEUE_ORDER, review_queue

    flt = _filter(args)
    with _dataset(args) as ds:
        if args.state == "pending":
            items, total = review_queue(ds.store, flt, limit=args.limit, offset=args.offset)
        else:  # what was decided: the rejected ones are found only here (and in the audit trail)
            where, params = replace(flt, review=args.state).sql()
            items = list(ds.store.query_incidents(where, params, order=QUEUE_ORDER, limit=args.limit, offset=args.offset))
            total = ds.store.count_incidents(where, params)
    if args.format == "jsonl":
        for record in items:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return 0
    from rich.console import Console
    from rich.markup import escape

    console = Console(width=None if sys.stdout.isatty() else 200, highlight=False)
    what = "to review" if args.state == "pending" else args.state
    console.print(f"[bold]{total} incident(s) {what}[/bold], least confident first"
                  + (f" (showing {args.offset + 1}-{args.offset + len(items)})" if items else ""))
    for record in items:
        conf = "-" if record.get("confidence") is None else f"{record['confidence']:.2f}"
        where = record.get("place") or record.get("admin1") or record.get("country") or "unknown place"
        console.print(f"\n[bold]{escape(record['id'])}[/bold]  confidence {conf}  {escape(str(record.get('date') or 'undated'))} · "
                      f"{escape(where)} · {escape(str(record.get('weapon') or 'unknown weapon'))} · "
                      f"{escape(str(record.get('actor') or 'actor unknown'))} · {record.get('n_sources', 0)} source(s)")
        for report in record.get("reports") or []:
            console.print(f"  {escape(str(report.get('outlet') or report.get('article_id')))}, "
                          f"{escape(str(report.get('published') or 'undated'))}:")
            for e in report.get("evidence") or []:
                # the evidence is what the analyst judges: highlighted, as the dashboard marks it
                # (isolated: Arabic evidence reads right to left in a bidi terminal)
                console.print(f"    [black on yellow]\u2068{escape(str(e.get('text') or ''))}\u2069[/black on yellow]")
    if items and args.state == "pending":
        console.print("\nattackwatch review confirm|reject ID   ·   attackwatch edit|merge|split … to correct")
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    with _dataset(args) as ds:
        record = ds.review(args.incident_id, args.decision, note=args.note, author=args.author)
    state = record.get("review") or "back in the queue"
    print(f"{record['id']}: {state}" + (" (left out of every list, export and analysis; kept in the audit trail)"
                                        if state == "rejected" else ""))
    return 0


def cmd_progress(args: argparse.Namespace) -> int:
    from attackwatch.store.review import review_progress

    with _dataset(args) as ds:
        progress = review_progress(ds.store)
    if args.format == "json":
        print(json.dumps(progress, ensure_ascii=False))
        return 0
    done = progress["confirmed"] + progress["corrected"] + progress["rejected"]
    share = f" ({100 * done / progress['total']:.0f}%)" if progress["total"] else ""
    print(f"{done} of {progress['total']} incidents reviewed{share}: {progress['confirmed']} confirmed, "
          f"{progress['corrected']} corrected, {progress['rejected']} rejected; {progress['pending']} to go")
    for day in progress["days"]:
        print(f"  {day['day']}  confirmed {day['confirmed']:4}  corrected {day['corrected']:4}  "
              f"rejected {day['rejected']:4}  reopened {day['reopened']:4}")
    return 0


def cmd_export_gold(args: argparse.Namespace) -> int:
    from attackwatch.store.gold import export_gold

    with _dataset(args) as ds:
        summary = export_gold(ds.store, args.output, _filter(args))
    print(f"{args.output}: {summary.line()}", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction, db_default: str | None) -> None:  # type: ignore[type-arg]
    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--db", default=db_default, help="SQLite file or postgresql:// URL (default: ATTACKWATCH_DB or ./attackwatch.db)")
        return p

    review = with_db(sub.add_parser("review", help="the review queue: confirm, reject or correct incidents, least "
                                                   "confident first; export what was reviewed as a gold set"))
    add_filters(review)
    review.add_argument("--limit", type=int, default=20)
    review.add_argument("--offset", type=int, default=0)
    review.add_argument("--format", choices=("text", "jsonl"), default="text")
    review.add_argument("--state", choices=("pending", "confirmed", "corrected", "reviewed", "rejected"), default="pending",
                        help="list the incidents in this review state instead of the queue (default: pending)")
    review.set_defaults(func=cmd_queue)
    actions = review.add_subparsers(dest="review_action")
    for decision, help_ in (("confirm", "the incident is right as it stands"),
                            ("reject", "not an incident: left out of every list, export and analysis (kept in the "
                                       "audit trail; `reopen` undoes it)"),
                            ("reopen", "put a reviewed incident back in the queue")):
        p = with_db(actions.add_parser(decision, help=help_))
        p.add_argument("incident_id")
        p.add_argument("--note")
        p.add_argument("--author")
        p.set_defaults(func=cmd_decide, decision=decision)
    p = with_db(actions.add_parser("progress", help="incidents per review state, and verdicts per day"))
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_progress)
    p = with_db(actions.add_parser("export-gold", help="confirmed and corrected incidents with their articles, in the "
                                                     "gold format of ../shared/eval/score.py"))
    add_filters(p)
    p.add_argument("-o", "--output", required=True, help="folder to write (created if missing)")
    p.set_defaults(func=cmd_export_gold)
