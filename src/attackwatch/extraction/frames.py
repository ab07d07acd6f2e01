"""Attack frames: a trigger ("attacked", "rockets fell", "the blast") with the arguments
its sentence gives (date, places, weapon, actors, target, cues).

A sentence yields zero or more frames. Segments before the first trigger (a leading
"On September 12," or "In western Iraq,") lend their arguments to the next main frame;
segments after a trigger extend the frame they follow. A frame naming several distinct
places is split into one frame per place ("three bombs in Anbar, Muthanna and Babil").
"""
from __future__ import annotations

import re
from datetime import date
from dataclasses import dataclass

from attackwatch.extraction.annotate import Annotated, Mention, Segment, Sentence
from attackwatch.extraction.places import is_reference, only_references, overlaps, select_places
from attackwatch.text.dates import DateMention
from attackwatch.packs import Landmark, Pack, Place


@dataclass(slots=True)
class WeaponHit:
    weapon: str
    event_type: str
    strong: bool
    tok: int


@dataclass
class Frame:
    sent: int
    para: int
    segs: list[Segment]
    place: Place | None = None
    date: DateMention | None = None
    weapon: WeaponHit | None = None
    another: bool = False
    anaphor: bool = False
    background_cue: bool = False
    subordinate: bool = False
    split: bool = False  # one of several places named in one clause
    landmark: Landmark | None = None
    from_title: bool = False
    trigger_tok: int = 0
    hint_weapon: str | None = None  # the weapon of the incident this one is "similar" to
    reported: bool = False  # its date is when it was told ("a statement released on Monday")
    answers: "Frame | None" = None  # the event this one responds to ("..., to which the US responded with")
    near: bool = False  # its place is only a reference point ("an air base north of Baghdad")
    retold: bool = False  # a first account later corrected ("officials initially said three rockets")
    when_of: DateMention | None = None  # "since April, when a coalition aircraft struck": the date it tells

    @property
    def specific(self) -> bool:
        """Enough to stand as an incident of its own (not just an echo of one)."""
        # a date alone is not enough: "the Oct. 7 attack" names no place, weapon or target here
        if self.place is not None and self.place.kind != "country":
            return True
        return bool((self.weapon and self.weapon.strong) or self.landmark or any(s.has("TARGET") for s in self.segs))

    def cues(self, label: str) -> list[Mention]:
        return [c for s in self.segs for c in s.cue(label)]


# "reported on Thursday that a base was attacked": the day of the telling
_SAID_ON = re.compile(r"\b(?:said|says|reported|announced|stated|told\s+\w+|confirmed|added)\s+(?:on\s+|late\s+|early\s+)?$",
                      re.I)


def _own_date(segs: list[Segment], trigger_tok: int | None = None) -> DateMention | None:
    """The frame's date: the one in the trigger's own clause first, then the nearest."""
    dates = [(s, d) for s in segs for d in s.dates if not d.anchor and d.value]
    if not dates:
        return None
    if trigger_tok is None:
        return dates[0][1]
    def inside(seg: Segment) -> bool:
        return seg.tok <= trigger_tok < seg.tok_end

    # "strikes on 85 targets in response to Sunday's drone attack": Sunday dates the attack
    # answered, not the strikes
    dates = [(seg, d) for seg, d in dates if inside(seg) or not seg.has("BACKGROUND")]
    if not dates:
        return None

    def rank(item):  # type: ignore[no-untyped-def]
        seg, d = item
        return (not inside(seg), abs(seg.tok - trigger_tok))
    return min(dates, key=rank)[1]


# "10 rocket launchers destroyed", "a strike on a rocket launcher", "destroying two drones on the
# ground": the weapon is what was hit, not what hit
_HIT_AFTER = re.compile(r"\s+(?:were|was|had\s+been|have\s+been)\s+(?:destroyed|struck|hit|targeted)\b", re.I)
_LAUNCHER_DESTROYED = re.compile(r"\s+(?:(?:were|was|had\s+been|have\s+been)\s+)?destroyed\b", re.I)
_HIT_BEFORE = re.compile(r"\b(?:destroy(?:ed|ing|s)?|(?:strikes?|raids?|attacks?)\s+on|struck|targeting|targeted)\s+"
                         r"(?:(?:a|an|the|\d+|two|three|four|five|six|several|multiple|some)\s+)?"
                         r"(?:(?!(?:with|by|from|using|in|at|on|near)\b)[\w-]+\s+){0,2}$", re.I)


