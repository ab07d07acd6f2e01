"""Incident -> contract Report: weapon, event type, actor and claim, confirmation,
interception, casualties, target, background flag, place and evidence."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from datetime import date
from dataclasses import dataclass, field
from typing import Any

from attackwatch.extraction.actors import actor_roles, mention_role, perpetrator, target_actor
from attackwatch.extraction.annotate import Annotated, Mention, Segment
from attackwatch.extraction.casualties import number
from attackwatch.extraction.geocode import geocode
from attackwatch.extraction.incidents import Incident
from attackwatch.extraction.statements import claims, confirmation_of, incident_casualties, intercepted_of
from attackwatch.models import Evidence, Report
from attackwatch.packs import Actor, Pack, Place

TARGET_PRIORITY = ["convoy", "diplomatic", "airport", "military_base", "militia_position", "personnel", "civilian"]
_EVENT_BY_WEAPON = {"ied": "Remote explosive/landmine/IED", "rocket": "Shelling/artillery/missile attack",
                    "missile": "Shelling/artillery/missile attack", "mortar": "Shelling/artillery/missile attack",
                    "drone": "Air/drone strike", "airstrike": "Air/drone strike", "small_arms": "Armed clash",
                    "grenade": "Grenade"}


@dataclass
class ArticleContext:
    ann: Annotated
    pack: Pack
    article_id: str
    lead_date: str | None
    roundup: bool
    country: Place | None  # the theatre country the article is about, for placeless incidents
    any_theatre: bool = False
    # no-harm statements told apart from any incident, by id(incident) (statements.unclaimed_zeros)
    late_zeros: dict[int, tuple[bool, bool]] = field(default_factory=dict)


def _sentence_segments(ann: Annotated, seg: Segment) -> list[Segment]:
    return ann.sentences[seg.sent].segments


def _weapon_row(pack: Pack, segs: list[Segment]) -> list[dict]:
    rows = pack.rows_by_id("weapons")
    return [rows[w.id] for s in segs for w in s.weapons if w.id in rows]


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """The mentions no longer mention contains (one sort and a sweep: a long page has thousands)."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    kept: list[Mention] = []
    reach, i = -1, 0
    while i < len(ordered):
        j, span = i, (ordered[i].start, ordered[i].end)
        while j < len(ordered) and (ordered[j].start, ordered[j].end) == span:
            j += 1
        if reach < span[1]:  # no earlier, longer mention covers this span
            kept.extend(ordered[i:j])
        reach, i = max(reach, span[1]), j
    return kept


_US_SIDE_PEOPLE = {"soldier", "soldiers", "troops", "service member", "service members", "servicemembers", "personnel",
                   "americans", "contractor", "contractors", "patrol", "advisers", "advisors"}


_NAMES_BASE = re.compile(r"\b(?:air\s*base|base|AB)\b", re.I)


_US_EMBASSY = re.compile(r"\b(?:us|u\.s\.|american|united\s+states)\s+embassy\b", re.I)


def _embassy_told(segs: list[Segment], ctx: ArticleContext, place: Place | None, pack: Pack) -> Place | None:
    """"The attack on the US embassy last week", in an article about Iraq: the embassy in Baghdad
    (the pack's `us_embassy_by_country`)."""
    country = place.country_code if place is not None else (ctx.country.country_code if ctx.country else None)
    site = (pack.meta.get("us_embassy_by_country") or {}).get(country or "")
    if site not in pack.places or not any(_US_EMBASSY.search(ctx.ann.folded, s.start, s.end) for s in segs
                                          if s.active and (s.triggers or s.has("IMPACT"))):
        return None
    return pack.places[site]


_FOILED = {"intercept-defused", "intercept-dismantled", "intercept-found-primed",
           "intercept-defused-device"}
_DRONE_STRIKE_ROWS = {"drone-drone-strike", "drone-drone-strikes"}


