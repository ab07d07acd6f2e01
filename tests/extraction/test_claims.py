"""`claimed` (the perpetrator's own statement) vs `confirmation` (an official side other
than the claimant), per the coding conventions of EVENTS.md, through the public API.

`...` in the table: that field is not checked for the case.
"""
from __future__ import annotations

import pytest


PUB = "2024-02-05"
KH = "Kata'ib Hezbollah"
IRI = "Islamic Resistance in Iraq"
US = "United States"

CASES = [
    # --- claims --------------------------------------------------------------------------
    pytest.param("Kata'ib Hezbollah claimed responsibility for a drone attack on Ain al-Asad air base on Tuesday.",
                 KH, True, "not_mentioned", id="claimed-responsibility"),
    pytest.param("The Islamic Resistance in Iraq said in a statement that it targeted the US base at Harir with "
                 "a drone on Friday.", IRI, True, "not_mentioned", id="said-in-statement"),
    pytest.param("A rocket hit a logistics hub at Baghdad airport on Monday. No group has claimed responsibility "
                 "for the attack.", None, False, ..., id="no-group-claimed"),
    pytest.param("US officials blamed Kata'ib Hezbollah for the rocket attack on Camp Taji on Wednesday.",
                 KH, False, ..., id="blamed-is-not-claimed"),
    pytest.param("The Pentagon said US forces struck two facilities in eastern Syria used by the IRGC and "
                 "affiliated groups on Thursday.", US, True, "not_mentioned", id="pentagon-said-us-struck"),
    pytest.param("US Central Command said American aircraft carried out airstrikes on three Kata'ib Hezbollah "
                 "sites in Jurf al-Sakhar on Wednesday.", US, True, "not_mentioned", id="centcom-said-us-airstrikes"),
    # --- confirmation by another official side -----------------------------------------------
    pytest.param("Three rockets struck Ain al-Asad air base on Sunday, CENTCOM confirmed.",
                 ..., False, "confirmed", id="centcom-confirmed"),
    pytest.param("The Iraqi military confirmed that two Katyusha rockets landed in the Green Zone on Sunday.",
                 ..., False, "confirmed", id="iraqi-military-confirmed"),
    pytest.param("A Pentagon spokesman said US forces at al-Tanf came under drone attack on Friday and that "
                 "no one was hurt.", ..., False, "confirmed", id="pentagon-spokesman-said-attack"),
    pytest.param("Harakat al-Nujaba claimed a rocket attack on Victory base on Monday, which the Pentagon "
                 "confirmed.", "Harakat al-Nujaba", True, "confirmed", id="claimed-and-confirmed"),
    # an unnamed official confirms nothing (EVENTS.md, confirmation)
    pytest.param("Harakat al-Nujaba claimed a rocket attack on Victory base on Monday, which a US defense "
                 "official confirmed.", "Harakat al-Nujaba", True, "not_mentioned", id="claimed-unnamed-official"),
    pytest.param("The Islamic Resistance in Iraq claimed a drone attack on Erbil airport on Thursday. The "
                 "Pentagon has not confirmed the attack.", IRI, True, "unconfirmed", id="pentagon-not-confirmed"),
    pytest.param("Kata'ib Hezbollah said it fired rockets at the Conoco base on Saturday, but the coalition "
                 "denied that any attack took place.", KH, True, "denied", id="coalition-denied"),
    # --- unofficial sources ----------------------------------------------------------------
    pytest.param("A drone hit Harir base on Sunday, security sources said.",
                 None, False, "not_mentioned", id="security-sources"),
    pytest.param("A roadside bomb struck a coalition supply convoy in Dhi Qar on Tuesday, local media reported.",
                 None, False, "not_mentioned", id="local-media"),
    pytest.param("Two rockets fell near the US base at Shaddadi on Wednesday, a war monitor said.",
                 None, False, "not_mentioned", id="war-monitor"),
    pytest.param("Two rockets fell near the US base at Shaddadi on Wednesday, the Syrian Observatory for Human "
                 "Rights said.", None, False, "not_mentioned", id="sohr"),
    pytest.param("A drone struck the Conoco base in Deir ez-Zor on Monday, a US military official said.",
                 None, False, "not_mentioned", id="a-us-military-official"),
    pytest.param("A drone struck the Conoco base in Deir ez-Zor on Monday, two Iraqi security officials said.",
                 None, False, "not_mentioned", id="two-security-officials"),
    pytest.param("A drone struck the Conoco base in Deir ez-Zor on Monday, US officials said, speaking on "
                 "condition of anonymity.", None, False, "not_mentioned", id="officials-anonymity"),
    pytest.param("Rockets hit Victory base near Baghdad airport on Sunday, Iraqi army sources said.",
                 None, False, "not_mentioned", id="army-sources"),
    pytest.param("Rockets hit Victory base near Baghdad airport on Sunday. The coalition declined to comment.",
                 None, False, "not_mentioned", id="declined-to-comment"),
    # --- named official sides ----------------------------------------------------------------
    pytest.param("An explosive drone was shot down near Erbil airport on Wednesday night, the Kurdistan "
                 "counter-terrorism directorate said.", None, False, "confirmed", id="kurdistan-ct"),
    pytest.param("Six rockets fell near Erbil airport on Tuesday evening. The Kurdistan Regional Government "
                 "blamed an outlaw faction in a later statement.", None, False, "confirmed", id="krg-blamed"),
    pytest.param("A drone hit the Omar oil field base on Friday, the Syrian Democratic Forces said.",
                 None, False, "confirmed", id="sdf-said"),
    pytest.param("Rockets hit Victory base near Baghdad airport on Sunday. No group claimed it, but Washington "
                 "has blamed Kata'ib Hezbollah.", KH, False, "confirmed", id="official-blame-is-actor-and-confirms"),
    pytest.param("Iran fired ballistic missiles at Ain al-Asad air base on Wednesday, the Pentagon said.",
                 "Iran", False, "confirmed", id="state-accused-has-not-claimed"),
    pytest.param("A US drone strike hit a militia headquarters in Baghdad on Thursday. The Iraqi government, under "
                 "pressure from its allies, condemned the aggression.", US, False, "confirmed",
                 id="government-condemned"),
    pytest.param("US jets struck Kata'ib Hezbollah near al-Qaim on Sunday. According to Pentagon spokesman Pat "
                 "Ryder, the targets were two depots and a command post.", US, True, ..., id="own-statement-about-targets"),
    pytest.param("A rocket attack on the air base at Erbil airport late on Monday killed a contractor, the US-led "
                 "coalition said.", None, False, "confirmed", id="the-coalition-said-verb-inside-the-cue"),
    pytest.param("A convoy carrying coalition equipment was hit by a roadside bomb in Babil on Monday, the Cell said.",
                 None, False, "confirmed", id="the-cell-said"),
    pytest.param("A roadside bomb struck a British embassy convoy in Baghdad on Tuesday. The Foreign, Commonwealth "
                 "and Development Office said the attack caused no injuries.", None, False, "confirmed", id="uk-foreign-office"),
    pytest.param("Rockets hit the Green Village base in Syria on Monday. \"Attacks like this put civilians at risk,\" "
                 "the commander of CJTF-OIR said in a statement.", None, False, "confirmed",
                 id="attacks-like-this-said-cjtf-oir"),
    pytest.param("A drone attack killed three US soldiers at Tower 22 in Jordan on Sunday. President Biden said the "
                 "attack was carried out by militias backed by Iran.", None, False, "confirmed", id="president-biden-said"),
    pytest.param("Rockets killed three coalition personnel at Camp Taji on Wednesday. The attack is under "
                 "investigation by the Coalition and Iraqi Security Forces.", None, False, "confirmed",
                 id="under-investigation-by-the-coalition"),
    pytest.param("CJTF-OIR can confirm at approx. 2343hrs Sunday Coalition forces at Erbil AB were attacked by 2 UAS.",
                 None, False, "confirmed", id="can-confirm-uas-at-erbil-ab"),
    pytest.param("A bomb hit a convoy near Nasiriyah on Monday. The Iraqi military denied that any attack took "
                 "place, while CENTCOM said it was looking into the reports.", None, False, "denied",
                 id="looking-into-reports-is-no-confirmation"),
    # two states striking together: the one named first is coded
    pytest.param("US and British jets struck Kata'ib Hezbollah weapons depots near Karbala on Friday.",
                 US, False, ..., id="us-and-british-jets"),
    # the words before a name are read no further back than its sentence
    pytest.param("Ain al-Asad has long been a target. Iran fired a dozen ballistic missiles at the base on Tuesday.",
                 "Iran", False, ..., id="target-in-the-sentence-before-is-no-role"),
]


