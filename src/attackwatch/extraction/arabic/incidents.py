"""Arabic frames gathered into incidents: a frame joins an incident of the same page when
their places nest and their dates agree; otherwise it founds a new one."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from attackwatch.extraction.arabic.dates import ArDate
from attackwatch.extraction.arabic.frames import Frame, frame_places, is_event, nested, place_rank, us_strike
from attackwatch.packs import Landmark, Place


@dataclass
class ArIncident:
    frames: list[Frame] = field(default_factory=list)
    place: Place | None = None
    date: ArDate | None = None
    strike: bool = False  # a US strike, not an attack on US forces
    landmark: "Landmark | None" = None  # a well-known incident the page recalls (landmarks.jsonl)
    named: set[str] = field(default_factory=set)  # every place its frames were about (Erbil, then Harir)

    @property
    def sentences(self) -> set[int]:
        return {f.sentence for f in self.frames}


def _date_rank(d: ArDate) -> int:
    """A printed date beats a weekday or relative word; a day beats a month."""
    return (0 if d.relative else 2) + {"day": 1, "week": 0, "month": 0, "year": 0}.get(d.precision, 0)


def _frame_date(f: Frame) -> ArDate | None:
    ds = f.dates
    if not ds:
        return None
    return max(ds, key=lambda d: (_date_rank(d), -d.start))


def _dates_agree(a: ArDate | None, b: ArDate | None) -> bool:
    if a is None or b is None:
        return True
    if a.assumed or b.assumed:
        # the page's day stands for a day word it did not print: it agrees with a day near it
        return a.precision == b.precision == "day" and abs(
            (date.fromisoformat(a.value) - date.fromisoformat(b.value)).days) <= 2
    if a.precision == "day" and b.precision == "day":
        return abs((date.fromisoformat(a.value) - date.fromisoformat(b.value)).days) <= 0
    return a.value[:len(b.value)] == b.value[:len(a.value)] or b.value[:len(a.value)] == a.value[:len(b.value)]


def _places_agree(a: Place | None, b: Place | None, mentioned: set[str] = frozenset()) -> bool:  # type: ignore[assignment]
    """Places nest, or the frame names the incident's place as where its own lies ("قاعدة
    الحرير في أربيل" continues the attack "على أربيل")."""
    return a is None or b is None or nested(a, b) or a.id in mentioned


def group(frames: list[Frame], theatre: frozenset[str], ref: date | None = None) -> list[ArIncident]:
    """Frames into incidents. A frame that founds an incident with no date word of its own is
    dated by the page (the reference date): news with no day word reports the day's events."""
    incidents: list[ArIncident] = []
    for f in frames:
        if f.has("non_attack"):
            continue
        # an aggregate in the event's own clauses makes the frame a tally ("135 هجوماً منذ ...");
        # one in a clause trailing after the event ("، وأطلق سلسلة من الهجمات") is dropped alone
        head = f.clauses[:next((k + 1 for k, c in enumerate(f.clauses) if is_event(c)), len(f.clauses))]
        if any("aggregate" in c.kinds() for c in head):
            continue
        if any("aggregate" in c.kinds() for c in f.clauses):
            f = Frame([c for c in f.clauses if c in head or "aggregate" not in c.kinds()], f.places, f.whole)
        fdate = _frame_date(f)
        strike = us_strike(f)
        alternatives = frame_places(f, theatre)
        # a place the frame names beside its own continues an incident there, unless the frame
        # is split over several places ("في العراق وسوريا")
        mentioned = {p.id for c in f.clauses for _, p in c.places} if len(alternatives) == 1 else set()
        if incidents and f.has("anaphora") and not f.has("new_incident") and not f.has("since"):
            # "هذا الهجوم ..." speaks again of the incident just told
            incidents[-1].frames.append(Frame(f.clauses, []))
            continue
        for places in alternatives:
            place = places[0] if places else None
            new = f.has("new_incident") or f.has("since") or len(alternatives) > 1
            target = _join([i for i in incidents if i.strike == strike], place, fdate, continuation=not new,
                           mentioned=mentioned)
            if target is None:
                target = ArIncident(strike=strike)
                incidents.append(target)
                if fdate is None:
                    # no day word: the last day the page named for an incident, else its own day
                    named = [i.date for i in incidents if i.date is not None and not i.date.assumed
                             and i.date.precision == "day" and i.frames and i.frames[0].clauses[0].start < f.clauses[0].start]
                    day = named[-1].value if named else ref.isoformat() if ref else None
                    if day is not None:
                        target.date = ArDate(day, "day", f.clauses[0].start, f.clauses[0].start, relative=True,
                                             assumed=True)
            # a frame told of several places: each report keeps the clauses of its own place
            # and those naming none ("..., وقاعدة حرير في أربيل بالصواريخ" lends Harir its rockets)
            own = f.clauses if len(alternatives) == 1 else [
                c for c in f.clauses if not c.places or any(p is place for _, p in c.places)]
            sub = Frame(own or f.clauses, places, whole=f.clauses)
            target.frames.append(sub)
            if place is not None:
                target.named.add(place.id)
            if place is not None and (target.place is None or place_rank(place) > place_rank(target.place)):
                target.place = place
            if fdate is not None and (target.date is None or target.date.assumed or _date_rank(fdate) > _date_rank(target.date)):
                target.date = fdate
    return incidents


def _join(incidents: list[ArIncident], place: Place | None, fdate: ArDate | None, *, continuation: bool,
          mentioned: set[str] = frozenset()) -> ArIncident | None:  # type: ignore[assignment]
    """The incident a frame continues. With neither place nor date it is the last incident
    (what the next sentence adds: a toll, an interception); else the latest incident whose place
    nests with it and whose date agrees."""
    if not incidents:
        return None
    if place is None and fdate is None:
        return incidents[-1] if continuation else None
    if fdate is None:
        # no date of its own: it tells of the latest incident at its place
        for inc in reversed(incidents):
            if place is not None and place.id in inc.named:
                return inc  # a place this incident was already told at ("على أربيل" again)
            if _places_agree(inc.place, place, mentioned) and (continuation or inc.place is not None):
                # two named sites or towns: one incident only when they lie together (the Omar
                # field and the Green Village base) and the frame does not open a new incident
                if inc.place is not None and place is not None and place.id != inc.place.id \
                        and place_rank(place) >= 3 and place_rank(inc.place) >= 3 \
                        and not (continuation and nested(inc.place, place)):
                    continue
                return inc
        return None
    # an incident with a place before one without: a placeless incident takes a place only when
    # no placed one fits
    ordered = [i for i in reversed(incidents) if i.place is not None] + [i for i in reversed(incidents) if i.place is None]
    for inc in ordered:
        if inc.place is None and place is not None and fdate is not None and inc.date is not None and not _dates_agree(inc.date, fdate):
            continue
        told_here = place is not None and place.id in inc.named
        if (_places_agree(inc.place, place, mentioned) or told_here) and _dates_agree(inc.date, fdate):
            if place is None and not continuation:
                return None
            if inc.place is not None and place is not None and place.id != inc.place.id and not continuation \
                    and place_rank(place) >= 3 and place_rank(inc.place) >= 3:
                continue
            return inc
    return None
