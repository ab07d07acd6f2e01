"""Well-known incidents an Arabic page recalls ("في الذكرى الثانية لاغتيال قاسم سليماني"):
the landmarks pack row's `ar_keywords` (regexes on folded text, all must match one sentence)
name it, and the row gives what the sentence leaves out (its date, place, weapon, actor)."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from attackwatch.extraction.arabic.dates import ArDate
from attackwatch.extraction.arabic.frames import Clause, Frame
from attackwatch.extraction.arabic.incidents import ArIncident
from attackwatch.packs import Landmark, Pack


@lru_cache(maxsize=4)
def _marks(pack: Pack) -> tuple[tuple[Landmark, tuple[re.Pattern[str], ...]], ...]:
    return tuple((m, tuple(re.compile(k) for k in m.fields["ar_keywords"]))
                 for m in pack.landmarks.values() if m.fields.get("ar_keywords"))


def landmark_incidents(clauses: list[Clause], folded: str, pack: Pack,
                       ref: date | None = None) -> tuple[list[ArIncident], list[Clause]]:
    """The landmark incidents the page recalls, and the clauses left for ordinary reading. What
    a clause says before it recalls the landmark ("جاء الهجوم على قاعدة فكتوريا في الذكرى
    الرابعة لاغتيال سليماني") is read as usual; the recalling part tells no second attack."""
    found: list[ArIncident] = []
    kept: list[Clause] = []
    for c in clauses:
        text = folded[c.start:c.end]
        for mark, keys in _marks(pack):
            if not all(rx.search(text) for rx in keys):
                continue
            if ref is not None and abs((ref - date.fromisoformat(mark.fields["date"])).days) <= 1:
                continue  # a page of the day (or the next) reports the incident itself: read it as usual
            same = next((i for i in found if i.landmark is mark), None)
            if same is not None:  # recalled again: one incident, more evidence
                same.frames.append(Frame([c]))
            else:
                place = pack.place_by_name(mark.fields["place"]) if mark.fields.get("place") else None
                found.append(ArIncident(frames=[Frame([c])], place=place,
                                        date=ArDate(mark.fields["date"], "day", c.start, c.end), landmark=mark))
            cut = c.start + min(m.start() for rx in keys for m in [rx.search(text)] if m)
            if cut > c.start:
                kept.append(_before(c, cut))
            break
        else:
            kept.append(c)
    return found, kept


def _before(c: Clause, cut: int) -> Clause:
    """The part of a clause before `cut`."""
    return Clause(c.start, cut, c.sentence, [h for h in c.hits if h.end <= cut], [p for p in c.places if p[0] < cut],
                  [a for a in c.actors if a[0] < cut], [d for d in c.dates if d.end <= cut])
