"""Date phrases resolved against a publication date (text/dates.py).

Each case: a sentence, the date phrase in it, the publication date, and the expected
value / precision / anchor flag of the one mention covering that phrase.
"""
from __future__ import annotations

from datetime import date

import pytest

from attackwatch.text.dates import DateFloor, find_dates

D = date.fromisoformat


def F(day: str) -> DateFloor:
    """An undated page's stand-in reference (its latest stated day)."""
    d = D(day)
    return DateFloor(d.year, d.month, d.day)

CASES = [
    # --- absolute dates, several formats -------------------------------------------------
    pytest.param("Rockets struck the base on January 4, 2020, a day after the Baghdad strike.",
                 "January 4, 2020", D("2020-01-05"), "2020-01-04", "day", False, id="abs-month-day-year"),
    pytest.param("The US carried out strikes in Anbar on 29 December 2019 against Kata'ib Hezbollah.",
                 "29 December 2019", D("2019-12-31"), "2019-12-29", "day", False, id="abs-day-month-year"),
    pytest.param("The strikes came on Sunday, Dec. 29, 2019, after a contractor was killed in Kirkuk.",
                 "Sunday, Dec. 29, 2019", D("2020-01-02"), "2019-12-29", "day", False, id="abs-weekday-abbrev"),
    pytest.param("The drone hit the outpost (2024-01-28) shortly before dawn.",
                 "2024-01-28", D("2024-01-30"), "2024-01-28", "day", False, id="abs-iso"),
    pytest.param("Posted 01/28/2024: a drone hit a logistics base in Jordan.",
                 "01/28/2024", D("2024-01-30"), "2024-01-28", "day", False, id="abs-numeric-mdy"),
    pytest.param("Iranian missiles hit Ain al-Asad on the 8th of January 2020.",
                 "8th of January 2020", D("2020-01-10"), "2020-01-08", "day", False, id="abs-ordinal-of"),
    pytest.param("Rockets struck Erbil airport on January 4, 2020.",
                 "January 4, 2020", None, "2020-01-04", "day", False, id="abs-without-publication"),
    # --- partial dates: the latest such day not after publication ------------------------
    pytest.param("The rocket attack took place on September 12 near the airport.",
                 "September 12", D("2023-10-01"), "2023-09-12", "day", False, id="partial-same-year"),
    pytest.param("The militia fired on the embassy on December 29, officials said.",
                 "December 29", D("2020-01-03"), "2019-12-29", "day", False, id="partial-year-rollover-january"),
    pytest.param("A drone was shot down over Harir on Oct. 17, the coalition said.",
                 "Oct. 17", D("2023-10-18"), "2023-10-17", "day", False, id="partial-abbrev-month"),
    pytest.param("The attack on January 28 killed three soldiers.",
                 "January 28", D("2024-01-28"), "2024-01-28", "day", False, id="partial-on-publication-day"),
    pytest.param("Rockets landed near the base on 13 November, police said.",
                 "13 November", D("2023-11-14"), "2023-11-13", "day", False, id="partial-day-month"),
    # --- weekdays ------------------------------------------------------------------------
    # an undated page's latest stated day: the nearer weekday around it (the 9th of August 2020
    # was a Sunday: Tuesday is the 11th; the 3rd of February 2024 a Saturday: Friday is the 2nd)
    pytest.param("A blast hit a convoy on Tuesday near Taji, the army said.",
                 "Tuesday", F("2020-08-09"), "2020-08-11", "day", False, id="weekday-after-an-undated-pages-floor"),
    pytest.param("A series of airstrikes on Friday hit sites in Iraq and Syria.",
                 "Friday", F("2024-02-03"), "2024-02-02", "day", False, id="weekday-before-an-undated-pages-floor"),
    pytest.param("Rockets were fired at the base last Tuesday, police said.",
                 "last Tuesday", F("2020-08-09"), "2020-08-04", "day", False, id="last-weekday-stays-before-the-floor"),
    pytest.param("A drone struck the outpost on Sunday, the Pentagon said.",
                 "Sunday", D("2024-01-29"), "2024-01-28", "day", False, id="weekday-previous-day"),
    pytest.param("Two rockets hit the base on Monday, a spokesman said.",
                 "Monday", D("2024-01-29"), "2024-01-29", "day", False, id="weekday-same-as-publication"),
    pytest.param("Sunday's attack was the first to kill US troops since October.",
                 "Sunday's", D("2024-01-30"), "2024-01-28", "day", False, id="weekday-possessive"),
    pytest.param("The rockets were fired late on Tuesday from a nearby orchard.",
                 "late on Tuesday", D("2023-10-19"), "2023-10-17", "day", False, id="weekday-late-on"),
    pytest.param("US aircraft struck 85 targets on Friday night in Iraq and Syria.",
                 "Friday", D("2024-02-03"), "2024-02-02", "day", False, id="weekday-night"),
    pytest.param("The drone fell near the base early Thursday, officials said.",
                 "early Thursday", D("2024-02-03"), "2024-02-01", "day", False, id="weekday-early"),
    pytest.param("Sunday, January 28 was the deadliest day for US troops in the region in years.",
                 "Sunday, January 28", D("2024-01-29"), "2024-01-28", "day", False, id="weekday-plus-partial"),
    # --- relative periods ----------------------------------------------------------------
    pytest.param("A similar attack took place earlier this month in Hasakah.",
                 "earlier this month", D("2023-11-20"), "2023-11", "month", False, id="earlier-this-month"),
    pytest.param("A similar attack took place last month near the airport.",
                 "last month", D("2023-11-20"), "2023-10", "month", False, id="last-month"),
    pytest.param("Rockets hit the embassy compound last month, officials said.",
                 "last month", D("2024-01-10"), "2023-12", "month", False, id="last-month-january-rollover"),
    pytest.param("A roadside bomb hit a supply convoy last week in Diwaniyah.",
                 "last week", D("2024-01-31"), "2024-01-22", "week", False, id="last-week-monday"),
    pytest.param("A roadside bomb hit a supply convoy last week in Najaf.",
                 "last week", D("2024-02-04"), "2024-01-29", "week", False, id="last-week-on-a-sunday-page"),
    pytest.param("A roadside bomb hit a supply convoy last week in Babil.",
                 "last week", D("2024-01-29"), "2024-01-22", "week", False, id="last-week-published-monday"),
    pytest.param("A drone hit the base yesterday, a security source said.",
                 "yesterday", D("2024-02-03"), "2024-02-02", "day", False, id="yesterday"),
    pytest.param("Two rockets fell near the airport last night.",
                 "last night", D("2024-01-05"), "2024-01-04", "day", False, id="last-night"),
    pytest.param("The convoy was hit two days ago near Nasiriyah.",
                 "two days ago", D("2024-02-03"), "2024-02-01", "day", False, id="two-days-ago"),
    # --- months and years ----------------------------------------------------------------
    pytest.param("The attacks escalated in January 2020 after the killing of Soleimani.",
                 "January 2020", D("2020-06-01"), "2020-01", "month", False, id="month-year"),
    pytest.param("Rockets were fired at the embassy in December, the ministry said.",
                 "December", D("2024-01-05"), "2023-12", "month", False, id="bare-month-rollover"),
    pytest.param("The group first appeared in 2021 in Baghdad.",
                 "2021", D("2023-05-01"), "2021", "year", False, id="year"),
    # --- anchors: range boundaries, not event dates ---------------------------------------
    pytest.param("Attacks have slowed since early February, the Pentagon said.",
                 "early February", D("2024-03-10"), "2024-02", "month", True, id="anchor-since-early-month"),
    pytest.param("US forces have come under attack more than 150 times since October 17.",
                 "October 17", D("2024-01-29"), "2023-10-17", "day", True, id="anchor-since-partial-date"),
    # --- no publication date: relative phrases cannot be resolved --------------------------
    pytest.param("A drone struck the outpost on Sunday, the Pentagon said.",
                 "Sunday", None, None, ..., False, id="no-pub-weekday"),
    pytest.param("A roadside bomb hit a supply convoy last week.",
                 "last week", None, None, ..., False, id="no-pub-last-week"),
    pytest.param("The rocket attack took place on September 12 near the airport.",
                 "September 12", None, None, ..., False, id="no-pub-partial"),
    pytest.param("A drone hit the base yesterday, a security source said.",
                 "yesterday", None, None, ..., False, id="no-pub-yesterday"),
]


