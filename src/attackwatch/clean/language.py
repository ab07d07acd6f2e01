"""Which language is a page in? py3langid (its model ships in the wheel: nothing is fetched)
names the language of the cleaned text; English and Arabic pages have an extractor, any other
is turned away with a reason instead of having nonsense extracted from it."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

SUPPORTED = ("en", "ar")

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


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    """The langid model, loaded on first use (about half a second), not at import."""
    import py3langid

    return py3langid


# the Arabic script's blocks (Arabic, Supplement, Extended-B and -A, Presentation Forms A and B)
_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def identify_language(text: str) -> str | None:
    """ISO 639-1 code of `text`'s language, None when there is no text to judge.

    English prose whose statistics langid misreads (a short page of names and numbers) is
    still English when its function words say so: a false refusal loses a page, and the
    English share of function words is near zero in any other language. Such a page is English
    without asking langid at all when it has no Arabic letter (langid's only other answer it
    would keep, and one the Arabic extractor could not read): its byte-by-byte walk of 20,000
    characters was a sixth of the whole extraction's time."""
    sample = text[:20000].strip()
    if not _TOKEN.search(sample):
        return None
    script = dominant_script(sample)
    if script == "LATIN" and not _ARABIC_LETTER.search(sample) and english_ratio(sample) >= 0.12:
        return "en"
    lang, _ = _identifier().classify(sample)
    if lang in SUPPORTED:
        return lang
    if script == "LATIN" and english_ratio(sample) >= 0.12:
        return "en"
    return lang


def language_problem(text: str) -> str | None:
    """A one-line reason when `text` is in a language no extractor reads, else None."""
    return unsupported_reason(identify_language(text))


def unsupported_reason(lang: str | None) -> str | None:
    """A one-line reason when `lang` (identify_language's answer) has no extractor, else None."""
    if lang is None or lang in SUPPORTED:
        return None
    return f"not English or Arabic ({lang})"
