"""Who did it, and to whom: actor mentions sorted into perpetrator and target roles.

"Kata'ib Hezbollah positions", "a US convoy", "attacks on US forces" put an actor in the
target role; a name that is the subject of the clause, or the author of a claim, is a
perpetrator candidate. Names not in the registry are caught when the text introduces
them ("a group calling itself 'The International Resistance'").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from attackwatch.extraction.annotate import Mention, Segment
from attackwatch.packs import Actor, Pack

# the words before a name that make it the object of an attack, a fight or an affiliation: "the
# coalition against Islamic State", "forces fighting ISIS", "a channel associated with the PMF",
# "facilities used by Iran's IRGC" (a possessive counts as one word)
_TARGET_BEFORE = re.compile(
    r"(?:\b(?:on|against|at|to|targeting|targeted|target|toward|towards|for|belonging\s+to|housing|houses|hosting|"
    r"hosts|host|of|struck|hit|attacked|killed|killing|assassination\s+of|killing\s+of|positions\s+of|"
    r"facilities\s+(?:used\s+by|of)|used\s+by|linked\s+to|affiliated\s+with|backed\s+by|with|"
    r"fight|fights|fighting|fought|combat|combating|combatting|defeat|defeating|counter|countering|"
    r"overthrow|topple|oppose|opposing|into|associated\s+with|aligned\s+with|allied\s+(?:with|to)|"
    r"loyal\s+to|close\s+to|tied\s+to|supported\s+by|funded\s+by|armed\s+by|proxies\s+of)\s+(?:the\s+)?"
    r"(?:[\w.-]+['\u2019]s\s+)?(?:[\w'\u2019.-]+\s+){0,1}['\"]?|\banti-)$", re.I)
# "a channel associated with Iraqi anti-terror Popular Mobilization Units": affiliation reaches further
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?][\"\u201d']?\s+(?=[A-Z\"\u201c]|$)")
_AFFILIATED_BEFORE = re.compile(r"\b(?:associated|affiliated|aligned|allied)\s+(?:with|to)\s+(?:the\s+)?(?:[\w'\u2019.-]+\s+){0,3}$",
                                re.I)
# a name inside a reference to another event is not this one's author: "the anniversary of the
# 2020 US killing of Soleimani", "in retaliation for US strikes"
_OTHER_EVENT_BEFORE = re.compile(r"\b(?:anniversary\s+of|coincid\w*\s+with|revenge\s+for|retaliation\s+for|"
                                 r"avenge|avenging)\b[^.;,]{0,70}$", re.I)
# two states named together in a relation, not an attack: "tensions between the US and Iran",
# "US-Iran tensions", "pushed Washington and Tehran to the brink of war"
_RELATION = re.compile(r"\b(?:tensions?|hostilit\w*|brink\s+of\s+(?:a\s+)?war|rivalry|standoff|confrontation|"
                       r"relations?|talks|dispute|escalation|feud|proxy\s+war)\b", re.I)
_PAIRED_BEFORE = re.compile(r"\b(?:between|and)\s+(?:the\s+)?(?:[\w.'-]+\s+){0,2}$|-$", re.I)
_PAIRED_AFTER = re.compile(r"^(?:\s+and\s|-[A-Za-z])", re.I)
_EVENTFUL = {"TRIGGER", "IMPACT", "CLAIM", "BLAME", "CLAIM_NEG", "INTERCEPT"}
# an axis state as the speaker: "Iran said it had no part in it", "Tehran has not commented"
_SPEAKER_AFTER = re.compile(r"^\s*(?:(?:has|have|had|did|also|later|officially|publicly|not|never|directly|"
                            r"immediately|quickly)\s+){0,3}(?:said|says|say|commented|comment|denied|denies|deny|"
                            r"stated|warned|condemned|accused|blamed|responded|rejected|insisted|told)\b", re.I)
# the name a mention restates: "Islamic State (IS, or ISIS)", "Revolutionary Guard Corps-Quds Force"
_RESTATES = re.compile(r"^[\s(\[\-\u2013,]*(?:(?:formerly|also\s+known\s+as|known\s+as|aka|or|i\.e\.)\s+)?(?:the\s+)?$", re.I)
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


def mention_role(m: Mention, actor: Actor, seg: Segment, folded: str) -> str:
    """agent | target | source | mention | generic: what the clause makes of one name."""
    if actor.kind == "generic":
        return "generic"
    before = folded[max(0, m.start - 40):m.start]
    # no further back than the sentence: "Ain al-Asad has been a target before. Iran fired ..."
    if "." in before or "!" in before or "?" in before:
        ends = list(_SENTENCE_END.finditer(before))
        if ends:
            before = before[ends[-1].end():]
    if re.search(r"\baccording\s+to\s+(?:the\s+)?$", before, re.I):
        return "source"
    if re.search(r"\bpro-$", before, re.I):
        return "mention"  # "pro-Iran factions": a modifier, not the group
    if any(c.label == "BLAME" and 0 <= m.tok - c.tok_end <= 2 for c in seg.cues):
        return "agent"  # "officials pointed to Kata'ib Hezbollah", "blamed Kata'ib Hezbollah"
    if _TARGET_BEFORE.search(before) or _AFFILIATED_BEFORE.search(folded[max(0, m.start - 70):m.start]):
        return "target"
    after = folded[m.end:m.end + 40]
    if actor.side != "axis" and _OTHER_EVENT_BEFORE.search(folded[max(0, m.start - 90):m.start]):
        return "mention"
    if actor.kind == "state" and (_PAIRED_BEFORE.search(before) or _PAIRED_AFTER.match(after)) and \
            _RELATION.search(folded[max(0, m.start - 60):m.end + 40]):
        return "mention"  # "tensions between the US and Iran": two parties to a relation, not an attacker
    if actor.kind == "state" and actor.side == "axis" and _SPEAKER_AFTER.match(after) and not seg.has("CLAIM"):
        return "source"  # "Iran said it was not behind the attacks": a state speaking, claiming nothing
    # "US-led coalition forces repelled several drones": the side that intercepts defends
    intercepts = [c for c in seg.cues if c.label == "INTERCEPT" and 0 <= c.tok - m.tok_end <= 4]
    if intercepts and actor.side != "axis":
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
    prev: ActorRole | None = None  # the last name seen, across clause cuts ("Islamic State (IS")
    for seg in segs:
        claim = seg.has("CLAIM")
        first = len(out)
        for m in seg.actors:
            if m.id not in pack.actors:
                continue
            actor = pack.resolve_actor(m.id)
            role = mention_role(m, actor, seg, folded)
            if prev is not None and prev.mention is not None and prev.mention.end <= m.start \
                    and _RESTATES.match(folded[prev.mention.end:m.start]):
                role = prev.role  # an alias or a part restating the name before keeps its role
            prev = ActorRole(actor, role, claim, m)
            out.append(prev)
        # "American jets struck", "an Israeli airstrike", "US raids": the nationality names the striker
        for w in [*seg.weapons, *(c for c in seg.cues if c.label == "TRIGGER")]:
            before = _DEMONYM_BEFORE.search(folded[max(0, w.start - 25):w.start])
            if before and before.group(1) in pack.demonyms and not \
                    _OTHER_EVENT_BEFORE.search(folded[max(0, w.start - 90):w.start - len(before.group(0))]):
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
    # a group or state of the axis named in a sentence that tells no attack, claim or blame ("The PMF
    # maintain close ties to Tehran", "Iran's nuclear program") is only mentioned
    sentence_of = _sentence_finder(segs)
    eventful = {sg.sent for sg in segs if sg.weapons or any(c.label in _EVENTFUL for c in sg.cues)}
    for r in out:
        if r.role == "agent" and r.actor.side == "axis" and r.mention is not None:
            home = sentence_of(r.mention.start)
            if home is not None and home not in eventful:
                r.role = "mention"
    # "a US drone strike killed Abu Taqwa, ..., according to Nujaba": once a state strikes in a
    # sentence, the militias named after it are its targets or sources, not its authors
    first_strike: dict[int, int] = {}  # sentence -> where the first US or Israeli agent in it is named
    for r in out:
        if r.role == "agent" and r.actor.side in ("us", "israel") and r.mention is not None:
            sent = sentence_of(r.mention.start)
            if sent is not None:
                first_strike[sent] = min(first_strike.get(sent, r.mention.start), r.mention.start)
    for o in out:
        if o.actor.side == "axis" and o.mention is not None:
            sent = sentence_of(o.mention.start)
            if sent in first_strike and o.mention.start > first_strike[sent]:
                o.role = "target"
    return out


def _sentence_finder(segs: list[Segment]) -> Callable[[int], int | None]:
    """The sentence of the clause among `segs` that holds a character offset (None: none does).
    An article's clauses never overlap, so the one starting last at or before the offset is the
    only candidate: a bisect, where a scan of every clause per name made an incident told in
    thousands of clauses (a very long page) quadratic."""
    spans = sorted({(s.start, s.end, s.sent) for s in segs})
    starts = [start for start, _, _ in spans]

    def sentence_of(pos: int) -> int | None:
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos < spans[i][1]:
            return spans[i][2]
        return None

    return sentence_of


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
        # the striker the strike words name ("American jets", "a US drone") before a state named
        # only nearby (the Iraqi forces that dispersed a protest against the strikes)
        strikers = [r for r in states if r.armed_with] or [r for r in states if r.actor.side in ("us", "israel")] or states
        # "US and British jets", "by both the Americans and British": the state named first of a pair
        # striking together leads (the coded actor is one; the first named is the one coded)
        paired = [r for r in states if r not in strikers and r.mention is not None and any(
            s.mention is not None and 0 < s.mention.start - r.mention.end <= 9 for s in strikers)]
        if paired:
            return min(paired, key=lambda r: r.mention.start).actor  # type: ignore[union-attr]
        return _specific_first(strikers, pack) or None
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
