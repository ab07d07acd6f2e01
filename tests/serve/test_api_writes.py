"""Write endpoints against a live server over its own copy of the seed database."""
from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from .conftest import TOKEN, LiveServer, copy_db

XSS = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
PAGE = f"""Drone attack on US base in Syria

Published 5 February 2024

A drone struck the al-Tanf garrison in Syria on 4 February 2024, wounding two US soldiers, {XSS} the Pentagon said on Monday.
The Islamic Resistance in Iraq claimed the attack in a statement {IMG} posted on Telegram.
Officials said the drone evaded air defences before it hit a housing unit at the base.
"""


def test_writes_need_the_token(write_server: LiveServer) -> None:
    with write_server.client() as anonymous, write_server.client("wrong-token") as wrong:
        for client in (anonymous, wrong):
            r = client.post("/api/ingest", json={"text": PAGE})
            assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
            assert client.post("/api/incidents/merge", json={"keep": "a", "other": "b"}).status_code == 401
            assert client.post("/api/incidents/x/review", json={"decision": "reject"}).status_code == 401
        # a wrong token is refused even for a preview; none at all is a rate-limited preview
        assert wrong.post("/api/ingest", json={"text": PAGE, "dry_run": True}).status_code == 401


def test_preview_needs_no_token_stores_nothing_and_is_rate_limited(seed_db: Path, tmp_path: Path) -> None:
    # a server of its own: the rate limit's window must not be shared with other tests
    with LiveServer(copy_db(seed_db, tmp_path / "preview.db"), TOKEN) as server, server.client() as anonymous:
        assert anonymous.get("/api/capabilities").json()["writes"] is True
        before = anonymous.get("/api/incidents").json()["total"]
        codes = [anonymous.post("/api/ingest", json={"text": PAGE, "id": f"p{n}", "dry_run": True}).status_code
                 for n in range(11)]
        assert codes == [200] * 10 + [429]
        assert anonymous.get("/api/incidents").json()["total"] == before
        assert anonymous.get("/api/articles/p0").status_code == 404
        with server.client(TOKEN) as writer:  # the token lifts the limit
            assert writer.post("/api/ingest", json={"text": PAGE, "dry_run": True}).status_code == 200


def test_dry_run_extracts_without_storing(writer: httpx.Client) -> None:
    before = writer.get("/api/incidents").json()["total"]
    r = writer.post("/api/ingest", json={"text": PAGE, "title": "Drone attack", "outlet": "Test Wire",
                                         "id": "dry1", "dry_run": True})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["stored"] is False and body["incidents"] == [] and body["article_id"] == "dry1"
    assert [(x["date"], x["weapon"], x["country_code"]) for x in body["reports"]] == [("2024-02-04", "drone", "SY")]
    assert writer.get("/api/incidents").json()["total"] == before
    assert writer.get("/api/articles/dry1").status_code == 404


