"""Find the rows of a table that a saved page flattened into lines.

Trackers and analyst blogs list incidents in a two-column table ("Date | Target"); a browser
copy turns each cell into a line of its own, so the page reads

    Feb 15
    Rockets hit Green Zone, Baghdad
    Feb 21
    Mortars fired at base, Makhmour dist, Irbil

Line by line, a bare date looks like a dateline and a short description like chrome, and the
table would be dropped. Read as rows, each is an incident with its day. A list of related
stories (a date and a headline per item) has the same shape, so a run counts as a table only
when it is headed by a "Date" column or its dates run in order without a year, as a table of
one season's incidents does.
"""
from __future__ import annotations

import re
from datetime import date

from attackwatch.text.normalize import fold

_MONTHS = {m: i + 1 for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_CELL_DATE = re.compile(
    r"^(?:(?P<m1>[A-Za-z]{3,9})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?|(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]{3,9})\.?)"
    r"(?:,?\s+(?P<y>\d{4}))?\s*[:.\-–—]?$")
_HEADER = re.compile(r"^\s*(?:date|day|when)\s*$", re.I)
_MIN_ROWS = 3


def _cell_date(line: str) -> tuple[int, int, bool] | None:
    """(month, day, has_year) of a line that is only a date, else None."""
    m = _CELL_DATE.match(fold(line).strip())
    if m is None:
        return None
    month = _MONTHS.get((m.group("m1") or m.group("m2") or "")[:3].lower())
    day = int(m.group("d1") or m.group("d2"))
    if month is None or not 1 <= day <= 31:
        return None
    try:
        date(2000, month, day)  # a leap year: any real day of the year
    except ValueError:
        return None
    return month, day, m.group("y") is not None


def _is_cell_text(line: str) -> bool:
    """A description cell: some words, not another date."""
    return _cell_date(line) is None and len(re.findall(r"[^\W\d_]+", line)) >= 2 and len(line) <= 200


def table_rows(lines: list[str]) -> dict[int, int]:
    """Map the index of each date cell that starts a row to the index of its description."""
    rows: dict[int, int] = {}
    i = 0
    while i < len(lines):
        run: list[tuple[int, int, tuple[int, int, bool]]] = []
        j = i
        while j + 1 < len(lines):
            when = _cell_date(lines[j])
            if when is None or not _is_cell_text(lines[j + 1]):
                break
            run.append((j, j + 1, when))
            j += 2
        if len(run) >= _MIN_ROWS:
            headed = any(_HEADER.match(lines[k]) for k in range(max(0, i - 3), i))
            days = [(mo, d) for _, _, (mo, d, _y) in run]
            yearless = not any(y for _, _, (_m, _d, y) in run)
            # a season's table may cross the new year (Dec 27, then Jan 3)
            steps = list(zip(days, days[1:]))
            ordered = (all(a <= b or a[0] >= 11 and b[0] <= 2 for a, b in steps)
                       or all(a >= b or a[0] <= 2 and b[0] >= 11 for a, b in steps))
            if headed or (yearless and ordered):
                rows.update({a: b for a, b, _ in run})
            i = j
        else:
            i += 1
    return rows
