"""Annotate an article: a spaCy Doc over the folded text, cut into sentences and
clause-like segments, each carrying the mentions (places, actors, weapons, cues, dates)
that fall inside it.

A segment is a stretch of a sentence between clause boundaries (commas, dashes,
parentheses, and subordinators such as "after", "following", "while"). Modality and
aggregation are judged per segment, so "attacks could soon resume, after a Sunday
incident saw five rockets fired" keeps the factual second half.
"""
from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

import numpy

from attackwatch.text.normalize import fold
from attackwatch.text.dates import DateMention, find_dates
from attackwatch.extraction.nlp import NUMBER_WORD_FLAG, PRESET_CUES_KEY, doc_text, pack_spans, pipeline_for, regex_cues_of
from attackwatch.packs import Pack, get_pack

BOUNDARY_PUNCT = {",", ";", ":", "(", ")", "[", "]", "-", "--", '"'}
SUBORDINATORS = {"after", "following", "while", "before", "whereas", "although", "though", "despite", "when",
                 "but", "since", "amid", "where", "which", "who", "whom", "whose"}
GENERIC_PLURALS = {"attacks", "strikes", "bombings", "raids", "assaults", "airstrikes", "explosions", "blasts", "incidents"}
SUBORDINATE_FRAME = {"after", "following", "before", "since", "amid", "despite"}
# "bases in Syria used by proxies to attack US troops in Iraq": a purpose clause (its own
# segment, made modal by the pack's purpose cue) tells no event and lends no place
PURPOSE_VERBS = {"attack", "target", "strike", "launch", "hit", "fire", "shell"}


class _computed_once:
    """A property computed on first read and kept in the instance's `_memo` dict. Not stored as
    an attribute of its own (as functools.cached_property does): attributes added after __init__,
    in a different order per instance, end CPython's key sharing between the instances' dicts,
    and every later field read (`seg.start`) gets slower; on a 5 MB page resolve's sibling scan
    ran 40% slower for it."""

    def __init__(self, fn):  # type: ignore[no-untyped-def]
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __get__(self, obj, cls=None):  # type: ignore[no-untyped-def]
        if obj is None:
            return self
        memo = obj._memo
        try:
            return memo[self.name]
        except KeyError:
            value = memo[self.name] = self.fn(obj)
            return value


@dataclass(slots=True)
class Mention:
    start: int  # char offsets in the article text
    end: int
    tok: int  # first token index
    tok_end: int
    id: str
    label: str
    text: str


