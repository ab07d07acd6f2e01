"""Well-known incidents an Arabic page recalls ("في الذكرى الثانية لاغتيال قاسم سليماني"):
the landmarks pack row's `ar_keywords` (regexes on folded text, all must match one sentence)
name it, and the row gives what the sentence leaves out (its date, place, weapon, actor)."""
from __future__ import annotations

import re
from functools import lru_cache

from attackwatch.extract.arabic.dates import ArDate
from attackwatch.extract.arabic.frames import Clause, Frame
from attackwatch.extract.arabic.incidents import ArIncident
from attackwatch.packs import Landmark, Pack


@lru_cache(maxsize=4)
def _marks(pack: Pack) -> tuple[tuple[Landmark, tuple[re.Pattern[str], ...]], ...]:
    return tuple((m, tuple(re.compile(k) for k in m.fields["ar_keywords"]))
                 for m in pack.landmarks.values() if m.fields.get("ar_keywords"))


def landmark_incidents(clauses: list[Clause], folded: str, pack: Pack) -> tuple[list[ArIncident], list[Clause]]:
    """The landmark incidents the page recalls, and the clauses left for ordinary reading (a
    sentence that recalls a landmark tells nothing else: "the attack came on the anniversary of
    ..." is no second attack)."""
    found: list[ArIncident] = []
    used: set[int] = set()
    by_sentence: dict[int, list[Clause]] = {}
    for c in clauses:
        by_sentence.setdefault(c.sentence, []).append(c)
    for n, group in by_sentence.items():
        for k, c in enumerate(group):
            text = folded[c.start:c.end]
            for mark, keys in _marks(pack):
                if not all(rx.search(text) for rx in keys):
                    continue
                used.add(id(c))
                same = next((i for i in found if i.landmark is mark), None)
                if same is not None:  # recalled again: one incident, more evidence
                    same.frames.append(Frame([c]))
                    break
                place = pack.place_by_name(mark.fields["place"]) if mark.fields.get("place") else None
                inc = ArIncident(frames=[Frame([c])], place=place,
                                 date=ArDate(mark.fields["date"], "day", c.start, c.end), landmark=mark)
                found.append(inc)
                break
    return found, [c for c in clauses if id(c) not in used]
