"""Statements about several incidents at once ("both attacks", "neither attack") reach each of them."""
from __future__ import annotations

from attackwatch.pipeline import article_from_text, extract_article

TWO_CONVOYS = (
    "Late on July 14, an improvised explosive device exploded near a convoy of trucks carrying supplies for the "
    "US-led coalition near Samawah in the province of al-Muthanna. No casualties were reported.\n\n"
    "Hours later, a second convoy was targeted by an IED in Dhi Qar province.\n\n"
    'A group calling itself "Qasim al-Jabbarin" claimed responsibility for both attacks in a statement on Telegram.')

TWO_BASES = (
    "A drone was launched at Ain al-Asad air base in Anbar province on Monday.\n\n"
    "On Sunday, five rockets were fired at the Rumalan base in Syria's Hasakah province.\n\n"
    "A Pentagon spokesman said neither attack had caused casualties.")


def _reports(text: str, published: str):  # type: ignore[no-untyped-def]
    return extract_article(article_from_text(text, published=published, article_id="t"))


def test_a_claim_for_both_attacks_reaches_both() -> None:
    reports = _reports(TWO_CONVOYS, "2020-07-16")
    assert [r.admin1_code for r in reports] == ["IQ-MU", "IQ-DQ"]
    assert all(r.actor == "Qasim al-Jabbarin" and r.claimed for r in reports)
    assert reports[0].killed == 0 and reports[0].injured == 0


def test_neither_attack_caused_casualties_reaches_both() -> None:
    reports = _reports(TWO_BASES, "2024-04-23")
    assert sorted(r.country_code for r in reports) == ["IQ", "SY"]
    assert all(r.killed == 0 and r.injured == 0 for r in reports)
    assert all(r.confirmation == "confirmed" for r in reports)


TWO_DRONES = (
    "A drone was shot down by US air defences near Ain al-Asad air base in Anbar on Monday.\n\n"
    "On Sunday, another armed drone was shot down near Erbil airport.\n\n"
    "Security officials reported no injuries or damage as a result of these attacks.")


def test_no_injuries_as_a_result_of_these_attacks_reaches_both() -> None:
    reports = _reports(TWO_DRONES, "2023-10-31")
    assert sorted(r.admin1_code for r in reports) == ["IQ-AN", "IQ-AR"]
    assert all(r.killed == 0 and r.injured == 0 for r in reports), [(r.place, r.killed, r.injured) for r in reports]


THREE_DAYS = (
    "On July 25, militias fired rockets at Ain al-Asad air base in Iraq and at the Green Village base in Syria. "
    "Green Village was attacked again on July 26 and 27 with more rockets. No injuries were reported from either attack.")


def test_either_attack_closing_a_paragraph_reaches_every_incident_it_told() -> None:
    reports = _reports(THREE_DAYS, "2024-07-30")
    assert len(reports) == 4, [(r.place, r.date) for r in reports]
    assert all(r.injured == 0 for r in reports), [(r.place, r.date, r.injured) for r in reports]
