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

from attackwatch.extraction.arabic.dates import ArDate, find_dates
from attackwatch.extraction.arabic.lexicon import ArabicLexicon, Hit
from attackwatch.packs import Pack, Place
from attackwatch.packs.distance import km_between

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
    # the whole frame a per-place part was cut from: who speaks and claims is said once for all
    whole: list[Clause] = field(default_factory=list)

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


def _resolve_places(raw: list[tuple[int, int, list[str]]], pack: Pack, context: set[str]) -> list[tuple[int, int, Place]]:
    """Each place name's place; a name several places share (الحويجة in Kirkuk and in Deir
    ez-Zor) takes the one in a province or country the page names elsewhere."""
    out = []
    for start, end, ids in raw:
        places = [pack.places[i] for i in ids if i in pack.places]
        if not places:
            continue
        if len(places) > 1:
            places.sort(key=lambda p: (p.admin1_code not in context and p.country_code not in context, -p.rank))
        out.append((start, end, places[0]))
    return out


def clauses_of(folded: str, lex: ArabicLexicon, pack: Pack, ref: date | None) -> list[Clause]:
    raw_places = lex.name_hits(folded, "place")
    context = {pack.places[i].admin1_code for _, _, ids in raw_places if len(ids) == 1 for i in ids
               if i in pack.places and pack.places[i].admin1_code}
    context |= {pack.places[i].country_code for _, _, ids in raw_places if len(ids) == 1 for i in ids
                if i in pack.places and pack.places[i].country_code}
    hits = lex.hits(folded)
    actor_spans = lex.name_hits(folded, "actor")
    actors = [(s, ids[0]) for s, _, ids in actor_spans]
    # "في العراق" inside "المقاومة الإسلامية في العراق" names the group, not a place
    raw_places = [r for r in raw_places if not any(a <= r[0] and r[1] <= b for a, b, _ in actor_spans)]
    places = _qualified(_resolve_places(raw_places, pack, context), hits, folded, pack)
    hits += [Hit("count-of-attacks", "aggregate", m.start(), m.end(), {}) for m in _COUNTED.finditer(folded)]
    dates = find_dates(folded, lex, ref)
    out: list[Clause] = []
    for n, (s0, e0) in enumerate(split_sentences(folded)):
        cuts = [s0] + [m.end() for m in _CLAUSE.finditer(folded, s0, e0)
                       if not _inside_number(folded, m.start())] + [e0]
        for k, (a, b) in enumerate(zip(cuts, cuts[1:])):
            if not folded[a:b].strip():
                continue
            # a dateline ("بغداد:", "الرقة- سوريا:") names where the copy was filed, not the place
            dateline = k == 0 and folded[a:b].rstrip().endswith(":") and len(folded[a:b].split()) <= 4
            out.append(Clause(a, b, n, [h for h in hits if a <= h.start < b],
                              [] if dateline else [(s, p) for s, p in places if a <= s < b],
                              [(s, i) for s, i in actors if a <= s < b],
                              [d for d in dates if a <= d.start < b]))
    return out


_COUNTED = re.compile(r"\d+\s*(?:هجوما|هجمات|هجوم|ضربه|ضربات)")


def _qualified(places: list[tuple[int, int, Place]], hits: list[Hit], folded: str, pack: Pack) -> list[tuple[int, Place]]:
    """A town named as a reference point ("جنوب الحسكة", "بريف رميلان", "قرب مدينة كركوك") or
    as a province ("محافظتي دير الزور وحمص": both) stands for its province; a place something
    came from ("قادماً من أربيل") is not where it happened."""
    out = []
    prev_end, prev_province = -1, False
    for start, end, p in places:
        def right_before(kind: str) -> bool:
            return any(h.kind == kind and 0 <= start - h.end <= 2 or
                       h.kind == kind and re.fullmatch(r"\s*(مدينه|محافظه|بلده|منطقه)?\s*", folded[h.end:start] or "")
                       and 0 <= start - h.end <= 12 for h in hits)
        listed = prev_province and re.fullmatch(r"\s*(و|او)?\s*", folded[prev_end:start]) is not None
        prev_end, prev_province = end, False
        if right_before("origin"):
            continue
        if p.kind == "town" and (right_before("locator") or listed or _PROVINCE.search(folded[max(0, start - 10):start])):
            admin1 = pack.admin1(p.admin1_code)
            if admin1 is not None:
                p, prev_province = admin1, True
        out.append((start, p))
    return out


_PROVINCE = re.compile(r"(محافظتي|محافظات|محافظه)\s*$")


