"""An Arabic incident -> the contract Report: the same record the English extractor makes,
its fields read from the Arabic cues of its frames, geocoded by the shared geocoder."""
from __future__ import annotations

import re
from datetime import date

from attackwatch.extraction.arabic.frames import OTHER_STRIKERS, Clause, Frame
from attackwatch.extraction.arabic.incidents import ArIncident
from attackwatch.extraction.arabic.lexicon import ArabicLexicon, Hit
from attackwatch.extraction.arabic.normalize import Folded
from attackwatch.extraction.geocode import geocode
from attackwatch.models import Evidence, Report
from attackwatch.packs import Pack

_MILITIA_KINDS = ("militia", "umbrella")
_US = ("united-states", "us-led-coalition")


def _all_hits(inc: ArIncident) -> list[Hit]:
    return [h for f in inc.frames for h in f.hits]


def _kinds(inc: ArIncident) -> set[str]:
    return {h.kind for h in _all_hits(inc)}


def _weapon(inc: ArIncident) -> Hit | None:
    """The weapon of the first frame that names one; aircraft that only flew over
    ("تحليق طائرات حربية") are no weapon."""
    for f in inc.frames:
        over = [h.end for h in f.hits if h.kind == "overflight"]
        ws = [h for h in f.hits if h.kind == "weapon" and not any(0 <= h.start - e <= 3 for e in over)]
        if ws:
            kinds = {w.row["weapon"] for w in ws}
            air = [w.end for w in ws if w.row["weapon"] == "airstrike"]
            drones = [w for w in ws if w.row["weapon"] == "drone" and any(0 <= w.start - e <= 30 for e in air)]
            if kinds == {"drone", "airstrike"} and drones:
                # "غارة جوية أمريكية بطائرة مسيرة": a drone strike is coded drone
                ws, kinds = drones, {"drone"}
            # the most specific: "قذائف صاروخية" over "قذائف"; of two weapons, the first named
            return max(ws, key=lambda h: (h.end - h.start, -h.start)) if len(kinds) == 1 else ws[0]
    return None


def _actor(inc: ArIncident, pack: Pack, folded: str) -> tuple[str | None, bool]:
    """(actor name, claimed): a group named in a claim formula of the incident's sentences
    (تبنت، أعلنت مسؤوليتها), or speaking of the attack itself ("أعلنت المقاومة الإسلامية ...
    استهداف قاعدة", "قالت ... إنها استهدفت")."""
    for part in inc.frames:
        f = Frame(part.whole) if part.whole else part
        text_hits = f.hits
        if any(h.kind in ("suspicion", "no_claim") for h in text_hits):
            continue
        claimed = any(h.kind == "claim" for h in text_hits)
        said = [h.end for h in text_hits if h.kind == "state_verb"]
        causes = [h.end for h in text_hits if h.kind == "retaliation"]
        acts = [h.start for h in text_hits if h.kind == "claim_act" and not any(0 <= h.start - e <= 12 for e in causes)]
        for start, aid in f.actors:
            a = pack.actors.get(aid)
            if a is None or a.kind not in _MILITIA_KINDS:
                continue
            # "أعلنت المقاومة ... استهداف قاعدة": the group speaks, then tells what it struck
            if claimed or any(0 <= start - e <= 3 for e in said) and any(p > start for p in acts):
                return a.name, True
    return None, False


def _official(clause: Clause, folded: str, claimant: str | None) -> bool:
    """An official side speaks in this clause: its name right after a saying verb, or beside
    'في بيان' — not an unnamed official or a source 'in' it."""
    said = [h for h in clause.hits if h.kind == "state_verb"]
    for h in clause.hits:
        if h.kind != "official":
            continue
        before = folded[max(0, h.start - 12):h.start]
        if any(n.kind == "not_official" and n.end >= h.start - 1 and n.start < h.start for n in clause.hits):
            continue
        if re.search(r"(مسوول|مصدر|مصادر)\S*\s+(في|ب)?\S*\s*$", before):
            continue
        if any(0 <= h.start - s.end <= 25 for s in said) or "بيان" in folded[h.end:h.end + 25] or \
                "بيان" in before:
            return True
    return False


def _confirmation(inc: ArIncident, folded: str, us_actor: bool) -> str:
    if us_actor:
        return "not_mentioned"
    kinds = _kinds(inc)
    if "deny" in kinds:
        return "denied"
    for f in inc.frames:
        for c in f.clauses:
            if _official(c, folded, None):
                return "confirmed"
    if "unconfirmed" in kinds:
        return "unconfirmed"
    return "not_mentioned"


