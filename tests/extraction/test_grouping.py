"""How an article's tellings group into incidents: one target told by a site within a site,
a compass area that fits the one precise incident, "a similar incident on <date>", landmark
events named without a date, the event answered by a strike, air defences, and the places
an operation hit listed after it. Sentences are our own."""
from __future__ import annotations

import pytest

CASES = [
    pytest.param("2020-11-18", "Four Katyusha rockets landed in Baghdad's Green Zone on Tuesday night, police said. "
                 "One of them fell close to the US embassy compound, the embassy said.",
                 [("2020-11-17", "rocket")], id="site-within-site"),
    pytest.param("2023-01-21", "Several drones targeted an American base in southern Syria, Central Command said.\n\n"
                 "The attack on the al-Tanf garrison happened on Friday and involved three drones, two of which were "
                 "shot down.", [("2023-01-20", "drone")], id="compass-area-fits-one-site"),
    pytest.param("2025-07-14", "A drone laden with explosives was shot down near Erbil International Airport on "
                 "Monday. A similar incident on July 3 was blamed on a militia.",
                 [("2025-07-03", "drone"), ("2025-07-14", "drone")], id="a-similar-incident"),
    pytest.param("2020-02-01", "Five days after Soleimani's killing, Iran fired ballistic missiles at Ain al-Asad "
                 "air base in Anbar.", [("2020-01-08", "missile")], id="landmark-offset"),
    pytest.param("2023-03-25", "US aircraft struck militia depots near Mayadin on Friday in response to Tuesday's "
                 "rocket attack on the Green Village base.",
                 [("2023-03-21", "rocket"), ("2023-03-24", "airstrike")], id="event-answered"),
    pytest.param("2022-08-25", "Rockets hit the Green Village base in Syria on Wednesday, wounding a soldier. The "
                 "rocket attack came the day after US forces carried out airstrikes on militia depots near Mayadin.",
                 [("2022-08-23", "airstrike"), ("2022-08-24", "rocket")], id="the-day-after"),
    pytest.param("2024-01-26", "A drone targeting Harir air base was shot down on Thursday. The attack comes days "
                 "after militants fired rockets at the Ain al-Asad base in Anbar, injuring a soldier.",
                 [("2024-01", "rocket"), ("2024-01-25", "drone")], id="days-after"),
    pytest.param("2024-08-13", "A drone attack in Syria lightly injured several US troops, according to a Pentagon "
                 "statement released on Monday. The attack happened on Friday at the Rumalyn Landing Zone.",
                 [("2024-08-09", "drone")], id="day-told-and-day-it-happened"),
    pytest.param("2020-09-16", "Two Katyusha rockets aimed at the Green Zone just after midnight on Tuesday were "
                 "intercepted by air defences, the Security Media Cell said.", [("2020-09-15", "rocket")],
                 id="intercepted-is-told"),
    pytest.param("2020-10-01", "Six rockets landed near Erbil International Airport on Wednesday evening, the "
                 "Kurdistan Region's interior ministry said. The rockets were launched from the direction of Bartella, "
                 "a small town in Nineveh province.", [("2020-09-30", "rocket")], id="launch-point-in-a-province"),
    pytest.param("2023-11-09", "The counter-terrorism service reported on Thursday that Harir air base was targeted by two "
                 "drones. The base was attacked at 11:30 pm last night, the statement said.",
                 [("2023-11-08", "drone")], id="reported-on-thursday-attacked-last-night"),
    pytest.param("2021-03-16", "Three Iraqi soldiers were hurt when rockets struck an air base just north of Baghdad, "
                 "officials said.\n\nThe attack with four rockets on Monday hit the runway of Balad air base, where "
                 "US contractors had worked.", [("2021-03-15", "rocket")], id="base-north-of-a-city-then-named"),
    pytest.param("2021-03-16", "A roadside bomb hit a convoy on the highway west of Ramadi on Monday. Earlier this month "
                 "a drone struck a hangar at Ain al-Asad air base.",
                 [("2021-03", "drone"), ("2021-03-15", "ied")], id="near-a-city-but-another-weapon-and-day"),
    pytest.param("2021-03-16", "Rockets hit a base near Erbil, police said.\n\nThe attack on Monday caused no "
                 "casualties.", [("2021-03-15", "rocket")], id="the-attack-on-monday-dates-the-lede"),
    pytest.param("2020-11-18", "Rockets hit the Green Zone in Baghdad, police said. The rocket attack appeared to "
                 "end a truce declared in October by the factions.", [("2020-11-18", "rocket")],
                 id="truce-declared-in-october-dates-no-attack"),
    pytest.param("2023-11-09", "Two drones struck Harir air base in Erbil on Wednesday night, the counter-terrorism "
                 "service said.\n\nThe region's interior minister said on Thursday that the attacks by armed factions on "
                 "bases hosting coalition forces in Syria and Iraq undermine the fight against ISIS.",
                 [("2023-11-08", "drone")], id="the-attacks-in-syria-and-iraq-said-on-thursday"),
    pytest.param("2021-09-12", "A drone attack hit near US forces at Erbil airport late on Saturday, Kurdish officials "
                 "said.\n\nThe region's security council, of which the governor is a member, initially said two rockets had "
                 "landed near the airport. A later statement said explosive-laden drones were used.",
                 [("2021-09-11", "drone")], id="initially-said-rockets-then-drones"),
    pytest.param("2021-02-26", "On February 15, rockets struck Erbil airport, wounding a contractor.\n\nUS jets struck "
                 "militia buildings in eastern Syria on Thursday. After the airstrikes the defence secretary said the "
                 "site was used by the militants behind the strikes, meaning the February 15 rocket attack.",
                 [("2021-02-15", "rocket"), ("2021-02-25", "airstrike")], id="the-february-15-rocket-attack"),
    pytest.param("2020-01-13", "Rockets struck Balad air base north of Baghdad on Sunday, wounding four Iraqi "
                 "airmen.\n\nAccording to military sources, the mortar bombs fell on the airbase's runway.",
                 [("2020-01-12", "rocket")], id="rockets-then-mortar-bombs-on-the-runway"),
    pytest.param("2024-01-28", "Three US soldiers were killed in a drone attack on Tower 22 in Jordan on Sunday, "
                 "officials said.\n\nPresident Biden said in a statement: \"Last night, three U.S. service members were "
                 "killed during a drone attack on our forces stationed in northeast Jordan.\"",
                 [("2024-01-28", "drone")], id="last-night-in-the-morning-statement"),
    pytest.param("2024-02-06", "Katyusha rockets wounded four Iraqi airmen at Balad air base on Sunday.",
                 [("2024-02-04", "rocket")], id="rockets-wounded-is-an-attack"),
    pytest.param("2024-02-06", "A roadside bomb killed two contractors driving a coalition supply truck near Diwaniyah on "
                 "Monday.", [("2024-02-05", "ied")], id="a-roadside-bomb-killed-is-an-attack"),
    pytest.param("2023-10-19", "An armed drone was downed near Ain al-Asad air base in Anbar on Wednesday, officials said.",
                 [("2023-10-18", "drone")], id="a-drone-was-downed"),
    pytest.param("2020-03-12", "Camp Taji has come under rocket fire again, with three Katyusha "
                 "rockets landing inside the base on Wednesday.", [("2020-03-11", "rocket")],
                 id="has-come-under-rocket-fire"),
    pytest.param("2024-07-30", "Mission Support Site Euphrates was attacked again on July 26 and 27 with more rockets.",
                 [("2024-07-26", "rocket"), ("2024-07-27", "rocket")], id="one-site-on-two-days"),
    pytest.param("2024-07-30", "Rockets hit Ain al-Asad air base on July 26 and 3 drones struck Harir air base.",
                 [("2024-07-26", "drone"), ("2024-07-26", "rocket")], id="and-a-count-is-not-a-second-day"),
    pytest.param("2024-10-02", "Two rockets were fired at Victory Base near Baghdad airport on Tuesday; Patriot "
                 "missiles and the C-RAM system intercepted them.", [("2024-10-01", "rocket")], id="air-defence"),
    # a weapon that was hit is no weapon of the attack: launchers destroyed by a strike
    pytest.param("2022-08-26", "US aircraft struck militants near Mayadin on Thursday. Officials said four militants were "
                 "killed and ten rocket launchers destroyed.", [("2022-08-25", "airstrike")],
                 id="launchers-destroyed-are-targets"),
    pytest.param("2024-01-09", "A US air strike on a rocket launcher late on Monday foiled an attack on Ain al-Asad air base.",
                 [("2024-01-08", "airstrike")], id="strike-on-a-launcher"),
    pytest.param("2022-08-26", "US forces struck militants near Mayadin on Thursday with AH-64 attack helicopters.",
                 [("2022-08-25", "airstrike")], id="attack-helicopters"),
    pytest.param("2024-01-09", "Militants struck the base with rockets near Mayadin on Monday.",
                 [("2024-01-08", "rocket")], id="struck-with-rockets-is-the-weapon"),
    # "the same <adjective> city": another attack at the place just told
    pytest.param("2021-07-30", "A roadside bomb hit a supply convoy near Samawah on Thursday, a police source said. Soon "
                 "after, another roadside bomb struck a fuel truck close to the same Iraqi city, wounding its driver.",
                 [("2021-07-29", "ied"), ("2021-07-29", "ied")], id="another-at-the-same-iraqi-city"),
    # the attack a strike answers, told after "after" with no date of its own: the strike's day
    pytest.param("2023-11-22", "A US AC-130J gunship struck an Iran-backed militant group on Tuesday after the group "
                 "fired a ballistic missile at Ain al-Asad air base.", [("2023-11-21", "airstrike"), ("2023-11-21", "missile")],
                 id="attack-answered-after-is-the-strike-day"),
    # a strike the text calls a drone strike is `drone`, a US one too (EVENTS.md, weapon); the
    # militias' drones named beside a state's strike are not its weapon
    pytest.param("2024-02-08", "A US drone strike killed a militia commander in Baghdad on Wednesday.",
                 [("2024-02-07", "drone")], id="us-drone-strike-is-drone"),
    pytest.param("2024-02-08", "US jets struck drone storage sites near al-Qaim on Wednesday.",
                 [("2024-02-07", "airstrike")], id="strike-on-drone-sites-is-airstrike"),
    # the site in focus recalled on another date is another (background) incident there
    pytest.param("2024-02-10", "Drones attacked Harir air base on Friday. It was also attacked in May.",
                 [("2023-05", "unknown"), ("2024-02-09", "drone")], id="it-was-also-attacked-in-may"),
    pytest.param("2020-01-10", "Rockets hit the K-1 air base near Kirkuk on Monday. That was the same place struck on "
                 "December 27, when a US contractor was killed.", [("2019-12-27", "unknown"), ("2020-01-06", "rocket")],
                 id="the-same-place-struck-on-a-date"),
    pytest.param("2024-02-10", "Drones attacked Harir air base on Friday. It was attacked by two drones, officials said.",
                 [("2024-02-09", "drone")], id="it-was-attacked-same-day-is-the-same-incident"),
    # a sentence that opens by counting days from the incident in focus is dated by it
    pytest.param("2020-03-20", "Rockets hit Camp Taji on 11 March 2020, killing three soldiers. The next day, US jets "
                 "struck weapons depots in Karbala.", [("2020-03-11", "rocket"), ("2020-03-12", "airstrike")],
                 id="the-next-day"),
    pytest.param("2020-03-20", "Rockets hit Camp Taji on 11 March 2020, killing three soldiers. Two days later, US jets "
                 "struck weapons depots in Karbala.", [("2020-03-11", "rocket"), ("2020-03-13", "airstrike")],
                 id="two-days-later"),
    pytest.param("2020-03-20", "Rockets hit Camp Taji on 11 March 2020. Hours later, US jets struck weapons depots in Karbala.",
                 [("2020-03-11", "airstrike"), ("2020-03-11", "rocket")], id="hours-later-same-day"),
    # a well-known killing told in a side clause is its own event, dated by the landmarks pack,
    # and its dead are not the other event's
    pytest.param("2021-03-05", "Iran fired a dozen ballistic missiles at Ain al-Asad in January 2020, days after the "
                 "United States killed General Qassem Soleimani in Baghdad.",
                 [("2020-01", "missile"), ("2020-01-03", "airstrike")], id="killing-told-in-a-side-clause"),
    # the toll told right after, beside a name, is still the toll
    pytest.param("2021-02-28", "On February 15, missiles struck a base hosting coalition forces at Erbil airport. Two "
                 "people were killed, one of them a contractor working with the coalition.",
                 [("2021-02-15", "missile")], id="toll-next-sentence-beside-a-name"),
    # "since <month>, when ...": the event the date names, told in its own clause
    pytest.param("2024-07-31", "US jets struck a drone launch site near Mayadin on Tuesday. It was the first US strike "
                 "in Syria since April, when a coalition aircraft struck a rocket launcher near Albukamal.",
                 [("2024-04", "airstrike"), ("2024-07-30", "airstrike")], id="since-april-when"),
    # "a series of rockets" is one barrage, "a series of attacks" many incidents
    pytest.param("2020-03-13", "On March 11 a series of rockets hit Camp Taji north of Baghdad, killing three soldiers.",
                 [("2020-03-11", "rocket")], id="a-series-of-rockets-is-a-barrage"),
    # a sentence that opens by answering the incident just told is another event, dated as it is;
    # "dozens of American troops" wounded is a toll, not an aggregate of attacks
    pytest.param("2020-08-12", "In January, an American drone strike killed a top Iranian general in Baghdad. Tehran "
                 "responded with a ballistic missile attack that wounded dozens of American troops at a base in Iraq.",
                 [("2020-01", "drone"), ("2020-01", "missile")], id="answer-opening-the-next-sentence"),
    # "within a week, following ...": the event followed is of the week before the incident in focus
    pytest.param("2024-08-10", "A drone attack on Friday wounded several US troops at the Rumalyn Landing Zone in Syria. "
                 "It was the second attack on US forces within a week, following a rocket strike on Ain al-Asad air base "
                 "that injured four service members.", [("2024-08-05", "rocket"), ("2024-08-09", "drone")],
                 id="within-a-week-following"),
    # an attack on "two bases" none of which is named is two attacks (EVENTS.md, how many reports)
    pytest.param("2020-01-13", "Rockets hit Balad air base on Sunday, wounding four soldiers. The attack came just days "
                 "after Iran fired ballistic missiles at two bases in Iraq that house US forces.",
                 [("2020-01", "missile"), ("2020-01", "missile"), ("2020-01-12", "rocket")], id="two-unnamed-bases"),
    # "reports of another rocket attack": yet another, the one being reported
    pytest.param("2020-01-13", "Rockets hit Balad air base on Sunday, wounding four soldiers. The minister said he was "
                 "outraged by reports of another rocket attack on an Iraqi airbase.",
                 [("2020-01-12", "rocket")], id="reports-of-another-attack"),
    # an air strike and a drone strike told in one town on one day are one strike told two ways;
    # "Palestine Street" is no country
    pytest.param("2024-01-05", "An aerial bombardment on Thursday killed a militia commander at a headquarters on "
                 "Palestine Street in eastern Baghdad, police said. A security source added that the headquarters in "
                 "Baghdad was hit by an unidentified drone.", [("2024-01-04", "airstrike")], id="airstrike-and-drone-one-town"),
    # the places of an operation of strikes told after it belong to the strikes, not to the attack
    # they answered, told just before
    pytest.param("2020-03-13", "US jets struck militia sites in Iraq on Thursday. The strikes came hours after leaders "
                 "threatened retaliation for the Wednesday rocket attack. Officials said Karbala and Jurf al-Sakhar were "
                 "two of the locations.", [("2020-03-11", "rocket"), ("2020-03-12", "airstrike"), ("2020-03-12", "airstrike")],
                 id="two-of-the-locations-are-the-strikes"),
    # "missiles fired as revenge for the January 3 killing": the date is the killing's, not the missiles'
    pytest.param("2020-01-09", "Iran fired missiles at Ain al-Asad air base on Wednesday. Iranian state TV said Tehran fired "
                 "dozens of missiles at the base as revenge for the January 3 killing of its general.",
                 [("2020-01-03", "unknown"), ("2020-01-08", "missile")], id="as-revenge-for-a-dated-killing"),
    # "the attack on December 27th" told after the strike of January 2 takes nothing of it
    pytest.param("2020-01-03", "A US drone strike killed a general at Baghdad airport on Thursday, the Pentagon said. He had "
                 "orchestrated attacks on coalition bases in Iraq, including the attack on December 27th that killed an "
                 "American contractor, it added.",
                 [("2019-12-27", "unknown"), ("2020-01-02", "drone")], id="anaphor-on-another-day-inherits-nothing"),
]


