"""Resolution at scale: cut the reports into independent blocks and resolve each on its own,
in parallel on a Dask cluster when one is given, with exactly the serial Resolver's result.

Why blocks are independent: the Resolver compares a report only with incidents of its
country whose representative's days lie within a day of the report's own interval
([lo - 1, hi + 1], attackwatch.resolve.cluster.Resolver._candidates), and folding and
unfolding of coarse tellings use the same reach. So, within one country, two reports can only
ever meet when their intervals widened by a day, [lo, hi + 1], overlap. Sorting a country's
reports by first day and sweeping gives *runs* whose widened intervals chain together; no
report of one run can reach any report of another. Each run goes whole into the block of
the (country, quarter) of its first day, so a run that crosses a quarter's edge is never cut
in two. Undated or country-less reports never join anything (each founds its own incident)
and form one block. Inside a block the reports are added in the serial order (the
Resolver's own sort), so each block's operations are exactly those the serial Resolver
performs on those reports.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator

from attackwatch.resolve.cluster import Resolver
from attackwatch.resolve.keys import ReportKey, report_key

UNDATED = ("-", "undated")


def _country(k: ReportKey) -> str | None:
    # an ISO 3166-2 code starts with its country's: a report with a province but no country
    # can still be found through the province index, so it belongs with that country
    return k.country or (k.admin1.split("-")[0] if k.admin1 and "-" in k.admin1 else None)


def _quarter(day: int) -> str:
    d = date.fromordinal(day)
    return f"{d.year}Q{(d.month - 1) // 3 + 1}"


def runs(keys: Iterable[ReportKey]) -> Iterator[tuple[tuple[str, str], list[ReportKey]]]:
    """((country, quarter of the run's first day), reports) for each run; undated last."""
    by_country: dict[str, list[ReportKey]] = {}
    undated: list[ReportKey] = []
    for k in keys:
        country = _country(k)
        if k.dated and country:
            by_country.setdefault(country, []).append(k)
        else:
            undated.append(k)
    for country in sorted(by_country):
        run: list[ReportKey] = []
        reach = -1  # the last day (hi + 1) the run reaches
        for k in sorted(by_country[country], key=lambda k: (k.lo, k.id)):
            if run and k.lo > reach:
                yield (country, _quarter(run[0].lo)), run
                run = []
            run.append(k)
            reach = max(reach, k.hi + 1) if len(run) > 1 else k.hi + 1
        if run:
            yield (country, _quarter(run[0].lo)), run
    if undated:
        yield UNDATED, undated


def blocks(keys: Iterable[ReportKey]) -> dict[tuple[str, str], list[ReportKey]]:
    """Reports grouped by (country, quarter) of their run."""
    out: dict[tuple[str, str], list[ReportKey]] = {}
    for block, run in runs(keys):
        out.setdefault(block, []).extend(run)
    return out


def resolve_block(keys: list[ReportKey]) -> dict[str, list[str]]:
    """incident id -> report ids for one block (a fresh Resolver, as a full re-resolution)."""
    resolver = Resolver()
    resolver.add_all(keys)
    return resolver.groups()


def _resolve_many(chunk: list[list[ReportKey]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for keys in chunk:
        out.update(resolve_block(keys))
    return out


def resolve_in_blocks(keys: Iterable[ReportKey], client: Any = None, tasks_per_worker: int = 4) -> dict[str, list[str]]:
    """incident id -> report ids for all reports, block by block; on the Dask `client`'s
    cluster when given (blocks packed into a few tasks per worker, biggest first), else here."""
    parts = sorted(blocks(keys).values(), key=len, reverse=True)
    if client is None or len(parts) < 2:
        return _resolve_many(parts)
    n_tasks = max(1, min(len(parts), tasks_per_worker * max(1, len(client.scheduler_info()["workers"]))))
    chunks: list[list[list[ReportKey]]] = [[] for _ in range(n_tasks)]
    sizes = [0] * n_tasks
    for part in parts:  # greedy: each block to the lightest task so far
        i = sizes.index(min(sizes))
        chunks[i].append(part)
        sizes[i] += len(part)
    out: dict[str, list[str]] = {}
    for groups in client.gather(client.map(_resolve_many, [c for c in chunks if c], pure=False)):
        out.update(groups)
    return out


def keys_from_rows(rows: Iterable[dict[str, Any]]) -> dict[str, ReportKey]:
    """Report keys (id ARTICLE#N) from extracted rows; a later row of an article id replaces an
    earlier one, as storing them does."""
    out: dict[str, ReportKey] = {}
    for row in rows:
        reports = row["reports"] if isinstance(row["reports"], list) else json.loads(row["reports"] or "[]")
        stale = [rid for rid in out if rid.startswith(row["id"] + "#")] if f"{row['id']}#0" in out else []
        for rid in stale:
            del out[rid]
        for n, data in enumerate(reports):
            rid = f"{row['id']}#{n}"
            out[rid] = report_key(data, rid, row.get("outlet"))
    return out


def resolve_parquet(out_dir: str | Path, client: Any = None) -> dict[str, list[str]]:
    """Resolve the reports of an `attackwatch batch` output folder, block-parallel."""
    from attackwatch.scale.output import iter_rows

    return resolve_in_blocks(keys_from_rows(iter_rows(out_dir)).values(), client=client)
