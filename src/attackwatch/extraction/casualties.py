"""Killed and injured counts from a clause: digits or words, "at least N" -> N,
"a woman was wounded" -> 1, "no casualties" -> 0, "minor injuries" -> not counted."""
from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from attackwatch.text.literals import LiteralIndex, case_safe, required_literals

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
          "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "single": 1}
_NUM = r"(?:\d{1,5}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a|an)"
_PERSON = (r"(?:people|persons?|soldiers?|troops?|servicemembers?|service\s*members?|service\s*men|servicemen|personnel|"
           r"americans?|civilians?|contractors?|fighters?|militants?|members?|militiamen|officers?|police(?:men)?|policem[ae]n|guards?|"
           r"workers?|children|child|women|woman|men|man|commanders?|leaders?|others?|iraqis?|syrians?|jordanians?|"
           r"individuals?|staff|employees?|marines?|sailors?|airmen|airman|gunmen|insurgents?|operatives?|reservists?|"
           r"guardsmen|medics?|pilots?|trainers?|advisers?|advisors?|generals?|"
           r"(?:[a-z]+\s+){0,2}(?:soldiers?|troops?|members?|personnel|fighters?|officers?|servicemembers?|service\s*members?))")
# up to three modifiers between a number and its noun ("seven Kata'ib Hezbollah fighters"), never a verb
_FILL = r"(?:(?!(?:was|were|and|had|has|have|is|are|been|by|in|at)\b)[\w'-]+\s+){0,3}?"
_Q = (r"(?:at\s+least\s+|some\s+|about\s+|around\s+|nearly\s+|roughly\s+|approximately\s+|more\s+than\s+|over\s+|"
      r"an?\s+(?:additional|further)\s+|another\s+)?")  # "wounding an additional three": three, not "an"
_KILL_V = r"(?:killed|killing|kills|kill|dead|died|dies|slain|perished|lost\s+their\s+lives)"
_HURT_V = r"(?:wounded|wounding|wounds|injured|injuring|injures|hurt|hurting)"
# "three members of the border guard were wounded", "two fighters of the brigade were hurt"
_OF = r"(?:\s+of\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?[\w'-]+)?"
_HOW = r"(?:reportedly\s+|also\s+|slightly\s+|lightly\s+|seriously\s+|severely\s+|critically\s+|badly\s+|moderately\s+)?"
# "injured the driver": one person
_ONE = r"(?:driver|soldier|contractor|officer|guard|commander|pilot|civilian|employee|worker|man|woman|child|policeman|servicemember|service\s+member)"

