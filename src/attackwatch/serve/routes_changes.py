"""GET /api/changes?since=: the incidents created, updated, merged, split or removed since a
moment, each with what changed (store/changes.py), so a client can sync without re-reading
everything."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from attackwatch.serve.deps import require_read, thread_store
from attackwatch.serve.responses import ERROR_RESPONSES
from attackwatch.store.changes import BadMoment, changes_since, describe, parse_moment

router = APIRouter(prefix="/api", dependencies=[Depends(require_read)], responses=ERROR_RESPONSES)


@router.get("/changes", summary="incidents created, updated, merged, split or removed since a moment, with what changed")
def changes(request: Request,
            since: Annotated[str, Query(max_length=40, description="ISO date or date-time; UTC unless it says otherwise",
                                        examples=["2026-12-01T00:00"])],
            until: Annotated[str | None, Query(max_length=40)] = None) -> dict[str, Any]:
    start, end = _moment("since", since), _moment("until", until) if until else None
    entries = changes_since(thread_store(request), start, end)
    for e in entries:
        e["summary"] = describe(e)
    counts: dict[str, int] = {}
    for e in entries:
        counts[e["status"]] = counts.get(e["status"], 0) + 1
    return {"since": start, "until": end, "counts": counts, "items": entries}


def _moment(name: str, text: str) -> str:
    try:
        return parse_moment(text)
    except BadMoment as exc:
        raise HTTPException(422, f"{name}: {exc}") from None
