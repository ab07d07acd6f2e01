"""Report and incident confidence (extraction/confidence.py): the pack model, its features, the
order it puts on reports, and the noisy-or that combines an incident's reports.

Every article here is written for the purpose; none comes from an outlet.
"""
from __future__ import annotations

import json
import math

import pytest

from attackwatch import extract
from attackwatch.extraction.confidence import (FEATURES, ConfidenceModel, collect_features, incident_confidence,
                                            model_for, parse_model)
from attackwatch.packs import get_pack

PACK_FILE = get_pack("default").root / "confidence.json"

# a strike told in full: place, day, weapon, casualties, an official statement and a claim
REAL = ("Three rockets struck Ain al-Asad Air Base in Anbar province on Tuesday, wounding two American soldiers, "
        "the US-led coalition said in a statement. Kata'ib Hezbollah claimed responsibility for the attack in a "
        "message on Telegram. The base hosts several hundred US troops.")
# the real strike, then a vague one elsewhere in a paragraph of its own
MIXED = REAL + "\n\nSeparately, a rocket attack hit a base in Syria in recent weeks, a monitor said."
# an account that dates itself, so it is dated with or without a publication date
DATED_IN_BODY = ("Two drones targeted a logistics base near Erbil airport on February 2, 2024, the Kurdistan Region's "
                 "counter-terrorism service said. Nobody was hurt.")


# -- the pack file ------------------------------------------------------------------------------

def test_pack_model_is_well_formed() -> None:
    data = json.loads(PACK_FILE.read_text(encoding="utf-8"))
    model = parse_model(data)
    assert model.version and set(model.weights) <= set(FEATURES)
    assert all(math.isfinite(w) for w in model.weights.values()) and math.isfinite(model.intercept)
    # the file says how it was fitted and what the held-out slices measured
    assert "fit_confidence.py" in data["_fitted"]
    assert {"dA", "dB", "dC", "all"} <= set(data["_held_out"])
    for figures in data["_held_out"].values():
        assert 0.0 <= figures["precision_top80"] <= 1.0 and figures["n"] > 0
    assert model_for(get_pack("default")) == model


