"""What changed since a moment: the change log (store/schema.py migration 6) read per incident.

Each incident touched since then appears once, with what happened to it over the period:
created (or split from another), updated (each field with its value before and after the
period), merged into another (the survivor), removed, or rejected in review (gone from every
read) / restored; and the articles that joined or left it. `attackwatch changes` and GET /api/changes show it; exports take `--updated-since`.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

class BadMoment(ValueError):
    """Not an ISO date or date-time."""


def parse_moment(text: str) -> str:
    """An ISO date or date-time ("2026-12-01", "2026-12-01T00:00", "...+01:00", "...Z") as the
    change log's timestamps are written (UTC, to the microsecond), so the two compare as text.
    A time without a zone is UTC."""
    value = text.strip()
    try:
        moment = datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value)
    except ValueError:
        raise BadMoment(f"not an ISO date or date-time (e.g. 2026-12-01T00:00): {text!r}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def is_since(stamp: str | None, moment: str) -> bool:
    """Whether a store timestamp (any precision) is at or after `moment` (parse_moment's)."""
    return bool(stamp) and datetime.fromisoformat(str(stamp)) >= datetime.fromisoformat(moment)


def changes_since(store: Any, since: str, until: str | None = None) -> list[dict[str, Any]]:
    """One entry per incident changed at or after `since` (a store timestamp, see
    `parse_moment`), oldest change first; status created | split | updated | merged | removed |
    rejected (an analyst's verdict: gone from exports) | restored (a rejection undone):
    {incident_id, status, first_at, last_at, causes, fields {name: [before, after]},
    articles {added, removed}, merged_into, split_from, exists}."""
    out: dict[str, dict[str, Any]] = {}
    for row in store.changes(since, until):
        entry = out.setdefault(row["incident_id"], {
            "incident_id": row["incident_id"], "status": None, "kinds": [], "first_at": row["at"], "last_at": row["at"],
            "causes": [], "fields": {}, "articles": {"added": [], "removed": []}, "merged_into": None,
            "split_from": None})
        entry["last_at"] = row["at"]
        entry["kinds"].append(row["kind"])
        if row.get("cause") and row["cause"] not in entry["causes"]:
            entry["causes"].append(row["cause"])
        for name, (before, after) in (row.get("fields") or {}).items():
            if name in entry["fields"]:
                entry["fields"][name][1] = after  # the value before the period stays
            else:
                entry["fields"][name] = [before, after]
        for side in ("added", "removed"):
            for article in (row.get("reports") or {}).get(side) or []:
                other = "removed" if side == "added" else "added"
                if article in entry["articles"][other]:
                    entry["articles"][other].remove(article)  # joined and left again within the period
                elif article not in entry["articles"][side]:
                    entry["articles"][side].append(article)
        if row["kind"] == "merged":
            entry["merged_into"] = row.get("other_id")
        if row["kind"] == "split":
            entry["split_from"] = row.get("other_id")
    ids = list(out)
    existing = store.incidents_exist(ids) if ids else set()
    for entry in out.values():
        kinds = entry.pop("kinds")
        entry["fields"] = {k: v for k, v in entry["fields"].items() if v[0] != v[1]}
        entry["exists"] = entry["incident_id"] in existing
        if entry["exists"]:
            # an incident created in the period is new, whatever else happened to it since
            entry["status"] = next(s for s in ("created", "split", "updated") if s in kinds or s == "updated")
            if entry["status"] != "updated":
                entry["fields"] = {}
            review = entry["fields"].get("review")
            if review and review[1] == "rejected":
                entry["status"] = "rejected"  # an analyst's verdict: no incident, left out of every read
            elif review and review[0] == "rejected":
                entry["status"] = "restored"  # back from a rejection: to fetch again
        else:
            entry["status"] = "merged" if kinds[-1] == "merged" else "removed"
    return list(out.values())


def describe(entry: dict[str, Any]) -> str:
    """One line for a person: what happened to the incident over the period."""
    status = entry["status"]
    if status == "merged":
        text = f"merged into {entry['merged_into']}"
    elif status == "split":
        text = f"split from {entry['split_from']}"
    else:
        text = status
    if status == "updated" and entry["fields"]:
        text += ": " + "; ".join(f"{name} {_value(b)} -> {_value(a)}" for name, (b, a) in entry["fields"].items())
    added, removed = entry["articles"]["added"], entry["articles"]["removed"]
    if added and status not in ("created", "split"):
        text += f"; reports from {', '.join(added)} joined"
    if removed and status != "removed":
        text += f"; reports from {', '.join(removed)} left"
    return text


def _value(v: Any) -> str:
    if v is None:
        return "none"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, list):
        return ", ".join(str(x) for x in v) or "none"
    if isinstance(v, dict):
        return f"{len(v)} field(s)"
    return str(v)