_PATTERNS = [
    ("killed", re.compile(r"\b" + _Q + r"(?P<n>" + _NUM + r")\s+" + _FILL + _PERSON + _OF + r"\s+(?:(?:were|was|have\s+been|had\s+been|are|being)\s+)?(?:reportedly\s+)?" + _KILL_V + r"\b", re.I)),
    ("killed", re.compile(r"\b" + _KILL_V + r"\s+" + _Q + r"(?P<n>" + _NUM + r")\s+" + _FILL + _PERSON + r"\b", re.I)),
    ("toll", re.compile(r"\b(?:death\s+toll|toll)\s+(?:[\w'-]+\s+){0,6}?(?:to|of|at|reached|stood\s+at)\s+" + _Q + r"(?P<n>" + _NUM + r")\b", re.I)),
    ("killed", re.compile(r"\b" + _Q + r"(?P<n>" + _NUM + r")\s+(?:people\s+)?(?:(?:were|was|had\s+been|have\s+been)\s+)?(?:dead|deaths|fatalities|killed)\b", re.I)),
    ("injured", re.compile(r"\b" + _Q + r"(?P<n>" + _NUM + r")\s+" + _FILL + _PERSON + _OF + r"\s+(?:(?:were|was|have\s+been|had\s+been|are|being)\s+)?" + _HOW + _HURT_V + r"\b", re.I)),
    ("injured", re.compile(r"\b" + _HURT_V + r"\s+the\s+(?P<n>)" + _ONE + r"\b", re.I)),
    ("injured", re.compile(r"\b" + _HURT_V + r"\s+" + _Q + r"(?P<n>" + _NUM + r")\s+" + _FILL + _PERSON + r"\b", re.I)),
    ("injured", re.compile(r"\b" + _Q + r"(?P<n>" + _NUM + r")\s+(?:people\s+)?(?:(?:were|was|had\s+been|have\s+been)\s+)?" + _HOW + r"(?:wounded|injured|injuries|hurt)\b", re.I)),
    ("injured", re.compile(r"\b" + _Q + r"(?P<n>" + _NUM + r")\s+" + _FILL + _PERSON + r"\s+(?:suffered|sustained|received|were\s+treated\s+for)\s+(?:[\w-]+\s+){0,3}?(?:injuries|wounds|concussions)\b", re.I)),
    ("killed", re.compile(r"\b(?:killing|killed)\s+" + _Q + r"(?P<n>" + _NUM + r")(?=\s*(?:[,.;]|and\b|$))", re.I)),
    ("injured", re.compile(r"\b(?:injuring|wounding|injured|wounded)\s+" + _Q + r"(?P<n>" + _NUM + r")(?=\s*(?:[,.;]|and\b|$))", re.I)),
    ("injured", re.compile(r"\b(?P<n>" + _NUM + r")\s+(?:of\s+the\s+)?" + _PERSON + r"\s+(?:was|were)\s+(?:later\s+)?(?:taken|rushed|evacuated|airlifted|flown|treated|hospitali[sz]ed)\b", re.I)),
    ("injured", re.compile(r"\band\s+" + _HURT_V + r"\s+" + _Q + r"(?P<n>" + _NUM + r")\b", re.I)),
]
# "No one was hurt", "not one soldier was injured": a count the sentence denies
_DENIED = re.compile(r"\b(?:no|not|nor)\s+$", re.I)
_WEAPONISH = re.compile(r"\b(?:rockets?|drones?|missiles?|shells?|bombs?|mortars?|projectiles?|strikes?|attacks?|days?|weeks?|months?|hours?|years?)\b", re.I)


def number(word: str) -> int | None:
    w = word.lower().strip()
    if w.isdigit():
        return int(w)
    if w in _UNITS:
        return _UNITS[w]
    parts = re.split(r"[- ]", w)
    if len(parts) == 2 and parts[0] in _UNITS and parts[1] in _UNITS:
        return _UNITS[parts[0]] + _UNITS[parts[1]]
    return None


@dataclass(slots=True)
class Casualties:
    killed: int | None = None
    injured: int | None = None


# coordinated counts: "two women and three children", "five US service members and two contractors"
_GROUP = r"\b" + _Q + r"(?P<n>"  # \b: not the "an" ending "American"
_GROUP = _GROUP + _NUM + r")\s+" + _FILL + _PERSON
# a later item that is a subset of the first ("four Americans, one of them a contractor") is not added
_LIST = (r"(?:" + _GROUP.replace("(?P<n>", "(?:") + r")(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?!(?:" + _NUM +
         r")\s+of\s+(?:them|whom|those|these)\b)(?:" + _GROUP.replace("(?P<n>", "(?:") + r"))+")