_NUM = re.compile(r"(?<![\d,.])(\d{1,4})(?![\d,.:])")
# people a toll counts, singular or dual (nationalities only as the first word: "مقتل أميركي")
_PERSON = re.compile(r"^(?:و)?(?:ال)?(جندي|متعاقد|مقاول|عسكري|مدني|شخص|عنصر|مستشار|موظف)(ا|ان|ين|يين|يان)?$")
_NATIONAL = re.compile(r"^(?:ال)?(امريكي|اميركي|بريطاني|عراقي)(ا|ان|ين|يين)?$")
_DUAL = re.compile(r"(ان|ين)$")


def _persons(words: list[str]) -> int | None:
    """'جنديان، أميركي وبريطاني، ومتعاقد أميركي' = 3: the first noun, then each 'و' + noun."""
    total, first = 0, True
    for w in words[:8]:
        m = _PERSON.match(w)
        if first:
            if m or _NATIONAL.match(w):
                suffix = (m or _NATIONAL.match(w)).group(2) or ""  # type: ignore[union-attr]
                total += 2 if suffix in ("ان", "ين", "يان") and suffix != "يين" else 1
                first = False
                continue
            return None
        if m and w.startswith("و"):
            total += 2 if (m.group(2) or "") in ("ان", "ين", "يان") else 1
    return total or None


def _count_after(folded: str, start: int, lex_numbers: list[Hit]) -> int | None:
    """The toll written after a casualty word: a number, a number word, or the people named
    ('مقتل متعاقد' = 1; 'قتل جنديان ... ومتعاقد' = 3)."""
    window = folded[start:start + 70]
    m = _NUM.match(window.lstrip())
    if m:
        return int(m.group(1))
    for n in lex_numbers:
        if start <= n.start < start + 4:
            return int(n.row["value"])
    return _persons([w for w in re.split(r"[\s,]+", window) if w])


def _count_before(folded: str, end: int) -> int | None:
    """'متعاقدا مدنيا أميركيا قتل', 'متعاقداً ... لقي حتفه': the person named just before."""
    words = [w for w in re.split(r"[\s,]+", folded[max(0, end - 40):end]) if w][-4:]
    for w in words:
        m = _PERSON.match(w)
        if m:
            return 2 if (m.group(2) or "") in ("ان", "يان") else 1
    return None


def _casualties(inc: ArIncident, folded: str, numbers: list[Hit]) -> tuple[int | None, int | None]:
    killed = injured = None
    hits = _all_hits(inc)
    kinds = {h.kind for h in hits}
    causes = [h.end for h in hits if h.kind == "retaliation"]
    for h in hits:
        if any(0 <= h.start - e <= 2 for e in causes):
            continue  # "ردا على مقتل أميركي", "بعد مقتل": the toll of what is answered, not of this
        before = _NUM.search(folded[max(0, h.start - 6):h.start])
        num_word = next((int(n.row["value"]) for n in numbers if 0 <= h.start - n.end <= 2), None)
        if h.kind == "killed" and killed is None:
            killed = int(before.group(1)) if before else num_word if num_word is not None else \
                _count_after(folded, h.end, numbers) or _count_before(folded, h.start)
        elif h.kind == "injured" and injured is None:
            injured = int(before.group(1)) if before else num_word if num_word is not None else \
                _numeric_after(folded, h.end)
    if "no_casualties" in kinds:
        killed = 0 if killed is None else killed
        injured = 0 if injured is None else injured
    if "no_killed" in kinds and killed is None:
        killed = 0
    if "no_injured" in kinds and injured is None:
        injured = 0  # "لم يصب أو يفقد أي من الجنود"
    return killed, injured


_ABOUT = re.compile(r"^\s*(?:(?:اكثر|اقل|نحو|حوالي|قرابه|زهاء)\s+(?:من\s+)?)?(\d{1,4})(?![\d,.:])")


def _numeric_after(folded: str, end: int) -> int | None:
    """'إصابة 6 آخرين', 'أصيب أكثر من 40': the number (the bound, as English copy codes
    'more than 40')."""
    m = _ABOUT.match(folded[end:end + 30])
    if m:
        return int(m.group(1))
    m = re.match(r"\s*(\S+)", folded[end:end + 20])
    if m and re.search(r"(ين|ان)$", m.group(1)) and m.group(1).startswith("شخص"):
        return 2
    return None


