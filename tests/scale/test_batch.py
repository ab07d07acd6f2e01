"""`attackwatch batch` on a real Dask LocalCluster (2 worker processes): partitioned Parquet,
re-runs that skip finished partitions and redo a lost one, a worker killed mid-batch, and the
store built from the Parquet output equal to the one `attackwatch ingest` builds from the
same pages. Pages: the seed corpus (../shared), the example corpus, and a WARC and a JSONL
file written here."""
from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from attackwatch.cli import main
from attackwatch.resolve.cluster import Resolver
from attackwatch.scale.batch import run_batch
from attackwatch.scale.output import iter_rows
from attackwatch.scale.resolve import keys_from_rows, resolve_parquet
from attackwatch.store import open_store

from .pages import write_jsonl, write_warc

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
# example pages that tell some incidents in several outlets (examples/same_as.jsonl)
OVERLAPPING = ["tw_k1_kirkuk", "lm_kh_strikes", "ridge_iran_missiles", "tw_taji_first", "gsd_asad_tbi",
               "lm_ain_harir_claims", "ledger_taji_second", "courier_taji_saturday", "zagros_erbil_rockets",
               "lm_erbil_claim"]


def example_pages(stems: list[str]) -> list[str]:
    return [str(p) for stem in stems for p in EXAMPLES.glob(stem + ".*") if p.suffix in (".txt", ".html")]


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    import logging

    from distributed import Client, LocalCluster

    lc = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR)
    client = Client(lc)
    yield client
    client.close()
    lc.close()


@pytest.fixture()
def sources(tmp_path: Path, shared_dir: Path) -> list[str]:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)  # 3 HTML pages, an image, 1 corrupt record
    jsonl = tmp_path / "feed.jsonl"
    write_jsonl(jsonl)  # 1 page, 1 broken line
    return [str(shared_dir / "corpus" / "seeds"), str(warc), str(jsonl)]


def _parts(out: Path) -> list[Path]:
    return sorted((out / "parts").glob("*.parquet"))


def test_batch_writes_parquet_skips_done_partitions_and_redoes_a_lost_one(cluster: Any, sources: list[str],
                                                                          tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    errors: list[str] = []
    first = run_batch(sources, out, partition_size=3, scheduler=cluster.scheduler.address, on_error=errors.append)
    # 5 seed pages + 3 WARC pages + 1 JSONL page; the corrupt record and the broken line fail
    assert (first.articles, first.failed, first.ran, first.skipped) == (9, 2, first.partitions, 0)
    assert first.partitions == len(_parts(out)) >= 4 and first.reports > 0
    assert len(errors) == 2
    assert any(e.startswith(f"{sources[1]}: record at offset ") and "corrupt record" in e for e in errors)
    assert any(e.startswith(f"{sources[2]}: line 2: bad JSON") for e in errors)
    rows = pq.read_table(_parts(out)[0]).to_pylist()
    assert {r["kind"] for r in rows} <= {"article", "failure"} and all(r["content_hash"] for r in rows
                                                                          if r["kind"] == "article")
    manifest = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]
    assert sorted(m["id"] for m in manifest) == sorted(p.stem for p in _parts(out))

    again = run_batch(sources, out, partition_size=3, scheduler=cluster.scheduler.address)
    assert (again.ran, again.skipped, again.articles) == (0, first.partitions, 0)

    # a partition lost (its worker died before the rename; or deleted) is redone, the same
    lost = _parts(out)[1]
    before = pq.read_table(lost).to_pylist()
    lost.unlink()
    (lost.parent / f".{lost.stem}.deadbeef.tmp").write_bytes(b"PAR1 cut short")  # what a killed writer leaves
    with (out / "manifest.jsonl").open("a") as fh:
        fh.write('{"id": "cut sh')  # a manifest line cut short by the crash
    redo = run_batch(sources, out, partition_size=3, scheduler=cluster.scheduler.address)
    assert (redo.ran, redo.skipped) == (1, first.partitions - 1)
    assert pq.read_table(lost).to_pylist() == before


def test_a_worker_killed_mid_batch_loses_nothing(cluster: Any, tmp_path: Path, shared_dir: Path) -> None:
    out = tmp_path / "out"
    pages = [str(shared_dir / "corpus" / "seeds"), *example_pages(["tw_taji_first", "tw_k1_kirkuk"])]
    result: dict[str, Any] = {}
    thread = threading.Thread(target=lambda: result.update(s=run_batch(
        pages, out, partition_size=1, scheduler=cluster.scheduler.address)))
    thread.start()
    deadline = time.time() + 60
    while not _parts(out) and time.time() < deadline:
        time.sleep(0.05)
    victim = next(iter(cluster.run(os.getpid).values()))
    os.kill(victim, signal.SIGKILL)  # the nanny starts a new worker; the scheduler re-runs its task
    written_at_kill = len(_parts(out))
    thread.join(120)
    summary = result["s"]
    assert written_at_kill < 7  # the batch was still running
    assert summary.lost == 0 and summary.articles == 7 and len(_parts(out)) == summary.partitions == 7
    cluster.wait_for_workers(2, timeout=60)
    assert victim not in cluster.run(os.getpid).values()


