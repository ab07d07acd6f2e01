"""The two sides of this conflict as separate series: attacks by the Iran-aligned militias
(on US and coalition forces) and US/coalition strikes (on the militias), plus what is neither.

A pause in militia attacks is not ended by a US strike, and a "resumption" raised by a US
strike is no resumption of attacks: lulls, resumptions, surges and the report count each side
on its own. An incident's side is its actor's side in the actor registry (packs/default/
actors.jsonl: axis -> militia, us -> us, the rest -> other); an unattributed attack on US or
coalition forces ("rockets hit the base; no group claimed it") is a militia attack, as
analysts count them.
"""
from __future__ import annotations

from typing import Any, Iterable

SIDES = ("militia", "us", "other")
SIDE_CHOICES = (*SIDES, "all")
# the series each side name stands for, as a report or an alert says it
SERIES = {"militia": "militia attacks", "us": "US/coalition strikes", "other": "other incidents", "all": "incidents"}
ONE = {"militia": "militia attack", "us": "US/coalition strike", "other": "incident", "all": "incident"}
# the registry's sides as series
REGISTRY_SIDE = {"axis": "militia", "us": "us"}
# what lulls and resumptions read unless asked otherwise: the attacks on US forces
DEFAULT_LULL_SIDES = ("militia",)
# what alerts and the report count unless asked otherwise: both sides, as separate series
DEFAULT_SIDES = ("militia", "us")


def _sides_of_actors(pack: str = "default") -> dict[str, str]:
    from attackwatch.analyze.records import actor_sides

    return actor_sides(pack)


def incident_side(record: dict[str, Any], side_of: dict[str, str]) -> str:
    """militia | us | other (see the module docstring); `side_of`: actor_sides()."""
    actor = str(record.get("actor") or "").lower()
    if side_of.get(actor):
        return REGISTRY_SIDE.get(side_of[actor], "other")
    # no actor, or one the registry does not know (a new front): judged by whom it hit
    target = side_of.get(str(record.get("target_actor") or "").lower(), "")
    if target == "us":
        return "militia"
    return "other"


def by_side(records: Iterable[dict[str, Any]], sides: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """The records of each side asked for ("all": every record), in the order given."""
    records = list(records)
    side_of = _sides_of_actors()
    tagged = [(incident_side(r, side_of), r) for r in records]
    out: dict[str, list[dict[str, Any]]] = {}
    for side in sides:
        if side not in SIDE_CHOICES:
            raise ValueError(f"unknown side {side!r} (sides: {', '.join(SIDE_CHOICES)})")
        out[side] = records if side == "all" else [r for s, r in tagged if s == side]
    return out


def side_counts(records: Iterable[dict[str, Any]]) -> dict[str, int]:
    side_of = _sides_of_actors()
    counts = {s: 0 for s in SIDES}
    for r in records:
        counts[incident_side(r, side_of)] += 1
    return counts
