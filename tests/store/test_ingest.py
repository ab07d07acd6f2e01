"""Ingesting into the SQLite incident database: idempotent re-ingest, updates by id or URL,
integrity, full-text search kept in sync, all-or-nothing batches, schema migrations."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from attackwatch.cli import main
from attackwatch.pipeline import extract_paths
from attackwatch.store import StoreError, open_store
from attackwatch.store.dataset import Dataset, IngestSummary
from attackwatch.store.schema import MIGRATIONS, SCHEMA_VERSION
from attackwatch.store.sqlite import SqliteStore

from .helpers import article_page, dump, groups

ERBIL = "zagros_erbil_rockets"  # an example article with a distinctive word (the spokesman's name)


def _copy_example(examples_dir: Path, dest: Path, name: str, *, text_edit=None, meta_edit=None) -> Path:
    """Copy one example page and its sidecar into `dest`, optionally changing either."""
    dest.mkdir(parents=True, exist_ok=True)
    text = (examples_dir / f"{name}.txt").read_text(encoding="utf-8")
    meta = json.loads((examples_dir / f"{name}.meta.json").read_text(encoding="utf-8"))
    if text_edit:
        text = text_edit(text)
    if meta_edit:
        meta = meta_edit(meta)
    (dest / f"{name}.txt").write_text(text, encoding="utf-8")
    (dest / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return dest


def _rename_spokesman(text: str) -> str:
    assert "Marotto" in text
    return text.replace("Marotto", "Quillfeather").replace("about 14 rockets", "about 16 rockets")


# -- ingest and re-ingest ------------------------------------------------------------------------
def test_examples_ingest_into_a_clean_database(example_db: Path, example_results, open_dataset) -> None:
    ds = open_dataset(example_db)
    counts = ds.store.counts()
    n_reports = sum(len(r.reports) for r in example_results)
    assert counts["articles"] == len(example_results) == 35
    assert counts["reports"] == n_reports
    assert 0 < counts["incidents"] < n_reports  # some reports were merged across outlets
    assert ds.store.check() == []
    ids = [r[0] for r in ds.store.conn.execute("SELECT id FROM articles")]
    assert sorted(ids) == sorted(r.article.id for r in example_results)


def test_reingest_is_a_no_op(example_db_copy: Path, example_results, open_dataset) -> None:
    before = dump(example_db_copy)
    ds = open_dataset(example_db_copy)
    counts = ds.store.counts()
    summary = ds.ingest(example_results)
    assert (summary.new, summary.updated, summary.unchanged, summary.failed) == (0, 0, 35, 0)
    assert summary.reports == 0 and summary.incidents_created == 0
    assert "35 unchanged" in summary.line()
    assert ds.store.counts() == counts
    assert dump(example_db_copy) == before  # not a byte of content changed


def test_reingest_via_cli_says_unchanged(example_db_copy: Path, examples_dir: Path, capsys) -> None:
    assert main(["ingest", str(examples_dir), "--db", str(example_db_copy), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "0 articles new, 0 updated, 35 unchanged, 0 failed" in out


def test_same_url_new_content_is_an_update(example_db_copy: Path, examples_dir: Path, tmp_path: Path,
                                           open_dataset) -> None:
    ds = open_dataset(example_db_copy)
    counts = ds.store.counts()
    old_reports = ds.store.conn.execute("SELECT COUNT(*) FROM reports WHERE article_id = ?", (ERBIL,)).fetchone()[0]
    folder = _copy_example(examples_dir, tmp_path / "v2", ERBIL, text_edit=_rename_spokesman)
    summary = ds.ingest(extract_paths([str(folder)]))
    assert (summary.new, summary.updated, summary.unchanged) == (0, 1, 0)
    assert ds.store.counts()["articles"] == counts["articles"]  # replaced, not duplicated
    rows = ds.store.conn.execute("SELECT id, text FROM articles WHERE url = (SELECT url FROM articles WHERE id = ?)",
                                 (ERBIL,)).fetchall()
    assert len(rows) == 1 and "Quillfeather" in rows[0]["text"] and "Marotto" not in rows[0]["text"]
    data = [r[0] for r in ds.store.conn.execute("SELECT data FROM reports WHERE article_id = ?", (ERBIL,))]
    assert len(data) == old_reports == summary.reports
    evidence = " ".join(e["text"] for d in data for e in json.loads(d)["evidence"])
    assert "Quillfeather" in evidence and "Marotto" not in evidence  # the old reports are gone
    # the canonical records were recomputed from the new reports
    for inc in {ds.store.incident_of(f"{ERBIL}#{n}") for n in range(old_reports)}:
        record_text = json.dumps(ds.store.incident(inc))
        assert "Marotto" not in record_text
    assert ds.store.check() == []


def test_same_url_under_a_new_id_replaces_the_old_article(example_db_copy: Path, examples_dir: Path, tmp_path: Path,
                                                          open_dataset) -> None:
    ds = open_dataset(example_db_copy)
    counts = ds.store.counts()
    folder = _copy_example(examples_dir, tmp_path / "v2", ERBIL, text_edit=_rename_spokesman,
                           meta_edit=lambda m: {**m, "id": ERBIL + "_v2"})
    summary = ds.ingest(extract_paths([str(folder)]))
    assert summary.updated == 1 and summary.new == 0
    assert ds.store.article(ERBIL) is None
    assert ds.store.article(ERBIL + "_v2") is not None
    assert ds.store.counts()["articles"] == counts["articles"]
    assert ds.store.conn.execute("SELECT COUNT(*) FROM reports WHERE article_id = ?", (ERBIL,)).fetchone()[0] == 0
    assert ds.store.check() == []


# -- full-text search ---------------------------------------------------------------------------
def test_search_finds_an_article_by_a_word_in_its_text(example_db: Path, open_dataset) -> None:
    ds = open_dataset(example_db)
    hits = ds.store.search("Marotto")
    assert ERBIL in {h["id"] for h in hits}
    assert all("Marotto" in ds.store.article(h["id"])["text"] for h in hits)
    assert "[Marotto]" in next(h for h in hits if h["id"] == ERBIL)["snippet"]
    assert ds.store.search("xylophonic") == []
    with pytest.raises(StoreError):  # FTS5 syntax only when asked for, and then checked
        ds.store.search('"unbalanced', advanced=True)


@pytest.mark.parametrize("query", ['"unbalanced', "al-Asad", "Kata'ib Hezbollah", "NEAR(", "drone*", "a AND", "-", '""',
                                   "col:umn", "^start", "(", "'", "NOT"])
def test_search_takes_any_text_literally(example_db: Path, open_dataset, query: str) -> None:
    """User text is never FTS5 syntax (datasette's escape_fts): no query is an error."""
    assert isinstance(open_dataset(example_db).store.search(query), list)


def test_search_quotes_each_word(example_db: Path, open_dataset) -> None:
    ds = open_dataset(example_db)
    asad = ds.store.search("al-Asad")
    told = [(ds.store.article(h["id"])["title"] or "") + ds.store.article(h["id"])["text"] for h in asad]
    assert asad and all("al-asad" in t.lower() or "al asad" in t.lower() for t in told)


def test_search_index_follows_an_update(example_db_copy: Path, examples_dir: Path, tmp_path: Path,
                                        open_dataset) -> None:
    ds = open_dataset(example_db_copy)
    others = {h["id"] for h in ds.store.search("Marotto")} - {ERBIL}
    ds.ingest(extract_paths([str(_copy_example(examples_dir, tmp_path / "v2", ERBIL, text_edit=_rename_spokesman))]))
    assert {h["id"] for h in ds.store.search("Marotto")} == others  # the old text is out of the index
    assert [h["id"] for h in ds.store.search("Quillfeather")] == [ERBIL]
    assert ds.store.check() == []  # includes the FTS5 integrity check


def test_search_via_cli(example_db: Path, capsys) -> None:
    assert main(["search", "Marotto", "--db", str(example_db)]) == 0
    assert ERBIL in capsys.readouterr().out


# -- integrity --------------------------------------------------------------------------------------
def test_check_is_clean_and_detects_damage(example_db_copy: Path, capsys) -> None:
    assert main(["check", "--db", str(example_db_copy)]) == 0
    assert capsys.readouterr().out.strip().endswith("ok")
    conn = sqlite3.connect(str(example_db_copy))
    conn.execute("DELETE FROM incident_reports WHERE report_id = (SELECT MIN(report_id) FROM incident_reports)")
    conn.commit()
    conn.close()
    assert main(["check", "--db", str(example_db_copy)]) == 1
    assert "belong to no incident" in capsys.readouterr().out


# -- a batch is all or nothing -----------------------------------------------------------------------
def _mixed_batch(examples_dir: Path, tmp_path: Path, example_results) -> list:
    """Two new articles, an update of an example article and an unchanged one."""
    update = list(extract_paths([str(_copy_example(examples_dir, tmp_path / "v2", ERBIL, text_edit=_rename_spokesman))]))
    unchanged = [r for r in example_results if r.article.id == "kalima_saadi"]
    return [article_page("asad_local"), article_page("harir_a"), *update, *unchanged]


def _fail_on_call(n: int, fn, exc: BaseException):
    calls = {"n": 0}

    def wrapper(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == n:
            raise exc
        return fn(*args, **kwargs)

    return wrapper


@pytest.mark.parametrize("target, nth, exc", [
    ("insert_report", 2, RuntimeError("disk on fire")),
    ("insert_report", 4, KeyboardInterrupt()),
    ("recompute", 2, RuntimeError("merge blew up")),
    ("recompute", 3, KeyboardInterrupt()),
])
def test_crash_mid_batch_leaves_the_database_as_it_was(example_db_copy: Path, examples_dir: Path, tmp_path: Path,
                                                       example_results, open_dataset, monkeypatch, target, nth,
                                                       exc) -> None:
    batch = _mixed_batch(examples_dir, tmp_path, example_results)
    before = dump(example_db_copy)
    ds = open_dataset(example_db_copy)
    counts = ds.store.counts()
    owner = ds.store if target == "insert_report" else ds
    monkeypatch.setattr(owner, target, _fail_on_call(nth, getattr(owner, target), exc))
    with pytest.raises(type(exc)):
        ds.ingest(batch, batch_size=len(batch))
    assert ds.store.counts() == counts
    assert dump(example_db_copy) == before  # every row and the search index exactly as before
    assert not ds.store.conn.in_transaction
    monkeypatch.undo()
    # the same process can carry on, and a re-run completes the batch
    summary = ds.ingest(batch, batch_size=len(batch))
    assert (summary.new, summary.updated, summary.unchanged) == (2, 1, 1)
    assert ds.store.counts()["articles"] == counts["articles"] + 2
    assert ds.store.check() == []
    assert [h["id"] for h in ds.store.search("Quillfeather")] == [ERBIL]


def test_crash_in_a_later_batch_keeps_the_earlier_batches(tmp_path: Path, open_dataset, monkeypatch) -> None:
    ds = open_dataset(tmp_path / "x.db")
    pages = [article_page(k) for k in ("asad_local", "asad_claim", "harir_a", "harir_b")]
    monkeypatch.setattr(ds.store, "insert_report", _fail_on_call(3, ds.store.insert_report, RuntimeError("boom")))
    with pytest.raises(RuntimeError):
        ds.ingest(pages, batch_size=2)
    assert ds.store.counts()["articles"] == 2 and ds.store.check() == []
    monkeypatch.undo()
    summary = ds.ingest(pages, batch_size=2)
    assert (summary.new, summary.unchanged) == (2, 2)
    assert sorted(groups(ds.store).values()) == [("asad_claim#0", "asad_local#0"), ("harir_a#0", "harir_b#0")]


# -- schema migrations ------------------------------------------------------------------------------
def _v1_database(path: Path) -> None:
    """A database as the first schema version made it, with one of everything in it."""
    conn = sqlite3.connect(str(path))
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    version, sql = MIGRATIONS[0]
    conn.executescript(sql)
    conn.execute("INSERT INTO schema_version(version) VALUES (?)", (version,))
    conn.execute("INSERT INTO articles(id, url, outlet, title, published, content_hash, text, path, ingested_at) "
                 "VALUES ('old1', 'https://old.example/1', 'Old Wire', 'Rockets at Balad', '2020-06-01', 'h1', "
                 "'Rockets landed near Balad air base overnight, police said.', 'old1.txt', '2020-06-01T00:00:00+00:00')")
    report = {"article_id": "old1", "date": "2020-05-31", "date_precision": "day", "country_code": "IQ",
              "admin1_code": "IQ-SD", "weapon": "rocket", "place": "Balad Air Base", "geo_precision": "site",
              "evidence": [{"text": "Rockets landed near Balad air base overnight, police said.", "start": 0, "end": 58}]}
    day = 737576  # 2020-05-31
    conn.execute("INSERT INTO reports(id, article_id, ordinal, date, date_precision, day_lo, day_hi, country_code, "
                 "admin1_code, weapon, actor, data) VALUES ('old1#0', 'old1', 0, '2020-05-31', 'day', ?, ?, 'IQ', "
                 "'IQ-SD', 'rocket', NULL, ?)", (day, day, json.dumps(report)))
    conn.execute("INSERT INTO incidents(id, date, day_lo, country_code, admin1_code, actor, weapon, event_type, n_sources, "
                 "data, updated_at) VALUES ('inc_old', '2020-05-31', ?, 'IQ', 'IQ-SD', NULL, 'rocket', "
                 "'Shelling/artillery/missile attack', 1, ?, '2020-06-01T00:00:00+00:00')",
                 (day, json.dumps({"id": "inc_old", "date": "2020-05-31", "reports": [{"article_id": "old1"}]})))
    conn.execute("INSERT INTO incident_reports(report_id, incident_id) VALUES ('old1#0', 'inc_old')")
    conn.execute("INSERT INTO edits(kind, incident_id, anchors, field, value, note, author, created_at) VALUES "
                 "('field', 'inc_old', '[\"old1#0\"]', 'killed', '0', 'police', 'ana', '2020-06-02T00:00:00+00:00')")
    conn.commit()
    conn.close()


def test_a_version_1_database_is_migrated_keeping_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    _v1_database(path)
    store = open_store(str(path))
    try:
        versions = [r[0] for r in store.conn.execute("SELECT version FROM schema_version ORDER BY version")]
        assert versions == [v for v, _ in MIGRATIONS] and max(versions) == SCHEMA_VERSION
        assert "author" in {r[1] for r in store.conn.execute("PRAGMA table_info(articles)")}
        indexes = {r[1] for r in store.conn.execute("SELECT type, name FROM sqlite_master WHERE type = 'index'")}
        assert {"reports_actor", "incidents_actor"} <= indexes
        assert store.counts() == {"articles": 1, "reports": 1, "incidents": 1, "edits": 1}
        assert store.article("old1")["author"] is None
        assert store.members("inc_old") == ["old1#0"]
        assert store.edits()[0]["value"] == 0
        assert [h["id"] for h in store.search("Balad")] == ["old1"]
        assert store.check() == []
    finally:
        store.close()
    # opening it again applies nothing more
    store = SqliteStore(path)
    try:
        assert store.conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)
        # and the migrated database takes new articles and re-resolves with the old ones
        ds = Dataset(store)
        summary = IngestSummary()
        ds.add_articles([(article_page("convoy").article, article_page("convoy").reports)], summary)
        assert summary.new == 1 and store.check() == []
        assert ds.rebuild() == 2
        assert store.check() == []
    finally:
        store.close()


def test_a_newer_schema_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "future.db"
    open_store(str(path)).close()
    conn = sqlite3.connect(str(path))
    conn.execute("INSERT INTO schema_version(version) VALUES (?)", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer"):
        open_store(str(path))
    assert main(["check", "--db", str(path)]) == 1
    assert "newer than this attackwatch" in capsys.readouterr().err
    assert path.read_bytes() == before  # refused without touching the file


def test_postgres_urls_and_missing_folders_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="PostgreSQL"):
        open_store("postgresql://localhost/aw")
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "nope" / "x.db"))
    store = open_store(f"sqlite:///{tmp_path / 'u.db'}")
    store.close()
    assert (tmp_path / "u.db").exists()


