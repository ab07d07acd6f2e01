"""Helpers shared by the store tests: pipeline results for short test articles, a
database's incident grouping, and a full SQL dump for before/after comparisons."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from attackwatch.pipeline import PageResult, article_from_text, extract_article

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


def page(article_id: str, text: str, published: str, outlet: str, url: str | None = None) -> PageResult:
    """A pipeline result for a short article written for the tests."""
    article = article_from_text(text, published=published, article_id=article_id)
    article.outlet = outlet
    article.url = url or f"https://tests.example/{article_id}"
    return PageResult(path=f"{article_id}.txt", article=article, reports=extract_article(article))


def groups(store: Any) -> dict[str, tuple[str, ...]]:
    """incident id -> its report ids, sorted."""
    return {i: tuple(store.members(i)) for i in store.incident_ids()}


def dump(path: Path | str) -> list[str]:
    """The whole database as SQL text (schema and every row, full-text index included)."""
    conn = sqlite3.connect(str(path))
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


# Short articles written for these tests: (outlet, published, text). Not taken from any outlet.
ARTICLES: dict[str, tuple[str, str, str]] = {
    # one rocket attack on Ain al-Asad, told three ways (counts differ, one claims, one confirms)
    "asad_local": ("Alpha Times", "2024-03-06",
                   "Rockets land inside Ain al-Asad base\n\nRockets fell inside Ain al-Asad air base in Anbar on Tuesday, "
                   "wounding two American soldiers, according to Iraqi security officials."),
    "asad_claim": ("Bravo News", "2024-03-06",
                   "Militia says it fired rockets at al-Asad base\n\nThe Islamic Resistance in Iraq said in a statement that "
                   "its fighters fired five rockets at the al-Asad airbase in western Iraq on Tuesday."),
    "asad_centcom": ("Charlie Post", "2024-03-07",
                     "Pentagon confirms rocket attack on Ain al-Assad\n\nUS Central Command confirmed on Wednesday that three "
                     "rockets hit Ain al-Assad air base in Anbar province on Tuesday, wounding four American service members."),
    # a coarse telling that fits only that attack
    "asad_month": ("Echo Wire", "2024-03-27",
                   "Anbar base under fire\n\nEarlier this month, rockets were fired at Ain al-Asad air base, officials said."),
    # a drone attack on Harir, told by two outlets a day apart
    "harir_a": ("Alpha Times", "2023-10-30",
                "Drone targets Harir base\n\nA drone targeted Harir air base, which hosts US troops north of Erbil, on Sunday, "
                "causing no casualties, the Kurdistan Region's counter-terrorism service said."),
    "harir_b": ("Delta Daily", "2023-10-31",
                "Harir base hit by drone\n\nAn explosive-laden drone struck the Harir airbase in Erbil province on Monday, "
                "a day after US officials warned of more attacks."),
    # a roadside bomb on a convoy
    "convoy": ("Echo Wire", "2021-05-25",
               "Bomb hits supply convoy\n\nA roadside bomb hit a convoy carrying supplies for the US-led coalition near "
               "Diwaniyah on Monday, police said. Nobody was hurt."),
    # another telling of the February 2021 Erbil airport rocket attack in the example corpus
    "erbil_feb2021": ("Foxtrot Gazette", "2021-02-16",
                      "Rockets hit Erbil airport\n\nRockets struck the coalition base at Erbil International Airport on "
                      "Monday night, killing a contractor and wounding several people, officials said."),
    # an unrelated attack in Iraq the day after the Ain al-Asad one
    "erbil_drone": ("Golf Herald", "2024-03-07",
                    "Drone downed near Erbil\n\nA drone was shot down near Erbil International Airport on Wednesday, the "
                    "Kurdistan Region's counter-terrorism service said."),
    # a rocket attack on Camp Taji four years earlier
    "taji_2020": ("Hotel Review", "2020-03-12",
                  "Rockets hit Camp Taji\n\nSeveral rockets hit Camp Taji north of Baghdad on Wednesday, the coalition said."),
}
# a revised version of asad_local (same id and URL, a corrected figure)
ASAD_LOCAL_V2 = ("Alpha Times", "2024-03-06",
                 "Rockets land inside Ain al-Asad base\n\nRockets fell inside Ain al-Asad air base in Anbar on Tuesday, "
                 "wounding three American soldiers, according to Iraqi security officials. The toll was revised upward.")


def article_page(key: str, version: tuple[str, str, str] | None = None, rename: str | None = None) -> PageResult:
    """The pipeline result for ARTICLES[key] (or `version` of it), under the id `rename` if given."""
    outlet, published, text = version or ARTICLES[key]
    return page(rename or key, text, published, outlet)
