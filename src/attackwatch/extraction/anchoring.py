"""Dates anchored on another event: "the day after US forces struck" (the incident in focus),
"five days after Soleimani's death" (a landmark the pack records)."""
from __future__ import annotations

import re
from datetime import date, timedelta

from attackwatch.extraction.annotate import Annotated, Sentence
from attackwatch.text.dates import DateMention, find_dates
from attackwatch.text.normalize import fold
from attackwatch.extraction.frames import Frame, landmark_in, names_landmark
from attackwatch.packs import Pack


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


# "the rocket attacks came the day after US forces carried out airstrikes": the clause before
# "after"/"before" gives the gap from the incident in focus
_GAP = re.compile(r"\b(?:(the|a|one|two|three|four|five|six|\d)\s+(day|days)|(hours|hours?\s+later)|(days|weeks)|((?:within|less\s+than|under|barely)\s+)?(?:a|one)\s+(week))\s*$")


# the clause before "after" tells a strike answering what follows ("US jets struck ... after")
_ANSWER_AFTER = re.compile(r"\b(?:struck|strikes?|attacked|hit|targeted|bombed|retaliat\w*|responded)\b", re.I)


def relative_to_focus(f: Frame, sent: Sentence, ann: Annotated, focus: str | None) -> DateMention | None:
    """The date of a subordinate telling from its gap to the incident in focus (dated `focus`)."""
    first = f.segs[0]
    if first.lead not in ("after", "before", "following") or not focus or len(focus) != 10:
        return None
    before = [s for s in sent.segments if s.end <= first.start]
    if not before:
        return None
    m = _GAP.search(ann.folded[before[-1].start:before[-1].end].lower().rstrip(" ,"))
    if m is None:
        if first.lead == "after" and _ANSWER_AFTER.search(ann.folded[before[-1].start:before[-1].end]):
            # "an AC-130 struck the group on Monday after it fired a missile at Al-Asad": a strike
            # answering an attack comes within a day of it (the day told, give or take one)
            return DateMention(first.start, first.start, "", "answered", focus, "day")
        return None
    if m.group(6) and not m.group(5):  # "a week after the Tower 22 attack": seven days
        days = 7 if first.lead == "before" else -7
        return DateMention(first.start, first.start, "", "relative", _shift(focus, days), "day")
    if m.group(6):
        # "the second attack within a week, following a rocket strike on al-Asad", "less than a week
        # after": some day of the week before the focus, told as the week that begins on its Monday
        start = date.fromisoformat(focus) - timedelta(days=4)
        monday = start - timedelta(days=start.weekday())
        return DateMention(first.start, first.start, "", "relative", monday.isoformat(), "week")
    if m.group(4):  # "days after": the month of the incident in focus
        return DateMention(first.start, first.start, "", "relative", focus[:7], "month")
    days = 0 if m.group(3) else _OFFSET_NUMBERS.get(m.group(1), 1)
    if first.lead in ("after", "following"):
        days = -days  # the focus came the day after it: it was the day before
    return DateMention(first.start, first.start, "", "relative", _shift(focus, days), "day")


# "The next day, US forces struck ...", "Two days later, ...", "Hours later, ...": counted from the
# incident in focus (only at the head of the sentence, where it dates what the sentence tells)
_LATER = re.compile(r"\s*(?:(?:on|by)\s+)?(?:(?:the\s+)?(?P<next>next|following)\s+(?:day|morning|evening|night|afternoon)"
                    r"|(?P<n>a|one|two|three|four|five|six|\d)\s+days?\s+later|(?P<hours>(?:a\s+few\s+|several\s+|just\s+)?"
                    r"hours\s+later|later\s+(?:that|the\s+same)\s+(?:day|night|evening))|(?P<same>(?:on\s+)?the\s+same\s+(?:day|night)))\b",
                    re.I)


