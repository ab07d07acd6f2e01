"""`attackwatch batch`: clean and extract many pages on a Dask cluster into partitioned
Parquet (attackwatch.scale.batch); `attackwatch ingest OUT_DIR` then stores them."""
from __future__ import annotations

import argparse
import os
import sys


def cmd_batch(args: argparse.Namespace) -> int:
    try:
        import distributed  # noqa: F401  (the optional `scale` extra)
    except ImportError:
        print("attackwatch: the batch mode needs Dask: pip install 'attackwatch[scale]'", file=sys.stderr)
        return 2
    from attackwatch.scale.batch import run_batch

    def on_error(message: str) -> None:
        print(f"attackwatch: skipped {message}", file=sys.stderr)

    show = sys.stderr.isatty() and not args.quiet
    if show:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress(TextColumn("pages"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      transient=True) as progress:
            task = progress.add_task("batch", total=None)
            summary = run_batch(args.inputs, args.out, partition_size=args.partition_size, workers=args.workers,
                                scheduler=args.scheduler, pack=args.pack, any_theatre=args.any_theatre,
                                on_error=on_error,
                                on_progress=lambda done, total: progress.update(task, completed=done, total=total))
    else:
        summary = run_batch(args.inputs, args.out, partition_size=args.partition_size, workers=args.workers,
                            scheduler=args.scheduler, pack=args.pack, any_theatre=args.any_theatre, on_error=on_error)
    print(summary.line())
    return 1 if summary.failed or summary.lost else 0


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return n


def register(sub: argparse._SubParsersAction, db_default: str | None) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("batch", help="extract many pages (folders, WARC/ARC, JSONL, Parquet) on a Dask cluster "
                                     "into partitioned Parquet; re-runs skip finished partitions")
    p.add_argument("inputs", nargs="+", help="files, folders or glob patterns (quote them)")
    p.add_argument("--out", required=True, help="output folder: parts/*.parquet (one row per page), reports/*.parquet "
                                                "(one typed row per report), manifest.jsonl")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--workers", type=_positive, help=f"local worker processes (default: {os.cpu_count()})")
    where.add_argument("--scheduler", help="address of an existing Dask scheduler, e.g. tcp://host:8786")
    p.add_argument("--partition-size", type=_positive,
                   help="pages per partition (default: up to 500, and small enough that every worker gets two)")
    p.add_argument("--pack", default="default")
    p.add_argument("--any-theatre", action="store_true")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_batch)
