"""The dashboard: its boundaries file, its static code, and the page itself driven in Chromium
(Playwright) against a real server over a copy of the seed database."""
from __future__ import annotations

import json
import os
import re
import shutil
import struct
from pathlib import Path
from typing import Iterator
from urllib.parse import parse_qs, urlparse

import pytest

from .conftest import TOKEN, LiveServer, copy_db

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "src" / "attackwatch" / "packs" / "default"
STATIC = ROOT / "src" / "attackwatch" / "serve" / "static"
VENDOR = STATIC / "vendor"
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"  # dev dependency, test-only
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}

# A page with live markup (the cleaner must drop it) and escaped markup inside the attack sentence
# (it survives as literal text, so the dashboard must render it as text, not as HTML).
HOSTILE_PAGE = """<html><head><title>Rockets hit Ain al-Asad &lt;img src=x onerror="window.__pwned=1"&gt;</title></head><body>
<article><h1>Rockets hit Ain al-Asad</h1>
<p>Published 6 February 2024</p>
<script>window.__pwned=1</script>
<p>Three rockets struck Ain al-Asad air base in Anbar on 5 February 2024, wounding two US soldiers,
the Pentagon said &lt;script&gt;window.__pwned=1&lt;/script&gt; on Tuesday.</p>
<p>The Islamic Resistance in Iraq claimed the attack <img src=x onerror="window.__pwned=1"> in a statement
&lt;img src=x onerror="window.__pwned=1"&gt; posted on Telegram.</p>
<p>Officials said the base's air defences intercepted two more rockets before they landed.</p>
</article></body></html>"""


# ---------------------------------------------------------------- boundaries (no browser needed)

