"""Group an article's frames into incidents as the article tells them.

Frames that tell one incident merge: the same place (or no place) and the same date
(or no date), "the blast", "the first convoy"; a frame marked "another" does not merge
into the incident in focus. Sentences with no frame lend their cues (a claim, "no
casualties", "CENTCOM confirmed") to the incident in focus. Finally, a coarse incident
("two convoys in southern Iraq") is absorbed into the precise ones it contains ("the first
in Diwaniyah, the second in Muthanna"), lending them its date, actor and weapon.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from attackwatch.extraction.annotate import Annotated, Segment
from attackwatch.extraction.anchoring import landmark_date, later_than_focus, relative_to_focus
from attackwatch.extraction.casualties import casualties_in
from attackwatch.extraction.frames import Frame, frames_in_sentence
from attackwatch.text.dates import DateMention
from attackwatch.extraction.places import contains, near_each_other, overlaps
from attackwatch.packs import Pack, Place

ATTACH_LABELS = {"CLAIM", "CLAIM_NEG", "BLAME", "OFFICIAL", "UNCONFIRMED", "DENY", "INTERCEPT", "NOCAS", "NOKILL",
                 "INJ_UNCOUNTED"}


@dataclass
class Incident:
    frames: list[Frame]
    attached: list[Segment] = field(default_factory=list)  # cue-bearing segments of frameless sentences
    absorbed: list[Segment] = field(default_factory=list)  # segments of the one coarse incident folded into this one
    inherited: list[Segment] = field(default_factory=list)  # segments of a coarse incident shared with siblings (attribution only)
    date_value: str | None = None
    date_precision: str | None = None
    date_source: str | None = None  # own | context | published
    place: Place | None = None
    distinct: bool = False
    absorbed_frames: list[Frame] = field(default_factory=list)
    hint_weapon: str | None = None  # from the headline, when the body names no weapon
    hint_actor: str | None = None  # actor id from the headline
    place_near: bool = False  # its place is only a reference point the spot was told by
    split_keys: set[tuple[int, int]] = field(default_factory=set)  # (sentence, first clause) of its split frames

    def add(self, f: Frame) -> None:
        self.frames.append(f)
        if f.split:
            self.split_keys.add(_split_key(f))
        if f.date:
            # an event date beats the day it was reported, which beats a guess
            # the day of the strike that answered it is no date the text gives this event: not background
            source = "reported" if f.reported else "answered" if f.date.kind == "answered" else "own"
            if (not self.date_value or self.date_source in ("published", "context", "answered")
                    or self.date_source == "reported" and source == "own"):
                self.date_value, self.date_precision, self.date_source = f.date.value, f.date.precision, source
        if f.place and (self.place is None or self.place_near and not f.near and near_each_other(self.place, f.place)):
            # "an air base north of Baghdad" then "Balad air base": the base is where it happened
            self.place, self.place_near = f.place, f.near

    @property
    def last_sent(self) -> int:
        return max([f.sent for f in self.frames] + [s.sent for s in self.attached])

    @property
    def last_para(self) -> int:
        return max([f.para for f in self.frames] + [s.para for s in self.attached])

    @property
    def segments(self) -> list[Segment]:
        return [s for f in self.frames for s in f.segs] + self.attached

    @property
    def weapon(self) -> str | None:
        return next((f.weapon.weapon for f in self.frames if f.weapon and f.weapon.strong), None)

    @property
    def background_cue(self) -> bool:
        return all(f.background_cue for f in self.frames)

    @property
    def landmark(self):  # type: ignore[no-untyped-def]
        return next((f.landmark for f in self.frames + self.absorbed_frames if f.landmark), None)

    @property
    def absorbed_weapon(self) -> str | None:
        strong = [f.weapon.weapon for f in self.absorbed_frames if f.weapon and f.weapon.strong]
        return strong[0] if strong else None


def _split_key(f: Frame) -> tuple[int, int]:
    """The clause a split frame was cut from: its siblings (one per place) share it."""
    return f.sent, f.segs[0].start


class _SplitTellings:
    """The incidents holding each split telling, in the order they were founded: the siblings of
    an incident are looked up, where a scan of every incident per sentence made a long page
    quadratic."""

    def __init__(self) -> None:
        self._holders: dict[tuple[int, int], list[Incident]] = {}
        self._order: dict[int, int] = {}  # id(incident) -> its place in the article's list

    def founded(self, inc: Incident) -> None:
        self._order[id(inc)] = len(self._order)

    def add(self, inc: Incident, f: Frame) -> None:
        inc.add(f)
        if f.split:
            holders = self._holders.setdefault(_split_key(f), [])
            if not any(h is inc for h in holders):  # by identity: incidents compare by value
                holders.append(inc)

    def siblings(self, inc: Incident) -> list[Incident]:
        """The other incidents one clause told at several places ("strikes in Syria and Iraq")."""
        found = {id(i): i for key in inc.split_keys for i in self._holders.get(key, ()) if i is not inc}
        return sorted(found.values(), key=lambda i: self._order[id(i)])


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def _days_apart(a: str | None, b: str | None) -> int | None:
    if not a or not b or len(a) != 10 or len(b) != 10:
        return None
    from datetime import date

    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


# Local officials often call the rockets of a barrage "missiles", and rockets and mortar rounds
# are told apart by nobody on the ground: for a telling that names no place of its own, or points
# back ("the base", "the attack"), they do not tell two incidents.
_LOOSE_WEAPONS = frozenset({"rocket", "missile", "mortar"})
_STRIKE_WEAPONS = frozenset({"airstrike", "drone"})


def _weapons_clash(f: Frame, weapon: str | None, *, loose: bool, one_site: bool = False) -> bool:
    if not (f.weapon and f.weapon.strong and weapon) or f.weapon.weapon == weapon or f.retold:
        return False  # "officials initially said rockets" before the drones: the first account of it
    pair = {f.weapon.weapon, weapon}
    # a strike told as an airstrike and as a drone strike at one site on one day is one strike;
    # "responded to the attack with airstrikes" is not the drone attack it answers
    return not (loose and pair <= _LOOSE_WEAPONS or one_site and pair <= _STRIKE_WEAPONS)


def _report_dated(f: Frame) -> bool:
    """The frame's date is when something was said ("reported on Thursday that a base was
    attacked"), which may be the morning after a night-time attack."""
    return bool(f.date) and any(s.start <= f.date.start < s.end and s.has("SAY") for s in f.segs)


