"""tools/fit_confidence.py: the logistic fit, the calibration tables, the generated section of
docs/confidence.md, and one rerun over the dev corpus (when ../shared is beside the checkout)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from attackwatch.extraction.confidence import FEATURES, parse_model

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


@pytest.fixture(scope="module")
def fitter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fit_confidence", ROOT / "tools" / "fit_confidence.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fit_recovers_known_weights(fitter: ModuleType) -> None:
    rng = np.random.default_rng(7)
    x = rng.integers(0, 2, size=(4000, 3)).astype(float)
    true_b0, true_w = -0.5, np.array([2.0, -1.5, 0.0])
    y = (rng.random(4000) < 1 / (1 + np.exp(-(true_b0 + x @ true_w)))).astype(float)
    b0, w = fitter.fit(x, y, l2=0.01)
    assert b0 == pytest.approx(true_b0, abs=0.2)
    assert w == pytest.approx(true_w, abs=0.25)


def test_the_prior_shrinks_weights_toward_zero(fitter: ModuleType) -> None:
    x = np.array([[1.0], [1.0], [0.0], [0.0]] * 5)
    y = np.array([1.0, 1.0, 0.0, 1.0] * 5)
    _, loose = fitter.fit(x, y, l2=0.01)
    _, tight = fitter.fit(x, y, l2=50.0)
    assert 0 < tight[0] < loose[0]


def test_reliability_bins_hold_mean_prediction_and_observed_rate(fitter: ModuleType) -> None:
    conf = [0.1, 0.15, 0.5, 0.55, 0.9, 0.95, 1.0]
    labels = [0, 1, 1, 0, 1, 1, 1]
    table = fitter.reliability(conf, labels)
    assert [(b, n) for b, n, _, _ in table] == [("0.0–0.2", 2), ("0.4–0.6", 2), ("0.9–1.0", 3)]
    assert table[0][2] == pytest.approx(0.125) and table[0][3] == pytest.approx(0.5)
    assert table[2][3] == pytest.approx(1.0)  # a confidence of exactly 1 falls in the last bin


@pytest.mark.parametrize("conf, labels, expected", [
    ([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0], 1.0),
    ([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0], 0.0),
    ([0.5, 0.5], [1, 0], 0.5),
    ([0.9, 0.4, 0.6], [1, 1, 0], 0.5),
    ([0.9, 0.8], [1, 1], None),
])
def test_auc_counts_right_records_ranked_above_false_ones(fitter: ModuleType, conf: list[float], labels: list[int],
                                                          expected: float | None) -> None:
    assert fitter.auc(conf, labels) == expected


def test_precision_leaves_out_matches_to_optional_gold(fitter: ModuleType) -> None:
    rows = [{"label": 1, "optional": False}, {"label": 0, "optional": False}, {"label": 1, "optional": True}]
    assert fitter.precision(rows) == pytest.approx(0.5)
    assert fitter.precision([{"label": 1, "optional": True}]) is None
    top = fitter.top_share(rows, [0.9, 0.1, 0.5], 0.5)
    assert [r["label"] for r in top] == [1, 1]  # ceil(1.5) = 2 most confident


def test_the_generated_section_is_replaced_and_the_prose_kept(fitter: ModuleType, tmp_path: Path) -> None:
    doc = tmp_path / "c.md"
    doc.write_text(f"# Title\n\nProse before.\n\n{fitter.BEGIN}\nold table\n{fitter.END}\n\nProse after.\n")
    fitter.write_doc(doc, ["new table"])
    text = doc.read_text()
    assert "old table" not in text and "new table" in text
    assert text.startswith("# Title\n\nProse before.") and text.rstrip().endswith("Prose after.")
    fresh = tmp_path / "fresh.md"
    fitter.write_doc(fresh, ["first"])
    assert fitter.BEGIN in fresh.read_text() and "first" in fresh.read_text()


def test_a_rerun_on_the_dev_corpus_writes_a_loadable_model_and_the_tables(fitter: ModuleType, tmp_path: Path) -> None:
    if not (DEV / "gold.jsonl").exists() or not SCORER.exists():
        pytest.skip(f"the dev corpus and scorer are not beside the checkout ({DEV})")
    pack_file, doc = tmp_path / "confidence.json", tmp_path / "confidence.md"
    assert fitter.main(["--corpus", str(DEV), "--scorer", str(SCORER), "--pack-file", str(pack_file),
                        "--doc", str(doc), "--no-incidents"]) == 0
    data = json.loads(pack_file.read_text())
    model = parse_model(data)
    assert set(model.weights) == set(fitter.FITTED) and set(fitter.FITTED) <= set(FEATURES)
    text = doc.read_text()
    for part in ("held-out dA", "held-out dB", "held-out dC", "pooled", "top 80%"):
        assert part in text
    held = data["_held_out"]
    # held-out confidence must carry information: the top 80% is more precise than all records
    assert held["all"]["precision_top80"] > held["all"]["precision_all"]
    assert held["all"]["ece"] < 0.1
