"""Two `attackwatch ingest` processes writing one database file at the same time both finish,
and the file then holds every article once and passes `check`."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from attackwatch.store import open_store


def _halves(examples_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    pages = sorted(p for p in examples_dir.iterdir() if p.suffix in (".txt", ".html"))
    halves = (tmp_path / "half1", tmp_path / "half2")
    for h in halves:
        h.mkdir()
    for i, p in enumerate(pages):
        dest = halves[i % 2]
        shutil.copy(p, dest / p.name)
        meta = p.with_suffix(".meta.json")
        if meta.exists():
            shutil.copy(meta, dest / meta.name)
    return halves


def test_two_processes_ingest_into_one_file(examples_dir: Path, example_results, tmp_path: Path) -> None:
    half1, half2 = _halves(examples_dir, tmp_path)
    db = tmp_path / "shared.db"  # does not exist yet: both processes race to create and migrate it
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("ATTACKWATCH_DB", None)
    # small batches, so the two writers interleave many transactions
    cmd = [sys.executable, "-m", "attackwatch.cli", "ingest", "--db", str(db), "--batch", "2", "--quiet"]
    procs = [subprocess.Popen([*cmd, str(h)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for h in (half1, half2)]
    outs = [p.communicate(timeout=180) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, (out, err)
        assert "0 failed" in out, out
    news = sorted(int(out.split(" articles new")[0]) for out, _ in outs)
    assert news == sorted([len(list(half1.glob("*.txt")) + list(half1.glob("*.html"))),
                           len(list(half2.glob("*.txt")) + list(half2.glob("*.html")))])

    store = open_store(str(db))
    try:
        assert store.check() == []
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles")]
        assert sorted(ids) == sorted(r.article.id for r in example_results)  # each article exactly once
        hashes = [r[0] for r in store.conn.execute("SELECT content_hash FROM articles")]
        assert len(set(hashes)) == len(hashes)
        assert store.counts()["reports"] == sum(len(r.reports) for r in example_results)
        # every report in exactly one incident, every incident with a report
        linked = store.conn.execute("SELECT COUNT(*), COUNT(DISTINCT report_id) FROM incident_reports").fetchone()
        assert linked[0] == linked[1] == store.counts()["reports"]
    finally:
        store.close()
    check = subprocess.run([sys.executable, "-m", "attackwatch.cli", "check", "--db", str(db)], capture_output=True,
                           text=True, env=env, timeout=60)
    assert check.returncode == 0 and check.stdout.strip().endswith("ok"), check.stdout
