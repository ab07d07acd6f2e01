"""Analyst corrections from the dashboard's incident panel (js/corrections.js), driven in Chromium
against a real server over this module's own copy of the seed database, with a write token."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator

import pytest

from attackwatch import models
from attackwatch.store.dataset import EDITABLE

from .conftest import TOKEN, LiveServer, copy_db
# `browser` and `page` are test_dashboard's fixtures (page records hosts and script errors); the
# `page` fixture asks for `live`, which resolves to this module's server below
from .test_dashboard import AXE, STATIC, browser, dashboard_server, page  # noqa: F401

CORRECTIONS_JS = STATIC / "js" / "corrections.js"
AXE_CHECK = ("async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}))"
             ".violations.map(v => v.id + ': ' + v.nodes[0].target.join(' '))")


@pytest.fixture(scope="module")
def live(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with dashboard_server(seed_db, tmp_path_factory.mktemp("corrections")) as server:
        yield server


@pytest.fixture(scope="module")
def incidents(live: LiveServer) -> list[dict]:
    with live.client() as client:
        return client.get("/api/incidents", params={"limit": 1000}).json()["items"]


@pytest.fixture(scope="module")
def merge_pair(incidents: list[dict]) -> tuple[str, str]:
    """Two single-report incidents on the same day in the same country (the seeds have no
    multi-report incident, so the split test first merges these through the UI)."""
    by_day: dict[tuple, list[str]] = {}
    for i in incidents:
        if i["date"] and len(i["date"]) == 10:
            by_day.setdefault((i["date"], i["country_code"]), []).append(i["id"])
    pairs = sorted(ids for ids in by_day.values() if len(ids) >= 2)
    assert pairs, "the seed database has no two incidents on one day in one country"
    return pairs[0][0], pairs[0][1]


@pytest.fixture(scope="module")
def edit_target(incidents: list[dict], merge_pair: tuple[str, str]) -> str:
    """An incident with no casualty figures, untouched by the merge test."""
    return next(i["id"] for i in incidents
                if i["killed"] is None and i["injured"] is None and i["id"] not in merge_pair)


def _open(pg: object, live: LiveServer, incident_id: str, token: str | None) -> None:
    """Open the incident from its URL, open the Correct section and (optionally) enter the token."""
    pg.goto(f"{live.url}/?incident={incident_id}")  # type: ignore[attr-defined]
    pg.wait_for_selector("#corr-summary")  # type: ignore[attr-defined]
    pg.click("#corr-summary")  # type: ignore[attr-defined]
    if token is not None:
        pg.fill("#corr-token", token)  # type: ignore[attr-defined]


def _status(pg: object, text: str) -> str:
    pg.wait_for_function("t => (document.getElementById('corr-status') || {}).textContent?.includes(t)", arg=text)  # type: ignore[attr-defined]
    return pg.inner_text("#corr-status")  # type: ignore[attr-defined]


def _field(pg: object, name: str) -> str:
    return pg.evaluate("""n => [...document.querySelectorAll('#incident-body .fields dt')]
                          .find(dt => dt.textContent === n).nextElementSibling.textContent""", name)  # type: ignore[attr-defined]


def _save_edit(pg: object, field: str, value: str, note: str = "", confirm: bool = True) -> None:
    pg.select_option("#corr-field", field)  # type: ignore[attr-defined]
    pg.fill("#corr-value", value)  # type: ignore[attr-defined]
    pg.fill("#corr-note", note)  # type: ignore[attr-defined]
    pg.click("#corr-save")  # type: ignore[attr-defined]
    if confirm:
        pg.click("#corr-confirm-yes")  # type: ignore[attr-defined]


def _js_list(name: str) -> list[str]:
    code = CORRECTIONS_JS.read_text(encoding="utf-8")
    match = re.search(rf"const {name} = (\[.*?\]);", code, re.S)
    assert match, name
    return json.loads(match.group(1))


def test_value_lists_match_the_models_and_the_editable_fields() -> None:
    """The page's enum options and editable fields are copies: they must not drift from Python."""
    assert _js_list("EVENT_TYPES") == list(models.EVENT_TYPES)
    assert _js_list("WEAPONS") == list(models.WEAPONS)
    assert _js_list("TARGET_TYPES") == list(models.TARGET_TYPES)
    assert _js_list("CONFIRMATIONS") == list(models.CONFIRMATIONS)
    assert _js_list("DATE_PRECISIONS") == list(models.DATE_PRECISIONS)
    assert _js_list("GEO_PRECISIONS") == list(models.GEO_PRECISIONS)
    block = re.search(r"const EDITABLE = \{(.*?)\};", CORRECTIONS_JS.read_text(encoding="utf-8"), re.S)
    assert block and set(re.findall(r"(\w+):", block.group(1))) == EDITABLE