def _target_type(segs: list[Segment], place: Place | None, state_strike: bool, pack: Pack) -> str:
    rows = pack.rows_by_id("cues")
    cues = [c for s in segs for c in s.cues if c.label == "TARGET" and c.id in rows]
    # the longest words name the target: "an embassy convoy" is diplomatic, not a convoy
    cues = _outermost(cues)
    # what the attack clauses themselves name comes before targets named in side clauses ("sirens
    # went off at the embassy", "the attack on the embassy last week"); one pass per clause
    outer = {id(c) for c in cues}
    acting = [c for s in segs if any(x.label in ("TRIGGER", "IMPACT", "INTERCEPT") for x in s.cues)
              for c in s.cues if id(c) in outer]
    said = {rows[c.id].get("target_type") for c in cues}
    near = {rows[c.id].get("target_type") for c in acting}
    if not state_strike and near & {"convoy", "diplomatic", "military_base", "airport"}:
        said = near  # a facility the attack clause names outranks one named aside
    site = place.site_type if place is not None and place.site_type in ("military_base", "airport", "diplomatic") else None
    if site == "airport" and any(m.id == place.id and _NAMES_BASE.search(m.text) for s in segs for m in s.places):
        site = "military_base"  # "Erbil AB", "Erbil air base": the base at the airport, by the text's own word
    if state_strike:
        # a strike on facilities that killed a commander hit a militia position; a strike on a
        # person or a car is on personnel. US troops, contractors and service members named beside a
        # state's strike are the victims of the attack it answers, not its target
        struck = {rows[c.id].get("target_type") for c in cues if c.text.lower() not in _US_SIDE_PEOPLE}
        for t in ("militia_position", "personnel", "civilian"):
            if t in struck:
                return t
        return "militia_position"
    # what the text calls the target first ("the coalition base at Erbil airport" is a base), then
    # what the place is ("coalition troops at Erbil airport" hit an airport)
    for t in ("convoy", "diplomatic"):
        if t in said or site == t:
            return t
    if "military_base" in said:
        return "military_base"
    if site:
        return site
    for t in ("airport", "personnel", "civilian"):
        if t in said:
            return t
    return "other"


def _vehicles_hit(segs: list[Segment]) -> bool:
    return any(c.label == "TARGET" and ("convoy" in c.text.lower() or "vehicle" in c.text.lower())
               for s in segs for c in s.cues)


def _first(*values):  # type: ignore[no-untyped-def]
    return next((v for v in values if v is not None), None)


