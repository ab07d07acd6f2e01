"""Two `attackwatch ingest` processes writing one PostgreSQL database at once, on folders that
overlap, end with every article once and the same incidents as one serial run."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from attackwatch.store import open_store

from .helpers import groups


def _overlapping(examples_dir: Path, tmp_path: Path) -> tuple[Path, Path, int]:
    """The first two thirds of the pages and the last two thirds; returns the overlap size."""
    pages = sorted(p for p in examples_dir.iterdir() if p.suffix in (".txt", ".html"))
    third = len(pages) // 3
    parts = {tmp_path / "a": pages[:len(pages) - third], tmp_path / "b": pages[third:]}
    for folder, chosen in parts.items():
        folder.mkdir()
        for p in chosen:
            shutil.copy(p, folder / p.name)
            meta = p.with_suffix(".meta.json")
            if meta.exists():
                shutil.copy(meta, folder / meta.name)
    a, b = parts
    return a, b, len(pages) - 2 * third


def test_two_ingest_processes_match_a_serial_run(examples_dir: Path, tmp_path: Path, pg_server, pg_url: str,
                                                 pg_examples: str, example_results) -> None:
    a, b, overlap = _overlapping(examples_dir, tmp_path)
    assert overlap >= 10
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("ATTACKWATCH_DB", None)
    # a new database both race to migrate; small batches, so the writers interleave many transactions
    cmd = [sys.executable, "-m", "attackwatch.cli", "ingest", "--db", pg_url, "--batch", "2", "--quiet"]
    procs = [subprocess.Popen([*cmd, str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for folder in (a, b)]
    outs = [p.communicate(timeout=240) for p in procs]
    totals = {"new": 0, "unchanged": 0}
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, (out, err)
        m = re.search(r"(\d+) articles new, (\d+) updated, (\d+) unchanged, 0 failed", out)
        assert m and m.group(2) == "0", out
        totals["new"] += int(m.group(1))
        totals["unchanged"] += int(m.group(3))
    assert totals == {"new": 35, "unchanged": overlap}  # each shared article stored by exactly one of them

    concurrent, serial = open_store(pg_url), open_store(pg_server.url(pg_examples))
    try:
        assert concurrent.check() == []
        assert concurrent.counts() == serial.counts()
        ids = [r[0] for r in concurrent.conn.execute("SELECT id FROM articles ORDER BY id")]
        assert ids == sorted(r.article.id for r in example_results)
        # the same incidents: the same groups of reports, and the same records up to their ids
        assert {frozenset(m) for m in groups(concurrent).values()} == {frozenset(m) for m in groups(serial).values()}
        by_members = {tuple(serial.members(r["id"])): r for r in serial.query_incidents()}
        for record in concurrent.query_incidents():
            twin = by_members[tuple(concurrent.members(record["id"]))]
            assert {**record, "id": None} == {**twin, "id": None}
    finally:
        concurrent.close()
        serial.close()
