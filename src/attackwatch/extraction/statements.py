"""What the article's statements say of an incident: who claimed it, whether an official side
other than the claimant confirmed, denied or would not confirm it, whether everything fired
was intercepted, and how many were killed and injured."""
from __future__ import annotations

import re
from bisect import bisect_left

from attackwatch.extraction.annotate import Annotated, Mention, Segment
from attackwatch.extraction.frames import ANOTHER_EVENT_AFTER
from attackwatch.extraction.incidents import Incident
from attackwatch.extraction.casualties import casualties_in, named_dead, number, zero_casualties
from attackwatch.packs import Pack
from attackwatch.models import Report

_PROJECTILES = {"rocket", "missile", "drone", "mortar", "unknown"}
_EVENT_CONTENT = {"TRIGGER", "IMPACT", "INTERCEPT", "NOCAS", "NOKILL", "INJ_UNCOUNTED", "ANAPHOR", "UNCONFIRMED", "DENY"}
_CONTRAST = {"while", "but", "however", "whereas", "although", "one", "another", "third", "remaining", "other", "others"}
# only some of what flew was stopped: "three of the four rockets", "all but one", "another drone"
_SUBSET = re.compile(r"\b(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|some|several|most|many)\s+of\s+"
                     r"(?:the|them|those|these|\d+|two|three|four|five|six|seven|eight|nine|ten)\b|all\s+but\b|"
                     r"nearly\s+all\b|^\W*one\s+(?:was|were)\b|"
                     r"\b(?:while|whereas|but)\b[^.]{0,80}\banother\s+(?:drone|rocket|missile|projectile|one)\b)", re.I)
_NOT_INTERCEPTED = re.compile(r"\b(?:without|not|never|failed\s+to)\s+(?:being\s+|been\s+|be\s+)?$", re.I)


_N = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_FIRED = re.compile(r"\b" + _N + r"\s+(?:[\w-]+\s+)?(?:rockets|drones|missiles|projectiles|mortars|shells|katyushas)\b", re.I)
_STOPPED = re.compile(r"(?:[;,]|\band\b)\s*" + _N + r"\s+(?:of\s+them\s+)?(?:were|was|had\s+been|have\s+been)\b", re.I)


def _fewer_stopped(text: str) -> bool:
    """"Three rockets hit Camp Taji; two were intercepted": fewer stopped than flew."""
    stopped = _STOPPED.search(text)
    fired = _FIRED.search(text, 0, stopped.start()) if stopped else None
    if not stopped or not fired:
        return False
    a, b = number(fired.group(1)), number(stopped.group(1))
    return a is not None and b is not None and b < a


def _official_side(cue_id: str) -> str:
    parts = cue_id.split("-")
    return parts[1] if len(parts) > 1 else "us"


# an unnamed official is no official statement (EVENTS.md): "a US military official said", "two Iraqi
# security officials", "Iraqi army sources", "officials speaking on condition of anonymity"
_PERSON_CUE = re.compile(r"(?:officials?|officers?|sources?)$", re.I)
_ANON_BEFORE = re.compile(r"\b(?:a|an|one|two|three|four|five|several|some|another|other|unnamed|anonymous|senior)\s+"
                          r"(?:[\w.'\u2019-]+\s+){0,3}$", re.I)
_ANON_AFTER = re.compile(r"^\s*(?:(?:and\s+[\w-]+\s+)?sources?\b|,?\s*(?:who|speaking|talking|spoke)\b[^.]{0,40}?"
                         r"(?:anonymity|anonymously|not\s+to\s+be\s+named|not\s+authori[sz]ed))", re.I)


# "US officials said", "American defense officials": officials of no named body are unnamed too
_NAMELESS_BODY = re.compile(r"^(?:(?:the\s+)?(?:us|u\.s\.|american|coalition|western|iraqi|military|defen[cs]e|security)\s+)+"
                            r"(?:officials?|officers?|sources?)$", re.I)


def _anonymous(folded: str, cue: Mention) -> bool:
    if _ANON_AFTER.match(folded[cue.end:cue.end + 80]):
        return True
    before = folded[max(0, cue.start - 40):cue.start]
    before = re.split(r"[.!?]\s", before)[-1]  # not the words of the sentence before
    return bool(_PERSON_CUE.search(cue.text)) and bool(_ANON_BEFORE.search(before))


