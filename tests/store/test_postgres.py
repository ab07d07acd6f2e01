"""The PostgreSQL store itself: opening by URL and its errors, rows, migrations (forward,
concurrent, refused when newer), PostgreSQL full-text search, the COPY bulk path, writers
serialised by the advisory lock, retries, and all-or-nothing batches."""
from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import psycopg
import pytest
from psycopg import errors as pg_errors

from attackwatch.cli import main
from attackwatch.pipeline import extract_paths
from attackwatch.store import StoreError, open_store
from attackwatch.store import postgres as pg_module
from attackwatch.store.dataset import Dataset
from attackwatch.store.filters import IncidentFilter
from attackwatch.store.pg_schema import MIGRATIONS, SCHEMA_VERSION
from attackwatch.store.postgres import PostgresStore

from .helpers import article_page
from .test_ingest import ERBIL, _copy_example, _rename_spokesman


# -- opening ----------------------------------------------------------------------------------------
def test_open_store_routes_both_url_schemes(pg_url: str) -> None:
    for url in (pg_url, "postgres://" + pg_url.split("://", 1)[1]):
        store = open_store(url)
        try:
            assert isinstance(store, PostgresStore) and store.backend == "postgresql"
            assert store.schema_version() == SCHEMA_VERSION and store.check() == []
        finally:
            store.close()


