"""Incident places geocoded to the right first-level area, through the public API.

Each case is a short article reporting one incident; the report's admin1_code and
country_code must match (admin1 None for a country-level area like "northeastern Syria").
"""
from __future__ import annotations

import pytest


PUB = "2024-02-05"

CASES = [
    # Anbar: three spellings of Ain al-Asad
    pytest.param("Two rockets landed inside Ain al-Assad air base in western Iraq on Tuesday, a coalition "
                 "spokesman said.", "IQ-AN", "IQ", id="ain-al-assad"),
    pytest.param("A drone struck al-Asad airbase late on Saturday, Iraqi security officials said.",
                 "IQ-AN", "IQ", id="al-asad-airbase"),
    pytest.param("Mortars were fired at a base in Makhmour dist, Irbil, on Friday.", "IQ-AR", "IQ",
                 id="district-comma-province"),
    pytest.param("US jets struck militia depots on Friday in the Syrian border town of Albu Kamal, facing Qaim "
                 "on the Iraqi side.", "SY-DY", "SY", id="facing-a-town-across-the-border"),
    pytest.param("Militants fired several rockets at Ain al-Asad on Sunday; most fell outside the perimeter.",
                 "IQ-AN", "IQ", id="ain-al-asad"),
    # Erbil
    pytest.param("An explosive-laden drone was shot down near Harir base north of Erbil on Friday.",
                 "IQ-AR", "IQ", id="harir"),
    pytest.param("Three drones targeted US forces at Erbil airport overnight, the Kurdistan Region's "
                 "counterterrorism service said.", "IQ-AR", "IQ", id="erbil-airport"),
    # Baghdad
    pytest.param("Two Katyusha rockets hit near Baghdad airport on Monday night, police said.",
                 "IQ-BG", "IQ", id="baghdad-airport"),
    pytest.param("A rocket landed near BIAP on Sunday, damaging a parked vehicle.",
                 "IQ-BG", "IQ", id="biap"),
    pytest.param("Fifteen rockets struck Camp Taji north of Baghdad on Wednesday, killing two Americans "
                 "and a British soldier.", "IQ-BG", "IQ", id="camp-taji"),
    pytest.param("Rockets fell on the Victory base complex, which hosts US troops, early on Tuesday.",
                 "IQ-BG", "IQ", id="victory-base"),
    # Syria
    pytest.param("A drone attack targeted the al-Tanf garrison in southern Syria on Friday, the Pentagon said.",
                 "SY-HI", "SY", id="al-tanf"),
    pytest.param("Militants fired rockets at the Conoco gas field, where US troops are based, on Saturday.",
                 "SY-DY", "SY", id="conoco"),
    pytest.param("A rocket attack hit the Green Village base in eastern Syria on Sunday.",
                 "SY-DY", "SY", id="green-village"),
    pytest.param("Two drones attacked US forces at Rumalan on Wednesday, a monitor said.",
                 "SY-HA", "SY", id="rumalan"),
    pytest.param("A drone struck the US base at Shaddadi on Thursday, causing minor damage.",
                 "SY-HA", "SY", id="shaddadi"),
    pytest.param("US warplanes struck weapons depots near Albukamal in eastern Syria early on Friday.",
                 "SY-DY", "SY", id="albukamal"),
    pytest.param("US aircraft hit a weapons storage facility used by the IRGC in Mayadin on Thursday.",
                 "SY-DY", "SY", id="mayadin"),
    # Jordan
    pytest.param("A one-way attack drone hit Tower 22, a small US outpost in Jordan near the Syrian border, "
                 "on Sunday, killing three US soldiers.", "JO-MA", "JO", id="tower-22"),
    # Babil / Qadisiyah / Nineveh
    pytest.param("US aircraft struck facilities used by Kata'ib Hezbollah in Jurf al-Sakhar, south of "
                 "Baghdad, on Tuesday.", "IQ-BB", "IQ", id="jurf-al-sakhar"),
    pytest.param("A roadside bomb hit a convoy carrying supplies for the US-led coalition in Babylon "
                 "province on Monday.", "IQ-BB", "IQ", id="babylon-province"),
    pytest.param("An IED exploded as a logistics convoy passed through the province of al-Diwaniyah on Tuesday.",
                 "IQ-QA", "IQ", id="province-of-diwaniyah"),
    pytest.param("A drone attack targeted a base housing coalition advisers near Zummar, northwest of Mosul, "
                 "on Saturday.", "IQ-NI", "IQ", id="zummar"),
    # a road told by its two ends, a clock told by its city: one spot, and not the city
    pytest.param("A roadside bomb hit a coalition supply convoy on the highway linking Samawah and Nasiriyah on "
                 "Monday.", "IQ-MU", "IQ", id="road-linking-two-towns"),
    pytest.param("A convoy carrying coalition equipment was struck by an explosive device on the Basra-Nasiriyah "
                 "highway on Monday.", "IQ-BA", "IQ", id="road-named-by-ends"),
    pytest.param("At about 6:30 p.m. (Baghdad time) on Monday, rockets were fired at Ain al-Asad air base.",
                 "IQ-AN", "IQ", id="city-of-a-clock"),
    pytest.param("A drone struck US forces stationed in northeast Jordan near the Syria border on Sunday.",
                 "JO-MA", "JO", id="border-of-a-country"),
    pytest.param("Three drones were launched on Thursday at the al-Tanf garrison near Syria's borders with Iraq and "
                 "Jordan.", "SY-HI", "SY", id="borders-with-two-countries"),
    pytest.param("Sources told Kurdistan 24 that rockets hit Balad air base north of Baghdad on Sunday.",
                 "IQ-SD", "IQ", id="news-channel-named-for-a-region"),
    pytest.param("US jets struck two sites near Albukamal used by Iran-backed groups to attack American troops in "
                 "Iraq, the Pentagon said on Friday.", "SY-DY", "SY", id="purpose-clause-lends-no-place"),
    pytest.param("Militants used a drone to attack Ain al-Asad air base on Monday.", "IQ-AN", "IQ",
                 id="used-a-drone-to-attack-is-the-event"),
    pytest.param("A roadside bomb hit a coalition convoy near the city of Samawah, some 280 kilometres southeast of "
                 "the capital Baghdad, on Thursday.", "IQ-MU", "IQ", id="southeast-of-the-capital"),
    # country-level area
    pytest.param("Drones targeted US forces in northeastern Syria on Wednesday, a US official said.",
                 None, "SY", id="northeastern-syria"),
    # a hotel or street named after a province is no place of the incident
    pytest.param("A rocket landed near the Babylon Hotel in Baghdad on Tuesday, police said.",
                 "IQ-BG", "IQ", id="babylon-hotel-in-baghdad"),
    pytest.param("A bomb went off on Basra Street in Baghdad on Tuesday as a contractor convoy passed.",
                 "IQ-BG", "IQ", id="basra-street-in-baghdad"),
    # "at it": the one site the sentence before names
    pytest.param("Ain al-Asad has long been a target. Iran fired a dozen ballistic missiles at it in January 2020.",
                 "IQ-AN", "IQ", id="fired-at-it-the-site-named-before"),
]