def test_edit_killed_updates_panel_list_and_history(page: object, live: LiveServer, edit_target: str) -> None:
    pg = page
    _open(pg, live, edit_target, token=None)
    # no token yet: the section says how to enable corrections, and a save says so too
    assert "write token" in pg.inner_text("#corr-token-help")
    _save_edit(pg, "killed", "4", confirm=False)
    assert "token" in _status(pg, "Enter the server's write token")
    pg.fill("#corr-token", TOKEN)
    assert pg.locator("#corr-token-help").is_hidden()
    # a value the page can check itself never reaches the server
    _save_edit(pg, "killed", "-1", confirm=False)
    _status(pg, "whole number")
    pg.fill("#corr-author", "Analyst <i>A</i>")
    _save_edit(pg, "killed", "4", note="CENTCOM <b>statement</b> of the next day")
    assert "killed" in _status(pg, "Saved").lower()
    assert _field(pg, "Killed") == "4"
    assert pg.evaluate("document.activeElement.id") == "corr-summary"  # focus stays in the section
    assert pg.get_attribute("#corrections", "open") is not None
    # the list follows (killed + injured = 4 casualties), the URL still names the incident
    pg.wait_for_function("id => (document.querySelector(`.incident-item[data-id='${id}'] .who`) || {}).textContent"
                         "?.includes('4 cas.')", arg=edit_target)
    assert f"incident={edit_target}" in pg.url
    history = pg.inner_text("#incident-body table.history")
    assert "killed set to 4" in history
    assert "CENTCOM <b>statement</b> of the next day" in history and "Analyst <i>A</i>" in history  # text, not markup
    assert pg.locator("#incident-body table.history b, #incident-body table.history i").count() == 0
    with live.client() as client:
        record = client.get(f"/api/incidents/{edit_target}").json()["incident"]
    assert record["killed"] == 4 and record["edits"][-1]["author"] == "Analyst <i>A</i>"

    # a date the calendar does not have passes the page's format check; the API's 422 is shown
    _save_edit(pg, "date", "2024-02-30")
    message = _status(pg, "422")
    assert "not a calendar date" in message
    assert pg.get_attribute("#corr-status", "role") == "status" and "error" in pg.get_attribute("#corr-status", "class")
    # a coarser date also sets the date precision, so the record stays consistent
    _save_edit(pg, "date", "2021-03")
    _status(pg, "Saved")
    with live.client() as client:
        record = client.get(f"/api/incidents/{edit_target}").json()["incident"]
    assert (record["date"], record["date_precision"]) == ("2021-03", "month")


def test_wrong_token_shows_the_401_message(page: object, live: LiveServer, incidents: list[dict],
                                           merge_pair: tuple[str, str], edit_target: str) -> None:
    pg = page
    target = next(i for i in incidents if i["id"] not in (*merge_pair, edit_target))
    _open(pg, live, target["id"], token="not-the-token")
    _save_edit(pg, "injured", "9")
    message = _status(pg, "401")
    assert "missing or wrong bearer token" in message
    with live.client() as client:
        assert client.get(f"/api/incidents/{target['id']}").json()["incident"]["injured"] == target["injured"]


