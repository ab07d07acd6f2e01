"""What changed since a moment: the change log, `attackwatch changes`, GET /api/changes,
`export --updated-since`, merged-away ids resolving to their survivor; and an ingest summary
that adds up. On SQLite and PostgreSQL alike."""
from __future__ import annotations

import json
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from attackwatch.cli import main
from attackwatch.store import open_store
from attackwatch.store.changes import changes_since, parse_moment
from attackwatch.store.dataset import Dataset

# pages of the example corpus that, ingested last, change incidents already stored
# (ridge_iran_missiles retells several earlier incidents) or found new ones
LAST_PAGES = ["ridge_iran_missiles", "tw_k1_kirkuk", "zagros_erbil_rockets"]


def _state(store: Any) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in store.query_incidents("", ())}


def _expected(before: dict[str, dict], after: dict[str, dict]) -> dict[str, str]:
    """incident id -> what the change log must call it, from the records before and after."""
    out = {i: "created" for i in after.keys() - before.keys()}
    out.update({i: "gone" for i in before.keys() - after.keys()})
    out.update({i: "updated" for i in before.keys() & after.keys() if before[i] != after[i]})
    return out


def _ingest_then_one_more(url: str, example_results: list, last: str) -> tuple[str, dict, dict, Any]:
    rest = [r for r in example_results if r.article.id != last]
    final = [r for r in example_results if r.article.id == last]
    assert final, last
    store = open_store(url)
    ds = Dataset(store)
    ds.ingest(rest)
    before = _state(store)
    time.sleep(0.01)
    since = parse_moment(datetime.now(timezone.utc).isoformat())
    summary = ds.ingest(final)
    return since, before, _state(store), (store, summary)