# "a militia blamed for a rocket attack that killed a contractor": what follows tells another event
ANOTHER_EVENT_AFTER = re.compile(r"\b(?:blamed|responsible|accused|held\s+responsible)\s+(?:for|of)\s+(?:a|an|the|last\s+\w+'s)\s+"
                                 r"(?:[\w-]+\s+){0,3}?(?:attack|attacks|barrage|strike|bombing|killing)\b", re.I)


def _told_of_another(w: Mention, folded: str) -> bool:
    """Named inside "blamed for a rocket attack ...": the weapon of the event blamed, not this one."""
    m = ANOTHER_EVENT_AFTER.search(folded, max(0, w.start - 60), w.end + 40)
    return m is not None and m.start() < w.start


def _weapon_was_hit(w: Mention, row: dict, folded: str) -> bool:
    """A projectile or launcher named as what was hit or as another event's weapon (only these can
    be: an air strike is never the thing struck)."""
    return row["weapon"] in ("rocket", "drone", "missile", "mortar") and _hit_weapon(w, folded)


def _hit_weapon(w: Mention, folded: str) -> bool:
    if _told_of_another(w, folded):
        return True
    if _HIT_AFTER.match(folded, w.end) or _HIT_BEFORE.search(folded[max(0, w.start - 60):w.start]):
        return True
    return "launcher" in w.text.lower() and bool(_LAUNCHER_DESTROYED.match(folded, w.end))


def _weapon(segs: list[Segment], pack: Pack, trigger_tok: int, folded: str | None = None) -> WeaponHit | None:
    rows = pack.rows_by_id("weapons")
    hits = []
    for s in segs:
        for w in s.weapons:
            row = rows.get(w.id)
            if row is None:
                continue
            if folded is not None and _weapon_was_hit(w, row, folded):
                continue
            hits.append(WeaponHit(row["weapon"], row["event_type"], row.get("strength", "strong") != "weak", w.tok))
    strong = [h for h in hits if h.strong]
    pool = strong or hits
    if not pool:
        return None
    return min(pool, key=lambda h: abs(h.tok - trigger_tok))


# "the February 15 missile attack", "Sunday's rocket attack": the date names the weapon's attack
_DATE_THEN_WEAPON = re.compile(r"^(?:['’]s)?\s+(?:[\w-]+\s+)?$")


# "one rocket landed near the base, another hit the headquarters", "one of the wings had words
# painted on it, while another ...": the parts of one attack counted off, not another attack
_ONE_BEFORE = re.compile(r"\b(?:one|the first)\b", re.I)


# "outraged by reports of another rocket attack": yet another, the one being reported
_REPORTS_OF = re.compile(r"\b(?:reports?|news|word|footage|images?)\s+(?:of|about)\s+$", re.I)


def _tells_another(cue: Mention, sent: Sentence, folded: str) -> bool:
    if cue.text.lower() == "another" and _REPORTS_OF.search(folded[max(sent.start, cue.start - 30):cue.start]):
        return False
    return cue.text.lower() != "another" or not _ONE_BEFORE.search(folded[sent.start:cue.start])


def _dated_weapon(f: Frame, folded: str, pack: Pack) -> WeaponHit | None:
    """The weapon right after the frame's own date, which tells which attack the date is of (the
    clause may also speak of the strikes that answered it)."""
    if f.date is None:
        return None
    rows = pack.rows_by_id("weapons")
    for s in f.segs:
        for w in s.weapons:
            row = rows.get(w.id)
            if (row is not None and row.get("strength", "strong") != "weak" and 0 <= w.start - f.date.end <= 20
                    and _DATE_THEN_WEAPON.match(folded[f.date.end:w.start])):
                return WeaponHit(row["weapon"], row["event_type"], True, w.tok)
    return None


def _weapon_before(segs: list[Segment], pack: Pack, tok: int, folded: str) -> WeaponHit | None:
    rows = pack.rows_by_id("weapons")
    before = [(w.tok, rows[w.id]) for s in segs for w in s.weapons if w.id in rows and w.tok < tok
              and rows[w.id].get("strength", "strong") != "weak"
              and not _weapon_was_hit(w, rows[w.id], folded)]
    if not before:
        return None
    t, row = max(before, key=lambda x: x[0])
    return WeaponHit(row["weapon"], row["event_type"], True, t)


