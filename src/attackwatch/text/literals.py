"""The words a regular expression cannot match without: a cheap test that skips a pattern on a
text where it cannot match, so a page pays only for the patterns whose words it contains.

`required_literals(r"\\b(?:wounded|injured)\\s+(?P<n>\\d+)\\s+soldiers")` is ({"soldiers"},
{"wounded", "injured"}): every match contains "soldiers" and one of "wounded", "injured", so a
text lacking either has no match and the regex need not run.
The set is derived from the pattern's parse tree (the `re` module's own parser), so pack rules
and code patterns get their filter without anyone writing it by hand, and a pattern we cannot
analyse simply gets none (it always runs).

Two rewrites make a pattern that does run cheaper without changing what it matches:
`skip_ahead_form` (a leading word boundary moved behind the first character, so `re` can skip to
candidate positions) and `lower_case_twin` (a case-insensitive pattern run case-sensitively on the
lower-cased text, which `re` scans about twice as fast).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Set as AbstractSet
from functools import lru_cache
from re import _casefix  # type: ignore[attr-defined]
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

# a literal needs at least this many characters to be worth testing for
_MIN_LEN = 3
# characters `re.IGNORECASE` matches to an ASCII letter although str.lower() does not map them
# to it (dotless i, long s, Kelvin sign, ...): a text containing one is never filtered
_CASE_TRAPS = frozenset(chr(c) for k, v in _casefix._EXTRA_CASES.items() for c in (k, *v) if c > 127)
_TRAP_RX = re.compile("[" + re.escape("".join(sorted(_CASE_TRAPS))) + "]") if _CASE_TRAPS else None

Literals = tuple[frozenset[str], ...]  # every set must have a member in the text
_MAX_SETS = 3  # the sharpest few are enough


def _score(lits: set[str]) -> tuple[int, int]:
    """Fewer and longer literals make a sharper filter."""
    return -len(lits), min(len(s) for s in lits)


def _sequence(items: Any) -> list[set[str]]:
    """The literal sets of a sequence of pattern items, every one of them required (a run of
    literal characters is one string)."""
    required: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            required.append({"".join(run)})
            run = []
        required.extend(_item(op, av))
    if run:
        required.append({"".join(run)})
    return required


def _one_set(items: Any) -> set[str] | None:
    """A single set (the sharpest) for a sequence, as one alternative of a choice needs."""
    sets = [s for s in _sequence(items) if min(len(x) for x in s) >= _MIN_LEN]
    return max(sets, key=_score) if sets else None


def _item(op: Any, av: Any) -> list[set[str]]:
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return [] if add_flags or del_flags else _sequence(sub)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av)
    if op is sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            lits = _one_set(branch)
            if not lits:
                return []  # one alternative without a literal: the whole choice has none
            out |= lits
        return [out]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        lo, _hi, sub = av
        return _sequence(sub) if lo >= 1 else []
    return []  # assertions, classes, wildcards, backreferences: nothing certain


def _needs_digit(items: Any) -> bool:
    """Whether every match of a sequence of pattern items contains a digit (a character `\\d`
    matches): one of its mandatory items is a digit, a class of digits, or a group or choice of
    which that holds throughout."""
    for op, av in items:
        if op is sre.LITERAL and chr(av) in "0123456789":
            return True
        if op is sre.IN and av and all(
                (kind is sre.CATEGORY and value is sre.CATEGORY_DIGIT) or (kind is sre.LITERAL and chr(value) in "0123456789")
                or (kind is sre.RANGE and 48 <= value[0] <= value[1] <= 57) for kind, value in av):
            return True
        if op is sre.SUBPATTERN and _needs_digit(av[3]):
            return True
        if op is sre.ATOMIC_GROUP and _needs_digit(av):
            return True
        if op is sre.BRANCH and all(_needs_digit(branch) for branch in av[1]):
            return True
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1 and _needs_digit(av[2]):
            return True
    return False  # assertions, other classes, optional parts: nothing certain


def needs_digit(pattern: str | re.Pattern[str]) -> bool:
    """True when every match of `pattern` contains a digit: a text (or a stretch of one) without
    any character `\\d` matches cannot hold a match."""
    rx = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)
    try:
        return _needs_digit(_parser.parse(rx.pattern, rx.flags))
    except re.error:
        return False


def required_literals(pattern: str | re.Pattern[str]) -> Literals | None:
    """Sets of strings such that every match of `pattern` contains a member of each set
    (lower-cased for an IGNORECASE pattern), or None when no useful set can be proven."""
    rx = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)
    try:
        parsed = _parser.parse(rx.pattern, rx.flags)
    except re.error:
        return None
    sets = [s for s in _sequence(parsed) if min(len(x) for x in s) >= _MIN_LEN]
    if not sets:
        return None
    if rx.flags & re.IGNORECASE:
        if any(not x.isascii() for s in sets for x in s):
            return None  # non-ASCII case folding is beyond a lower() test
        sets = [{x.lower() for x in s} for s in sets]
    unique = {frozenset(s) for s in sets}
    return tuple(sorted(unique, key=_score, reverse=True)[:_MAX_SETS])


def _lower_only(items: Any) -> bool:
    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            if chr(av).lower() != chr(av) or chr(av).upper() != chr(av) and not chr(av).isascii():
                return False
        elif op is sre.IN:
            for o, a in av:
                if o in (sre.LITERAL, sre.NOT_LITERAL) and not _lower_only([(o, a)]):
                    return False
                if o is sre.RANGE and any(chr(c).lower() != chr(c) or chr(c).upper() != chr(c) for c in range(a[0], a[1] + 1)):
                    return False
        elif op is sre.SUBPATTERN:
            if av[1] or av[2] or not _lower_only(av[3]):
                return False
        elif op is sre.BRANCH:
            if not all(_lower_only(b) for b in av[1]):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if not _lower_only(av[2]):
                return False
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if not _lower_only(av[1]):
                return False
        elif op is sre.ATOMIC_GROUP:
            if not _lower_only(av):
                return False
        elif op in (sre.GROUPREF, sre.GROUPREF_EXISTS):
            return False
    return True


def lower_case_twin(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """For a case-insensitive pattern whose letters are all ASCII lower case, the same pattern
    without re.I: on `text.lower()` (when `case_safe(text)` and the lengths agree) it finds the
    same spans, about twice as fast (`re` can skip ahead only in a case-sensitive scan)."""
    if not rx.flags & re.IGNORECASE:
        return None
    try:
        parsed = _parser.parse(rx.pattern, rx.flags)
    except re.error:
        return None
    if not _lower_only(parsed):
        return None
    return re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)


@lru_cache(maxsize=4096)
def _finder(literals: frozenset[str]) -> re.Pattern[str]:
    """One scan for any of `literals` (case-sensitive: `re` skips ahead on the first characters)."""
    return re.compile("|".join(re.escape(x) for x in sorted(literals)))


def _walk(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int, bool, bool]]:
    """(index, token, depth after it, inside a character class after it, structural) for each
    token of a regex from `start`: an escape is one two-character token; '(', ')' and '|' outside
    a character class are structural. The one scanner the splitters below share."""
    depth, i, in_class = 0, start, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            yield i, pattern[i:i + 2], depth, in_class, False
            i += 2
            continue
        structural = False
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()|":
            structural = True
            depth += (ch == "(") - (ch == ")")
        yield i, ch, depth, in_class, structural
        i += 1


def _top_level_alternatives(group: str) -> list[str] | None:
    """The top-level '|'-separated alternatives of a group body, or None when the body has
    constructs this simple splitter does not follow (character classes with brackets are kept)."""
    out, cur = [], []
    depth, in_class = 0, False
    for _, tok, depth, in_class, structural in _walk(group):
        if structural and tok == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(tok)
    out.append("".join(cur))
    return None if depth or in_class else out


def _group_end(pattern: str, open_at: int) -> int | None:
    """Index of the ')' closing the group opened at `open_at`."""
    return next((i for i, tok, depth, _, structural in _walk(pattern, open_at)
                 if structural and tok == ")" and depth == 0), None)


_WORD_CHAR = re.compile(r"\w")


def skip_ahead_form(pattern: str) -> str:
    """`pattern` rewritten so that `re` can skip ahead to the positions where a match can start.

    `re` scans a case-sensitive pattern fast only when it opens with a literal or a choice of
    literals; a leading word boundary ("\\b(?:killed|killing)...") hides them, so every position
    of the text is tried. The boundary before a word character is the same test as "the character
    before is no word character", which can move behind the first character: "\\b(?:us|pentagon)"
    becomes "(?:u(?<!\\w.)s|p(?<!\\w.)entagon)", which matches exactly the same strings at exactly
    the same positions. Patterns of any other shape are returned unchanged."""
    def first_literal(alt: str) -> bool:
        return bool(alt) and alt[0] not in "\\()[]|.^$*+?{}" and bool(_WORD_CHAR.fullmatch(alt[0])) and \
            (len(alt) == 1 or alt[1] not in "*?{+")

    if pattern.startswith("\\b(?:"):
        end = _group_end(pattern, 2)
        if end is None or (end + 1 < len(pattern) and pattern[end + 1] in "*?{+"):
            return pattern
        alts = _top_level_alternatives(pattern[5:end])
        if not alts or not all(first_literal(a) for a in alts):
            return pattern
        return "(?:" + "|".join(a[0] + r"(?<!\w.)" + a[1:] for a in alts) + ")" + pattern[end + 1:]
    if pattern.startswith("\\b") and first_literal(pattern[2:]):
        return pattern[2] + r"(?<!\w.)" + pattern[3:]
    return pattern


def _literal_run(alt: str) -> str:
    """The plain characters a regex alternative opens with, short of one a quantifier applies to."""
    end = 0
    while end < len(alt) and alt[end] not in "\\()[]|.^$*+?{}":
        end += 1
    if end < len(alt) and alt[end] in "*?{+":
        end -= 1  # "colou?r": the "u" is optional
    return alt[:max(end, 0)]


def leading_literals(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` starts with: its opening literal, or its
    opening choice of literals, after an optional leading word boundary ("\\b(?:over|more)\\s+..."
    gives {"over", "more"}). None when the pattern opens otherwise, has a top-level choice, or an
    opening is shorter than three characters. A match can then start only where one of them
    occurs, so the pattern need only be tried there (see extraction/nlp.RegexCues)."""
    alts = _top_level_alternatives(pattern)
    if alts is None or len(alts) != 1:
        return None
    body = pattern[2:] if pattern.startswith("\\b") else pattern
    if body.startswith("(?:"):
        end = _group_end(body, 0)
        if end is None or (end + 1 < len(body) and body[end + 1] in "*?{+"):
            return None
        choices = _top_level_alternatives(body[3:end])
        if not choices:
            return None
        runs = [_literal_run(c) for c in choices]
    else:
        runs = [_literal_run(body)]
    if any(len(r) < _MIN_LEN for r in runs):
        return None
    return frozenset(runs)


