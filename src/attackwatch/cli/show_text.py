"""`attackwatch show`: one incident as a person reads it: the fields in words (no Python
values), the reports with their outlets and evidence, where the outlets disagree, and the
incident's history (created, reports joining, analyst corrections, merges and splits)."""
from __future__ import annotations

from typing import Any

from attackwatch.store.acled import outlet_label
from attackwatch.store.changes import describe

TARGETS = {"military_base": "a military base", "convoy": "a convoy", "diplomatic": "a diplomatic site",
           "airport": "an airport", "personnel": "personnel", "civilian": "civilians",
           "militia_position": "militia positions", "other": "an unspecified target"}
WEAPONS = {"ied": "IED", "small_arms": "small arms", "airstrike": "air strike", "unknown": "unknown weapon"}


def _words(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "not stated"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value).replace("_", " ")


def _who(record: dict[str, Any]) -> str:
    actor = record.get("actor") or "not identified"
    parent = record.get("actor_parent")
    if parent and parent != record.get("actor"):
        actor += f" (part of {parent})"
    if record.get("claimed"):
        actor += f"; claimed it (reported by {_words(record.get('claimed_by'))})"
    return actor


def _where(record: dict[str, Any]) -> str:
    names = [record.get("place"), record.get("admin1"), record.get("country")]
    text = ", ".join(str(n) for n in dict.fromkeys(n for n in names if n)) or "not stated"
    if record.get("latitude") is not None:
        text += f" ({record['latitude']:.4f}, {record['longitude']:.4f}; placed to the {record.get('geo_precision')})"
    return text


def incident_text(record: dict[str, Any], members: list[str], export_id: str, updated_at: str | None,
                  history: list[dict[str, Any]], corrections: list[dict[str, Any]]) -> str:
    reports = record.get("reports") or []
    outlets = sorted({outlet_label(r) for r in reports})
    lines = [f"Incident {record['id']}  (export id {export_id})",
             f"  {len(reports)} report(s) from {len(outlets)} outlet(s): {', '.join(outlets)}", ""]
    date = record.get("date") or "not stated"
    if record.get("date") and record.get("date_precision") != "day":
        date += f" (known only to the {record.get('date_precision')})"
    weapon = WEAPONS.get(str(record.get("weapon")), str(record.get("weapon") or "unknown weapon"))
    target = TARGETS.get(str(record.get("target_type")), "an unspecified target")
    if record.get("target_actor"):
        target += f" of {record['target_actor']}"
    confirmation = _words(record.get("confirmation"))
    if record.get("confirmed_by"):
        confirmation += f" (reported by {_words(record.get('confirmed_by'))})"
    rows = [("Date", date), ("What", f"{record.get('event_type')}: {weapon} against {target}"),
            ("Who", _who(record)), ("Where", _where(record)),
            ("Killed", _words(record.get("killed"))), ("Injured", _words(record.get("injured"))),
            ("Intercepted", _words(record.get("intercepted"))), ("Officials", confirmation),
            ("Background", "yes: told only as context of another story" if record.get("background") else "no"),
            ("Review", {"confirmed": "confirmed by an analyst", "corrected": "corrected by an analyst",
                        "rejected": "rejected by an analyst: not an incident, left out of every list and export"}
             .get(str(record.get("review")), "not reviewed yet")),
            ("Confidence", "not computed" if record.get("confidence") is None else f"{record['confidence']:.2f}"),
            ("Last changed", (updated_at or "unknown").replace("T", " ").replace("+00:00", " UTC"))]
    lines += [f"  {name:13} {value}" for name, value in rows]
    lines += ["", "Reports:"]
    for n, (rid, rep) in enumerate(zip(members, reports), 1):
        lines.append(f"  {n}. {outlet_label(rep)}, published {rep.get('published') or 'on an unknown date'}  [{rid}]")
        if rep.get("url"):
            lines.append(f"     {rep['url']}")
        for e in rep.get("evidence") or []:
            # first-strong isolate: an Arabic sentence reads right to left in a bidi terminal and
            # cannot reorder the quotes and the lines around it
            lines.append(f"     \u201c\u2068{e['text']}\u2069\u201d")
    if record.get("conflicts"):
        lines += ["", "The outlets disagree on:"]
        for name, values in record["conflicts"].items():
            told = "; ".join(f"{_words(v['value'])} ({', '.join(v['outlets'])})" for v in values)
            lines.append(f"  {name.replace('_', ' ')}: {told}")
    events: list[tuple[str, str]] = []
    for row in history:
        events.append((row["at"], _history_line(record["id"], row)))
    for e in record.get("edits") or []:
        who = e.get("author") or "an analyst"
        note = f": \u201c{e['note']}\u201d" if e.get("note") else ""
        events.append((e["at"], f"{who} set {e['field'].replace('_', ' ')} to {_words(e['value'])}{note}"))
    for e in corrections:
        who = e.get("author") or "an analyst"
        note = f": \u201c{e['note']}\u201d" if e.get("note") else ""
        what = "merged another incident into this one" if e["kind"] == "merge" else f"split report {e['anchors'].get('report')} out"
        events.append((e["created_at"], f"{who} {what}{note}"))
    lines += ["", "History:"]
    lines += [f"  {at[:16].replace('T', ' ')}  {text}" for at, text in sorted(events)] or ["  (none recorded)"]
    return "\n".join(lines)


def _history_line(incident_id: str, row: dict[str, Any]) -> str:
    cause = f" ({row['cause']})" if row.get("cause") else ""
    if row["incident_id"] != incident_id:  # another incident's change that names this one
        verb = "was merged into this one" if row["kind"] == "merged" else "was split from this one"
        return f"{row['incident_id']} {verb}{cause}"
    entry = {"status": row["kind"], "fields": {k: v for k, v in (row.get("fields") or {}).items()
                                              if k not in ("conflicts", "confidence")},
             "articles": {"added": [], "removed": [], **(row.get("reports") or {})},
             "merged_into": row.get("other_id"), "split_from": row.get("other_id")}
    if row["kind"] == "created" and entry["articles"]["added"]:
        return f"created from {', '.join(entry['articles']['added'])}{cause}"
    return describe(entry) + cause