def build_report(inc: Incident, ctx: ArticleContext) -> Report | None:
    """The contract record of one incident. Each field comes from the incident's own
    sentences first, then from a coarse telling absorbed into it, then from siblings."""
    pack, ann = ctx.pack, ctx.ann
    frame_segs = [s for f in inc.frames for s in f.segs if s.active]
    own = [s for s in frame_segs + inc.attached if s.active]
    absorbed = [s for s in inc.absorbed if s.active]
    inherited = [s for s in inc.inherited if s.active]
    landmark = inc.landmark
    place = inc.place
    if place is None and landmark is not None and landmark.fields.get("place"):
        place = pack.place_by_name(landmark.fields["place"])
    # who did it: the clauses that tell the incident, claims and blame said of it, and coarser
    # tellings; not every sentence that happens to name a group nearby
    claim_sents = {s.sent for s in inc.attached if s.active and (s.has("CLAIM") or s.has("BLAME") or s.has("CLAIM_NEG"))}
    told = frame_segs + [s for s in inc.attached if s.active and s.sent in claim_sents]
    roles = actor_roles(told + absorbed + inherited, ann.folded, pack, primary={s.start for s in frame_segs})

    # weapon: the incident's own strong weapon, else one told in an absorbed/sibling clause
    own_rows = _weapon_row(pack, frame_segs)
    other_rows = _weapon_row(pack, absorbed + inherited)
    wanted = inc.weapon or inc.absorbed_weapon
    strong = [r for r in own_rows + other_rows if r.get("strength", "strong") != "weak"]
    row = next((r for r in strong if r["weapon"] == wanted), strong[0] if strong else None)
    weapon = row["weapon"] if row else "unknown"
    state_agents = [r for r in roles if r.role == "agent" and r.actor.kind in ("state", "coalition") and r.actor.side in ("us", "israel")]
    armed_agents = [r for r in roles if r.role == "agent" and (r.actor.kind in ("militia", "umbrella") or r.actor.side == "axis")]
    state_drone = any(r.armed_with and "drone" in r.armed_with for r in state_agents)
    # "a US drone strike", "a US drone struck his car": a strike the text calls a drone strike is
    # `drone`, whoever struck (EVENTS.md, weapon); drones named beside a state's strike are the
    # militias' ("strikes on drone storage sites", "in answer to the drone attack"): it struck from the air
    called_drone = state_drone or any(r["id"] in _DRONE_STRIKE_ROWS for r in own_rows)
    if weapon == "drone" and state_agents and not armed_agents and not called_drone:
        weapon, row = "airstrike", {"weapon": "airstrike", "event_type": "Air/drone strike"}
    if weapon == "unknown" and inc.hint_weapon:
        weapon, row = inc.hint_weapon, {"weapon": inc.hint_weapon, "event_type": _EVENT_BY_WEAPON.get(inc.hint_weapon, "Attack")}
    if weapon == "unknown" and landmark is not None and landmark.fields.get("weapon"):
        weapon = landmark.fields["weapon"]
        row = {"weapon": weapon, "event_type": landmark.fields.get("event_type") or _EVENT_BY_WEAPON.get(weapon, "Attack")}
    # a state's drone strike is a state's strike all the same (targets, actor, interception)
    state_strike = weapon == "airstrike" or weapon == "drone" and called_drone and bool(state_agents) and not armed_agents

    target_type = _target_type(own, place, state_strike, pack)
    for extra in (absorbed, inherited):
        if target_type == "other" and extra:
            target_type = _target_type(extra, place, state_strike, pack)
    if landmark is not None and landmark.fields.get("target_type") and target_type == "other":
        target_type = landmark.fields["target_type"]
    weak = [r for r in own_rows + other_rows if r.get("strength") == "weak"]
    on_road = target_type == "convoy" or _vehicles_hit(own)  # a convoy, or an embassy's vehicles
    if weapon == "unknown" and on_road and any(r["weapon"] == "ied" for r in weak):
        weapon = "ied"  # an explosion or bombing that hit a convoy
    elif weapon == "unknown" and any(r["weapon"] != "ied" for r in weak):
        row = next(r for r in weak if r["weapon"] != "ied")  # "a salvo fell short": rockets
        weapon = row["weapon"]

    perp = perpetrator(roles, "airstrike" if state_strike else weapon, pack)  # a state's drone strike too
    if perp is None and not state_strike:
        perp = _antecedent(ann, pack, told)
    if perp is None and weapon in ("unknown", "airstrike") and _strike_on_militia(roles, own, pack):
        # "last week's strikes in eastern Syria, which targeted facilities of Kata'ib Hezbollah":
        # in this theatre an unattributed strike on the militias is the pack's default striker's
        perp = pack.actors.get(pack.meta.get("default_striker", ""))
        if perp is not None:
            weapon, row, state_strike = "airstrike", {"weapon": "airstrike", "event_type": "Air/drone strike"}, True
            target_type = _target_type(own, place, True, pack)
    if (weapon == "unknown" or weapon == "drone" and not called_drone) and perp is not None and perp.kind in ("state", "coalition") \
            and perp.side in ("us", "israel"):
        # "US forces struck two facilities", "a US drone strike": the US strikes from the air
        weapon, row, state_strike = "airstrike", {"weapon": "airstrike", "event_type": "Air/drone strike"}, True
        target_type = _target_type(own, place, True, pack)
    if perp is None and inc.hint_actor in pack.actors:
        perp = pack.resolve_actor(inc.hint_actor)
    if perp is None and landmark is not None and landmark.fields.get("actor"):
        # the actor is whom the article names, never outside knowledge: a militia blamed for a known
        # attack is not taken from the landmark; a state's strike named as the known event ("the
        # killing of Soleimani") carries its striker, which the event's name itself says
        known = pack.actor_by_name(landmark.fields["actor"])
        perp = known if known is not None and known.kind in ("state", "coalition") else None
    perp_side = perp.side if perp else None
    claim, strong_claim, negated = claims(own + absorbed + inherited)
    confirmation, own_statement = confirmation_of(ctx.ann, ctx.pack, own, perp_side)
    # a coarse telling shared with sibling incidents that counts attacks ("attacked 16 times since
    # October, the Pentagon said") confirms none of them in particular
    counted = {s.sent for s in inherited if any(g.aggregate for g in ann.sentences[s.sent].segments)}
    for extra in (absorbed, [s for s in inherited if s.sent not in counted]):
        if confirmation == "not_mentioned" and extra:
            confirmation, more = confirmation_of(ctx.ann, ctx.pack, extra, perp_side)
            own_statement = own_statement or more
    if perp is not None and perp.kind in ("state", "coalition"):
        # a state claims only by announcing its strike; Iran blamed for a barrage has not claimed it
        claimed = own_statement or strong_claim
    elif perp is not None:
        claimed = not negated or (claim and not any(s.has("CLAIM_NEG") for s in own + absorbed))
    else:
        claimed = strong_claim and not negated
    strike_weapon = "airstrike" if state_strike else weapon  # a state's strike is never "intercepted"
    intercepted = _first(intercepted_of(ctx.ann, own, strike_weapon), intercepted_of(ctx.ann, absorbed, strike_weapon))
    killed, injured = incident_casualties(ctx.ann, own)
    if killed is None and injured is None and absorbed:
        killed, injured = incident_casualties(ctx.ann, absorbed)
    if killed is None and injured is None and id(inc) in ctx.late_zeros:
        zk, zi = ctx.late_zeros[id(inc)]
        killed, injured = (0 if zk else None), (0 if zi else None)
    if row is not None and weapon != "unknown":
        event_type = row["event_type"] if row["weapon"] == weapon else _EVENT_BY_WEAPON.get(weapon, "Attack")
    elif row is not None:
        event_type = row["event_type"]
    else:
        event_type = "Remote explosive/landmine/IED" if on_road else "Attack"
    if intercepted:
        event_type = "Disrupted weapons use"
    cues = [c.id for s in own for c in s.cue("INTERCEPT")]
    stopped_early = _FOILED | ({"intercept-foiled", "intercept-thwarted", "intercept-prevented"} if weapon in ("rocket", "mortar", "ied") else set())
    if cues and intercepted is not False and not state_strike and all(c in stopped_early for c in cues):
        # stopped before anything flew or went off: rockets found primed, an IED defused, a rocket
        # attack foiled (EVENTS.md: Disrupted weapons use, intercepted null); a drone attack "thwarted"
        # was a drone that flew and was stopped, an interception
        event_type, intercepted = "Disrupted weapons use", None
    if (place is None or place.kind == "country") and not state_strike:
        place = _embassy_told(own, ctx, place, pack) or place
    geo = geocode(place, pack) if place is not None else (geocode(ctx.country, pack) if ctx.country else None)
    if geo is None:
        return None
    if not ctx.any_theatre and pack.theatre and geo["country_code"] not in pack.theatre:
        return None
    if not ctx.any_theatre and _outside_the_conflict(perp, roles):
        return None
    tgt_actor = (landmark.fields.get("target_actor") if landmark is not None and landmark.fields.get("target_actor")
                 else target_actor(roles, perp, state_strike, pack))
    return Report(
        article_id=ctx.article_id, date=inc.date_value, date_precision=inc.date_precision if inc.date_value else None,
        event_type=event_type, weapon=weapon, actor=perp.name if perp else None, claimed=bool(claimed),
        target_type=target_type, target_actor=tgt_actor, killed=killed, injured=injured, intercepted=intercepted,
        confirmation=confirmation, background=_background(inc, ctx), evidence=_evidence(ann, inc),
        actor_parent=(pack.actors[perp.parent].name if perp and perp.parent in pack.actors else None), **geo)