def _intercepted(inc: ArIncident, folded: str) -> bool | None:
    ints = [h for h in _all_hits(inc) if h.kind == "intercept"]
    if not ints:
        return False if _kinds(inc) & {"weapon"} else None
    for h in ints:
        window = folded[max(0, h.start - 40):h.end + 60]
        if re.search(r"احداهما|بعضها|عددا من|اخري", window):
            return False  # one of two, some of them: others got through
        if re.search(r"(حاولت|فشلت|محاوله)\s*\S*\s*$", folded[max(0, h.start - 25):h.start]):
            continue  # a failed attempt to intercept
        return True
    return False


def _target_type(inc: ArIncident, strike: bool) -> str:
    if strike:
        return "militia_position"
    hits = _all_hits(inc)
    if any(h.row.get("target_type") == "convoy" for h in hits if h.kind == "target"):
        return "convoy"
    if inc.place is not None and inc.place.site_type in ("military_base", "airport", "diplomatic"):
        if inc.place.site_type == "airport" and any(h.row.get("target_type") == "military_base" for h in hits
                                                    if h.kind == "target" and h.start < (hits[0].start + 400)):
            return "military_base"
        return inc.place.site_type
    if any(h.row.get("target_type") == "diplomatic" for h in hits if h.kind == "target"):
        return "diplomatic"
    based = any(h.row.get("target_type") == "military_base" for h in hits if h.kind == "target")
    if inc.place is not None and inc.place.site_type == "oil_field":
        return "military_base" if based else "other"  # the Omar field is a base; Khurmala is a field
    if based:
        return "military_base"
    if any(h.row.get("target_type") == "airport" for h in hits if h.kind == "target"):
        return "airport"
    return "other"


def _evidence(inc: ArIncident, text: str, fold: Folded) -> list[Evidence]:
    """The sentences of the incident, verbatim."""
    out: list[Evidence] = []
    seen: set[tuple[int, int]] = set()
    for f in inc.frames:
        a, b = f.clauses[0].start, f.clauses[-1].end
        s, e = fold.span(a, b)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if (s, e) not in seen and e > s:
            seen.add((s, e))
            out.append(Evidence(text=text[s:e], start=s, end=e))
    return out


def build(inc: ArIncident, *, article_id: str, text: str, fold: Folded, lex: ArabicLexicon, pack: Pack,
          lead: date | None, numbers: list[Hit]) -> Report | None:
    if inc.place is None or inc.date is None:
        return None
    folded = fold.text
    strike = inc.strike
    actor, claimed = _actor(inc, pack, folded)
    weapon_hit = _weapon(inc)
    weapon = weapon_hit.row["weapon"] if weapon_hit else "unknown"
    event_type = weapon_hit.row["event_type"] if weapon_hit else "Attack"
    if strike:
        named = [a for f in inc.frames for _, a in f.actors]
        other = next((a for a in named if a in OTHER_STRIKERS), None)
        us_named = any(a in _US for a in named) or "us_target" in _kinds(inc)
        if "no_claim" in _kinds(inc) or not (us_named or other):
            actor, claimed = None, False
        else:
            actor = pack.actors[other].name if other else "United States"
            claimed = any(_official(c, folded, None) for f in inc.frames for c in f.clauses)
        if weapon == "unknown" and event_type == "Attack":
            weapon, event_type = "airstrike", "Air/drone strike"
    mark = inc.landmark
    if mark is not None:
        # what the sentence does not say of the recalled incident, the pack row does
        if weapon == "unknown" and mark.fields.get("weapon"):
            weapon = mark.fields["weapon"]
            event_type = mark.fields.get("event_type") or event_type
        if actor is None:
            actor, claimed = mark.fields.get("actor"), False
    intercepted = _intercepted(inc, folded)
    if intercepted:
        event_type = "Disrupted weapons use"
    killed, injured = _casualties(inc, folded, numbers)
    geo = geocode(inc.place, pack)
    d = inc.date
    background = mark is not None  # a recalled landmark is never the page's news (see landmarks.py)
    if lead is not None and mark is None:
        this = date.fromisoformat(d.value[:10]) if d.precision == "day" else None
        background = this is None or (lead - this).days > 2
    rep = Report(article_id=article_id, date=d.value, date_precision=d.precision, event_type=event_type,
                 weapon=weapon, actor=actor, claimed=claimed,
                 target_type=mark.fields.get("target_type", "other") if mark else _target_type(inc, strike),
                 target_actor=(mark.fields.get("target_actor") if mark else None if strike else "US-led coalition" if any(
                     a == "us-led-coalition" for f in inc.frames for _, a in f.actors) else "United States"),
                 killed=killed, injured=injured, intercepted=intercepted,
                 confirmation=_confirmation(inc, folded, strike), background=background,
                 evidence=_evidence(inc, text, fold))
    for k, v in geo.items():
        setattr(rep, k, v)
    return rep
