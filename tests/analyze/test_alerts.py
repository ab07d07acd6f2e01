"""Each alert rule on synthetic series with known answers, and the thresholds file/overrides."""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from attackwatch.analyze.alerts import compute_alerts
from attackwatch.analyze.thresholds import load_thresholds

from .synthetic import incident

MONDAY = date(2024, 1, 1)  # a Monday


def weekly(counts: list[int], site: int = 0, prefix: str = "w") -> list[dict[str, Any]]:
    """counts[i] incidents in week i (on its Tuesday, Wednesday, ...), all at one site."""
    out = []
    for week, n in enumerate(counts):
        for k in range(n):
            day = MONDAY + timedelta(weeks=week, days=1 + k % 6)
            out.append(incident(f"{prefix}{week:02d}_{k}", day.isoformat(), site=site))
    return out


def surges(records: list[dict[str, Any]], **settings: Any) -> list[dict[str, Any]]:
    overrides = [f"surge.{k}={json.dumps(v)}" for k, v in settings.items()]
    th = load_thresholds(overrides=overrides)
    as_of = max(date.fromisoformat(r["date"]) for r in records)
    return [a.to_dict() for a in compute_alerts(records, th, as_of=as_of, rules=["surge"])]


def test_surge_fires_exactly_at_the_threshold() -> None:
    # previous four weeks 1,1,2,2: mean 1.5, factor 2 -> threshold 3; a week of 3 fires, of 2 does not
    alerts = surges(weekly([1, 1, 2, 2, 3]), factor=2, min_count=1, baseline_weeks=4, scopes=["country"])
    (a,) = alerts
    assert a["numbers"]["count"] == 3 and a["numbers"]["baseline_mean"] == 1.5 and a["numbers"]["threshold"] == 3.0
    assert a["numbers"]["previous_counts"] == [1, 1, 2, 2]
    assert a["scope"] == {"country": "IQ"} and a["window"] == {"from": "2024-01-29", "to": "2024-02-04"}
    assert a["incidents"] == ["w04_0", "w04_1", "w04_2"]
    assert a["date"] == "2024-02-01"  # the day of the third incident, which reached the threshold
    assert surges(weekly([1, 1, 2, 2, 2]), factor=2, min_count=1, scopes=["country"]) == []


def test_surge_threshold_is_exact_not_floating_point() -> None:
    # 1.1 x 10 is 11.000000000000002 in floating point; the rule compares exact fractions, so 11 fires
    alerts = surges(weekly([10, 10, 10, 10, 11]), factor=1.1, min_count=1, scopes=["country"])
    assert [a["numbers"]["count"] for a in alerts] == [11]
    assert surges(weekly([10, 10, 10, 10, 10]), factor=1.1, min_count=1, scopes=["country"]) == []


def test_surge_needs_the_minimum_count_and_full_baseline_weeks() -> None:
    # from a zero baseline any count meets factor x 0; min_count decides
    assert surges(weekly([0, 0, 0, 0, 2]) + weekly([1], prefix="x"), min_count=3, scopes=["country"]) == []
    (a,) = surges(weekly([1, 0, 0, 0, 3]), min_count=3, scopes=["country"])
    assert a["numbers"]["baseline_mean"] == 0.25 and a["numbers"]["count"] == 3
    # the first baseline_weeks weeks of the data have no full baseline: never fire
    assert surges(weekly([5, 5, 9]), min_count=1, scopes=["country"]) == []


def test_surge_per_admin1() -> None:
    # Anbar (site 0) steady, Erbil (site 1) jumps: only Erbil's admin1 fires
    records = weekly([2, 2, 2, 2, 2], site=0, prefix="an") + weekly([1, 0, 1, 0, 4], site=1, prefix="er")
    alerts = surges(records, factor=2, min_count=3, scopes=["admin1"])
    assert [(a["scope"], a["numbers"]["count"]) for a in alerts] == [({"admin1": "IQ-AR"}, 4)]


def test_resumption_after_a_lull_names_the_pause() -> None:
    records = [incident("a", "2024-01-01"), incident("b", "2024-01-05"), incident("c", "2024-03-01")]
    th = load_thresholds(overrides=["resumption.min_lull_days=30", 'resumption.scopes=["theatre"]'])
    (a,) = [x.to_dict() for x in compute_alerts(records, th, as_of=date(2024, 3, 1), rules=["resumption"])]
    assert a["date"] == "2024-03-01" and a["incidents"] == ["c"] and a["scope"] == {}
    assert a["numbers"]["lull_days"] == 56 and a["numbers"]["previous_incident"] == "b"
    assert a["window"] == {"from": "2024-01-05", "to": "2024-03-01"}
    assert "first since 2024-01-05 (56 days)" in a["title"]