def _near_spot(f: Frame, inc: Incident) -> bool:
    """"An air base north of Baghdad" and "Balad air base": one spot, when one of the two is told
    only by a reference point, neither is set apart as another incident, and no day or weapon
    tells them apart."""
    if not (f.place and inc.place and (f.near or inc.place_near)) or f.another or inc.distinct:
        return False
    if f.date and inc.date_source in ("own", "reported") and f.date.value != inc.date_value:
        return False
    weak = f.weapon.weapon if f.weapon else None
    told = {g.weapon.weapon for g in inc.frames if g.weapon}
    if weak and told and weak not in told:
        return False
    return near_each_other(f.place, inc.place)


def _compatible(f: Frame, inc: Incident, current: Incident | None, pack: Pack) -> bool:
    one_site = bool(f.place and inc.place and f.place.kind == "site" and f.place.id == inc.place.id)
    if f.date and not _dates_compatible(f.date.value, inc.date_value):
        # an incident dated only by the publication date may learn its real date nearby; one site
        # told a day apart is a night-time attack dated by its night and by its morning report
        gap = _days_apart(f.date.value, inc.date_value)
        # a guessed or reported day within three days of the one the other telling gives
        weak = (inc.date_source in ("published", "reported") or f.reported) and gap is not None and gap <= 3
        overnight = gap == 1 and not f.another and (_report_dated(f) or any(_report_dated(g) for g in inc.frames))
        # "a drone attack in Syria, a statement released on Monday said ... the attack occurred on
        # Friday at the Rumalyn Landing Zone": the day told and the day it happened
        within = bool(f.place and inc.place and (f.place.id == inc.place.id
                                                 or weak and (contains(inc.place, f.place, pack) or _near_spot(f, inc))))
        # "The attack by six rockets on Sunday" right after a lede that gave no day: the day of
        # the incident in focus, which had only the publication date to go by
        echo = f.place is None and f.anaphor and inc is current and inc.date_source == "published" and weak
        if not ((weak or overnight) and within and (weak or one_site) or echo):
            return False
    # an air strike and a drone strike told in one town on one day are one strike told two ways
    # ("an aerial bombardment targeting a headquarters east of Baghdad", "an unidentified drone")
    one_town = bool(f.place and inc.place and f.place.kind == "town" and f.place.id == inc.place.id and not f.another
                    and (f.date is None or f.date.value == inc.date_value))
    if _weapons_clash(f, inc.weapon, loose=f.anaphor or one_site, one_site=one_site or one_town):
        return False
    if f.landmark and inc.landmark and f.landmark.id != inc.landmark.id:
        return False
    # a site within a site ("the embassy" in "the Green Zone", a base at an airport) is one target
    same_place = bool(f.place and inc.place and (f.place.id == inc.place.id or f.place.kind == "site"
                                                 and inc.place.kind == "site" and overlaps(f.place, inc.place, pack)
                                                 or _near_spot(f, inc)))
    same_landmark = bool(f.landmark and inc.landmark and f.landmark.id == inc.landmark.id)
    # one known operation told by country ("strikes on 85 targets in Syria and Iraq") is one report
    # per place the clause names
    split_apart = f.split and f.place and inc.place and not overlaps(f.place, inc.place, pack)
    if same_landmark and not split_apart:
        return True
    if inc.place is None and f.place is not None and f.place.rank >= 2 and (not f.anaphor or inc is not current):
        return False  # the placeless telling is folded in later, as a coarse one (see absorb)
    if f.background_cue and not f.date and not (same_place or f.anaphor):
        return False  # a reference to an earlier event only joins the incident it names
    if f.place and inc.place and not same_place:
        coarse = f.place.rank <= 1 and inc.place.rank <= 1
        if not (coarse and overlaps(f.place, inc.place, pack)):
            # "the attack in Anbar" may refer back to an incident at Ain al-Asad; a precise place
            # is never folded into a coarse incident here (absorb does that, keeping the precision)
            if not (f.anaphor and contains(f.place, inc.place, pack)):
                return False
    if inc is not current and not same_place and not f.anaphor:
        # reaching back past the incident in focus needs a firm link
        if not (f.date and inc.date_source in ("own", "reported") and f.date.value == inc.date_value and f.place and inc.place):
            return False
    if f.para > inc.last_para + 1 and not (same_place or f.anaphor):
        return False
    return True