@pytest.mark.parametrize("published, text, expected", CASES)
def test_grouping(published, text, expected, extract):
    reports = extract(text, published=published, article_id="t")
    assert sorted((r.date, r.weapon) for r in reports) == expected, [(r.date, r.place, r.weapon) for r in reports]


def test_known_operation_told_by_country_is_one_report_per_country(extract):
    text = "The US launched strikes on 85 targets in Syria and Iraq on Friday in answer to the drone attack in Jordan."
    reports = extract(text, published="2024-02-03", article_id="t")
    assert sorted((r.country_code, r.date, r.weapon) for r in reports) == [
        ("IQ", "2024-02-02", "airstrike"), ("SY", "2024-02-02", "airstrike")]


def test_the_answer_told_in_a_relative_clause_is_its_own_strike_at_each_place(extract):
    text = ("Militants fired rockets at the Ain al-Asad base in Anbar on Saturday, injuring a soldier, to which the US "
            "responded with airstrikes on facilities of the militias, mainly Kata'ib Hezbollah, near al-Qaim and "
            "Jurf al-Sakhar.")
    reports = extract(text, published="2024-01-22", article_id="t")
    assert sorted((r.place, r.weapon) for r in reports) == [
        ("Ain al-Asad Air Base", "rocket"), ("Jurf al-Sakhar", "airstrike"), ("al-Qaim", "airstrike")]