def _where(r):
    return r.admin1_code, r.country_code


@pytest.mark.parametrize("text, admin1_code, country_code", CASES)
def test_incident_place(text, admin1_code, country_code, extract):
    reports = extract(text, published=PUB, article_id="t")
    assert [_where(r) for r in reports] == [(admin1_code, country_code)], [r.place for r in reports]
    if admin1_code is None:
        assert reports[0].admin1 is None


def test_three_provinces_three_reports(extract):
    text = "On Monday, roadside bombs hit convoys in Dhi Qar, Babil and Salahuddin, security sources said."
    reports = extract(text, published=PUB, article_id="t")
    assert sorted(r.admin1_code for r in reports) == ["IQ-BB", "IQ-DQ", "IQ-SD"]
    assert {r.country_code for r in reports} == {"IQ"}


@pytest.mark.parametrize("town, site, inside", [
    pytest.param("erbil", "erbil-airport", True, id="erbil-airport-in-erbil"),
    pytest.param("al-qaim", "ain-al-asad", False, id="ain-al-asad-is-not-in-al-qaim"),
])
def test_a_town_holds_only_the_sites_near_it(town, site, inside):
    from attackwatch.extraction.places import contains
    from attackwatch.packs import get_pack

    pack = get_pack()
    assert contains(pack.places[town], pack.places[site], pack) is inside


def test_the_us_embassy_told_without_its_city_is_the_one_in_the_articles_country(extract):
    """"The attack on the US embassy last week" in an article about Iraq is the embassy in Baghdad
    (pack.json's us_embassy_by_country); a US strike is never placed at it."""
    text = ("Rockets hit Camp Taji north of Baghdad on Monday, the army said. The Pentagon said the militia also "
            "attacked the US embassy last week.")
    reports = extract(text, published=PUB, article_id="t")
    assert sorted(r.place for r in reports) == ["Camp Taji", "US Embassy Baghdad"]
