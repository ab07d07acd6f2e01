"""Property tests: whatever text goes in, `attackwatch.extract` returns contract-shaped reports,
quickly, or rejects the text with a one-line `InputError` (nothing else escapes).

Inputs: random unicode, long runs without punctuation, many newlines, and random mixes of attack
vocabulary, numbers, dates and place names; plus one 300 KB single-line text.
"""
from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

import attackwatch
from attackwatch.ingest.files import InputError
from attackwatch.pipeline import article_from_text

PUBLISHED = "2024-01-15"

# The contract's value sets (../shared/contract/EVENTS.md), written out here on purpose:
# the test checks the code against the contract, not against itself.
EVENT_TYPES = {"Remote explosive/landmine/IED", "Shelling/artillery/missile attack", "Air/drone strike", "Armed clash",
               "Attack", "Suicide bomb", "Grenade", "Disrupted weapons use", "Other"}
WEAPONS = {"ied", "rocket", "missile", "drone", "mortar", "small_arms", "airstrike", "grenade", "unknown"}
TARGET_TYPES = {"convoy", "military_base", "diplomatic", "airport", "personnel", "civilian", "militia_position",
                "other"}
CONFIRMATIONS = {"confirmed", "denied", "unconfirmed", "not_mentioned"}
DATE_PRECISIONS = {"day", "week", "month", "year"}
GEO_PRECISIONS = {"site", "town", "admin1", "country"}
DATE_FORMATS = {"day": r"\d{4}-\d{2}-\d{2}", "week": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
CONTRACT_FIELDS = ("article_id", "date", "date_precision", "event_type", "weapon", "actor", "claimed", "target_type",
                   "target_actor", "place", "admin1", "admin1_code", "country", "country_code", "latitude",
                   "longitude", "geo_precision", "killed", "injured", "intercepted", "confirmation", "background",
                   "evidence")

# Rejections the cleaner may give for text that is not an English article.
ALLOWED_REJECTIONS = ("empty file", "no article text left", "not English or Arabic", "has no article text")


def check_report_dict(d: dict, text: str | None = None) -> None:
    """Assert one report (as its JSON dict) is within the contract's value sets."""
    for f in CONTRACT_FIELDS:
        assert f in d, f"missing contract field {f}"
    assert isinstance(d["article_id"], str) and d["article_id"]
    assert d["event_type"] in EVENT_TYPES, d["event_type"]
    assert d["weapon"] in WEAPONS, d["weapon"]
    assert d["target_type"] in TARGET_TYPES, d["target_type"]
    assert d["confirmation"] in CONFIRMATIONS, d["confirmation"]
    assert d["geo_precision"] in GEO_PRECISIONS, d["geo_precision"]
    assert isinstance(d["claimed"], bool) and isinstance(d["background"], bool)
    assert d["intercepted"] is None or isinstance(d["intercepted"], bool)
    if d["date"] is None:
        assert d["date_precision"] is None
    else:
        assert d["date_precision"] in DATE_PRECISIONS, d["date_precision"]
        assert re.fullmatch(DATE_FORMATS[d["date_precision"]], d["date"]), (d["date"], d["date_precision"])
        parts = [int(p) for p in d["date"].split("-")] + [1, 1]
        day = date(parts[0], parts[1], parts[2])  # a real calendar date
        assert 1900 <= day.year <= 2100
        if d["date_precision"] == "week":
            assert day.weekday() == 0, f"week dates are the Monday: {d['date']}"
    for key in ("killed", "injured"):
        v = d[key]
        assert v is None or (isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 100_000), (key, v)
    for key in ("actor", "target_actor", "place", "admin1", "admin1_code", "country", "country_code"):
        assert d[key] is None or (isinstance(d[key], str) and d[key].strip()), (key, d[key])
    if d["country_code"] is not None:
        assert re.fullmatch(r"[A-Z]{2}", d["country_code"]), d["country_code"]
    if d["admin1_code"] is not None:
        assert re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", d["admin1_code"]), d["admin1_code"]
        assert d["country_code"] and d["admin1_code"].startswith(d["country_code"] + "-")
    lat, lon = d["latitude"], d["longitude"]
    assert (lat is None) == (lon is None)
    if lat is not None:
        assert isinstance(lat, float | int) and -90 <= lat <= 90
        assert isinstance(lon, float | int) and -180 <= lon <= 180
    assert isinstance(d["evidence"], list) and d["evidence"], "a report must carry its evidence"
    for ev in d["evidence"]:
        assert set(ev) >= {"text", "start", "end"}
        assert isinstance(ev["start"], int) and isinstance(ev["end"], int) and 0 <= ev["start"] <= ev["end"]
        assert ev["text"].strip()
        if text is not None:
            assert text[ev["start"]:ev["end"]] == ev["text"]


def run_extract(text: str) -> list | None:
    """`attackwatch.extract` on text; None when it rejects the text with a one-line InputError."""
    try:
        reports = attackwatch.extract(text, published=PUBLISHED)
    except InputError as exc:
        msg = str(exc)
        assert "\n" not in msg and any(r in msg for r in ALLOWED_REJECTIONS), msg
        return None
    assert isinstance(reports, list)
    if reports:
        article_text = article_from_text(text, published=PUBLISHED).text
        for r in reports:
            check_report_dict(r.to_dict(), article_text)
    return reports


@pytest.fixture(scope="module", autouse=True)
def _warm_pipeline():
    """Build the pack and spaCy pipeline once, outside hypothesis' per-example deadline."""
    attackwatch.extract("Two rockets hit Harir base in Erbil province on Sunday, a security source said.",
                        published=PUBLISHED)


# ------------------------------------------------------------------ strategies

ATTACK_WORDS = ["rocket", "rockets", "Katyusha", "drone", "drones", "one-way attack drone", "mortar", "mortars",
                "IED", "roadside bomb", "improvised explosive device", "missile", "ballistic missiles", "airstrike",
                "air strikes", "grenade", "suicide bomber", "gunmen", "opened fire", "intercepted", "shot down",
                "attack", "attacked", "targeted", "struck", "hit", "exploded", "convoy", "supply convoy", "base",
                "air base", "embassy", "consulate", "airport", "claimed responsibility", "claimed", "denied",
                "confirmed", "did not confirm", "said in a statement", "killed", "wounded", "injured", "no casualties",
                "minor injuries", "dead", "US forces", "American troops", "coalition", "US-led coalition",
                "Pentagon", "CENTCOM", "Kataib Hezbollah", "Islamic Resistance in Iraq", "Harakat al-Nujaba",
                "Ashab al-Kahf", "militia", "Iran-backed", "security source", "officials said"]
PLACES = ["Ain al-Asad", "al-Asad airbase", "Erbil", "Erbil International Airport", "Harir", "Baghdad",
          "Green Zone", "Baghdad International Airport", "Camp Taji", "Anbar", "Anbar province", "Babil", "Basra",
          "Nasiriyah", "Dhi Qar", "Fallujah", "Diwaniyah", "Muthanna", "Kirkuk", "K-1", "Mosul", "Nineveh",
          "Zummar", "al-Tanf", "Tower 22", "Rumalan", "Conoco", "al-Omar", "Deir ez-Zor", "Hasakah", "Syria",
          "Iraq", "Jordan", "Kurdistan Region", "Hit", "Balad", "Jurf al-Sakhar", "Victory base", "Qaim",
          "Albukamal", "Tehran", "Gaza", "Israel", "Washington"]
DATES = ["Monday", "on Tuesday", "late Wednesday", "Thursday night", "Friday", "Saturday", "Sunday", "yesterday",
         "today", "last week", "earlier this month", "last month", "this year", "January 5", "Jan. 5",
         "5 January 2024", "March 3, 2023", "December 31", "February 29", "February 30", "2023-12-25",
         "04/22/2024", "13/13/2024", "the previous day", "early February", "in 2021", "October 7", "Oct.7",
         "September 11", "2024", "31 June", "the 3rd of May"]
NUMBERS = ["two", "three", "seven", "a dozen", "at least 5", "more than 150", "10", "40", "0", "one", "1,000",
           "3.5", "-4", "99999999999999999999", "12,345", "several", "dozens of", "five Americans", "3 soldiers"]
FILLER = ["the", "a", "of", "and", "in", "on", "at", "near", "said", "was", "were", "by", "with", "from", "to",
          "its", "that", "according to", "reported", "local", "officials", "province", "city", "town", "village",
          "Mr", "Gen.", "U.S.", "Maj.", "No.", "St."]
PUNCT = [".", ",", ";", ":", "!", "?", "\u201c", "\u201d", "\"", "'", "(", ")", "-", "\u2013", "\n", "\n\n", "  ",
         "\t", "\u00a0", "'s", "..."]

vocab_token = st.one_of(st.sampled_from(ATTACK_WORDS), st.sampled_from(PLACES), st.sampled_from(DATES),
                        st.sampled_from(NUMBERS), st.sampled_from(FILLER), st.integers(-10, 10**6).map(str))
mixed_text = st.lists(st.one_of(vocab_token, vocab_token, vocab_token, st.sampled_from(PUNCT)), max_size=400).map(
    lambda toks: " ".join(toks))
no_punct_run = st.lists(st.one_of(st.sampled_from(ATTACK_WORDS + PLACES + FILLER + NUMBERS),
                                  st.from_regex(r"[A-Za-z]{1,12}", fullmatch=True)),
                        min_size=200, max_size=1500).map(lambda ws: " ".join(re.sub(r"[^\w\s-]", "", w) for w in ws))
many_newlines = st.lists(st.one_of(vocab_token, st.sampled_from(["\n", "\n\n", "\n\n\n\n", "\r\n", "\r", "\n \n"])),
                         min_size=50, max_size=600).map(lambda toks: "\n".join(toks))
random_unicode = st.text(max_size=3000)
sentences = st.lists(
    st.tuples(st.sampled_from(NUMBERS), st.sampled_from(ATTACK_WORDS), st.sampled_from(PLACES),
              st.sampled_from(DATES), st.sampled_from(ATTACK_WORDS)).map(
        lambda t: f"{t[0].capitalize()} {t[1]} {t[4]} {t[2]} {t[3]}, officials said."),
    min_size=1, max_size=25).map(lambda ss: " ".join(ss))
unicode_mix = st.tuples(mixed_text, random_unicode).map(lambda p: p[0] + p[1] + p[0])

any_text = st.one_of(random_unicode, mixed_text, no_punct_run, many_newlines, sentences, unicode_mix)


@settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(any_text)
def test_extract_returns_contract_reports_quickly(text):
    reports = run_extract(text)
    event("rejected" if reports is None else "reports" if reports else "no reports")


# Regression (found by this property): the closing credit-line rule in clean/plaintext.py used to drop
# a last paragraph of <= 15 words holding a full date as a "signature", so a one-sentence article with
# a full date was rejected as "no article text left after removing page chrome". Pinned with @example.
@settings(max_examples=30, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@example("Two rockets hit Ain al-Asad on 5 January 2024, officials said.")
@given(sentences)
def test_plain_attack_sentences_are_accepted(text):
    """English attack sentences are never rejected as non-articles."""
    assert run_extract(text) is not None


def test_short_last_paragraph_with_a_full_date_keeps_its_incident():
    text = ("Rockets struck near the US embassy in Baghdad on Sunday, Iraqi security officials said, and the "
            "embassy's air defences were activated.\n\n"
            "A drone hit Harir air base on January 5, 2024, wounding two soldiers.\n")
    article = article_from_text(text, published=PUBLISHED)
    assert "Harir" in article.text, [(d.reason, d.text) for d in article.dropped]
    places = [r.place or "" for r in attackwatch.extract(text, published=PUBLISHED)]
    assert any("Harir" in p for p in places), places


def test_300kb_single_line_text_is_processed():
    # its speed is measured in bench/bench_long_page.py (this very text, in CPU time, beside a 5 MB
    # page against its parts), not here: a wall-clock limit fails on a loaded machine, not on slow code
    sentence = ("Two rockets struck near Ain al-Asad air base in Anbar province on Monday and a drone was shot down "
                "over Erbil, officials said, while Kataib Hezbollah claimed an attack on a convoy near Nasiriyah. ")
    text = (sentence * (300_000 // len(sentence) + 1))[:300_000]
    assert "\n" not in text and len(text) == 300_000
    reports = run_extract(text)
    assert reports and {"Ain al-Asad Air Base", "Erbil", "Nasiriyah"} <= {r.place for r in reports}


def test_300kb_single_line_without_punctuation_is_processed():
    words = ("rockets hit base near Erbil drone attack convoy Anbar Monday killed two wounded three Kataib Hezbollah "
             "claimed militia targeted US forces Baghdad embassy ").split()
    parts, n = [], 0
    i = 0
    while n < 300_000:
        w = words[i % len(words)] if i % 7 else str(i)
        parts.append(w)
        n += len(w) + 1
        i += 1
    text = " ".join(parts)[:300_000]
    reports = run_extract(text)  # speed: bench/bench_long_page.py
    # processed, not refused: the attack words give incidents at the places they name
    assert reports and {"Erbil", "Baghdad"} <= {r.place for r in reports}