_LIST_PATTERNS = [
    ("killed", re.compile(r"(?P<list>" + _LIST + r"),?\s+(?:(?:were|was|have\s+been|had\s+been)\s+)?(?:reportedly\s+)?" + _KILL_V + r"\b", re.I)),
    ("killed", re.compile(r"\b" + _KILL_V + r"\s+(?P<list>" + _LIST + r")", re.I)),
    ("injured", re.compile(r"(?P<list>" + _LIST + r"),?\s+(?:(?:were|was|have\s+been|had\s+been)\s+)?(?:reportedly\s+|also\s+|slightly\s+|lightly\s+)?" + _HURT_V + r"\b", re.I)),
    ("injured", re.compile(r"\b" + _HURT_V + r"\s+(?P<list>" + _LIST + r")", re.I)),
]
_GROUP_RX = re.compile(_GROUP, re.I)
# "leaving some 110 US troops with brain injuries", "the number ... with brain injuries has risen to 109"
_EXTRA_INJURED = [
    re.compile(r"\bleaving\s+" + _GROUP + r"\s+with\s+(?:[\w-]+\s+){0,3}?(?:injuries|wounds|concussions)", re.I),
    re.compile(r"\b(?:number|tally|count|total)\s+of\s+(?:[\w-]+\s+){0,8}?(?:injur\w*|wound\w*)\s+(?:[\w,'-]+\s+){0,14}?(?:has\s+|had\s+)?"
               r"(?:risen|rose|climbed|reached|grown|grew|increased)\s+to\s+" + _Q + r"(?P<n>" + _NUM + r")\b", re.I),
]
# explicit zero: "no US personnel were killed or injured", "caused neither injuries nor damage", "no casualties"
_ZERO = [
    re.compile(r"\bno\s+(?:(?:us|u\.s\.|american|iraqi|coalition|human|serious|immediate|reported|physical)\s+)*(?P<what>casualt\w*|injur\w*|deaths?|fatalit\w*|dead)\b(?!\s+(?:figures?|details?|information|toll|count|word|numbers?))", re.I),
    re.compile(r"\b(?:no|none\s+of\s+the|neither\s+of\s+the)\s+(?:(?:us|u\.s\.|american|coalition|iraqi)\s+)?(?:one|personnel|service\s*members?|servicemembers?|troops|soldiers|americans?|people|civilians|forces|staff)\s+(?:\w+\s+)?(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:\w+\s+)?(?P<what>hurt|injured|wounded|harmed|killed)(?:\s+or\s+(?P<what2>hurt|injured|wounded|harmed|killed))?", re.I),
    re.compile(r"\bneither\s+(?P<what>injur\w*|casualt\w*|deaths?)\s+nor\b", re.I),
    re.compile(r"\bnone\s+(?:\w+\s+)?(?:caused|resulted\s+in)\s+(?P<what>casualt\w*|injur\w*)", re.I),
]


@lru_cache(maxsize=4096)
def zero_casualties(text: str) -> tuple[bool, bool]:
    """(killed stated as none, injured stated as none)."""
    k = i = False
    for rx in _ZERO:
        for m in rx.finditer(text):
            words = {w.lower() for w in (m.group("what"), m.groupdict().get("what2")) if w}
            if any(w.startswith(("death", "fatalit", "dead")) for w in words) and len(words) == 1:
                k = True
            elif words == {"killed"}:
                k = True
            else:
                k = i = True
    return k, i


# a named list of dead counts its names: "killing Abu Taqwa and his deputy", "killed Soleimani, al-Muhandis
# and four others"; each item is a capitalised name, "his/their <person>" or "N others"
_NAME = r"(?:(?:al|el|abu|bin|ibn|Abu|Al)[- ]?)?[A-Z][\w'\u2019-]+(?:\s+(?:(?:al|el|bin|ibn|abu|Abu|Al)[- ])?[A-Z][\w'\u2019-]+){0,3}"
_ITEM = (r"(?:" + _NAME + r"|(?:his|their|its)\s+(?:[a-z]+\s+)?(?:deputy|aide|driver|guard|bodyguard|companion|son|"
         r"brother|assistant|escort)|(?:" + _NUM + r")\s+(?:others?|guards|bodyguards|companions|aides|members))")
_NOT_NAME = (r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
             r"August|September|October|November|December|Iraqi|Syrian|American|US|U\.S\.|The|A|An|Two|Three)\b)")
_NAMED_LIST = re.compile(r"\b(?:killed|killing)\s+" + _NOT_NAME + r"(?P<list>" + _ITEM + r"(?:\s*,\s*" + _ITEM + r")*(?:,?\s+and\s+"
                         + _ITEM + r")?)(?=\s*(?:[,.;]|in\b|on\b|near\b|at\b|when\b|as\b|$))")
