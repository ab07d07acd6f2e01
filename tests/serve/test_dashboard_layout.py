"""The dashboard at phone, tablet and laptop widths, its offline map labels, exports, grouped
alerts, the review tab and the ingest page's notice, driven in Chromium (Playwright)."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

import pytest

from .conftest import TOKEN, LiveServer
from .test_dashboard import AXE, LOCAL_HOSTS, _wait_loaded, browser, live  # noqa: F401  (module fixtures)

WIDTHS = {"phone": (390, 844), "tablet": (768, 1024), "laptop": (1440, 900)}


def _open(browser: object, size: tuple[int, int], touch: bool = False, token: str | None = None) -> object:
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, has_touch=touch,  # type: ignore[attr-defined]
                                  is_mobile=touch, bypass_csp=True, accept_downloads=True)
    if token:
        context.add_init_script(f"sessionStorage.setItem('attackwatch.token', {json.dumps(token)})")
    pg = context.new_page()
    pg.hosts = set()
    pg.errors = []
    pg.on("request", lambda request: pg.hosts.add(urlparse(request.url).hostname))
    pg.on("pageerror", lambda error: pg.errors.append(str(error)))
    return pg


@pytest.fixture()
def opened(browser: object) -> Iterator[list]:  # noqa: F811
    """Pages opened by a test; each is checked for external requests and script errors."""
    pages: list = []
    yield pages
    for pg in pages:
        assert pg.hosts <= LOCAL_HOSTS, f"requests left the machine: {pg.hosts - LOCAL_HOSTS}"
        assert not pg.errors, pg.errors
        pg.context.close()


def _no_horizontal_overflow(pg: object) -> None:
    width = pg.evaluate("document.documentElement.scrollWidth")  # type: ignore[attr-defined]
    assert width <= pg.viewport_size["width"], f"page is {width}px wide"  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", list(WIDTHS))
def test_list_panel_evidence_at_every_width_without_overflow(width: str, browser: object, live: LiveServer,  # noqa: F811
                                                             opened: list) -> None:
    touch = width == "phone"
    pg = _open(browser, WIDTHS[width], touch=touch)
    opened.append(pg)
    pg.goto(live.url + "/")
    _wait_loaded(pg)
    pg.wait_for_selector(".incident-item")
    _no_horizontal_overflow(pg)
    item = pg.locator(".incident-item").nth(1)
    item.scroll_into_view_if_needed()
    # a tap (phone) or click must reach the list item itself: Playwright refuses when another
    # element (a map path, the timeline) would receive it
    (item.tap if touch else item.click)(timeout=5000)
    pg.wait_for_selector("#incident-panel:not([hidden]) .article-text mark.evidence")
    assert pg.locator(".article-text mark.evidence").first.is_visible()
    _no_horizontal_overflow(pg)
    pg.keyboard.press("Escape")
    pg.wait_for_selector("#list-panel:not([hidden])")
    for tab in ("alerts", "review"):
        pg.click(f"#tab-{tab}")
        pg.wait_for_selector(f"#{tab}-panel:not([hidden]) h3")
        _no_horizontal_overflow(pg)
    filters = pg.locator("#filters")
    if width == "laptop":  # a column of its own; the drawer toggle is not shown
        assert filters.is_visible() and not pg.locator("#filters-toggle").is_visible()
        return
    # tablet and phone: the filters live in a drawer, opened by the header button, closed by Escape
    assert not pg.locator("#f-country").is_visible()
    pg.click("#filters-toggle")
    pg.wait_for_selector("#filters.open")
    pg.wait_for_function("document.activeElement.id === 'f-since'")
    assert pg.locator("#f-country").is_visible()
    _no_horizontal_overflow(pg)
    pg.keyboard.press("Escape")
    pg.wait_for_function("document.activeElement.id === 'filters-toggle'")
    assert pg.get_attribute("#filters-toggle", "aria-expanded") == "false"


BAGHDAD_SITES = {"Baghdad International Airport", "US Embassy Baghdad", "Camp Taji", "Victory Base Complex", "Green Zone",
                 "Union III", "Baghdad Diplomatic Support Center", "Besmaya Range Complex"}


@pytest.mark.parametrize("where, at, sites", [
    ("Baghdad", "33.32,44.30,8", BAGHDAD_SITES),
    ("Anbar", "33.60,42.60,8", {"Ain al-Asad Air Base", "Al-Taqaddum Air Base"}),
    ("Deir ez-Zor", "35.00,40.50,8", {"Conoco gas field base", "al-Omar oil field", "Green Village",
                                      "Mission Support Site Euphrates", "Deir ez-Zor military airport"}),
    ("Baghdad airport, zoomed in", "33.27,44.25,11", {"Baghdad International Airport"}),
])
def test_base_and_town_labels_at_zoom_8_offline(where: str, at: str, sites: set[str], browser: object,  # noqa: F811
                                               live: LiveServer, opened: list) -> None:
    pg = _open(browser, WIDTHS["laptop"])
    opened.append(pg)
    pg.goto(f"{live.url}/?at={at}")
    _wait_loaded(pg)
    pg.wait_for_selector(".place-label.kind-town span")
    in_view = """kind => [...document.querySelectorAll('.place-label.kind-' + kind + ' span')].filter(n => {
        const r = n.getBoundingClientRect(), m = document.getElementById('map').getBoundingClientRect();
        return r.left >= m.left && r.right <= m.right && r.top >= m.top && r.bottom <= m.bottom; }).map(n => n.textContent)"""
    # the labels are (re)drawn once the names have loaded and the map has settled
    pg.wait_for_function(f"() => ({in_view})('site').length > 0 && ({in_view})('town').length >= 3")
    towns, shown = pg.evaluate(in_view, "town"), pg.evaluate(in_view, "site")
    assert len(towns) >= 3, (where, towns)
    assert sites & set(shown), (where, shown)
    # labels never overlap one another: the placement leaves out (or moves) a name that would
    boxes = pg.evaluate("""() => [...document.querySelectorAll('.place-label span')].map(n => {
        const r = n.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })""")
    overlapping = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                   if a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1]
    assert not overlapping
    assert pg.locator(".leaflet-tile").count() == 0  # no tile layer: every name comes from the pack


def test_selected_incident_is_revealed_and_clusters_are_neutral(browser: object, live: LiveServer,  # noqa: F811
                                                               opened: list) -> None:
    pg = _open(browser, WIDTHS["laptop"])
    opened.append(pg)
    pg.goto(live.url + "/")
    _wait_loaded(pg)
    pg.wait_for_selector(".aw-cluster")
    # cluster bubbles are neutral: none of markercluster's green/yellow/orange
    assert pg.locator(".marker-cluster-small, .marker-cluster-medium, .marker-cluster-large").count() == 0
    zoom_before = pg.evaluate("Number(new URLSearchParams(location.search).get('at')?.split(',')[2] || 0)")
    clustered = None
    for i in range(pg.locator(".incident-item").count()):  # an incident of Ain al-Asad: clustered at the start
        if "Ain al-Asad" in pg.locator(".incident-item .what").nth(i).inner_text():
            clustered = pg.locator(".incident-item").nth(i)
            break
    assert clustered is not None
    clustered.click()
    pg.wait_for_selector("path.selected-ring")
    # its own marker is on the map now (zoomed into or spiderfied out of its cluster)
    ring = pg.locator("path.selected-ring").bounding_box()
    assert ring and pg.evaluate("Number(new URLSearchParams(location.search).get('at').split(',')[2])") > zoom_before
    pg.keyboard.press("Escape")  # back to the list: the map returns to where it was
    pg.wait_for_function("!document.querySelector('path.selected-ring')")


def test_export_the_view_with_filters_in_the_file_name_and_copy_link(browser: object, live: LiveServer,  # noqa: F811
                                                                    opened: list, tmp_path: Path) -> None:
    pg = _open(browser, WIDTHS["laptop"])
    opened.append(pg)
    pg.goto(live.url + "/?country=IQ&since=2020-01-01")
    _wait_loaded(pg)
    listed = pg.locator(".incident-item").count()
    names = {}
    for fmt in ("csv", "geojson", "jsonl"):
        with pg.expect_download() as info:
            pg.click(f"button.export[data-format={fmt}]")
        download = info.value
        names[fmt] = download.suggested_filename
        path = tmp_path / names[fmt]
        download.save_as(path)
        text = path.read_text(encoding="utf-8")
        if fmt == "jsonl":
            records = [json.loads(line) for line in text.splitlines()]
            assert len(records) == listed and {r["country_code"] for r in records} == {"IQ"}
            assert min(r["date"] for r in records if r.get("date"))[:4] >= "2020"  # "2020-01": a month-precise date
        elif fmt == "csv":
            assert len(text.splitlines()) == listed + 1
        else:
            assert json.loads(text)["type"] == "FeatureCollection"
    assert names["csv"] == "attackwatch_2020-01-01_to_end_country-IQ.csv"
    assert names["geojson"].endswith(".geojson") and names["jsonl"].endswith(".jsonl")
    pg.context.grant_permissions(["clipboard-read", "clipboard-write"])
    pg.click("#copy-link")
    pg.wait_for_function("document.getElementById('tools-status').textContent.includes('copied')")
    assert "country=IQ" in pg.evaluate("navigator.clipboard.readText()")


def test_alerts_grouped_by_kind_and_side_newest_first(browser: object, live: LiveServer, opened: list) -> None:  # noqa: F811
    pg = _open(browser, WIDTHS["laptop"])
    opened.append(pg)
    pg.goto(live.url + "/?tab=alerts")
    _wait_loaded(pg)
    pg.wait_for_selector(".alert-group")
    with live.client() as client:
        alerts = client.get("/api/alerts").json()["alerts"]
    assert pg.locator(".alert-group li").count() == len(alerts)
    assert pg.locator(".alert-group").count() == len({(a["rule"], a["side"]) for a in alerts})
    for group in pg.locator(".alert-group").all():
        dates = group.locator(".alert-when").all_inner_texts()
        assert dates == sorted(dates, reverse=True)
        for badge in group.locator(".severity").all_inner_texts():
            assert badge in ("high", "medium", "low")
    # incident links read "date · place · weapon", not ids
    links = pg.locator(".alert-links button.link").all_inner_texts()
    assert links and all(re.match(r"^(\d{4}(-\d\d){0,2}|undated) · .+ · .+$", t) for t in links)
    assert not any(t.startswith("inc_") for t in links)


def test_review_tab_confirm_reject_and_correct(browser: object, live: LiveServer, opened: list) -> None:  # noqa: F811
    pg = _open(browser, WIDTHS["laptop"], token=TOKEN)
    opened.append(pg)
    pg.goto(live.url + "/?tab=review")
    _wait_loaded(pg)
    pg.wait_for_selector(".review-item")
    with live.client() as client:
        queue = client.get("/api/review/queue", params={"limit": 3}).json()["items"]
    # least confident first, evidence marked
    assert [pg.locator(".review-item").nth(i).get_attribute("data-id") for i in range(3)] == [r["id"] for r in queue]
    assert pg.locator(".review-item").first.locator("mark.evidence").count() >= 1
    first, second, third = (r["id"] for r in queue)
    pg.locator(f".review-item[data-id='{first}'] button.confirm").click()
    pg.wait_for_function(f"!document.querySelector(\".review-item[data-id='{first}']\")")
    assert "1 confirmed" in pg.inner_text("#review-progress")
    pg.locator(f".review-item[data-id='{second}'] button.reject").click()
    pg.click("#corr-confirm-yes")  # the confirmation dialog
    pg.wait_for_function(f"!document.querySelector(\".review-item[data-id='{second}']\")")
    assert "1 rejected" in pg.inner_text("#review-progress")
    assert pg.locator(".progress-days tbody tr").count() == 1
    with live.client() as client:
        assert client.get(f"/api/incidents/{second}").status_code == 404
        assert second not in {r["id"] for r in client.get("/api/incidents", params={"limit": 1000}).json()["items"]}
        assert second not in client.get("/api/incidents.csv").text
        assert client.get(f"/api/incidents/{first}").json()["incident"]["review"] == "confirmed"
    # the rejected incident is gone from the list and the map too
    pg.click("#tab-incidents")
    pg.wait_for_selector(".incident-item")
    assert pg.locator(f".incident-item[data-id='{second}']").count() == 0
    # Correct… opens the incident panel with its corrections open
    pg.click("#tab-review")
    pg.locator(f".review-item[data-id='{third}'] button.correct-it").click()
    pg.wait_for_selector("#corrections[open]")
    assert pg.evaluate("document.activeElement.id") == "corr-summary"
    # axe on the review tab, at phone width too
    if AXE.exists():
        rules = "{runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}"
        check = f"async () => (await axe.run(document, {rules})).violations.map(v => v.id + ': ' + v.nodes[0].target.join(' '))"
        for size in (WIDTHS["laptop"], WIDTHS["phone"]):
            pg.set_viewport_size({"width": size[0], "height": size[1]})
            pg.keyboard.press("Escape")
            pg.click("#tab-review")
            pg.wait_for_selector(".review-item")
            pg.add_script_tag(path=str(AXE))
            assert pg.evaluate(check) == []


def test_ingest_page_says_whether_writes_are_accepted_and_previews_without_token(browser: object,  # noqa: F811
                                                                                 live: LiveServer, opened: list) -> None:
    pg = _open(browser, WIDTHS["phone"], touch=True)
    opened.append(pg)
    pg.goto(live.url + "/?page=ingest")
    pg.wait_for_function("document.getElementById('ingest-capabilities').dataset.writes === 'true'")
    assert "accepts writes" in pg.inner_text("#ingest-capabilities")
    # plain text that mentions markup stays plain text (the HTML cleaner would drop it)
    text = ("Rockets hit Ain al-Asad\n\nPublished 6 February 2024\n\nThree rockets struck Ain al-Asad air base in Anbar on "
            "5 February 2024, wounding two US soldiers, the Pentagon said on Tuesday. A statement posted <br> online "
            "used the tag <script> in its text.\n")
    pg.fill("#ingest-text", text)
    pg.click("#ingest-preview")  # no token entered
    pg.wait_for_selector("#ingest-result table.preview")
    assert "Ain al-Asad" in pg.inner_text("#ingest-result")
    _no_horizontal_overflow(pg)
    # storing without a token is refused before any request, with the reason
    pg.click("#ingest-store")
    assert "write token" in pg.inner_text("#ingest-result")


def test_incident_panel_confirms_and_rejects(browser: object, live: LiveServer, opened: list) -> None:  # noqa: F811
    pg = _open(browser, WIDTHS["tablet"], token=TOKEN)
    opened.append(pg)
    pg.goto(live.url + "/")
    _wait_loaded(pg)
    items = pg.locator(".incident-item")
    first, second = items.nth(3).get_attribute("data-id"), items.nth(4).get_attribute("data-id")
    items.nth(3).click()
    pg.wait_for_selector(".verdict button.confirm")
    pg.click(".verdict button.confirm")
    pg.wait_for_function("(document.querySelector('.verdict p')?.textContent || '').includes('confirmed')")
    pg.keyboard.press("Escape")
    pg.locator(f".incident-item[data-id='{second}']").click()
    pg.wait_for_selector(".verdict button.reject")
    pg.click(".verdict button.reject")
    pg.click("#corr-confirm-yes")
    pg.wait_for_function("document.getElementById('status').textContent.startsWith('Rejected')")
    assert pg.locator("#incident-panel").is_hidden()
    assert pg.locator(f".incident-item[data-id='{second}']").count() == 0
    with live.client() as client:
        assert client.get(f"/api/incidents/{first}").json()["incident"]["review"] == "confirmed"
        assert client.get(f"/api/incidents/{second}").status_code == 404
