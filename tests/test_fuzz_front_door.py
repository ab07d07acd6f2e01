"""Fuzzing the front door (issue 11), bounded to about a minute in all: whatever comes in,
`process_raw` returns a result (never raises, and never with an "internal error"), a sidecar
parses or is one InputError line, and a filter or an edit is checked or one InvalidValue line.

bench/soak_front_door.py runs inputs of the same kinds a million times outside the suite.
"""
from __future__ import annotations

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attackwatch.ingest.files import InputError, RawPage, parse_sidecar
from attackwatch.pipeline import process_raw
from attackwatch.store.filters import IncidentFilter
from attackwatch.validation import FILTER_NAMES, InvalidValue, check_edit

# every code point, lone surrogates and controls included
ANY_CHAR = st.characters(codec=None, categories=None)
WORDS = st.sampled_from(["rocket", "drone", "attack", "Ain al-Asad", "Erbil", "Kata'ib Hezbollah", "killed", "three",
                         "Monday", "last week", "3 days ago", "January 9, 2024", "0001-01-01", "9999", "\n\n", ". ",
                         "<svg>", "<article>", "</article>", "<s>", "<p>", "<!--", "<html>", "&amp;", "\x00", "\ud800"])
TEXT = st.one_of(st.text(ANY_CHAR, max_size=400), st.lists(WORDS, max_size=60).map(" ".join))
SETTINGS = dict(deadline=None, derandomize=True, suppress_health_check=list(HealthCheck), database=None)


@settings(max_examples=1000, **SETTINGS)
@given(content=TEXT, kind=st.sampled_from(["text", "html"]),
       published=st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))),
       crawl=st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))),
       title=st.one_of(st.none(), st.text(ANY_CHAR, max_size=40)))
def test_process_raw_never_raises(content: str, kind: str, published: date | None, crawl: date | None,
                                  title: str | None) -> None:
    meta = {k: v for k, v in (("crawl_date", crawl), ("title", title)) if v is not None}
    result = process_raw(RawPage("fuzz", kind, content, "fuzz.txt", meta=meta), published=published)
    assert (result.error is None) == (result.article is not None)
    assert result.error is None or ("\n" not in result.error and "internal error" not in result.error), result.error


JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                         st.text(ANY_CHAR, max_size=30))
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                                  st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                           max_leaves=10)
SIDECAR_KEYS = st.sampled_from(["id", "url", "title", "outlet", "published", "other"])


def _sidecar_bytes(obj: object) -> bytes:
    return json.dumps(obj).encode("utf-8")  # lone surrogates become \ud800 escapes, as a hostile file has them


@settings(max_examples=1500, **SETTINGS)
@given(data=st.one_of(st.dictionaries(SIDECAR_KEYS, JSON_VALUES, max_size=5).map(_sidecar_bytes),
                      JSON_VALUES.map(_sidecar_bytes), st.binary(max_size=200),
                      st.integers(1, 3000).map(lambda n: b'{"title": ' + b"[" * n + b"]" * n + b"}"),
                      st.integers(4000, 6000).map(lambda n: b'{"outlet": ' + b"7" * n + b"}")))
def test_sidecar_parses_or_is_one_line(data: bytes) -> None:
    try:
        meta = parse_sidecar(data, "x.meta.json")
    except InputError as exc:
        assert str(exc).startswith("x.meta.json: ") and "\n" not in str(exc)
        return
    for key in ("id", "url", "title", "outlet"):
        assert key not in meta or isinstance(meta[key], str)
    assert meta["published"] is None or 1900 <= meta["published"].year <= 2100


FILTER_VALUES = st.one_of(st.none(), st.text(ANY_CHAR, max_size=20),
                          st.sampled_from(["2024", "2024-13", "2024-W53", "2024-W54", "0000", "2024-02-30", "Iraq",
                                           "drone", "drones", "yes", "maybe", "-1", "1e9", "nan", "inf", "IQ-AN"]))


@settings(max_examples=1500, **SETTINGS)
@given(raw=st.fixed_dictionaries({}, optional={name: FILTER_VALUES for name in FILTER_NAMES}))
def test_filters_are_checked_or_one_line(raw: dict) -> None:
    try:
        flt = IncidentFilter.from_params(raw)
    except InvalidValue as exc:
        assert "\n" not in str(exc) and str(exc).split(":")[0] in FILTER_NAMES
        return
    where, params = flt.sql()
    assert where.count("?") == len(params)


@settings(max_examples=1000, **SETTINGS)
@given(field=st.sampled_from(["date", "weapon", "killed", "latitude", "actor", "claimed", "place", "country_code",
                              "intercepted", "id"]), value=JSON_VALUES)
def test_edits_are_checked_or_one_line(field: str, value: object) -> None:
    try:
        stored = check_edit(field, value)
    except InvalidValue as exc:
        assert "\n" not in str(exc)
        return
    json.dumps(stored).encode("utf-8")  # storable: JSON-serialisable, encodable