@dataclass
class Segment:
    start: int
    end: int
    tok: int
    tok_end: int
    sent: int  # sentence index
    para: int  # paragraph index
    lead: str  # lower-cased first word (a subordinator starts a subordinate clause)
    places: Sequence[Mention] = field(default_factory=list)
    actors: Sequence[Mention] = field(default_factory=list)
    weapons: Sequence[Mention] = field(default_factory=list)
    cues: Sequence[Mention] = field(default_factory=list)
    dates: Sequence[DateMention] = field(default_factory=list)
    number_words: int = 0
    swept: bool = False  # another clause of its sentence counts attacks ("135 attacks since October")
    bare_plural: bool = False  # "firing rockets at bases hosting US troops": sites in general
    located_later: bool = False  # a town or site named a clause or two on ("..., near Qaim")
    purpose: bool = False  # "(bases used by proxies) to attack US troops in Iraq": what they are for
    _memo: dict[str, object] = field(default_factory=dict, init=False, repr=False, compare=False)  # _computed_once

    # A Segment is final once annotate() returns (no later stage changes one), so what is derived
    # from its fields is computed once: frames, incidents, reports and confidence ask each
    # segment's `active`, `modal`, `aggregate` and `has(...)` many times over.
    @_computed_once
    def cue_labels(self) -> frozenset[str]:
        return frozenset(c.label for c in self.cues)

    def has(self, label: str) -> bool:
        return label in self.cue_labels

    def cue(self, label: str) -> list[Mention]:
        return [c for c in self.cues if c.label == label]

    @property
    def triggers(self) -> list[Mention]:
        return self.cue("TRIGGER")

    @property
    def subordinate(self) -> bool:
        return self.lead in SUBORDINATE_FRAME

    @_computed_once
    def modal(self) -> bool:
        """A threat, plan, hypothetical or negated event: nothing here happened."""
        # (a statement cue over the modal word: "threatened retaliation for the attack" tells of an attack)
        shielded = [c for c in self.cues if c.label in ("UNCONFIRMED", "DENY", "CLAIM_NEG", "NOCAS", "NOKILL", "SAY")]
        for c in self.cues:
            if c.label == "NEGATED":
                return True
            if c.label == "MODAL" and not any(s.start <= c.start < s.end for s in shielded):
                if any(b.label == "BLAME" and b.end <= c.start for b in self.cues):
                    continue  # "The White House blamed Iran and vowed a response": the blame stands
                return True
        return False

    @_computed_once
    def aggregate(self) -> bool:
        # "no injuries as a result of these attacks": the incidents just told, not attacks in general
        if self.has("COLLECTIVE") and not self.swept:
            return False
        return self.swept or self.has("AGGREGATE") or self.generic_plural or self.generic_sites

    @_computed_once
    def generic_plural(self) -> bool:
        """Only plural attack nouns, and nothing that pins them down ("to launch attacks
        against US forces"): a statement about attacks in general."""
        trig = self.triggers
        if not trig or not all(t.text.lower() in GENERIC_PLURALS for t in trig):
            return False
        # "both attacks", "the attacks": particular incidents, not attacks in general
        return not (self.located_later or self.dates or self.weapons and any(w.text[:1].isdigit() for w in self.weapons)
                    or any(c.label in ("ANAPHOR", "COLLECTIVE") for c in self.cues) or self.has_number)

    @_computed_once
    def generic_sites(self) -> bool:
        """Attacks on bases in general ("accused of firing rockets at bases hosting US troops",
        "the targeting of facilities hosting foreign forces"): no date, no count, no named town or
        site, and the sites are a bare plural."""
        return bool(self.bare_plural and not self.dates and not self.has_number
                    and not any(c.label in ("ANAPHOR", "COLLECTIVE") for c in self.cues))

    @property
    def has_number(self) -> bool:
        return self.number_words > 0

    @_computed_once
    def active(self) -> bool:
        # asked of every clause again and again by the rules; a clause is complete when annotate
        # returns and nothing changes it afterwards, so the answer is kept
        return not self.modal and not self.aggregate and not self.purpose


@dataclass(slots=True)
class Sentence:
    index: int
    para: int
    start: int
    end: int
    segments: list[Segment]


@dataclass
class Annotated:
    text: str
    folded: str
    sentences: list[Sentence]
    published: date | None


