"""An Arabic and an English report of one incident become one incident: both outlets, both
evidence sentences, n_sources counting both. Actor and place ids are shared across scripts
(the Arabic names sit in the same pack rows as the English ones), so resolution needs nothing
language-specific.

The pages are written for this test about a real incident: the drone attack on Tower 22 in
north-eastern Jordan on Sunday 28 January 2024 (three US soldiers killed, more than 40 wounded,
announced by US Central Command)."""
from __future__ import annotations

from pathlib import Path

import pytest

from attackwatch.store import open_store
from attackwatch.store.dataset import Dataset

from store.helpers import page  # tests/ is on sys.path: the store tests' helpers

ENGLISH = ("Three US soldiers killed in drone attack on base in Jordan\n\n"
           "Three US service members were killed and more than 40 were wounded when a one-way attack drone struck "
           "Tower 22, a small US outpost in northeastern Jordan near the Syrian border, on Sunday, US Central "
           "Command said.\n\nThe Islamic Resistance in Iraq, an umbrella of Iran-backed militias, claimed attacks on "
           "several bases near the Jordan-Syria border that day.")
ARABIC = ("مقتل ثلاثة جنود أمريكيين بهجوم بمسيرة على قاعدة في الأردن\n\n"
          "قتل ثلاثة جنود أمريكيين وأصيب أكثر من 40 آخرين، الأحد، في هجوم بطائرة مسيرة استهدف قاعدة البرج 22 "
          "في شمال شرق الأردن قرب الحدود السورية، وفق ما أعلنت القيادة المركزية الأمريكية في بيان.\n\n"
          "وتبنت المقاومة الإسلامية في العراق هجمات على عدة قواعد قرب الحدود الأردنية السورية في اليوم نفسه.")
# the same day, another base: must stay apart
ARABIC_OTHER_BASE = ("هجوم بمسيرة على قاعدة التنف\n\n"
                     "تعرضت قاعدة التنف في ريف حمص الشرقي، الأحد، لهجوم بطائرة مسيرة دون وقوع إصابات، وفق ما أعلنت "
                     "القيادة المركزية الأمريكية في بيان.")


@pytest.fixture(scope="module")
def pages():  # type: ignore[no-untyped-def]
    return {"en": page("t22-en", ENGLISH, "2024-01-28", "Example Wire"),
            "ar": page("t22-ar", ARABIC, "2024-01-28", "مثال نيوز"),
            "ar-tanf": page("tanf-ar", ARABIC_OTHER_BASE, "2024-01-28", "مثال نيوز")}


def test_both_pages_are_read_in_their_language(pages) -> None:  # type: ignore[no-untyped-def]
    assert (pages["en"].article.language, pages["ar"].article.language) == ("en", "ar")
    [en], [ar] = pages["en"].reports, pages["ar"].reports
    for field in ("date", "weapon", "actor", "place_id", "admin1_code", "killed", "injured", "confirmation"):
        assert getattr(ar, field) == getattr(en, field), field
    assert (ar.place, ar.killed, ar.injured) == ("Tower 22", 3, 40)


@pytest.mark.parametrize("order", [("en", "ar"), ("ar", "en")])
def test_arabic_and_english_reports_ingest_into_one_incident(pages, tmp_path: Path, order) -> None:  # type: ignore[no-untyped-def]
    store = open_store(str(tmp_path / "x.db"))
    try:
        ds = Dataset(store)
        for key in (*order, "ar-tanf"):
            ds.ingest([pages[key]])
        incidents = list(store.query_incidents())
        assert len(incidents) == 2, [(i["place"], i["n_sources"]) for i in incidents]
        [t22] = [i for i in incidents if i["place"] == "Tower 22"]
        assert t22["n_sources"] == 2
        evidence = [e["text"] for r in t22["reports"] for e in r["evidence"]]
        assert any("Tower 22" in e for e in evidence) and any("البرج 22" in e for e in evidence)
        assert {r["outlet"] for r in t22["reports"]} == {"Example Wire", "مثال نيوز"}
        assert store.check() == []
    finally:
        store.close()