def matches_at(rx: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """`rx.finditer(text)` for a pattern whose matches can start only at `starts` (ascending; the
    places its leading_literals occur): the same matches, trying only those places. finditer tries
    each position from the end of the last match on and fails wherever no leading literal starts;
    rx.match at a position sees the text before it (look-behinds, word boundaries) as finditer
    does. A match is never empty (it starts with a literal), so the next try is at its end."""
    end = 0
    for pos in starts:
        if pos >= end:
            m = rx.match(text, pos)
            if m is not None:
                end = m.end()
                yield m


def case_safe(text: str) -> bool:
    """True when `re.IGNORECASE` matching on `text` agrees with plain matching on `text.lower()`
    for ASCII literals (no dotless i, long s, Kelvin sign and the like)."""
    return text.isascii() or _TRAP_RX is None or not _TRAP_RX.search(text)


class LiteralIndex:
    """Every literal of a fixed set of patterns in one Aho-Corasick automaton (pyahocorasick):
    `found(text)` is the set of those literals that occur in `text`, overlapping ones included,
    in one pass over it, where testing each literal set with its own scan costs a pass per set
    (a page's 63 regex cues have 235 sets)."""

    def __init__(self, literals: Iterator[Literals | None] | list[Literals | None]):
        import ahocorasick

        self.automaton = ahocorasick.Automaton()
        self.set_ids: dict[frozenset[str], int] = {}  # each distinct literal set, numbered
        sets_of: dict[str, set[int]] = {}
        for lits in literals:
            for s in lits or ():
                number = self.set_ids.setdefault(s, len(self.set_ids))
                for word in s:
                    sets_of.setdefault(word, set()).add(number)
                    self.automaton.add_word(word, word)
        self.sets_of = {word: frozenset(ids) for word, ids in sets_of.items()}  # the sets a word satisfies
        self.empty = not len(self.automaton)
        if not self.empty:
            self.automaton.make_automaton()

    def ids(self, literals: Literals) -> frozenset[int]:
        """The numbers of `literals`' sets (given to the constructor): `satisfied` must hold them all."""
        return frozenset(self.set_ids[s] for s in literals)

    def satisfied(self, found: AbstractSet[str]) -> AbstractSet[int]:
        """The numbers of the sets with a member among `found` (words `found` returned)."""
        return set().union(*[self.sets_of[w] for w in found])

    def found(self, text: str) -> AbstractSet[str]:
        """The literals that occur in `text` (a set, not to be changed by the caller)."""
        if self.empty:
            return frozenset()
        return {word for _, word in self.automaton.iter(text)}

    def starts(self, text: str) -> dict[str, list[int]]:
        """Where each literal occurs in `text` (start offsets, ascending), overlapping ones included."""
        out: dict[str, list[int]] = {}
        if self.empty:
            return out
        for last, word in self.automaton.iter(text):
            out.setdefault(word, []).append(last + 1 - len(word))
        return out

    def found_in(self, text: str, windows: list[tuple[int, int]]) -> list[set[str]]:
        """For each of `windows` (sorted, disjoint [lo, hi) ranges of `text`), the literals that
        occur wholly inside it."""
        out: list[set[str]] = [set() for _ in windows]
        if self.empty or not windows:
            return out
        los = [lo for lo, _ in windows]
        for last, word in self.automaton.iter(text):
            start = last + 1 - len(word)
            i = bisect_right(los, start) - 1
            if i >= 0 and last < windows[i][1]:
                out[i].add(word)
        return out


class LiteralGate:
    """One text's test for many patterns: `may_match(literals)` is False only when the pattern
    owning `literals` cannot match the text. The text is lower-cased once for all case-insensitive
    patterns. (Many patterns over one text: LiteralIndex scans it once for all their words.)"""

    __slots__ = ("text", "_lower", "_folding_safe")

    def __init__(self, text: str):
        self.text = text
        self._lower: str | None = None
        self._folding_safe: bool | None = None

    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    def may_match(self, literals: Literals | None, *, ignorecase: bool) -> bool:
        if literals is None:
            return True
        if not ignorecase:
            return all(_finder(s).search(self.text) is not None for s in literals)
        if self._folding_safe is None:
            self._folding_safe = case_safe(self.text)
        if not self._folding_safe:
            return True
        low = self.lower()
        return all(_finder(s).search(low) is not None for s in literals)
