"""Arabic text folded for matching, with a map back to the original offsets.

News copy writes one word many ways: hamza on or under the alef or not (أربيل/اربيل), final
ya or alef maksura (مصطفى/مصطفي), ta marbuta or ha, with or without short vowels (مسيّرة),
stretched with tatweel (الـ15), Persian letters typed on Persian keyboards (کانون), and Eastern
Arabic digits (٣ قتلى). Lexicon terms and page text are folded the same way, so one spelling in
the pack matches them all. Evidence keeps the verbatim text: every folded character remembers
where it came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pyarabic import araby

# one letter for each family of variants (pyarabic's letter constants, so the sets are named)
_LETTER_FOLD = {
    araby.ALEF_HAMZA_ABOVE: araby.ALEF, araby.ALEF_HAMZA_BELOW: araby.ALEF, araby.ALEF_MADDA: araby.ALEF,
    araby.ALEF_WASLA: araby.ALEF, araby.ALEF_MAKSURA: araby.YEH, araby.TEH_MARBUTA: araby.HEH,
    "\u06cc": araby.YEH,  # Persian yeh (ی)
    "\u06a9": araby.KAF,  # Persian keheh (ک)
    "\u06af": araby.KAF,  # Persian gaf: Arabic copy writes ك or ج for it; ك keeps a lookup possible
    "\u0649": araby.YEH,
}
_DIGITS = {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}
_DROP = frozenset(araby.TASHKEEL) | {araby.TATWEEL, "\u0670", "\u200c", "\u200d", "\u200e", "\u200f"}
_QUOTES = {"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "″": '"', "’": "'", "‘": "'"}
_SEPARATORS = {"،": ",", "؛": ";", "؟": "?", "ـ": ""}


@dataclass(frozen=True, slots=True)
class Folded:
    """`text` folded; `origin[i]` is the offset in the original of folded character i
    (one extra entry at the end for the end of the text)."""

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of folded span [start, end)."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def fold_char(ch: str) -> str:
    if ch in _DROP:
        return ""
    if ch in _DIGITS:
        return _DIGITS[ch]
    if ch in _QUOTES:
        return _QUOTES[ch]
    if ch in _SEPARATORS:
        return _SEPARATORS[ch]
    return _LETTER_FOLD.get(ch, ch.lower())


def fold_ar(text: str) -> Folded:
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        f = fold_char(ch)
        for c in f:
            out.append(c)
            origin.append(i)
    origin.append(len(text))
    return Folded("".join(out), tuple(origin))


def fold_term(term: str) -> str:
    """A lexicon term folded like page text, its spaces single."""
    return " ".join(fold_ar(term).text.split())


# Clitics written onto the next word: the conjunctions wa/fa, the prepositions bi/li/ka, then
# the article al (li + al = lil). "بطائرة" matches "طائرة", "وبالأنبار" matches "الأنبار".
_PROCLITICS = r"(?:[وف]?(?:[بلك]|لل)?)"
_ARTICLE = "ال"
_LETTER = r"[\u0621-\u064a\u0671-\u06d3]"


def term_pattern(term: str) -> str:
    """A regex source for a folded lexicon term on folded text: proclitics allowed before it,
    no other letter glued on either side. A term written without the article also matches
    with it (قاعدة → القاعدة، بالقاعدة); one written with it keeps it (الأحد is not أحد), in
    either spelling (الأنبار، بالأنبار، للتحالف). A term ending in `*` also matches its
    inflections (صاروخ* → صاروخا، صاروخية); a word `~` stands for up to two words."""
    stem = term.endswith("*")
    term = fold_term(term.rstrip("*"))
    words = term.split(" ")
    first = words[0]
    if first.startswith(_ARTICLE) and len(first) > 3:
        head = f"(?:[وف]?(?:[بك]?{_ARTICLE}|لل)){re.escape(first[2:])}"
    else:
        head = f"{_PROCLITICS}(?:{_ARTICLE})?{re.escape(first)}"
    # "~" stands for up to two words ("لم يسفر ~ عن" covers "لم يسفر الهجوم عن")
    body = head
    for w in words[1:]:
        body += r"\s+(?:\S+\s+){0,2}?" if w == "~" else (re.escape(w) if body.endswith("?") else r"\s+" + re.escape(w))
    tail = f"{_LETTER}*" if stem else ""
    return f"(?<!{_LETTER}){body}{tail}(?!{_LETTER})"


def compile_terms(terms: list[str]) -> re.Pattern[str] | None:
    """One regex for many terms, longest first so the fullest name wins."""
    uniq = sorted({t for t in terms if t.strip()}, key=lambda t: -len(t))
    if not uniq:
        return None
    return re.compile("|".join(f"(?:{term_pattern(t)})" for t in uniq))
