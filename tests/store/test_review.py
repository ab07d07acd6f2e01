"""The review queue on both backends: verdicts hide rejected incidents from every read, survive
re-resolution and re-ingest, and the reviewed incidents export as a gold set the shared scorer
scores 1.000 against itself."""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from attackwatch.analyze.records import load_incidents
from attackwatch.cli import main
from attackwatch.store.filters import IncidentFilter
from attackwatch.store.gold import export_gold
from attackwatch.store.review import review_progress, review_queue

SCORER = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score.py"


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, example_db_copy: Path) -> str:
    if request.param == "sqlite":
        return str(example_db_copy)
    return request.getfixturevalue("pg_examples_copy")


def _ids(store, flt: IncidentFilter | None = None) -> set[str]:  # type: ignore[no-untyped-def]
    where, params = (flt or IncidentFilter()).sql()
    return {r["id"] for r in store.query_incidents(where, params)}


def test_queue_is_least_confident_first_and_leaves_reviewed_ones_out(db: str, open_dataset) -> None:
    ds = open_dataset(db)
    items, total = review_queue(ds.store, limit=500)
    assert total == len(items) == ds.store.count_incidents(*IncidentFilter().sql()) > 10
    confidences = [-1.0 if r.get("confidence") is None else r["confidence"] for r in items]
    assert confidences == sorted(confidences)
    first = items[0]["id"]
    ds.review(first, "confirm", note="checked against CENTCOM", author="ana")
    after, total_after = review_queue(ds.store, limit=500)
    assert first not in {r["id"] for r in after} and total_after == total - 1
    page, _ = review_queue(ds.store, limit=3, offset=2)
    assert [r["id"] for r in page] == [r["id"] for r in after[2:5]]
    only_iq, n_iq = review_queue(ds.store, IncidentFilter(country="IQ"), limit=500)
    assert n_iq == len(only_iq) < total_after and all(r["country_code"] == "IQ" for r in only_iq)


def test_a_rejected_incident_is_absent_from_every_read_and_survives_resolve(db: str, open_dataset, tmp_path: Path) -> None:
    ds = open_dataset(db)
    everything = _ids(ds.store)
    victim = max(everything)
    facets_before = ds.store.incident_facets()
    record = ds.review(victim, "reject", note="an anniversary piece, not an attack", author="ana")
    assert record["review"] == "rejected"
    for flt in (IncidentFilter(), IncidentFilter(country=record.get("country_code")), IncidentFilter(review="pending")):
        assert victim not in _ids(ds.store, flt)
    assert _ids(ds.store, IncidentFilter(review="rejected")) == {victim}
    assert ds.store.count_incidents(*IncidentFilter().sql()) == len(everything) - 1
    assert victim not in {r["id"] for r in load_incidents(ds.store)}  # analytics and reports read through this
    stats = ds.store.incident_day_counts(*IncidentFilter().sql())
    assert sum(row[3] for row in stats) == len(everything) - 1
    facets = ds.store.incident_facets()
    assert sum(n for *_, n in facets["weapons"]) == sum(n for *_, n in facets_before["weapons"]) - 1
    # every export format of the CLI leaves it out
    for fmt in ("jsonl", "csv", "geojson"):
        out = tmp_path / f"all.{fmt}"
        assert main(["export", "--db", db, "--format", fmt, "-o", str(out)]) == 0
        assert victim not in out.read_text(encoding="utf-8")
    # kept in the audit trail, and re-applied by a full re-resolution
    trail = [e for e in ds.store.edits() if e["field"] == "review"]
    assert [(e["value"], e["note"], e["author"]) for e in trail] == [("rejected", "an anniversary piece, not an attack", "ana")]
    ds.rebuild()
    assert _ids(ds.store, IncidentFilter(review="rejected")) == {victim}
    assert victim not in _ids(ds.store)
    # reopen puts it back
    assert "review" not in ds.review(victim, "reopen")
    assert victim in _ids(ds.store) and victim in _ids(ds.store, IncidentFilter(review="pending"))


