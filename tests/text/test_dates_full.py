"""text/dates.py: a "full" date phrase is resolved by direct computation (`full_date`), which must
agree with dateparser (`parse_absolute`), the parser it replaced, on every shape the full patterns
match: each month spelling, impossible days, ordinals, weekdays and time-of-day prefixes."""
from __future__ import annotations

import itertools
import random

import pytest

from attackwatch.text import dates as D

FULL = [rx for kind, rx in D._PATTERNS if kind == "full"]
MONTHS = [*D.MONTHS, *(m.capitalize() for m in D.MONTHS), "Sept.", "Jan.", "FEB"]


def _phrases() -> list[str]:
    rng = random.Random(14)
    out = [f"{mo} {d}, 2024" for mo in MONTHS for d in (1, 29, 30, 31)]  # 2024: February 29 exists
    for pre, wd, form in itertools.product(["", "late ", "on the evening of "], ["", "Monday, ", "friday "],
                                           ["{mo} {d}, {yr}", "{d} of {mo}, {yr}", "{d} {mo} {yr}", "{mo}{d} {yr}"]):
        mo = rng.choice(MONTHS)
        for d, yr in (("3rd", "2021"), ("31", "2023"), ("29", "2021"), ("09", "1999")):
            out.append(pre + wd + form.format(mo=mo, d=d, yr=yr))
    return out


@pytest.mark.parametrize("phrase", _phrases())
def test_full_date_agrees_with_dateparser(phrase: str) -> None:
    m = next((m for m in (rx.fullmatch(phrase) for rx in FULL) if m), None)
    assert m is not None, f"{phrase!r} is no full date phrase"
    assert D.full_date(m.groupdict()) == D.parse_absolute(m.group(0))
