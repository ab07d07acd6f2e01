"""The review endpoints, the JSONL export, map place names and alert annotations, against a live
server over its own copy of the seed database."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator

import pytest

from .conftest import TOKEN, LiveServer, copy_db


@pytest.fixture(scope="module")
def server(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with LiveServer(copy_db(seed_db, tmp_path_factory.mktemp("review") / "review.db"), TOKEN) as live:
        yield live


def test_queue_verdicts_and_progress(server: LiveServer) -> None:
    with server.client() as anonymous, server.client(TOKEN) as writer:
        queue = anonymous.get("/api/review/queue", params={"limit": 200}).json()
        total = anonymous.get("/api/incidents").json()["total"]
        assert queue["total"] == len(queue["items"]) == total
        confidences = [-1 if r.get("confidence") is None else r["confidence"] for r in queue["items"]]
        assert confidences == sorted(confidences)
        first, second = queue["items"][0]["id"], queue["items"][1]["id"]
        # verdicts need the token
        assert anonymous.post(f"/api/incidents/{first}/review", json={"decision": "confirm"}).status_code == 401
        r = writer.post(f"/api/incidents/{first}/review", json={"decision": "confirm", "note": "checked", "author": "ana"})
        assert r.status_code == 200 and r.json()["review"] == "confirmed"
        assert writer.post(f"/api/incidents/{second}/review", json={"decision": "reject"}).json()["review"] == "rejected"
        cases = [({"decision": "maybe"}, "decision"), ({"decision": "confirm", "note": "x" * 501}, "note")]
        for body, param in cases:
            bad = writer.post(f"/api/incidents/{first}/review", json=body)
            assert bad.status_code == 422 and bad.json()["detail"].startswith(param)
        assert writer.post("/api/incidents/inc_nope/review", json={"decision": "confirm"}).status_code == 404
        # the queue moved on; the rejected incident is gone from every read
        after = anonymous.get("/api/review/queue", params={"limit": 200}).json()
        assert after["total"] == total - 2 and first not in {r["id"] for r in after["items"]}
        assert anonymous.get(f"/api/incidents/{second}").status_code == 404
        assert anonymous.get("/api/incidents").json()["total"] == total - 1
        for path in ("/api/incidents.csv", "/api/incidents.geojson", "/api/incidents.jsonl", "/api/alerts", "/api/lulls"):
            assert second not in anonymous.get(path).text, path
        stats = anonymous.get("/api/stats", params={"by": "month"}).json()
        assert stats["total"] == total - 1
        assert sum(c["count"] for c in anonymous.get("/api/facets").json()["countries"]) == total - 1
        assert anonymous.get("/api/incidents", params={"review": "confirmed"}).json()["total"] == 1
        assert anonymous.get("/api/incidents", params={"review": "rejected"}).status_code == 422  # never served
        progress = anonymous.get("/api/review/progress").json()
        assert (progress["confirmed"], progress["rejected"], progress["pending"]) == (1, 1, total - 2)
        assert progress["days"][0]["confirmed"] == 1 and progress["days"][0]["rejected"] == 1
        # reopen brings it back
        assert writer.post(f"/api/incidents/{second}/review", json={"decision": "reopen"}).json()["review"] is None
        assert anonymous.get(f"/api/incidents/{second}").status_code == 200


def test_jsonl_export_has_the_listing_records(server: LiveServer) -> None:
    with server.client() as api:
        listing = api.get("/api/incidents", params={"country": "IQ", "limit": 1000}).json()
        r = api.get("/api/incidents.jsonl", params={"country": "IQ"})
        assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
        records = [json.loads(line) for line in r.text.splitlines()]
        assert {x["id"] for x in records} == {x["id"] for x in listing["items"]}


def test_map_places_cover_every_site_and_governorate(server: LiveServer) -> None:
    pack = Path(__file__).resolve().parents[2] / "src" / "attackwatch" / "packs" / "default" / "places.jsonl"
    gazetteer = [json.loads(line) for line in pack.read_text(encoding="utf-8").splitlines() if line.strip()]
    with server.client() as api:
        places = api.get("/api/map/places").json()["places"]
    by_kind: dict[str, set[str]] = {}
    for p in places:
        by_kind.setdefault(p["kind"], set()).add(p["id"])
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 and p["rank"] >= 0
    for kind in ("site", "admin1", "country", "town"):
        assert by_kind[kind] == {g["id"] for g in gazetteer if g["kind"] == kind and g.get("lat") is not None}, kind


def test_alerts_carry_severity_side_and_readable_incident_labels(server: LiveServer) -> None:
    with server.client() as api:
        alerts = api.get("/api/alerts").json()["alerts"]
    assert alerts
    for a in alerts:
        assert a["severity"] in ("high", "medium", "low") and a["side"]
        assert set(a["labels"]) <= set(a["incidents"])
        for label in a["labels"].values():
            assert re.match(r"^(\d{4}(-\d\d){0,2}|undated) · .+ · .+$", label), label
        if a["rule"] == "casualties":
            assert a["severity"] == ("high" if a["numbers"]["killed"] else "medium")
    assert {a["side"] for a in alerts} & {"axis", "us"}