def test_merge_then_split_a_report_back_out(page: object, live: LiveServer, merge_pair: tuple[str, str]) -> None:
    pg = page
    keep, other = merge_pair
    _open(pg, live, keep, token=TOKEN)
    assert pg.locator("button.split").count() == 0  # a single report cannot be split out
    pg.wait_for_selector(f"#corr-merge-pick option[value='{other}']", state="attached")  # a nearby incident
    pg.select_option("#corr-merge-pick", other)
    assert pg.input_value("#corr-merge-id") == other
    pg.click("#corr-merge-go")
    assert other in pg.inner_text("#corr-confirm")
    pg.click("#corr-confirm-yes")
    _status(pg, f"Merged {other}")
    pg.wait_for_function("id => !document.querySelector(`.incident-item[data-id='${id}']`)", arg=other)
    assert pg.locator(f".incident-item[data-id='{keep}']").count() == 1
    assert "Reports (2)" in pg.inner_text("#reports-h") and pg.locator("button.split").count() == 2
    assert "merged in another incident" in pg.inner_text("#incident-body table.history")
    # the merged-away id still opens: as the incident it went into, saying so, the link rewritten
    pg.goto(f"{live.url}/?incident={other}")
    pg.wait_for_selector(".resolved-note")
    assert f"{other} was merged into {keep}" in pg.inner_text(".resolved-note")
    pg.wait_for_url(re.compile(rf"incident={keep}"))
    _open(pg, live, keep, token=TOKEN)
    pg.wait_for_selector("button.split")

    with live.client() as client:
        reports = client.get(f"/api/incidents/{keep}").json()["reports"]
    moved = reports[-1]["report_id"]
    pg.click(f"button.split[data-report='{moved}']")
    pg.click("#corr-confirm-yes")
    _status(pg, "split out into the new incident")
    new_id = pg.inner_text("#corr-status a.new-incident")
    assert new_id and new_id not in (keep, other)
    assert "Reports (1)" in pg.inner_text("#reports-h") and pg.locator("button.split").count() == 0
    pg.wait_for_function("id => !!document.querySelector(`.incident-item[data-id='${id}']`)", arg=new_id)
    with live.client() as client:
        new = client.get(f"/api/incidents/{new_id}").json()
    assert [r["report_id"] for r in new["reports"]] == [moved]
    pg.click("#corr-status a.new-incident")
    pg.wait_for_url(re.compile(rf"incident={new_id}"))
    pg.wait_for_function("id => (document.querySelector('#incident-body .fields') || {}).textContent?.includes(id)", arg=new_id)
    assert "split out of" in pg.inner_text("#incident-body table.history")


def test_axe_finds_no_violations_in_the_correct_section(page: object, live: LiveServer, incidents: list[dict]) -> None:
    if not AXE.exists():
        pytest.skip("axe-core is not installed (web/node_modules): run scripts/build_web.sh")
    pg = page
    _open(pg, live, incidents[-1]["id"], token=None)
    pg.wait_for_selector("#corr-merge-pick option >> nth=0", state="attached")
    pg.add_script_tag(path=str(AXE))
    assert pg.evaluate(AXE_CHECK) == []
    # the confirmation dialog too; Escape cancels it and leaves the incident panel open
    pg.fill("#corr-token", TOKEN)
    pg.select_option("#corr-field", "weapon")
    pg.select_option("#corr-value", "mortar")
    pg.click("#corr-save")
    pg.wait_for_selector("#corr-confirm[open]")
    assert pg.evaluate(AXE_CHECK) == []
    pg.keyboard.press("Escape")
    pg.wait_for_selector("#corr-confirm", state="hidden")
    assert pg.locator("#incident-panel").is_visible()
    assert pg.inner_text("#corr-status") == ""  # cancelled: nothing sent


def test_server_without_token_explains_how_to_enable_corrections(page: object, seed_db: Path, incidents: list[dict],
                                                                  tmp_path: Path) -> None:
    pg = page
    with LiveServer(copy_db(seed_db, tmp_path / "readonly.db"), None) as readonly:
        _open(pg, readonly, incidents[0]["id"], token="some-token")
        _save_edit(pg, "killed", "1")
        message = _status(pg, "403")
        assert "--token" in message and "writes are disabled" in message
