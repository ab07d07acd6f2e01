"""Sentences that report no incident (threats, plans, hypotheticals, aggregates, routine
descriptions, negations), and real incidents reported right next to such clauses."""
from __future__ import annotations

import pytest


PUB = "2024-02-05"

NO_REPORT = [
    pytest.param("Since late October, there have been 24 rocket attacks on the US embassy in Baghdad or on bases where "
                 "foreign troops are deployed.", id="there-have-been-n-attacks-is-a-tally"),
    pytest.param("In a briefing after the strikes on Friday, a general said the targets were chosen with care.",
                 id="a-mention-of-the-strikes-is-no-incident"),
    # threats and plans
    pytest.param("Kata'ib Hezbollah warned that it will strike US bases in Iraq if the occupation continues.",
                 id="threat-will-strike"),
    pytest.param("The Islamic Resistance in Iraq threatened to attack American forces in Syria.",
                 id="threatened-to-attack"),
    pytest.param("Militia leaders said they are planning new attacks on US bases in Anbar.",
                 id="planning-attacks"),
    pytest.param("The United States is prepared to strike Iran-backed groups in Iraq if the attacks continue, "
                 "Austin said.", id="us-prepared-to-strike"),
    pytest.param("Biden vowed to respond to any attack on American personnel at a time and place of his choosing.",
                 id="vowed-to-respond"),
    # hypotheticals
    pytest.param("If US troops remain in Iraq, the factions would target them with drones, a commander said.",
                 id="if-would"),
    pytest.param("Analysts warned that the militias could fire rockets at the US embassy in Baghdad at any time.",
                 id="could-fire"),
    pytest.param("Officials fear that a drone could hit Erbil airport during the holiday.",
                 id="fear-could-hit"),
    # aggregates and routine
    pytest.param("US and coalition forces have been attacked more than 150 times in Iraq and Syria since "
                 "October 17, according to the Pentagon.", id="aggregate-150-times"),
    pytest.param("There have been at least 60 rocket and drone attacks on US troops in Iraq and Syria since "
                 "mid-October.", id="aggregate-at-least-60"),
    pytest.param("Attacks on US forces in Iraq and Syria have become routine since the war in Gaza began.",
                 id="routine"),
    pytest.param("Washington has blamed Kata'ib Hezbollah for dozens of rocket attacks on its forces in Iraq "
                 "and Syria since October.", id="aggregate-dozens-blamed"),
    # a count sweeps its whole sentence: the clauses after it list parts of the count
    pytest.param("Coalition sites in Syria have faced 120 attacks since last November, including 30 attacks on "
                 "the Conoco gas field base and 25 attacks on al-Tanf.", id="count-then-breakdown"),
    pytest.param("Since the Gaza war began last October, American troops have been targeted at least 90 times in "
                 "Iraq and Syria, mostly with rockets and one-way attack drones.", id="since-war-count-weapons"),
    pytest.param("Since October 7, armed factions have struck bases in Iraq and Syria hosting US soldiers, and "
                 "Washington has answered with airstrikes.", id="since-date-generic"),
    # attacks on bases in general: a bare plural, no date, no count, no named site
    pytest.param("Washington has accused the group of firing rockets at bases hosting US troops.",
                 id="accused-of-firing-at-bases"),
    pytest.param("The police said the group raided was Kata'ib Hezbollah, which US officials accuse of firing rockets "
                 "at bases housing American forces.", id="accusation-lends-no-weapon"),
    pytest.param("The regional president described the targeting of facilities hosting foreign forces as reckless.",
                 id="targeting-of-facilities"),
    # negations and pauses
    pytest.param("No attacks on US forces were reported on Sunday, the Pentagon said.",
                 id="no-attacks-reported"),
    pytest.param("The Pentagon said there had been no new attacks on US bases in Iraq over the weekend.",
                 id="no-new-attacks"),
    pytest.param("Kata'ib Hezbollah announced on Tuesday that it was suspending military operations against "
                 "US forces in Iraq.", id="suspending-operations"),
    # trends are aggregates
    pytest.param("Rocket attacks on the Green Zone surged last month as talks on the US withdrawal stalled.",
                 id="attacks-surged"),
    pytest.param("Drone strikes against US bases in Syria have steadily declined since the spring.",
                 id="strikes-declined"),
    pytest.param("US forces in Iraq and Syria have been attacked with drones and rockets 16 times between "
                 "October 17 and 26, the Pentagon said on Thursday.", id="n-times-between-two-dates"),
    # violence in the theatre between other parties
    pytest.param("Ankara launched two operations in northern Iraq against the PKK on June 14 and June 16.",
                 id="turkish-operation-against-the-pkk"),
    # descriptions
    pytest.param("Ain al-Asad air base in western Iraq hosts US and other international troops.",
                 id="base-description"),
]

ONE_REPORT = [
    pytest.param("The group launched drones at US bases around al-Tanf, the Pentagon said.",
                 id="bases-named-are-not-bases-in-general"),
    pytest.param("Two US soldiers were killed when a drone hit a base in Jordan on Sunday, the first American "
                 "deaths from hostile fire since the Gaza war began.", id="first-deaths-since-war"),
    pytest.param("US troops have come under attack 60 times since October 17; on Monday two drones struck the "
                 "Harir base in Erbil.", id="count-then-dated-incident"),
    pytest.param("The strikes hit Abu Kamal late on Friday in answer to the August 15 attacks on US forces.",
                 id="day-number-is-not-a-count"),
    pytest.param("Kata'ib Hezbollah has vowed to keep attacking US forces. On Sunday, a drone struck the US base "
                 "at Shaddadi.", id="vow-then-incident"),
    pytest.param("The Islamic Resistance in Iraq threatened more attacks, hours after it launched two drones at "
                 "Ain al-Asad air base on Tuesday.", id="threat-hours-after-incident"),
    pytest.param("The militias have warned they will escalate; on Thursday, three rockets hit Victory base near "
                 "Baghdad airport.", id="warning-semicolon-incident"),
    pytest.param("There have been more than 150 attacks on US forces since October 17, the latest on Monday, when "
                 "a rocket landed at Harir base.", id="aggregate-then-latest"),
    pytest.param("Despite repeated threats to target US forces, the only attack this week was a drone launched "
                 "at al-Tanf on Wednesday, which was shot down.", id="despite-threats-one-attack"),
]


@pytest.mark.parametrize("text", NO_REPORT)
def test_no_report(text, extract):
    reports = extract(text, published=PUB, article_id="t")
    assert reports == [], [(r.event_type, r.place, r.evidence[0].text if r.evidence else None) for r in reports]


@pytest.mark.parametrize("text", ONE_REPORT)
def test_exactly_one_report(text, extract):
    reports = extract(text, published=PUB, article_id="t")
    assert len(reports) == 1, [(r.event_type, r.place, r.date) for r in reports]


def test_violence_between_other_parties_is_kept_when_asked(extract):
    text = "Turkish jets struck PKK positions in northern Iraq on Sunday, the Turkish defence ministry said."
    assert extract(text, published=PUB, article_id="t") == []
    kept = extract(text, published=PUB, article_id="t", any_theatre=True)
    assert [r.actor for r in kept] == ["Turkey"]
