"""Publication date, author and title from a page's own lines.

Order of trust: the sidecar; then the byline/dateline near the title and the signature
at the end; then dates the HTML metadata gives. A page header's current date and a
comment's timestamp are never candidates (cleaning never offers them). A candidate is
checked against the body: a page cannot be published before a complete date its body
reports as past.
"""
from __future__ import annotations

import re
from datetime import date

from attackwatch.text.dates import MONTHS, find_dates, latest_body_date
from attackwatch.text.normalize import fold

_BY = re.compile(r"^\s*(?:by|written by|posted by)\s*[|:]?\s*(?P<name>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})?", re.I)


def dates_in_line(line: str) -> list[date]:
    return [d.day for d in find_dates(fold(line), None) if d.day and d.precision == "day"]


def author_from(lines: list[str]) -> str | None:
    for line in lines:
        m = _BY.match(line)
        if m and m.group("name"):
            name = re.split(r"\s*[|,]\s*|\s+(?:on|at)\s+", m.group("name"))[0].strip()
            if name and name.split()[0].lower().rstrip(".") in MONTHS:
                continue
            if name and not any(ch.isdigit() for ch in name):
                return name
    for line in lines:  # a signature: a short name line without digits
        if not any(ch.isdigit() for ch in line) and 1 <= len(line.split()) <= 4 and not _BY.match(line):
            return line.strip()
    return None


def choose_published(candidates: list[tuple[str, date]], body: str) -> tuple[date | None, str | None]:
    """Pick the first candidate (source, date) that the body does not contradict."""
    latest = latest_body_date(body) if candidates else None
    for source, d in candidates:
        if latest and d < latest:
            continue
        return d, source
    return None, None


def byline_candidates(byline_lines: list[str]) -> list[tuple[str, date]]:
    out = []
    for line in byline_lines:
        for d in dates_in_line(line):
            out.append(("byline", d))
    return out
