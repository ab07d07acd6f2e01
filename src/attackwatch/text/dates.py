"""Date phrases: find them with our own patterns, resolve them against the publication date.

dateparser parses the core of absolute dates; the relative logic (partial dates, weekdays,
"earlier this month", "last week") is ours, because dateparser resolves those wrongly or
not at all (see ../shared/ECOSYSTEM.md).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterator

from attackwatch.text.literals import (LiteralIndex, case_safe, lower_case_twin, needs_digit, required_literals,
                                       skip_ahead_form)
from attackwatch.text.normalize import fold

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "a": 1}

_M = r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_D = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?P<year>(?:19|20)\d\d)"
_WD = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?:(?:late|early|earlier|later)\s+(?:on\s+)?|(?:on\s+)?the\s+(?:evening|morning|night|afternoon)\s+of\s+)?"

# (kind, regex); earlier patterns win on overlap.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [(k, re.compile(p, re.I)) for k, p in [
    ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b"),
    ("numeric", r"\b(?P<mon>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])/(?P<year>(?:19|20)\d\d)\b"),
    ("full", _PART + r"(?:" + _WD + r",?\s+)?" + _M + r"\s*" + _D + r",?\s+" + _Y + r"\b"),
    ("full", _PART + r"(?:" + _WD + r",?\s+)?" + _D + r"\s+(?:of\s+)?" + _M + r",?\s+" + _Y + r"\b"),
    ("month_year", r"\b(?:(?:early|mid|late)[\s-]+)?" + _M + r",?\s+(?:of\s+)?" + _Y + r"\b"),
    ("partial", _PART + r"(?:" + _WD + r",?\s+)?\b" + _M + r"\s*" + _D + r"\b(?![\d:])"),
    ("partial", _PART + r"\b" + _D + r"\s+(?:of\s+)?" + _M + r"\b"),
    ("partial_month", r"\b(?P<qual>early|mid|late|in|during|since|until|by|last|this|earlier in|later in)[\s-]+" + _M + r"\b(?!\s*\d)"),
    ("year", r"\b(?P<qual>in|during|since|by|until|of|from|early|late|mid)[\s-]+" + _Y + r"\b(?!-)"),
    ("relative", r"\b(?P<rel>earlier this (?:month|week|year)|this (?:month|week|year|weekend|morning|afternoon|evening)|"
                 r"last (?:month|week|year|weekend|night)|the previous (?:month|week)|earlier today|today|tonight|yesterday|"
                 r"(?:in|over) the (?:last|past) (?:24|48) hours|over 24 hours|in the last hours|in the past hours|"
                 r"(?P<ago>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a) (?P<unit>days?|weeks?) ago)\b"),
    ("weekday", r"\b(?:(?:late|early)\s+(?:on\s+)?|last\s+|on\s+)?" + _WD + r"(?:'s)?(?:\s+(?:night|morning|afternoon|evening))?\b"),
]]

_ANCHOR_WORDS = {"since", "until", "till", "before", "from", "between", "through", "by"}
_EVENT_AFTER = re.compile(r"^(?:'s)?\s+(?:[\w-]+\s+){0,2}?(?:attacks?|strikes?|airstrikes?|barrage|bombings?|assault|raids?|"
                          r"incident|killing|assassination|blast|explosion)\b", re.I)
# "a truce declared in October", "the agreement signed in January": the date of something other
# than an attack, which dates no incident told in the same clause
_OTHER_EVENT_BEFORE = re.compile(
    r"\b(?:truce|ceasefire|cease-fire|agreement|deal|accord|elections?|vote|talks|dialogue|visit|pause|"
    r"moratorium|suspension|withdrawal|pullout|drawdown|announcement|decision|resolution|law|bill)\s+"
    r"(?:(?:was|were|had\s+been|that\s+was|which\s+was)\s+)?(?:unilaterally\s+|officially\s+|formally\s+)?"
    r"(?:declared|announced|agreed|signed|reached|held|launched|began|started|brokered|called|passed|approved|"
    r"adopted|made)\s+(?:(?:in|on|during|last|earlier|this)\s+)?(?:(?:the|early|late|mid|mid-)\s+)?$", re.I)
_ANCHOR_BEFORE = re.compile(r"(?:\b(?P<w>since|until|till|before|from|between|through)\s+(?:(?:the|early|late|mid|mid-)\s+)?)$", re.I)


@dataclass(slots=True)
class DateMention:
    start: int
    end: int
    text: str
    kind: str
    value: str | None  # YYYY-MM-DD | YYYY-MM | YYYY, None when it cannot be resolved
    precision: str | None  # day | week | month | year
    anchor: bool = False  # a range boundary ("since early February"), not an event date

    @property
    def day(self) -> date | None:
        if self.value and len(self.value) == 10:
            return date.fromisoformat(self.value)
        return None


class DateFloor(date):
    """A reference day that stands in for an undated page's publication day: its latest stated
    day ("On Aug. 9, another explosion ..." closing a story told "on Tuesday"), which the news may
    follow. A bare weekday read against it is the nearer of that weekday's days around it."""


