"""Dates in Arabic news: full dates with Gregorian or Levantine month names, numeric stamps,
weekdays, relative words (أمس، فجر اليوم، الليلة الماضية، الأسبوع الماضي، العام الماضي),
anniversaries and Hijri equivalences.

dateparser reads neither Levantine months nor Eastern digits (see ECOSYSTEM.md), so phrases are
found with our patterns over folded text (digits already Western) and computed here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from hijridate import Hijri

from attackwatch.extraction.arabic.lexicon import ArabicLexicon, Hit


@dataclass(frozen=True)
class ArDate:
    """A date phrase: value 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', its precision and folded span."""

    value: str
    precision: str
    start: int
    end: int
    relative: bool = False  # from a weekday or a relative word, not a printed date
    explicit_year: bool = False
    assumed: bool = False  # no date word: the page's day (or the last day it named) is assumed


_NUM = re.compile(r"(?<!\d)(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})(?!\d)|(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)")
_DAY_MONTH_NUM = re.compile(r"(?<![\d:.,])(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])")
_YEAR = re.compile(r"^\s*[،,]?\s*(?:عام\s+)?((?:19|20)\d{2})(?!\d)")
_DAY_BEFORE = re.compile(r"(?<!\d)(\d{1,2})\s*(?:من\s+)?(?:\(\s*)?$")


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_hits(hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if h.kind == "month"]


