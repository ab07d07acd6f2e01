"""Perpetrator names resolved to the canonical actor of the registry, through the public API."""
from __future__ import annotations

import pytest


PUB = "2024-02-05"
KH = "Kata'ib Hezbollah"

CASES = [
    # aliases of one militia
    pytest.param("Kataib Hezbollah fired rockets at Ain al-Asad air base on Sunday.", KH, id="kataib-hezbollah"),
    pytest.param("Kata'ib Hizballah launched a drone at the US base in Harir on Friday, the group said.", KH,
                 id="kataib-hizballah"),
    pytest.param("The Hezbollah Brigades claimed a rocket attack on Victory base near Baghdad airport on Tuesday.",
                 KH, id="hezbollah-brigades"),
    pytest.param("Harakat al-Nujaba claimed a drone strike on the al-Tanf garrison on Wednesday.",
                 "Harakat al-Nujaba", id="harakat-al-nujaba"),
    pytest.param("Fighters from al-Nujaba fired two rockets at the Conoco base on Saturday, the group said.",
                 "Harakat al-Nujaba", id="al-nujaba"),
    pytest.param("Kataib Sayyid al-Shuhada said it fired a drone at Erbil airport on Thursday.",
                 "Kata'ib Sayyid al-Shuhada", id="kataib-sayyid-al-shuhada"),
    # the umbrella, and a front claiming under it
    pytest.param("The Islamic Resistance in Iraq said it attacked the US base at Shaddadi with a drone on Thursday.",
                 "Islamic Resistance in Iraq", id="islamic-resistance-in-iraq"),
    pytest.param("The Islamic Resistance in Iraq \u2013 Ashab al-Kahf claimed a rocket attack on Harir base on Monday.",
                 "Ashab al-Kahf", id="front-after-umbrella-dash"),
    pytest.param("Ashab al-Kahf, one of the factions of the Islamic Resistance in Iraq, said it launched a drone "
                 "at Ain al-Asad on Friday.", "Ashab al-Kahf", id="front-with-umbrella-apposition"),
    # a state striking back
    pytest.param("US forces struck two facilities used by Kata'ib Hezbollah in Jurf al-Sakhar on Tuesday, "
                 "the Pentagon said.", "United States", id="us-forces-struck"),
    pytest.param("US aircraft carried out airstrikes on militia weapons depots near Albukamal on Friday.",
                 "United States", id="us-aircraft-airstrikes"),
    # a group the registry does not know, introduced by the text
    pytest.param("A group calling itself 'Thar al-Muhandis Brigade' claimed a rocket attack on Baghdad airport "
                 "on Monday.", "Thar al-Muhandis Brigade", id="unlisted-group-calling-itself"),
    pytest.param("A previously unknown group calling itself 'Qabdat al-Mahdi' said it planted the roadside bomb "
                 "that hit a coalition supply convoy in Dhi Qar on Sunday.", "Qabdat al-Mahdi",
                 id="unlisted-group-roadside-bomb"),
    # generic descriptions are no actor
    pytest.param("Iran-backed militias fired rockets at the US embassy in Baghdad on Sunday.", None,
                 id="generic-iran-backed-militias"),
    pytest.param("Suspected Iran-backed militants launched a drone at Erbil airport on Monday.", None,
                 id="generic-iran-backed-militants"),
    # what is fought, what a group is affiliated with, and states in a relation are no perpetrators
    pytest.param("Three rockets struck Camp Taji on Saturday, a spokesman for the alliance against Islamic State "
                 "(IS, formerly ISIS) told reporters.", None, id="coalition-against-islamic-state-with-aliases"),
    pytest.param("Two rockets struck a base housing troops fighting Islamic State militants in Hasakah on Monday.",
                 None, id="troops-fighting-islamic-state"),
    pytest.param("Two rockets struck the Balad air base on Sunday, amid rising tensions between the United States "
                 "and Iran.", None, id="tensions-between-us-and-iran"),
    pytest.param("Rockets hit the Green Zone on Tuesday. Iran has not commented publicly on the attack.",
                 None, id="iran-as-speaker"),
    pytest.param("A roadside bomb hit a supply convoy in Babil on Monday, according to a Telegram account close to "
                 "the Popular Mobilization Forces.", None, id="channel-associated-with-pmf"),
    pytest.param("On Friday coalition air defences shot down two drones approaching the Tanf garrison.", None,
                 id="interceptor-is-no-attacker"),
    pytest.param("Two drones were shot down at Baghdad airport on Monday, an attack that fell on the anniversary "
                 "of the 2020 US killing of an Iranian general.", None, id="anniversary-of-us-killing"),
    # a known attack named as an event carries no militia the text does not name (no outside knowledge)
    pytest.param("Officials recalled the Camp Taji rocket attack as rockets hit Camp Taji again on Saturday.",
                 None, id="landmark-gives-no-militia"),
    pytest.param("Rockets hit Victory base on Monday, an attack that was blamed on pro-Iran factions.", None,
                 id="pro-iran-is-a-modifier"),
    # an official accusation names the actor
    pytest.param("Rockets hit Victory base near Baghdad airport on Sunday. US officials pointed to Kata'ib "
                 "Hezbollah.", KH, id="officials-pointed-to"),
    pytest.param("A drone hit Victory base near Baghdad airport on Tuesday, where the alliance fighting ISIS keeps "
                 "advisers. In a statement, the group said the base was hit.", None,
                 id="the-group-is-not-what-is-fought"),
    pytest.param("Harakat al-Nujaba fighters fired a drone at Victory base near Baghdad airport on Tuesday. In a "
                 "statement on Telegram, the hardline pro-Iranian organization said it had hit the base.",
                 "Harakat al-Nujaba", id="the-organization-points-back"),
]


