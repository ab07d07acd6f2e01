"""The PostgreSQL store: the same public methods as SqliteStore, for a shared server that
several ingest processes, the API and analysts' tools use at once.

Writers: `with store.write():` opens a READ COMMITTED transaction and first takes a
transaction-scoped advisory lock, so attackwatch writers run one at a time, as SQLite's
BEGIN IMMEDIATE made them: resolution reads the incidents near a batch and writes the
clusters it computed, and two ingests resolving side by side would each create the same
incident. Readers never wait. Transaction starts and migrations are retried on
serialization failures, deadlocks and lock timeouts (a foreign session holding row locks);
`retrying(fn)` does the same for any whole-transaction function. Inside a write, statements
whose result nobody reads (links, incident records) are queued in psycopg's pipeline mode,
and big batches of articles and reports are loaded with COPY.

Rows come back as `PgRow`: `row["id"]` and `row[0]` both work, and `dict(row)` too, as with
sqlite3.Row. JSONB is stored for records; reads give back dicts in the field order the
pipeline writes (JSONB keeps keys sorted by length), so exports match SQLite's byte for byte.
"""
from __future__ import annotations

import json
import random
import re
import time
from contextlib import contextmanager
from dataclasses import fields
from typing import Any, Iterator, Sequence

import psycopg
from psycopg import errors as pg_errors
from psycopg.types.json import Jsonb

from attackwatch.models import Evidence, Report
from attackwatch.resolve.merge import CONFLICT_FIELDS, GEO_FIELDS
from attackwatch.store.pg_changes import PgChangeLog
from attackwatch.store.pg_filters import pg_where
from attackwatch.store.pg_schema import MIGRATIONS, SCHEMA_VERSION, TS_CONFIG
from attackwatch.store.sqlite import SORT_COLUMNS, SPLIT_COLUMNS, StoreError, now

# advisory lock keys (two-int form: namespace, lock); advisory locks are per database
_LOCK_NAMESPACE = 0x41574348  # "AWCH"
_LOCK_WRITE = 1
_LOCK_MIGRATE = 2
RETRYABLE = (pg_errors.SerializationFailure, pg_errors.DeadlockDetected, pg_errors.LockNotAvailable)

ARTICLE_COLUMNS = ("id", "url", "outlet", "title", "published", "content_hash", "text", "path", "ingested_at", "author")
REPORT_COLUMNS = ("id", "article_id", "ordinal", "date", "date_precision", "day_lo", "day_hi", "country_code",
                  "admin1_code", "weapon", "actor", "data")


class PgRow(tuple):  # type: ignore[type-arg]
    """A result row readable by position and by column name, like sqlite3.Row."""

    _index: dict[str, int]

    def __new__(cls, values: Sequence[Any], index: dict[str, int]) -> "PgRow":
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


def pg_row(cursor: Any) -> Any:
    """psycopg row factory for PgRow."""
    index = {c.name: i for i, c in enumerate(cursor.description or [])}
    return lambda values: PgRow(values, index)


# -- field order of records (JSONB forgets it) -------------------------------------------------------
_INCIDENT_ORDER = ("id", "date", "date_precision", "event_type", "weapon", "actor", "actor_parent", "claimed",
                   "claimed_by", "target_type", "target_actor", *GEO_FIELDS, "killed", "injured", "intercepted",
                   "confirmation", "confirmed_by", "background", "reports", "n_sources", "confidence", "conflicts", "edits")
_REPORT_ORDER = tuple(f.name for f in fields(Report))
_EVIDENCE_ORDER = tuple(f.name for f in fields(Evidence))
_SOURCE_ORDER = ("article_id", "outlet", "url", "published", "evidence", "date", "date_precision", "place", "admin1",
                 "country_code", "latitude", "longitude", "geo_precision")  # as resolve.merge writes them
_EDIT_ORDER = ("field", "value", "note", "author", "at")
_CONFLICT_ORDER = ("value", "articles", "outlets")