def _mentions(doc, key: str, char_base: int = 0, tok_base: int = 0) -> list[Mention]:  # type: ignore[no-untyped-def]
    """The spans of doc.spans[key] as Mentions, at offsets in the page (the Doc is the part of it
    starting at character char_base and token tok_base)."""
    text = doc_text(doc)  # a span's text is its slice of the Doc's text (Span.text rebuilds it token by token)
    out = []
    for h in pack_spans(doc).get(key, ()):
        # the same words, the same string: a long page names "Iraq" thousands of times
        out.append(Mention(h.start_char + char_base, h.end_char + char_base, h.start + tok_base, h.end + tok_base,
                           sys.intern(h.id), sys.intern(h.label), sys.intern(text[h.start_char:h.end_char])))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _drop_nested(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping place/actor mentions; the same words naming two entries
    (a town and its governorate) stay as alternatives."""
    out: list[Mention] = []
    span_ids: set[str] = set()  # ids already kept for the span at the tail of `out`
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start), m.id)):
        if out and m.start < out[-1].end:
            if m.start == out[-1].start and m.end == out[-1].end and m.id not in span_ids:
                out.append(m)
                span_ids.add(m.id)
            continue
        out.append(m)
        span_ids = {m.id}
    return out


_NONE: tuple[()] = ()  # what a clause holds of a kind it has none of


def _between(items: list, starts: list[int], lo: int, hi: int) -> list:  # type: ignore[type-arg]
    """Items (sorted by start) whose start lies in [lo, hi); most clauses have none of a kind, and
    share one empty tuple (a 5 MB page has ~500,000 such lists)."""
    i, j = bisect_left(starts, lo), bisect_left(starts, hi)
    return items[i:j] if i < j else _NONE


_ADJECTIVAL = re.compile(r"-(?:backed|aligned|linked|allied|affiliated|sponsored|supported|funded|led|based|leaning|friendly)\b", re.I)
# a wire dateline at the head of a paragraph: "BAGHDAD (AP) -", "ERBIL, Kurdistan Region -",
# "SULAIMANI -", "BAGHDAD:", "WASHINGTON |", or a title-case "Baghdad, Iraq -" (city, then country
# or region); it says where the story was filed, not where anything happened
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?:\([^)\n]{1,60}\)[ \t]*-*[ \t]*)?(?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}"
    r"(?:,[ \t]*[A-Z][A-Za-z]+\.?(?: [A-Z][a-z]+)?(?:[ \t]+\d{1,2})?(?:,[ \t]*\d{4})?)?"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)?,[ \t]*(?:Iraq|Syria|Jordan|Kurdistan Region|Iraqi Kurdistan))"
    r"[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*(?:-+|:|\|)[ \t]+(?=[A-Z\"'])")
_DATELINE_REACH = 2500  # datelines open the story: only the first paragraphs are searched


# a page longer than this is read by spaCy in pieces of about this size, cut at line breaks (see
# _piece_docs): the Doc of a whole 5 MB page and its million tokens took hundreds of MB
PIECE_CHARS = 100_000


@dataclass
class _Reading:
    """What annotating carries from one piece of a page to the next."""
    sentences: list[Sentence] = field(default_factory=list)
    para: int = 0
    last_end: int = 0


def annotate(text: str, published: date | None, pack_name: str = "default") -> Annotated:
    folded = fold(text)
    nlp = pipeline_for(pack_name)
    pack = get_pack(pack_name)
    dates = find_dates(folded, published)
    # a wire dateline ("BAGHDAD, Feb 3 (Tigris Wire) -") says where the story was filed, not where it happened
    datelines = [(m.start(), m.end()) for m in _DATELINE.finditer(folded, 0, min(len(folded), _DATELINE_REACH))]
    for lo, hi in datelines:
        dates = [d for d in dates if not lo <= d.start < hi]
    date_starts = [d.start for d in dates]
    reading = _Reading()
    tok_base = 0
    for char_base, doc in _piece_docs(nlp, folded):
        _read_piece(doc, char_base, tok_base, folded, _between(dates, date_starts, char_base, char_base + len(doc_text(doc))),
                    datelines, pack, reading)
        tok_base += len(doc)
    return Annotated(text=text, folded=folded, sentences=reading.sentences, published=published)


def _piece_docs(nlp, folded: str) -> Iterator[tuple[int, Any]]:  # type: ignore[no-untyped-def]
    """(offset, Doc) of each piece of the page, one at a time: the whole page when it is short.
    A long page is cut after a run of white space holding a line break, where no regex cue match
    runs across: spaCy tokenises each run of white space and of text on its own, a sentence always
    starts after a line break, and no phrase pattern holds a line break, so the pieces' tokens,
    sentences and spans are the whole page's, piece by piece. The regex cues are matched on the
    whole page, as they would be on its single Doc, and handed to each piece."""
    if len(folded) <= PIECE_CHARS:
        yield 0, nlp(folded)
        return
    found = regex_cues_of(nlp).matches(folded)
    inside = bytearray(len(folded) + 1)  # 1 where a cut would split a match
    for start, end, _, _ in found:
        inside[start + 1:end] = b"\x01" * max(0, end - start - 1)
    cuts = [0]
    while len(folded) - cuts[-1] > PIECE_CHARS:
        at = cuts[-1] + PIECE_CHARS
        cut = next((m.end() for m in _PIECE_CUT.finditer(folded, at) if not inside[m.end()]), None)
        if cut is None:
            break
        cuts.append(cut)
    cuts.append(len(folded))
    del inside
    preset: list[list[tuple[int, int, str, str]]] = [[] for _ in cuts[:-1]]
    for start, end, label, rid in found:  # rule by rule, as RegexCues adds them
        k = bisect_right(cuts, start, hi=len(cuts) - 1) - 1
        preset[k].append((start - cuts[k], end - cuts[k], label, rid))
    del found
    for k, (lo, hi) in enumerate(zip(cuts, cuts[1:])):
        doc = nlp.make_doc(folded[lo:hi])
        doc.user_data[PRESET_CUES_KEY] = preset[k]
        preset[k] = []
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        yield lo, doc


# a run of white space holding a line break, up to the next word
_PIECE_CUT = re.compile(r"\n\s*(?=\S)")


def _read_piece(doc, char_base: int, tok_base: int, folded: str, dates: list[DateMention],  # type: ignore[no-untyped-def]
                datelines: list[tuple[int, int]], pack: Pack, reading: _Reading) -> None:
    """Cut one piece's sentences into clauses, with the mentions inside each (offsets in the page)."""
    places = _drop_nested(_mentions(doc, "places", char_base, tok_base))
    actors = _drop_nested(_mentions(doc, "actors", char_base, tok_base))
    # "Iran-aligned parties", "US-backed forces": an adjective, not the actor itself
    actors = [a for a in actors if not _ADJECTIVAL.match(folded[a.end:a.end + 14])]
    places = [p for p in places if not _ADJECTIVAL.match(folded[p.end:p.end + 14])]
    # a place inside an actor's name ("Islamic Resistance in Iraq") is not a place
    actors.sort(key=lambda m: m.start)
    actor_starts = [a.start for a in actors]

    def inside_actor(p: Mention) -> bool:
        i = bisect_left(actor_starts, p.start + 1) - 1  # the last actor starting at or before p
        return any(actors[j].start <= p.start and p.end <= actors[j].end for j in range(max(0, i - 2), i + 1))

    places = [p for p in places if not inside_actor(p)]
    weapon_rows = pack.rows_by_id("weapons")
    # air defences fired back ("Patriot missiles", "the C-RAM") deliver no attack
    weapons = [w for w in _mentions(doc, "weapons", char_base, tok_base) if not weapon_rows.get(w.id, {}).get("defensive")]
    cues = _mentions(doc, "cues", char_base, tok_base)
    for lo, hi in datelines:
        places = [p for p in places if not lo <= p.start < hi]

    places.sort(key=lambda m: m.start)
    actors.sort(key=lambda m: m.start)
    weapons.sort(key=lambda m: m.start)
    cues.sort(key=lambda m: m.start)
    starts = {name: [m.start for m in ms] for name, ms in
              (("places", places), ("actors", actors), ("weapons", weapons), ("cues", cues), ("dates", dates))}
    # running count of number-like tokens, so a clause's count is one subtraction
    from spacy.attrs import IDX, LENGTH, LIKE_NUM, SPACY

    _add_clause_flags(doc.vocab)

    def flag(attr: int):  # type: ignore[no-untyped-def]
        # one attribute at a time, as booleans: a 5 MB page's million tokens take a megabyte per
        # flag, not the 8 of a column of Doc.to_array's 64-bit integers
        return doc.to_array(attr).astype(bool)

    numeric = [0, *(flag(LIKE_NUM) | flag(NUMBER_WORD_FLAG)).cumsum().tolist()]
    sentence_wide = _sentence_wide(pack)
    # "in response to", "in retaliation for" open a clause about the event answered
    phrase_starts: set[int] = set()
    reach = -1
    for c in cues:  # sorted by start; "response to the" inside "in response to" is no new clause
        if c.label == "BACKGROUND" and " " in c.text:
            if c.start >= reach:
                phrase_starts.add(c.tok - tok_base)
            reach = max(reach, c.end)
    # where a clause may open (no Token object per token): a boundary punctuation mark ("-" only
    # with a space after it), a subordinator not right after "as", "even", "just", an opening
    # phrase; and "to" when it opens a purpose clause (_purpose_start, asked in the loop below)
    subordinate = flag(_SUBORDINATOR)
    subordinate[1:] &= ~flag(_SOFT_BEFORE)[:-1]
    opens_at = set(numpy.flatnonzero(flag(_PUNCT_BOUNDARY) | (flag(_DASH) & flag(SPACY)) | subordinate).tolist())
    opens_at |= phrase_starts
    candidates = sorted(opens_at.union(numpy.flatnonzero(flag(_TO)).tolist()))
    tok_info = _TokenInfo(flag(_NOT_LEAD), doc.to_array(IDX), doc.to_array(LENGTH))
    sentences = reading.sentences
    for si, sent in enumerate(doc.sents):
        sent_start, sent_end = sent.start_char + char_base, sent.end_char + char_base
        if not folded[sent_start:sent_end].strip():
            continue
        reading.para += folded.count("\n\n", reading.last_end, sent_start) if sentences else 0
        reading.last_end = sent_start
        para = reading.para
        segs: list[Segment] = []
        seg_start_tok = sent.start
        # a clause boundary at the sentence's first token opens nothing
        for i in candidates[bisect_right(candidates, sent.start):bisect_left(candidates, sent.end)]:
            if i in opens_at or _purpose_start(doc, i, sent.start, sent.end):
                segs.append(_segment(doc, tok_info, seg_start_tok, i, len(sentences), para, char_base, tok_base))
                seg_start_tok = i
        segs.append(_segment(doc, tok_info, seg_start_tok, sent.end, len(sentences), para, char_base, tok_base))
        segs = [s for s in segs if folded[s.start:s.end].strip(" ,;:()[]-\"'\n")]
        if not segs:
            continue
        for s in segs:
            s.places = _between(places, starts["places"], s.start, s.end)
            s.actors = _between(actors, starts["actors"], s.start, s.end)
            s.weapons = _between(weapons, starts["weapons"], s.start, s.end)
            s.cues = _between(cues, starts["cues"], s.start, s.end)
            s.dates = _between(dates, starts["dates"], s.start, s.end)
            s.number_words = numeric[s.tok_end - tok_base] - numeric[s.tok - tok_base]
            s.bare_plural = any(c.label == "TARGET" and _is_bare_plural(c, folded) for c in s.cues) and not any(
                pack.places[m.id].kind in ("town", "site") for m in s.places if m.id in pack.places)
        for i, s in enumerate(segs):
            # "airstrikes on facilities of the militias, mainly Kata'ib Hezbollah, near Qaim": the
            # sites are named a clause or two later, so they are not sites in general
            s.located_later = any(t.lead in _LOCATING_LEADS and any(
                m.id in pack.places and pack.places[m.id].kind in ("town", "site") for m in t.places)
                for t in segs[i + 1:i + 3])
            if s.located_later:
                s.bare_plural = False
            s.purpose = s.lead == "to" and _purpose_start(doc, s.tok - tok_base, sent.start, sent.end)
        _sweep_aggregate(segs, sentence_wide)
        sentences.append(Sentence(len(sentences), para, sent_start, sent_end, segs))


_LOCATING_LEADS = {"near", "in", "at", "around", "outside", "inside", "close"}
_SITE_PLURALS = {"bases", "airbases", "air bases", "facilities", "installations", "compounds", "outposts"}
_SITE_MODIFIERS = {"us", "u.s.", "american", "coalition", "military", "foreign", "iraqi", "syrian", "kurdish", "western",
                   "international", "allied"}
_HOSTING = re.compile(r"\s+(?:hosting|housing|that\s+(?:host|house)|which\s+(?:host|house)|used\s+by|where)\b", re.I)
_BARE_BEFORE = {"at", "on", "against", "of", "targeting", "targeted", "target", "attacking", "attacked", "attack",
                "hit", "hitting", "struck", "striking", "shelling", "shelled", "and", "or", "toward", "towards"}


def _is_bare_plural(cue: Mention, folded: str) -> bool:
    """Sites named as a bare plural ("at bases", "on US military bases"), not counted or pointed
    to ("two bases", "the bases", "its bases")."""
    if cue.text.lower() not in _SITE_PLURALS:
        return False
    words = folded[max(0, cue.start - 60):cue.start].lower().split()
    while words and words[-1] in _SITE_MODIFIERS:
        words.pop()
    # and described only by whom they host ("bases hosting US troops"): a class of sites
    return bool(words) and words[-1] in _BARE_BEFORE and bool(_HOSTING.match(folded[cue.end:cue.end + 40]))


def _purpose_start(doc, i: int, lo: int, hi: int) -> bool:  # type: ignore[no-untyped-def]
    """ "... used by proxy forces to attack American troops in Iraq": the infinitive after "used
    (by ...)" says what the sites are for, not something that happened."""
    if doc[i].lower_ != "to" or i + 1 >= hi or doc[i + 1].lower_ not in PURPOSE_VERBS:
        return False
    return any(doc[j].lower_ == "used" and doc[j + 1].lower_ == "by" for j in range(max(lo, i - 7), i - 1))


@lru_cache(maxsize=8)
def _sentence_wide(pack: Pack) -> frozenset[str]:
    """Ids of the AGGREGATE cues whose count sweeps the whole sentence (pack rows with scope)."""
    return frozenset(r["id"] for r in pack.rules("cues") if r.get("scope") == "sentence")


def _sweep_aggregate(segs: list[Segment], sentence_wide: set[str]) -> None:
    """A count or a "since ..." span makes the whole sentence a statement about many attacks:
    "bases have been subjected to 135 attacks since October, including 36 on ..." and "has come
    under attack 100 times, usually with rockets and drones" tell no single incident. A clause
    with its own date still tells one, and so do the clauses after it ("..., the latest on Monday,
    when a rocket hit Harir")."""
    counting = [i for i, s in enumerate(segs) if any(c.id in sentence_wide for c in s.cues if c.label == "AGGREGATE")]
    if not counting:
        return
    # clauses before the count keep their own reading: "three soldiers were killed when a drone
    # struck, the first deaths since the war began" tells one incident
    for s in segs[counting[0]:]:
        counts = any(c.id in sentence_wide for c in s.cues if c.label == "AGGREGATE")
        if not counts and any(d.value and not d.anchor for d in s.dates):
            return  # the date of "since last October" anchors the count; any other dates a clause
        s.swept = True


# Lexeme flags (spare bits of spaCy's, spacy.attrs.FLAG50-55; extraction/nlp.py uses 56-62) for the
# clause boundaries, read for a whole Doc in one Doc.to_array call
_PUNCT_BOUNDARY, _DASH, _SUBORDINATOR, _SOFT_BEFORE, _TO, _NOT_LEAD = 50, 51, 52, 53, 54, 55


def _add_clause_flags(vocab) -> None:  # type: ignore[no-untyped-def]
    """Register the flags above on the pipeline's vocabulary (once; LOWER is str.lower())."""
    if _NOT_LEAD in vocab.lex_attr_getters:
        return
    for flag, test in ((_PUNCT_BOUNDARY, lambda text: text in BOUNDARY_PUNCT and text != "-"),
                       (_DASH, lambda text: text == "-"),
                       (_SUBORDINATOR, lambda text: text.lower() in SUBORDINATORS),
                       (_SOFT_BEFORE, lambda text: text.lower() in ("as", "even", "just")),
                       (_TO, lambda text: text.lower() == "to"),
                       (_NOT_LEAD, lambda text: text in BOUNDARY_PUNCT or text.isspace())):
        vocab.add_flag(test, flag_id=flag)


@dataclass(slots=True)
class _TokenInfo:
    """Per-token NumPy arrays a segment is built from."""

    not_lead: Any  # boundary punctuation or white space: never a clause's first word
    idx: Any  # character offset
    length: Any  # characters


def _segment(doc, info: _TokenInfo, start: int, end: int, sent: int, para: int, char_base: int = 0,  # type: ignore[no-untyped-def]
             tok_base: int = 0) -> Segment:
    """One clause of a piece, at offsets in the page (the piece starts at char_base, tok_base)."""
    lead_at = next((i for i in range(start, end) if not info.not_lead[i]), None)
    lead = sys.intern(doc[lead_at].lower_) if lead_at is not None else ""
    return Segment(int(info.idx[start]) + char_base, int(info.idx[end - 1] + info.length[end - 1]) + char_base,
                   start + tok_base, end + tok_base, sent, para, lead)