def find_dates(text: str, lex: ArabicLexicon, ref: date | None) -> list[ArDate]:
    """Every date phrase of folded `text`, resolved against the reference date `ref`."""
    hits = lex.hits(text, ("month", "weekday", "relative_day", "relative_week", "relative_month", "relative_year",
                           "month_part", "night_before"))
    out: list[ArDate] = []
    used: list[tuple[int, int]] = []

    def taken(s: int, e: int) -> bool:
        return any(s < ue and us < e for us, ue in used)

    def beside(s: int, e: int) -> bool:
        # "الجمعة 27 ديسمبر 2019", "اليوم الخميس 26 تشرين الأول": the weekday names the printed day
        # (a clock time may stand between: "الاثنين 11:03 14-7-2025")
        return any(s < ue + 4 and us - 10 < e for us, ue in used)

    for m in _NUM.finditer(text):
        if m.group(1):
            d = _safe(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        else:
            d = _safe(int(m.group(4)), int(m.group(5)), int(m.group(6)))
        if d:
            out.append(ArDate(d.isoformat(), "day", m.start(), m.end(), explicit_year=True))
            used.append((m.start(), m.end()))
    months = _month_hits(hits)
    i = 0
    while i < len(months):
        h = months[i]
        end = h.end
        # "27 ديسمبر/كانون الأول 2019", "23 آب/أغسطس": a second month name after a slash
        if i + 1 < len(months) and re.fullmatch(r"\s*/\s*", text[h.end:months[i + 1].start]):
            end = months[i + 1].end
            i += 1
        i += 1
        before = _DAY_BEFORE.search(text[max(0, h.start - 12):h.start])
        ym = _YEAR.match(text[end:end + 12])
        month = int(h.row["value"])
        start = h.start - (len(before.group(0)) if before else 0)
        stop = end + (ym.end() if ym else 0)
        part = next((p for p in hits if p.kind == "month_part" and 0 <= h.start - p.end <= 2), None)
        year = int(ym.group(1)) if ym else _year_for(month, int(before.group(1)) if before else 1, ref)
        if year is None:
            continue
        if before and not part:
            d = _safe(year, month, int(before.group(1)))
            if d:
                out.append(ArDate(d.isoformat(), "day", start, stop, explicit_year=bool(ym)))
                used.append((start, stop))
            continue
        out.append(ArDate(f"{year:04d}-{month:02d}", "month", (part.start if part else start), stop,
                          explicit_year=bool(ym)))
        used.append((start, stop))
    for m in _DAY_MONTH_NUM.finditer(text):
        if taken(m.start(), m.end()) or ref is None:
            continue
        day, month = int(m.group(1)), int(m.group(2))
        if not (1 <= month <= 12):
            continue
        year = _year_for(month, day, ref)
        d = _safe(year, month, day) if year else None
        if d:
            out.append(ArDate(d.isoformat(), "day", m.start(), m.end()))
            used.append((m.start(), m.end()))
    if ref is not None:
        out += _relative(text, hits, ref, beside)
    out.sort(key=lambda d: d.start)
    return out


def _year_for(month: int, day: int, ref: date | None) -> int | None:
    """The year of a day and month printed without one: the latest not after the reference."""
    if ref is None:
        return None
    d = _safe(ref.year, month, min(day, 28))
    return ref.year if d is not None and d <= ref + timedelta(days=2) else ref.year - 1


def _relative(text: str, hits: list[Hit], ref: date, taken) -> list[ArDate]:  # type: ignore[no-untyped-def]
    """Weekdays and relative words not beside a printed date."""
    out: list[ArDate] = []
    rel = [h for h in hits if h.kind in ("relative_day", "weekday", "relative_week", "relative_month", "relative_year")]
    skip: set[int] = set()
    for k, h in enumerate(rel):
        if k in skip:
            continue
        if h.kind == "relative_day" and k + 1 < len(rel) and rel[k + 1].kind == "weekday" \
                and rel[k + 1].start - h.end <= 2 and taken(h.start, rel[k + 1].end):
            skip.add(k + 1)
            continue
        if taken(h.start, h.end):
            continue
        if h.kind == "relative_week":
            monday = ref - timedelta(days=ref.weekday() + 7)
            out.append(ArDate(monday.isoformat(), "week", h.start, h.end, relative=True))
            continue
        if h.kind == "relative_month":
            last = ref.replace(day=1) - timedelta(days=1)
            out.append(ArDate(f"{last.year:04d}-{last.month:02d}", "month", h.start, h.end, relative=True))
            continue
        if h.kind == "relative_year":
            out.append(ArDate(str(ref.year - 1), "year", h.start, h.end, relative=True))
            continue
        if h.kind == "relative_day":
            day = ref + timedelta(days=int(h.row["value"]))
            end = h.end
            # "أمس الخميس", "اليوم الاثنين": the weekday names the same day
            if k + 1 < len(rel) and rel[k + 1].kind == "weekday" and rel[k + 1].start - h.end <= 2:
                skip.add(k + 1)
                end = rel[k + 1].end
            out.append(ArDate(day.isoformat(), "day", h.start, end, relative=True))
            continue
        weekday = int(h.row["value"])
        back = (ref.weekday() - weekday) % 7
        day = ref - timedelta(days=back)
        night = next((n for n in hits if n.kind == "night_before" and 0 <= h.start - n.end <= 1), None)
        if night is not None:
            day -= timedelta(days=1)  # "ليلة الأحد" is Saturday night
        out.append(ArDate(day.isoformat(), "day", night.start if night else h.start, h.end, relative=True))
    return out


# -- a year for pages that print none ----------------------------------------------------------
_HIJRI_DAY = re.compile(r"(?<!\d)(\d{1,2})\s*$")


def hijri_anchor(text: str, lex: ArabicLexicon) -> date | None:
    """A Gregorian day and month given with its Hijri equivalent ("8 نيسان، الموافق 15 شعبان")
    fixes the year: the one year in which both fall on the same day."""
    hits = lex.hits(text, ("month", "hijri_month"))
    greg = [(h, _HIJRI_DAY.search(text[max(0, h.start - 6):h.start])) for h in hits if h.kind == "month"]
    hij = [(h, _HIJRI_DAY.search(text[max(0, h.start - 6):h.start])) for h in hits if h.kind == "hijri_month"]
    for gh, gd in greg:
        for hh, hd in hij:
            if not gd or not hd or not (0 < hh.start - gh.end < 80):
                continue
            for hy in range(1400, 1480):
                try:
                    g = Hijri(hy, int(hh.row["value"]), int(hd.group(1))).to_gregorian()
                except (ValueError, OverflowError):
                    continue
                target = _safe(g.year, int(gh.row["value"]), int(gd.group(1)))
                # a night ("ليلة 15 شعبان") begins the evening before the Hijri day
                if target is not None and abs((date(g.year, g.month, g.day) - target).days) <= 1:
                    return target
    return None


def latest_full_date(text: str, lex: ArabicLexicon) -> date | None:
    """The latest complete date (day, month and year) printed in folded `text`."""
    days = [date.fromisoformat(d.value) for d in find_dates(text, lex, None)
            if d.precision == "day" and d.explicit_year]
    return max(days) if days else None
