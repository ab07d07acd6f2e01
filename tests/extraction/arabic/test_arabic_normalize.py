"""Folding Arabic for matching: one spelling in the pack matches the variants outlets print,
and every folded character maps back to the verbatim text."""
from __future__ import annotations

import pytest

from attackwatch.extraction.arabic.normalize import compile_terms, fold_ar, fold_term


@pytest.mark.parametrize("a, b", [
    ("أربيل", "اربيل"),            # hamza on the alef
    ("إيران", "ايران"),            # hamza under it
    ("آذار", "اذار"),              # madda
    ("مصطفى", "مصطفي"),           # alef maksura / ya
    ("طائرة مسيرة", "طائره مسيره"),  # ta marbuta / ha
    ("مسيّرة", "مسيرة"),           # shadda
    ("الـ15", "ال15"),             # tatweel
    ("٣ قتلى", "3 قتلي"),          # Eastern Arabic digits
    ("۱۵", "15"),                  # Persian digits
    ("کانون", "كانون"),            # Persian keheh
    ("«كتائب حزب الله»", '"كتائب حزب الله"'),
])
def test_variants_fold_alike(a: str, b: str) -> None:
    assert fold_term(a) == fold_term(b)


def test_offsets_map_back_to_the_verbatim_text() -> None:
    text = "سقطت طائرةٌ مسيّرة على قاعدة عين الأسد"
    f = fold_ar(text)
    start = f.text.index("مسيره")
    s, e = f.span(start, start + len("مسيره"))
    assert text[s:e] == "مسيّرة"


@pytest.mark.parametrize("term, text, hit", [
    ("طائرة", "هجوم بطائرة مسيرة", True),            # bi- glued on
    ("طائرة", "وأسقطت الطائرة", True),              # the article
    ("الأنبار", "قاعدة عين الأسد بالأنبار", True),    # bi + al
    ("الأنبار", "وبالأنبار", True),
    ("التحالف", "قاعدة للتحالف الدولي", True),        # li + al = lil
    ("الأحد", "في أسبوع واحد", False),                # an article-bearing term keeps its article
    ("الأحد", "مساء الأحد", True),
    ("قاعدة", "القواعد", False),                     # no letters glued on after it
    ("صاروخ*", "قصفا صاروخيا", True),                # a stem
    ("عين الأسد", "عين  الاسد", True),               # spaces
])
def test_clitic_tolerant_matching(term: str, text: str, hit: bool) -> None:
    rx = compile_terms([term])
    assert rx is not None
    assert bool(rx.search(fold_ar(text).text)) is hit
