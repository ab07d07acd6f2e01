"""The `attackwatch` command: a thin layer over the library, one module per command group
(pages: extract/clean; dataset; review; feeds; serve; analyze; scale), each with a `register(sub)`."""
from __future__ import annotations

import argparse
import sys
from typing import Sequence

from attackwatch.cli import analyze, dataset, feeds, pages, review, scale, serve

# the order of the groups is the order of `attackwatch --help`
COMMAND_GROUPS = (pages, dataset, review, feeds, serve, analyze, scale)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="attackwatch", description="Turn news pages into an incident dataset.")
    parser.add_argument("--version", action="version", version="attackwatch 0.1.0")
    sub = parser.add_subparsers(dest="command", required=True)
    for group in COMMAND_GROUPS:
        group.register(sub, None)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from attackwatch.store.sqlite import StoreError

    try:
        return int(args.func(args) or 0)
    except (StoreError, KeyError, ValueError) as exc:  # a bad id, field or database: one clear line
        print(f"attackwatch: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `attackwatch extract ... | head`
        return 0
    except KeyboardInterrupt:
        return 130