def later_than_focus(f: Frame, sent: Sentence, ann: Annotated, focus: str | None) -> DateMention | None:
    """The date of a telling that opens by counting days from the incident in focus."""
    if not focus or len(focus) != 10 or f.segs[0].sent != sent.index:
        return None
    m = _LATER.match(ann.folded, sent.start)
    if m is None or not f.segs[0].start <= m.start() < f.segs[0].end:
        return None  # the count opens another frame of the sentence, not this one
    if m.group("next"):
        days = 1
    elif m.group("n"):
        days = _OFFSET_NUMBERS.get(m.group("n").lower(), 1) if not m.group("n").isdigit() else int(m.group("n"))
    else:
        days = 0  # "hours later", "on the same day"
    return DateMention(m.start(), m.end(), m.group(0).strip(), "relative", _shift(focus, days), "day")


def landmark_date(f: Frame, ann: Annotated, pack: Pack) -> DateMention | None:
    """The date of a well-known incident the clause itself tells (from the landmarks pack)."""
    day = f.landmark.fields.get("date") if f.landmark else None
    if not day or (ann.published and day > ann.published.isoformat()):
        return None  # never date a mention by an event the page could not have known
    # only a landmark the clause itself tells: "after the assassination of Soleimani" or "in the
    # wake of the Jordan attack" names the event answered, not this one
    text = " ".join(ann.folded[s.start:s.end].lower() for s in f.segs)
    m = _OFFSET.search(text)  # "five days after Soleimani's death" dates by the landmark
    # a frame told wholly in a side clause ("..., days after the US killed Soleimani") is that event
    told = [s for s in f.segs if m or not (s.subordinate or s.has("BACKGROUND"))] or (
        f.segs if all(s.subordinate for s in f.segs) else [])
    if not told or landmark_in(told, ann.folded, pack) is None:
        return None
    seg = told[0]
    # the page's own coarser words win ("since January, when a drone struck Tower 22"): the
    # landmark only confirms them
    said = next((d for s in f.segs for d in s.dates if d.value and day.startswith(d.value)), None)
    if said is not None and m is None:
        return DateMention(said.start, said.end, said.text, said.kind, said.value, said.precision)
    if m is None:
        return DateMention(seg.start, seg.start, "", "landmark", day, "day")
    n = _OFFSET_NUMBERS.get(m.group(1) or "", None)
    if n is None:  # "days after the killing": the landmark's month
        return DateMention(seg.start, seg.start, "", "landmark", day[:7], "month")
    days = n * (7 if m.group(2).startswith("week") else 1) * (1 if m.group(3) == "after" else -1)
    return DateMention(seg.start, seg.start, "", "landmark", _shift(day, days), "day")


# "five days after Soleimani's death": an offset from a landmark
_OFFSET = re.compile(r"\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?(days?|weeks?)\s+(after|before)\b")
_OFFSET_NUMBERS = {"the": 1, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                   "eight": 8, "nine": 9, "ten": 10, **{str(i): i for i in range(1, 32)}}


def landmark_floor(text: str, pack: Pack) -> date | None:
    """The latest date of a well-known event the page names: a page is written after every
    event it tells of, so its yearless dates fall after this day."""
    low = fold(text).lower()
    days = [date.fromisoformat(mark.fields["date"]) for mark in pack.landmarks.values()
            if mark.fields.get("date") and names_landmark(mark, low)]
    return max(days) if days else None


def dated_by_landmarks(text: str, pack: Pack) -> date | None:
    """For a page with no publication date and no full date: its latest yearless day ("late on
    November 23") read as the first such day after the latest landmark it names (the killing
    of Soleimani, the Tower 22 attack), which stands in for the publication date. None when the
    page names no landmark or no yearless day."""
    floor = landmark_floor(text, pack)
    if floor is None:
        return None
    # a day-month read against "a year after the landmark" is its first occurrence after it
    horizon = floor + timedelta(days=365)
    days = [date.fromisoformat(d.value) for d in find_dates(fold(text), horizon)
            if d.kind == "partial" and d.value and not d.anchor]
    days = [d for d in days if d >= floor]
    return max(days) if days else None