@lru_cache(maxsize=1)
def _parser():
    # dateparser is slow to import: load it on first use only.
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "MDY",
                                                      "REQUIRE_PARTS": ["day", "month", "year"]})


@lru_cache(maxsize=4096)
def parse_absolute(text: str) -> date | None:
    """Parse a complete date phrase ("Thursday, Mar 11, 2021", "11 March 2021")."""
    core = re.sub(r"^(?:late|early|earlier|later)\s+(?:on\s+)?|^(?:on\s+)?the\s+\w+\s+of\s+", "", text.strip(), flags=re.I)
    core = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", core)
    data = _parser().get_date_data(core)
    return data.date_obj.date() if data and data.date_obj else None


def full_date(groups: dict[str, str | None]) -> date | None:
    """The day a "full" pattern match names, or None for an impossible one ("February 30, 2021").
    The same answer as `parse_absolute` (dateparser) on every phrase the full patterns match
    (tests/text/test_dates_full.py checks it over every month spelling, day and form), without
    dateparser's ~0.5 ms per phrase."""
    try:
        return date(int(groups["year"] or 0), MONTHS[(groups["month"] or "").lower()], int(groups["day"] or 0))
    except (ValueError, KeyError):
        return None


def _month_shift(d: date, months: int) -> tuple[int, int]:
    idx = d.year * 12 + (d.month - 1) + months
    return idx // 12, idx % 12 + 1


