"""Read endpoints against a live server over the seed-corpus database."""
from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date

import httpx
import pytest

from attackwatch.resolve.keys import date_interval


def ids(items: list[dict]) -> list[str]:
    return [r["id"] for r in items]


def walk(api: httpx.Client, **params: object) -> list[dict]:
    """Every page of a listing, following next_cursor."""
    out: list[dict] = []
    cursor = None
    for _ in range(100):
        r = api.get("/api/incidents", params={**params, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        out += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return out
    raise AssertionError("cursor walk did not end")


def test_list_returns_every_incident_with_total(api: httpx.Client, all_incidents: list[dict]) -> None:
    body = api.get("/api/incidents", params={"limit": 1000}).json()
    assert body["total"] == len(all_incidents) > 10
    assert sorted(ids(body["items"])) == sorted(ids(all_incidents))
    assert body["next_cursor"] is None
    first = body["items"][0]
    assert {"id", "date", "reports", "n_sources", "actor_parent", "conflicts", "edits"} <= set(first)


@pytest.mark.parametrize("sort", ["date", "-date", "sources", "-sources", "casualties", "-casualties"])
def test_cursor_walk_in_small_pages_equals_the_full_list(api: httpx.Client, sort: str) -> None:
    full = api.get("/api/incidents", params={"limit": 1000, "sort": sort}).json()["items"]
    paged = walk(api, limit=3, sort=sort)
    assert ids(paged) == ids(full)
    assert len(set(ids(paged))) == len(paged)


def sort_value(record: dict, key: str) -> int:
    if key == "date":
        return date_interval(record.get("date"), record.get("date_precision"))[0]
    if key == "sources":
        return record["n_sources"]
    return (record.get("killed") or 0) + (record.get("injured") or 0)


@pytest.mark.parametrize("sort", ["date", "-date", "sources", "-casualties"])
def test_sort_orders_by_the_key_then_id(api: httpx.Client, sort: str) -> None:
    items = api.get("/api/incidents", params={"limit": 1000, "sort": sort}).json()["items"]
    keys = [(sort_value(r, sort.lstrip("-")), r["id"]) for r in items]
    assert keys == sorted(keys, reverse=sort.startswith("-"))


def test_cursor_is_bound_to_its_sort_and_filter(api: httpx.Client) -> None:
    cursor = api.get("/api/incidents", params={"limit": 2}).json()["next_cursor"]
    assert cursor
    r = api.get("/api/incidents", params={"limit": 2, "cursor": cursor, "sort": "-date"})
    assert r.status_code == 422 and r.json()["detail"].startswith("cursor:")
    r = api.get("/api/incidents", params={"limit": 2, "cursor": cursor, "country": "SY"})
    assert r.status_code == 422
    r = api.get("/api/incidents", params={"cursor": "not-a-cursor!"})
    assert r.status_code == 422 and "cursor" in r.json()["detail"]


@pytest.mark.parametrize("params, keep", [
    ({"country": "SY"}, lambda r: r["country_code"] == "SY"),
    ({"country": "iq"}, lambda r: r["country_code"] == "IQ"),
    ({"weapon": "rocket"}, lambda r: r["weapon"] == "rocket"),
    ({"admin1": "IQ-AN"}, lambda r: r["admin1_code"] == "IQ-AN"),
    ({"admin1": "anbar"}, lambda r: (r["admin1"] or "").lower() == "anbar"),
    ({"actor": "Islamic Resistance in Iraq"},
     lambda r: "Islamic Resistance in Iraq" in (r["actor"], r["actor_parent"])),
    ({"target_type": "convoy"}, lambda r: r["target_type"] == "convoy"),
    ({"claimed": "true"}, lambda r: r["claimed"] is True),
    ({"claimed": "false"}, lambda r: r["claimed"] is False),
    ({"confirmation": "not_mentioned"}, lambda r: r["confirmation"] == "not_mentioned"),
    ({"event_type": "Remote explosive/landmine/IED"}, lambda r: r["event_type"] == "Remote explosive/landmine/IED"),
    ({"include_background": "false"}, lambda r: not r["background"]),
    ({"since": "2023-01-01"}, lambda r: sort_value(r, "date") >= date(2023, 1, 1).toordinal()),
    ({"until": "2021-06-30"}, lambda r: 0 <= sort_value(r, "date") <= date(2021, 6, 30).toordinal()),
    ({"bbox": "43.0,32.0,45.0,34.0"},
     lambda r: r["longitude"] is not None and 43 <= r["longitude"] <= 45 and 32 <= r["latitude"] <= 34),
])
def test_each_filter_keeps_exactly_the_matching_incidents(api: httpx.Client, all_incidents: list[dict],
                                                         params: dict, keep) -> None:
    expected = sorted(r["id"] for r in all_incidents if keep(r))
    body = api.get("/api/incidents", params={**params, "limit": 1000}).json()
    assert sorted(ids(body["items"])) == expected
    assert body["total"] == len(expected)
    assert 0 < len(expected) < len(all_incidents), f"{params} does not discriminate on the seed corpus"


def test_text_query_finds_words_in_the_evidence(api: httpx.Client, all_incidents: list[dict]) -> None:
    def evidence(r: dict) -> str:
        return " ".join(e["text"] for rep in r["reports"] for e in rep["evidence"]).lower()

    word = Counter(w for r in all_incidents for w in set(evidence(r).split()) if w.isalpha() and len(w) > 5).most_common(5)[-1][0]
    body = api.get("/api/incidents", params={"q": word, "limit": 1000}).json()
    assert body["total"] > 0
    assert all(word in evidence(r) for r in body["items"])
    assert api.get("/api/incidents", params={"q": "zzqqxxnotaword"}).json()["total"] == 0
    # FTS syntax in user text is only text
    assert api.get("/api/incidents", params={"q": 'drone" OR NEAR(*'}).status_code == 200


def test_filters_combine(api: httpx.Client, all_incidents: list[dict]) -> None:
    expected = sorted(r["id"] for r in all_incidents if r["country_code"] == "IQ" and r["weapon"] == "ied"
                      and r["n_sources"] >= 1)
    body = api.get("/api/incidents", params={"country": "IQ", "weapon": "ied", "min_sources": 1, "limit": 1000}).json()
    assert sorted(ids(body["items"])) == expected and expected


@pytest.mark.parametrize("params, name", [
    ({"since": "2024-13-01"}, "since"), ({"since": "yesterday"}, "since"), ({"until": "2024-02-30"}, "until"),
    ({"weapon": "laser"}, "weapon"), ({"bbox": "1,2,3"}, "bbox"), ({"bbox": "50,30,40,35"}, "bbox"),
    ({"bbox": "a,b,c,d"}, "bbox"), ({"limit": 0}, "limit"), ({"limit": 1001}, "limit"), ({"limit": "x"}, "limit"),
    ({"country": "IRQ"}, "country"), ({"confirmation": "maybe"}, "confirmation"), ({"min_sources": 0}, "min_sources"),
    ({"sort": "random"}, "sort"), ({"claimed": "perhaps"}, "claimed"), ({"q": "x" * 201}, "q"),
])
def test_bad_parameters_get_422_naming_the_parameter(api: httpx.Client, params: dict, name: str) -> None:
    r = api.get("/api/incidents", params=params)
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["detail"].startswith(f"{name}:")


def test_incident_detail_has_reports_with_titles_and_evidence(api: httpx.Client, all_incidents: list[dict]) -> None:
    record = max(all_incidents, key=lambda r: len(r["reports"]))
    body = api.get(f"/api/incidents/{record['id']}").json()
    assert body["incident"] == record
    assert len(body["reports"]) == len(record["reports"])
    rep = body["reports"][0]
    assert rep["report_id"].startswith(rep["article_id"] + "#") and rep["title"]
    assert rep["record"]["evidence"] and body["edits"] == []


def test_article_evidence_offsets_point_into_its_text(api: httpx.Client, all_incidents: list[dict]) -> None:
    article_id = all_incidents[0]["reports"][0]["article_id"]
    body = api.get(f"/api/articles/{article_id}").json()
    assert body["id"] == article_id and body["reports"]
    for rep in body["reports"]:
        assert rep["incident_id"] in {r["id"] for r in all_incidents}
        for e in rep["record"]["evidence"]:
            assert body["text"][e["start"]:e["end"]] == e["text"]


@pytest.mark.parametrize("path", ["/api/incidents/inc_nope", "/api/articles/nope"])
def test_unknown_ids_are_404_json(api: httpx.Client, path: str) -> None:
    r = api.get(path)
    assert r.status_code == 404 and "nope" in r.json()["detail"]


def test_facets_count_the_values(api: httpx.Client, all_incidents: list[dict]) -> None:
    body = api.get("/api/facets").json()
    assert {c["code"]: c["count"] for c in body["countries"]} == Counter(r["country_code"] for r in all_incidents)
    assert {w["value"]: w["count"] for w in body["weapons"]} == Counter(r["weapon"] for r in all_incidents)
    assert sum(a["count"] for a in body["actors"]) == sum(1 for r in all_incidents if r["actor"])
    days = [sort_value(r, "date") for r in all_incidents if r["date"]]
    assert body["date_min"] == date.fromordinal(min(days)).isoformat()
    assert body["date_max"] == date.fromordinal(max(days)).isoformat()


def test_geojson_has_a_point_per_located_incident(api: httpx.Client, all_incidents: list[dict]) -> None:
    r = api.get("/api/incidents.geojson", params={"country": "IQ"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    located = {x["id"]: x for x in all_incidents if x["country_code"] == "IQ" and x["latitude"] is not None}
    assert fc["type"] == "FeatureCollection" and {f["id"] for f in fc["features"]} == set(located)
    f = fc["features"][0]
    assert f["geometry"]["coordinates"] == [located[f["id"]]["longitude"], located[f["id"]]["latitude"]]
    assert "reports" not in f["properties"] and f["properties"]["weapon"] == located[f["id"]]["weapon"]


def test_csv_is_the_acled_export(api: httpx.Client, all_incidents: list[dict]) -> None:
    from attackwatch.store.export import ACLED_COLUMNS, EXTRA_COLUMNS

    r = api.get("/api/incidents.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert list(rows[0]) == ACLED_COLUMNS + EXTRA_COLUMNS
    assert sorted(row["attackwatch_id"] for row in rows) == sorted(ids(all_incidents))


def test_stats_by_week_are_zero_filled_and_add_up(api: httpx.Client, all_incidents: list[dict]) -> None:
    body = api.get("/api/stats", params={"by": "week", "split": "actor", "since": "2021-01-01"}).json()
    periods = [date.fromisoformat(p) for p in body["periods"]]
    assert periods and all(p.weekday() == 0 for p in periods)
    assert all((b - a).days == 7 for a, b in zip(periods, periods[1:]))
    precise = [r for r in all_incidents if r["date_precision"] in ("day", "week")
               and sort_value(r, "date") >= date(2021, 1, 1).toordinal()]
    coarse = [r for r in all_incidents if r["date_precision"] not in ("day", "week")
              and sort_value(r, "date") >= date(2021, 1, 1).toordinal()]
    assert body["total"] == len(precise) == sum(sum(s["counts"]) for s in body["series"])
    assert body["undated_or_coarse"] == len(coarse)
    assert all(len(s["counts"]) == len(periods) for s in body["series"])
    # fronts roll up to their umbrella
    keys = {s["key"] for s in body["series"]}
    fronts = {r["actor"] for r in precise if r["actor_parent"]}
    assert fronts and not (fronts & keys)
    assert {r["actor_parent"] for r in precise if r["actor_parent"]} <= keys
    killed = sum(r["killed"] or 0 for r in precise)
    assert sum(sum(s["killed"]) for s in body["series"]) == killed


def test_stats_by_month_count_each_month(api: httpx.Client, all_incidents: list[dict]) -> None:
    body = api.get("/api/stats", params={"by": "month", "country": "IQ"}).json()
    assert [s["key"] for s in body["series"]] == ["all"]
    expected = Counter(r["date"][:7] for r in all_incidents
                       if r["country_code"] == "IQ" and r["date"] and r["date_precision"] in ("day", "month"))
    got = {p[:7]: n for p, n in zip(body["periods"], body["series"][0]["counts"]) if n}
    assert got == expected


def test_docs_are_served_without_a_cdn(api: httpx.Client) -> None:
    html = api.get("/docs").text
    assert "cdn.jsdelivr" not in html and "unpkg" not in html
    assert api.get("/openapi.json").json()["paths"]["/api/incidents"]
    # the Swagger UI assets the page loads are served by the app itself
    import re

    assets = re.findall(r'(?:src|href)="(/[^"]+\.(?:js|css))"', html)
    assert assets and all(api.get(a).status_code == 200 for a in assets)


def test_every_response_carries_nosniff(api: httpx.Client) -> None:
    for path in ("/api/facets", "/api/incidents/nope", "/api/incidents?limit=0"):
        assert api.get(path).headers["x-content-type-options"] == "nosniff"


def test_the_dashboard_and_its_assets_are_served(api: httpx.Client) -> None:
    import re

    from attackwatch.serve.app import STATIC_DIR

    if not (STATIC_DIR / "index.html").is_file():
        pytest.skip("the dashboard (serve/static/index.html) is not in this checkout")
    r = api.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assets = re.findall(r'(?:src|href)="(/static/[^"?#]+)', r.text)
    assert assets and all(api.get(a).status_code == 200 for a in assets)
    assert api.get("/static/no-such-file.js").status_code == 404
