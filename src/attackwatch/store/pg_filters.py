"""IncidentFilter compiled to PostgreSQL: the same meaning as IncidentFilter.sql() has in
SQLite, with %s bound parameters, the generated columns of pg_schema migration 2, JSONB
containment (`data @> ...`, served by the GIN index on incidents.data) for exact values of
the record, and the evidence text index for `text`. No SQL is ever built from user strings:
every value travels as a parameter."""
from __future__ import annotations

import re
from typing import Any

from psycopg.types.json import Jsonb

from attackwatch.store.filters import FilterSQL, IncidentFilter

# words as SQLite's FTS5 (unicode61) splits them: letters and digits; '_' separates
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def prefix_tsquery(text: str) -> str | None:
    """Free text as a tsquery in to_tsquery syntax: every word must start a word of the
    evidence. Only letters and digits reach it, so no tsquery operator can come from the user."""
    words = _WORD.findall(text)
    if not words:
        return None
    return " & ".join(f"{w.lower()}:*" for w in words[:20])


def compile_where(flt: IncidentFilter) -> tuple[str, tuple[Any, ...]]:
    clauses, params = flt.column_clauses("%s")
    contains: dict[str, Any] = {}
    if flt.target_type:
        contains["target_type"] = flt.target_type
    if flt.claimed is not None:
        contains["claimed"] = bool(flt.claimed)
    if flt.confirmation:
        contains["confirmation"] = flt.confirmation
    if contains:
        clauses.append("data @> %s")
        params.append(Jsonb(contains))
    if flt.text is not None and flt.text.strip():
        query = prefix_tsquery(flt.text)
        if query is None:  # only punctuation: no evidence can contain "no words"
            clauses.append("false")
        else:
            clauses.append("evidence_tsv @@ to_tsquery('simple', %s)")
            params.append(query)
    return " AND ".join(clauses), tuple(params)


def pg_where(where: Any, params: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
    """What a PostgreSQL store runs for a caller's (where, params): a filter (or the SQL text
    IncidentFilter.sql() made, which remembers its filter) is compiled here; any other text
    is taken as PostgreSQL SQL the calling code wrote (never user input)."""
    if isinstance(where, FilterSQL):
        return compile_where(where.filter)
    if isinstance(where, IncidentFilter):
        return compile_where(where)
    return where or "", tuple(params)