def names_landmark(mark: Landmark, text: str) -> bool:
    """Does lower-cased `text` name the landmark: one of its aliases, or all of its keywords?"""
    keys = mark.fields.get("keywords") or ()
    return any(a in text for a in mark.aliases) or bool(keys and all(re.search(k, text) for k in keys))


def landmark_in(segs: list[Segment], folded: str, pack: Pack) -> Landmark | None:
    text = " ".join(folded[s.start:s.end].lower() for s in segs)
    return next((mark for mark in pack.landmarks.values() if names_landmark(mark, text)), None)


_RESPONSE = re.compile(r"\b(?:responded|retaliated|hit\s+back|struck\s+back|answered)\s+(?:with|by)\b", re.I)


def _starts_frame(seg: Segment, frame: Frame | None, pack: Pack, folded: str) -> bool:
    """Does a trigger segment start a new frame, or extend the current one?"""
    if frame is None or seg.subordinate or seg.has("ANOTHER"):
        return True
    if _RESPONSE.search(folded[seg.start:seg.end]):
        return True  # "..., to which the US responded with airstrikes on ...": the answer is its own event
    own = _own_date([seg])
    if own and seg.has("BACKGROUND"):
        return True  # "in response to Sunday's drone attack on a US base": the event answered
    if own and frame.date and own.value != frame.date.value:
        return True
    if seg.places and frame.segs:
        mine = select_places(seg.places, folded, pack)
        theirs = select_places([p for s in frame.segs for p in s.places], folded, pack)
        if mine and theirs and not any(overlaps(a, b, pack) for a in mine for b in theirs):
            return True
    return False


_WHEN_DATE = re.compile(r"\s*,?\s*(?:since|in|on|until|last)\s", re.I)


def _when_of(seg: Segment, prev: Segment | None, folded: str) -> DateMention | None:
    """The date a "when" clause tells: "since April, when ...", "in January, when ..."."""
    if seg.lead != "when" or prev is None or not prev.dates or not _WHEN_DATE.match(folded, prev.start):
        return None
    d = prev.dates[-1]
    return DateMention(d.start, d.end, d.text, d.kind, d.value, d.precision, False) if d.value else None


# "Days after three US troops were killed in Jordan, the US struck ...": the event answered, told in
# a leading "after" clause, lends no place to the strike
_ANSWERED_LEADS = frozenset({"after", "following", "since"})


