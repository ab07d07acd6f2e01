"""The report's map and timeline, drawn with matplotlib (Agg backend, imported lazily).

The map draws src/attackwatch/packs/<pack>/boundaries.geojson (features with properties
kind/iso/name: country and admin1 outlines) when the file exists, else the points alone on
a plain lon/lat frame. Text from the data is drawn with math parsing off, so a '$' in a
place name is just a character.
"""
from __future__ import annotations

import io
import json
from datetime import timedelta
from pathlib import Path
from typing import Any, Iterable

from attackwatch.analyze.report.data import ReportData

# the theatre's frame (Iraq, Syria, Jordan) when no boundaries file says otherwise
THEATRE_BOX = (35.0, 29.0, 48.8, 37.5)
# where to print the theatre's country names (the polygons' own centres fall in awkward places)
THEATRE_LABELS = {"IQ": (43.2, 32.6), "SY": (38.6, 35.2), "JO": (36.9, 30.6)}
WEAPON_COLOURS = {"rocket": "#d62728", "drone": "#1f77b4", "missile": "#9467bd", "ied": "#ff7f0e", "mortar": "#8c564b",
                  "small_arms": "#e377c2", "airstrike": "#2ca02c", "grenade": "#bcbd22", "unknown": "#7f7f7f"}


def boundaries_path(pack: str = "default") -> Path:
    from attackwatch.packs import get_pack

    return get_pack(pack).root / "boundaries.geojson"


def _pyplot():  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def _rings(geometry: dict[str, Any]) -> Iterable[list[list[float]]]:
    kind = geometry.get("type")
    coords = geometry.get("coordinates") or []
    if kind == "Polygon":
        yield from coords
    elif kind == "MultiPolygon":
        for poly in coords:
            yield from poly
    elif kind == "LineString":
        yield coords
    elif kind == "MultiLineString":
        yield from coords


def load_boundaries(path: Path | None = None) -> list[dict[str, Any]]:
    """Features of the boundaries file ([] when absent or unreadable: the map then shows points)."""
    path = path or boundaries_path()
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return []
    return [f for f in data.get("features", []) if isinstance(f, dict) and isinstance(f.get("geometry"), dict)]


def _png(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    _pyplot().close(fig)
    return buf.getvalue()


def map_png(data: ReportData, boundaries: list[dict[str, Any]] | None = None) -> bytes:
    plt = _pyplot()
    features = load_boundaries() if boundaries is None else boundaries
    with plt.rc_context({"text.parse_math": False, "font.size": 8}):
        fig, ax = plt.subplots(figsize=(7.2, 5.4))
        from matplotlib.collections import LineCollection, PolyCollection

        countries: list[list[tuple[float, float]]] = []
        lines: list[list[tuple[float, float]]] = []
        for f in features:
            kind = (f.get("properties") or {}).get("kind")
            for ring in _rings(f["geometry"]):
                if len(ring) >= 2:
                    (countries if kind == "country" else lines).append([(p[0], p[1]) for p in ring])
        # one collection per layer: thousands of vertices drawn as two artists, not one per ring
        if countries:
            ax.add_collection(PolyCollection(countries, facecolors="#f2efe6", edgecolors="#555555", linewidths=0.9,
                                             zorder=1))
        if lines:
            ax.add_collection(LineCollection(lines, colors="#aaaaaa", linewidths=0.4, zorder=2))
        for f in features:
            props = f.get("properties") or {}
            if props.get("kind") == "country" and props.get("iso") in THEATRE_LABELS:
                ax.annotate(str(props.get("name") or props["iso"]), THEATRE_LABELS[props["iso"]], ha="center",
                            fontsize=11, color="#777777", alpha=0.8, zorder=2)
        ctx = [(r["longitude"], r["latitude"]) for r in data.context if r.get("longitude") is not None
               and r.get("latitude") is not None]
        if ctx:
            ax.scatter([p[0] for p in ctx], [p[1] for p in ctx], s=10, color="#bbbbbb", zorder=3,
                       label=f"earlier incidents ({len(ctx)})")
        by_weapon: dict[str, list[dict[str, Any]]] = {}
        for r in data.incidents:
            if r.get("longitude") is not None and r.get("latitude") is not None:
                by_weapon.setdefault(str(r.get("weapon") or "unknown"), []).append(r)
        labelled: set[str] = set()
        for weapon, rs in sorted(by_weapon.items()):
            ax.scatter([r["longitude"] for r in rs], [r["latitude"] for r in rs], s=46, zorder=5, edgecolor="black",
                       linewidth=0.5, color=WEAPON_COLOURS.get(weapon, "#7f7f7f"), label=f"{weapon} ({len(rs)})")
            for r in rs:
                name = str(r.get("place") or "")
                if name and name not in labelled and len(labelled) < 15:
                    labelled.add(name)
                    ax.annotate(name, (r["longitude"], r["latitude"]), xytext=(4, 4), textcoords="offset points",
                                fontsize=7, zorder=6)
        x0, y0, x1, y1 = THEATRE_BOX
        pts = ctx + [(r["longitude"], r["latitude"]) for rs in by_weapon.values() for r in rs]
        if pts:
            x0, x1 = min(x0, *(p[0] for p in pts)) - 0.5, max(x1, *(p[0] for p in pts)) + 0.5
            y0, y1 = min(y0, *(p[1] for p in pts)) - 0.5, max(y1, *(p[1] for p in pts)) + 0.5
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_aspect("equal")
        ax.set_xlabel("longitude")
        ax.set_ylabel("latitude")
        ax.set_title(f"Incidents {data.start.isoformat()} to {data.end.isoformat()}"
                     + ("" if features else " (no boundaries file: points only)"))
        if ctx or by_weapon:
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=5, fontsize=7, frameon=False)
        ax.grid(True, linewidth=0.3, alpha=0.5)
        return _png(fig)


def timeline_png(data: ReportData) -> bytes:
    plt = _pyplot()
    t = data.timeline
    with plt.rc_context({"text.parse_math": False, "font.size": 8}):
        fig, ax = plt.subplots(figsize=(7.2, 2.8))
        counts = t.series[0].counts if t.series else [0] * len(t.periods)
        cas = ([k + i for k, i in zip(t.series[0].killed, t.series[0].injured)] if t.series else [0] * len(t.periods))
        colours = ["#d62728" if data.start <= p + timedelta(days=6) and p <= data.end else "#4c72b0" for p in t.periods]
        ax.bar(t.periods, counts, width=6, color=colours, align="edge")
        if any(cas):
            ax2 = ax.twinx()
            ax2.plot([p for p, c in zip(t.periods, cas) if c], [c for c in cas if c], "k^", markersize=4,
                     label="killed + injured")
            ax2.set_ylabel("killed + injured")
            ax2.legend(loc="upper left", fontsize=7)
        ax.set_ylabel("incidents per week")
        from matplotlib.ticker import MaxNLocator

        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title("Incidents per week (weeks start Monday); the report's period in red")
        ax.grid(True, axis="y", linewidth=0.3)
        fig.autofmt_xdate()
        return _png(fig)