def test_first_claim_by_a_new_group() -> None:
    records = [incident("old", "2023-01-01", actor="Kata'ib Hezbollah", actor_parent="Islamic Resistance in Iraq",
                        claimed=True),
               incident("att", "2023-03-01", actor="Harakat al-Nujaba", actor_parent="Islamic Resistance in Iraq"),
               incident("new", "2023-03-10", actor="Harakat al-Nujaba", actor_parent="Islamic Resistance in Iraq",
                        claimed=True, weapon="drone"),
               incident("again", "2023-03-20", actor="Harakat al-Nujaba", claimed=True),
               incident("us", "2023-04-01", actor="United States", claimed=True, weapon="airstrike")]
    th = load_thresholds()
    alerts = [a.to_dict() for a in compute_alerts(records, th, as_of=date(2023, 4, 1), rules=["new_actor_claim"])]
    # Kata'ib Hezbollah's claim opens the data (no history yet); a state announcing its strike is not a "group"
    assert [(a["incidents"], a["scope"]["actor"]) for a in alerts] == [(["new"], "Harakat al-Nujaba")]
    assert alerts[0]["numbers"]["earlier_attributed_incidents"] == 1
    assert alerts[0]["title"] == ("First claim by Harakat al-Nujaba (Islamic Resistance in Iraq): drone attack on "
                                  "Ain al-Asad Air Base on 2023-03-10")
    th = load_thresholds(overrides=["new_actor_claim.min_history_days=0", "new_actor_claim.exclude_actor_kinds=[]"])
    alerts = compute_alerts(records, th, as_of=date(2023, 4, 1), rules=["new_actor_claim"])
    assert [a.incidents for a in alerts] == [["old"], ["new"], ["us"]]


def test_first_use_of_a_weapon_at_a_site() -> None:
    records = [incident("r1", "2024-01-01", weapon="rocket"), incident("r2", "2024-02-10", weapon="rocket"),
               incident("u", "2024-02-12", weapon="unknown"), incident("d1", "2024-02-15", weapon="drone"),
               incident("d2", "2024-02-20", weapon="drone"),
               incident("h1", "2024-02-21", site=1, weapon="drone"),  # a site's first incident is not a "new weapon"
               incident("t1", "2024-01-02", site=7, weapon="ied"), incident("t2", "2024-02-22", site=7, weapon="rocket")]
    alerts = [a.to_dict() for a in compute_alerts(records, load_thresholds(), as_of=date(2024, 3, 1),
                                                  rules=["new_weapon_at_site"])]
    (a,) = alerts  # Diwaniyah (site 7) is a town, not a site
    assert a["incidents"] == ["d1"] and a["scope"]["place_id"] == "ain-al-asad"
    assert a["numbers"] == {"weapon": "drone", "earlier_incidents_at_site": 3, "weapons_before": {"rocket": 2, "unknown": 1},
                            "history_days": 45}


def test_casualties_thresholds_and_stated_figures_only() -> None:
    records = [incident("k", "2024-01-28", killed=3, injured=40), incident("none", "2024-01-29", killed=0, injured=0),
               incident("unstated", "2024-01-30"), incident("hurt", "2024-02-01", injured=2)]
    alerts = compute_alerts(records, load_thresholds(), as_of=date(2024, 2, 1), rules=["casualties"])
    assert [a.incidents for a in alerts] == [["k"], ["hurt"]]
    assert alerts[0].title == "3 killed, 40 injured at Ain al-Asad Air Base on 2024-01-28"
    th = load_thresholds(overrides=["casualties.min_injured=5"])
    assert [a.incidents for a in compute_alerts(records, th, as_of=date(2024, 2, 1), rules=["casualties"])] == [["k"]]


def test_since_limits_to_new_alerts_and_as_of_makes_them_reproducible() -> None:
    records = [incident("k1", "2024-01-10", killed=1), incident("k2", "2024-02-10", killed=1),
               incident("k3", "2024-03-10", killed=1)]
    th = load_thresholds()
    dated = lambda **kw: [a.date.isoformat() for a in compute_alerts(records, th, rules=["casualties"], **kw)]  # noqa: E731
    assert dated() == ["2024-01-10", "2024-02-10", "2024-03-10"]
    assert dated(since=date(2024, 2, 1)) == ["2024-02-10", "2024-03-10"]
    assert dated(as_of=date(2024, 2, 15)) == ["2024-01-10", "2024-02-10"]
    first = [a.to_dict() for a in compute_alerts(records, th, as_of=date(2024, 2, 15))]
    assert first == [a.to_dict() for a in compute_alerts(list(reversed(records)), th, as_of=date(2024, 2, 15))]


def test_thresholds_file_and_flags(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"surge": {"factor": 3}}))
    th = load_thresholds(path, ["surge.min_count=5"])
    assert th["surge"]["factor"] == 3 and th["surge"]["min_count"] == 5 and th["surge"]["baseline_weeks"] == 4
    with pytest.raises(ValueError, match="unknown setting surge.fator"):
        load_thresholds(overrides=["surge.fator=3"])
    with pytest.raises(ValueError, match="unknown rule 'surges'"):
        load_thresholds(overrides=["surges.factor=3"])
    with pytest.raises(ValueError, match="surge.min_count must be int"):
        load_thresholds(overrides=["surge.min_count=many"])
    path.write_text("{not json")
    with pytest.raises(ValueError, match="mine.json: not valid JSON"):
        load_thresholds(path)
