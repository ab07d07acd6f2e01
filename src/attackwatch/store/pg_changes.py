"""The change log on PostgreSQL (store/pg_schema.py migration 5), as SqliteStore keeps it:
what `attackwatch changes`, GET /api/changes and merged-id lookups read."""
from __future__ import annotations

from typing import Any

from psycopg.types.json import Jsonb


class PgChangeLog:
    conn: Any
    _in_tx: bool
    _pipeline: Any

    def add_changes(self, rows: list[dict[str, Any]]) -> None:
        """Append to the change log (queued with the rest of the transaction's writes)."""
        if not rows:
            return
        if self._in_tx and self._pipeline is None:
            self._pipeline = self.conn.pipeline()
            self._pipeline.__enter__()
        self.conn.cursor().executemany(
            "INSERT INTO incident_changes(at, incident_id, kind, other_id, fields, reports, cause) "
            "VALUES (%s,%s,%s,%s,%s,%s,%s)",
            [(r["at"], r["incident_id"], r["kind"], r.get("other_id"), Jsonb(r.get("fields")), Jsonb(r.get("reports")),
              r.get("cause")) for r in rows])

    def changes(self, since: str, until: str | None = None, incident_id: str | None = None) -> list[dict[str, Any]]:
        """Change-log entries made at or after `since` (and before `until`), oldest first."""
        sql = "SELECT id, at, incident_id, kind, other_id, fields, reports, cause FROM incident_changes WHERE at >= %s"
        args: list[Any] = [since]
        if until:
            sql += " AND at < %s"
            args.append(until)
        if incident_id:
            sql += " AND (incident_id = %s OR other_id = %s)"
            args += [incident_id, incident_id]
        return [dict(r) for r in self.conn.execute(sql + " ORDER BY id", args)]

    def merged_into(self, incident_id: str) -> str | None:
        """The incident this one was last merged into, if it was."""
        row = self.conn.execute("SELECT other_id FROM incident_changes WHERE incident_id = %s AND kind = 'merged' "
                                "ORDER BY id DESC LIMIT 1", (incident_id,)).fetchone()
        return row[0] if row else None
