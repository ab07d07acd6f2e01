"""Language identification: English by its function words without langid's byte walk, every
other page by langid (its answer decides refusals and the Arabic extractor)."""
from __future__ import annotations

import pytest

from attackwatch.clean import language
from attackwatch.clean.language import identify_language, unsupported_reason

ENGLISH = "A drone struck the base at the airport on Monday and two soldiers were wounded, officials said."
FRENCH = "Un drone a frappé la base près de l'aéroport lundi et deux soldats ont été blessés selon les responsables."
ARABIC = "استهدفت طائرة مسيرة قاعدة عين الأسد في محافظة الأنبار يوم الاثنين وأصيب جنديان بجروح طفيفة."


@pytest.mark.parametrize("text, expected", [
    (ENGLISH, "en"),
    (FRENCH, "fr"),
    (ARABIC, "ar"),
    (ENGLISH + " The group, known as " + "كتائب حزب الله" + ", claimed it.", "en"),  # a quoted Arabic name
    ("12 34 56 -- ", None),
])
def test_identify_language(text: str, expected: str | None) -> None:
    assert identify_language(text) == expected


def test_english_prose_skips_langid(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = language._identifier()
    monkeypatch.setattr(language, "_identifier", lambda: calls.append(1) or real)
    assert identify_language(ENGLISH) == "en"
    assert calls == []
    assert identify_language(ENGLISH + " " + ARABIC) in ("en", "ar")  # an Arabic letter: langid decides
    assert calls == [1]


@pytest.mark.parametrize("lang, reason", [("en", None), ("ar", None), (None, None), ("fr", "not English or Arabic (fr)")])
def test_unsupported_reason(lang: str | None, reason: str | None) -> None:
    assert unsupported_reason(lang) == reason
