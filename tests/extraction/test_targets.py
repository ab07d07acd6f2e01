"""`target_type` per the coding conventions of EVENTS.md, through the public API (our own sentences)."""
from __future__ import annotations

import pytest

CASES = [
    pytest.param("A roadside bomb hit an embassy convoy on the airport road in Baghdad on Tuesday.",
                 "diplomatic", id="embassy-convoy-is-diplomatic"),
    pytest.param("A roadside bomb hit a supply convoy near Nasiriyah on Tuesday.", "convoy", id="supply-convoy"),
    pytest.param("Two Katyusha rockets hit the Green Zone in Baghdad late on Monday, police said.", "diplomatic",
                 id="green-zone-is-the-embassy-quarter"),
    pytest.param("Rockets struck the coalition base at Erbil airport on Monday night.", "military_base",
                 id="base-at-airport"),
    pytest.param("US jets struck Kata'ib Hezbollah weapons depots near al-Qaim on Sunday, in response to the attack "
                 "that killed a US contractor.", "militia_position", id="state-strike-victims-are-not-its-target"),
    pytest.param("US forces struck three Kata'ib Hezbollah sites near al-Qaim on Friday.", "militia_position",
                 id="sites"),
    pytest.param("A pair of drones was shot down above Baghdad airport on Sunday, while sirens sounded at the US embassy.",
                 "airport", id="attack-clause-outranks-aside"),
    # the site's own words: "Erbil AB" is the base at the airport, "Erbil airport" the airport
    pytest.param("Coalition forces at Erbil AB were attacked by two drones on Saturday night.", "military_base",
                 id="air-base-alias-of-an-airport"),
    pytest.param("Two drones attacked Erbil airport on Saturday night.", "airport", id="airport-alias"),
    pytest.param("Two contractors were hurt when a drone came down on a military base near Hasakah on Thursday.",
                 "military_base", id="drone-came-down-on-a-base"),
    # a site named after its town takes the town's other spellings
    pytest.param("Two drones attacked Hawler International Airport on Monday night.", "airport",
                 id="site-with-another-spelling-of-its-town"),
]


@pytest.mark.parametrize("text, target_type", CASES)
def test_target_type(text, target_type, extract):
    reports = extract(text, published="2024-01-20", article_id="t")
    assert len(reports) == 1, [(r.place, r.target_type) for r in reports]
    assert reports[0].target_type == target_type
