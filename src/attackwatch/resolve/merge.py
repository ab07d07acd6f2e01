"""One canonical record from the reports of one incident.

Each field takes the most precise and best-supported value: the finest date and place,
the value most outlets give (ties: the most recently published, which tends to carry the
updated figure). Where outlets disagree (3 vs 5 rockets, 0 vs 2 injured) the record keeps
`conflicts` with every value and who reported it. A claim in one outlet and a CENTCOM
confirmation in another make the incident both claimed and confirmed, each with its sources.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from attackwatch.extraction.confidence import incident_confidence
from attackwatch.resolve.keys import GEO_RANK, PRECISION_RANK

GEO_FIELDS = ("place", "place_id", "admin1", "admin1_code", "country", "country_code", "latitude", "longitude",
              "geo_precision")
CONFIRMATION_ORDER = ("confirmed", "denied", "unconfirmed", "not_mentioned")
CONFLICT_FIELDS = ("date", "weapon", "event_type", "actor", "target_type", "killed", "injured", "intercepted",
                   "place")


def _source(meta: dict[str, Any]) -> str:
    return meta.get("outlet") or meta.get("id") or "?"


def _vote(items: list[tuple[Any, dict[str, Any]]], ignore: tuple[Any, ...] = (None,)) -> Any:
    """The value most sources give; ties go to the most recently published report."""
    counts: Counter[Any] = Counter()
    latest: dict[Any, str] = {}
    for value, meta in items:
        if value in ignore:
            continue
        key = _hashable(value)
        counts[key] += 1
        latest[key] = max(latest.get(key, ""), str(meta.get("published") or ""))
    if not counts:
        return None
    best = max(counts, key=lambda v: (counts[v], latest[v]))
    return best


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


_TOLD = ("date", "date_precision", "place", "admin1", "country_code", "latitude", "longitude", "geo_precision")


def merge_reports(incident_id: str, members: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """`members`: (report record, article meta {id, outlet, url, published}) pairs."""
    reports = [r for r, _ in members]
    # date: the finest precision told, then the most supported value at it
    best_prec = max((PRECISION_RANK.get(r.get("date_precision") or "", -1) for r in reports if r.get("date")), default=-1)
    dated = [(r["date"], m) for r, m in members if r.get("date") and PRECISION_RANK.get(r.get("date_precision") or "", -1) == best_prec]
    date_value = _vote(dated)
    precision = next((r["date_precision"] for r in reports if r.get("date") == date_value), None)
    # place: the finest place told, then the most supported one at that rank
    best_geo = max(GEO_RANK.get(r.get("geo_precision") or "", 0) for r in reports)
    placed = [(r.get("place_id") or r.get("place"), m) for r, m in members if GEO_RANK.get(r.get("geo_precision") or "", 0) == best_geo]
    place_key = _vote(placed)
    geo_src = next(r for r in reports if (r.get("place_id") or r.get("place")) == place_key
                   and GEO_RANK.get(r.get("geo_precision") or "", 0) == best_geo)
    weapon = _vote([(r.get("weapon"), m) for r, m in members], ignore=(None, "unknown")) or "unknown"
    event_type = _vote([(r.get("event_type"), m) for r, m in members if r.get("weapon") in (weapon, None, "unknown")]) \
        or _vote([(r.get("event_type"), m) for r, m in members]) or "Attack"
    actor = _vote([(r.get("actor"), m) for r, m in members])
    actors = {r.get("actor") for r in reports if r.get("actor")}
    for r in reports:  # a front beats the umbrella it claims under
        if r.get("actor") and r.get("actor_parent") in actors and actor == r.get("actor_parent"):
            actor = r["actor"]
    claimed_by = sorted({_source(m) for r, m in members if r.get("claimed")})
    confirmations = {r.get("confirmation") or "not_mentioned" for r in reports}
    confirmation = next(c for c in CONFIRMATION_ORDER if c in confirmations or c == "not_mentioned")
    confirmed_by = sorted({_source(m) for r, m in members if (r.get("confirmation") or "not_mentioned") == confirmation
                           and confirmation != "not_mentioned"})
    out: dict[str, Any] = {
        "id": incident_id,
        "date": date_value,
        "date_precision": precision if date_value else None,
        "event_type": "Disrupted weapons use" if _vote([(r.get("intercepted"), m) for r, m in members]) is True else event_type,
        "weapon": weapon,
        "actor": actor,
        "actor_parent": next((r.get("actor_parent") for r in reports if r.get("actor") == actor and r.get("actor_parent")), None),
        "claimed": bool(claimed_by),
        "claimed_by": claimed_by,
        "target_type": _vote([(r.get("target_type"), m) for r, m in members], ignore=(None, "other")) or "other",
        "target_actor": _vote([(r.get("target_actor"), m) for r, m in members]),
        **{f: geo_src.get(f) for f in GEO_FIELDS},
        "killed": _vote([(r.get("killed"), m) for r, m in members]),
        "injured": _vote([(r.get("injured"), m) for r, m in members]),
        "intercepted": _vote([(r.get("intercepted"), m) for r, m in members]),
        "confirmation": confirmation,
        "confirmed_by": confirmed_by,
        "background": all(r.get("background") for r in reports),
        # each source with what it said of when and where, so a reader (or a scorer) can tell which
        # telling of a multi-place article stands behind this incident
        "reports": [{"article_id": m.get("id") or r.get("article_id"), "outlet": m.get("outlet"), "url": m.get("url"),
                     "published": m.get("published"), "evidence": r.get("evidence") or [],
                     **{k: r.get(k) for k in _TOLD if r.get(k) is not None}} for r, m in members],
        "n_sources": len({_source(m) for _, m in members}),
        # the reports' confidences, corroboration across outlets raising it (noisy-or)
        "confidence": incident_confidence([(r.get("confidence"), _source(m)) for r, m in members]),
    }
    out["conflicts"] = conflicts(members)
    return out


def conflicts(members: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """Fields on which the reports disagree, with each value and who reported it. A coarser
    telling of the same value ("2024-04" and "2024-04-21") is no disagreement."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name in CONFLICT_FIELDS:
        by_value: dict[Any, list[dict[str, Any]]] = {}
        for r, m in members:
            value = r.get(name)
            if value is None or (name in ("weapon",) and value == "unknown") or (name == "target_type" and value == "other"):
                continue
            by_value.setdefault(_hashable(value), []).append(m)
        values = list(by_value)
        if name == "date":
            values = [v for v in values if not any(o != v and str(o).startswith(str(v)) for o in values)]
        if name == "place":
            ranks = {v: max(GEO_RANK.get(r.get("geo_precision") or "", 0) for r, _ in members if r.get("place") == v) for v in values}
            top = max(ranks.values(), default=0)
            values = [v for v in values if ranks[v] == top]
        if len(values) > 1:
            out[name] = [{"value": v, "articles": sorted({m.get("id") for m in by_value[v]}),
                          "outlets": sorted({_source(m) for m in by_value[v]})} for v in values]
    return out
