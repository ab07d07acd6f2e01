"""The extraction quality gate: run the extractor on a gold corpus, score it with the
shared scorer, and hold every figure to its floor in floors.json (floors only rise).

The dev corpus (real news pages, ../shared/corpus/dev) is the judge: incident precision,
recall and F1, every field, and deduplication (the corpus ingested into a SQLite database,
its incidents exported and scored with the scorer's --canonical). It is extracted once per
module, so its tests cost one extraction between them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from quality.harness import Extraction, Scores, check, extract, score_extraction

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text())


def test_seed_corpus_meets_floors(shared_dir: Path, tmp_path: Path) -> None:
    scores = score_extraction(shared_dir, extract(shared_dir / "corpus" / "seeds", tmp_path))
    assert not check(scores, FLOORS["seeds"]), scores


def test_example_corpus_meets_floors(shared_dir: Path, repo_dir: Path, tmp_path: Path) -> None:
    if "examples" not in FLOORS:
        pytest.skip("no floors recorded for the example corpus yet")
    scores = score_extraction(shared_dir, extract(repo_dir / "examples", tmp_path))
    assert not check(scores, FLOORS["examples"]), scores


# -- the dev corpus ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def dev_scores(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Scores:
    dev = shared_dir / "corpus" / "dev"
    # ../shared present but without the dev corpus is a broken checkout of shared, not a reason to skip
    assert (dev / "gold.jsonl").exists(), f"the dev corpus is missing from {dev}"
    ex: Extraction = extract(dev, tmp_path_factory.mktemp("dev"))
    return score_extraction(shared_dir, ex)


def _dev_floors(*keys: str) -> dict:
    return {k: v for k, v in FLOORS["dev"].items() if k.startswith(keys)}


def test_dev_incidents_meet_floors(dev_scores: Scores) -> None:
    problems = check(dev_scores, _dev_floors("incidents_"))
    assert not problems, (problems, dev_scores["incidents"])


def test_dev_fields_meet_floors(dev_scores: Scores) -> None:
    problems = check(dev_scores, {"fields": FLOORS["dev"]["fields"]})
    assert not problems, (problems, dev_scores["fields"])


def test_dev_dedup_meets_floors(dev_scores: Scores) -> None:
    problems = check(dev_scores, _dev_floors("dedup_"))
    assert not problems, (problems, dev_scores["dedup"])


def test_dev_floors_cover_every_figure(dev_scores: Scores) -> None:
    """A field the scorer adds, or a figure dropped from floors.json, would escape the gate."""
    dev = FLOORS["dev"]
    assert set(dev["fields"]) == set(dev_scores["fields"])
    wanted = {f"{group}_{figure}" for group in ("incidents", "dedup") for figure in ("precision", "recall", "f1")}
    assert wanted <= set(dev), wanted - set(dev)


# -- the Arabic dev corpus ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def dev_ar_scores(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Scores:
    dev_ar = shared_dir / "corpus" / "dev-ar"
    assert (dev_ar / "gold.jsonl").exists(), f"the Arabic dev corpus is missing from {dev_ar}"
    return score_extraction(shared_dir, extract(dev_ar, tmp_path_factory.mktemp("dev-ar")))


def _dev_ar_floors(*keys: str) -> dict:
    return {k: v for k, v in FLOORS["dev-ar"].items() if k.startswith(keys)}


def test_dev_ar_incidents_meet_floors(dev_ar_scores: Scores) -> None:
    problems = check(dev_ar_scores, _dev_ar_floors("incidents_"))
    assert not problems, (problems, dev_ar_scores["incidents"])


def test_dev_ar_fields_meet_floors(dev_ar_scores: Scores) -> None:
    problems = check(dev_ar_scores, {"fields": FLOORS["dev-ar"]["fields"]})
    assert not problems, (problems, dev_ar_scores["fields"])


def test_dev_ar_dedup_meets_floors(dev_ar_scores: Scores) -> None:
    problems = check(dev_ar_scores, _dev_ar_floors("dedup_"))
    assert not problems, (problems, dev_ar_scores["dedup"])


def test_dev_ar_floors_cover_every_figure(dev_ar_scores: Scores) -> None:
    floors = FLOORS["dev-ar"]
    assert set(floors["fields"]) == set(dev_ar_scores["fields"])
    wanted = {f"{group}_{figure}" for group in ("incidents", "dedup") for figure in ("precision", "recall", "f1")}
    assert wanted <= set(floors), wanted - set(floors)
