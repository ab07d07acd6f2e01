"""The report as a list of format-neutral blocks (headings, paragraphs, tables, images), so
the HTML, Markdown and PDF renderers share one layout and differ only in syntax.

All text here is plain text; each renderer escapes it for its own format.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from typing import Any, Union

from attackwatch.analyze.report.data import ReportData
from attackwatch.analyze.sides import SERIES, by_side
from attackwatch.store.acled import outlet_label

EVIDENCE_CHARS = 220


@dataclass(frozen=True)
class Link:
    text: str
    url: str | None  # only http(s) links are kept as links


Cell = Union[str, Link, list[Link]]


@dataclass
class Heading:
    text: str
    anchor: str


@dataclass
class Paragraph:
    text: str
    small: bool = False


@dataclass
class Bullets:
    items: list[str]


@dataclass
class Table:
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    widths: list[int] | None = None  # relative column widths (PDF)
    row_ids: list[str] | None = None  # anchors other blocks link to ("#inc_..."), HTML only


@dataclass
class Image:
    name: str  # file stem for Markdown ("map", "timeline")
    alt: str
    png: bytes


Block = Union[Heading, Paragraph, Bullets, Table, Image]


def safe_url(url: Any) -> str | None:
    url = str(url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else None


def _n(v: Any) -> str:
    return "-" if v is None else str(v)


_RTL = re.compile(r"[\u0590-\u08ff]")


def _isolated(name: str) -> str:
    """A right-to-left name between Unicode isolates (FSI ... PDI), so the date printed after it
    keeps its order ("مثال نيوز (2024-01-28)", not "(28-01-2024)")."""
    return f"\u2068{name}\u2069" if _RTL.search(name) else name


def _sources(r: dict[str, Any]) -> list[Link]:
    out = []
    for rep in r.get("reports") or []:
        label = _isolated(outlet_label(rep))  # the outlet, else the site: an article id means nothing to a reader
        if rep.get("published"):
            label += f" ({str(rep['published'])[:10]})"
        out.append(Link(label, safe_url(rep.get("url"))))
    return out


def _evidence(r: dict[str, Any]) -> str:
    for rep in r.get("reports") or []:
        for e in rep.get("evidence") or []:
            text = " ".join(str(e.get("text") or "").split())
            if text:
                return text if len(text) <= EVIDENCE_CHARS else text[:EVIDENCE_CHARS - 3] + "..."
    return ""


def _where(r: dict[str, Any]) -> str:
    parts = [r.get("place"), r.get("admin1"), r.get("country_code")]
    seen: list[str] = []
    for p in parts:
        if p and str(p) not in seen:
            seen.append(str(p))
    return ", ".join(seen) or "-"


def _actor(r: dict[str, Any]) -> str:
    actor = r.get("actor")
    if not actor:
        return "-"
    text = str(actor)
    if r.get("actor_parent"):
        text += f" ({r['actor_parent']})"
    if r.get("claimed"):
        text += " - claimed"
    return text


def incident_rows(records: list[dict[str, Any]]) -> list[list[Cell]]:
    return [[str(r.get("date") or "-"), _where(r), str(r.get("weapon") or "-"), _actor(r),
             str(r.get("confirmation") or "-").replace("_", " "), f"{_n(r.get('killed'))}/{_n(r.get('injured'))}",
             _sources(r), _evidence(r), Link(str(r.get("id")), f"#{r.get('id')}")] for r in records]


def _incident_tables(records: list[dict[str, Any]], sides: list[str]) -> list[Block]:
    """The incidents, one table per side (militia attacks, US/coalition strikes, the rest)."""
    groups = by_side(records, [*sides, *[s for s in ("militia", "us", "other") if s not in sides]])
    shown: set[str] = set()
    out: list[Block] = []
    for side, members in groups.items():
        members = [r for r in members if str(r.get("id")) not in shown]
        if not members:
            continue
        shown |= {str(r.get("id")) for r in members}
        title = SERIES[side][0].upper() + SERIES[side][1:]
        out.append(Paragraph(f"{title} ({len(members)})"))
        out.append(Table(INCIDENT_HEADERS, incident_rows(members), INCIDENT_WIDTHS, [str(r["id"]) for r in members]))
    return out


INCIDENT_HEADERS = ["date", "place", "weapon", "actor", "confirmation", "killed/injured", "sources",
                    "evidence (first sentence)", "id"]
INCIDENT_WIDTHS = [9, 16, 7, 16, 9, 5, 14, 30, 11]


def build_document(d: ReportData, map_png: bytes, timeline_png: bytes) -> list[Block]:
    c = d.summary_counts
    blocks: list[Block] = [
        Paragraph(f"Period {d.start.isoformat()} to {d.end.isoformat()}; data as of {d.as_of.isoformat()}"
                  + (f"; filters: {d.filters}" if d.filters else "") + ". Background incidents "
                  + ("count (they happened)." if "background excluded" not in d.filters else "are excluded."), small=True),
        Heading("Summary", "summary"), Bullets(d.summary or [d.headline]),
        Heading("Map", "map"), Image("map", "map of the period's incidents", map_png),
        Heading("Timeline", "timeline"), Image("timeline", "incidents per week", timeline_png),
        Heading(f"Incidents ({c['incidents']})", "incidents"),
    ]
    if d.incidents:
        blocks += _incident_tables(d.incidents, d.sides)
    else:
        blocks.append(Paragraph("No incident dated within the period."))
    if d.maybe:
        blocks.append(Paragraph(f"Dated only coarsely, may fall in the period ({len(d.maybe)}):"))
        blocks.append(Table(INCIDENT_HEADERS, incident_rows(d.maybe), INCIDENT_WIDTHS, [str(r["id"]) for r in d.maybe]))
    listed = {str(r.get("id")) for r in [*d.incidents, *d.maybe]}

    blocks.append(Heading("Claims and confirmations", "claims"))
    confs = ["confirmed", "denied", "unconfirmed", "not_mentioned"]
    table = Table(["", *[x.replace("_", " ") for x in confs], "total"])
    for row in ("claimed", "unclaimed"):
        values = d.claims.get(row, {})
        table.rows.append([row, *[str(values.get(x, 0)) for x in confs], str(sum(values.values()))])
    blocks.append(table)
    open_claims = [r for r in d.incidents if r.get("claimed") and r.get("confirmation") != "confirmed"]
    if open_claims:
        blocks.append(Paragraph(f"Claimed but not confirmed by an official side: {len(open_claims)} ("
                                + "; ".join(f"{r.get('date')} {r.get('actor')} at {_where(r)}" for r in open_claims[:8])
                                + (" ..." if len(open_claims) > 8 else "") + ")."))

    blocks.append(Heading("Notable firsts", "firsts"))
    blocks += _alert_table(d.rule_alerts("new_actor_claim", "new_weapon_at_site"), "No first claim by a group and no first "
                           "use of a weapon at a site in the period.", listed)
    blocks.append(Heading("Lulls", "lulls"))
    lull_rows: list[list[Cell]] = [[SERIES.get(lu.side or "all", ""), lu.before.label, lu.after.label if lu.after else "ongoing",
                                    ("at least " if lu.lower_bound else "") + str(lu.days), lu.text] for lu in d.lulls]
    for lu in d.currents:
        lull_rows.append([SERIES.get(lu.side or "all", ""), lu.before.label, "ongoing", str(lu.days), lu.text])
    if lull_rows:
        blocks.append(Table(["series", "from", "to", "days", "what"], lull_rows, [14, 12, 12, 8, 54]))
    else:
        blocks.append(Paragraph(f"No pause of at least {d.min_lull_days} days ended in the period."))
    blocks.append(Heading("Surges", "surges"))
    blocks += _alert_table(d.rule_alerts("surge"), "No weekly count reached its surge threshold in the period.", listed)
    blocks.append(Heading(f"All alerts ({len(d.alerts)})", "alerts"))
    blocks += _alert_table(d.alerts, "No alert in the period.", listed)
    blocks.append(Paragraph("Rules and thresholds: docs/analytics.md and packs/default/alerts.json. Numbers are counts of "
                            "deduplicated incidents as stored; casualty figures are those stated in the reports.", small=True))
    return blocks


def _alert_table(alerts: list[Any], empty: str, listed: set[str]) -> list[Block]:
    """Alerts with their incidents, each linked to its row when the report lists it."""
    if not alerts:
        return [Paragraph(empty)]
    return [Table(["date", "series", "rule", "alert", "incidents"],
                  [[a.date.isoformat(), SERIES.get(a.scope.get("side", "all"), ""), a.rule.replace("_", " "), a.title,
                    [Link(i, f"#{i}" if i in listed else None) for i in a.incidents]] for a in alerts],
                  [10, 12, 12, 46, 20])]