@pytest.mark.parametrize("text, actor, claimed, confirmation", CASES)
def test_claim_and_confirmation(text, actor, claimed, confirmation, extract):
    reports = extract(text, published=PUB, article_id="t")
    assert len(reports) == 1, [(r.place, r.actor) for r in reports]
    r = reports[0]
    got = (r.actor if actor is not ... else ..., r.claimed,
           r.confirmation if confirmation is not ... else ...)
    assert got == (actor, claimed, confirmation)


# an official side that answers an attack with a strike has confirmed it (EVENTS.md, confirmation)
ANSWERED = [
    pytest.param("Militants fired rockets at Ain al-Asad air base on Tuesday, to which the US responded with "
                 "airstrikes near al-Qaim on Wednesday.", "confirmed", id="to-which-the-us-responded"),
    pytest.param("Militants fired rockets at Ain al-Asad air base on Tuesday. In response, US jets struck militia "
                 "positions near al-Qaim on Wednesday.", "confirmed", id="in-response-next-sentence"),
    pytest.param("Militants fired rockets at Ain al-Asad air base on Tuesday. US jets struck militia positions "
                 "near al-Qaim on Wednesday.", "not_mentioned", id="a-strike-not-said-to-answer"),
    pytest.param("Two drones attacked the Harir base on Wednesday, according to the Kurdistan Region's Directorate "
                 "General of Counter Terrorism.", "confirmed", id="directorate-general-of-counter-terrorism"),
    pytest.param("Three rockets hit Victory base on Tuesday, the third falling near the headquarters of the Counter "
                 "Terrorism Service Command, a security source said.", "not_mentioned", id="ct-building-is-no-speaker"),
    pytest.param("Three US soldiers were killed in a drone attack at Tower 22 on Sunday. The White House blamed the militia "
                 "and vowed a response.", "confirmed", id="blamed-and-vowed-a-response"),
    pytest.param("Rockets hit Camp Taji on Wednesday. US jets struck depots on Thursday, hours after top US defense leaders "
                 "threatened retaliation for the Wednesday rocket attack.", "confirmed", id="threatened-retaliation-for"),
]


@pytest.mark.parametrize("text, confirmation", ANSWERED)
def test_answered_attack_is_confirmed(text, confirmation, extract):
    reports = extract(text, published=PUB, article_id="t")
    attack = next(r for r in reports if r.actor != US)
    assert attack.confirmation == confirmation