def _context_date(ann: Annotated, upto_sent: int, pack: Pack) -> tuple[str | None, str | None]:
    """The latest event date stated before this sentence (not a range anchor, not modal)."""
    for sent in reversed(ann.sentences[:upto_sent + 1]):
        for seg in reversed(sent.segments):
            if seg.modal or seg.subordinate or seg.has("BACKGROUND"):
                continue  # "after last month's strikes" dates the event answered, not the news
            for d in reversed(seg.dates):
                if d.value and not d.anchor:
                    return d.value, d.precision
    return None, None


def _is_cue_segment(seg: Segment) -> bool:
    return any(c.label in ATTACH_LABELS for c in seg.cues) or bool(seg.actors)


# "It was also attacked in May", "The base had been targeted in March": the site in focus, recalled
_RECALL = re.compile(r"\s*(?:it|the\s+(?:same\s+)?(?:base|airport|site|facility|camp|garrison|outpost|compound|embassy))\s+"
                     r"(?:was|had\s+been|has\s+been|were)\s+(?:also\s+|previously\s+|last\s+|first\s+)?"
                     r"(?:attacked|targeted|struck|hit|shelled)\b"
                     r"|\s*(?:that|this|it)\s+(?:was|is)\s+the\s+same\s+(?:place|base|site|airport|camp)\s+(?:that\s+was\s+)?"
                     r"(?:attacked|targeted|struck|hit|shelled)\b", re.I)


# a sentence that opens by answering: "<Someone> responded with", "In retaliation, ..." (its actor's name first)
_ANSWER_OPENS = re.compile(r"\s*(?:[\w'\u2019.-]+\s+){1,4}?(?:responded|retaliated|hit\s+back|struck\s+back)\s+(?:with|by)\b", re.I)
_AT_IT = re.compile(r"\b(?:at|on|against|toward|towards|targeted|struck|hit|attacked|shelled)\s+it\b", re.I)


def _at_the_place_first(incidents: list[Incident], place: Place | None) -> Iterator[Incident]:
    """The incidents latest first, those at the very place first: what a stable sort on "not at
    the place" gives, generated lazily (most tellings join one of the first few; a long page's
    thousands of incidents were sorted for every frame)."""
    if place is None:
        yield from reversed(incidents)
        return
    pid = place.id
    yield from (i for i in reversed(incidents) if i.place is not None and i.place.id == pid)
    yield from (i for i in reversed(incidents) if not (i.place is not None and i.place.id == pid))