@pytest.mark.parametrize("text, actor", CASES)
def test_actor(text, actor, extract):
    reports = extract(text, published=PUB, article_id="t")
    assert len(reports) == 1, [(r.place, r.actor) for r in reports]
    assert reports[0].actor == actor


def test_a_later_sentence_points_back_to_the_group_that_acted(extract):
    """"they also targeted ...", "the resistance fighters also attacked ...": the group named before."""
    text = ("Kata'ib Sayyid al-Shuhada said on Friday that its fighters hit the Harir base with a drone. "
            "Hours later, they also targeted the Rumalan landing zone in Syria with rockets.")
    reports = extract(text, published=PUB, article_id="t")
    assert [r.actor for r in reports] == ["Kata'ib Sayyid al-Shuhada"] * 2, [(r.place, r.actor) for r in reports]


def test_sentence_finder_agrees_with_a_scan_of_the_clauses():
    """actor_roles finds a name's sentence by bisect over an incident's clauses (told, absorbed and
    inherited: unordered, some twice); it must give what a scan for the first clause holding the
    offset gives, for every offset, including those in no listed clause."""
    import random
    from datetime import date

    from attackwatch.extraction.actors import _sentence_finder
    from attackwatch.extraction.annotate import annotate

    text = ("Rockets hit Ain al-Asad air base on Monday, officials said, after a drone struck Erbil. "
            "Kataib Hezbollah claimed the attack.\n\nA US airstrike killed two fighters near Qaim on Tuesday, "
            "according to the group, which vowed revenge. CENTCOM confirmed the strike.")
    segs = [seg for s in annotate(text, date(2024, 2, 5)).sentences for seg in s.segments]
    rng = random.Random(5)
    for _ in range(20):
        some = rng.sample(segs, rng.randint(1, len(segs)))
        some += rng.sample(some, rng.randint(0, len(some)))  # a clause told and absorbed
        rng.shuffle(some)
        sentence_of = _sentence_finder(some)
        for pos in range(len(text) + 1):
            scanned = next((s.sent for s in some if s.start <= pos < s.end), None)
            assert sentence_of(pos) == scanned, pos
