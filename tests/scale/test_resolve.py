"""Block-parallel resolution gives exactly the serial Resolver's incidents (ids included), on
synthetic reports crowded around quarter edges, where a wrong cut would show."""
from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from attackwatch.resolve.cluster import Resolver
from attackwatch.resolve.keys import ReportKey, report_key
from attackwatch.scale.resolve import blocks, resolve_in_blocks

PLACES = [("IQ", "IQ-AN", "ain_al_asad", "site"), ("IQ", "IQ-AN", None, "admin1"), ("IQ", "IQ-AR", "erbil", "town"),
          ("IQ", "IQ-AR", "harir", "site"), ("SY", "SY-DZ", "conoco", "site"), ("SY", "SY-HS", "tanf", "site"),
          ("SY", None, None, "country"), ("IQ", None, None, "country"), (None, None, None, "country")]
WEAPONS = ["rocket", "drone", "missile", "unknown", "ied"]
ACTORS = [None, "Kata'ib Hezbollah", "Islamic Resistance in Iraq", "Harakat al-Nujaba"]
EDGES = [date(2023, 12, 30), date(2024, 3, 30), date(2024, 6, 29), date(2024, 9, 29)]


def synthetic_reports(seed: int, n_articles: int = 220) -> list[ReportKey]:
    rnd = random.Random(seed)
    keys = []
    for a in range(n_articles):
        outlet = f"outlet{rnd.randrange(6)}"
        for n in range(rnd.choice([1, 1, 1, 2, 3])):
            day = rnd.choice(EDGES) + timedelta(days=rnd.randrange(-2, 5))
            precision = rnd.choices(["day", "week", "month", None], weights=[8, 1, 1, 1])[0]
            value = None if precision is None else (day.strftime("%Y-%m") if precision == "month" else day.isoformat())
            country, admin1, place, geo = rnd.choice(PLACES)
            report = {"article_id": f"a{a}", "date": value, "date_precision": precision, "country_code": country,
                      "admin1_code": admin1, "place_id": place, "geo_precision": geo, "weapon": rnd.choice(WEAPONS),
                      "actor": rnd.choice(ACTORS), "target_type": rnd.choice(["military_base", "convoy", "other"]),
                      "evidence": [{"text": f"{rnd.choice(WEAPONS)} attack near {place or country} {rnd.randrange(3)}"}]}
            keys.append(report_key(report, f"a{a}#{n}", outlet))
    return keys


def serial(keys: list[ReportKey]) -> dict[str, list[str]]:
    resolver = Resolver()
    resolver.add_all(keys)
    return {cid: sorted(rids) for cid, rids in resolver.groups().items()}


@pytest.mark.parametrize("seed", range(8))
def test_blocks_give_the_serial_incidents(seed: int) -> None:
    keys = synthetic_reports(seed)
    expected = serial(keys)
    got = {cid: sorted(rids) for cid, rids in resolve_in_blocks(keys).items()}
    assert got == expected
    assert any(len(r) > 1 for r in expected.values())  # reports really were merged
    assert len(blocks(keys)) > 4  # and the work really was cut up


def test_a_run_across_a_quarter_edge_stays_in_one_block() -> None:
    def key(rid: str, day: str, precision: str = "day") -> ReportKey:
        return report_key({"article_id": rid, "date": day, "date_precision": precision, "country_code": "IQ",
                           "weapon": "rocket"}, rid + "#0", rid)

    keys = [key("a", "2024-03-30"), key("b", "2024-03-31"), key("c", "2024-04-01"), key("d", "2024-04-05"),
            key("e", "2024-04-06"), key("f", "2024-03", "month")]
    got = {block: sorted(k.id for k in ks) for block, ks in blocks(keys).items()}
    # the month-long telling reaches every day of March and April 1: one run from March 1 to April 1
    assert got == {("IQ", "2024Q1"): ["a#0", "b#0", "c#0", "f#0"], ("IQ", "2024Q2"): ["d#0", "e#0"]}