def test_an_update_that_tells_another_incident_is_not_merged_into_the_old_one(tmp_path: Path, open_dataset) -> None:
    ds = open_dataset(tmp_path / "x.db")
    ds.ingest([article_page("asad_local")])
    ds.ingest([article_page("asad_claim")])
    assert sorted(groups(ds.store).values()) == [("asad_claim#0", "asad_local#0")]
    # the same article id and URL now carry a story about a drone on Harir, months earlier
    summary = ds.ingest([article_page("harir_a", rename="asad_local")])
    assert summary.updated == 1
    assert sorted(groups(ds.store).values()) == [("asad_claim#0",), ("asad_local#0",)]


def test_a_batch_only_loads_incidents_near_its_own_dates(tmp_path: Path, open_dataset, monkeypatch) -> None:
    ds = open_dataset(tmp_path / "x.db")
    ds.ingest([article_page("convoy"), article_page("harir_a")])  # 2021 and 2023
    seeded: list[str] = []
    window = ds.store.window

    def spy(countries, lo, hi):
        found = window(countries, lo, hi)
        seeded.extend(found)
        return found

    monkeypatch.setattr(ds.store, "window", spy)
    ds.ingest([article_page("taji_2020"), article_page("asad_local")], batch_size=2)  # 2020 and 2024
    assert seeded == []  # nothing within two days of either new report
