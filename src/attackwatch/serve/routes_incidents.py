"""Read endpoints: incident lists (JSON pages, GeoJSON, CSV), one incident, one article, facets."""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Annotated, Any, Iterator

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from attackwatch.serve.deps import require_read, thread_store
from attackwatch.serve.params import Sort, decode_cursor, encode_cursor, filter_digest, incident_filter
from attackwatch.serve.responses import ERROR_RESPONSES, NOT_FOUND, SafeJSONResponse, safe_json_bytes
from attackwatch.store.filters import IncidentFilter

router = APIRouter(prefix="/api", dependencies=[Depends(require_read)], responses=ERROR_RESPONSES)

EXPORT_PAGE = 2000


class IncidentPage(BaseModel):
    items: list[dict[str, Any]]
    next_cursor: str | None
    total: int


@router.get("/incidents", summary="incidents matching the filters, one page at a time", response_model=IncidentPage)
def list_incidents(
    request: Request,
    flt: Annotated[IncidentFilter, Depends(incident_filter)],
    sort: Sort = "date",
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    cursor: Annotated[str | None, Query(max_length=600)] = None,
) -> SafeJSONResponse:
    where, params = flt.sql()
    digest = filter_digest(where, params)
    after = decode_cursor(cursor, sort, digest) if cursor else None
    store = thread_store(request)
    rows = store.incident_page(where, params, sort, after, limit + 1)
    items = [record for _, record in rows[:limit]]
    next_cursor = None
    if len(rows) > limit:
        value, record = rows[limit - 1]
        next_cursor = encode_cursor(sort, digest, value, record["id"])
    # a Response skips FastAPI's jsonable_encoder pass over 100 nested records (half the time)
    return SafeJSONResponse({"items": items, "next_cursor": next_cursor, "total": store.count_incidents(where, params)})


def _all_matching(request: Request, flt: IncidentFilter) -> Iterator[dict[str, Any]]:
    """Every matching incident in date order, read in keyset pages. Each page asks for the
    store afresh: a streaming body is iterated on whichever pool thread is free."""
    where, params = flt.sql()
    after = None
    while True:
        rows = thread_store(request).incident_page(where, params, "date", after, EXPORT_PAGE)
        for _, record in rows:
            yield record
        if len(rows) < EXPORT_PAGE:
            return
        after = (rows[-1][0], rows[-1][1]["id"])


@router.get("/incidents.geojson", summary="matching incidents with coordinates as a GeoJSON FeatureCollection",
            response_class=StreamingResponse,
            responses={200: {"content": {"application/geo+json": {"schema": {"type": "object"}}}}})
def incidents_geojson(request: Request, flt: Annotated[IncidentFilter, Depends(incident_filter)]) -> StreamingResponse:
    from attackwatch.store.export import feature as export_feature

    updated = thread_store(request).updated_times()

    def body() -> Iterator[bytes]:
        yield b'{"type":"FeatureCollection","features":['
        first = True
        for record in _all_matching(request, flt):
            # the properties of `attackwatch export --format geojson`: ACLED's columns and ours,
            # the outlets, source URLs and evidence of each feature as lists
            feature = export_feature(record, updated.get(record["id"]))
            if feature is None:
                continue
            yield (b"" if first else b",") + safe_json_bytes(feature)
            first = False
        yield b"]}"

    return StreamingResponse(body(), media_type="application/geo+json")


@router.get("/incidents.csv", summary="matching incidents as the ACLED-style CSV of `attackwatch export`",
            response_class=StreamingResponse, responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}})
