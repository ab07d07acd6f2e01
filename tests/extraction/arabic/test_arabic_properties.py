"""Whatever Arabic-looking text goes in, the Arabic extractor returns contract-shaped reports
whose evidence points at the text, and never raises (a crash would stop a whole batch)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attackwatch.extraction.arabic import extract_arabic
from attackwatch.models import Article, EVENT_TYPES, WEAPONS

# pieces real pages are made of: cue words, names, dates, digits of both kinds, punctuation
WORDS = ["قاعدة", "عين الأسد", "هجوم", "بطائرة مسيرة", "صواريخ", "أمس", "الأحد", "فجر اليوم", "١٥/ ٢", "27 ديسمبر/كانون الأول 2019",
         "قتل", "جنديان", "ومتعاقد", "أسقطت", "إحداهما", "تبنت", "المقاومة الإسلامية في العراق", "قرى خشام والجفرة",
         "الحويجة", "جنوب الحسكة", "قادماً من أربيل", "لم يسفر الهجوم عن إصابات", "الموافق 15 شعبان", "8 نيسان",
         "سليماني", "اغتيال", "البرج 22", "منذ", "من جهة أخرى", "هذا الهجوم", "،", ".", "\n", ":", "«", "»", "ـ", "ّ"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي٠١٢٣ ", max_size=8)),
                max_size=40),
       st.sampled_from([None, "2024-01-28"]))
def test_arabic_extractor_never_raises_and_points_at_the_text(words: list[str], published: str | None) -> None:
    from datetime import date

    text = " ".join(words)
    article = Article(id="p", text=text, language="ar",
                      published=date.fromisoformat(published) if published else None)
    for rep in extract_arabic(article):
        assert rep.event_type in EVENT_TYPES and rep.weapon in WEAPONS
        assert rep.date and rep.place
        for ev in rep.evidence:
            assert text[ev.start:ev.end] == ev.text