_ITEM_RX = re.compile(_ITEM)
# two named dead: "X, the militia leader killed alongside Y", "X, who headed ..., and his lieutenant Y, were killed"
_PAIR_KILLED = re.compile(r"\bkilled\s+(?:alongside|along\s+with|together\s+with)\s+(?:[a-z][\w-]*\s+){0,3}?" + _NAME +
                          r"|" + _NAME + r"(?:\s*,[^,;.]{0,90},)?\s+and\s+(?:his|their)\s+(?:[\w-]+\s+){0,2}?" + _NAME +
                          r"\s*,?\s+(?:were|have\s+been|had\s+been)\s+(?:both\s+)?killed\b")
# "killed Abu Baqir al-Saadi, a senior commander of the group, along with two of his companions"
_NAME_WITH_OTHERS = re.compile(r"\b(?:killed|killing)\s+" + _NOT_NAME + _NAME + r"(?:\s*,\s*(?:a|an|the)\s+[^,.;]{0,60})?,?\s+"
                               r"(?:along\s+with|together\s+with|as\s+well\s+as|and)\s+(?P<n>" + _NUM + r")\s+"
                               r"(?:of\s+(?:his|their|its)\s+)?(?:[a-z]+\s+)?(?:others|guards|bodyguards|companions|aides|"
                               r"members|associates|escorts|men)\b")


# "killed Gen. Qassim Soleimani, who headed the Quds Force, and Abu Mahdi al-Muhandis, ...", "the
# liquidation of Iranian general Qasem Soleimani and PMF deputy Abu al-Muhandis": names joined by
# "and" after a killing, each with its own aside; a name is two capitalised words or more at the
# head of its part ("Iraqi soldiers" is no name)
_KILLING = re.compile(r"\b(?:killed|killing|assassinated|assassinating|liquidated|(?:killing|assassination|liquidation|"
                      r"deaths?)\s+of)\s+", re.I)
_PERSON_NAME = re.compile(r"^(?:(?:[A-Z][\w.'\u2019()-]*|general|gen\.|commander|deputy|leader|chief|head|colonel|senior|top|"
                          r"militia|maj\.|brig\.|lt\.|col\.|sheikh|cleric)\s+){0,4}?(?:(?:Abu|Al|al|el|bin|ibn)[- ])?[A-Z][\w'\u2019-]+"
                          r"(?:\s+(?:(?:al|el|bin|ibn|abu|Abu|Al)[- ]?)?[A-Z][\w'\u2019-]+)+\b")
_HIS_PEOPLE = re.compile(r"^(?:(?P<n>" + _NUM + r")\s+of\s+)?(?:his|their)\s+(?:[a-z]+\s+)?(?:deputy|aide|aides|driver|guard|guards|"
                         r"bodyguards?|companions?|son|brother|assistant|escorts?)\b", re.I)


def _names_after_killing(text: str) -> int | None:
    best: int | None = None
    for m in _KILLING.finditer(text):
        rest = text[m.end():m.end() + 300].split(";")[0]
        n = 0
        for part in re.split(r",?\s+and\s+", rest):
            head = part.split(",")[0].strip()
            his = _HIS_PEOPLE.match(head)
            if his:
                n += (number(his.group("n")) or 1) if his.group("n") else 1
            elif _PERSON_NAME.match(head) and not head.split()[0] in ("In", "On", "At", "Near", "The", "A", "An"):
                n += 1
            else:
                break
        if n >= 2:
            best = n if best is None else max(best, n)
    return best