def _latest_not_after(month: int, day: int, pub: date) -> date | None:
    for year in (pub.year, pub.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= pub:
            return d
    return None


def _resolve(kind: str, m: re.Match[str], pub: date | None) -> tuple[str | None, str | None]:
    g = m.groupdict()
    text = m.group(0)
    if kind == "iso":
        try:
            return date(int(g["year"]), int(g["mon"]), int(g["day"])).isoformat(), "day"
        except ValueError:
            return None, None
    if kind == "numeric":
        try:
            return date(int(g["year"]), int(g["mon"]), int(g["day"])).isoformat(), "day"
        except ValueError:
            return None, None
    if kind == "full":
        d = full_date(g)
        return (d.isoformat(), "day") if d else (None, None)
    if kind == "month_year":
        return f"{int(g['year']):04d}-{MONTHS[g['month'].lower()]:02d}", "month"
    if kind == "year":
        return g["year"], "year"
    if pub is None:
        return None, _precision_of(kind, g)
    if kind == "partial":
        d = _latest_not_after(MONTHS[g["month"].lower()], int(g["day"]), pub)
        return (d.isoformat(), "day") if d else (None, None)
    if kind == "partial_month":
        month = MONTHS[g["month"].lower()]
        year = pub.year if month <= pub.month else pub.year - 1
        if g["qual"].lower() == "last" and month == pub.month:
            year -= 1
        return f"{year:04d}-{month:02d}", "month"
    if kind == "weekday":
        wd = WEEKDAYS[g["weekday"].lower()]
        if isinstance(pub, DateFloor) and not text.lower().startswith("last "):
            # the nearer of the two around the undated page's latest stated day (news follows it,
            # but a caption's "the day after" can be that latest day too)
            ahead, back = (wd - pub.weekday()) % 7, (pub.weekday() - wd) % 7
            return (pub + timedelta(days=ahead) if ahead < back else pub - timedelta(days=back)).isoformat(), "day"
        delta = (pub.weekday() - wd) % 7
        if text.lower().startswith("last ") and delta == 0:
            delta = 7
        return (pub - timedelta(days=delta)).isoformat(), "day"
    if kind == "relative":
        return _relative(g["rel"].lower(), g, pub)
    return None, None


def _precision_of(kind: str, g: dict[str, str | None]) -> str | None:
    if kind in ("partial", "weekday"):
        return "day"
    if kind == "partial_month":
        return "month"
    rel = (g.get("rel") or "").lower()
    if "week" in rel:
        return "week"
    if "month" in rel:
        return "month"
    if "year" in rel:
        return "year"
    return "day"


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _relative(rel: str, g: dict[str, str | None], pub: date) -> tuple[str | None, str | None]:
    if g.get("ago"):
        raw = g["ago"].lower()
        n = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
        unit = (g.get("unit") or "day").lower()
        if unit.startswith("week"):
            return _monday(pub - timedelta(weeks=n)).isoformat(), "week"
        return (pub - timedelta(days=n)).isoformat(), "day"
    if rel in ("yesterday", "last night"):
        return (pub - timedelta(days=1)).isoformat(), "day"
    if rel.endswith("month"):
        if rel.startswith(("last", "the previous")):
            y, mo = _month_shift(pub, -1)
            return f"{y:04d}-{mo:02d}", "month"
        return f"{pub.year:04d}-{pub.month:02d}", "month"
    if rel.endswith("week"):
        if rel.startswith(("last", "the previous")):
            # the Monday-to-Sunday week before the page's week; a weekend page's "last week" is
            # the week ending that day
            back = 0 if pub.weekday() >= 5 else 7
            return _monday(pub - timedelta(days=back)).isoformat(), "week"
        return _monday(pub).isoformat(), "week"
    if rel.endswith("year"):
        if rel.startswith("last"):
            return str(pub.year - 1), "year"
        return str(pub.year), "year"
    if rel.endswith("weekend"):
        # the Saturday-Sunday before publication (or of it, when published on a weekend)
        back = (pub.weekday() - 5) % 7 if pub.weekday() < 5 else 0
        if rel.startswith("last"):
            back += 7 if pub.weekday() >= 5 else 0
        return _monday(pub - timedelta(days=back)).isoformat(), "week"
    return pub.isoformat(), "day"


# every date phrase contains one of these; the full patterns run only in windows around them
_HINT = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|"
                   r"yesterday|this|last|earlier|ago|past|over|(?:19|20)\d\d|\d{1,2}/)", re.I)


