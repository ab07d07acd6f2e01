"""Where a story was filed and when a page was captured are not facts about the incident:
wire datelines at the head of any opening paragraph lend no place, a web archive's capture
stamp is no article text, and a page without a publication date is read against the latest
full date it states (incidents it cannot date at all are left out)."""
from __future__ import annotations

import pytest
from datetime import date

from attackwatch.ingest.files import RawPage
from attackwatch.clean.page import clean_page
from attackwatch.packs import get_pack

DATELINED = [
    pytest.param("Rockets hit US base\n\nBAGHDAD (AP) - Three rockets struck Ain al-Asad air base in Anbar on Monday, "
                 "officials said.", "Ain al-Asad Air Base", id="caps-agency"),
    pytest.param("Drone downed near airport\n\nSULAIMANI - A drone was shot down near Erbil International Airport on "
                 "Tuesday, the counter-terrorism service said.", "Erbil International Airport", id="caps-dash"),
    pytest.param("Convoy hit\n\nERBIL, Kurdistan Region - A roadside bomb struck a coalition supply convoy near "
                 "Nasiriyah on Wednesday.", "Nasiriyah", id="caps-region"),
    pytest.param("Rocket attack\n\nBaghdad, Iraq - Two rockets were fired at Victory Base near Baghdad airport on "
                 "Thursday, two security sources said.", "Victory Base Complex", id="title-case-country"),
    pytest.param("Rockets hit base\n\n(Regional Wire | News Now)- ERBIL (Tigris 24) - Rockets struck Balad air base "
                 "north of Baghdad on Sunday.", "Balad Air Base", id="aggregator-prefix"),
    pytest.param("Convoy hit\n\nKIRKUK: An explosive device hit a convoy carrying coalition equipment in Babil on "
                 "Sunday.", "Babil", id="caps-colon"),
]


@pytest.mark.parametrize("text, place", DATELINED)
def test_dateline_city_is_not_an_incident_place(text, place, extract):
    reports = extract(text, published="2024-03-06", article_id="t")
    assert [r.place for r in reports] == [place]


def test_archive_stamp_is_blanked_and_a_last_resort_date() -> None:
    content = " date 2021-02-26 BAGHDAD (AP) - A US airstrike hit a militia site near Albukamal in Syria.\n"
    article = clean_page(RawPage(path="x.txt", id="x", kind="text", content=content, meta={}), get_pack())
    assert "date 2021" not in article.text
    assert article.text.strip().startswith("BAGHDAD")
    assert article.published is not None and article.published.isoformat() == "2021-02-26"
    assert article.published_source == "archive"


def test_page_without_publication_date_reads_weekdays_against_its_latest_full_date(extract):
    text = ("A caption says the photo was taken on March 8, 2024.\n\n"
            "Two drones struck the Harir base in Erbil on Thursday, the counter-terrorism service said.")
    reports = extract(text, published=None, article_id="t")
    assert [(r.place, r.date) for r in reports] == [("Harir Air Base", "2024-03-07")]


def test_incident_the_page_cannot_date_is_left_out(extract):
    text = "Two drones struck the Harir base in Erbil on Thursday, the counter-terrorism service said."
    assert extract(text, published=None, article_id="t") == []


def test_undated_page_gets_a_note_saying_why_it_reports_nothing() -> None:
    from attackwatch.pipeline import process_raw

    raw = RawPage(path="x.txt", id="x", kind="text", content="Two drones struck the Harir base in Erbil on Thursday.\n",
                  meta={})
    result = process_raw(raw)
    assert result.error is None and result.reports == []
    assert result.note is not None and "x.txt" in result.note and "--published" in result.note
    dated = process_raw(RawPage(path="y.txt", id="y", kind="text", meta={"published": date(2024, 3, 8)},
                                content="Two drones struck the Harir base in Erbil on Thursday.\n"))
    assert dated.note is None and [r.date for r in dated.reports] == ["2024-03-07"]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Militants fired rockets at Victory base near Baghdad airport late on February 4, a week after the "
                 "Tower 22 attack in Jordan, police said.", [("Victory Base Complex", "2024-02-04"), ("Tower 22", "2024-01-28")],
                 id="yearless-day-after-tower-22"),
    pytest.param("Two months after the killing of Soleimani, rockets hit Camp Taji on March 11, officials said.",
                 [("Camp Taji", "2020-03-11")], id="yearless-day-after-soleimani"),
    pytest.param("Rockets hit Camp Taji on March 11, officials said.", [], id="no-landmark-no-year"),
])
def test_undated_page_reads_its_days_after_the_landmarks_it_names(text, expected, extract):
    reports = extract(text, published=None, article_id="t")
    assert [(r.place, r.date) for r in reports] == expected


def test_page_dated_by_a_landmark_says_so() -> None:
    from attackwatch.pipeline import process_raw

    raw = RawPage(path="z.txt", id="z", kind="text", meta={},
                  content="A week after the Tower 22 attack, rockets hit Victory base near Baghdad airport on February 4.\n")
    result = process_raw(raw)
    # the Tower 22 attack named in the side clause is a background incident of its own (EVENTS.md:
    # background mentions are incidents), dated by the landmarks pack
    assert sorted((r.date, r.background) for r in result.reports) == [("2024-01-28", True), ("2024-02-04", False)]
    assert result.note is not None and "z.txt" in result.note and "well-known events" in result.note