_STRIKE_WORDS = {"strike", "strikes", "airstrike", "airstrikes", "air strike", "air strikes", "raid", "raids", "struck", "bombed"}


def _outside_the_conflict(perp: "Actor | None", roles: list) -> bool:  # type: ignore[type-arg]
    """Turkey's operations against the PKK, Iraqi forces against Islamic State: violence in the
    theatre between parties other than the militias and the US-led forces, which the tracker
    does not follow (kept with --any-theatre)."""
    if perp is None or perp.side not in ("other", "iraq"):
        return False
    return not any(r.role in ("target", "generic") and r.actor.side in ("us", "axis") for r in roles)


def _strike_on_militia(roles: list, segs: list[Segment], pack: Pack) -> bool:  # type: ignore[type-arg]
    militia_targets = [r for r in roles if r.role in ("target", "generic") and r.actor.side == "axis"]
    strike = any(c.text.lower() in _STRIKE_WORDS for s in segs for c in s.triggers)
    armed = any(r.role == "agent" and r.actor.side == "axis" for r in roles)
    return bool(militia_targets) and strike and not armed


# "the group", "the hardline pro-Iranian organization", "It added that ...": a reference back to a group
# (lower-case modifiers only: "the Ashab al-Kahf group" names one)
_GROUP_REFERENCE = re.compile(r"\b(?:the|that)\s+(?:same\s+)?(?-i:(?:pro-)?[a-z][\w'-]*\s+){0,2}?(?:group|militia|faction|organi[sz]ation|"
                              r"alliance|umbrella|outfit)\b"
                              r"|^\W*(?:it|they)\s+(?:said|says|claimed|announced|noted|stated|added)\b"
                              # "the resistance fighters also targeted ...", "they also attacked ..."
                              r"|\b(?:the|its|their)\s+(?:resistance\s+)?fighters\b"
                              r"|\bthey\s+(?:also\s+|later\s+|then\s+)?(?:targeted|attacked|launched|fired|struck|hit)\b", re.I)