@lru_cache(maxsize=4096)
def named_dead(text: str) -> int | None:
    """The number of dead a named list gives ("killing X and his deputy": 2), or None."""
    low = text.lower()
    if not any(w in low for w in ("killed", "killing", "assassinat", "liquidat", "death")):
        return None
    best: int | None = _names_after_killing(text)
    for m in _NAMED_LIST.finditer(text):
        n = 0
        for item in _ITEM_RX.finditer(m.group("list")):
            words = item.group(0).split()
            count = number(words[0]) if len(words) == 2 and words[1].lower().rstrip("s") in (
                "other", "guard", "bodyguard", "companion", "aide", "member") else None
            n += count if count is not None else 1
        best = n if best is None else max(best, n)
    if _PAIR_KILLED.search(text):
        best = 2 if best is None else max(best, 2)
    for m in _NAME_WITH_OTHERS.finditer(text):
        more = number(m.group("n"))
        if more is not None:
            best = 1 + more if best is None else max(best, 1 + more)
    return best


# every count pattern needs one of these words; a clause without any is skipped in one search
_HARM_WORD = re.compile(r"kill|dead|died|dies|slain|perish|lives|toll|death|fatalit|wound|injur|hurt|hospital|assassinat|liquidat|"
                        r"treated|rushed|evacuated|airlifted|flown|taken", re.I)


# the words each count pattern cannot match without (text/literals.py): a clause lacking them
# skips the pattern ("wounded" alone runs none of the killed patterns)
_NEEDS = {id(rx): required_literals(rx) for rx in (*(rx for _, rx in _LIST_PATTERNS), *_EXTRA_INJURED,
                                                   *(rx for _, rx in _PATTERNS))}
# all those words in one automaton: a clause is scanned once, each pattern then gated by one subset
# test of its literal sets' numbers (text/literals.LiteralIndex)
_HARM_NEEDS = required_literals(_HARM_WORD)  # its words, one set: the same scan tells a clause with none
_WORDS = LiteralIndex([*_NEEDS.values(), _HARM_NEEDS])
_NEED_IDS = {key: None if needs is None else _WORDS.ids(needs) for key, needs in _NEEDS.items()}
_HARM_IDS = None if _HARM_NEEDS is None else _WORDS.ids(_HARM_NEEDS)


def _may_match(rx: re.Pattern[str], present: AbstractSet[int] | None) -> bool:
    """`present`: the literal sets the clause's lower case satisfies (None: test nothing)."""
    needs = _NEED_IDS[id(rx)]
    return needs is None or present is None or needs <= present


@lru_cache(maxsize=4096)
def casualties_in(text: str) -> Casualties:
    """Counts stated in one clause (folded text). Zero only for explicit 'no casualties' cues,
    which the caller handles from the cue matcher."""
    found = Casualties()
    # the patterns are case-insensitive: their words are looked for in the lower case
    present = _WORDS.satisfied(_WORDS.found(text.lower())) if case_safe(text) else None
    if not (_HARM_IDS <= present if present is not None and _HARM_IDS is not None else _HARM_WORD.search(text)):
        return found
    found.killed = named_dead(text)
    for field_name, rx in _LIST_PATTERNS:
        if not _may_match(rx, present):
            continue
        for m in rx.finditer(text):
            if _WEAPONISH.search(m.group("list")):
                continue
            total = sum(number(g.group("n")) or 0 for g in _GROUP_RX.finditer(m.group("list")))
            current = getattr(found, field_name)
            setattr(found, field_name, total if current is None else max(current, total))
    for rx in _EXTRA_INJURED:
        if not _may_match(rx, present):
            continue
        for m in rx.finditer(text):
            n = number(m.group("n"))
            if n is not None:
                found.injured = n if found.injured is None else max(found.injured, n)
    for field_name, rx in _PATTERNS:
        if not _may_match(rx, present):
            continue
        for m in rx.finditer(text):
            if field_name == "toll":
                field_name = "killed"  # "the death toll from the strikes rose to 31"
            elif _WEAPONISH.search(m.group(0)):
                continue
            if m.group("n") and _DENIED.search(text, max(0, m.start("n") - 8), m.start("n")):
                continue
            n = number(m.group("n")) if m.group("n") else 1  # an empty count: "injured the driver"
            if n is None or n > 100000:
                continue
            current = getattr(found, field_name)
            setattr(found, field_name, n if current is None else max(current, n))
    return found
