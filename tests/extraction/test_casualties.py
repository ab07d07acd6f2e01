"""Killed / injured counts in a clause (extraction/casualties.py), plus the explicit-zero and
uncounted-injury conventions of EVENTS.md checked through the public API."""
from __future__ import annotations

import pytest

from attackwatch.extraction.casualties import casualties_in

CASES = [
    # --- digits and words ---------------------------------------------------------------
    pytest.param("The drone killed three Americans and wounded 40 others at the outpost.", 3, 40,
                 id="killed-words-wounded-digits-others"),
    pytest.param("Three American soldiers were killed and 47 others were wounded.", 3, 47,
                 id="passive-killed-and-wounded"),
    pytest.param("Two civilians were killed when a rocket fell short of the airport.", 2, None,
                 id="two-civilians-killed"),
    pytest.param("The strike killed 25 members of Kata'ib Hezbollah near the border.", 25, None,
                 id="killed-members-of"),
    pytest.param("Seven Kata'ib Hezbollah fighters were killed in the overnight raids.", 7, None,
                 id="named-group-fighters-killed"),
    pytest.param("Twenty-five fighters were killed and fifty-five were wounded, the PMF said.", 25, 55,
                 id="hyphenated-number-words"),
    pytest.param("Four people were injured when the drone hit the residential complex.", None, 4,
                 id="people-injured"),
    pytest.param("An American contractor was killed and six service members were injured.", 1, 6,
                 id="an-contractor-killed"),
    pytest.param("The attack wounded a US contractor at the base.", None, 1,
                 id="wounded-a-contractor"),
    pytest.param("A woman was wounded when shrapnel hit her house near the airport.", None, 1,
                 id="a-woman-wounded"),
    pytest.param("Five rockets were fired at the base, wounding two soldiers.", None, 2,
                 id="rockets-then-wounding-two"),
    # --- "at least N" -> N --------------------------------------------------------------
    pytest.param("At least 34 US service members were injured in the attack.", None, 34,
                 id="at-least-injured"),
    pytest.param("The airstrikes killed at least 17 fighters, a monitor said.", 17, None,
                 id="killed-at-least"),
    pytest.param("The death toll from the strikes rose to 31, the monitor said.", 31, None,
                 id="death-toll-rose-to"),
    pytest.param("The blast left eight people wounded near the gate.", None, 8,
                 id="left-people-wounded"),
    pytest.param("Eleven US service members suffered traumatic brain injuries in the strike.", None, 11,
                 id="suffered-brain-injuries"),
    # --- numbers that are not casualties --------------------------------------------------
    pytest.param("Five rockets landed near the base, the coalition said.", None, None,
                 id="five-rockets"),
    pytest.param("The militia fired two drones and three rockets at the airport.", None, None,
                 id="drones-and-rockets"),
    pytest.param("The base hosts about 2,500 US troops and several hundred contractors.", None, None,
                 id="troop-numbers"),
    pytest.param("It was the third attack in two days on the base.", None, None,
                 id="ordinal-and-days"),
    pytest.param("The strike targeted two commanders of the group in a car near the airport.", None, None,
                 id="targeted-two-commanders"),
    # --- coordinated counts and named lists of dead ----------------------------------------
    pytest.param("The bomb killed four soldiers and three policemen at the checkpoint.", 7, None,
                 id="soldiers-and-policemen"),
    pytest.param("Seven people, including three women and four children, were killed.", 7, None,
                 id="count-with-appositive-breakdown"),
    pytest.param("The raid killed Hamid Jasim and his driver near the farm.", 2, None, id="named-and-his-driver"),
    pytest.param("The strike killed Hamid Jasim, Karim Salman and three others on the road.", 5, None,
                 id="named-list-and-others"),
    pytest.param("The strike killed Hamid Jasim, a field commander of the brigade, along with two of his guards.",
                 3, None, id="named-with-appositive-and-guards"),
    pytest.param("The strike killed Hamid Jasim in his car.", 1, None, id="one-name"),
    pytest.param("The strike killed Kata'ib Hezbollah fighters near the border.", None, None, id="group-no-count"),
    pytest.param("The attack killed two guards and wounded an additional five.", 2, 5, id="an-additional-five"),
    pytest.param("The blast wounded four Americans, one of them a contractor.", None, 4, id="subset-not-added"),
    pytest.param("Three members of the border guard have been wounded in the shelling.", None, 3,
                 id="members-of-wounded"),
    pytest.param("One guard was killed and three critically wounded at the gate.", 1, 3, id="critically-wounded"),
    pytest.param("The roadside bomb injured the driver of the lead truck.", None, 1, id="injured-the-driver"),
    pytest.param("Hamid Jasim, the brigade commander killed alongside his deputy Karim Salman, was buried on Friday.",
                 2, None, id="killed-alongside-name"),
    pytest.param("Hamid Jasim, who led the brigade, and his deputy Karim Salman, were killed in the strike.",
                 2, None, id="name-and-his-deputy-were-killed"),
    # names joined by "and" after a killing, each with its own aside
    pytest.param("The strike killed General Hamid Jasim, who led the brigade, and Karim Salman, his deputy.", 2, None,
                 id="two-names-with-asides"),
    pytest.param("The assassination of militia commander Hamid Jasim and Badr Brigade deputy Karim Salman shook the city.",
                 2, None, id="assassination-of-two-named"),
    pytest.param("The strike killed Hamid Jasim on Tuesday and wounded Karim Salman.", 1, None,
                 id="second-name-wounded-not-killed"),
    pytest.param("The strike killed Iraqi soldiers and wounded others.", None, None, id="nationality-is-no-name"),
    pytest.param("A drone strike killed a top Iranian general in Baghdad.", 1, None, id="a-general"),
    # a count the sentence denies is no count ("No one was hurt" is not one injured)
    pytest.param("No one was hurt in the blast.", None, None, id="no-one-is-not-one"),
    pytest.param("Not one soldier was wounded, the army said.", None, None, id="not-one-soldier"),
    pytest.param("One soldier was hurt in the blast.", None, 1, id="one-soldier-hurt"),
]