@pytest.mark.parametrize("data, problem", [
    ({"intercept": 0.0, "weights": {"geo_site": 1.0}}, "version"),
    ({"version": "1", "intercept": "high", "weights": {"geo_site": 1.0}}, "intercept"),
    ({"version": "1", "intercept": 0.0, "weights": {}}, "weights"),
    ({"version": "1", "intercept": 0.0, "weights": {"moon_phase": 1.0}}, "moon_phase"),
    ({"version": "1", "intercept": 0.0, "weights": {"geo_site": True}}, "geo_site"),
    ({"version": "1", "intercept": 0.0, "weights": {"geo_site": float("nan")}}, "geo_site"),
    ([1, 2], "version"),
])
def test_malformed_models_are_refused(data: object, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_model(data)  # type: ignore[arg-type]


@pytest.mark.parametrize("intercept, weights, feats, expected", [
    (0.0, {"geo_site": 1.0}, {}, 0.5),
    (0.0, {"geo_site": 2.0}, {"geo_site": 1.0}, 1 / (1 + math.exp(-2))),
    (-1.0, {"undated": -3.0}, {"undated": 1.0}, 1 / (1 + math.exp(4))),
    (0.0, {"geo_site": 100.0}, {"geo_site": 1.0}, 1.0),  # no overflow at the extremes
    (0.0, {"geo_site": -100.0}, {"geo_site": 1.0}, 0.0),
])
def test_model_score_is_the_logistic_of_the_weighted_sum(intercept: float, weights: dict[str, float],
                                                         feats: dict[str, float], expected: float) -> None:
    assert ConfidenceModel("t", intercept, weights).score(feats) == pytest.approx(expected)


# -- reports ------------------------------------------------------------------------------------

def test_every_report_gets_a_confidence_in_the_unit_interval() -> None:
    reports = extract(MIXED, published="2024-03-07", article_id="mixed")
    assert reports
    for r in reports:
        assert r.confidence is not None and 0.0 <= r.confidence <= 1.0
        assert r.to_dict()["confidence"] == r.confidence


# vague asides after the real strike: no site, no date of their own, hedged or hung on a tally
ASIDES = [
    "Separately, a rocket attack hit a base in Syria in recent weeks, a monitor said.",
    "US troops in Syria have faced a drone attack, officials said, without giving further details.",
    "Militias could fire rockets at US bases again, and a drone attack hit a base in Syria recently, the official said.",
    "A war monitor said a drone attack had also hit US troops somewhere in Syria, without saying when.",
]


@pytest.mark.parametrize("aside", ASIDES)
def test_a_clearly_real_incident_outranks_a_vague_mention(aside: str) -> None:
    reports = extract(REAL + "\n\n" + aside, published="2024-03-07", article_id="aside")
    real = [r for r in reports if r.place == "Ain al-Asad Air Base"]
    vague = [r for r in reports if r.geo_precision == "country"]
    assert len(real) == 1 and real[0].confidence >= 0.7
    assert vague, "each aside is kept as a vague country-level report: confidence must order it"
    assert all(real[0].confidence - v.confidence >= 0.15 for v in vague)


def test_a_page_without_a_publication_date_is_scored_lower_under_a_model_that_says_so(monkeypatch) -> None:
    """The feature is read from the page (not from the date relative words were read against),
    and the model's weight acts on it: a model file, not code, decides how much it counts."""
    import attackwatch.extraction.confidence as confidence

    text = DATED_IN_BODY
    with collect_features() as sink:
        dated = extract(text, published="2024-02-03", article_id="dated")
        undated = extract(text, article_id="undated")
    assert len(dated) == len(undated) == 1 and dated[0].date == undated[0].date == "2024-02-02"
    feats = {r.article_id: f for r, f in sink}
    assert feats["dated"]["no_published"] == 0.0 and feats["undated"]["no_published"] == 1.0
    model = ConfidenceModel("test", 1.0, {"no_published": -2.0})
    monkeypatch.setattr(confidence, "model_for", lambda pack: model)
    assert extract(text, published="2024-02-03", article_id="d")[0].confidence == pytest.approx(model.score({}), abs=1e-3)
    assert extract(text, article_id="u")[0].confidence == pytest.approx(model.score({"no_published": 1.0}), abs=1e-3)


def test_a_pack_without_a_model_leaves_confidence_null(monkeypatch) -> None:
    import attackwatch.extraction.confidence as confidence

    monkeypatch.setattr(confidence, "model_for", lambda pack: None)
    reports = extract(REAL, published="2024-03-07", article_id="nomodel")
    assert reports and all(r.confidence is None for r in reports)


def test_collected_features_cover_every_report_and_every_feature() -> None:
    with collect_features() as sink:
        reports = extract(MIXED, published="2024-03-07", article_id="mixed")
    assert [r for r, _ in sink] == reports
    for report, feats in sink:
        assert set(feats) == set(FEATURES)
        assert all(isinstance(v, float) and math.isfinite(v) for v in feats.values())
    site = next(f for r, f in sink if r.place == "Ain al-Asad Air Base")
    country = next(f for r, f in sink if r.geo_precision == "country")
    assert site["geo_site"] == 1.0 and site["weapon_known"] == 1.0 and site["casualties_stated"] == 1.0
    assert country["geo_site"] == country["geo_town"] == country["geo_admin1"] == 0.0
    assert site["log_reports_in_article"] == country["log_reports_in_article"] == pytest.approx(math.log1p(2))
    # outside the block nothing is collected
    extract(REAL, published="2024-03-07", article_id="again")
    assert len(sink) == 2


# -- incidents ----------------------------------------------------------------------------------

@pytest.mark.parametrize("members, expected", [
    ([(0.6, "Wire A")], 0.6),
    ([(0.5, "Wire A"), (0.5, "Wire B")], 0.75),  # two outlets corroborate
    ([(0.5, "Wire A"), (0.5, "Wire A")], 0.5),  # one outlet's pages are not independent
    ([(0.3, "Wire A"), (0.8, "Wire A"), (0.5, "Wire B")], 0.9),  # each outlet by its best report
    ([(None, "Wire A"), (0.4, "Wire B")], 0.4),  # a report stored before confidence existed
    ([(None, "Wire A")], None),
    ([], None),
    ([(0.0, "Wire A"), (1.0, "Wire B")], 1.0),
])
def test_incident_confidence_is_a_noisy_or_over_outlets(members: list[tuple[float | None, str]],
                                                         expected: float | None) -> None:
    got = incident_confidence(members)
    assert got == (None if expected is None else pytest.approx(expected))


def test_more_outlets_never_lower_an_incident_confidence() -> None:
    members: list[tuple[float | None, str]] = []
    last = 0.0
    for i, conf in enumerate((0.2, 0.05, 0.6, 0.1)):
        members.append((conf, f"outlet {i}"))
        now = incident_confidence(members)
        assert now is not None and now >= last
        last = now