def incidents_csv(request: Request, flt: Annotated[IncidentFilter, Depends(incident_filter)]) -> StreamingResponse:
    from attackwatch.store.export import ACLED_COLUMNS, EXTRA_COLUMNS, acled_row, csv_cells

    columns = ACLED_COLUMNS + EXTRA_COLUMNS
    updated = thread_store(request).updated_times()

    def body() -> Iterator[bytes]:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for n, record in enumerate(_all_matching(request, flt), 1):
            writer.writerow(csv_cells(acled_row(record, updated.get(record["id"]))))
            if n % 500 == 0:
                yield buf.getvalue().encode("utf-8")
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue().encode("utf-8")

    return StreamingResponse(body(), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="incidents.csv"'})


@router.get("/incidents.jsonl", summary="matching incidents as JSON Lines, one record per line (`attackwatch export "
                                        "--format jsonl`)",
            response_class=StreamingResponse,
            responses={200: {"content": {"application/x-ndjson": {"schema": {"type": "string"}}}}})
def incidents_jsonl(request: Request, flt: Annotated[IncidentFilter, Depends(incident_filter)]) -> StreamingResponse:
    def body() -> Iterator[bytes]:
        for record in _all_matching(request, flt):
            yield safe_json_bytes(record) + b"\n"

    return StreamingResponse(body(), media_type="application/x-ndjson; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="incidents.jsonl"'})


def _edits_touching(store: Any, incident_id: str, members: list[str]) -> list[dict[str, Any]]:
    """The audit trail of an incident: edits made on it or anchored on any of its reports."""
    mine = set(members)
    out = []
    for e in store.edits():
        anchors = e["anchors"]
        anchored = (set(anchors) if isinstance(anchors, list)
                    else set(anchors.get("a", [])) | set(anchors.get("b", [])) | {anchors.get("report")})
        if e["incident_id"] == incident_id or anchored & mine:
            out.append(e)
    return out


@router.get("/incidents/{incident_id}", summary="one incident, the reports behind it and its edits", responses=NOT_FOUND)
def get_incident(request: Request, incident_id: Annotated[str, Path(max_length=300)]) -> dict[str, Any]:
    """An incident by its id, the `event_id_cnty` of an export, or the id of an incident since
    merged into it (`resolved_from` then says which id was asked and how it led here)."""
    from attackwatch.store.lookup import find_incident

    store = thread_store(request)
    found = find_incident(store, incident_id)
    if found.incident_id is None:
        raise HTTPException(404, f"no incident {incident_id}")
    asked, incident_id = incident_id, found.incident_id
    record = store.incident(incident_id)
    if record.get("review") == "rejected":  # not an incident, by an analyst's verdict (audit trail: the CLI)
        raise HTTPException(404, f"incident {incident_id} was rejected in review")
    members = store.members(incident_id)
    titles: dict[str, str | None] = {}
    reports = []
    for row in store.report_rows(members):
        aid = row["article_id"]
        if aid not in titles:
            titles[aid] = (store.article(aid) or {}).get("title")
        reports.append({"report_id": row["id"], "article_id": aid, "title": titles[aid], "outlet": row["outlet"],
                        "url": row["url"], "published": row["published"], "record": json.loads(row["data"])})
    out = {"incident": record, "reports": reports, "edits": _edits_touching(store, incident_id, members)}
    if found.note:
        out["resolved_from"] = {"id": asked, "note": found.note}
    return out


@router.get("/articles/{article_id}", summary="one stored article, its text and its reports", responses=NOT_FOUND)
def get_article(request: Request, article_id: Annotated[str, Path(max_length=300)]) -> dict[str, Any]:
    store = thread_store(request)
    row = store.article(article_id)
    if row is None:
        raise HTTPException(404, f"no article {article_id}")
    return {"id": row["id"], "title": row["title"], "outlet": row["outlet"], "url": row["url"],
            "published": row["published"], "author": row.get("author"), "text": row["text"],
            "reports": [{"report_id": rid, "incident_id": inc, "record": rec}
                        for rid, inc, rec in store.article_reports(article_id)]}


@router.get("/facets", summary="the values present for each filter, with counts")
def facets(request: Request) -> dict[str, Any]:
    store = thread_store(request)
    f = request.app.state.results.get_or_compute(store, ("facets",), store.incident_facets)
    lo, hi = f["dates"][0] if f["dates"] else (None, None)
    return {
        "countries": [{"code": c, "name": n, "count": k} for c, n, k in f["countries"]],
        "admin1": [{"code": c, "name": n, "country_code": cc, "count": k} for c, n, cc, k in f["admin1"]],
        "actors": [{"name": a, "parent": p, "count": k} for a, p, k in f["actors"]],
        "weapons": [{"value": v, "count": k} for v, k in f["weapons"]],
        "event_types": [{"value": v, "count": k} for v, k in f["event_types"]],
        "target_types": [{"value": v, "count": k} for v, k in f["target_types"]],
        "confirmations": [{"value": v, "count": k} for v, k in f["confirmations"]],
        "date_min": date.fromordinal(lo).isoformat() if lo is not None else None,
        "date_max": date.fromordinal(hi).isoformat() if hi is not None else None,
    }