def test_ingest_stores_and_answers_with_the_incidents(writer: httpx.Client) -> None:
    before = writer.get("/api/incidents").json()["total"]
    r = writer.post("/api/ingest", json={"text": PAGE, "title": f"Drone {IMG} attack", "id": "xss1",
                                         "published": "2024-02-05", "url": "https://example.test/xss1"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["stored"] is True and body["article_id"] == "xss1" and len(body["incidents"]) == 1
    assert writer.get("/api/incidents").json()["total"] == before + 1
    incident = writer.get(f"/api/incidents/{body['incidents'][0]}").json()["incident"]
    assert incident["weapon"] == "drone" and incident["reports"][0]["url"] == "https://example.test/xss1"
    # the same page again is recognised, not stored twice
    again = writer.post("/api/ingest", json={"text": PAGE, "id": "xss1-again", "published": "2024-02-05"}).json()
    assert again["article_id"] == "xss1" and again["incidents"] == body["incidents"]
    assert writer.get("/api/incidents").json()["total"] == before + 1


def test_markup_from_articles_and_queries_is_never_served_as_html(writer: httpx.Client) -> None:
    stored = writer.post("/api/ingest", json={"text": PAGE, "title": f"Drone {IMG} attack", "id": "xss1",
                                              "published": "2024-02-05"}).json()
    inc = stored["incidents"][0]
    paths = ["/api/articles/xss1", f"/api/incidents/{inc}", "/api/incidents?q=onerror", "/api/incidents.geojson",
             "/api/incidents.csv", f"/api/incidents?since={XSS}", f"/api/incidents?q={'x' * 300}{XSS}",
             f"/api/articles/{IMG}", "/api/stats?split=actor", "/api/facets", f"/api/incidents/{inc}?{XSS}=1"]
    seen_payload = 0
    for path in paths:
        r = writer.get(path)
        ctype = r.headers.get("content-type", "")
        assert not ctype.startswith("text/html"), path
        assert r.headers["x-content-type-options"] == "nosniff"
        if "json" in ctype:
            # escaped as \u003c...: the same JSON, no markup in the bytes
            assert "<script" not in r.text and "<img" not in r.text, path
            if "alert(1)" in r.text:
                seen_payload += 1
                assert "\\u003cscript\\u003e" in r.text or "\\u003cimg" in r.text
    assert seen_payload >= 4
    article = writer.get("/api/articles/xss1").json()
    assert XSS in article["text"] and IMG in article["title"]  # the data itself is kept as written


def test_multipart_upload_ingests_a_page(writer: httpx.Client) -> None:
    page = PAGE.replace("4 February 2024", "6 February 2024").replace("al-Tanf garrison", "Tower 22 in Jordan")
    r = writer.post("/api/ingest", files={"file": ("tower22.txt", page.encode(), "text/plain")},
                    data={"published": "2024-02-07", "outlet": "Upload Wire", "dry_run": "true"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["stored"] is False and body["reports"][0]["date"] == "2024-02-06"
    assert body["article_id"].startswith("api-")
    r = writer.post("/api/ingest", files={"file": ("bin.txt", b"\x00\x01\x02" * 100, "text/plain")})
    assert r.status_code == 422 and r.json()["detail"].startswith("file:")


def test_bad_ingest_bodies_are_422(writer: httpx.Client) -> None:
    cases = [({"dry_run": True}, "body"), ({"text": "x", "html": "<p>x</p>"}, "body"),
             ({"text": PAGE, "published": "05/02/2024"}, "published"), ({"text": PAGE, "id": "../etc"}, "id"),
             ({"text": "   "}, "text")]
    for payload, name in cases:
        r = writer.post("/api/ingest", json=payload)
        assert r.status_code == 422 and r.json()["detail"].startswith(name), (payload, r.text)
    r = writer.post("/api/ingest", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422
    # a page the cleaner rejects: one line naming the page and the reason
    r = writer.post("/api/ingest", json={"text": "Dies ist ein deutscher Text über nichts. " * 20, "id": "de1"})
    assert r.status_code == 422 and "de1" in r.json()["detail"]


def test_oversized_bodies_are_413(writer: httpx.Client) -> None:
    big = "a" * (7 * 1024 * 1024)
    r = writer.post("/api/ingest", json={"text": big})
    assert r.status_code == 413 and "too large" in r.json()["detail"]

    def chunks():  # no Content-Length: the cap counts the streamed bytes
        for _ in range(8):
            yield b"a" * (1024 * 1024)

    r = writer.post("/api/ingest", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    r = writer.post("/api/ingest", files={"file": ("big.txt", b"word " * (1100 * 1024), "text/plain")})
    assert r.status_code == 413 and r.json()["detail"].startswith("file:")


def test_edit_merge_split_through_the_api(writer: httpx.Client) -> None:
    items = writer.get("/api/incidents", params={"limit": 1000, "country": "IQ"}).json()["items"]
    a, b = items[0]["id"], items[1]["id"]
    r = writer.post(f"/api/incidents/{a}/edit", json={"field": "killed", "value": 3, "note": "CENTCOM", "author": "t"})
    assert r.status_code == 200, r.text
    assert r.json()["killed"] == 3 and r.json()["edits"][-1]["note"] == "CENTCOM"
    assert writer.get(f"/api/incidents/{a}").json()["incident"]["killed"] == 3
    assert a in [x["id"] for x in writer.get("/api/incidents", params={"sort": "-casualties", "limit": 1}).json()["items"]]

    merged = writer.post("/api/incidents/merge", json={"keep": a, "other": b, "note": "same salvo"})
    assert merged.status_code == 200, merged.text
    record = merged.json()
    assert record["id"] == a and len(record["reports"]) >= 2
    gone = writer.get(f"/api/incidents/{b}")  # merged away: answered with the incident it went into
    assert gone.status_code == 200 and gone.json()["incident"]["id"] == a
    assert gone.json()["resolved_from"] == {"id": b, "note": f"{b} was merged into {a}"}
    detail = writer.get(f"/api/incidents/{a}").json()
    assert {e["kind"] for e in detail["edits"]} >= {"field", "merge"}

    moved = detail["reports"][-1]["report_id"]
    r = writer.post(f"/api/incidents/{a}/split", json={"report_id": moved, "note": "two events"})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["incident"]["id"] == a and out["new_incident"]["id"] != a
    assert writer.get(f"/api/incidents/{out['new_incident']['id']}").json()["reports"][0]["report_id"] == moved


@pytest.mark.parametrize("path, payload, status, name", [
    ("/api/incidents/inc_nope/edit", {"field": "killed", "value": 1}, 404, None),
    ("/api/incidents/{a}/edit", {"field": "id", "value": "x"}, 422, "field"),
    ("/api/incidents/{a}/edit", {"field": "killed", "value": -1}, 422, "value"),
    ("/api/incidents/{a}/edit", {"field": "weapon", "value": "laser"}, 422, "value"),
    ("/api/incidents/{a}/edit", {"field": "date", "value": "2024-02-31"}, 422, "value"),
    ("/api/incidents/{a}/edit", {"value": 1}, 422, "field"),
    ("/api/incidents/merge", {"keep": "{a}", "other": "inc_nope"}, 404, None),
    ("/api/incidents/merge", {"keep": "{a}", "other": "{a}"}, 422, "other"),
    ("/api/incidents/{a}/split", {"report_id": "nope#0"}, 404, None),
])
def test_bad_corrections_are_refused(writer: httpx.Client, path: str, payload: dict, status: int, name: str | None) -> None:
    a = writer.get("/api/incidents", params={"limit": 1}).json()["items"][0]["id"]
    r = writer.post(path.replace("{a}", a), json=json.loads(json.dumps(payload).replace("{a}", a)))
    assert r.status_code == status, r.text
    if name:
        assert r.json()["detail"].startswith(f"{name}:")


def test_concurrent_reads_and_writes_all_succeed(write_server: LiveServer, writer: httpx.Client) -> None:
    """The pool runs requests on many threads at once: each uses its own connection."""
    from concurrent.futures import ThreadPoolExecutor

    target = writer.get("/api/incidents", params={"limit": 1, "sort": "-date"}).json()["items"][0]["id"]

    def read(i: int) -> int:
        with write_server.client() as c:
            paths = ["/api/incidents?limit=50", "/api/stats?split=weapon", f"/api/incidents/{target}", "/api/facets"]
            return max(c.get(paths[(i + k) % 4]).status_code for k in range(8))

    def write(i: int) -> int:
        return writer.post(f"/api/incidents/{target}/edit", json={"field": "injured", "value": i}).status_code

    with ThreadPoolExecutor(8) as pool:
        reads = [pool.submit(read, i) for i in range(12)]
        writes = [pool.submit(write, i) for i in range(4)]
        assert [f.result() for f in reads] == [200] * 12
        assert [f.result() for f in writes] == [200] * 4
    assert writer.get(f"/api/incidents/{target}").json()["incident"]["injured"] in range(4)
