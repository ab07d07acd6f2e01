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


def dominant_script(text: str) -> str | None:
    """The Unicode script most letters belong to ("LATIN", "ARABIC", "CYRILLIC", ...)."""
    counts: Counter[str] = Counter()
    for ch in text[:20000]:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            counts[name.split(" ")[0] if name else "OTHER"] += 1
    return counts.most_common(1)[0][0] if counts else None


def language_problem(text: str) -> str | None:
    """A one-line reason when `text` is not English, else None."""
    script = dominant_script(text)
    if script and script != "LATIN":
        return f"not an English-language page (mostly {script.title()} script)"
    if len(text) > 200 and english_ratio(text) < 0.08:
        return "not an English-language page"
    return None