def test_a_statement_after_a_strike_split_by_country_speaks_of_each_part(extract):
    text = ("The US launched strikes on 85 targets in Syria and Iraq on Friday.\n\n"
            "The Pentagon said the strikes hit command centres and weapons depots of the Quds Force.")
    reports = extract(text, published="2024-02-03", article_id="t")
    assert sorted((r.country_code, r.claimed) for r in reports) == [("IQ", True), ("SY", True)]


def test_the_answer_to_a_background_event_is_background_and_dated_by_it(extract):
    text = ("A drone targeting US forces at Erbil airport was shot down on Wednesday.\n\n"
            "The attack comes days after the group targeted the Ain al-Asad base, injuring a soldier, to which the US "
            "responded with airstrikes on facilities of the militias, mainly Kata'ib Hezbollah, near al-Qaim.")
    reports = extract(text, published="2024-01-25", article_id="t")
    strike = [r for r in reports if r.weapon == "airstrike"]
    assert [(r.place, r.date, r.background) for r in strike] == [("al-Qaim", "2024-01", True)]


def test_places_of_the_operation_listed_after_it(extract):
    text = ("US jets struck Kata'ib Hezbollah weapons depots in Iraq on Thursday, officials said. "
            "Officials said Karbala and Jurf al-Sakhar were two of the locations.")
    reports = extract(text, published="2020-03-13", article_id="t")
    assert {r.place for r in reports} >= {"Karbala", "Jurf al-Sakhar"}
    assert all(r.weapon == "airstrike" and r.date == "2020-03-12" for r in reports)


@pytest.mark.parametrize("sentence, another", [
    pytest.param("One rocket landed near the base, another hit the headquarters of the second regiment.", False,
                 id="one-rocket-another-rocket"),
    pytest.param("One of the drones was shot down over the airport, while another crashed near the runway.",
                 False, id="one-drone-another-drone"),
    pytest.param("Another rocket attack hit Ain al-Asad air base on Friday.", True, id="another-attack"),
    pytest.param("A second drone struck the base an hour later.", True, id="a-second-drone"),
])
def test_another_counts_an_incident_not_a_part(sentence, another):
    from attackwatch.extraction.annotate import annotate
    from attackwatch.extraction.frames import frames_in_sentence
    from attackwatch.packs import get_pack

    ann = annotate(sentence, None)
    frames = [f for s in ann.sentences for f in frames_in_sentence(s, ann, get_pack())]
    assert frames and any(f.another for f in frames) is another