def test_unreachable_server_is_one_clear_line() -> None:
    url = f"postgresql://nobody:secret@127.0.0.1:{_closed_port()}/nothing"
    with pytest.raises(StoreError) as err:
        open_store(url)
    message = str(err.value)
    assert message.startswith("cannot reach PostgreSQL at postgresql://nobody@127.0.0.1:") and "\n" not in message
    assert "secret" not in message  # the password is not echoed
    with pytest.raises(StoreError) as err:
        open_store(f"postgresql://nobody@127.0.0.1:{_closed_port()}/nothing?sslmode=disable&password=hidden")
    assert "hidden" not in str(err.value) and "password=***" in str(err.value)
    done = subprocess.run([sys.executable, "-m", "attackwatch.cli", "check", "--db", url], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [f"attackwatch: {message}"]


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again when the block ends: nothing listens there


def test_missing_psycopg_is_one_clear_line(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # `import psycopg` now raises ImportError
    with pytest.raises(StoreError, match=r"^the PostgreSQL backend needs psycopg: pip install 'attackwatch\[postgres\]'$"):
        open_store("postgresql://someone@127.0.0.1:1/db")


def test_rows_read_by_name_and_position(pg_examples_copy: str) -> None:
    store = open_store(pg_examples_copy)
    try:
        row = store.article_row(ERBIL)
        assert row["id"] == row[0] == ERBIL and dict(row)["content_hash"] == row[2]
        assert store.article_by_url(row["url"])["id"] == ERBIL
        (first,) = store.report_rows([f"{ERBIL}#0"])
        assert first["id"] == first[0] and first["article_id"] == ERBIL and first["data"].startswith('{"article_id"')
    finally:
        store.close()


# -- migrations ----------------------------------------------------------------------------------------
def test_migrations_bring_an_old_database_forward(pg_url: str, example_results, monkeypatch) -> None:
    monkeypatch.setattr(pg_module, "MIGRATIONS", MIGRATIONS[:1])
    monkeypatch.setattr(pg_module, "SCHEMA_VERSION", 1)
    monkeypatch.setattr(PostgresStore, "add_changes", lambda self, rows: None)  # that version kept no change log
    old = PostgresStore(pg_url)
    Dataset(old).ingest(example_results[:12])
    records = list(old.query_incidents("", ()))
    assert old.schema_version() == 1
    with pytest.raises(psycopg.errors.UndefinedColumn):
        old.conn.execute("SELECT casualties FROM incidents")
    old.close()
    monkeypatch.undo()

    store = PostgresStore(pg_url)  # opening with this version applies migrations 2 to 5
    try:
        assert store.schema_version() == SCHEMA_VERSION == 5 and store.check() == []
        assert list(store.query_incidents("", ())) == records  # the records untouched
        # the generated columns were computed for the rows already there
        for row in store.conn.execute("SELECT data, claimed, casualties, latitude, admin1_name, confidence, review "
                                      "FROM incidents"):
            rec = row["data"]
            assert row["review"] == ""  # nothing reviewed yet
            assert rec["confidence"] is not None and row["confidence"] == pytest.approx(rec["confidence"])
            assert row["claimed"] == int(rec["claimed"])
            assert row["casualties"] == (rec.get("killed") or 0) + (rec.get("injured") or 0)
            assert row["latitude"] == rec.get("latitude") and row["admin1_name"] == rec.get("admin1")
        hits = list(store.query_incidents(IncidentFilter(text="rocket")))
        assert hits and all("rocket" in str(h["reports"]).lower() for h in hits)
        assert [r[0] for r in store.conn.execute("SELECT version FROM schema_version ORDER BY version")] == [1, 2, 3, 4, 5]
        assert store.changes("") == []  # the change log starts empty
    finally:
        store.close()


def test_processes_migrating_at_once_apply_each_migration_once(pg_url: str) -> None:
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def open_it() -> None:
        try:
            barrier.wait()
            open_store(pg_url).close()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    with psycopg.connect(pg_url) as conn:
        assert [r[0] for r in conn.execute("SELECT version FROM schema_version ORDER BY version")] == \
            [v for v, _ in MIGRATIONS]


def test_a_newer_database_is_refused(pg_url: str) -> None:
    open_store(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_version(version) VALUES (99)")
    with pytest.raises(StoreError, match="database schema 99 is newer than this attackwatch"):
        open_store(pg_url)


# -- full-text search -------------------------------------------------------------------------------
def test_search_uses_postgres_full_text(pg_examples_copy: str, examples_dir: Path, tmp_path: Path, open_dataset) -> None:
    ds = open_dataset(pg_examples_copy)
    hits = ds.store.search("Marotto")
    assert ERBIL in {h["id"] for h in hits}
    assert set(hits[0]) == {"id", "title", "outlet", "published", "snippet"}
    assert "[Marotto]" in next(h for h in hits if h["id"] == ERBIL)["snippet"]
    assert all("Marotto" in ds.store.article(h["id"])["text"] for h in hits)
    # stemming: "rocket" finds "rockets"; web-search syntax: a quoted phrase, -word
    stemmed = {h["id"] for h in ds.store.search("rocket", limit=100)}
    assert ERBIL in stemmed and len(stemmed) > 5
    phrase = ds.store.search('"Ain al-Asad" -drone', limit=100)
    assert phrase and all("drone" not in ds.store.article(h["id"])["text"].lower() for h in phrase)
    assert len(ds.store.search("rocket", limit=3)) == 3
    assert ds.store.search("xylophonic") == [] and ds.store.search('"unbalanced') == []
    plan = "\n".join(r[0] for r in ds.store.conn.execute(
        "EXPLAIN SELECT id FROM articles WHERE tsv @@ websearch_to_tsquery('english', 'Marotto')"))
    assert "tsv" in plan
    # the index follows an update of the article
    ds.ingest(extract_paths([str(_copy_example(examples_dir, tmp_path / "v2", ERBIL, text_edit=_rename_spokesman))]))
    assert ERBIL not in {h["id"] for h in ds.store.search("Marotto")}
    assert [h["id"] for h in ds.store.search("Quillfeather")] == [ERBIL]
    assert main(["search", "Quillfeather", "--db", pg_examples_copy]) == 0


# -- bulk loading ------------------------------------------------------------------------------------
def _spy(monkeypatch, store: PostgresStore, names: list[str]) -> dict[str, int]:
    calls = {n: 0 for n in names}
    for name in names:
        real = getattr(store, name)

        def wrapper(*args, _real=real, _name=name, **kwargs):  # type: ignore[no-untyped-def]
            calls[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(store, name, wrapper)
    return calls


def test_batches_are_loaded_with_copy(pg_url: str, example_results, monkeypatch, open_dataset) -> None:
    ds = open_dataset(pg_url)
    calls = _spy(monkeypatch, ds.store, ["copy_articles", "bulk_insert_reports", "insert_article", "insert_report"])
    summary = ds.ingest(example_results, batch_size=10)
    assert summary.new == 35 and calls["copy_articles"] == calls["bulk_insert_reports"] == 4
    assert calls["insert_article"] == calls["insert_report"] == 0
    assert ds.store.counts()["reports"] == summary.reports == sum(len(r.reports) for r in example_results)
    assert ds.store.check() == []
    # a batch in which one article finds another (the same URL twice) goes row by row
    first, again = article_page("asad_local"), article_page("asad_claim")
    again.article.url = first.article.url
    summary = ds.ingest([first, again])
    assert (summary.new, summary.updated) == (1, 1) and calls["copy_articles"] == 4
    assert calls["insert_article"] == 2 and ds.store.article("asad_local") is None
    assert ds.store.check() == []


# -- writers ----------------------------------------------------------------------------------------
def test_writers_wait_for_each_other(pg_url: str) -> None:
    first, second = open_store(pg_url), open_store(pg_url)
    entered = threading.Event()
    insert = "INSERT INTO edits(kind, incident_id, anchors, created_at) VALUES ('field', %s, '[]', 'now')"

    def second_writer() -> None:
        with second.write():
            entered.set()
            second.conn.execute(insert, ("second",))

    try:
        with first.write():
            first.conn.execute(insert, ("first",))
            thread = threading.Thread(target=second_writer)
            thread.start()
            assert not entered.wait(0.5)  # the second writer waits on the advisory lock ...
        assert entered.wait(10)  # ... and goes on once the first commits
        thread.join(10)
        assert [e["incident_id"] for e in first.edits()] == ["first", "second"]
    finally:
        first.close()
        second.close()


def test_a_deadlock_victim_is_retried(pg_url: str) -> None:
    store = open_store(pg_url)
    attempts = []

    def transaction() -> str:
        store.conn.execute("BEGIN")
        store.conn.execute("INSERT INTO edits(kind, incident_id, anchors, created_at) VALUES ('field', 'x', '[]', 'now')")
        attempts.append(1)
        if len(attempts) < 3:
            raise pg_errors.DeadlockDetected("deadlock detected (test)")
        store.conn.execute("COMMIT")
        return "done"

    try:
        assert store.retrying(transaction) == "done" and len(attempts) == 3
        assert store.counts()["edits"] == 1  # the failed attempts were rolled back
        with pytest.raises(pg_errors.DeadlockDetected):
            store.retrying(lambda: (_ for _ in ()).throw(pg_errors.DeadlockDetected("again")), attempts=2)
    finally:
        store.close()


def test_crash_mid_batch_leaves_the_database_as_it_was(pg_examples_copy: str, open_dataset, monkeypatch) -> None:
    ds = open_dataset(pg_examples_copy)
    before, counts = list(ds.store.query_incidents()), ds.store.counts()
    batch = [article_page("asad_local"), article_page("harir_a"), article_page("convoy")]
    calls = {"n": 0}
    real = ds.recompute

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt()
        return real(*args, **kwargs)

    monkeypatch.setattr(ds, "recompute", failing)
    with pytest.raises(KeyboardInterrupt):
        ds.ingest(batch, batch_size=3)
    assert ds.store.counts() == counts and list(ds.store.query_incidents()) == before
    assert ds.store.conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
    monkeypatch.undo()
    summary = ds.ingest(batch, batch_size=3)
    assert summary.new == 3 and ds.store.counts()["articles"] == counts["articles"] + 3 and ds.store.check() == []


def test_check_reports_damage(pg_examples_copy: str, capsys) -> None:
    assert main(["check", "--db", pg_examples_copy]) == 0
    with psycopg.connect(pg_examples_copy, autocommit=True) as conn:
        conn.execute("DELETE FROM incident_reports WHERE report_id = (SELECT MIN(report_id) FROM incident_reports)")
    assert main(["check", "--db", pg_examples_copy]) == 1
    assert "1 report(s) belong to no incident" in capsys.readouterr().out


def test_a_failing_queued_write_rolls_the_transaction_back(pg_examples_copy: str) -> None:
    store = open_store(pg_examples_copy)
    try:
        counts, links = store.counts(), store.links()
        rid, inc = next(iter(links.items()))
        with pytest.raises(pg_errors.InvalidTextRepresentation):
            with store.write():
                store.link(rid, "inc_elsewhere")
                store.put_incident({"id": "inc_bad", "n_sources": "many"}, 0)  # queued: fails on the server ...
                store.members(inc)  # ... and the error comes with the next answer
                raise AssertionError("not reached")
        with pytest.raises(pg_errors.ForeignKeyViolation):  # a link to no incident fails at commit
            with store.write():
                store.link(rid, "inc_nowhere")
        assert store.conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        assert store.counts() == counts and store.links() == links and store.check() == []
        with store.write():  # and the store goes on working
            store.link(rid, inc)
    finally:
        store.close()


def test_losing_the_server_mid_batch_is_one_clear_line(pg_url: str) -> None:
    store = open_store(pg_url)
    try:
        with pytest.raises(StoreError, match=r"^lost the connection to PostgreSQL at .*: .*; the batch was not stored$"):
            with store.write():
                store.put_incident({"id": "inc_x", "n_sources": 1}, 0)
                with psycopg.connect(pg_url, autocommit=True) as admin:  # an administrator ends our session
                    admin.execute("SELECT pg_terminate_backend(%s)", (store.conn.info.backend_pid,))
                store.members("inc_x")
    finally:
        store.close()
    store = open_store(pg_url)  # nothing of the batch was stored
    try:
        assert store.incident_ids() == []
    finally:
        store.close()
