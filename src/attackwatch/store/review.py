"""The review queue: analysts confirm, reject or correct incidents, least confident first.

A verdict is a field edit of the pseudo-field `review` (see Dataset.review): anchored on the
incident's reports like any correction, so it survives `attackwatch resolve` and re-ingest and
stays in the audit trail. Each incident record then carries `review`: "confirmed",
"corrected" (a field was edited), "rejected" (not an incident: every read of the store leaves
it out, see IncidentFilter.review) or nothing (still in the queue).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from typing import Any

from attackwatch.store.filters import IncidentFilter

REVIEW_FIELD = "review"
# decision (CLI / API word) -> the value the edit stores; reopen puts an incident back in the queue
DECISIONS: dict[str, str | None] = {"confirm": "confirmed", "reject": "rejected", "reopen": None}
# least confident first; incidents stored before confidence existed (NULL) come first of all
QUEUE_ORDER = "COALESCE(confidence, -1), id"


def review_status(decision: str | None, corrected: bool) -> str | None:
    """An incident's review state from its latest verdict and whether a field was corrected:
    a rejection wins, then an explicit confirmation, then a correction."""
    if decision in ("rejected", "confirmed"):
        return decision
    return "corrected" if corrected else None


def review_queue(store: Any, flt: IncidentFilter | None = None, limit: int = 50,
                 offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """The incidents still to review (matching `flt`'s other filters), least confident first,
    and how many there are in all."""
    base = flt or IncidentFilter()
    pending = replace(base, review="pending")
    where, params = pending.sql()
    items = list(store.query_incidents(where, params, order=QUEUE_ORDER, limit=limit, offset=offset))
    return items, store.count_incidents(where, params)


def review_progress(store: Any) -> dict[str, Any]:
    """How far review has come: incidents per state now, and per day the verdicts and
    corrections analysts made (from the audit trail, so a day's work stays counted even when
    a later verdict changes the state)."""
    totals = {}
    for state in ("pending", "confirmed", "corrected", "rejected"):
        where, params = IncidentFilter(review=state).sql()
        totals[state] = store.count_incidents(where, params)
    per_day: dict[str, Counter[str]] = defaultdict(Counter)
    for e in store.edits():
        day = str(e["created_at"])[:10]
        if e["kind"] == "field" and e["field"] == REVIEW_FIELD:
            per_day[day][{"confirmed": "confirmed", "rejected": "rejected"}.get(e["value"], "reopened")] += 1
        else:
            per_day[day]["corrected"] += 1
    days = [{"day": day, **{k: c.get(k, 0) for k in ("confirmed", "corrected", "rejected", "reopened")}}
            for day, c in sorted(per_day.items(), reverse=True)]
    return {**totals, "total": sum(totals.values()), "days": days}
