"""The hand probes of issue 11 against a live server: none is a 5xx, each is a 4xx naming what
is wrong, and the server keeps answering afterwards."""
from __future__ import annotations

import base64
import json

import httpx
import pytest


def _cursor(value: object, incident_id: object = "x", sort: str = "date", digest: str = "0" * 12) -> str:
    raw = json.dumps([sort, digest, value, incident_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize("body, status, starts", [
    (b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", 422, "body: JSON nested deeper"),
    (b'{"text": "x", "title": ' + b"9" * 5000 + b"}", 422, "body: not valid JSON"),
    (json.dumps({"text": "US forces at Ain al-Asad were attacked by a drone \ud800 on Monday, January 8, 2024."}).encode(),
     422, "text: "),  # pydantic refuses a lone surrogate in a str field
    (json.dumps({"text": "A rocket hit Ain al-Asad air base three days ago.", "published": "0001-01-01"}).encode(), 422,
     "published: year 1 is out of range"),
    (json.dumps({"html": "<svg><article></article><s>"}).encode(), 422, "api:"),
    (json.dumps({"text": "US forces were attacked. " * 45_000, "dry_run": True}).encode(), 200, None),
])
def test_hostile_ingest_bodies(writer: httpx.Client, body: bytes, status: int, starts: str | None) -> None:
    r = writer.post("/api/ingest", content=body, headers={"Content-Type": "application/json"}, timeout=300)
    assert r.status_code == status, r.text[:300]
    if starts:
        assert r.json()["detail"].startswith(starts), r.json()["detail"]


@pytest.mark.parametrize("params", [
    {"cursor": _cursor(2 ** 70)}, {"cursor": _cursor(-(2 ** 70))}, {"cursor": _cursor(1.5)},
    {"cursor": _cursor(1, "y" * 1000)}, {"cursor": base64.urlsafe_b64encode(b"[" * 400).decode()},
    {"since": "2024-05-01", "until": "2024-01-01"}, {"weapon": "drones"}, {"since": "0000"}, {"until": "2024-13"},
    {"min_sources": "99999999999999999999999"}, {"claimed": "maybe"}, {"actor": "Kata\x00ib"},
])
def test_hostile_read_parameters_are_422(api: httpx.Client, params: dict) -> None:
    r = api.get("/api/incidents", params=params)
    assert r.status_code == 422, r.text[:300]
    assert "\n" not in r.json()["detail"]


def test_invalid_utf8_in_the_query_is_not_a_5xx(api: httpx.Client) -> None:
    r = api.get("/api/incidents?actor=%ED%A0%80&q=%FF%FE")  # a surrogate's UTF-8 bytes, stray bytes
    assert r.status_code < 500


def test_hostile_edit_values_are_422(writer: httpx.Client) -> None:
    a = writer.get("/api/incidents", params={"limit": 1}).json()["items"][0]["id"]
    for value in ([[[[1]]]], {"a": 1}, "banana", 10 ** 30, float("1e308"), "2024-13"):
        for field in ("weapon", "killed", "latitude", "date"):
            r = writer.post(f"/api/incidents/{a}/edit", json={"field": field, "value": value})
            assert r.status_code == 422, (field, value, r.text)
    deep = b'{"field": "killed", "value": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    r = writer.post(f"/api/incidents/{a}/edit", content=deep, headers={"Content-Type": "application/json"})
    assert 400 <= r.status_code < 500
    assert writer.get("/api/incidents", params={"limit": 1}).status_code == 200