def _stated(officials: list[Mention], verbs: list[Mention], folded: str) -> bool:
    """An official is the subject of a statement verb close after it, or introduced by "according to"."""
    for o in officials:
        near = 3 if o.id.endswith("-actor") else 8
        if not o.id.endswith("-actor") and any(v.text.lower().startswith("condemn") and 0 <= v.tok - o.tok_end <= 12
                                               for v in verbs):
            return True  # "The government, under pressure from its allies, condemned ..."
        if o.id.endswith(("according", "-by")):  # "according to CENTCOM", "confirmed by the PMF"
            return True
        for v in verbs:
            if 0 <= v.tok - o.tok_end <= near or o.tok <= v.tok < o.tok_end:
                return True  # the verb after its speaker, or inside the cue ("the coalition said")
            # the verb before its speaker: "according to CENTCOM", "said Secretary of Defense Austin",
            # "a statement from the office of the Secretary of Defense"
            lead = v.text.lower()
            named_body = not o.id.endswith("-actor")
            inverted = lead in ("said", "says", "added") and named_body
            statement_of = lead == "statement" and named_body and folded[v.end:v.end + 13].lower().startswith((" from", " by", " released", " issued"))
            # "under investigation by the Coalition": the body named after "by" has told of it
            reach = 3 if "according" in lead or lead.endswith(" by") else 6 if statement_of else 1 if inverted else -1
            if 0 <= o.tok - v.tok_end <= reach:
                return True
    return False


def confirmation_of(ann: Annotated, pack: Pack, segs: list[Segment], perp_side: str | None) -> tuple[str, bool]:
    """(confirmation, the perpetrator's own side announced it)."""
    states: set[str] = set()
    own_statement = False
    mine = {id(s) for s in segs}
    for sent_idx in sorted({s.sent for s in segs}):
        # this incident's clauses and the sentence's trigger-less ones (the "X said"), not the
        # clauses of another incident told in the same sentence
        sent_segs = [s for s in ann.sentences[sent_idx].segments if s.active and (id(s) in mine or not s.triggers)]
        # a blame implies the attack it is for ("the KRG blamed militants for it")
        # and so does a condemnation ("the Iraqi government condemned the aggression")
        about_event = any(c.label in _EVENT_CONTENT or c.label == "BLAME" or c.text.lower().startswith("condemn")
                          for s in sent_segs for c in s.cues)
        # a state telling what its strike hit ("the targets were depots and a command post") speaks
        # of its own strike
        about_own_strike = perp_side == "us" and any(s.has("TARGET") for s in sent_segs)
        if not (about_event or about_own_strike):
            continue  # "the coalition says it does not own the trucks" confirms nothing
        # "Islamic Resistance in Iraq said": a country inside a group's name is no official side
        groups = [m for s in sent_segs for m in s.actors
                  if m.id in pack.actors and pack.actors[m.id].kind in ("militia", "umbrella")
                  and pack.actors[m.id].side == "axis"]
        named = [c for s in sent_segs for c in s.cue("OFFICIAL")
                 if not any(g.start <= c.start < g.end for g in groups)]
        # speakers: officials not marked anonymous; "US officials said" still voices the US side's
        # own strike (a claim), but confirms another side's attack only when a body is named
        anonymous = [c for c in named if _anonymous(ann.folded, c)]
        # "a US military official": the shorter "US military" inside it is just as unnamed
        speakers = [c for c in named if not any(a.start < c.end and c.start < a.end for a in anonymous)]
        # a government or the coalition named as a speaker ("The US-led coalition said") is official too
        for s in sent_segs:
            for m in s.actors:
                if any(c.start < m.end and m.start < c.end for c in named):
                    continue  # "US officials": the cue already said whether it is a named source
                actor = pack.actors.get(m.id)
                # a state, the coalition, or one of their leaders by name ("President Biden said")
                if actor is not None and actor.kind in ("state", "coalition", "person") and actor.side in ("us", "iraq"):
                    speakers.append(Mention(m.start, m.end, m.tok, m.tok_end, f"official-{actor.side}-actor", "OFFICIAL", m.text))
        if not named and not speakers:
            continue
        sides = {_official_side(c.id) for c in (speakers or named)}
        own = perp_side == "us" and sides <= {"us", "coalition"}
        # an official that "claimed" something has said it
        says = [c for s in sent_segs for c in s.cues if c.label in ("SAY", "CLAIM")]
        blames = [c for s in sent_segs for c in s.cue("BLAME")]
        if own:
            own_statement = own_statement or _stated(speakers, says, ann.folded)
            continue
        if not about_event:
            continue
        confirmers = [o for o in speakers if not _NAMELESS_BODY.match(o.text.strip())]
        # an official side that blames someone has told the attack as fact ("the KRG blamed
        # militants", "Washington blames Kata'ib Hezbollah": EVENTS.md, confirmation)
        stated = _stated(confirmers, says + blames, ann.folded)
        neg_claims = [c for s in sent_segs for c in s.cue("CLAIM_NEG")]
        denials = [c for s in sent_segs for c in s.cue("DENY") if not any(n.start <= c.start < n.end for n in neg_claims)]
        # "declined to comment", "was not available to comment" leave it not mentioned (EVENTS.md);
        # "has not confirmed" is unconfirmed, whoever is said not to have
        if denials and (speakers or named):
            states.add("denied")
        elif any("comment" not in c.id for s in sent_segs for c in s.cue("UNCONFIRMED")):
            states.add("unconfirmed")
        elif stated:
            states.add("confirmed")
    for state in ("confirmed", "denied", "unconfirmed"):
        if state in states:
            return state, own_statement
    return "not_mentioned", own_statement


