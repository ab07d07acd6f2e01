"""min_confidence in the API's incident filters, and the CLI refusing the same values with the
same one-line message."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import httpx
import pytest

from attackwatch.cli import main


def _threshold(all_incidents: list[dict], share: float) -> float:
    values = sorted(r["confidence"] for r in all_incidents)
    return values[int(share * (len(values) - 1))]


def test_every_incident_served_carries_its_confidence(api: httpx.Client, all_incidents: list[dict]) -> None:
    items = api.get("/api/incidents", params={"limit": 1000}).json()["items"]
    assert items and all(isinstance(r["confidence"], float) and 0 <= r["confidence"] <= 1 for r in items)
    one = api.get(f"/api/incidents/{items[0]['id']}").json()["incident"]
    assert one["confidence"] == items[0]["confidence"]


@pytest.mark.parametrize("share", [0.2, 0.5, 0.8])
def test_min_confidence_keeps_exactly_the_incidents_at_or_above_it(api: httpx.Client, all_incidents: list[dict],
                                                                   share: float) -> None:
    threshold = _threshold(all_incidents, share)
    expected = sorted(r["id"] for r in all_incidents if r["confidence"] >= threshold)
    body = api.get("/api/incidents", params={"min_confidence": threshold, "limit": 1000}).json()
    assert sorted(r["id"] for r in body["items"]) == expected
    assert body["total"] == len(expected)
    assert 0 < len(expected) < len(all_incidents), "the threshold does not discriminate on the seed corpus"


def test_min_confidence_filters_the_geojson_and_csv_too(api: httpx.Client, all_incidents: list[dict]) -> None:
    threshold = _threshold(all_incidents, 0.5)
    keep = {r["id"] for r in all_incidents if r["confidence"] >= threshold}
    features = api.get("/api/incidents.geojson", params={"min_confidence": threshold}).json()["features"]
    assert features and {f["id"] for f in features} <= keep
    assert all(f["properties"]["confidence"] >= threshold for f in features)
    rows = list(csv.DictReader(io.StringIO(api.get("/api/incidents.csv", params={"min_confidence": threshold}).text)))
    assert {r["attackwatch_id"] for r in rows} == keep


def test_min_confidence_is_documented_in_openapi(api: httpx.Client) -> None:
    params = api.get("/openapi.json").json()["paths"]["/api/incidents"]["get"]["parameters"]
    assert any(p["name"] == "min_confidence" for p in params)


@pytest.mark.parametrize("value", ["1.5", "-0.2", "nan", "inf", "abc", "0,5"])
def test_api_and_cli_refuse_the_same_values_with_the_same_line(api: httpx.Client, seed_db: Path, value: str,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    r = api.get("/api/incidents", params={"min_confidence": value})
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert detail.startswith("min_confidence:") and "\n" not in detail
    for command in (["incidents", "--db", str(seed_db), "--format", "jsonl"], ["export", "--db", str(seed_db)],
                    ["extract", "-", "--format", "jsonl"]):
        capsys.readouterr()
        assert main([*command, "--min-confidence", value]) == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err == f"attackwatch: {detail}\n"  # one line, word for word the API's


@pytest.mark.parametrize("value", ["0", "1", "0.35"])
def test_api_and_cli_accept_the_same_values(api: httpx.Client, seed_db: Path, value: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    api_ids = {r["id"] for r in api.get("/api/incidents", params={"min_confidence": value, "limit": 1000}).json()["items"]}
    capsys.readouterr()
    assert main(["incidents", "--db", str(seed_db), "--format", "jsonl", "--min-confidence", value]) == 0
    cli_ids = {json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()}
    assert cli_ids == api_ids