def _latest_strike(incidents: list[Incident]) -> Incident | None:
    return next((i for i in reversed(incidents) if i.weapon == "airstrike"), None)


def _site_it_names(f: Frame, ann: Annotated, pack: Pack, current: Incident | None) -> Place | None:
    """"Ain al-Asad has been a target before. Iran fired missiles at it in January 2020": the one
    site the sentence before names, else the site of the incident in focus."""
    if not any(_AT_IT.search(ann.folded[s.start:s.end]) for s in f.segs if s.triggers):
        return None
    if f.sent > 0:
        sites = {pack.places[m.id].id for s in ann.sentences[f.sent - 1].segments for m in s.places
                 if m.id in pack.places and pack.places[m.id].kind == "site"}
        if len(sites) == 1:
            return pack.places[sites.pop()]
    return current.place if current is not None and current.place is not None and current.place.kind == "site" else None


def _recalled_at(f: Frame, ann: Annotated, current: Incident | None) -> Place | None:
    """The site of the incident in focus, for a telling of another attack on it on another date."""
    if f.place is not None or f.date is None or current is None or current.place is None or current.place.kind != "site":
        return None
    if current.date_value == f.date.value or not _RECALL.match(ann.folded, f.segs[0].start):
        return None
    return current.place


def _counts_harm(seg: Segment, sent, ann: Annotated, current: Incident) -> bool:  # type: ignore[no-untyped-def]
    """"One soldier was wounded." right after an attack: a count of harm with no place or date of
    its own, in the sentence that follows the telling, is the current incident's toll."""
    if sent.index != current.last_sent + 1 or not seg.has("IMPACT"):
        return False
    if any(g.places or g.dates for g in sent.segments):
        return False  # "In January, three soldiers were killed in Jordan": another event's toll
    found = casualties_in(ann.folded[seg.start:seg.end])
    return found.killed is not None or found.injured is not None