def _inside_number(text: str, pos: int) -> bool:
    """'02,20' or '13:38' is a time, not a clause break."""
    return 0 < pos < len(text) - 1 and text[pos - 1].isdigit() and text[pos + 1].isdigit()


def _event_kinds(kinds: set[str], places: list[Place]) -> bool:
    return bool(kinds & {"trigger", "intercept"}) and bool(
        kinds & {"weapon", "target"} or any(p.kind in ("site", "town") for p in places))


def is_event(c: Clause) -> bool:
    return _event_kinds(c.kinds(), [p for _, p in c.places])


def _is_event_with(pending: list[Clause], c: Clause) -> bool:
    """The clause completes an event begun by the clauses before it in its sentence ("أسقطت
    اليوم الاثنين، طائرة مسيرة فوق قاعدة عين الأسد"): the event word in one, the weapon in
    the next."""
    if not pending or not (c.kinds() & {"trigger", "intercept", "weapon", "target"}):
        return False
    kinds = set().union(*(x.kinds() for x in pending), c.kinds())
    return _event_kinds(kinds, [p for x in (*pending, c) for _, p in x.places])


def frames_of(clauses: list[Clause]) -> list[Frame]:
    """Event clauses with their attached clauses. A clause with no event word attaches to the
    event before it in its sentence (or the one after it, when the sentence opens with it)."""
    frames: list[Frame] = []
    pending: list[Clause] = []
    last_sentence = -1

    def flush() -> None:
        # a sentence with no event of its own that speaks of "the attack" — its claim, a denial,
        # an official statement, the toll — tells of the incident before it
        if frames and not frames[-1].has("aggregate") and any(
                c.kinds() & _FOLLOW_UP and c.kinds() & {"trigger", "intercept"} and "aggregate" not in c.kinds()
                for c in pending):
            frames[-1].clauses.extend(c for c in pending if "aggregate" not in c.kinds())

    for c in clauses:
        if c.sentence != last_sentence:
            flush()
            pending = []
            last_sentence = c.sentence
        same = bool(frames) and frames[-1].clauses[-1].sentence == c.sentence
        if is_event(c) or _is_event_with(pending, c):
            if same and not (c.kinds() & {"new_incident", "since"}) and not pending:
                frames[-1].clauses.append(c)  # one sentence, one event, told in several clauses
            else:
                frames.append(Frame(pending + [c]))
            pending = []
        elif same:
            frames[-1].clauses.append(c)
        else:
            pending.append(c)
    flush()
    return frames


_FOLLOW_UP = {"claim", "deny", "no_casualties", "unconfirmed", "official"}


_US_IDS = ("united-states", "us-led-coalition")
OTHER_STRIKERS = ("israel",)  # states that strike in the theatre but are never its target here


def us_strike(frame: Frame) -> bool:
    """A state strikes here rather than US forces being attacked: a strike on militia sites or
    villages, Israel as a party, or a US actor as the subject of the strike word (Arabic puts the
    verb first: "شنت الولايات المتحدة غارات"), not after على / ل."""
    hits = frame.hits
    trig = [h for h in hits if h.kind == "trigger"]
    mil_hits = [h for h in hits if h.kind == "target" and h.row.get("target_type") == "militia_position"]
    mil = bool(mil_hits)
    # "قواعد ميليشيات" is the militia's, not a US base
    ours = any(h.kind == "target" and h.row.get("target_type") in ("military_base", "convoy", "airport", "diplomatic")
               and not any(m.start <= h.start < m.end for m in mil_hits) for h in hits)
    if any(h.kind == "village_list" for h in hits):
        return True
    if not mil and (any(h.kind == "claim" for h in hits) or any(
            h.kind == "weapon" and h.row.get("weapon") in ("rocket", "mortar", "ied") for h in hits)):
        # a claim, or rockets, mortars and roadside bombs: the militias' weapons, not the US's
        return False
    for c in frame.clauses:
        for s, aid in c.actors:
            if aid in OTHER_STRIKERS:
                return True
            if aid not in _US_IDS:
                continue
            for t in trig:
                if 0 <= s - t.end <= 4 or 0 <= t.start - s <= 40:
                    return mil or not ours
    return mil and not ours


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
    # a base and the town it is named after or beside (قاعدة الشدادي / مدينة الشدادي)
    d = km_between(a, b)
    return a.admin1_code == b.admin1_code and d is not None and d <= 25


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
    # several sites, towns or provinces that do not nest ("قاعدة عين الأسد ... وقاعدة حرير"):
    # one report each
    return groups
