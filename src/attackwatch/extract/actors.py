"""Who did it, and to whom: actor mentions sorted into perpetrator and target roles.

"Kata'ib Hezbollah positions", "a US convoy", "attacks on US forces" put an actor in the
target role; a name that is the subject of the clause, or the author of a claim, is a
perpetrator candidate. Names not in the registry are caught when the text introduces
them ("a group calling itself 'The International Resistance'").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from attackwatch.extract.annotate import Mention, Segment
from attackwatch.packs import Actor, Pack

_TARGET_BEFORE = re.compile(
    r"(?:\b(?:on|against|at|to|targeting|targeted|target|toward|towards|for|belonging\s+to|housing|houses|hosting|"
    r"hosts|host|of|struck|hit|attacked|killed|killing|assassination\s+of|killing\s+of|positions\s+of|"
    r"facilities\s+(?:used\s+by|of)|used\s+by|linked\s+to|affiliated\s+with|backed\s+by|with)\s+(?:the\s+)?"
    r"(?:\w+\s+){0,1}['\"]?)$", re.I)
_VICTIM_AFTER = re.compile(r"\b(?:came|come|comes|coming)\s+under\b|\b(?:was|were|been|being|are|is)\s+(?:\w+\s+)?"
                           r"(?:targeted|attacked|hit|struck|wounded|injured|killed|shelled|ambushed|bombed)\b", re.I)
STRIKE_VERBS = {"struck", "strike", "strikes", "striking", "airstrike", "airstrikes", "air strike", "air strikes", "raid",
                "raids", "bombed", "bombing", "hit", "hitting", "targeted", "targeting", "killed", "killing of",
                "assassination", "assassinated", "launched", "fired", "carried out", "shelled", "pounded"}
_DEMONYM_BEFORE = re.compile(r"\b(U\.S\.|US|[A-Z][a-z]+)(?:'s)?\s+(?:[a-z-]+\s+)?$")
_INTRODUCED = re.compile(
    r"\b(?:group|militia|faction|organi[sz]ation|outfit|movement|brigades?|cell|front)\s+(?:calling\s+itself|"
    r"that\s+calls\s+itself|called|known\s+as|named|dubbed|going\s+by\s+the\s+name)\s+['\"]?(?:the\s+)?"
    r"(?P<name>[A-Z][\w'-]*(?:\s+(?:(?:al|el|ad|as|ash|ar|an|at|az)-[A-Z][\w'-]*|of|the|for|in|[A-Z][\w'-]*)){0,5})")


@dataclass(slots=True)
class ActorRole:
    actor: Actor
    role: str  # agent | target | generic
    claim_near: bool
    mention: Mention | None
    primary: bool = True  # named in a clause that tells the incident (not a later aside)
    armed_with: str | None = None  # "a US drone": the weapon words the nationality qualifies


def _role(m: Mention, actor: Actor, seg: Segment, folded: str) -> str:
    if actor.kind == "generic":
        return "generic"
    before = folded[max(0, m.start - 40):m.start]
    if re.search(r"\baccording\s+to\s+(?:the\s+)?$", before, re.I):
        return "source"
    if _TARGET_BEFORE.search(before):
        return "target"
    # "US convoy", "Kata'ib Hezbollah positions", "US supply convoy": the actor modifies a target noun
    triggers = [c for c in seg.cues if c.label == "TRIGGER"]
    for c in seg.cues:
        if c.label == "TARGET" and 0 <= c.tok - m.tok_end <= 1 and not any(m.tok_end <= t.tok < c.tok for t in triggers):
            return "target"
    # "CENTCOM confirmed that ...", "US officials said": a source, not a party
    says = [c for c in seg.cues if c.label == "SAY" and 0 <= c.tok - m.tok_end <= 10]
    if says and actor.side != "axis":
        first_say = min(c.tok for c in says)
        if first_say - m.tok_end <= 3 or not any(m.tok_end <= t.tok < first_say for t in triggers):
            return "source"
    # a government or its forces act only when a strike follows ("Biden ordered airstrikes",
    # "US forces struck"); "where American soldiers are deployed" is no agency
    if actor.side != "axis" and actor.kind in ("state", "coalition"):
        acts = [c for c in seg.cues if c.label == "TRIGGER" and 0 <= c.tok - m.tok_end <= 8]
        if acts and _VICTIM_AFTER.search(folded[m.end:acts[0].end + 1]):
            return "target"  # "US forces at al-Tanf came under drone attack"
        # the state acts when a strike verb or a strike weapon follows closely ("US forces struck",
        # "Biden ordered airstrikes"), not when an attack is merely told near its name
        close = [c for c in seg.cues if c.label == "TRIGGER" and 0 <= c.tok - m.tok_end <= 4
                 and c.text.lower() in STRIKE_VERBS]
        close += [w for w in seg.weapons if 0 <= w.tok - m.tok_end <= 4]
        return "agent" if close else "mention"
    return "agent"


def actor_roles(segs: list[Segment], folded: str, pack: Pack, primary: set[int] | None = None) -> list[ActorRole]:
    out: list[ActorRole] = []
    for seg in segs:
        claim = seg.has("CLAIM")
        first = len(out)
        for m in seg.actors:
            if m.id not in pack.actors:
                continue
            actor = pack.resolve_actor(m.id)
            out.append(ActorRole(actor, _role(m, actor, seg, folded), claim, m))
        # "American jets struck", "an Israeli airstrike", "US raids": the nationality names the striker
        for w in [*seg.weapons, *(c for c in seg.cues if c.label == "TRIGGER")]:
            before = _DEMONYM_BEFORE.search(folded[max(0, w.start - 25):w.start])
            if before and before.group(1) in pack.demonyms:
                actor = pack.demonyms[before.group(1)]
                pseudo = Mention(w.start - len(before.group(0)), w.start, w.tok - 1, w.tok, actor.id, actor.kind, before.group(1))
                out.append(ActorRole(actor, "agent", claim, pseudo, armed_with=w.text.lower()))
        for im in _INTRODUCED.finditer(folded[seg.start:seg.end]):
            name = im.group("name").strip(" '\"").rstrip(".,")
            name = re.sub(r"['\"].*$", "", name).strip()
            if not name:
                continue
            known = pack.actor_by_name(name)
            actor = known or Actor(id="unlisted:" + name.lower(), name=name, kind="militia", side="axis")
            out.append(ActorRole(actor, "agent", True, None))
        if primary is not None and seg.start not in primary:
            for r in out[first:]:
                r.primary = False
    # "a US drone strike killed Abu Taqwa, ..., according to Nujaba": once a state strikes in a
    # sentence, the militias named after it are its targets or sources, not its authors
    for r in out:
        if r.role == "agent" and r.actor.side in ("us", "israel") and r.mention is not None:
            for o in out:
                if (o.actor.side == "axis" and o.mention is not None and o.mention.start > r.mention.start
                        and _same_sentence(segs, o.mention, r.mention)):
                    o.role = "target"
    return out


def _same_sentence(segs: list[Segment], a: Mention, b: Mention) -> bool:
    sa = next((s.sent for s in segs if s.start <= a.start < s.end), -1)
    sb = next((s.sent for s in segs if s.start <= b.start < s.end), -2)
    return sa == sb


def _specific_first(cands: list[ActorRole], pack: Pack) -> Actor | None:
    """Prefer a front over the umbrella it claims under, and a claimant over a bystander."""
    if not cands:
        return None
    parents = {c.actor.parent for c in cands if c.actor.parent}
    # a front beats the umbrella it claims under; a state is named as it is first named
    best = [c for c in cands if c.actor.side != "axis" or c.actor.id not in parents]
    if any(c.primary for c in cands):
        best = [c for c in best if c.primary] or [c for c in cands if c.primary]
    best.sort(key=lambda c: (not c.claim_near,))
    return (best or cands)[0].actor


def perpetrator(roles: list[ActorRole], weapon: str | None, pack: Pack) -> Actor | None:
    agents = [r for r in roles if r.role == "agent"]
    armed = [r for r in agents if r.actor.kind in ("militia", "umbrella") or r.actor.side == "axis"]
    states = [r for r in agents if r.actor.kind in ("state", "coalition") and r.actor.side != "axis"]
    if weapon == "airstrike":
        return _specific_first(states, pack) or None
    # "a US strike on a Nujaba base": the nationality on the strike itself outweighs a militia
    # named elsewhere in the telling, unless that militia claimed it
    marked = [r for r in states if r.armed_with and r.primary]
    if marked and weapon in (None, "unknown", "drone") and not any(r.claim_near and r.primary for r in armed):
        return _specific_first(marked, pack)
    return _specific_first(armed, pack) or (_specific_first(states, pack) if weapon in (None, "unknown") else None)


def target_actor(roles: list[ActorRole], perp: Actor | None, state_strike: bool, pack: Pack) -> str | None:
    if state_strike:
        named = [r.actor for r in roles if r.role == "target" and r.actor.side == "axis"]
        if named:
            return named[0].name
        if any(r.role == "generic" for r in roles):
            return next(r.actor.name for r in roles if r.role == "generic")
        return "Iran-backed militias"
    us_side = [r.actor for r in roles if r.actor.side == "us" and r.role in ("target", "agent")]
    if any(a.kind == "coalition" for a in us_side):
        return next(a.name for a in us_side if a.kind == "coalition")
    if us_side:
        return us_side[0].name
    return "United States" if perp is None or perp.side == "axis" else None