def _ordered(d: dict[str, Any], order: Sequence[str]) -> dict[str, Any]:
    out = {k: d[k] for k in order if k in d}
    out.update((k, v) for k, v in d.items() if k not in out)  # fields added later keep their place after ours
    return out


def _evidence(items: Any) -> Any:
    return [_ordered(e, _EVIDENCE_ORDER) if isinstance(e, dict) else e for e in items] if isinstance(items, list) else items


def report_in_order(data: dict[str, Any]) -> dict[str, Any]:
    out = _ordered(data, _REPORT_ORDER)
    if "evidence" in out:
        out["evidence"] = _evidence(out["evidence"])
    return out


def incident_in_order(record: dict[str, Any]) -> dict[str, Any]:
    out = _ordered(record, _INCIDENT_ORDER)
    if isinstance(out.get("reports"), list):
        out["reports"] = [{**_ordered(r, _SOURCE_ORDER), "evidence": _evidence(r.get("evidence"))}
                          if isinstance(r, dict) and "evidence" in r else r for r in out["reports"]]
    if isinstance(out.get("conflicts"), dict):
        c = _ordered(out["conflicts"], CONFLICT_FIELDS)
        out["conflicts"] = {k: [_ordered(v, _CONFLICT_ORDER) if isinstance(v, dict) else v for v in vs]
                            if isinstance(vs, list) else vs for k, vs in c.items()}
    if isinstance(out.get("edits"), list):
        out["edits"] = [_ordered(e, _EDIT_ORDER) if isinstance(e, dict) else e for e in out["edits"]]
    return out


def _report_text(row_data: Any) -> str:
    """Report data as the JSON text SqliteStore returns (callers json.loads it)."""
    return json.dumps(report_in_order(row_data), ensure_ascii=False)


def connect(url: str) -> psycopg.Connection[Any]:
    try:
        # application_name: what a DBA sees in pg_stat_activity (a name in the URL wins)
        return psycopg.connect(url, autocommit=True, row_factory=pg_row, connect_timeout=10,
                               **({} if "application_name" in url else {"application_name": "attackwatch"}))
    except psycopg.OperationalError as exc:
        raise StoreError(f"cannot reach PostgreSQL at {_safe(url)}: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _safe(url: str) -> str:
    """The URL without its password (user:password@ or ?password=)."""
    url = re.sub(r"([?&]password=)[^&]*", r"\1***", url)
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}@{host}"
    return url


