"""The SQLite store: articles, reports, incidents, their links, analyst edits, full-text search.

Concurrency: WAL journal, a busy timeout, and write transactions taken with BEGIN IMMEDIATE
and retried, so two `ingest` processes on one file both finish. Every write happens inside
`with store.write():`, so a crash or Ctrl-C leaves the file as it was before the batch.
"""
from __future__ import annotations

import json
import random
import sqlite3
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from attackwatch.store.schema import MIGRATIONS, SCHEMA_VERSION


class StoreError(RuntimeError):
    pass


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class SqliteStore:
    backend = "sqlite"

    def __init__(self, path: str | Path, *, timeout: float = 60.0):
        self.path = str(path)
        self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA busy_timeout = %d" % int(timeout * 1000))
        self.conn.execute("PRAGMA foreign_keys = ON")
        self._retrying(lambda: self.conn.execute("PRAGMA journal_mode = WAL"))
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self._in_tx = False
        try:
            self.migrate()
        except BaseException:
            self.conn.close()  # a database this version cannot open leaves no handle behind
            raise

    # -- transactions ---------------------------------------------------------------------
    def _retrying(self, fn, attempts: int = 30):  # type: ignore[no-untyped-def]
        for i in range(attempts):
            try:
                return fn()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or i == attempts - 1:
                    raise
                time.sleep(min(2.0, 0.05 * (2 ** i)) * (0.5 + random.random()))
        return None

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (nested calls join the outer one)."""
        if self._in_tx:
            yield self.conn
            return
        self._retrying(lambda: self.conn.execute("BEGIN IMMEDIATE"))
        self._in_tx = True
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._in_tx = False

    def migrate(self) -> int:
        with self.write() as c:
            c.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = c.execute("SELECT MAX(version) FROM schema_version").fetchone()
            current = row[0] or 0
            if current > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: database schema {current} is newer than this attackwatch ({SCHEMA_VERSION})")
            for version, sql in MIGRATIONS:
                if version > current:
                    for statement in _statements(sql):
                        c.execute(statement)
                    c.execute("INSERT INTO schema_version(version) VALUES (?)", (version,))
            return SCHEMA_VERSION

    def close(self) -> None:
        self.conn.close()

    # -- articles and reports ----------------------------------------------------------------
    def article_row(self, article_id: str) -> sqlite3.Row | None:
        return self.conn.execute("SELECT id, url, content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()

    def article_by_hash(self, content_hash: str) -> str | None:
        row = self.conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return row[0] if row else None

    def article_by_url(self, url: str) -> sqlite3.Row | None:
        return self.conn.execute("SELECT id, content_hash FROM articles WHERE url = ?", (url,)).fetchone()

    def articles_matching(self, ids: list[str], urls: list[str], hashes: list[str]) -> list[sqlite3.Row]:
        """(id, url, content_hash) of every article with one of these ids, URLs or content
        hashes: what a batch's per-article lookups would find, read at once."""
        found: dict[str, sqlite3.Row] = {}
        for column, values in (("id", ids), ("url", urls), ("content_hash", hashes)):
            for chunk in _chunks(sorted(set(values)), 500):
                for row in self.conn.execute(f"SELECT id, url, content_hash FROM articles WHERE {column} IN "
                                             f"({','.join('?' * len(chunk))})", chunk):
                    found.setdefault(row["id"], row)
        return list(found.values())

    def article(self, article_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return dict(row) if row else None

    def delete_article(self, article_id: str) -> set[str]:
        """Remove an article and its reports; returns the incidents that lost members."""
        rows = self.conn.execute(
            "SELECT DISTINCT ir.incident_id FROM incident_reports ir JOIN reports r ON r.id = ir.report_id "
            "WHERE r.article_id = ?", (article_id,)).fetchall()
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        return {r[0] for r in rows}

    def insert_article(self, row: dict[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO articles(id, url, outlet, title, published, content_hash, text, path, ingested_at, author) "
            "VALUES (:id, :url, :outlet, :title, :published, :content_hash, :text, :path, :ingested_at, :author)", row)

    def insert_report(self, report_id: str, article_id: str, ordinal: int, data: dict[str, Any], lo: int, hi: int) -> None:
        self.conn.execute(
            "INSERT INTO reports(id, article_id, ordinal, date, date_precision, day_lo, day_hi, country_code, admin1_code, "
            "weapon, actor, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (report_id, article_id, ordinal, data.get("date"), data.get("date_precision"), lo, hi,
             data.get("country_code"), data.get("admin1_code"), data.get("weapon"), data.get("actor"),
             json.dumps(data, ensure_ascii=False)))

    def report_rows(self, report_ids: list[str]) -> list[sqlite3.Row]:
        """Rows for these report ids, in the order given."""
        out: list[sqlite3.Row] = []
        for chunk in _chunks(report_ids, 500):
            out += self.conn.execute(
                "SELECT r.id, r.data, a.id AS article_id, a.outlet, a.url, a.published FROM reports r "
                f"JOIN articles a ON a.id = r.article_id WHERE r.id IN ({','.join('?' * len(chunk))})", chunk).fetchall()
        order = {rid: i for i, rid in enumerate(report_ids)}
        return sorted(out, key=lambda r: order.get(r["id"], 0))

    def all_report_rows(self) -> Iterator[sqlite3.Row]:
        yield from self.conn.execute(
            "SELECT r.id, r.data, a.id AS article_id, a.outlet, a.url, a.published FROM reports r "
            "JOIN articles a ON a.id = r.article_id ORDER BY a.ingested_at, r.id")

    def window(self, countries: set[str], lo: int, hi: int) -> dict[str, list[str]]:
        """Incidents (id -> report ids) with a report in these countries whose days reach [lo, hi]."""
        if not countries:
            return {}
        marks = ",".join("?" * len(countries))
        rows = self.conn.execute(
            f"SELECT ir.incident_id, r.id FROM reports r JOIN incident_reports ir ON ir.report_id = r.id "
            f"WHERE r.country_code IN ({marks}) AND r.day_hi >= ? AND r.day_lo <= ? AND r.day_lo >= 0",
            (*sorted(countries), lo, hi)).fetchall()
        incidents = {r[0] for r in rows}
        out: dict[str, list[str]] = {}
        for chunk in _chunks(sorted(incidents), 500):
            for inc, rid in self.conn.execute(
                    f"SELECT incident_id, report_id FROM incident_reports WHERE incident_id IN ({','.join('?' * len(chunk))})",
                    chunk):
                out.setdefault(inc, []).append(rid)
        return out

    def windows(self, ranges: list[tuple[set[str], int, int]]) -> dict[str, list[str]]:
        """What `window` gives for each of these (countries, lo, hi) ranges, merged as successive
        dict updates would merge them (an incident keeps the place of the first range that
        reaches it), with one member query for all of them."""
        first: dict[str, int] = {}
        for n, (countries, lo, hi) in enumerate(ranges):
            if not countries:
                continue
            marks = ",".join("?" * len(countries))
            for (inc,) in self.conn.execute(
                    f"SELECT DISTINCT ir.incident_id FROM reports r JOIN incident_reports ir ON ir.report_id = r.id "
                    f"WHERE r.country_code IN ({marks}) AND r.day_hi >= ? AND r.day_lo <= ? AND r.day_lo >= 0",
                    (*sorted(countries), lo, hi)):
                first.setdefault(inc, n)
        members: dict[str, list[str]] = {}
        for chunk in _chunks(sorted(first), 500):
            for inc, rid in self.conn.execute(
                    f"SELECT incident_id, report_id FROM incident_reports WHERE incident_id IN ({','.join('?' * len(chunk))})",
                    chunk):
                members.setdefault(inc, []).append(rid)
        return {inc: members[inc] for inc in sorted(members, key=lambda inc: (first[inc], inc))}

    # -- incidents ----------------------------------------------------------------------------
    def link(self, report_id: str, incident_id: str) -> None:
        self.conn.execute("INSERT INTO incident_reports(report_id, incident_id) VALUES (?, ?) "
                          "ON CONFLICT(report_id) DO UPDATE SET incident_id = excluded.incident_id", (report_id, incident_id))

    def link_many(self, pairs: list[tuple[str, str]]) -> None:
        """`link` for each (report id, incident id), in the order given."""
        self.conn.executemany("INSERT INTO incident_reports(report_id, incident_id) VALUES (?, ?) "
                              "ON CONFLICT(report_id) DO UPDATE SET incident_id = excluded.incident_id", pairs)

    def links(self) -> dict[str, str]:
        """report id -> incident id, for every linked report."""
        return {r[0]: r[1] for r in self.conn.execute("SELECT report_id, incident_id FROM incident_reports")}

    def members(self, incident_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT report_id FROM incident_reports WHERE incident_id = ? ORDER BY report_id", (incident_id,))]

    def incident_of(self, report_id: str) -> str | None:
        row = self.conn.execute("SELECT incident_id FROM incident_reports WHERE report_id = ?", (report_id,)).fetchone()
        return row[0] if row else None

    def members_of(self, incident_ids: list[str]) -> dict[str, list[str]]:
        """incident id -> its report ids (sorted, as `members` gives them); incidents without
        members are left out."""
        out: dict[str, list[str]] = {}
        for chunk in _chunks(sorted(set(incident_ids)), 500):
            for inc, rid in self.conn.execute(
                    f"SELECT incident_id, report_id FROM incident_reports WHERE incident_id IN "
                    f"({','.join('?' * len(chunk))}) ORDER BY incident_id, report_id", chunk):
                out.setdefault(inc, []).append(rid)
        return out

    def incident_of_many(self, report_ids: list[str]) -> dict[str, str]:
        """report id -> incident id, for those of these reports that are linked."""
        out: dict[str, str] = {}
        for chunk in _chunks(sorted(set(report_ids)), 500):
            out.update((r[0], r[1]) for r in self.conn.execute(
                f"SELECT report_id, incident_id FROM incident_reports WHERE report_id IN ({','.join('?' * len(chunk))})",
                chunk))
        return out

    def incidents_exist(self, incident_ids: list[str]) -> set[str]:
        """Those of these incident ids that have a record."""
        out: set[str] = set()
        for chunk in _chunks(sorted(set(incident_ids)), 500):
            out.update(r[0] for r in self.conn.execute(
                f"SELECT id FROM incidents WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        return out

    def put_incident(self, record: dict[str, Any], day_lo: int, updated_at: str | None = None) -> None:
        """Write an incident record; `updated_at`: when it last changed (default: now)."""
        killed, injured = _int_or_none(record.get("killed")), _int_or_none(record.get("injured"))
        self.conn.execute(
            "INSERT INTO incidents(id, date, day_lo, country_code, admin1_code, actor, weapon, event_type, n_sources, data, "
            "updated_at, actor_parent, country_name, admin1_name, target_type, claimed, confirmation, background, "
            "date_precision, killed, injured, casualties, latitude, longitude, confidence, review) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET date=excluded.date, "
            "day_lo=excluded.day_lo, country_code=excluded.country_code, admin1_code=excluded.admin1_code, "
            "actor=excluded.actor, weapon=excluded.weapon, event_type=excluded.event_type, n_sources=excluded.n_sources, "
            "data=excluded.data, updated_at=excluded.updated_at, actor_parent=excluded.actor_parent, "
            "country_name=excluded.country_name, admin1_name=excluded.admin1_name, target_type=excluded.target_type, "
            "claimed=excluded.claimed, confirmation=excluded.confirmation, background=excluded.background, "
            "date_precision=excluded.date_precision, killed=excluded.killed, injured=excluded.injured, "
            "casualties=excluded.casualties, latitude=excluded.latitude, longitude=excluded.longitude, "
            "confidence=excluded.confidence, review=excluded.review",
            (record["id"], record.get("date"), day_lo, record.get("country_code"), record.get("admin1_code"),
             record.get("actor"), record.get("weapon"), record.get("event_type"), record.get("n_sources", 0),
             json.dumps(record, ensure_ascii=False), updated_at or now(), record.get("actor_parent"), record.get("country"),
             record.get("admin1"), record.get("target_type"), _bool_or_none(record.get("claimed")),
             record.get("confirmation"), _bool_or_none(record.get("background")), record.get("date_precision"),
             killed, injured, (killed or 0) + (injured or 0), _float_or_none(record.get("latitude")),
             _float_or_none(record.get("longitude")), _float_or_none(record.get("confidence")),
             str(record.get("review") or "")))

    def delete_incident(self, incident_id: str) -> None:
        self.conn.execute("DELETE FROM incidents WHERE id = ?", (incident_id,))

    def incident(self, incident_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT data FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def incident_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM incidents")]

    def incident_records(self, incident_ids: list[str]) -> dict[str, tuple[dict[str, Any], str]]:
        """incident id -> (record, updated_at), for those of these incidents that exist."""
        out: dict[str, tuple[dict[str, Any], str]] = {}
        for chunk in _chunks(sorted(set(incident_ids)), 500):
            for r in self.conn.execute(f"SELECT id, data, updated_at FROM incidents WHERE id IN "
                                       f"({','.join('?' * len(chunk))})", chunk):
                out[r[0]] = (json.loads(r[1]), r[2])
        return out

    def updated_times(self, incident_ids: list[str] | None = None) -> dict[str, str]:
        """incident id -> when its record last changed (all incidents when no ids are given)."""
        if incident_ids is None:
            return {r[0]: r[1] for r in self.conn.execute("SELECT id, updated_at FROM incidents")}
        out: dict[str, str] = {}
        for chunk in _chunks(sorted(set(incident_ids)), 500):
            out.update((r[0], r[1]) for r in self.conn.execute(
                f"SELECT id, updated_at FROM incidents WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        return out

    # -- the change log ---------------------------------------------------------------------------
    def add_changes(self, rows: list[dict[str, Any]]) -> None:
        """Append to the change log: dicts with at, incident_id, kind, other_id, fields, reports, cause."""
        self.conn.executemany(
            "INSERT INTO incident_changes(at, incident_id, kind, other_id, fields, reports, cause) VALUES (?,?,?,?,?,?,?)",
            [(r["at"], r["incident_id"], r["kind"], r.get("other_id"), json.dumps(r.get("fields"), ensure_ascii=False),
              json.dumps(r.get("reports")), r.get("cause")) for r in rows])

    def changes(self, since: str, until: str | None = None, incident_id: str | None = None) -> list[dict[str, Any]]:
        """Change-log entries made at or after `since` (and before `until`), oldest first."""
        sql = "SELECT id, at, incident_id, kind, other_id, fields, reports, cause FROM incident_changes WHERE at >= ?"
        args: list[Any] = [since]
        if until:
            sql += " AND at < ?"
            args.append(until)
        if incident_id:
            sql += " AND (incident_id = ? OR other_id = ?)"
            args += [incident_id, incident_id]
        out = []
        for row in self.conn.execute(sql + " ORDER BY id", args):
            d = dict(row)
            d["fields"] = json.loads(d["fields"]) if d["fields"] else None
            d["reports"] = json.loads(d["reports"]) if d["reports"] else None
            out.append(d)
        return out

    def merged_into(self, incident_id: str) -> str | None:
        """The incident this one was last merged into, if it was."""
        row = self.conn.execute("SELECT other_id FROM incident_changes WHERE incident_id = ? AND kind = 'merged' "
                                "ORDER BY id DESC LIMIT 1", (incident_id,)).fetchone()
        return row[0] if row else None

    def query_incidents(self, where: str = "", params: tuple[Any, ...] = (), order: str = "day_lo, id",
                        limit: int | None = None, offset: int = 0) -> Iterator[dict[str, Any]]:
        sql = "SELECT data FROM incidents" + (f" WHERE {where}" if where else "") + f" ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        for row in self.conn.execute(sql, params):
            yield json.loads(row[0])

    # -- API queries (keyset pages, counts, statistics, facets); `where`/`params` come from
    # IncidentFilter.sql(), sort and split keys from the whitelists below, never from user text
    def incident_page(self, where: str, params: tuple[Any, ...], sort: str = "date", after: tuple[Any, str] | None = None,
                      limit: int = 100) -> list[tuple[Any, dict[str, Any]]]:
        """One page of incidents in `sort` order (date|-date|sources|-sources|casualties|-casualties,
        ties broken by id), starting after the (sort value, id) `after`; returns (sort value, record) pairs."""
        column = SORT_COLUMNS[sort.lstrip("-")]
        desc = sort.startswith("-")
        clauses = [where] if where else []
        args: list[Any] = list(params)
        if after is not None:
            clauses.append(f"({column}, id) {'<' if desc else '>'} (?, ?)")
            args += [after[0], after[1]]
        direction = "DESC" if desc else "ASC"
        # two steps: find the page's rows through the (often covering) indexes, then read only
        # those records; sorting whole records of every match would read them all
        sql = (f"SELECT rowid, {column} FROM incidents" + (f" WHERE {' AND '.join(clauses)}" if clauses else "")
               + f" ORDER BY {column} {direction}, id {direction} LIMIT ?")
        keys = self.conn.execute(sql, (*args, int(limit))).fetchall()
        if not keys:
            return []
        data = dict(self.conn.execute(
            f"SELECT rowid, data FROM incidents WHERE rowid IN ({','.join('?' * len(keys))})", [k[0] for k in keys]))
        return [(value, json.loads(data[rowid])) for rowid, value in keys]

    def count_incidents(self, where: str = "", params: tuple[Any, ...] = ()) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM incidents" + (f" WHERE {where}" if where else ""),
                                     params).fetchone()[0])

    def incident_day_counts(self, where: str, params: tuple[Any, ...], split: str = "none") -> list[tuple[Any, ...]]:
        """(day_lo, date_precision, split key, incidents, killed, injured) per day, precision and key;
        `split` is none|actor (fronts rolled up to their umbrella)|weapon|country|admin1. Reads only
        the covering indexes incidents_stats_*, never the records."""
        key = SPLIT_COLUMNS[split]
        sql = (f"SELECT day_lo, date_precision, {key} AS k, COUNT(*), COALESCE(SUM(killed), 0), COALESCE(SUM(injured), 0) "
               "FROM incidents" + (f" WHERE {where}" if where else "") + " GROUP BY day_lo, date_precision, k")
        return [tuple(r) for r in self.conn.execute(sql, params)]

    def incident_stat_columns(self) -> list[tuple[Any, ...]]:
        """(day_lo, date_precision, actor_parent, actor, weapon, country_code, admin1_code,
        admin1_name, killed, injured, review) of every incident: the API's in-memory statistics copy
        (serve/stats_columns.py)."""
        return self.conn.execute(
            "SELECT day_lo, date_precision, actor_parent, actor, weapon, country_code, admin1_code, admin1_name, "
            "killed, injured, review FROM incidents").fetchall()

    def incident_facets(self) -> dict[str, list[tuple[Any, ...]]]:
        """Counts of incidents per value of each filterable field, for the dashboard's pickers
        (the GROUP BYs read the covering index incidents_facets, not the records)."""
        queries = {
            "countries": "SELECT country_code, MAX(country_name), COUNT(*) FROM incidents INDEXED BY incidents_facets "
                         "WHERE country_code IS NOT NULL AND review <> 'rejected' GROUP BY country_code ORDER BY COUNT(*) DESC",
            "admin1": "SELECT admin1_code, MAX(admin1_name), MAX(country_code), COUNT(*) FROM incidents INDEXED BY "
                      "incidents_facets WHERE admin1_code IS NOT NULL AND review <> 'rejected' GROUP BY admin1_code ORDER BY COUNT(*) DESC",
            "actors": "SELECT actor, MAX(actor_parent), COUNT(*) FROM incidents INDEXED BY incidents_facets "
                      "WHERE actor IS NOT NULL AND review <> 'rejected' GROUP BY actor ORDER BY COUNT(*) DESC",
            "weapons": "SELECT weapon, COUNT(*) FROM incidents WHERE review <> 'rejected' GROUP BY weapon ORDER BY COUNT(*) DESC",
            "event_types": "SELECT event_type, COUNT(*) FROM incidents WHERE review <> 'rejected' GROUP BY event_type ORDER BY COUNT(*) DESC",
            "target_types": "SELECT target_type, COUNT(*) FROM incidents WHERE review <> 'rejected' GROUP BY target_type ORDER BY COUNT(*) DESC",
            "confirmations": "SELECT confirmation, COUNT(*) FROM incidents WHERE review <> 'rejected' GROUP BY confirmation ORDER BY COUNT(*) DESC",
            "dates": "SELECT MIN(day_lo), MAX(day_lo) FROM incidents WHERE day_lo >= 0 AND review <> 'rejected'",
        }
        return {name: [tuple(r) for r in self.conn.execute(sql)] for name, sql in queries.items()}

    def article_reports(self, article_id: str) -> list[tuple[str, str | None, dict[str, Any]]]:
        """(report id, incident id, report record) for each report of an article, in order."""
        rows = self.conn.execute(
            "SELECT r.id, ir.incident_id, r.data FROM reports r LEFT JOIN incident_reports ir ON ir.report_id = r.id "
            "WHERE r.article_id = ? ORDER BY r.ordinal", (article_id,)).fetchall()
        return [(r[0], r[1], json.loads(r[2])) for r in rows]

    def clear_incidents(self) -> None:
        self.conn.execute("DELETE FROM incident_reports")
        self.conn.execute("DELETE FROM incidents")

    # -- edits ----------------------------------------------------------------------------------
    def add_edit(self, kind: str, incident_id: str, anchors: list[str], field: str | None = None, value: Any = None,
                 note: str | None = None, author: str | None = None) -> int:
        cur = self.conn.execute(
            "INSERT INTO edits(kind, incident_id, anchors, field, value, note, author, created_at) VALUES (?,?,?,?,?,?,?,?)",
            (kind, incident_id, json.dumps(anchors), field, json.dumps(value), note, author, now()))
        return int(cur.lastrowid or 0)

    def edits(self) -> list[dict[str, Any]]:
        out = []
        for row in self.conn.execute("SELECT * FROM edits ORDER BY id"):
            d = dict(row)
            d["anchors"] = json.loads(d["anchors"])
            d["value"] = json.loads(d["value"]) if d["value"] is not None else None
            out.append(d)
        return out

    # -- search and integrity ---------------------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        try:
            rows = self.conn.execute(
                "SELECT a.id, a.title, a.outlet, a.published, snippet(articles_fts, 1, '[', ']', ' ... ', 12) AS snippet "
                "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? "
                "ORDER BY rank LIMIT ?", (query, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {query!r}: {exc}") from exc
        return [dict(r) for r in rows]

    def check(self) -> list[str]:
        problems = [f"foreign key: {tuple(r)}" for r in self.conn.execute("PRAGMA foreign_key_check")]
        problems += [f"integrity: {r[0]}" for r in self.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        orphans = self.conn.execute("SELECT COUNT(*) FROM reports r LEFT JOIN incident_reports ir ON ir.report_id = r.id "
                                    "WHERE ir.report_id IS NULL").fetchone()[0]
        if orphans:
            problems.append(f"{orphans} report(s) belong to no incident")
        empty = self.conn.execute("SELECT COUNT(*) FROM incidents i LEFT JOIN incident_reports ir ON ir.incident_id = i.id "
                                  "WHERE ir.incident_id IS NULL").fetchone()[0]
        if empty:
            problems.append(f"{empty} incident(s) have no report")
        dangling = self.conn.execute("SELECT COUNT(*) FROM incident_reports ir LEFT JOIN incidents i ON i.id = ir.incident_id "
                                     "WHERE i.id IS NULL").fetchone()[0]
        if dangling:
            problems.append(f"{dangling} link(s) point to a missing incident")
        try:
            self.conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            problems.append(f"full-text index out of sync: {exc}")
        return problems

    def change_token(self) -> tuple[int, int]:
        """Moves whenever the database changed since this connection last asked: another
        connection's commit (data_version) or this connection's own writes (total_changes)."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes

    def counts(self) -> dict[str, int]:
        return {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("articles", "reports", "incidents", "edits")}


SORT_COLUMNS = {"date": "day_lo", "sources": "n_sources", "casualties": "casualties"}
SPLIT_COLUMNS = {"none": "''", "actor": "COALESCE(actor_parent, actor, 'unknown')", "weapon": "COALESCE(weapon, 'unknown')",
                 "country": "COALESCE(country_code, 'unknown')", "admin1": "COALESCE(admin1_code, 'unknown')"}


def _int_or_none(value: Any) -> int | None:
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _float_or_none(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _bool_or_none(value: Any) -> int | None:
    return None if value is None else int(bool(value))


def _chunks(items: list[str], n: int) -> Iterator[list[str]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (trigger bodies contain semicolons)."""
    out, buf = [], []
    for line in sql.strip().splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and (not joined.upper().startswith("CREATE TRIGGER") or joined.upper().endswith("END;")):
            out.append(joined)
            buf = []
    if "".join(buf).strip():
        out.append("\n".join(buf))
    return out
