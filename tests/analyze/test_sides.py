"""Each side its own series: on the example corpus, no pause in militia attacks is ended (or
begun) by a US strike, and no resumption is raised by one, unless --side us/all asks."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from attackwatch.analyze.records import actor_sides
from attackwatch.analyze.sides import incident_side
from attackwatch.cli import main
from attackwatch.store import open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sides") / "examples.db"
    assert main(["ingest", str(EXAMPLES), "--db", str(path), "--quiet"]) == 0
    return path


@pytest.fixture(scope="module")
def side_of_incident(example_db: Path) -> dict[str, str]:
    store = open_store(str(example_db))
    try:
        sides = actor_sides()
        return {r["id"]: incident_side(r, sides) for r in store.query_incidents("", ())}
    finally:
        store.close()


def _jsonl(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict]:
    assert main(list(argv)) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_the_example_corpus_has_both_sides(side_of_incident: dict[str, str]) -> None:
    counts = {s: list(side_of_incident.values()).count(s) for s in ("militia", "us")}
    assert counts["militia"] >= 20 and counts["us"] >= 10, counts


def test_lulls_of_attacks_are_bounded_by_attacks(example_db: Path, side_of_incident: dict[str, str], capsys) -> None:
    lulls = _jsonl(capsys, "lulls", "--db", str(example_db), "--min-days", "7", "--format", "jsonl")
    assert lulls and {x["side"] for x in lulls} == {"militia"}
    for x in lulls:
        bounds = x["before_incidents"] + x["after_incidents"]
        assert {side_of_incident[i] for i in bounds} == {"militia"}, x["text"]
        assert x["text"].startswith(("The militia attack", "No militia attack"))


def test_no_resumption_is_raised_by_a_us_strike_by_default(example_db: Path, side_of_incident: dict[str, str],
                                                            capsys) -> None:
    alerts = _jsonl(capsys, "alerts", "--db", str(example_db), "--format", "jsonl")
    assert alerts and all("side" in a["scope"] for a in alerts)
    resumptions = [a for a in alerts if a["rule"] == "resumption"]
    assert resumptions and all(a["scope"]["side"] == "militia" for a in resumptions)
    for a in resumptions:
        assert {side_of_incident[i] for i in a["incidents"]} == {"militia"}
        assert side_of_incident[a["numbers"]["previous_incident"]] == "militia"
    surges = [a for a in alerts if a["rule"] == "surge"]
    for a in surges:  # each side's surges count that side's incidents only
        assert {side_of_incident[i] for i in a["incidents"]} == {a["scope"]["side"]}


@pytest.mark.parametrize("side", ["us", "all"])
def test_asked_for_a_us_strike_may_end_a_pause(example_db: Path, side_of_incident: dict[str, str], capsys,
                                               side: str) -> None:
    alerts = _jsonl(capsys, "alerts", "--db", str(example_db), "--format", "jsonl", "--rule", "resumption",
                    "--side", side)
    raised_by = {side_of_incident[i] for a in alerts for i in a["incidents"]}
    assert "us" in raised_by  # the mixed series this option asks for (and what the default keeps apart)
    lulls = _jsonl(capsys, "lulls", "--db", str(example_db), "--min-days", "7", "--format", "jsonl", "--side", side)
    assert any(side_of_incident[i] == "us" for x in lulls for i in x["before_incidents"] + x["after_incidents"])


def test_trends_split_by_side(example_db: Path, side_of_incident: dict[str, str], capsys) -> None:
    rows = _jsonl(capsys, "trends", "--db", str(example_db), "--by", "month", "--split", "side", "--format", "jsonl")
    totals: dict[str, int] = {}
    for r in rows:
        totals[r["key"]] = totals.get(r["key"], 0) + r["count"]
    assert totals["militia attacks"] > 0 and totals["US/coalition strikes"] > 0
    # every monthly-or-finer incident of a side is counted in its series, and only there
    assert totals["US/coalition strikes"] <= list(side_of_incident.values()).count("us")
    assert totals["militia attacks"] <= list(side_of_incident.values()).count("militia")