class PostgresStore(PgChangeLog):
    backend = "postgresql"

    def __init__(self, url: str, *, attempts: int = 30):
        self.url = url
        self.path = _safe(url)  # what messages name, like SqliteStore.path
        self.attempts = attempts
        self.conn = connect(url)
        self._in_tx = False
        self._pipeline: Any = None  # open while a write transaction has queued statements
        try:
            self.migrate()
        except BaseException:
            self.conn.close()  # a database this version cannot open leaves no connection behind
            raise

    # -- transactions ---------------------------------------------------------------------
    def retrying(self, fn, attempts: int | None = None):  # type: ignore[no-untyped-def]
        """Run `fn` (one whole transaction) again after a serialization failure, deadlock or
        lock timeout, with jittered backoff."""
        attempts = attempts or self.attempts
        for i in range(attempts):
            try:
                return fn()
            except RETRYABLE:
                if self.conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                    self.conn.execute("ROLLBACK")
                if i == attempts - 1:
                    raise
                time.sleep(min(2.0, 0.02 * (2 ** i)) * (0.5 + random.random()))
        return None

    def _begin(self, lock: int) -> None:
        def begin() -> None:
            self.conn.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
            self.conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", (_LOCK_NAMESPACE, lock))

        try:
            self.retrying(begin)
        except BaseException:  # e.g. Ctrl-C while waiting for the lock: leave no transaction open
            self._rollback()
            raise

    @contextmanager
    def write(self) -> Iterator[psycopg.Connection[Any]]:
        """One write transaction, writers serialised by an advisory lock (nested calls join the outer one)."""
        if self._in_tx:
            yield self.conn
            return
        self._begin(_LOCK_WRITE)
        self._in_tx = True
        try:
            yield self.conn
            self._flush()
            self.conn.execute("COMMIT")
        except psycopg.OperationalError as exc:
            self._rollback()
            if not (self.conn.closed or self.conn.broken):
                raise  # a deadlock or serialization failure: the caller may retry
            # the server went away (restart, network): one line, not a traceback
            raise StoreError(f"lost the connection to PostgreSQL at {self.path}: {_first_line(exc)}; "
                             "the batch was not stored") from exc
        except BaseException:
            self._rollback()
            raise
        finally:
            self._in_tx = False

    def _queue(self, sql: str, params: Any) -> None:
        """Run a statement whose result nobody reads. In a write transaction it is queued
        (psycopg pipeline mode) and travels with the next statement that needs an answer, so
        resolution's many small writes (links, incident records) cost no round trip each;
        an error in one surfaces at that next statement, still inside the transaction."""
        if self._in_tx and self._pipeline is None:
            self._pipeline = self.conn.pipeline()
            self._pipeline.__enter__()
        self.conn.execute(sql, params)

    def _flush(self) -> None:
        """Send what is queued and wait for it (raises the first error)."""
        pipeline, self._pipeline = self._pipeline, None
        if pipeline is not None:
            pipeline.__exit__(None, None, None)

    def _rollback(self) -> None:
        pipeline, self._pipeline = self._pipeline, None
        try:
            if pipeline is not None:
                pipeline.__exit__(None, None, None)
        except psycopg.Error:
            pass  # the statement that failed is why we roll back
        try:
            if not self.conn.closed:
                self.conn.execute("ROLLBACK")
        except psycopg.Error:
            pass  # the connection is gone; the server rolled the transaction back itself

    def migrate(self) -> int:
        def run() -> int:
            self._begin(_LOCK_MIGRATE)
            try:
                self.conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
                current = self.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0
                if current > SCHEMA_VERSION:
                    raise StoreError(f"{self.path}: database schema {current} is newer than this attackwatch "
                                     f"({SCHEMA_VERSION})")
                for version, sql in MIGRATIONS:
                    if version > current:
                        self.conn.execute(sql)  # type: ignore[arg-type]  # several statements, no parameters
                        self.conn.execute("INSERT INTO schema_version(version) VALUES (%s)", (version,))
            except BaseException:
                self._rollback()
                raise
            self.conn.execute("COMMIT")
            return SCHEMA_VERSION

        return int(self.retrying(run))

    def schema_version(self) -> int:
        return int(self.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0)

    def close(self) -> None:
        self.conn.close()

    # -- articles and reports ----------------------------------------------------------------
    def article_row(self, article_id: str) -> PgRow | None:
        return self.conn.execute("SELECT id, url, content_hash FROM articles WHERE id = %s", (article_id,)).fetchone()

    def article_by_hash(self, content_hash: str) -> str | None:
        row = self.conn.execute("SELECT id FROM articles WHERE content_hash = %s LIMIT 1", (content_hash,)).fetchone()
        return row[0] if row else None

    def article_by_url(self, url: str) -> PgRow | None:
        return self.conn.execute("SELECT id, content_hash FROM articles WHERE url = %s LIMIT 1", (url,)).fetchone()

    def articles_matching(self, ids: list[str], urls: list[str], hashes: list[str]) -> list[PgRow]:
        """(id, url, content_hash) of every article with one of these ids, URLs or content
        hashes: what a batch's per-article lookups would find, read in one round trip."""
        return self.conn.execute(
            "SELECT id, url, content_hash FROM articles WHERE id = ANY(%s) OR url = ANY(%s) OR content_hash = ANY(%s)",
            (sorted(set(ids)), sorted(set(urls)), sorted(set(hashes)))).fetchall()

    def article(self, article_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id = %s",
                                (article_id,)).fetchone()
        return dict(row) if row else None

    def delete_article(self, article_id: str) -> set[str]:
        """Remove an article and its reports; returns the incidents that lost members."""
        rows = self.conn.execute(
            "SELECT DISTINCT ir.incident_id FROM incident_reports ir JOIN reports r ON r.id = ir.report_id "
            "WHERE r.article_id = %s", (article_id,)).fetchall()
        self.conn.execute("DELETE FROM articles WHERE id = %s", (article_id,))
        return {r[0] for r in rows}

    def insert_article(self, row: dict[str, Any]) -> None:
        self.conn.execute(f"INSERT INTO articles({', '.join(ARTICLE_COLUMNS)}) "
                          f"VALUES ({', '.join(f'%({c})s' for c in ARTICLE_COLUMNS)})", row)

    def insert_report(self, report_id: str, article_id: str, ordinal: int, data: dict[str, Any], lo: int, hi: int) -> None:
        self._queue(f"INSERT INTO reports({', '.join(REPORT_COLUMNS)}) VALUES ({', '.join(['%s'] * 12)})",
                          _report_values(report_id, article_id, ordinal, data, lo, hi))

    # bulk loading: COPY streams a whole batch in one round trip
    def copy_articles(self, rows: list[dict[str, Any]]) -> None:
        self._flush()  # COPY cannot run in pipeline mode
        with self.conn.cursor().copy(f"COPY articles ({', '.join(ARTICLE_COLUMNS)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(tuple(row.get(c) for c in ARTICLE_COLUMNS))

    def bulk_insert_reports(self, rows: list[tuple[str, str, int, dict[str, Any], int, int]]) -> None:
        """rows: (report_id, article_id, ordinal, data, day_lo, day_hi), as insert_report takes them."""
        self._flush()
        with self.conn.cursor().copy(f"COPY reports ({', '.join(REPORT_COLUMNS)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(_report_values(*row))

    def report_rows(self, report_ids: list[str]) -> list[PgRow]:
        """Rows for these report ids, in the order given (data as JSON text, as SqliteStore gives it)."""
        rows = self.conn.execute(
            "SELECT r.id, r.data, a.id AS article_id, a.outlet, a.url, a.published FROM reports r "
            "JOIN articles a ON a.id = r.article_id WHERE r.id = ANY(%s)", (list(report_ids),)).fetchall()
        order = {rid: i for i, rid in enumerate(report_ids)}
        return sorted((_with_text_data(r) for r in rows), key=lambda r: order.get(r["id"], 0))

    def all_report_rows(self) -> Iterator[PgRow]:
        for row in self.conn.execute(
                "SELECT r.id, r.data, a.id AS article_id, a.outlet, a.url, a.published FROM reports r "
                "JOIN articles a ON a.id = r.article_id ORDER BY a.ingested_at, r.id").fetchall():
            yield _with_text_data(row)

    def window(self, countries: set[str], lo: int, hi: int) -> dict[str, list[str]]:
        """Incidents (id -> report ids) with a report in these countries whose days reach [lo, hi]."""
        if not countries:
            return {}
        out: dict[str, list[str]] = {}
        # in SQLite's order (incident id, then the order the links were made): resolution
        # depends on the order it is seeded in
        for inc, rid in self.conn.execute(
                "SELECT ir.incident_id, ir.report_id FROM incident_reports ir WHERE ir.incident_id IN ("
                " SELECT l.incident_id FROM reports r JOIN incident_reports l ON l.report_id = r.id"
                " WHERE r.country_code = ANY(%s) AND r.day_hi >= %s AND r.day_lo <= %s AND r.day_lo >= 0)"
                " ORDER BY ir.incident_id, ir.seq", (sorted(countries), lo, hi)):
            out.setdefault(inc, []).append(rid)
        return out

    def windows(self, ranges: list[tuple[set[str], int, int]]) -> dict[str, list[str]]:
        """What `window` gives for each of these (countries, lo, hi) ranges, merged as successive
        dict updates would merge them (an incident keeps the place of the first range that
        reaches it), in one round trip: the ranges travel as one row per (range, country)."""
        flat = [(n, c, lo, hi) for n, (countries, lo, hi) in enumerate(ranges) for c in sorted(countries)]
        if not flat:
            return {}
        out: dict[str, list[str]] = {}
        for inc, rid in self.conn.execute(
                "WITH q AS (SELECT * FROM unnest(%s::int[], %s::text[], %s::int[], %s::int[]) AS q(n, country, lo, hi)),"
                " hit AS (SELECT l.incident_id, MIN(q.n) AS first FROM q JOIN reports r ON r.country_code = q.country"
                " AND r.day_hi >= q.lo AND r.day_lo <= q.hi AND r.day_lo >= 0"
                " JOIN incident_reports l ON l.report_id = r.id GROUP BY l.incident_id)"
                " SELECT ir.incident_id, ir.report_id FROM hit JOIN incident_reports ir ON ir.incident_id = hit.incident_id"
                " ORDER BY hit.first, ir.incident_id, ir.seq",
                ([f[0] for f in flat], [f[1] for f in flat], [f[2] for f in flat], [f[3] for f in flat])):
            out.setdefault(inc, []).append(rid)
        return out

    # -- incidents ----------------------------------------------------------------------------
    def link(self, report_id: str, incident_id: str) -> None:
        self._queue("INSERT INTO incident_reports(report_id, incident_id) VALUES (%s, %s) "
                          "ON CONFLICT (report_id) DO UPDATE SET incident_id = excluded.incident_id",
                          (report_id, incident_id))

    def link_many(self, pairs: list[tuple[str, str]]) -> None:
        """`link` for each (report id, incident id), in the order given (the order the links
        were made orders `window`'s members), queued as one pipelined batch."""
        if not pairs:
            return
        if self._in_tx and self._pipeline is None:
            self._pipeline = self.conn.pipeline()
            self._pipeline.__enter__()
        self.conn.cursor().executemany("INSERT INTO incident_reports(report_id, incident_id) VALUES (%s, %s) "
                                       "ON CONFLICT (report_id) DO UPDATE SET incident_id = excluded.incident_id", pairs)

    def links(self) -> dict[str, str]:
        """report id -> incident id, for every linked report."""
        return {r[0]: r[1] for r in self.conn.execute("SELECT report_id, incident_id FROM incident_reports")}

    def members(self, incident_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT report_id FROM incident_reports WHERE incident_id = %s ORDER BY report_id", (incident_id,))]

    def incident_of(self, report_id: str) -> str | None:
        row = self.conn.execute("SELECT incident_id FROM incident_reports WHERE report_id = %s", (report_id,)).fetchone()
        return row[0] if row else None

    def members_of(self, incident_ids: list[str]) -> dict[str, list[str]]:
        """incident id -> its report ids (sorted, as `members` gives them); incidents without
        members are left out."""
        out: dict[str, list[str]] = {}
        for inc, rid in self.conn.execute(
                "SELECT incident_id, report_id FROM incident_reports WHERE incident_id = ANY(%s) "
                "ORDER BY incident_id, report_id", (sorted(set(incident_ids)),)):
            out.setdefault(inc, []).append(rid)
        return out

    def incident_of_many(self, report_ids: list[str]) -> dict[str, str]:
        """report id -> incident id, for those of these reports that are linked."""
        return {r[0]: r[1] for r in self.conn.execute(
            "SELECT report_id, incident_id FROM incident_reports WHERE report_id = ANY(%s)", (sorted(set(report_ids)),))}

    def incidents_exist(self, incident_ids: list[str]) -> set[str]:
        """Those of these incident ids that have a record."""
        return {r[0] for r in self.conn.execute("SELECT id FROM incidents WHERE id = ANY(%s)",
                                                (sorted(set(incident_ids)),))}

    def put_incident(self, record: dict[str, Any], day_lo: int, updated_at: str | None = None) -> None:
        """Write an incident record; `updated_at`: when it last changed (default: now)."""
        self._queue(
            "INSERT INTO incidents(id, date, day_lo, country_code, admin1_code, actor, weapon, event_type, n_sources, data, "
            "updated_at) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s) ON CONFLICT (id) DO UPDATE SET date=excluded.date, "
            "day_lo=excluded.day_lo, country_code=excluded.country_code, admin1_code=excluded.admin1_code, "
            "actor=excluded.actor, weapon=excluded.weapon, event_type=excluded.event_type, n_sources=excluded.n_sources, "
            "data=excluded.data, updated_at=excluded.updated_at",
            (record["id"], record.get("date"), day_lo, record.get("country_code"), record.get("admin1_code"),
             record.get("actor"), record.get("weapon"), record.get("event_type"), record.get("n_sources", 0),
             Jsonb(record), updated_at or now()))

    def delete_incident(self, incident_id: str) -> None:
        self._queue("DELETE FROM incidents WHERE id = %s", (incident_id,))

    def incident(self, incident_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT data FROM incidents WHERE id = %s", (incident_id,)).fetchone()
        return incident_in_order(row[0]) if row else None

    def incident_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM incidents ORDER BY id")]

    def incident_records(self, incident_ids: list[str]) -> dict[str, tuple[dict[str, Any], str]]:
        """incident id -> (record, updated_at), for those of these incidents that exist."""
        return {r[0]: (incident_in_order(r[1]), r[2]) for r in self.conn.execute(
            "SELECT id, data, updated_at FROM incidents WHERE id = ANY(%s)", (sorted(set(incident_ids)),))}

    def updated_times(self, incident_ids: list[str] | None = None) -> dict[str, str]:
        """incident id -> when its record last changed (all incidents when no ids are given)."""
        if incident_ids is None:
            return {r[0]: r[1] for r in self.conn.execute("SELECT id, updated_at FROM incidents")}
        return {r[0]: r[1] for r in self.conn.execute("SELECT id, updated_at FROM incidents WHERE id = ANY(%s)",
                                                      (sorted(set(incident_ids)),))}

    def query_incidents(self, where: Any = "", params: tuple[Any, ...] = (), order: str = "day_lo, id",
                        limit: int | None = None, offset: int = 0) -> Iterator[dict[str, Any]]:
        """Incident records matching `where` (see pg_filters.pg_where)."""
        where, params = pg_where(where, params)
        sql = "SELECT data FROM incidents" + (f" WHERE {where}" if where else "") + f" ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        for row in self.conn.execute(sql, params):  # type: ignore[arg-type]
            yield incident_in_order(row[0])

    # -- API queries (keyset pages, counts, statistics, facets), as SqliteStore's; `where` is
    # an IncidentFilter or its sql() (see pg_where), sort and split keys come from whitelists
    def incident_page(self, where: Any, params: tuple[Any, ...], sort: str = "date", after: tuple[Any, str] | None = None,
                      limit: int = 100) -> list[tuple[Any, dict[str, Any]]]:
        """One page of incidents in `sort` order (date|-date|sources|-sources|casualties|-casualties,
        ties broken by id), starting after the (sort value, id) `after`; returns (sort value, record) pairs."""
        column = SORT_COLUMNS[sort.lstrip("-")]
        desc = sort.startswith("-")
        where, params = pg_where(where, params)
        clauses = [where] if where else []
        args: list[Any] = list(params)
        if after is not None:
            clauses.append(f"({column}, id) {'<' if desc else '>'} (%s, %s)")
            args += [after[0], after[1]]
        direction = "DESC" if desc else "ASC"
        sql = (f"SELECT {column}, data FROM incidents" + (f" WHERE {' AND '.join(clauses)}" if clauses else "")
               + f" ORDER BY {column} {direction}, id {direction} LIMIT %s")
        return [(row[0], incident_in_order(row[1])) for row in self.conn.execute(sql, (*args, int(limit)))]  # type: ignore[arg-type]

    def count_incidents(self, where: Any = "", params: tuple[Any, ...] = ()) -> int:
        where, params = pg_where(where, params)
        return int(self.conn.execute("SELECT COUNT(*) FROM incidents" + (f" WHERE {where}" if where else ""),  # type: ignore[arg-type]
                                     params).fetchone()[0])

    def incident_day_counts(self, where: Any, params: tuple[Any, ...], split: str = "none") -> list[tuple[Any, ...]]:
        """(day_lo, date_precision, split key, incidents, killed, injured) per day, precision and key;
        `split` is none|actor (fronts rolled up to their umbrella)|weapon|country|admin1."""
        key = SPLIT_COLUMNS[split]
        where, params = pg_where(where, params)
        sql = (f"SELECT day_lo, date_precision, {key} AS k, COUNT(*), COALESCE(SUM(killed), 0), COALESCE(SUM(injured), 0) "
               "FROM incidents" + (f" WHERE {where}" if where else "") + " GROUP BY 1, 2, 3")
        return [tuple(r) for r in self.conn.execute(sql, params)]  # type: ignore[arg-type]

    def incident_stat_columns(self) -> list[tuple[Any, ...]]:
        """(day_lo, date_precision, actor_parent, actor, weapon, country_code, admin1_code,
        admin1_name, killed, injured, review) of every incident, as SqliteStore gives them. The API does
        not use it on PostgreSQL (no change token: a copy could not be kept)."""
        return [tuple(r) for r in self.conn.execute(
            "SELECT day_lo, date_precision, actor_parent, actor, weapon, country_code, admin1_code, admin1_name, "
            "killed, injured, review FROM incidents")]

    def incident_facets(self) -> dict[str, list[tuple[Any, ...]]]:
        """Counts of incidents per value of each filterable field, for the dashboard's pickers."""
        queries = {
            "countries": "SELECT country_code, MAX(country_name), COUNT(*) FROM incidents WHERE country_code IS NOT NULL AND review <> 'rejected' "
                         "GROUP BY country_code ORDER BY COUNT(*) DESC, country_code",
            "admin1": "SELECT admin1_code, MAX(admin1_name), MAX(country_code), COUNT(*) FROM incidents "
                      "WHERE admin1_code IS NOT NULL AND review <> 'rejected' GROUP BY admin1_code ORDER BY COUNT(*) DESC, admin1_code",
            "actors": "SELECT actor, MAX(actor_parent), COUNT(*) FROM incidents WHERE actor IS NOT NULL AND review <> 'rejected' "
                      "GROUP BY actor ORDER BY COUNT(*) DESC, actor",
            "weapons": "SELECT weapon, COUNT(*) FROM incidents WHERE review <> 'rejected' GROUP BY weapon ORDER BY COUNT(*) DESC, weapon",
            "event_types": "SELECT event_type, COUNT(*) FROM incidents WHERE review <> 'rejected' GROUP BY event_type ORDER BY COUNT(*) DESC, event_type",
            "target_types": "SELECT target_type, COUNT(*) FROM incidents WHERE review <> 'rejected' GROUP BY target_type "
                            "ORDER BY COUNT(*) DESC, target_type",
            "confirmations": "SELECT confirmation, COUNT(*) FROM incidents WHERE review <> 'rejected' GROUP BY confirmation "
                             "ORDER BY COUNT(*) DESC, confirmation",
            "dates": "SELECT MIN(day_lo), MAX(day_lo) FROM incidents WHERE day_lo >= 0 AND review <> 'rejected'",
        }
        return {name: [tuple(r) for r in self.conn.execute(sql)] for name, sql in queries.items()}  # type: ignore[arg-type]

    def article_reports(self, article_id: str) -> list[tuple[str, str | None, dict[str, Any]]]:
        """(report id, incident id, report record) for each report of an article, in order."""
        rows = self.conn.execute(
            "SELECT r.id, ir.incident_id, r.data FROM reports r LEFT JOIN incident_reports ir ON ir.report_id = r.id "
            "WHERE r.article_id = %s ORDER BY r.ordinal", (article_id,)).fetchall()
        return [(r[0], r[1], report_in_order(r[2])) for r in rows]

    def clear_incidents(self) -> None:
        self.conn.execute("DELETE FROM incident_reports")
        self.conn.execute("DELETE FROM incidents")

    # -- edits ----------------------------------------------------------------------------------
    def add_edit(self, kind: str, incident_id: str, anchors: Any, field: str | None = None, value: Any = None,
                 note: str | None = None, author: str | None = None) -> int:
        row = self.conn.execute(
            "INSERT INTO edits(kind, incident_id, anchors, field, value, note, author, created_at) "
            "VALUES (%s,%s,%s,%s,%s,%s,%s,%s) RETURNING id",
            (kind, incident_id, Jsonb(anchors), field, Jsonb(value), note, author, now())).fetchone()
        return int(row[0])

    def edits(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute(
            "SELECT id, kind, incident_id, anchors, field, value, note, author, created_at FROM edits ORDER BY id")]

    # -- search and integrity ---------------------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Articles matching a web-search style query ("quoted phrase", or, -word), best first,
        with the matching words of the text in [brackets]. Headlines are computed only for
        the rows returned: ts_headline re-parses the whole text."""
        rows = self.conn.execute(
            f"WITH q AS (SELECT websearch_to_tsquery('{TS_CONFIG}', %s) AS q), "
            f"hits AS (SELECT a.id, ts_rank_cd(a.tsv, q.q) AS rank FROM articles a, q WHERE a.tsv @@ q.q "
            f"ORDER BY rank DESC, a.id LIMIT %s) "
            f"SELECT a.id, a.title, a.outlet, a.published, ts_headline('{TS_CONFIG}', a.text, q.q, "
            "'StartSel=[, StopSel=], MinWords=6, MaxWords=14, MaxFragments=2, FragmentDelimiter=\" ... \"') AS snippet "
            "FROM hits JOIN articles a ON a.id = hits.id, q ORDER BY hits.rank DESC, a.id", (query, limit)).fetchall()
        return [dict(r) for r in rows]

    def check(self) -> list[str]:
        problems: list[str] = []
        version = self.schema_version()
        if version != SCHEMA_VERSION:
            problems.append(f"schema version {version}, expected {SCHEMA_VERSION}")
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
        # an index left invalid (a failed concurrent build) is silently skipped by the planner
        problems += [f"index {r[0]} is invalid" for r in self.conn.execute(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND NOT i.indisvalid")]
        return problems

    def change_token(self) -> None:
        """None: other servers and processes write to a shared PostgreSQL database without this
        connection seeing it cheaply, so answers derived from it are never cached."""
        return None

    def counts(self) -> dict[str, int]:
        return {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("articles", "reports", "incidents", "edits")}


def _report_values(report_id: str, article_id: str, ordinal: int, data: dict[str, Any], lo: int,
                   hi: int) -> tuple[Any, ...]:
    return (report_id, article_id, ordinal, data.get("date"), data.get("date_precision"), lo, hi,
            data.get("country_code"), data.get("admin1_code"), data.get("weapon"), data.get("actor"), Jsonb(data))


def _with_text_data(row: PgRow) -> PgRow:
    values = list(row)
    values[1] = _report_text(values[1])
    return PgRow(values, row._index)
