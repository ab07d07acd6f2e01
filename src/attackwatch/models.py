"""Typed records that flow through the pipeline.

`Article` is what `ingest/` and `clean/` produce; `Report` is one incident as one
article reports it (the contract record of ../shared/contract/EVENTS.md).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

EVENT_TYPES = (
    "Remote explosive/landmine/IED",
    "Shelling/artillery/missile attack",
    "Air/drone strike",
    "Armed clash",
    "Attack",
    "Suicide bomb",
    "Grenade",
    "Disrupted weapons use",
    "Other",
)
WEAPONS = ("ied", "rocket", "missile", "drone", "mortar", "small_arms", "airstrike", "grenade", "unknown")
TARGET_TYPES = ("convoy", "military_base", "diplomatic", "airport", "personnel", "civilian",
                "militia_position", "other")
CONFIRMATIONS = ("confirmed", "denied", "unconfirmed", "not_mentioned")
DATE_PRECISIONS = ("day", "week", "month", "year")
GEO_PRECISIONS = ("site", "town", "admin1", "country")


@dataclass(slots=True)
class Evidence:
    """A verbatim sentence and its character offsets into the article's extracted text."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class DroppedLine:
    """A line of a saved page that cleaning dropped as chrome, and why."""

    text: str
    start: int
    reason: str


@dataclass
class Article:
    """One input page after cleaning.

    `text` is the extracted article body (evidence offsets point into it);
    `segments` maps it back to `source_text`: (start in text, start in source, length).
    """

    id: str
    text: str
    source_text: str = ""
    segments: list[tuple[int, int, int]] = field(default_factory=list)
    title: str | None = None
    byline: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_source: str | None = None  # "sidecar", "byline", "signature", "html", "argument"
    path: str | None = None
    dropped: list[DroppedLine] = field(default_factory=list)
    language: str = "en"  # ISO 639-1 code of the text (clean/language.py): which extractor reads it

    def source_offset(self, pos: int) -> int:
        """Map an offset in `text` back to the original page (None-free: separators map
        to the start of the next kept line)."""
        if not self.segments:
            return pos
        i = bisect_right([s[0] for s in self.segments], pos) - 1
        if i < 0:
            return self.segments[0][1]
        start, src, length = self.segments[i]
        if pos - start <= length:
            return src + (pos - start)
        return self.segments[i + 1][1] if i + 1 < len(self.segments) else src + length


@dataclass
class Report:
    """One incident as one article reports it: the contract's per-article record."""

    article_id: str
    date: str | None = None
    date_precision: str | None = None
    event_type: str = "Attack"
    weapon: str = "unknown"
    actor: str | None = None
    claimed: bool = False
    target_type: str = "other"
    target_actor: str | None = None
    place: str | None = None
    admin1: str | None = None
    admin1_code: str | None = None
    country: str | None = None
    country_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: str = "country"
    killed: int | None = None
    injured: int | None = None
    intercepted: bool | None = None
    confirmation: str = "not_mentioned"
    background: bool = False
    evidence: list[Evidence] = field(default_factory=list)
    # Extra fields beyond the contract (the contract allows additions).
    actor_parent: str | None = None
    target: str | None = None
    place_id: str | None = None
    # how likely this is a real incident with the right date and place (extraction/confidence.py);
    # None when the pack ships no model
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["evidence"] = [e.to_dict() for e in self.evidence]
        return d