def resolve(ann: Annotated, pack: Pack) -> list[Incident]:
    incidents: list[Incident] = []
    split = _SplitTellings()
    current: Incident | None = None
    for sent in ann.sentences:
        frames = frames_in_sentence(sent, ann, pack)
        collective = [c for s in sent.segments for c in s.cue("COLLECTIVE")]
        if collective and incidents and all(f.place is None and f.date is None for f in frames):
            # "neither attack caused casualties", "no group has claimed either attack"
            k = 3 if any("three" in c.id for c in collective) else 2
            recent = [i for i in incidents if i.place is None or not pack.theatre or i.place.country_code in pack.theatre]
            # "No injuries were reported from either attack" closing a paragraph that told more
            # attacks than two (one base on three days, another on the first): every one of them
            same_para = [i for i in recent if any(f.para == sent.para for f in i.frames)]
            for inc in same_para if len(same_para) > k else recent[-k:]:
                inc.attached.extend(s for s in sent.segments if s.active)
            continue
        if not frames:
            if current is None:
                continue
            # claims and attributions often come a few paragraphs after the facts
            attribution = any(s.has("CLAIM") or s.has("CLAIM_NEG") or s.has("BLAME") for s in sent.segments)
            near = sent.para == current.last_para or sent.index == current.last_sent + 1 or any(
                s.has("ANAPHOR") for s in sent.segments) or (attribution and sent.para <= current.last_para + 3)
            if near:
                cues = [s for s in sent.segments if s.active and (_is_cue_segment(s) or _counts_harm(s, sent, ann, current))]
                # "the US struck 85 targets in Syria and Iraq. CENTCOM said its forces conducted the
                # strikes": what follows one telling split by place speaks of every part of it
                for inc in [current] + split.siblings(current):
                    inc.attached.extend(cues)
            continue
        for f in frames:
            target = None
            _similar_to_focus(f, current)
            if f.place is None and any(s.has("SAME_PLACE") for s in f.segs):
                # "six rockets were fired at the same airport": the place of the incident just told
                f.place = next((i.place for i in reversed(incidents) if i.place is not None), None)
            if not f.specific and f.background_cue and not f.anaphor:
                continue
            if f.place is None and f.date is None and not (f.another and f.specific):
                if current is not None and not _weapons_clash(f, current.weapon, loose=True):
                    split.add(current, f)
                    # "The Pentagon said it targeted weapons depots" after strikes on three provinces
                    for sib in split.siblings(current):
                        sib.attached.extend(x for x in f.segs if x.active and _is_cue_segment(x))
                    continue
                if not f.specific:
                    continue
            if not f.date and current is not None:
                f.date = later_than_focus(f, sent, ann, current.date_value)  # "The next day, US jets struck"
            if f.answers is None and current is not None and current.frames and f is frames[0] \
                    and _ANSWER_OPENS.match(ann.folded, f.segs[0].start):
                # "Tehran responded with a ballistic missile attack ...": the answer to the incident just
                # told, dated as it is (before it is matched: its date keeps it apart from the others)
                f.answers = current.frames[-1]
                f.date = f.date or _date_of_answered(f, incidents)
            if f.place is None:
                f.place = _site_it_names(f, ann, pack, current)  # "Iran fired missiles at it"
            recalled = _recalled_at(f, ann, current)
            if recalled is not None:
                f.place = recalled  # "It was also attacked in May": the site just told, another day
            # an incident at the very place named comes first, then the others, latest first
            ordered = _at_the_place_first(incidents, f.place)
            # "Karbala and Jurf al-Sakhar were two of the locations": the places an operation of strikes
            # hit, told after it, belong to the latest strike, not to the attack it answered
            operation = _latest_strike(incidents) if any(c.id == "anaphor-of-the-locations" for c in f.cues("ANAPHOR")) else None
            if operation is not None:
                ordered = [i for i in ordered if i.weapon in (None, "airstrike", "drone")]
            for inc in ordered:
                if f.another and (inc is current or any(g.sent == f.sent for g in inc.frames)):
                    continue
                if _compatible(f, inc, current, pack):
                    target = inc
                    break
            if target is None and not f.date and f.subordinate and current is not None:
                f.date = relative_to_focus(f, sent, ann, current.date_value)
            if target is None and not f.date and f.answers is not None:
                f.date = _date_of_answered(f, incidents)
            if target is None:
                told = landmark_date(f, ann, pack) if not f.date and f.landmark else None
                if told is not None:
                    # "the strikes on 85 targets", "the killing of Soleimani": a well-known incident
                    # the page names without a date takes the date the landmarks pack records; an
                    # incident already told on that day within that place is the one it sums up
                    f.date = told
                    # (a day either side: the pack keeps one date, a page its local day, "Saturday (Feb 3)")
                    target = next((i for i in reversed(incidents) if (i.date_value == f.date.value or (
                                   _days_apart(i.date_value, f.date.value) or 9) <= 1) and f.place
                                   and i.place and contains(f.place, i.place, pack)), None)
                    if target is not None:
                        split.add(target, f)
                        current = target
                        continue
                if not f.date and (f.background_cue or f.landmark):
                    continue  # a reference to some earlier event that the article does not date
                if not f.specific and recalled is None:
                    continue  # "hitting inside Syria": too vague to stand as an incident of its own
                if (f.anaphor and f.place is None and not (f.weapon and f.weapon.strong) and not f.landmark
                        and recalled is None and f.date is not None and f.date.kind == "weekday"):
                    # "after the strikes on Friday": this week's news mentioned again, never one of its
                    # own ("the attack on December 27th" is another, past incident)
                    continue
                target = Incident(frames=[], distinct=f.another, hint_weapon=f.hint_weapon)
                incidents.append(target)
                split.founded(target)
                split.add(target, f)
                source = operation or current
                # (never across days: "the attack on December 27th" told after the strike of January 2)
                if f.anaphor and source is not None and not (f.weapon and f.weapon.strong) \
                        and (f.date is None or _dates_compatible(f.date.value, source.date_value)):
                    # "the raids hit positions around Albukamal": the same operation, another place
                    target.inherited.extend(s for g in source.frames for s in g.segs)
                if not target.date_value:
                    value, precision = _context_date(ann, f.sent, pack)
                    if value:
                        target.date_value, target.date_precision, target.date_source = value, precision, "context"
                    elif ann.published:
                        target.date_value, target.date_precision = ann.published.isoformat(), "day"
                        target.date_source = "published"
            else:
                split.add(target, f)
            current = target
    return absorb(incidents, pack)


