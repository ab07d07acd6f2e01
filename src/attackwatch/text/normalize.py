"""Length-preserving text folding.

Matching runs on a folded copy of the text in which every character maps to exactly
one character (curly quotes to ', dashes to -, accented letters to their base letter),
so offsets found in the folded copy are offsets into the original text too.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_FIXED = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u02bc": "'", "\u02bb": "'",
    "\u02be": "'", "\u02bf": "'", "\u00b4": "'", "`": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": " ", "\u2007": " ",
    "\u00ad": " ", "\ufeff": " ", "\t": " ", "\r": " ",
}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _FIXED:
        return _FIXED[ch]
    if ord(ch) < 128:
        return ch
    decomposed = unicodedata.normalize("NFKD", ch)
    base = decomposed[:1]
    # keep the character when folding would not give a single ASCII letter/digit
    if len(base) == 1 and base.isascii() and all(unicodedata.combining(c) for c in decomposed[1:]):
        return base
    return ch


class _FoldTable(dict):  # type: ignore[type-arg]
    """str.translate's table, filled on first sight of each character: one C-level pass over a
    page instead of a Python call per character."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Return `text` with quotes, dashes, spaces and accents folded; same length."""
    if text.isascii() and "`" not in text and "\t" not in text and "\r" not in text:
        return text
    return text.translate(_FOLD_TABLE)


_NOT_ALNUM = re.compile(r"[\W_]+")


def name_key(text: str | None) -> str:
    """A comparison key for names: folded, lower-case, letters and digits single-spaced."""
    if not text:
        return ""
    # apostrophes dropped, every other run of non-alphanumerics one space: [\W_] is exactly
    # "not str.isalnum()" (re's \w is isalnum() plus the underscore), in C instead of a
    # Python loop per character (cleaning keys every line of a page)
    return " ".join(_NOT_ALNUM.sub(" ", fold(text).lower().replace("'", "")).split())