def test_verdicts_survive_reingest_of_a_changed_article(example_db_copy: Path, open_dataset, example_results) -> None:
    ds = open_dataset(example_db_copy)
    single = [r for r in ds.store.query_incidents(*IncidentFilter().sql()) if r["n_sources"] == 1]
    confirmed, rejected = single[0], single[1]
    ds.review(confirmed["id"], "confirm")
    ds.review(rejected["id"], "reject")
    # the outlet updates both pages (same id, new text): their reports are stored afresh and
    # re-resolved, and the verdicts, anchored on the report ids, follow them
    changed = {confirmed["reports"][0]["article_id"], rejected["reports"][0]["article_id"]}
    again = [replace(r, article=replace(r.article, text=r.article.text + "\n\nThis story was updated.",
                                        source_text=(r.article.source_text or r.article.text) + " (updated)"))
             for r in example_results if r.article.id in changed]
    summary = ds.ingest(again)
    assert summary.updated == len(changed) == 2
    states = {r["reports"][0]["article_id"]: r.get("review")
              for r in ds.store.query_incidents(*IncidentFilter(review="confirmed").sql())}
    assert states.get(confirmed["reports"][0]["article_id"]) == "confirmed"
    assert rejected["reports"][0]["article_id"] not in {r["reports"][0]["article_id"] for r in ds.store.query_incidents(
        *IncidentFilter().sql()) if r["n_sources"] == 1}
    assert len(_ids(ds.store, IncidentFilter(review="rejected"))) == 1


def test_a_correction_marks_the_incident_corrected_and_progress_counts_per_day(db: str, open_dataset) -> None:
    ds = open_dataset(db)
    ids = sorted(_ids(ds.store))
    ds.edit(ids[0], "killed", 2, note="CENTCOM update")
    ds.review(ids[1], "confirm")
    ds.review(ids[2], "reject")
    assert ds.store.incident(ids[0])["review"] == "corrected"
    assert _ids(ds.store, IncidentFilter(review="reviewed")) == {ids[0], ids[1]}
    progress = review_progress(ds.store)
    assert (progress["confirmed"], progress["corrected"], progress["rejected"]) == (1, 1, 1)
    assert progress["total"] == len(ids) and progress["pending"] == len(ids) - 3
    assert len(progress["days"]) == 1 and progress["days"][0]["confirmed"] == 1 \
        and progress["days"][0]["corrected"] == 1 and progress["days"][0]["rejected"] == 1


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/eval/score.py is not beside the checkout")
def test_export_gold_scores_one_against_itself_and_leaves_the_rest_out(db: str, open_dataset, tmp_path: Path) -> None:
    ds = open_dataset(db)
    multi = [r for r in ds.store.query_incidents(*IncidentFilter(min_sources=2).sql())]
    assert multi, "the examples have incidents told by two outlets"
    ids = sorted(_ids(ds.store))
    confirmed, corrected, rejected = multi[0]["id"], ids[0] if ids[0] != multi[0]["id"] else ids[1], ids[-1]
    ds.review(confirmed, "confirm")
    ds.edit(corrected, "weapon", "rocket", note="the article says rockets")
    ds.review(rejected, "reject")
    out = tmp_path / "gold"
    summary = export_gold(ds.store, out)
    gold = [json.loads(line) for line in (out / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {g["incident"] for g in gold} == {confirmed, corrected}
    assert summary.gold == len(gold) >= 3 and summary.same_as >= 1
    assert next(g for g in gold if g["incident"] == corrected)["weapon"] == "rocket"  # the analyst's value
    for g in gold:
        assert (out / f"{g['article']}.txt").is_file() and json.loads((out / f"{g['article']}.meta.json").read_text())["id"] == g["article"]
    score = subprocess.run([sys.executable, str(SCORER), "--gold", str(out), "--pred", str(out / "gold.jsonl"),
                            "--canonical", str(out / "incidents.jsonl"), "--json"], capture_output=True, text=True, check=True)
    result = json.loads(score.stdout)
    assert result["incidents"]["f1"] == 1.0 and set(result["fields"].values()) == {1.0}
    assert result["dedup"]["f1"] == 1.0