def _date_of_answered(f: Frame, incidents: list[Incident]) -> DateMention | None:
    """"The group targeted Ain al-Asad days ago, to which the US responded with airstrikes": the
    answer is dated as the event it answers is (responses come within days)."""
    # a split copy of the answered frame shares its first clause
    told = next((i for i in incidents if any(g.segs[0] is f.answers.segs[0] for g in i.frames)), None)
    if told is None or not told.date_value:
        return None
    precision = "month" if len(told.date_value) == 7 else told.date_precision
    return DateMention(f.segs[0].start, f.segs[0].start, "", "relative", told.date_value, precision)


def _similar_to_focus(f: Frame, current: Incident | None) -> None:
    """"A similar incident on July 3": another incident of the kind in focus, on its own date,
    at the place and with the weapon of the incident in focus unless it names its own."""
    if current is None or not f.date or f.date.value == current.date_value:
        return
    if not any(c.id == "anaphor-similar" for c in f.cues("ANAPHOR")):
        return
    f.another, f.anaphor = True, False
    if f.place is None:
        f.place = current.place
    if f.weapon is None:
        f.hint_weapon = current.weapon or current.hint_weapon


def _loosely_within(coarse: Incident, inc: Incident) -> bool:
    """Compass areas have no agreed borders: al-Tanf is told as "southern" and "eastern" Syria.
    A telling in such an area fits a precise incident of the same country with the same weapon."""
    if coarse.place is None or inc.place is None or coarse.place.kind != "area":
        return False
    return (coarse.place.country_code == inc.place.country_code
            and bool(coarse.weapon and inc.weapon and coarse.weapon == inc.weapon))


_NIGHT = re.compile(r"\b(?:night|overnight|midnight)\b", re.I)


def _told_at_night(inc: Incident) -> bool:
    return any(bool(f.date and _NIGHT.search(f.date.text)) for f in inc.frames)


def absorb(incidents: list[Incident], pack: Pack) -> list[Incident]:
    """Fold coarse incidents into the precise ones they contain."""
    out = list(incidents)
    # absorbing adds no frame, so each incident's night words are looked up once, not per pair
    night = {id(i): _told_at_night(i) for i in incidents}

    def one_night(a: Incident, b: Incident) -> bool:
        """"Last night" in a statement of the morning after and the day the attack is dated by: one
        night told on two dates."""
        return (night[id(a)] or night[id(b)]) and _days_apart(a.date_value, b.date_value) == 1

    for coarse in sorted(incidents, key=lambda i: i.place.rank if i.place else -1):
        if coarse not in out or coarse.distinct and coarse.place is not None:
            continue
        rank = coarse.place.rank if coarse.place else -1
        if rank >= 4:
            continue
        loose = coarse.date_source in ("published", "context", "reported")  # its date is only a guess
        targets = [i for i in out if i is not coarse and i.place is not None and i.place.rank > rank
                   and (coarse.place is None or contains(coarse.place, i.place, pack)
                        or _loosely_within(coarse, i))
                   and (_dates_compatible(coarse.date_value, i.date_value) or one_night(coarse, i)
                        or (loose or i.date_source in ("published", "reported"))
                        and (_days_apart(coarse.date_value, i.date_value) or 99) <= 3)
                   and (coarse.date_source == "own" and i.date_source == "own"
                        and (coarse.date_value == i.date_value or one_night(coarse, i))
                        or coarse.date_source != "own" or i.date_source != "own")
                   and not (coarse.weapon and i.weapon and coarse.weapon != i.weapon
                            and not {coarse.weapon, i.weapon} <= _LOOSE_WEAPONS)]
        if coarse.place is None:
            # a placeless echo only joins incidents told close to it
            targets = [i for i in targets if abs(i.frames[0].para - coarse.frames[0].para) <= 3]
        if not targets:
            continue
        out.remove(coarse)
        if len(targets) == 1:
            t = targets[0]
            t.absorbed.extend(s for f in coarse.frames for s in f.segs)
            t.absorbed.extend(coarse.attached)
            t.absorbed.extend(coarse.absorbed)
            t.absorbed_frames.extend(coarse.frames)
            if t.date_source != "own" and coarse.date_source == "own":
                t.date_value, t.date_precision, t.date_source = coarse.date_value, coarse.date_precision, "own"
        else:
            for t in targets:
                t.inherited.extend(s for f in coarse.frames for s in f.segs)
                t.inherited.extend(coarse.attached)
                if t.date_source != "own" and coarse.date_source == "own":
                    t.date_value, t.date_precision, t.date_source = coarse.date_value, coarse.date_precision, "own"
    return out