@pytest.mark.parametrize("text, phrase, published, value, precision, anchor", CASES)
def test_date_phrase(text, phrase, published, value, precision, anchor):
    start = text.index(phrase)
    end = start + len(phrase)
    hits = [m for m in find_dates(text, published) if m.start < end and m.end > start]
    assert len(hits) == 1, f"expected one mention over {phrase!r}, got {[(m.text, m.value) for m in hits]}"
    m = hits[0]
    got = (m.value, m.precision if precision is not ... else ..., m.anchor)
    assert got == (value, precision, anchor), f"mention {m.text!r}"


# windows and skipped patterns must never change what is found: odd digits, slashes, case, and
# every date shape of CASES, each with and without its publication date
_SHAPES = [c.values[0] for c in CASES] + [
    "x19999 2019/ 12/3/2020 3/ 123/ year1999 1999year Maj. MAY may Mayday TODAY Last week, OVER the past 24 hours",
    "Jan. 5 and 5 Jan and january 2020 and early-March and mid-2023; Wed. Thu. Sat Sun sunday's attack 2 days ago",
    "\u0130stanbul, 5 March 2024: a drone (no date words otherwise)",  # not ASCII: the re.I scan
    "In 2019 and in \u0662\u0660\u0661\u0669, during 2020-01-05 or 1/5/2020; March twentieth, no digit here at all",
    "",
]


@pytest.mark.parametrize("text", _SHAPES)
def test_windows_and_pattern_skips_keep_every_date(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from attackwatch.text import dates

    expected_windows = []
    for m in dates._HINT.finditer(text):  # the plain re.I scan of the whole text
        lo, hi = max(0, m.start() - 60), min(len(text), m.end() + 60)
        if expected_windows and lo <= expected_windows[-1][1]:
            expected_windows[-1] = (expected_windows[-1][0], hi)
        else:
            expected_windows.append((lo, hi))
    assert dates._windows(text) == expected_windows
    for published in (None, D("2024-03-10")):
        found = find_dates(text, published)
        monkeypatch.setattr(dates, "_NEEDS", [None] * len(dates._NEEDS))  # every pattern in every window
        monkeypatch.setattr(dates, "_NEEDS_DIGIT", [False] * len(dates._NEEDS_DIGIT))
        assert find_dates(text, published) == found
        monkeypatch.undo()
