"""The grown gazetteer and actor registry through the public API: a town or group spelled
another way gives the same place/admin1 (or actor), and stoplisted words never become places.

Sentences are our own. Each variant spelling below is produced by a rule or a package, not
listed by hand in the pack (see tools/build_places.py and packs/default/spellings.jsonl).
"""
from __future__ import annotations

import pytest

PUB = "2024-02-05"


def _one(extract, text: str):  # type: ignore[no-untyped-def]
    reports = extract(text, published=PUB)
    assert len(reports) == 1, [r.to_dict() for r in reports]
    return reports[0].to_dict()


# (spelling A, spelling B, admin1_code): "A rocket hit X" gives the same place and admin1 for both
SAME_PLACE = [
    pytest.param("al-Bukamal", "Alboukamal", "SY-DY", id="article-joined-ou"),
    pytest.param("Diwaniyah", "Diwaniyeh", "IQ-QA", id="iya-ending"),
    pytest.param("Dhi Qar province", "Thi Kar province", "IQ-DQ", id="dh-th-q-k"),
    pytest.param("al-Mayadin", "el-Mayadeen", "SY-DY", id="el-ee-i"),
    pytest.param("al-Shaddadi", "ash-Shadadi", "SY-HA", id="sun-letter-doubled"),
    pytest.param("Fallujah", "Falujah", "IQ-AN", id="doubled-consonant"),
    pytest.param("Rutbah", "Routba", "IQ-AN", id="ah-a-ou"),
    pytest.param("Khanaqin", "Khaneqin", "IQ-DI", id="geonames-alternate"),
    pytest.param("Khan Shaykhun", "Khan Shaykhoun", "SY-ID", id="generated-town"),
]


@pytest.mark.parametrize("a,b,admin1", SAME_PLACE)
def test_two_spellings_give_one_place(extract, a: str, b: str, admin1: str) -> None:
    ra = _one(extract, f"Two rockets struck a US position in {a} on Sunday, security officials said.")
    rb = _one(extract, f"Two rockets struck a US position in {b} on Sunday, security officials said.")
    assert ra["admin1_code"] == rb["admin1_code"] == admin1
    assert ra["place"] == rb["place"]
    assert (ra["latitude"], ra["longitude"]) == (rb["latitude"], rb["longitude"])


# English words and people's names that are also towns in GeoNames: no place, so the
# sentence's only place (the country) is the report's place
NOT_PLACES = [
    pytest.param("Rockets hit a base in Iraq on Sunday after the dare by Sadr supporters.", id="sadr-dare"),
    pytest.param("A drone hit a US base in Iraq on Sunday; Hamza and Salman were wounded.", id="person-names"),
    pytest.param("A rocket hit a US base in Syria on Sunday near the market, a Tell report said.", id="tell"),
    pytest.param("Rockets hit a US base in Iraq on Sunday, the Duma was told.", id="duma"),
]


@pytest.mark.parametrize("text", NOT_PLACES)
def test_stoplisted_words_are_not_places(extract, text: str) -> None:
    r = _one(extract, text)
    assert r["geo_precision"] == "country", r["place"]


# a front's name spelled another way still names it
SAME_ACTOR = [
    pytest.param("Saraya Awlia al-Dam", "Saraya Awliya al-Dam", id="awliya"),
    pytest.param("Kataeb Hizballah", "Kata'ib Hezbollah", id="kataib-hizballah"),
    pytest.param("Katayib Hizbullah", "Kata'ib Hezbollah", id="katayib-hizbullah"),
    pytest.param("Tashkeel al-Warithin", "Tashkil al-Waritheen", id="waritheen"),
    pytest.param("Sarayat Tha'r al-Muhandis", "Saraya Thar al-Muhandis", id="thar-al-muhandis"),
    pytest.param("Saraya Qasem al-Jabbareen", "Qasim al-Jabbarin", id="qasim-al-jabbarin"),
    pytest.param("Osbat al-Thaireen", "Usbat al-Thaereen", id="usbat"),
    pytest.param("Qabdat al-Hoda", "Qabdat al-Huda", id="qabdat-al-huda"),
]


@pytest.mark.parametrize("spelled,actor", SAME_ACTOR)
def test_front_spellings_name_the_front(extract, spelled: str, actor: str) -> None:
    r = _one(extract, f"{spelled} claimed a roadside bomb attack on a US-led coalition supply convoy "
                      f"in Diwaniyah province on Sunday.")
    assert r["actor"] == actor
    assert r["claimed"] is True
