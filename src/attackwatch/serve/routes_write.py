"""Write endpoints (bearer token): ingest a page (a preview with dry_run needs no token, see
PREVIEW_RATE), and the analyst corrections (edit a field, merge two incidents, split a report out). All go through Dataset, so
they land in the audit trail and survive re-resolution like the CLI's."""
from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from pydantic import BaseModel, Field

from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from attackwatch.serve.deps import require_read, require_write, thread_store
from attackwatch.serve.params import DATE_PATTERN, Confirmation, TargetType, Weapon, parse_day, unprocessable
from attackwatch.serve.responses import ERROR_RESPONSES, FORBIDDEN, NOT_FOUND, ErrorDetail

router = APIRouter(prefix="/api", dependencies=[Depends(require_write)], responses={**ERROR_RESPONSES, **FORBIDDEN})
# /api/ingest decides itself: a preview needs only read access, storing needs the token
ingest_router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)

MAX_PAGE_BYTES = 5 * 1024 * 1024  # the same cap as a page file read from disk
ARTICLE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$"
_Short = Annotated[str | None, Field(max_length=500)]


class IngestBody(BaseModel):
    text: Annotated[str | None, Field(max_length=MAX_PAGE_BYTES)] = None
    html: Annotated[str | None, Field(max_length=MAX_PAGE_BYTES)] = None
    title: _Short = None
    published: Annotated[str | None, Field(pattern=DATE_PATTERN)] = None
    url: Annotated[str | None, Field(max_length=2000)] = None
    outlet: _Short = None
    id: Annotated[str | None, Field(pattern=ARTICLE_ID_PATTERN)] = None
    dry_run: bool = False


class IngestResult(BaseModel):
    article_id: str
    reports: list[dict[str, Any]]
    stored: bool
    incidents: list[str]


_INGEST_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": IngestBody.model_json_schema()},
        "multipart/form-data": {"schema": {
            "type": "object", "required": ["file"],
            "properties": {"file": {"type": "string", "format": "binary"}, "published": {"type": "string"},
                           "url": {"type": "string"}, "outlet": {"type": "string"}, "title": {"type": "string"},
                           "id": {"type": "string"}, "dry_run": {"type": "boolean"}}}},
    },
}


async def _read_ingest(request: Request) -> tuple[IngestBody, str, str]:
    """The request as (fields, page content, kind) from a JSON body or a multipart upload."""
    ctype = request.headers.get("content-type", "")
    if ctype.startswith("multipart/form-data"):
        from attackwatch.ingest.files import InputError, decode

        form = await request.form(max_files=1, max_fields=20, max_part_size=MAX_PAGE_BYTES + 1)
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise unprocessable("file", "a multipart upload needs a file field with the page")
        data = await upload.read(MAX_PAGE_BYTES + 1)
        if len(data) > MAX_PAGE_BYTES:
            raise HTTPException(413, f"file: page too large (limit {MAX_PAGE_BYTES // (1024 * 1024)} MB)")
        name = upload.filename or "upload"
        try:
            content, _ = decode(data, name)
        except InputError as exc:
            raise unprocessable("file", exc.reason) from None
        fields = {k: v for k, v in form.items() if k != "file" and isinstance(v, str) and v != ""}
        if "dry_run" in fields:
            fields["dry_run"] = fields["dry_run"].lower() in ("1", "true", "yes", "on")  # type: ignore[assignment]
        body = _validated(fields)
        is_html = name.lower().endswith((".html", ".htm")) or _looks_html(content)
        return body, content, "html" if is_html else "text"
    if not ctype.startswith("application/json"):
        raise HTTPException(415, "send the page as application/json or multipart/form-data")
    try:
        raw = await request.json()
    except ValueError:
        raise unprocessable("body", "not valid JSON") from None
    if not isinstance(raw, dict):
        raise unprocessable("body", "expected a JSON object")
    body = _validated(raw)
    if (body.text is None) == (body.html is None):
        raise unprocessable("body", "give exactly one of text or html")
    return body, body.text if body.text is not None else body.html or "", "text" if body.text is not None else "html"


