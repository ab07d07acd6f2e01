"""Incident filters shared by the CLI and the API, compiled to SQL with bound parameters
(no SQL is ever built from user strings)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


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
    text: str | None = None  # words in the evidence
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat

    def sql(self) -> tuple[str, tuple[Any, ...]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.since:
            clauses.append("day_lo >= ?")
            params.append(self.since.toordinal())
        if self.until:
            clauses.append("day_lo <= ? AND day_lo >= 0")
            params.append(self.until.toordinal())
        if self.country:
            clauses.append("country_code = ?")
            params.append(self.country.upper())
        if self.admin1:
            clauses.append("(admin1_code = ? OR lower(json_extract(data, '$.admin1')) = lower(?))")
            params += [self.admin1.upper(), self.admin1]
        if self.actor:
            clauses.append("(lower(actor) = lower(?) OR lower(json_extract(data, '$.actor_parent')) = lower(?))")
            params += [self.actor, self.actor]
        if self.weapon:
            clauses.append("weapon = ?")
            params.append(self.weapon)
        if self.event_type:
            clauses.append("event_type = ?")
            params.append(self.event_type)
        if self.target_type:
            clauses.append("json_extract(data, '$.target_type') = ?")
            params.append(self.target_type)
        if self.claimed is not None:
            clauses.append("json_extract(data, '$.claimed') = ?")
            params.append(1 if self.claimed else 0)
        if self.confirmation:
            clauses.append("json_extract(data, '$.confirmation') = ?")
            params.append(self.confirmation)
        if self.min_sources:
            clauses.append("n_sources >= ?")
            params.append(self.min_sources)
        if self.text:
            clauses.append("instr(lower(data), lower(?)) > 0")
            params.append(self.text)
        if self.bbox:
            clauses.append("json_extract(data, '$.longitude') BETWEEN ? AND ? AND json_extract(data, '$.latitude') BETWEEN ? AND ?")
            params += [self.bbox[0], self.bbox[2], self.bbox[1], self.bbox[3]]
        return " AND ".join(clauses), tuple(params)