@pytest.mark.parametrize("text, killed, injured", CASES)
def test_casualties_in(text, killed, injured):
    c = casualties_in(text)
    assert (c.killed, c.injured) == (killed, injured)


# Conventions that the pipeline (cue matcher) applies, checked end to end.
ARTICLE_CASES = [
    pytest.param("Three rockets hit Ain al-Asad air base on Tuesday, causing no casualties, the coalition said.",
                 0, 0, id="no-casualties-is-zero"),
    pytest.param("A drone struck Harir base on Friday. Several soldiers suffered minor injuries, a US official said.",
                 None, None, id="minor-injuries-uncounted"),
    # negated harm in its many shapes (EVENTS.md: provisional and partial statements count)
    pytest.param("Two rockets hit Victory base on Monday. There were no reported injuries or fatalities.",
                 0, 0, id="no-reported-injuries-or-fatalities"),
    pytest.param("Two rockets hit Victory base on Monday. Neither injuries nor fatalities were reported.",
                 0, 0, id="neither-injuries-nor-fatalities"),
    pytest.param("Two rockets hit Victory base on Monday. No immediate reports of casualties came from the base.",
                 0, 0, id="no-immediate-reports-of-casualties"),
    pytest.param("A drone hit the Conoco base on Monday and caused no causalities, the SDF said.",
                 0, 0, id="misspelt-causalities"),
    pytest.param("A drone hit the Conoco base on Monday. The strike led to no losses among the staff.",
                 0, 0, id="no-human-or-material-losses"),
    pytest.param("A drone hit the Conoco base on Monday. The blast left no coalition troops injured.",
                 0, 0, id="left-no-personnel-injured"),
    pytest.param("A drone hit the Conoco base on Monday. There were no reported fatalities.",
                 0, None, id="no-reported-fatalities-killed-only"),
    pytest.param("Seven people, among them three contractors and four soldiers, were killed when rockets struck "
                 "Victory base on Sunday.", 7, None, id="count-across-clause-cuts"),
    pytest.param("A drone hit the Conoco base on Monday. The Pentagon gave no casualty figures.",
                 None, None, id="no-casualty-figures-is-not-zero"),
    pytest.param("Rockets hit Victory base on Monday, the army said. No one was hurt.",
                 0, 0, id="no-one-hurt-own-sentence"),
    pytest.param("US troops at the Conoco field came under rocket fire on Monday but escaped injury.",
                 0, 0, id="escaped-injury"),
    pytest.param("A drone hit Harir base on Monday. The Pentagon said the attack only caused material damage.",
                 0, 0, id="only-material-damage"),
    pytest.param("A drone hit Harir base on Monday, causing material damage, the ministry said.",
                 None, None, id="material-damage-alone-says-nothing-of-people"),
    # the sentence right after the telling counts its harm when it names nothing else
    pytest.param("Rockets hit Victory base on Monday, the army said. One soldier was wounded.",
                 None, 1, id="toll-in-next-sentence"),
    pytest.param("Rockets hit Victory base on Monday, the army said. Two Iraqi soldiers were killed.",
                 2, None, id="killed-in-next-sentence"),
    pytest.param("Rockets hit Victory base on Monday, the army said. In January, three soldiers were killed in Jordan.",
                 None, None, id="next-sentence-with-own-place-and-date-is-not-the-toll"),
]


