"""Chrome removal from saved plain-text pages (clean/plaintext.py) and the publication-date
choice (clean/metadata.py): chrome lines dropped, body kept, title and byline kept apart,
page-header and comment dates never taken for the publication date."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from attackwatch.clean.metadata import byline_candidates, choose_published
from attackwatch.clean.plaintext import clean_text
from attackwatch.packs import get_pack

TITLE = "Drone attack wounds US troops at base in eastern Syria"
BYLINE = "By Dana Karim"
DATELINE = "January 30, 2024"
P1 = ("A drone launched by an Iran-aligned militia struck a US base in eastern Syria on Monday, "
      "wounding four American service members, a defense official said.")
P2 = ("The Islamic Resistance in Iraq claimed the attack in a statement posted on Telegram, "
      "saying it had targeted the base with two drones.")
P3 = "The Pentagon said all four troops had returned to duty by Tuesday evening."


def page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def clean(source: str):
    return clean_text(source, get_pack())


CHROME_LINES = [
    pytest.param("$25", id="donation-dollar-amount"),
    pytest.param("\u00a3 10", id="donation-pound-amount"),
    pytest.param("Donate now", id="donate-now"),
    pytest.param("Support Independent Reporting", id="support-x"),
    pytest.param("Share this article", id="share-this-article"),
    pytest.param("Facebook | Twitter | WhatsApp | Email", id="share-buttons"),
    pytest.param("- Advertisement -", id="advertisement-dashes"),
    pytest.param("Must read", id="must-read"),
    pytest.param("Also read | Explained | Who leads the militia behind the drone strike on US troops?",
                 id="also-read-link-teaser"),
    pytest.param("See also  Airline says crew repeated permission to land before crash", id="see-also-link-teaser"),
    pytest.param("Tags: Iraq, Syria, US military", id="tags"),
    pytest.param("Photo credit: Defense Department", id="photo-credit"),
]


@pytest.mark.parametrize("chrome", CHROME_LINES)
def test_chrome_line_dropped_body_kept(chrome):
    cp = clean(page(TITLE, BYLINE, DATELINE, "", P1, "", chrome, "", P2, "", P3))
    assert chrome.strip() not in cp.text
    assert any(d.text == chrome.strip() for d in cp.dropped)
    for para in (P1, P2, P3):
        assert para in cp.text


@pytest.mark.parametrize("marker", [
    pytest.param("Notify of", id="notify-of"),
    pytest.param("12 Comments", id="n-comments"),
])
def test_comment_section_cut_with_everything_after(marker):
    comment_date = "February 2, 2024 at 7:45 pm"
    comment = "These bases should have been closed years ago and the troops brought home."
    cp = clean(page(TITLE, BYLINE, DATELINE, "", P1, "", P2, "", marker, "Sam Miller", comment_date, comment,
                    "", P3))
    assert cp.text == P1 + "\n\n" + P2
    for line in (marker, comment, comment_date, P3):
        assert any(d.text == line for d in cp.dropped)
    # a comment timestamp is never a publication-date candidate
    assert comment_date not in cp.byline_lines


def test_title_and_byline_kept_apart_from_body():
    cp = clean(page(TITLE, BYLINE, DATELINE, "", P1, "", P2))
    assert cp.title == TITLE
    assert BYLINE in cp.byline_lines and DATELINE in cp.byline_lines
    assert TITLE not in cp.text and BYLINE not in cp.text and DATELINE not in cp.text
    assert cp.text == P1 + "\n\n" + P2
    assert byline_candidates(cp.byline_lines) == [("byline", date(2024, 1, 30))]


@pytest.mark.parametrize("weather", [
    pytest.param("18\u00b0C Baghdad", id="temperature-first"),
    pytest.param("Baghdad 18\u00b0C", id="city-first"),
])
def test_weather_header_date_is_not_a_byline_date(weather):
    header_date = "Monday, February 5, 2024"
    cp = clean(page(weather, header_date, "", TITLE, BYLINE, DATELINE, "", P1, "", P2))
    assert header_date not in cp.byline_lines
    assert header_date not in cp.text
    assert cp.title == TITLE
    assert byline_candidates(cp.byline_lines) == [("byline", date(2024, 1, 30))]


def test_today_is_header_date_is_not_a_byline_date():
    cp = clean(page("Today is Tuesday, March 5, 2024", "", TITLE, BYLINE, DATELINE, "", P1, "", P2))
    assert all("March 5" not in line for line in cp.byline_lines)
    assert byline_candidates(cp.byline_lines) == [("byline", date(2024, 1, 30))]


def test_choose_published_skips_candidate_contradicted_by_body():
    body = "The strike on January 28, 2024 killed three US soldiers at Tower 22 in Jordan."
    cands = [("byline", date(2024, 1, 20)), ("html", date(2024, 1, 29))]
    assert choose_published(cands, body) == (date(2024, 1, 29), "html")


@pytest.mark.parametrize("source", [
    page(TITLE, BYLINE, DATELINE, "", P1, "", *[p.values[0] for p in CHROME_LINES], "", P2, "", "Notify of", P3),
    page(TITLE, "\u0131 SHARE THIS ARTICLE", "", P1, "", "- ADVERTISEMENT -", P2),  # a case trap: no rule skipped
    *[p.read_text(encoding="utf-8") for p in sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.txt"))],
])
def test_rules_skipped_for_a_page_change_nothing(source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A chrome rule whose words are nowhere on the page is not tried on its lines: the result
    must equal trying every rule on every line."""
    from attackwatch.clean import plaintext

    gated = clean(source)
    rules = plaintext._chrome_rules(get_pack())
    every = tuple([rx for rx, _ in rules.rules[kind]] for kind in ("cut", "line", "header"))
    monkeypatch.setattr(type(rules), "for_page", lambda self, folded: every)
    assert clean(source) == gated
    assert len(gated.dropped) >= 1