def frames_in_sentence(sent: Sentence, ann: Annotated, pack: Pack, *, from_title: bool = False) -> list[Frame]:
    frames: list[Frame] = []
    pending: list[Segment] = []
    current: Frame | None = None
    before: Segment | None = None
    for seg in sent.segments:
        if not seg.active:
            continue
        prev, before = before, seg
        when_of = _when_of(seg, prev, ann.folded)
        if when_of is not None and seg.triggers and current is not None:
            # "the first strike since April, when a coalition aircraft struck a launcher": the event
            # the date names, told in its own clause
            current = Frame(sent.index, sent.para, [seg], subordinate=True, trigger_tok=seg.triggers[0].tok,
                            from_title=from_title, when_of=when_of)
            frames.append(current)
            continue
        # "..., days after the United States killed General Soleimani": a well-known killing told in
        # a side clause is an event of its own, not more of the sentence's missile attack
        told_landmark = (not seg.triggers and seg.subordinate and current is not None and seg.has("IMPACT")
                         and landmark_in([seg], ann.folded, pack) is not None)
        if seg.triggers or told_landmark:
            if told_landmark or _starts_frame(seg, current, pack, ann.folded):
                answered = current if current is not None and _RESPONSE.search(ann.folded[seg.start:seg.end]) else None
                # the answer to an event told as background is background too, and dated by it
                current = Frame(sent.index, sent.para, [seg], subordinate=seg.subordinate or bool(
                    answered and answered.subordinate), trigger_tok=(seg.triggers or seg.cue("IMPACT"))[0].tok,
                    from_title=from_title, answers=answered)
                if not seg.subordinate and pending:
                    current.segs = pending + current.segs
                    pending = []
                frames.append(current)
            else:
                current.segs.append(seg)
        elif current is None:
            pending.append(seg)
        else:
            current.segs.append(seg)
    if pending and frames:  # leading arguments nobody took (every frame was subordinate)
        frames[-1].segs = pending + frames[-1].segs
    out: list[Frame] = []
    for f in frames:
        f.segs.sort(key=lambda s: s.start)
        f.date = _own_date(f.segs, f.trigger_tok) or f.when_of
        f.reported = bool(f.date) and (any(s.start <= f.date.start < s.end and s.has("SAY")
                                           and not (s.tok <= f.trigger_tok < s.tok_end) for s in f.segs)
                                       or bool(_SAID_ON.search(ann.folded[max(0, f.date.start - 30):f.date.start])))
        f.weapon = _dated_weapon(f, ann.folded, pack) or _weapon(f.segs, pack, f.trigger_tok, ann.folded)
        f.another = any(_tells_another(c, sent, ann.folded) for s in f.segs for c in s.cue("ANOTHER"))
        f.retold = any(s.has("RETOLD") for s in f.segs)
        f.anaphor = f.retold or any(s.has("ANAPHOR") for s in f.segs)
        f.background_cue = f.subordinate or any(s.has("BACKGROUND") for s in f.segs)
        f.landmark = landmark_in(f.segs, ann.folded, pack)
        # a side clause about another event ("its retaliation for the deaths of three soldiers in
        # Jordan") lends no place
        mentions = [p for s in f.segs for p in s.places
                    if not ((s.has("BACKGROUND") or s.subordinate and s.lead in _ANSWERED_LEADS and s.has("IMPACT"))
                            and not (s.tok <= f.trigger_tok < s.tok_end))]
        places = select_places(mentions, ann.folded, pack)
        same_place = any(s.has("SAME_PLACE") for s in f.segs)
        if same_place and only_references(mentions, ann.folded):
            places = []  # "fired at the same airport from the Nineveh plains": the airport told before
        elif f.anaphor and (not f.date or f.reported) and (only_references(mentions, ann.folded)
                                                            or all(p.kind == "country" for p in places)):
            # "The attack came as the region braced ...", "The rocket attack complicates talks between
            # Baghdad and Washington": an echo of the incident in focus, not a new place for it
            places = []
        if not places:
            out.append(f)
            continue
        for i, place in enumerate(places):
            g = f if i == 0 else Frame(**{k: getattr(f, k) for k in f.__dataclass_fields__})
            g.place = place
            told = [m for m in mentions if m.id == place.id]
            g.near = bool(told) and all(is_reference(m, ann.folded) for m in told)
            g.split = len(places) > 1
            if g.split:
                # "sent drones against Conoco and Green Village and fired rockets at Shaddadi":
                # each place takes the weapon told just before it
                at = next((m for s in f.segs for m in s.places if m.id == place.id), None)
                if at is not None:
                    g.weapon = _weapon_before(f.segs, pack, at.tok, ann.folded) or f.weapon
            out.append(g)
    return _second_days(out, ann.folded)


# "attacked again on July 26 and 27": the same target on two days is two incidents (EVENTS.md)
_AND_DAY = re.compile(r"^\s*(?:and|&)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:[%:.]\d|percent|km|kilomet|miles|"
                      r"rockets?|drones?|missiles?|people|soldiers|troops|members|personnel|others))", re.I)


def _second_days(frames: list[Frame], folded: str) -> list[Frame]:
    out: list[Frame] = []
    for f in frames:
        out.append(f)
        d = f.date
        if d is None or d.precision != "day" or not d.value or not d.text[-1:].isdigit():
            continue
        m = _AND_DAY.match(folded[d.end:d.end + 40])
        if m is None or not int(d.value[8:]) < int(m.group(1)) <= 31:
            continue
        try:
            second = date(int(d.value[:4]), int(d.value[5:7]), int(m.group(1)))
        except ValueError:
            continue
        g = Frame(**{k: getattr(f, k) for k in f.__dataclass_fields__})
        g.date = DateMention(d.end + m.start(1), d.end + m.end(1), m.group(1), d.kind, second.isoformat(), "day", d.anchor)
        g.another = True  # its own incident, not a retelling of the first day's
        out.append(g)
    return out

