"""Spelling rules (attackwatch.packs.variants) and the name filters of the gazetteer build
(tools/build_places_geonames.py), on names we chose: what a rule makes, and what never passes."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from attackwatch.packs.variants import place_variants, word_family_variants

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import build_places_geonames as gn  # noqa: E402


@pytest.mark.parametrize("name,expected", [
    ("Dhi Qar", "Thi Qar"),                # Th/Dh
    ("Diwaniyah", "Diwaniyya"),            # the nisba ending
    ("Diwaniyah", "Diwaniyeh"),
    ("Fallujah", "Falujah"),               # doubled consonants
    ("Rutbah", "Rutba"),                   # -ah / -a
    ("Samawa", "Samawah"),
    ("al-Bukamal", "albukamal"),           # the article joined
    ("al-Bukamal", "Boukamal"),            # ou/u, article dropped
    ("al-Mayadeen", "Mayadin"),            # ee/i
    ("Kerbala", "Kirbala"),                # e/i
    ("al-Qaim", "alkaim"),                 # q/k
    ("Deir ez-Zor", "Deir al-Zor"),        # the article inside a name
    ("Deir ez-Zor", "Deir-ez-Zor"),        # hyphenated throughout
    ("Deir al-Zour", "Deir es-Zur"),
])
def test_place_rules(name: str, expected: str) -> None:
    assert expected.lower() in {v.lower() for v in place_variants(name)}


@pytest.mark.parametrize("name,never", [
    ("Deir ez-Zor", "Deir Iz-Zor"),        # e/i leaves the article alone
    ("Deir ez-Zor", "Diir ez-Zor"),        # nor the ei diphthong
    ("Diwaniyah", "Diwaniyih"),            # nor the -eh ending
    ("Diwaniyah city", "Diwaniyah-city"),  # a descriptor is not hyphenated in
])
def test_place_rules_do_not_make(name: str, never: str) -> None:
    assert never.lower() not in {v.lower() for v in place_variants(name)}


def test_place_rules_are_capped_and_stable() -> None:
    out = place_variants("al-Shaddadi")
    assert out == place_variants("al-Shaddadi")
    assert len(out) <= 12 and len(set(v.lower() for v in out)) == len(out)


FAMILIES = {k: forms for forms in [("Kata'ib", "Kataib", "Kataeb"), ("Hezbollah", "Hizballah")]
            for k in (f.lower().replace("'", "") for f in forms)}


def test_word_families_vary_one_word_first() -> None:
    out = word_family_variants("Kata'ib Hezbollah", FAMILIES, limit=3)
    assert out == ["Kataib Hezbollah", "Kataeb Hezbollah", "Kata'ib Hizballah"]
    assert "Kataeb Hizballah" in word_family_variants("Kata'ib Hezbollah", FAMILIES)


def test_word_families_keep_the_article() -> None:
    fam = {"waritheen": ("Waritheen", "Warithin")}
    assert word_family_variants("Tashkil al-Waritheen", fam) == ["Tashkil al-Warithin"]


@pytest.mark.parametrize("raw,ok", [
    ("Al Fallūjah", True),
    ("al-Ḥillah", True),
    ("Abu Ghraib", True),
    ("alrmady", False),                     # GeoNames' machine romanisation of the Arabic
    ("ba ge da", False),                    # of the Chinese
    ("BGW", False),                         # an airport code
    ("Ehl'-Khasaka", False),                # Russian transliteration
    ("Nadzhaf", False),
    ("Lungsod ng Baghdad", False),          # another language's description
    ("بغداد", False),                        # Arabic script
    ("Багдад", False),                      # Cyrillic
])
def test_latin_name_filter(raw: str, ok: bool) -> None:
    assert gn.is_latin_name(raw) is ok


@pytest.mark.parametrize("name,population,ok", [
    ("Bab", 130000, False),                 # too short, whatever the size
    ("Ana", 20000, False),
    ("Kara", 20000, True),                  # short: only a large place
    ("Kara", 2000, False),
    ("Dukhan", 0, False),                   # six letters: only a counted population
    ("Dukhan", 1500, True),
    ("Tell", 50000, False),                 # stoplisted
    ("Al Sadr", 900000, False),             # stoplisted once the article is off
    ("Khan Shaykhun", 0, True),
])
def test_length_population_and_stoplist_policy(name: str, population: int, ok: bool) -> None:
    assert gn.allowed(name, population, {"tell", "sadr"}) is ok


def test_exonyms_and_inflections_are_not_spellings() -> None:
    city = {"name": "Mosul", "alternatenames": ["Al Mosul", "Mossoul", "Mosula", "Mosulas", "Berea", "Mausilium"]}
    names = gn.candidate_names(city)
    assert "Mosul" in names and "Mossoul" in names and "Al Mosul" in names
    assert not {"Mosula", "Mosulas", "Berea", "Mausilium"} & set(names)