def _validated(fields: dict[str, Any]) -> IngestBody:
    from pydantic import ValidationError

    try:
        return IngestBody.model_validate(fields)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise unprocessable(".".join(str(p) for p in first["loc"]) or "body", first["msg"]) from None


def _looks_html(content: str) -> bool:
    return bool(re.match(r"\s*(<!doctype html|<html)", content[:500], re.I))


# Preview (dry_run) stores nothing, so it needs no write token: anyone who may read may try
# the extractor, within PREVIEW_RATE per client address (extraction costs CPU). With the
# token a preview is not rate-limited; a wrong token is refused as for any write.
PREVIEW_RATE = "10/minute"
_preview_rate = parse(PREVIEW_RATE)


class Capabilities(BaseModel):
    writes: bool
    private: bool
    preview_without_token: bool
    preview_rate: str


@ingest_router.get("/capabilities", summary="whether this server accepts writes, and how previews are limited",
                   response_model=Capabilities, dependencies=[Depends(require_read)])
def capabilities(request: Request) -> dict[str, Any]:
    return {"writes": bool(request.app.state.token), "private": bool(request.app.state.private),
            "preview_without_token": True, "preview_rate": PREVIEW_RATE}


async def _allow_ingest(request: Request, dry_run: bool) -> None:
    if not dry_run or request.headers.get("authorization"):
        await require_write(request)
        return
    await require_read(request)
    client = request.client.host if request.client else "unknown"
    state = request.app.state
    if getattr(state, "preview_limiter", None) is None:  # one window per app, kept in memory
        state.preview_limiter = MovingWindowRateLimiter(MemoryStorage())
    if not state.preview_limiter.hit(_preview_rate, "preview", client):
        raise HTTPException(429, f"too many previews from this address (limit {PREVIEW_RATE}); wait a minute, "
                                 "or send the write token", headers={"Retry-After": "60"})


@ingest_router.post("/ingest", summary="extract a page and store it (dry_run: only extract, the dashboard's preview; "
                                       "needs no token, rate-limited)",
                    response_model=IngestResult, openapi_extra={"requestBody": _INGEST_BODY},
                    responses={**FORBIDDEN, 415: {"model": ErrorDetail, "description": "neither JSON nor multipart"},
                               429: {"model": ErrorDetail, "description": "too many previews without a token"}})
async def ingest(request: Request) -> Any:
    from starlette.concurrency import run_in_threadpool

    body, content, kind = await _read_ingest(request)
    await _allow_ingest(request, body.dry_run)
    if not content.strip():
        raise unprocessable("text" if kind == "text" else "html", "the page is empty")
    # extraction and the write are blocking work: run them, with the thread's own store, in the pool
    return await run_in_threadpool(_ingest_sync, request, body, content, kind)


def _ingest_sync(request: Request, body: IngestBody, content: str, kind: str) -> dict[str, Any]:
    from attackwatch.ingest.files import RawPage
    from attackwatch.pipeline import process_raw
    from attackwatch.store.dataset import Dataset, IngestSummary, content_hash

    article_id = body.id or "api-" + hashlib.sha256(content.encode("utf-8")).hexdigest()[:12]
    meta: dict[str, Any] = {"title": body.title, "url": body.url, "outlet": body.outlet,
                            "published": parse_day("published", body.published)}
    raw = RawPage(id=article_id, kind=kind, content=content, path=f"api:{article_id}",
                  meta={k: v for k, v in meta.items() if v is not None})
    result = process_raw(raw)
    if result.error or result.article is None:
        raise HTTPException(422, result.error or f"api:{article_id}: could not be processed")
    reports = [r.to_dict() for r in result.reports]
    if body.dry_run:
        return {"article_id": article_id, "reports": reports, "stored": False, "incidents": []}
    store = thread_store(request)
    Dataset(store).add_articles([(result.article, result.reports)], IngestSummary())
    # an identical page stored before under another id is not stored twice: answer with that one
    stored_id = store.article_by_hash(content_hash(result.article)) or article_id
    incidents = [store.incident_of(rid) for rid, _, _ in store.article_reports(stored_id)]
    return {"article_id": stored_id, "reports": reports, "stored": True,
            "incidents": sorted({i for i in incidents if i})}


