"""Arabic date phrases: Levantine and Gregorian months, numeric stamps, weekdays, relative
words and Hijri equivalences, read against the page's date."""
from __future__ import annotations

from datetime import date

import pytest

from attackwatch.extraction.arabic.dates import find_dates, hijri_anchor, latest_full_date
from attackwatch.extraction.arabic.lexicon import lexicon
from attackwatch.extraction.arabic.normalize import fold_ar
from attackwatch.packs import get_pack

REF = date(2024, 10, 28)  # a Monday


@pytest.fixture(scope="module")
def lex():  # type: ignore[no-untyped-def]
    return lexicon(get_pack())


@pytest.mark.parametrize("text, value, precision", [
    ("الجمعة 27 ديسمبر/كانون الأول 2019", "2019-12-27", "day"),
    ("في 8 أيار، 2021", "2021-05-08", "day"),
    ("يوم ٣ آذار ٢٠٢٤", "2024-03-03", "day"),           # Eastern digits, Levantine month
    ("في 14 أكتوبر 2023", "2023-10-14", "day"),
    ("يوم الثلاثاء، 23 آب/أغسطس", "2024-08-23", "day"),  # no year: the latest before the page
    ("عصر اليوم الخميس 26 تشرين الأول/ أكتوبر", "2024-10-26", "day"),
    ("الاثنين 11:03 14-7-2025", "2025-07-14", "day"),     # day-month-year stamp
    ("2024.10.08 | 13:45 دمشق", "2024-10-08", "day"),    # year.month.day stamp
    ("مساء اليوم ١٥/ ٢", "2024-02-15", "day"),            # day/month in Eastern digits
    ("في أواخر ديسمبر", "2023-12", "month"),
    ("أمس", "2024-10-27", "day"),
    ("البارحة", "2024-10-27", "day"),
    ("مساء أمس الأحد", "2024-10-27", "day"),
    ("الليلة الماضية", "2024-10-27", "day"),
    ("فجر اليوم", "2024-10-28", "day"),
    ("يوم السبت", "2024-10-26", "day"),
    ("ليلة الأحد", "2024-10-26", "day"),                 # the night before Sunday
    ("الأسبوع الماضي", "2024-10-21", "week"),           # Monday of last week
    ("العام الماضي", "2023", "year"),
])
def test_date_phrases(lex, text: str, value: str, precision: str) -> None:  # type: ignore[no-untyped-def]
    found = find_dates(fold_ar(text).text, lex, REF)
    assert found, text
    assert (found[0].value, found[0].precision) == (value, precision)


def test_one_is_not_sunday(lex) -> None:  # type: ignore[no-untyped-def]
    assert find_dates(fold_ar("للمرة الثانية في أسبوع واحد").text, lex, REF) == []


def test_a_hijri_equivalence_fixes_the_year(lex) -> None:  # type: ignore[no-untyped-def]
    # 15 Sha'ban 1441 fell on 8-9 April 2020: the only year in range where both dates meet
    text = fold_ar("وقعت العملية يوم 8 نيسان الجاري، الموافق ليلة 15 شعبان").text
    assert hijri_anchor(text, lex) == date(2020, 4, 8)


def test_latest_full_date_needs_a_year(lex) -> None:  # type: ignore[no-untyped-def]
    text = fold_ar("وقع الهجوم في 3 آذار 2021، وتلاه آخر في 5 نيسان، ثم في 2 شباط 2021").text
    assert latest_full_date(text, lex) == date(2021, 3, 3)
