"""Incident filters shared by the CLI and the API, compiled to SQL with bound parameters
(no SQL is ever built from user strings)."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

_WORD = re.compile(r"\w+", re.UNICODE)

# what the review filter takes: not yet reviewed, confirmed or corrected ("reviewed": either), rejected
REVIEW_STATES = ("pending", "confirmed", "corrected", "reviewed", "rejected")


def parse_min_confidence(value: str | float | None) -> float | None:
    """The min_confidence filter as both the API and the CLI take it: a number from 0 to 1
    (NaN and infinities refused); the one error message serves both."""
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not 0.0 <= number <= 1.0:  # NaN fails this too
        raise ValueError(f"min_confidence: must be a number from 0 to 1, not {str(value)[:40]!r}")
    return number


def fts_prefix_query(text: str) -> str | None:
    """Words of free text as an FTS5 query: every word must start a word of the evidence.
    Each word is quoted, so FTS operators in user text (AND, NEAR, *, ") mean nothing."""
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words[:20])


class FilterSQL(str):
    """The WHERE text of IncidentFilter.sql() (SQLite's dialect), remembering the filter it came
    from, so a PostgreSQL store handed it compiles the same filter in its own dialect."""

    filter: "IncidentFilter"

    def __new__(cls, text: str, flt: "IncidentFilter") -> "FilterSQL":
        obj = super().__new__(cls, text)
        obj.filter = flt
        return obj


@dataclass
class IncidentFilter:
    since: date | None = None
    until: date | None = None
    country: str | None = None  # ISO alpha-2
    admin1: str | None = None  # ISO 3166-2 code or English name
    actor: str | None = None  # canonical name; matches fronts of an umbrella too
    weapon: str | None = None
    event_type: str | None = None
    target_type: str | None = None
    claimed: bool | None = None
    confirmation: str | None = None
    min_sources: int | None = None
    text: str | None = None  # words in the evidence (each a word prefix)
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    include_background: bool = True  # background mentions (e.g. the 2020 Soleimani strike in a 2024 story)
    min_confidence: float | None = None  # 0..1; incidents stored before confidence existed (NULL) never pass
    # the analyst's review (store/review.py): None = every incident not rejected, or one of
    # REVIEW_STATES; rejected incidents are reachable only by asking for them by name
    review: str | None = None

    def column_clauses(self, mark: str = "?") -> tuple[list[str], list[Any]]:
        """The clauses both SQL dialects write alike (plain columns of the incidents table),
        with `mark` as the parameter placeholder; each dialect adds its own for the rest
        (target type, claim, confirmation, evidence text)."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.since:
            clauses.append(f"day_lo >= {mark}")
            params.append(self.since.toordinal())
        if self.until:
            clauses.append(f"day_lo <= {mark} AND day_lo >= 0")
            params.append(self.until.toordinal())
        if self.country:
            clauses.append(f"country_code = {mark}")
            params.append(self.country.upper())
        if self.admin1:
            clauses.append(f"(admin1_code = {mark} OR lower(admin1_name) = lower({mark}))")
            params += [self.admin1.upper(), self.admin1]
        if self.actor:
            clauses.append(f"(lower(actor) = lower({mark}) OR lower(actor_parent) = lower({mark}))")
            params += [self.actor, self.actor]
        if self.weapon:
            clauses.append(f"weapon = {mark}")
            params.append(self.weapon)
        if self.event_type:
            clauses.append(f"event_type = {mark}")
            params.append(self.event_type)
        if self.min_sources:
            clauses.append(f"n_sources >= {mark}")
            params.append(self.min_sources)
        if self.bbox:
            clauses.append(f"longitude BETWEEN {mark} AND {mark} AND latitude BETWEEN {mark} AND {mark}")
            params += [self.bbox[0], self.bbox[2], self.bbox[1], self.bbox[3]]
        if self.min_confidence is not None:
            clauses.append(f"confidence >= {mark}")
            params.append(float(self.min_confidence))
        if not self.include_background:
            clauses.append("(background IS NULL OR background = 0)")
        if self.review is None:
            clauses.append("review <> 'rejected'")
        elif self.review == "reviewed":
            clauses.append("review IN ('confirmed', 'corrected')")
        elif self.review in REVIEW_STATES:
            clauses.append(f"review = {mark}")
            params.append("" if self.review == "pending" else self.review)
        else:
            raise ValueError(f"review: one of {', '.join(REVIEW_STATES)}, not {str(self.review)[:40]!r}")
        return clauses, params

    def sql(self) -> tuple[str, tuple[Any, ...]]:
        clauses, params = self.column_clauses()
        if self.target_type:
            clauses.append("target_type = ?")
            params.append(self.target_type)
        if self.claimed is not None:
            clauses.append("claimed = ?")
            params.append(1 if self.claimed else 0)
        if self.confirmation:
            clauses.append("confirmation = ?")
            params.append(self.confirmation)
        if self.text is not None and self.text.strip():
            query = fts_prefix_query(self.text)
            if query is None:  # only punctuation: no evidence can contain "no words"
                clauses.append("0")
            else:
                clauses.append("rowid IN (SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ?)")
                params.append(query)
        return FilterSQL(" AND ".join(clauses), self), tuple(params)