def intercepted_of(ann: Annotated, segs: list[Segment], weapon: str) -> bool | None:
    if weapon not in _PROJECTILES:
        return None
    full = partial = False
    for sent_idx in sorted({s.sent for s in segs}):
        sent_segs = [s for s in ann.sentences[sent_idx].segments if s.active]
        cues = [c for s in sent_segs for c in s.cues]
        intercepts = [c for c in cues if c.label == "INTERCEPT"]
        if not intercepts:
            continue
        first = min(c.start for c in intercepts)
        sent = ann.sentences[sent_idx]
        if _NOT_INTERCEPTED.search(ann.folded[max(sent.start, first - 30):first]):
            partial = True  # "reached their targets without being intercepted"
            continue
        later_impacts = [c for c in cues if c.label == "IMPACT" and c.start > first]
        words = set(ann.folded[first:sent.end].lower().split())
        if later_impacts and words & _CONTRAST or _SUBSET.search(ann.folded[sent.start:min(sent.end, first + 40)]) \
                or _fewer_stopped(ann.folded[sent.start:min(sent.end, first + 40)]):
            partial = True  # "three of four rockets were intercepted", "shot down another drone"
        else:
            full = True
    if partial:
        return False
    return True if full else None


def _own_part(ann: Annotated, start: int, end: int, cues: list[Mention]) -> str:
    """The text of a clause up to "blamed for a rocket attack that killed ...", when the clause tells
    its own event first ("US strikes targeted a militia blamed for ..."): the toll after it is the
    blamed event's."""
    text = ann.folded[start:end]
    low = text.lower()
    if "blamed" not in low and "responsible" not in low and "accused" not in low:
        return text  # the phrase's verbs, looked for first: most clauses have none
    m = ANOTHER_EVENT_AFTER.search(text)
    if m is not None and any(c.label == "TRIGGER" and start <= c.start < start + m.start() for c in cues):
        return text[:m.start()]
    return text


def incident_casualties(ann: Annotated, segs: list[Segment]) -> tuple[int | None, int | None]:
    killed: list[int] = []
    injured: list[int] = []
    zero_killed = zero_injured = False
    # a sentence told wholly of this incident is counted whole, across its clause cuts ("Seven people,
    # including two women and three children, were killed"); one shared with another incident's
    # clauses is counted clause by clause
    mine = {id(s) for s in segs}
    whole = {i for i in {s.sent for s in segs}
             if all(id(g) in mine for g in ann.sentences[i].segments if g.active and (g.triggers or g.has("IMPACT")))}
    for i in whole:
        sent = ann.sentences[i]
        c = casualties_in(_own_part(ann, sent.start, sent.end, [c for g in sent.segments for c in g.cues]))
        if c.killed is not None:
            killed.append(c.killed)
        if c.injured is not None:
            injured.append(c.injured)
    for s in segs:
        if not s.active:
            continue
        own_text = _own_part(ann, s.start, s.end, s.cues)
        c = casualties_in(own_text)
        if c.killed is not None:
            killed.append(c.killed)
        if any(w in own_text.lower() for w in ("kill", "assassinat", "liquidat")):
            # a named list of dead runs past the clause cuts: "killed X, a commander, along with two aides"
            named = named_dead(ann.folded[s.start:ann.sentences[s.sent].end])
            if named is not None:
                killed.append(named)
        if c.injured is not None:
            injured.append(c.injured)
        zk, zi = zero_casualties(ann.folded[s.start:s.end])
        zero_killed, zero_injured = zero_killed or zk, zero_injured or zi
        if s.has("NOCAS"):
            zero_killed = zero_injured = True
        if s.has("NOKILL"):
            zero_killed = True
    k = max(killed) if killed and max(killed) > 0 else (0 if zero_killed or killed else None)
    i = max(injured) if injured and max(injured) > 0 else (0 if zero_injured or injured else None)
    return k, i


