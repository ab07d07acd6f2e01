"""Is this page in English? A cheap check on scripts and function words, enough to turn
away a page in another language with a reason instead of extracting nonsense from it."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

_STOPWORDS = frozenset("the of and to in a on for that with was were is by as at from it its said have has".split())
_TOKEN = re.compile(r"[^\W\d_]+", re.U)


def english_ratio(text: str) -> float:
    """Share of words that are common English function words (English prose: ~0.3)."""
    words = _TOKEN.findall(text[:20000].lower())
    if not words:
        return 0.0
    return sum(w in _STOPWORDS for w in words) / len(words)


_DROP_ASCII_LETTERS = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def dominant_script(text: str) -> str | None:
    """The Unicode script most letters belong to ("LATIN", "ARABIC", "CYRILLIC", ...)."""
    sample = text[:20000]
    ascii_letters = len(sample) - len(sample.translate(_DROP_ASCII_LETTERS))  # counted in C, no list of letters
    others = [ch for ch in _NON_ASCII.findall(sample) if ch.isalpha()]
    if ascii_letters >= len(others):
        return "LATIN" if ascii_letters else None  # the common case, without naming every character
    counts: Counter[str] = Counter({"LATIN": ascii_letters})
    for ch in others:
        name = unicodedata.name(ch, "")
        counts[name.split(" ")[0] if name else "OTHER"] += 1
    return counts.most_common(1)[0][0]


def language_problem(text: str) -> str | None:
    """A one-line reason when `text` is not English, else None."""
    script = dominant_script(text)
    if script and script != "LATIN":
        return f"not an English-language page (mostly {script.title()} script)"
    if len(text) > 200 and english_ratio(text) < 0.08:
        return "not an English-language page"
    return None
