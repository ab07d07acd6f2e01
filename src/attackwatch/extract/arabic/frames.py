"""Arabic sentences cut into clauses, and the clauses that report an attack gathered into
frames: one mention of one incident with the words around it (places, dates, weapons,
actors, claim and confirmation formulas, casualty phrases).

Arabic news sentences run long, joined by commas and و: a clause (text between commas and
sentence ends) is the unit that carries one event word; the clauses after it that carry no
event word of their own (a date, a place, a toll) belong to it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from attackwatch.extract.arabic.dates import ArDate, find_dates
from attackwatch.extract.arabic.lexicon import ArabicLexicon, Hit
from attackwatch.packs import Pack, Place

_SENTENCE = re.compile(r"\n+|(?<!\d)[.!?](?!\d)|[.!?](?=\s)")
_CLAUSE = re.compile(r"[,;:]|\s-\s|\s–\s")
_THEATRE_RANK = {"site": 4, "town": 3, "admin1": 2, "area": 1, "country": 0}


@dataclass
class Clause:
    start: int  # offsets into the folded text
    end: int
    sentence: int
    hits: list[Hit]
    places: list[tuple[int, Place]]
    actors: list[tuple[int, str]]
    dates: list[ArDate]

    def kinds(self) -> set[str]:
        return {h.kind for h in self.hits}

    def has(self, kind: str) -> bool:
        return any(h.kind == kind for h in self.hits)


@dataclass
class Frame:
    """An event clause and the clauses attached to it."""

    clauses: list[Clause]
    places: list[Place] = field(default_factory=list)  # the places this frame is about (after splitting)

    @property
    def sentence(self) -> int:
        return self.clauses[0].sentence

    @property
    def hits(self) -> list[Hit]:
        return [h for c in self.clauses for h in c.hits]

    def has(self, kind: str) -> bool:
        return any(c.has(kind) for c in self.clauses)

    @property
    def dates(self) -> list[ArDate]:
        return [d for c in self.clauses for d in c.dates]

    @property
    def actors(self) -> list[tuple[int, str]]:
        return [a for c in self.clauses for a in c.actors]


def split_sentences(folded: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE.finditer(folded):
        if folded[start:m.end()].strip():
            spans.append((start, m.end()))
        start = m.end()
    if folded[start:].strip():
        spans.append((start, len(folded)))
    return spans


def _resolve_places(raw: list[tuple[int, int, list[str]]], pack: Pack, context: set[str]) -> list[tuple[int, Place]]:
    """Each place name's place; a name several places share (الحويجة in Kirkuk and in Deir
    ez-Zor) takes the one in a province or country the page names elsewhere."""
    out = []
    for start, _, ids in raw:
        places = [pack.places[i] for i in ids if i in pack.places]
        if not places:
            continue
        if len(places) > 1:
            places.sort(key=lambda p: (p.admin1_code not in context and p.country_code not in context, -p.rank))
        out.append((start, places[0]))
    return out


def clauses_of(folded: str, lex: ArabicLexicon, pack: Pack, ref: date | None) -> list[Clause]:
    raw_places = lex.name_hits(folded, "place")
    context = {pack.places[i].admin1_code for _, _, ids in raw_places if len(ids) == 1 for i in ids
               if i in pack.places and pack.places[i].admin1_code}
    context |= {pack.places[i].country_code for _, _, ids in raw_places if len(ids) == 1 for i in ids
                if i in pack.places and pack.places[i].country_code}
    places = _resolve_places(raw_places, pack, context)
    actors = [(s, ids[0]) for s, _, ids in lex.name_hits(folded, "actor")]
    hits = lex.hits(folded)
    dates = find_dates(folded, lex, ref)
    out: list[Clause] = []
    for n, (s0, e0) in enumerate(split_sentences(folded)):
        cuts = [s0] + [m.end() for m in _CLAUSE.finditer(folded, s0, e0)
                       if not _inside_number(folded, m.start())] + [e0]
        for a, b in zip(cuts, cuts[1:]):
            if not folded[a:b].strip():
                continue
            out.append(Clause(a, b, n, [h for h in hits if a <= h.start < b],
                              [(s, p) for s, p in places if a <= s < b], [(s, i) for s, i in actors if a <= s < b],
                              [d for d in dates if a <= d.start < b]))
    return out


def _inside_number(text: str, pos: int) -> bool:
    """'02,20' or '13:38' is a time, not a clause break."""
    return 0 < pos < len(text) - 1 and text[pos - 1].isdigit() and text[pos + 1].isdigit()


def is_event(c: Clause) -> bool:
    kinds = c.kinds()
    return bool(kinds & {"trigger", "intercept"}) and bool(
        kinds & {"weapon", "target"} or any(p.kind in ("site", "town") for _, p in c.places))


def frames_of(clauses: list[Clause]) -> list[Frame]:
    """Event clauses with their attached clauses. A clause with no event word attaches to the
    event before it in its sentence (or the one after it, when the sentence opens with it)."""
    frames: list[Frame] = []
    pending: list[Clause] = []
    last_sentence = -1
    for c in clauses:
        if c.sentence != last_sentence:
            pending = []
            last_sentence = c.sentence
        if is_event(c):
            frames.append(Frame(pending + [c]))
            pending = []
        elif frames and frames[-1].clauses[-1].sentence == c.sentence:
            frames[-1].clauses.append(c)
        else:
            pending.append(c)
    return frames


def place_rank(p: Place) -> int:
    return _THEATRE_RANK.get(p.kind, 0)


def nested(a: Place, b: Place) -> bool:
    """One place lies in (or is) the other."""
    if a.id == b.id:
        return True
    if a.kind == "country" or b.kind == "country":
        return a.country_code == b.country_code
    if not a.admin1_code or not b.admin1_code:
        return a.country_code == b.country_code and (a.kind == "area" or b.kind == "area")
    if a.kind == "admin1" or b.kind == "admin1" or a.kind == "area" or b.kind == "area":
        return a.admin1_code == b.admin1_code
    return False


def frame_places(frame: Frame, theatre: frozenset[str]) -> list[list[Place]]:
    """The place sets a frame is about: one set normally; one per town when the clause lists
    villages (قرى خشام والجفرة ...); one per place when it names places that do not nest
    (strikes "في العراق وسوريا")."""
    places = [p for c in frame.clauses for _, p in c.places]
    villages = [h for c in frame.clauses for h in c.hits if h.kind == "village_list"]
    if villages:
        after = [p for c in frame.clauses for s, p in c.places if s > villages[0].start and p.kind == "town"]
        if len(after) >= 2:
            return [[p] for p in after]
    if not places:
        return [[]]
    top = max(place_rank(p) for p in places)
    best = [p for p in places if place_rank(p) == top]
    groups: list[list[Place]] = []
    for p in best:
        for g in groups:
            if nested(g[0], p):
                break
        else:
            groups.append([p])
    if len(groups) > 1 and top >= 2:
        # a site in one province and another named with it: keep the first, the rest are
        # where it lies or where something came from
        return [groups[0]] if top >= 3 else groups
    return groups