def _incidents(db: Path) -> list[tuple[tuple[str, ...], str]]:
    """Each incident as (its report ids, its record without the id), sorted."""
    store = open_store(str(db))
    try:
        out = []
        for iid in store.incident_ids():
            record = {k: v for k, v in (store.incident(iid) or {}).items() if k != "id"}
            out.append((tuple(store.members(iid)), json.dumps(record, sort_keys=True)))
        assert store.check() == []
        return sorted(out)
    finally:
        store.close()


def test_ingest_of_batch_output_equals_ingest_of_the_pages(cluster: Any, tmp_path: Path, shared_dir: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    pages = [str(shared_dir / "corpus" / "seeds"), *example_pages(OVERLAPPING)]
    out = tmp_path / "out"
    assert main(["batch", *pages, "--out", str(out), "--scheduler", cluster.scheduler.address,
                 "--partition-size", "8"]) == 0
    assert "15 articles, 0 failed" in capsys.readouterr().out
    assert main(["ingest", str(out), "--db", str(tmp_path / "batch.db"), "--scheduler",
                 cluster.scheduler.address]) == 0
    from_batch = capsys.readouterr().out
    assert main(["ingest", *pages, "--db", str(tmp_path / "direct.db")]) == 0
    direct = capsys.readouterr().out
    assert from_batch.startswith("15 articles new") and direct.startswith("15 articles new")
    batch_incidents = _incidents(tmp_path / "batch.db")
    assert batch_incidents == _incidents(tmp_path / "direct.db")
    assert any(len(members) > 2 for members, _ in batch_incidents)

    # resolution over the Parquet output, block-parallel on the cluster, is the serial Resolver's
    keys = list(keys_from_rows(iter_rows(out)).values())
    resolver = Resolver()
    resolver.add_all(keys)
    assert resolve_parquet(out, client=cluster) == resolver.groups()

    # a second load into the now non-empty store is incremental: everything is unchanged
    assert main(["ingest", str(out), "--db", str(tmp_path / "batch.db")]) == 0
    assert capsys.readouterr().out.startswith("0 articles new, 0 updated, 15 unchanged")


def test_batch_writes_a_typed_flat_reports_table_and_shares_work_out(cluster: Any, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pages = example_pages(OVERLAPPING)
    out = tmp_path / "out"
    progress: list[tuple[int, int]] = []
    summary = run_batch(pages, out, scheduler=cluster.scheduler.address,
                        on_progress=lambda done, total: progress.append((done, total)))
    # no size asked for: small partitions, so both workers have work (two partitions each)
    assert summary.partition_size == 3 and summary.partitions == 4 and summary.ran == 4
    assert progress[0] == (0, len(pages)) and progress[-1] == (len(pages), len(pages))
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)
    table = pq.read_table(out / "reports")  # the folder reads as one table
    schema = table.schema
    assert schema.field("published").type == pa.date32() and schema.field("date_first_day").type == pa.date32()
    assert schema.field("killed").type == pa.int32() and schema.field("latitude").type == pa.float64()
    assert schema.field("claimed").type == pa.bool_()
    assert schema.field("evidence").type == pa.list_(pa.struct([("text", pa.string()), ("start", pa.int32()),
                                                                 ("end", pa.int32())]))
    rows = table.to_pylist()
    assert len(rows) == summary.reports and len({r["report_id"] for r in rows}) == len(rows)
    articles = {r["id"]: r for p in sorted((out / "parts").glob("*.parquet")) for r in pq.read_table(p).to_pylist()}
    assert pq.read_table(sorted((out / "parts").glob("*.parquet"))[0]).schema.field("published").type == pa.date32()
    for r in rows:
        article = articles[r["article_id"]]
        assert r["published"] == article["published"] and r["url"] == article["url"]
        told = json.loads(article["reports"])[r["ordinal"]]
        assert [e["text"] for e in r["evidence"]] == [e["text"] for e in told["evidence"]]
        assert (r["killed"], r["date"], r["claimed"]) == (told["killed"], told["date"], told["claimed"])
    pd = pytest.importorskip("pandas")
    df = pd.read_parquet(out / "reports")
    assert len(df) == len(rows) and str(df["ordinal"].dtype) == "int32"