def _places() -> list[dict]:
    return [json.loads(line) for line in (PACK / "places.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def _boundaries() -> dict:
    return json.loads((PACK / "boundaries.geojson").read_text(encoding="utf-8"))


def _inside(point: tuple[float, float], ring: list[list[float]]) -> bool:
    x, y = point
    crossings = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            crossings = not crossings
    return crossings


def _contains(geometry: dict, point: tuple[float, float]) -> bool:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return any(_inside(point, p[0]) and not any(_inside(point, hole) for hole in p[1:]) for p in polygons)


def test_boundaries_cover_the_theatre_with_gazetteer_codes() -> None:
    data = _boundaries()
    assert (PACK / "boundaries.geojson").stat().st_size < 400 * 1024
    assert "Natural Earth" in data["properties"]["source"] and "public domain" in data["properties"]["licence"]
    by_kind: dict[str, dict[str, dict]] = {"country": {}, "admin1": {}}
    for feature in data["features"]:
        props = feature["properties"]
        assert set(props) == {"kind", "iso", "name"}
        assert props["iso"] not in by_kind[props["kind"]], f"duplicate {props['iso']}"
        by_kind[props["kind"]][props["iso"]] = feature
    assert set(by_kind["country"]) == {"IQ", "SY", "JO", "TR", "IR", "KW", "SA", "LB", "IL", "PS"}
    gazetteer = {p["id"].upper(): p for p in _places() if p["kind"] == "admin1" and p["id"][:2] in ("iq", "sy", "jo")}
    assert set(by_kind["admin1"]) == set(gazetteer)  # every governorate, and only real ISO 3166-2 codes
    for code, place in gazetteer.items():
        feature = by_kind["admin1"][code]
        assert feature["properties"]["name"] == place["name"]
        # each governorate's centroid lies in its own polygon (Quneitra's sits in the UNDOF zone, merged in)
        assert _contains(feature["geometry"], (place["lon"], place["lat"])), code
    for feature in data["features"]:  # rounded to 3 decimals, closed rings
        polygons = [feature["geometry"]["coordinates"]] if feature["geometry"]["type"] == "Polygon" else feature["geometry"]["coordinates"]
        for ring in (r for p in polygons for r in p):
            assert ring[0] == ring[-1] and len(ring) >= 4
            assert all(round(c, 3) == c for point in ring for c in point)


def test_towns_fall_in_their_governorate() -> None:
    """Most gazetteer towns land in the polygon of their own admin1 code. Natural Earth's Baghdad
    is the city only, and border crossings sit on the line, so a few misses are expected."""
    admin1 = {f["properties"]["iso"]: f["geometry"] for f in _boundaries()["features"] if f["properties"]["kind"] == "admin1"}
    towns = [p for p in _places() if p["kind"] not in ("country", "admin1") and (p.get("admin1_code") or "")[:2] in ("IQ", "SY", "JO")]
    hits = sum(_contains(admin1[p["admin1_code"]], (p["lon"], p["lat"])) for p in towns)
    assert len(towns) > 100 and hits / len(towns) > 0.9


def test_vendor_copy_of_boundaries_is_identical() -> None:
    copy = VENDOR / "data" / "boundaries.geojson"
    if not copy.exists():
        if shutil.which("npm") is None:
            pytest.skip("node/npm absent: scripts/build_web.sh could not build the dashboard's vendor files")
        pytest.fail("the dashboard's vendor files are not built: run scripts/build_web.sh")
    assert copy.read_bytes() == (PACK / "boundaries.geojson").read_bytes()


def test_static_code_never_parses_html() -> None:
    """Data reaches the page only through textContent / createElement: no HTML sinks in our code."""
    sinks = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function")
    files = sorted((STATIC / "js").glob("*.js"))
    assert len(files) >= 5
    for path in files:
        code = re.sub(r"/\*.*?\*/|(^|\s)//[^\n]*", " ", path.read_text(encoding="utf-8"), flags=re.S)
        assert not sinks.search(code), path.name
    index = (STATIC / "index.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in index and "http" not in re.sub(r'http-equiv|https?://www\.w3\.org', "", index)


# ---------------------------------------------------------------- the page in Chromium

def dashboard_server(seed_db: Path, folder: Path) -> LiveServer:
    """A server with the write token over a copy of the seed database, once the dashboard's
    vendor files are built (skipped only where npm cannot build them)."""
    if not (VENDOR / "leaflet" / "leaflet.js").exists():
        if shutil.which("npm") is None:
            pytest.skip("node/npm absent: the dashboard's vendor files (Leaflet) could not be built")
        pytest.fail("the dashboard's vendor files are not built: run scripts/build_web.sh")
    return LiveServer(copy_db(seed_db, folder / "dash.db"), TOKEN)


@pytest.fixture(scope="module")
def live(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with dashboard_server(seed_db, tmp_path_factory.mktemp("dashboard")) as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser: object, live: LiveServer) -> Iterator[object]:
    """A 1366x768 page that records every request's host and every script error. The page's CSP is
    bypassed: Playwright's waits need eval, and the XSS checks should hold without that safety net."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, bypass_csp=True)  # type: ignore[attr-defined]
    pg = context.new_page()
    pg.hosts = set()
    pg.errors = []
    pg.on("request", lambda request: pg.hosts.add(urlparse(request.url).hostname))
    pg.on("pageerror", lambda error: pg.errors.append(str(error)))
    yield pg
    assert pg.hosts <= LOCAL_HOSTS, f"requests left the machine: {pg.hosts - LOCAL_HOSTS}"
    assert not pg.errors, pg.errors
    context.close()


def _list_size(pg: object) -> int:
    return pg.locator(".incident-item").count()  # type: ignore[attr-defined]


def _wait_loaded(pg: object) -> None:
    pg.wait_for_function("document.getElementById('status').textContent.includes('match')")  # type: ignore[attr-defined]


def test_map_timeline_filters_and_url_state(page: object, live: LiveServer) -> None:
    pg = page
    pg.goto(live.url + "/")
    _wait_loaded(pg)
    # boundaries: 10 countries + 44 governorates drawn as SVG paths in the overlay pane
    assert pg.locator(".leaflet-overlay-pane path").count() >= 54
    # markers: single circles or cluster bubbles, counting every placed incident
    pg.wait_for_selector(".incident-marker, .marker-cluster")
    total = _list_size(pg)
    assert total >= 10
    # every listed incident (all seeds are placed) is on the map once clustering settles
    pg.wait_for_function(f"""() => [...document.querySelectorAll('.marker-cluster span')].reduce((n, s) => n + Number(s.textContent), 0)
                              + document.querySelectorAll('path.incident-marker').length === {total}""")
    assert pg.locator("#timeline svg rect.bar").count() > 0
    if os.environ.get("ATTACKWATCH_UPDATE_SCREENSHOT"):
        pg.screenshot(path=str(ROOT / "docs" / "dashboard.png"))

    # a filter narrows the list and lands in the URL
    weapon = pg.eval_on_selector("#f-weapon", "s => [...s.options].map(o => o.value).find(v => v === 'drone') || s.options[1].value")
    pg.select_option("#f-weapon", weapon)
    pg.wait_for_url(re.compile(rf"[?&]weapon={weapon}\b"))
    pg.wait_for_function(f"document.querySelectorAll('.incident-item').length < {total}")
    narrowed = _list_size(pg)
    assert 0 < narrowed < total
    assert all(weapon in t for t in pg.locator(".incident-item .what").all_inner_texts())

    # reloading the shared URL restores the view
    pg.goto(pg.url)
    _wait_loaded(pg)
    assert pg.input_value("#f-weapon") == weapon and _list_size(pg) == narrowed

    # brushing the timeline sets a date range
    pg.click("#reset")
    pg.wait_for_function(f"document.querySelectorAll('.incident-item').length === {total}")
    pg.wait_for_timeout(300)  # let the lulls request land: it redraws the chart
    box = pg.locator("#timeline svg").bounding_box()
    assert box, "the timeline chart is not visible"
    pg.mouse.move(box["x"] + box["width"] * 0.45, box["y"] + 40)
    pg.mouse.down()
    pg.mouse.move(box["x"] + box["width"] - 12, box["y"] + 40, steps=4)
    pg.mouse.up()
    pg.wait_for_url(re.compile(r"since=\d{4}-\d\d-\d\d.*until=\d{4}-\d\d-\d\d"))
    query = parse_qs(urlparse(pg.url).query)
    assert query["since"][0] < query["until"][0]
    _wait_loaded(pg)
    assert pg.input_value("#f-since") == query["since"][0]


def test_incident_panel_highlights_the_evidence(page: object, live: LiveServer) -> None:
    pg = page
    pg.goto(live.url + "/")
    _wait_loaded(pg)
    first = pg.locator(".incident-item").first
    incident_id = first.get_attribute("data-id")
    first.focus()
    pg.keyboard.press("Enter")  # keyboard operable
    pg.wait_for_selector(".article-text mark.evidence")
    assert pg.evaluate("document.activeElement.id") == "incident-h"
    with live.client() as client:
        detail = client.get(f"/api/incidents/{incident_id}").json()
    evidence = {e["text"] for r in detail["reports"] for e in r["record"]["evidence"]}
    marked = set(pg.locator(".article-text mark.evidence").all_inner_texts())
    assert marked and marked <= evidence  # the highlighted spans are exactly evidence sentences
    # the article text around the mark is plain text nodes, the mark a real <mark> element
    assert pg.evaluate("document.querySelector('.article-text').childNodes.length") >= 2
    outlets = {r["outlet"] for r in detail["reports"]}
    panel = pg.inner_text("#incident-panel")
    assert all(o in panel for o in outlets) and "Claim and confirmation" in panel
    pg.keyboard.press("Escape")
    assert pg.locator("#incident-panel").is_hidden()
    assert pg.evaluate("document.activeElement.dataset.id") == incident_id


def test_confidence_filter_narrows_the_list_and_the_panel_shows_it(page: object, live: LiveServer) -> None:
    pg = page
    with live.client() as client:
        items = client.get("/api/incidents", params={"limit": 1000}).json()["items"]
    values = sorted(i["confidence"] for i in items)
    threshold = values[len(values) // 2]
    keep = sum(v >= threshold for v in values)
    assert 0 < keep < len(values)
    pg.goto(live.url + "/")
    _wait_loaded(pg)
    assert _list_size(pg) == len(values)
    shown = [float(m) for m in re.findall(r"conf\. (\d\.\d\d)", " ".join(pg.locator(".incident-item .who").all_inner_texts()))]
    assert len(shown) == len(values)
    pg.fill("#f-min_confidence", str(threshold))
    pg.dispatch_event("#f-min_confidence", "change")
    pg.wait_for_url(re.compile(rf"[?&]min_confidence={re.escape(str(threshold))}\b"))
    pg.wait_for_function(f"document.querySelectorAll('.incident-item').length === {keep}")
    shown = [float(m) for m in re.findall(r"conf\. (\d\.\d\d)", " ".join(pg.locator(".incident-item .who").all_inner_texts()))]
    assert len(shown) == keep and min(shown) >= round(threshold, 2) - 0.005
    first = pg.locator(".incident-item").first
    incident_id = first.get_attribute("data-id")
    first.click()
    pg.wait_for_selector("#incident-h")
    expected = next(i["confidence"] for i in items if i["id"] == incident_id)
    panel = pg.inner_text("#incident-panel")
    assert "Confidence (real, right date and place)" in panel and f"{expected:.2f}" in panel
    # the shared URL restores the filter
    pg.goto(pg.url)
    _wait_loaded(pg)
    assert pg.input_value("#f-min_confidence") == str(threshold) and _list_size(pg) == keep


def test_axe_finds_no_wcag_aa_violations(page: object, live: LiveServer) -> None:
    """axe-core (WCAG 2.1 A/AA rules, colour contrast included) on the dashboard with an incident
    open, and on the ingest page."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed (web/node_modules): run scripts/build_web.sh")
    pg = page
    rules = "{runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}"
    check = f"async () => (await axe.run(document, {rules})).violations.map(v => v.id + ': ' + v.nodes[0].target.join(' '))"
    pg.goto(live.url + "/")
    _wait_loaded(pg)
    pg.click(".incident-item >> nth=0")
    pg.wait_for_selector(".article-text mark.evidence")
    pg.add_script_tag(path=str(AXE))
    assert pg.evaluate(check) == []
    pg.goto(live.url + "/?page=ingest")
    pg.wait_for_selector("#ingest-form")
    pg.add_script_tag(path=str(AXE))
    assert pg.evaluate(check) == []


def test_alerts_tab_shows_data_or_says_why_not(page: object, live: LiveServer) -> None:
    pg = page
    pg.goto(live.url + "/?tab=alerts")
    _wait_loaded(pg)
    pg.wait_for_selector("#alerts h3")
    pg.wait_for_selector("#lulls h3")
    with live.client() as client:
        alerts = client.get("/api/alerts")
        lulls = client.get("/api/lulls", params={"min_days": 14})
    for name, response, items in (("alerts", alerts, "#alerts .alert-group li"), ("lulls", lulls, "#lulls .lulls li")):
        if response.status_code == 404:  # the analytics router is not installed: said, not crashed
            assert f"{name.capitalize()} unavailable" in pg.inner_text(f"#{name}")
        else:
            assert response.status_code == 200
            assert pg.locator(items).count() == len(response.json()[name])


def test_ingest_preview_and_store_never_run_page_markup(page: object, live: LiveServer) -> None:
    pg = page
    hostile = "<img src=x onerror=\"window.__pwned=1\">"
    pg.goto(live.url + "/?q=" + hostile.replace(" ", "%20"))  # query strings are untrusted too
    _wait_loaded(pg)
    pg.click("#pages [data-page=ingest]")
    pg.fill("#ingest-token", TOKEN)
    pg.fill("#ingest-text", HOSTILE_PAGE)
    pg.fill("#ingest-outlet", "Test <b>Outlet</b>")
    pg.click("#ingest-preview")
    pg.wait_for_selector("#ingest-result table.preview")
    preview = pg.inner_text("#ingest-result")
    assert "Preview" in preview and "Ain al-Asad" in preview
    assert pg.evaluate("sessionStorage.getItem('attackwatch.token')") == TOKEN
    pg.click("#ingest-store")
    pg.wait_for_selector("#ingest-result button.link")
    pg.click("#ingest-result button.link >> nth=0")
    pg.wait_for_selector(".article-text mark.evidence")
    article = pg.inner_text(".article-text")
    assert "<script>window.__pwned=1</script>" in article  # shown as text, not run
    assert "Test <b>Outlet</b>" in pg.inner_text("#incident-panel")
    assert pg.evaluate("typeof window.__pwned") == "undefined"
    assert pg.evaluate("""() => [...document.querySelectorAll('script')].filter(s => s.textContent.includes('__pwned')).length
                           + document.querySelectorAll('img[src=x], [onerror]').length""") == 0