# _HINT for an ASCII text's lower-cased copy, in the form `re` can skip ahead in (every choice
# opens with a literal character: the years and "\d{1,2}/" spelled out digit by digit, in the
# same order of trial; text/literals.skip_ahead_form): the same matches at the same offsets
_HINT_ASCII_LOWER = re.compile(skip_ahead_form(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|this|"
    r"last|earlier|ago|past|over|19\d\d|20\d\d|" + "|".join(rf"{d}\d?/" for d in range(10)) + ")"))


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of `text` around the words every date phrase contains (60 characters either
    side, overlapping ones merged): the full patterns run only there."""
    spans: list[tuple[int, int]] = []
    hints = _HINT_ASCII_LOWER.finditer(text.lower()) if text.isascii() else _HINT.finditer(text)
    for m in hints:
        lo, hi = max(0, m.start() - 60), min(len(text), m.end() + 60)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


# the same patterns without re.I, for the lower-cased text: `re` scans a case-sensitive pattern
# about twice as fast (the patterns' letters are all lower case, so they match the same spans)
_LOWER_PATTERNS = [lower_case_twin(rx) for _, rx in _PATTERNS]
# the words each lower-case pattern cannot match without (a month name, a weekday, ...), all
# looked up in one pass: a window holding none of a pattern's words is not scanned for it
_NEEDS = [required_literals(lrx) if lrx is not None else None for lrx in _LOWER_PATTERNS]
_NEEDED_WORDS = LiteralIndex(_NEEDS)
# and the patterns that need a digit (a year, a day number): not scanned in a window without one
_NEEDS_DIGIT = [needs_digit(rx) for _, rx in _PATTERNS]
_DIGIT = re.compile(r"\d")


def _matches(rx: re.Pattern[str], lower_rx: re.Pattern[str] | None, text: str, low: str | None,
             windows: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """rx's matches in the windows, in order. With a lower-cased copy, the scan runs on it and
    each hit is re-matched on `text` at the same start and window end: the very match object the
    case-insensitive scan would have given."""
    for lo, hi in windows:
        if low is None or lower_rx is None:
            yield from rx.finditer(text, lo, hi)
            continue
        for hit in lower_rx.finditer(low, lo, hi):
            m = rx.match(text, hit.start(), hi)
            assert m is not None and m.end() == hit.end()
            yield m


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """All date phrases in `text` (already folded), resolved against `published`."""
    found: list[DateMention] = []
    for kind, m, anchor in _phrases(text):
        value, precision = _resolve(kind, m, published)
        s, e = m.span()
        found.append(DateMention(s, e, text[s:e], kind, value, precision, anchor))
    found.sort(key=lambda d: d.start)
    return found


@lru_cache(maxsize=2)
def _phrases(text: str) -> tuple[tuple[str, re.Match[str], bool], ...]:
    """The date phrases of `text` (kind, match, whether it anchors a range), in the order the
    patterns find them: all that does not depend on the publication date. Kept for the last
    texts: cleaning reads a page's dates without one, then extraction with the one chosen, and
    on a long page each pass over the text is a large share of the whole."""
    found: list[tuple[str, re.Match[str], bool]] = []
    taken = bytearray(len(text) + 1)  # characters already inside a found date
    windows = _windows(text)
    low: str | None = text.lower()
    if len(low) != len(text) or not case_safe(text):
        low = None  # offsets or re.IGNORECASE semantics would differ on the lower-cased copy
    # the words in each window (only for the lower-cased scan: the patterns' words are lower case)
    present = _NEEDED_WORDS.found_in(low, windows) if low is not None else None
    with_digit = [bool(_DIGIT.search(text, lo, hi)) for lo, hi in windows]
    for (kind, rx), lower_rx, needs, digit in zip(_PATTERNS, _LOWER_PATTERNS, _NEEDS, _NEEDS_DIGIT):
        # a match lies inside its window and contains a word of each needed set, and a digit if
        # its pattern needs one (lower-casing moves no digit)
        scanned = [w for w, has_digit in zip(windows, with_digit) if has_digit] if digit else windows
        if present is not None and lower_rx is not None and needs is not None:
            scanned = [w for w, words, has_digit in zip(windows, present, with_digit)
                       if (has_digit or not digit) and not any(s.isdisjoint(words) for s in needs)]
        for m in _matches(rx, lower_rx, text, low, scanned):
            s, e = m.span()
            if taken.find(1, s, e) >= 0:
                continue
            g = m.groupdict()
            if g.get("month") and g["month"].lower() == "may" and text[s:e].find("May") < 0:
                continue  # the modal verb "may"
            if kind == "partial_month" and g["month"].lower() in ("march", "may") and not text[m.start("month")].isupper():
                continue
            if kind == "weekday" and not text[m.start("weekday")].isupper():
                continue
            qual = (g.get("qual") or "").lower()
            anchor = qual in _ANCHOR_WORDS or bool(_ANCHOR_BEFORE.search(text[max(0, s - 25):s]))
            if anchor and _EVENT_AFTER.match(text[e:e + 40]):
                anchor = False  # "since the December rocket attack": the date of an event, not a range bound
            anchor = anchor or bool(_OTHER_EVENT_BEFORE.search(text[max(0, s - 70):s]))
            found.append((kind, m, anchor))
            taken[s:e] = b"\x01" * (e - s)
    return tuple(found)


@lru_cache(maxsize=16)
def latest_body_date(body: str) -> date | None:
    """The latest complete (day, month and year) date a text states: cleaning checks publication
    dates against it, extraction reads an undated page's relative words against it. Kept for the
    last few texts: one page asks it up to four times (cleaning, crawl date, reference date, the
    undated-page note)."""
    days = [d.day for d in find_dates(fold(body), None) if d.kind in ("full", "iso", "numeric") and d.day]
    return max(days) if days else None
