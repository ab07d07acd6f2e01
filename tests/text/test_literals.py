"""text/literals.py: the words a pattern cannot match without, the skip-ahead form of a pattern
and the lower-case twin of a case-insensitive one must never change what a pattern matches."""
from __future__ import annotations

import re

import pytest

from attackwatch.packs import get_pack
from attackwatch.text.literals import (LiteralGate, LiteralIndex, case_safe, leading_literals, lower_case_twin, matches_at,
                                       needs_digit, required_literals, skip_ahead_form)

# our own sentences, in the shapes the cue and date rules look for
TEXTS = [
    "US officials said two rockets hit the base; no group claimed it. The Pentagon confirmed the attack.",
    "Iraq's interior ministry said the drone was downed. A U.S. military spokesman declined to comment.",
    "Kurdish security officials and the Kurdistan Region's counter-terrorism directorate reported no casualties.",
    "It may be that more than 150 attacks have hit US forces since the war began, most of the attacks by drones.",
    "CENTCOM and the SDF said the KRG asked the joint chiefs of staff about the same base on Monday's attack.",
    "busy: thus the usual users abused us; u.s.a. mayday, Mayor May said initially said",
    "line one\nus\nofficials\n said; (coalition) said the ministry of interior\u2019s spokesman said",
]


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\b(?:killed|killing)\s+(?P<n>\d+)\s+soldiers", ({"soldiers"}, {"kill"})),  # re factors out the common prefix
    (r"\bmay\b", ({"may"},)),
    (r"\b(?:a|b)?\s*x", None),  # nothing certain of three characters or more
    (r"(?i)\bPentagon\b", ({"pentagon"},)),
])
def test_required_literals(pattern: str, expected: tuple[set[str], ...] | None) -> None:
    found = required_literals(pattern)
    assert (None if found is None else {frozenset(s) for s in found}) == (
        None if expected is None else {frozenset(s) for s in expected})


def _cue_patterns() -> list[str]:
    return [r["regex"] for r in get_pack().rules("cues") if "regex" in r]


@pytest.mark.parametrize("pattern", _cue_patterns())
def test_pack_cues_keep_their_matches_and_literals(pattern: str) -> None:
    for flags in (0, re.I):
        orig, fast = re.compile(pattern, flags), re.compile(skip_ahead_form(pattern), flags)
        lits = required_literals(orig)
        for text in TEXTS + [t.lower() for t in TEXTS]:
            spans = [m.span() for m in orig.finditer(text)]
            assert [m.span() for m in fast.finditer(text)] == spans, (pattern, text)
            if spans:  # a pattern that matches is never skipped
                assert LiteralGate(text).may_match(lits, ignorecase=bool(flags)), (pattern, text)


@pytest.mark.parametrize(("pattern", "form"), [
    (r"\bmay\b", r"m(?<!\w.)ay\b"),
    (r"\b(?:us|u\.s\.)\s+x", r"(?:u(?<!\w.)s|u(?<!\w.)\.s\.)\s+x"),
    (r"\b(?:a|b)?x", r"\b(?:a|b)?x"),  # optional group: unchanged
    (r"\b(?:a|b)+x", r"\b(?:a|b)+x"),  # repeated group: unchanged
    (r"\b(?:\d+|one)x", r"\b(?:\d+|one)x"),  # an alternative not opening with a letter: unchanged
])
def test_skip_ahead_form(pattern: str, form: str) -> None:
    assert skip_ahead_form(pattern) == form


def test_word_boundary_semantics_kept_at_text_edges() -> None:
    fast = re.compile(skip_ahead_form(r"\b(?:us|may)\b"))
    for text in ("us", "may us", "busy", "mayday", "\nus\n", "x-us", "_us"):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in re.finditer(r"\b(?:us|may)\b", text)]


def test_lower_case_twin() -> None:
    assert lower_case_twin(re.compile(r"(?P<month>jan|feb)\s+\d+", re.I)).flags & re.I == 0
    assert lower_case_twin(re.compile(r"[A-Z]x", re.I)) is None  # an upper-case class would change meaning
    assert lower_case_twin(re.compile(r"Jan", re.I)) is None
    assert lower_case_twin(re.compile(r"jan")) is None  # already case-sensitive