@pytest.mark.parametrize("last", LAST_PAGES)
def test_changes_after_one_new_page_list_exactly_what_it_created_or_changed(tmp_path: Path, example_results,
                                                                            last: str, capsys) -> None:
    db = str(tmp_path / "c.db")
    since, before, after, (store, summary) = _ingest_then_one_more(db, example_results, last)
    expected = _expected(before, after)
    assert expected, "the page changed something"
    entries = changes_since(store, since)
    got = {e["incident_id"]: e for e in entries}
    assert {i: ("gone" if e["status"] in ("merged", "removed") else e["status"]) for i, e in got.items()} == expected
    for incident_id, e in got.items():
        if e["status"] == "updated":  # each changed field with its value before and after
            changed = {k for k in before[incident_id].keys() | after[incident_id].keys()
                       if k not in ("id", "reports", "edits") and before[incident_id].get(k) != after[incident_id].get(k)}
            assert set(e["fields"]) == changed
            for name, (old, new) in e["fields"].items():
                assert (old, new) == (before[incident_id].get(name), after[incident_id].get(name))
            arts = lambda r: {rep["article_id"] for rep in r["reports"]}  # noqa: E731
            assert set(e["articles"]["added"]) == arts(after[incident_id]) - arts(before[incident_id])
        if e["status"] == "merged":
            assert e["merged_into"] in after
    # the summary adds up: every report founded an incident, joined one or was dropped
    assert summary.reports == summary.reports_founding + summary.incidents_merged + summary.reports_joined_new \
        + sum(summary.dropped.values())
    assert summary.incidents_created - summary.incidents_folded - summary.incidents_removed == len(after) - len(before)
    store.close()

    # the same through the CLI and the API
    assert main(["changes", "--db", db, "--since", since, "--format", "jsonl"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert {x["incident_id"]: x["status"] for x in lines} == {i: e["status"] for i, e in got.items()}
    from fastapi.testclient import TestClient

    from attackwatch.serve.app import create_app

    with TestClient(create_app(db)) as client:
        answer = client.get("/api/changes", params={"since": since})
        assert answer.status_code == 200
        assert {x["incident_id"]: x["status"] for x in answer.json()["items"]} == {i: e["status"] for i, e in got.items()}
        assert all(x["summary"] for x in answer.json()["items"])
        assert client.get("/api/changes", params={"since": "yesterday"}).status_code == 422
        assert client.get("/api/changes").status_code == 422

    # --updated-since exports the incidents created or changed, and only those
    out = tmp_path / "recent.jsonl"
    assert main(["export", "--db", db, "--updated-since", since, "-o", str(out)]) == 0
    exported = {json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()}
    assert exported == {i for i, s in expected.items() if s != "gone"}


def test_changes_in_postgres_match_sqlite(tmp_path: Path, pg_url: str, example_results) -> None:
    last = LAST_PAGES[0]
    found = {}
    for name, url in (("sqlite", str(tmp_path / "c.db")), ("postgresql", pg_url)):
        since, before, after, (store, _) = _ingest_then_one_more(url, example_results, last)
        entries = changes_since(store, since)
        found[name] = sorted((e["incident_id"], e["status"], json.dumps(e["fields"], sort_keys=True),
                              e["articles"]["added"]) for e in entries)
        assert {e["incident_id"] for e in entries} == set(_expected(before, after))
        store.close()
    assert found["sqlite"] == found["postgresql"]


def test_merges_splits_and_edits_are_logged_and_merged_ids_lead_to_the_survivor(example_db_copy: Path,
                                                                                  open_dataset, capsys) -> None:
    ds = open_dataset(example_db_copy)
    singles = [i for i in ds.store.incident_ids() if len(ds.store.members(i)) == 1]
    keep, other, third = singles[:3]
    since = parse_moment(datetime.now(timezone.utc).isoformat())
    ds.merge(keep, other, note="same salvo")
    ds.merge(third, keep)  # a merge of a merge: other -> keep -> third
    ds.edit(third, "killed", 4, note="update")
    big = max(ds.store.incident_ids(), key=lambda i: len(ds.store.members(i)))
    new_id = ds.split(big, ds.store.members(big)[-1])
    got = {e["incident_id"]: e for e in changes_since(ds.store, since)}
    assert got[other]["status"] == "merged" and got[other]["merged_into"] == keep
    assert got[keep]["status"] == "merged" and got[keep]["merged_into"] == third
    assert got[third]["status"] == "updated" and got[third]["fields"]["killed"][1] == 4
    assert got[new_id]["status"] == "split" and got[new_id]["split_from"] == big
    assert got[big]["status"] == "updated" and got[big]["articles"]["removed"]
    assert {e["cause"] for e in ds.store.changes(since)} == {"merge", "edit", "split"}

    from attackwatch.store.lookup import find_incident

    found = find_incident(ds.store, other)
    assert found.incident_id == third and found.path == [other, keep, third]
    assert main(["show", "--db", str(example_db_copy), other, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == third
    from fastapi.testclient import TestClient

    from attackwatch.serve.app import create_app

    with TestClient(create_app(str(example_db_copy))) as client:
        answer = client.get(f"/api/incidents/{other}").json()
        assert answer["incident"]["id"] == third and answer["resolved_from"]["id"] == other


def test_re_resolution_logs_only_real_changes(example_db_copy: Path, open_dataset) -> None:
    ds = open_dataset(example_db_copy)
    times = ds.store.updated_times()
    since = parse_moment(datetime.now(timezone.utc).isoformat())
    ds.rebuild()
    # the same rules on the same reports: nothing changed, and no record claims it did
    assert changes_since(ds.store, since) == []
    assert ds.store.updated_times() == times


def test_the_ingest_line_adds_up(tmp_path: Path, capsys) -> None:
    examples = Path(__file__).resolve().parents[2] / "examples"
    assert main(["ingest", str(examples), "--db", str(tmp_path / "a.db"), "--quiet"]) == 0
    line = capsys.readouterr().out.strip()
    import re

    numbers = re.search(r"(\d+) reports: (\d+) founded a new incident, (\d+) joined one \((\d+) already stored, "
                        r"(\d+) founded in this run\), (\d+) dropped; incidents: (\d+) created"
                        r"(?:, (\d+) folded into another)?(?:, (\d+) left without reports)? \(net \+(\d+)\)", line)
    assert numbers, line
    reports, founding, joined, stored, this_run, dropped, created, folded, removed, net = (
        int(x or 0) for x in numbers.groups())
    assert reports == founding + joined + dropped and joined == stored + this_run
    assert created - folded - removed == net
    store = open_store(str(tmp_path / "a.db"))
    assert store.counts()["incidents"] == net and store.counts()["reports"] == reports
    store.close()


def test_a_rejection_in_review_is_a_change_and_leaves_the_exports(example_db_copy: Path, open_dataset,
                                                                    tmp_path: Path) -> None:
    ds = open_dataset(example_db_copy)
    target = ds.store.incident_ids()[0]
    since = parse_moment(datetime.now(timezone.utc).isoformat())
    ds.review(target, "reject", note="a retelling, not an incident")
    got = {e["incident_id"]: e for e in changes_since(ds.store, since)}
    assert got[target]["status"] == "rejected" and got[target]["causes"] == ["review"]
    for fmt in ("jsonl", "csv", "geojson"):
        out = tmp_path / f"x.{fmt}"
        assert main(["export", "--db", str(example_db_copy), "-o", str(out), "--updated-since", since]) == 0
        assert target not in out.read_text(encoding="utf-8")
    later = parse_moment(datetime.now(timezone.utc).isoformat())
    ds.review(target, "reopen")
    assert {e["incident_id"]: e["status"] for e in changes_since(ds.store, later)} == {target: "restored"}
