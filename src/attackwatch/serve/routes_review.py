"""The review queue over HTTP: incidents to review (least confident first), review progress, and
the analyst's verdict (confirm, reject, reopen; write token). Verdicts go through
Dataset.review, so they land in the audit trail and survive re-resolution like every edit."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field

from attackwatch.serve.deps import require_read, require_write, thread_store
from attackwatch.serve.params import incident_filter
from attackwatch.serve.responses import ERROR_RESPONSES, FORBIDDEN, NOT_FOUND, SafeJSONResponse
from attackwatch.store.filters import IncidentFilter

router = APIRouter(prefix="/api/review", dependencies=[Depends(require_read)], responses=ERROR_RESPONSES)
write_router = APIRouter(prefix="/api", dependencies=[Depends(require_write)], responses={**ERROR_RESPONSES, **FORBIDDEN})


class QueuePage(BaseModel):
    items: list[dict[str, Any]]
    total: int
    offset: int


@router.get("/queue", summary="incidents not yet reviewed, least confident first", response_model=QueuePage)
def queue(request: Request, flt: Annotated[IncidentFilter, Depends(incident_filter)],
          limit: Annotated[int, Query(ge=1, le=200)] = 50,
          offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0) -> SafeJSONResponse:
    from attackwatch.store.review import review_queue

    items, total = review_queue(thread_store(request), flt, limit=limit, offset=offset)
    return SafeJSONResponse({"items": items, "total": total, "offset": offset})


@router.get("/progress", summary="incidents per review state, and the verdicts and corrections made per day")
def progress(request: Request) -> dict[str, Any]:
    from attackwatch.store.review import review_progress

    return review_progress(thread_store(request))


class ReviewBody(BaseModel):
    decision: Literal["confirm", "reject", "reopen"]
    note: Annotated[str | None, Field(max_length=500)] = None
    author: Annotated[str | None, Field(max_length=100)] = None


@write_router.post("/incidents/{incident_id}/review", responses=NOT_FOUND,
                   summary="the analyst's verdict: confirm, reject (not an incident: hidden from every read and "
                           "export, kept in the audit trail) or reopen")
def review(request: Request, incident_id: Annotated[str, Path(max_length=300)], body: ReviewBody) -> dict[str, Any]:
    from attackwatch.store.dataset import Dataset

    try:
        record = Dataset(thread_store(request)).review(incident_id, body.decision, note=body.note, author=body.author)
    except KeyError as exc:
        raise HTTPException(404, str(exc.args[0])) from None
    return {"id": record["id"], "review": record.get("review"), "edits": record.get("edits", [])}