def _agent_militias(ann: Annotated, pack: Pack) -> tuple[list[int], list["Actor"]]:
    """Every militia or umbrella the article names as an agent, in reading order (start offsets,
    actors), computed once per article: _antecedent asks it for each report."""
    cached = _AGENTS_SEEN[0]
    if cached[0] is ann and cached[1] is pack:
        return cached[2]
    starts: list[int] = []
    actors: list["Actor"] = []
    for sent in ann.sentences:
        for seg in sent.segments:
            for m in seg.actors:
                actor = pack.actors.get(m.id)
                # "the alliance fighting ISIS ... the group said": a name told as a target or an
                # affiliation is not what "the group" points back to
                if actor is not None and actor.kind in ("militia", "umbrella") and \
                        mention_role(m, actor, seg, ann.folded) == "agent":
                    starts.append(m.start)
                    actors.append(actor)
    _AGENTS_SEEN[0] = (ann, pack, (starts, actors))  # one tuple, swapped whole: safe across threads
    return starts, actors


# the last article's answer (build_report runs article by article)
_AGENTS_SEEN: list[tuple[Any, Any, Any]] = [(None, None, None)]


def _antecedent(ann: Annotated, pack: Pack, segs: list[Segment]) -> "Actor | None":
    """ "In statements on Telegram, the group said ...": the militia last named before."""
    refs = [s for s in segs if _GROUP_REFERENCE.search(ann.folded[s.start:s.end])]
    if not refs:
        return None
    pos = min(s.start for s in refs)
    starts, actors = _agent_militias(ann, pack)
    before = bisect_left(starts, pos)  # mentions are in reading order: those starting before pos
    return actors[before - 1] if before else None


def _background(inc: Incident, ctx: ArticleContext) -> bool:
    if inc.date_precision in ("month", "year"):
        return True
    if inc.background_cue and inc.date_source in ("own", "reported"):
        return True
    if ctx.lead_date and inc.date_value and len(inc.date_value) == 10 and len(ctx.lead_date) == 10 and not ctx.roundup:
        return (date.fromisoformat(ctx.lead_date) - date.fromisoformat(inc.date_value)).days >= 2
    return False


def _evidence(ann: Annotated, inc: Incident) -> list[Evidence]:
    sents = sorted({f.sent for f in inc.frames} | {s.sent for s in inc.attached} | {s.sent for s in inc.absorbed}
                   | {s.sent for s in inc.inherited})
    out = []
    for i in sents:
        sent = ann.sentences[i]
        start, end = sent.start, sent.end
        raw = ann.text[start:end]
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip())
        start, end = start + lead, end - trail
        if end > start:
            out.append(Evidence(text=ann.text[start:end], start=start, end=end))
    return out


def dominant_country(ann: Annotated, pack: Pack, extra: list[Place]) -> Place | None:
    counts: Counter[str] = Counter()
    for sent in ann.sentences:
        for seg in sent.segments:
            for m in seg.places:
                p = pack.places.get(m.id)
                if p is not None and p.country_code in pack.theatre:
                    counts[p.country_code] += 1
    for p in extra:
        if p.country_code in pack.theatre:
            counts[p.country_code] += 2
    if not counts:
        return None
    return pack.country(counts.most_common(1)[0][0])


# "Iran fired ballistic missiles at two bases in Iraq": an attack on N unnamed bases is N attacks
# (EVENTS.md, how many reports), each placed as the text places them
_N_BASES = re.compile(r"\b(two|three|four)\s+(?:(?:of\s+the\s+)?(?:[\w-]+\s+){0,2}?)(?:bases|air\s*bases|airbases|military\s+bases|"
                      r"installations|outposts|garrisons)\b", re.I)


def unnamed_sites(inc: Incident, report: Report, ann: Annotated, pack: Pack) -> int:
    """How many reports an incident told only by country or province gives: N for an attack on
    "N bases" none of which its clauses name, else one (a state's strike wave is told by country
    per EVENTS.md, never multiplied)."""
    if report.geo_precision not in ("country", "admin1") or report.weapon == "airstrike":
        return 1
    segs = [s for f in inc.frames for s in f.segs]
    if any(m.id in pack.places and pack.places[m.id].kind == "site" for s in segs for m in s.places):
        return 1  # a named base among them: the places split the telling already
    for s in segs:
        if s.triggers or s.has("TARGET"):
            m = _N_BASES.search(ann.folded, s.start, s.end)
            if m is not None:
                return number(m.group(1)) or 1
    return 1