def test_case_traps_disable_the_lower_case_shortcuts() -> None:
    # re.I matches "\u0131" (dotless i) to "i" although "\u0131".lower() is not "i"
    assert re.search("iraq", "\u0131raq", re.I)
    assert not case_safe("\u0131raq") and case_safe("Iraq")
    assert LiteralGate("\u0131raq").may_match((frozenset({"iraq"}),), ignorecase=True)
    assert not LiteralGate("Syria").may_match((frozenset({"iraq"}),), ignorecase=True)


def test_index_finds_exactly_the_literals_in_the_text() -> None:
    """The one-pass automaton finds every literal that occurs, overlapping ones ("kill" in
    "killed") included: testing literal sets against its answer is the per-set scan's test."""
    sets = [required_literals(re.compile(p, f)) for p in _cue_patterns() for f in (0, re.I)]
    sets += [(frozenset({"kill"}), frozenset({"killed", "led"})), (frozenset({"iraq"}),)]
    index = LiteralIndex(sets)
    words = {w for lits in sets for s in lits or () for w in s}
    texts = TEXTS + [t.lower() for t in TEXTS] + ["", "they killed", "\u0131raq", "IRAQ killed"]
    for text in texts:
        assert index.found(text) == {w for w in words if w in text}, text
        for lits in sets:
            if lits is not None:
                assert all(not s.isdisjoint(index.found(text)) for s in lits) == LiteralGate(text).may_match(
                    lits, ignorecase=False)
    assert LiteralIndex([None]).found("anything") == frozenset()


def test_found_in_windows_keeps_only_whole_occurrences() -> None:
    index = LiteralIndex([(frozenset({"march", "mar"}),), (frozenset({"monday"}),)])
    text = "on monday 5 march, not in marching"
    assert index.found_in(text, [(0, 9), (10, 17), (26, 34)]) == [{"monday"}, {"mar", "march"}, {"mar", "march"}]
    assert index.found_in(text, [(0, 6), (12, 16)]) == [set(), {"mar"}]  # "monday", "march" run past the end
    assert index.found_in(text, []) == []


def test_satisfied_sets_by_number() -> None:
    a, b, c = frozenset({"kill", "wound"}), frozenset({"rocket"}), frozenset({"drone", "uav"})
    index = LiteralIndex([(a, b), (c,), None, (a,)])
    sat = index.satisfied(index.found("a rocket killed two"))
    assert index.ids((a, b)) <= sat and index.ids((a,)) <= sat and not index.ids((c,)) <= sat
    assert index.satisfied(frozenset()) == frozenset()


@pytest.mark.parametrize(("pattern", "lead"), [
    (r"\b(?:over|more)\s+x", {"over", "more"}),
    (r"\bkilled\s+", {"killed"}),
    (r"colou?r", {"colo"}),  # a quantified character ends the opening
    (r"\b(?:a|bcd)x", None),  # too short to be worth it
    (r"\b(?:abc|def)x|y", None),  # "y" matches start elsewhere
    (r"(?i)abc", None),
    (r"\b(?:u\.s\.|pentagon)", None),
    (r"\b(?:abc)?x", None),
])
def test_leading_literals(pattern: str, lead: set[str] | None) -> None:
    assert leading_literals(pattern) == (None if lead is None else frozenset(lead))


@pytest.mark.parametrize("pattern", _cue_patterns())
def test_matches_at_the_leading_literals_equal_finditer(pattern: str) -> None:
    lead = leading_literals(pattern)
    if lead is None or pattern != pattern.lower():
        return
    rx = re.compile(skip_ahead_form(pattern))  # as RegexCues runs it on the lower-cased text
    index = LiteralIndex([(lead,)])
    for text in TEXTS + ["more than 150 attacks over 24 hours, some 40 more attacks over the past"]:
        low = text.lower()
        starts = index.starts(low)
        at = sorted({p for w in lead for p in starts.get(w, ())})
        assert [m.span() for m in matches_at(rx, low, at)] == [m.span() for m in rx.finditer(low)], (pattern, text)


@pytest.mark.parametrize(("pattern", "digit"), [
    (r"\b(?:19|20)\d\d\b", True),
    (r"(?P<mon>0?[1-9]|1[0-2])/", True),  # every choice has a digit
    (r"\d+|one", False),  # "one" has none
    (r"(?:\d)?x", False),  # optional
    (r"x(?=\d)", False),  # a look-ahead is not part of the match
    (r"[^0-9]+", False),
    (r"[0-5a]", False),
    (r"x(?:[0-5]{2,})", True),
])
def test_needs_digit(pattern: str, digit: bool) -> None:
    assert needs_digit(pattern) is digit
