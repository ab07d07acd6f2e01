"""text/normalize.name_key: the regex form must key every string as the per-character rule did."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attackwatch.text.normalize import fold, name_key


def _per_character(text: str | None) -> str:
    """The previous implementation, kept as the reference."""
    if not text:
        return ""
    out = []
    for c in fold(text).lower():
        if c.isalnum():
            out.append(c)
        elif c == "'":
            continue
        else:
            out.append(" ")
    return " ".join("".join(out).split())


@pytest.mark.parametrize("text, key", [
    ("Kata'ib Hezbollah", "kataib hezbollah"),
    ("  The  New-York_Times\u2019 ", "the new york times"),
    ("\u0130stanbul \u00c9dition \u2013 \u0661\u0662\u00b2", "istanbul edition \u0661\u0662" + "2"),  # fold: superscript two to 2
    ("", ""),
    (None, ""),
    ("'''", ""),
])
def test_name_key(text: str | None, key: str) -> None:
    assert name_key(text) == key == _per_character(text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_name_key_equals_the_per_character_rule(text: str) -> None:
    assert name_key(text) == _per_character(text)