class EditBody(BaseModel):
    field: Annotated[str, Field(max_length=50)]
    value: Any = None
    note: _Short = None
    author: Annotated[str | None, Field(max_length=100)] = None


class MergeBody(BaseModel):
    keep: Annotated[str, Field(max_length=300)]
    other: Annotated[str, Field(max_length=300)]
    note: _Short = None
    author: Annotated[str | None, Field(max_length=100)] = None


class SplitBody(BaseModel):
    report_id: Annotated[str, Field(max_length=400)]
    note: _Short = None
    author: Annotated[str | None, Field(max_length=100)] = None


_DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CHOICES: dict[str, tuple[str, ...]] = {
    "weapon": Weapon.__args__, "confirmation": Confirmation.__args__, "target_type": TargetType.__args__,  # type: ignore[attr-defined]
    "date_precision": ("day", "week", "month", "year"), "geo_precision": ("site", "town", "admin1", "country")}


def check_edit_value(field: str, value: Any) -> None:
    """The value must have the record field's type, so an edit cannot break exports or filters."""
    def bad(reason: str) -> HTTPException:
        return unprocessable("value", f"{field} {reason}")

    if field in _CHOICES:
        if value not in _CHOICES[field]:
            raise bad(f"must be one of {', '.join(_CHOICES[field])}")
    elif field in ("killed", "injured"):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100_000):
            raise bad("must be a whole number from 0 or null")
    elif field in ("latitude", "longitude"):
        limit = 90 if field == "latitude" else 180
        if value is not None and (not isinstance(value, (int, float)) or isinstance(value, bool) or abs(value) > limit):
            raise bad(f"must be a number between -{limit} and {limit} or null")
    elif field in ("claimed", "background", "intercepted"):
        if not isinstance(value, bool) and not (field == "intercepted" and value is None):
            raise bad("must be true or false")
    elif field == "date":
        if value is not None and (not isinstance(value, str) or not _DATE_VALUE.match(value)):
            raise bad("must be YYYY, YYYY-MM or YYYY-MM-DD or null")
        if isinstance(value, str) and len(value) == 10:
            parse_day("value", value)
    elif value is not None and (not isinstance(value, str) or len(value) > 300):
        raise bad("must be text (at most 300 characters) or null")


@router.post("/incidents/merge", summary="merge incident `other` into `keep`", responses=NOT_FOUND)
def merge(request: Request, body: MergeBody) -> dict[str, Any]:
    from attackwatch.store.dataset import Dataset

    if body.keep == body.other:
        raise unprocessable("other", "cannot merge an incident with itself")
    try:
        return Dataset(thread_store(request)).merge(body.keep, body.other, note=body.note, author=body.author)
    except KeyError as exc:
        raise HTTPException(404, str(exc.args[0])) from None


@router.post("/incidents/{incident_id}/edit", summary="correct one field (kept in the audit trail)", responses=NOT_FOUND)
def edit(request: Request, incident_id: Annotated[str, Path(max_length=300)], body: EditBody) -> dict[str, Any]:
    from attackwatch.store.dataset import EDITABLE, Dataset

    if body.field not in EDITABLE:
        raise unprocessable("field", f"{body.field!r} cannot be edited (editable: {', '.join(sorted(EDITABLE))})")
    check_edit_value(body.field, body.value)
    try:
        return Dataset(thread_store(request)).edit(incident_id, body.field, body.value, note=body.note, author=body.author)
    except KeyError as exc:
        raise HTTPException(404, str(exc.args[0])) from None


@router.post("/incidents/{incident_id}/split", summary="take one report out into a new incident", responses=NOT_FOUND)
def split(request: Request, incident_id: Annotated[str, Path(max_length=300)], body: SplitBody) -> dict[str, Any]:
    from attackwatch.store.dataset import Dataset

    store = thread_store(request)
    try:
        new_id = Dataset(store).split(incident_id, body.report_id, note=body.note, author=body.author)
    except KeyError as exc:
        raise HTTPException(404, str(exc.args[0])) from None
    except ValueError as exc:
        raise unprocessable("report_id", str(exc)) from None
    return {"incident": store.incident(incident_id), "new_incident": store.incident(new_id)}
