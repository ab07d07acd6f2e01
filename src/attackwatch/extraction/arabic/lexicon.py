"""The Arabic lexicon of a pack, compiled for matching on folded text.

Cues (attack words, weapons, claim and confirmation formulas, casualty phrases, date words) come
from `arabic.jsonl`; names of actors and places are the `ar_aliases` (and, for places generated
from GeoNames, `ar_source_aliases`) of the same rows of `actors.jsonl` and `places.jsonl` that
carry their English names, so an Arabic and an English report resolve to one id.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from attackwatch.extraction.arabic.normalize import compile_terms, fold_term
from attackwatch.packs import Pack, read_jsonl


@dataclass(frozen=True)
class Cue:
    """One lexicon row: its kind, its terms' regex, and its extra values (weapon, month...)."""

    id: str
    kind: str
    regex: re.Pattern[str]
    row: dict[str, Any]


@dataclass(frozen=True)
class Hit:
    """A match on the folded text."""

    id: str
    kind: str
    start: int
    end: int
    row: dict[str, Any]


class ArabicLexicon:
    def __init__(self, pack: Pack):
        self.pack = pack
        self.cues: list[Cue] = []
        path = pack.root / "arabic.jsonl"
        for _, row in (read_jsonl(path) if path.exists() else ()):
            rx = compile_terms(row.get("terms") or [])
            if rx is not None:
                self.cues.append(Cue(row["id"], row["kind"], rx, row))
        self.actor_names = self._names(pack, "actors.jsonl")
        self.place_names = self._names(pack, "places.jsonl")
        self.actor_rx = self._name_regex(self.actor_names)
        self.place_rx = self._name_regex(self.place_names)

    @staticmethod
    def _names(pack: Pack, file: str) -> dict[str, list[str]]:
        """Folded Arabic name -> the ids that carry it (a name can be ambiguous: الحويجة)."""
        names: dict[str, list[str]] = {}
        for _, row in read_jsonl(pack.root / file):
            for name in (row.get("ar_aliases") or []) + (row.get("ar_source_aliases") or []):
                key = fold_term(name)
                if len(key) >= 2 and row["id"] not in names.setdefault(key, []):
                    names[key].append(row["id"])
        return names

    @staticmethod
    def _name_regex(names: dict[str, list[str]]) -> re.Pattern[str] | None:
        return compile_terms(list(names))

    def hits(self, text: str, kinds: tuple[str, ...] | None = None) -> list[Hit]:
        out = []
        for cue in self.cues:
            if kinds is not None and cue.kind not in kinds:
                continue
            out += [Hit(cue.id, cue.kind, m.start(), m.end(), cue.row) for m in cue.regex.finditer(text)]
        out.sort(key=lambda h: (h.start, -(h.end - h.start)))
        return out

    def name_hits(self, text: str, which: str) -> list[tuple[int, int, list[str]]]:
        """(start, end, candidate ids) of the actor or place names in folded text, longest first
        where two overlap."""
        rx, names = (self.actor_rx, self.actor_names) if which == "actor" else (self.place_rx, self.place_names)
        if rx is None:
            return []
        out = []
        for m in rx.finditer(text):
            ids = names.get(_bare(m.group(0), names))
            if ids:
                out.append((m.start(), m.end(), ids))
        return out


_CLITIC = re.compile(r"^(?:[وف]?(?:[بلك]|لل)?)")


def _bare(matched: str, names: dict[str, list[str]]) -> str:
    """The lexicon key a match stands for: the matched words with clitics and the article tried
    off and on (وبالأنبار → الانبار)."""
    text = " ".join(matched.split())
    candidates = [text]
    for strip in range(0, 4):
        head = text[strip:]
        candidates += [head, "ال" + head, head[2:] if head.startswith("ال") else head]
    for c in candidates:
        if c in names:
            return c
    return text


@lru_cache(maxsize=4)
def lexicon(pack: Pack) -> ArabicLexicon:
    return ArabicLexicon(pack)