def claims(segs: list[Segment]) -> tuple[bool, bool, bool]:
    """(a claim cue, a strong claim cue, a negated claim or blame)."""
    claim = strong = negated = False
    for s in segs:
        if not s.active:
            continue
        negs = s.cue("CLAIM_NEG")
        for c in s.cue("CLAIM"):
            if any(n.start <= c.start < n.end for n in negs):
                continue
            claim = True
            strong = strong or "responsib" in c.id or c.id.startswith(("claim-claim", "claim-we", "claim-took", "claim-tak"))
        negated = negated or bool(negs) or s.has("BLAME")
    return claim, strong, negated


def unclaimed_zeros(ann: Annotated, incidents: list[Incident]) -> dict[int, tuple[bool, bool]]:
    """No-harm statements ("No one was hurt in the attack.") in sentences no incident took, given to
    the incident whose telling they fall in: the last one begun before them that is not a mere
    reference to an earlier event. Keyed by id(incident): (killed stated none, injured stated none)."""
    taken = {s.sent for inc in incidents for s in inc.segments + inc.absorbed + inc.inherited}
    starts = sorted(((min(f.sent for f in inc.frames), id(inc)) for inc in incidents
                     if inc.frames and not inc.background_cue), key=lambda x: x[0])
    out: dict[int, tuple[bool, bool]] = {}
    for sent in ann.sentences:
        if sent.index in taken:
            continue
        segs = [s for s in sent.segments if s.active and (s.has("NOCAS") or s.has("NOKILL"))]
        if not segs:
            continue
        owner = next((key for first, key in reversed(starts) if first < sent.index), None)
        if owner is None:
            continue
        zk = any(s.has("NOCAS") or s.has("NOKILL") for s in segs)
        zi = any(s.has("NOCAS") for s in segs)
        k, i = out.get(owner, (False, False))
        out[owner] = (k or zk, i or zi)
    return out



# "In response, US jets struck ...", "In retaliation, the US carried out ...": the answer to what was just told
_ANSWERS_LAST = re.compile(r"\s*(?:in\s+(?:response|retaliation|reply)|responding|retaliating)\s*[,;]", re.I)


def confirm_answered(ann: Annotated, scored: list[tuple[Incident, Report]], pack: Pack) -> None:
    """An official side that answers an attack with a strike has confirmed it (EVENTS.md,
    confirmation): "..., to which the US responded with airstrikes on ..." or "In response, US jets
    struck ..." tells the attack as fact. Indexes built once: a long page has thousands of reports."""
    # the reports holding each frame's first clause, and the incidents in the order their telling ends
    holders: dict[int, list[Report]] = {}
    ends: list[tuple[int, int]] = []  # (last sentence, position in scored)
    for n, (inc, report) in enumerate(scored):
        for g in inc.frames:
            if g.segs:
                holders.setdefault(id(g.segs[0]), []).append(report)
        if inc.frames:
            ends.append((max(g.sent for g in inc.frames), n))
    ends.sort()
    last_sents = [e for e, _ in ends]
    for inc, report in scored:
        actor = pack.actor_by_name(report.actor)
        if actor is None or actor.kind not in ("state", "coalition") or actor.side not in ("us", "iraq") or not inc.frames:
            continue
        answered_segs = {id(f.answers.segs[0]) for f in inc.frames if f.answers is not None and f.answers.segs}
        first = inc.frames[0]
        sent = ann.sentences[first.sent]
        if _ANSWERS_LAST.match(ann.folded, sent.start, sent.end):
            # the incident whose telling ended last before this one began
            k = bisect_left(last_sents, first.sent) - 1
            while k >= 0 and scored[ends[k][1]][0] is inc:
                k -= 1
            if k >= 0:
                answered_segs |= {id(g.segs[0]) for g in scored[ends[k][1]][0].frames if g.segs}
        for key in answered_segs:
            for answered in holders.get(key, ()):
                if answered is not report and answered.confirmation == "not_mentioned":
                    answered.confirmation = "confirmed"
