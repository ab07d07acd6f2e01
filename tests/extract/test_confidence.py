"""Report and incident confidence (extract/confidence.py): the pack model, its features, the
order it puts on reports, and the noisy-or that combines an incident's reports.

Every article here is written for the purpose; none comes from an outlet.
"""
from __future__ import annotations

import json
import math

import pytest

from attackwatch import extract
from attackwatch.extract.confidence import (FEATURES, ConfidenceModel, collect_features, incident_confidence,
                                            model_for, parse_model)
from attackwatch.packs import get_pack

PACK_FILE = get_pack("default").root / "confidence.json"

# a strike told in full: place, day, weapon, casualties, an official statement and a claim
REAL = ("Three rockets struck Ain al-Asad Air Base in Anbar province on Tuesday, wounding two American soldiers, "
        "the US-led coalition said in a statement. Kata'ib Hezbollah claimed responsibility for the attack in a "
        "message on Telegram. The base hosts several hundred US troops.")
# a tally of attacks with a vague rocket attack hung on it: at most a country and the page's date
VAGUE = ("Iran-backed militias have launched more than 60 attacks on US forces in Iraq and Syria since mid-October, "
         "and a rocket attack hit Iraq in recent weeks.")
# the real strike, then a vague one elsewhere in a paragraph of its own
MIXED = REAL + "\n\nSeparately, a rocket attack hit a base in Syria in recent weeks, a monitor said."
# an account with no date words at all, so only the publication date can date it
NO_DATE_WORDS = ("Two drones targeted a logistics base near Erbil airport, the Kurdistan Region's counter-terrorism "
                 "service said. Nobody was hurt.")


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


def test_a_clearly_real_incident_outranks_an_aggregate_mention() -> None:
    real = extract(REAL, published="2024-03-07", article_id="real")
    vague = extract(VAGUE, published="2024-03-07", article_id="vague")
    assert len(real) == 1 and real[0].place == "Ain al-Asad Air Base"
    assert len(vague) == 1 and vague[0].geo_precision == "country"  # the rules still let it through
    assert real[0].confidence - vague[0].confidence >= 0.25


def test_an_undated_report_is_less_likely_right_than_the_same_report_dated() -> None:
    dated = extract(NO_DATE_WORDS, published="2024-02-02", article_id="dated")
    undated = extract(NO_DATE_WORDS, article_id="undated")
    assert len(dated) == len(undated) == 1
    assert dated[0].date == "2024-02-02" and undated[0].date is None
    assert undated[0].confidence < dated[0].confidence


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
