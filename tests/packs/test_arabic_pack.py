"""Lint the Arabic side of the packs: the lexicon (arabic.jsonl) and the Arabic names in the
actor and place rows."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from attackwatch.extraction.arabic.normalize import fold_term
from attackwatch.models import EVENT_TYPES, WEAPONS
from attackwatch.packs import PACKS_DIR, read_jsonl

PACKS = sorted(p for p in PACKS_DIR.iterdir() if p.is_dir() and (p / "arabic.jsonl").exists())
# every kind the Arabic extractor reads; a row of another kind would be silently ignored
KINDS = {"trigger", "intercept", "weapon", "target", "us_target", "claim", "no_claim", "deny", "official",
         "not_official", "state_verb", "unconfirmed", "no_casualties", "no_killed", "no_injured", "killed",
         "injured", "aggregate", "non_attack", "suspicion", "new_incident", "retaliation", "month", "hijri_month",
         "weekday", "relative_day", "relative_week", "relative_month", "relative_year", "claim_act", "month_part", "night_before",
         "number", "village_list", "since", "locator", "origin", "overflight", "anaphora"}
ARABIC = re.compile(r"[\u0621-\u064a]")
# names two places really share, told apart by the page's other places (frames._resolve_places)
SHARED_PLACE_NAMES = {"الحويجه"}


def rows(pack: Path, name: str) -> list[dict]:
    return [o for _, o in read_jsonl(pack / name)]


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_lexicon_schema(pack: Path) -> None:
    lex = rows(pack, "arabic.jsonl")
    ids = [r["id"] for r in lex]
    assert len(ids) == len(set(ids)), "duplicate ids"
    problems = []
    for r in lex:
        if r["kind"] not in KINDS:
            problems.append(f"{r['id']}: kind {r['kind']!r}")
        terms = r.get("terms")
        if not terms or not all(isinstance(t, str) and ARABIC.search(t) for t in terms):
            problems.append(f"{r['id']}: terms must be Arabic strings")
        if r["kind"] == "weapon" and (r.get("weapon") not in WEAPONS or r.get("event_type") not in EVENT_TYPES):
            problems.append(f"{r['id']}: weapon/event_type")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
@pytest.mark.parametrize("kind, values", [("month", range(1, 13)), ("hijri_month", range(1, 13)), ("weekday", range(7))])
def test_every_month_and_weekday_once(pack: Path, kind: str, values: range) -> None:
    got = sorted(r["value"] for r in rows(pack, "arabic.jsonl") if r["kind"] == kind)
    assert got == list(values)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
@pytest.mark.parametrize("name", ["actors.jsonl", "places.jsonl"])
def test_arabic_names_are_arabic_and_unambiguous(pack: Path, name: str) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    problems = []
    for r in rows(pack, name):
        for alias in (r.get("ar_aliases") or []) + (r.get("ar_source_aliases") or []):
            if not ARABIC.search(alias):
                problems.append(f"{r['id']}: {alias!r} is not Arabic")
            owners[fold_term(alias)].add(r["id"])
    allowed = SHARED_PLACE_NAMES if name == "places.jsonl" else set()
    problems += [f"{n!r} names {sorted(ids)}" for n, ids in owners.items() if len(ids) > 1 and n not in allowed]
    assert not problems, "\n".join(problems)