@pytest.mark.parametrize("text, killed, injured", ARTICLE_CASES)
def test_casualty_conventions(text, killed, injured, extract):
    reports = extract(text, published="2024-01-20", article_id="t")
    assert len(reports) == 1
    assert (reports[0].killed, reports[0].injured) == (killed, injured)


# interception (EVENTS.md): true only when every projectile is stopped; a partial one is false
INTERCEPT_CASES = [
    pytest.param("Four rockets were fired at Ain al-Asad on Monday; all were intercepted.", True,
                 "Disrupted weapons use", id="all-intercepted"),
    pytest.param("Four rockets were fired at Ain al-Asad on Monday. Three of the four rockets were intercepted.",
                 False, "Shelling/artillery/missile attack", id="three-of-four"),
    pytest.param("Drones attacked the Tanf garrison on Friday; the coalition repelled all but one drone.", False,
                 "Air/drone strike", id="all-but-one"),
    pytest.param("A drone hit the Conoco base on Friday, while coalition forces shot down another drone over it.",
                 False, "Air/drone strike", id="while-another-shot-down"),
    pytest.param("Two drones struck the Conoco base on Friday without being intercepted by its air defences.",
                 False, "Air/drone strike", id="without-being-intercepted"),
    pytest.param("Rockets were launched toward the US embassy in Baghdad on Sunday. One was brought down by its air defence.",
                 False, "Shelling/artillery/missile attack", id="one-was-intercepted"),
    pytest.param("Three rockets hit Camp Taji on Friday; two were intercepted by the base's defences.", False,
                 "Shelling/artillery/missile attack", id="fewer-stopped-than-flew"),
    pytest.param("Three rockets were fired at Camp Taji on Friday, and three were intercepted by the base's defences.",
                 True, "Disrupted weapons use", id="as-many-stopped-as-flew"),
    # foiled before anything flew or went off (EVENTS.md): Disrupted weapons use, intercepted null
    pytest.param("Police found four rockets primed and aimed at Ain al-Asad air base on Monday, the army said.", None,
                 "Disrupted weapons use", id="rockets-found-primed"),
    pytest.param("A roadside bomb planted on the road used by coalition convoys near Samawah was defused by police on "
                 "Monday.", None, "Disrupted weapons use", id="ied-defused-on-convoy-route"),
    pytest.param("The army said it had prevented a Katyusha rocket attack on the Green Zone on Monday.", None,
                 "Disrupted weapons use", id="rocket-attack-prevented"),
    pytest.param("Kurdish forces said they thwarted a drone attack on the Conoco base on Monday.", True,
                 "Disrupted weapons use", id="drone-attack-thwarted-is-intercepted"),
]


@pytest.mark.parametrize("text, intercepted, event_type", INTERCEPT_CASES)
def test_interception(text, intercepted, event_type, extract):
    reports = extract(text, published="2024-01-20", article_id="t")
    assert len(reports) == 1, [(r.place, r.event_type) for r in reports]
    assert (reports[0].intercepted, reports[0].event_type) == (intercepted, event_type)
