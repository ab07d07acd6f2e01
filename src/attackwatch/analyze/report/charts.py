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

from attackwatch.analyze.records import actor_sides
from attackwatch.analyze.report.data import ReportData
from attackwatch.analyze.sides import incident_side

# the theatre's frame (Iraq, Syria, Jordan) when no boundaries file says otherwise
THEATRE_BOX = (35.0, 29.0, 48.8, 37.5)
# where to print the theatre's country names (the polygons' own centres fall in awkward places)
THEATRE_LABELS = {"IQ": (43.2, 32.6), "SY": (38.6, 35.2), "JO": (36.9, 30.6)}
SIDE_MARKERS = {"militia": "o", "us": "^", "other": "s"}
SIDE_LABELS = {"militia": "militia attack", "us": "US/coalition strike", "other": "other"}
TIMELINE_COLOURS = {"militia": "#c0392b", "us": "#2c6fb0"}
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
        side_of = actor_sides()
        for weapon, rs in sorted(by_weapon.items()):
            # colour: the weapon; shape: the side (circles militia attacks, triangles US/coalition strikes)
            for side, marker in SIDE_MARKERS.items():
                mine = [r for r in rs if incident_side(r, side_of) == side]
                if mine:
                    ax.scatter([r["longitude"] for r in mine], [r["latitude"] for r in mine], s=46, zorder=5,
                               edgecolor="black", linewidth=0.5, marker=marker, color=WEAPON_COLOURS.get(weapon, "#7f7f7f"))
            ax.scatter([], [], s=46, edgecolor="black", linewidth=0.5, color=WEAPON_COLOURS.get(weapon, "#7f7f7f"),
                       label=f"{weapon} ({len(rs)})")
        for side, marker in SIDE_MARKERS.items():
            ax.scatter([], [], s=46, marker=marker, facecolor="white", edgecolor="black", label=SIDE_LABELS[side])
        places: dict[str, list[Any]] = {}
        for rs in by_weapon.values():
            for r in rs:
                name = str(r.get("place") or "")
                if name:
                    places.setdefault(name, [r["longitude"], r["latitude"], 0])[2] += 1
        x0, y0, x1, y1 = THEATRE_BOX
        pts = ctx + [(r["longitude"], r["latitude"]) for rs in by_weapon.values() for r in rs]
        if pts:
            x0, x1 = min(x0, *(p[0] for p in pts)) - 0.5, max(x1, *(p[0] for p in pts)) + 0.5
            y0, y1 = min(y0, *(p[1] for p in pts)) - 0.5, max(y1, *(p[1] for p in pts)) + 0.5
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_aspect("equal")
        unlabelled = place_labels(fig, ax, places)
        ax.set_xlabel("longitude")
        ax.set_ylabel("latitude")
        ax.set_title(f"Incidents {data.start.isoformat()} to {data.end.isoformat()}"
                     + ("" if features else " (no boundaries file: points only)")
                     + (f"; {unlabelled} crowded place(s) left unlabelled" if unlabelled else ""))
        if ctx or by_weapon:
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=5, fontsize=7, frameon=False)
        ax.grid(True, linewidth=0.3, alpha=0.5)
        return _png(fig)


def place_labels(fig: Any, ax: Any, places: dict[str, list[Any]], limit: int = 25) -> int:
    """Label places without overlap: the busiest first, each tried at eight spots around its
    point (then further out) and kept at the first where its box meets no label and no
    marker already drawn; a place with no free spot stays unlabelled. Returns how many."""
    ax.apply_aspect()  # the axes' final shape, so display coordinates are those drawn
    renderer = fig.canvas.get_renderer()
    taken = []  # boxes (display coordinates) of the labels placed and of every marker
    for lon, lat, _ in places.values():
        x, y = ax.transData.transform((lon, lat))
        taken.append((x - 5, y - 5, x + 5, y + 5))
    spots = [(5, 4, "left", "bottom"), (-5, 4, "right", "bottom"), (5, -4, "left", "top"), (-5, -4, "right", "top"),
             (7, 0, "left", "center"), (-7, 0, "right", "center"), (0, 8, "center", "bottom"), (0, -8, "center", "top")]
    spots += [(dx * 2.4, dy * 2.4, ha, va) for dx, dy, ha, va in spots]
    left = 0
    ranked = sorted(places.items(), key=lambda kv: (-kv[1][2], kv[0]))
    for n, (name, (lon, lat, count)) in enumerate(ranked):
        if n >= limit:
            left += 1
            continue
        text = f"{name} ({count})" if count > 1 else name
        for dx, dy, ha, va in spots:
            label = ax.annotate(text, (lon, lat), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va, fontsize=7,
                                zorder=6, bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
            box = label.get_window_extent(renderer)
            frame = ax.get_window_extent(renderer)
            rect = (box.x0, box.y0, box.x1, box.y1)
            inside = frame.x0 <= rect[0] and rect[2] <= frame.x1 and frame.y0 <= rect[1] and rect[3] <= frame.y1
            if inside and not any(_overlap(rect, other) for other in taken):
                taken.append(rect)
                break
            label.remove()
        else:
            left += 1
    return left


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def timeline_png(data: ReportData) -> bytes:
    plt = _pyplot()
    t = data.timeline
    with plt.rc_context({"text.parse_math": False, "font.size": 8}):
        fig, ax = plt.subplots(figsize=(7.2, 2.8))
        counts = t.series[0].counts if t.series else [0] * len(t.periods)
        cas = ([k + i for k, i in zip(t.series[0].killed, t.series[0].injured)] if t.series else [0] * len(t.periods))
        in_period = [data.start <= p + timedelta(days=6) and p <= data.end for p in t.periods]
        bottom = [0] * len(t.periods)
        # stacked by side, so a week of US strikes is not read as a week of attacks
        for side, colour in TIMELINE_COLOURS.items():
            series = data.side_timelines.get(side)
            if series is None or not series.series:
                continue
            by_period = dict(zip(series.periods, series.series[0].counts))
            values = [by_period.get(p, 0) for p in t.periods]
            if not any(values):
                continue
            ax.bar(t.periods, values, width=6, bottom=bottom, align="edge", color=colour, label=SIDE_LABELS[side] + "s",
                   edgecolor=["black" if x else colour for x in in_period], linewidth=0.6)
            bottom = [b + v for b, v in zip(bottom, values)]
        rest = [c - b for c, b in zip(counts, bottom)]
        if any(rest):
            ax.bar(t.periods, rest, width=6, bottom=bottom, align="edge", color="#bbbbbb", label="other")
        if any(in_period):
            first = t.periods[in_period.index(True)]
            last = t.periods[len(in_period) - 1 - in_period[::-1].index(True)]
            ax.axvspan(first, last + timedelta(days=7), color="#fff2b3", zorder=0, label="the report's period")
        ax.legend(loc="upper left", fontsize=7, frameon=False)
        if any(cas):
            ax2 = ax.twinx()
            ax2.plot([p for p, c in zip(t.periods, cas) if c], [c for c in cas if c], "k^", markersize=4,
                     label="killed + injured")
            ax2.set_ylabel("killed + injured")
            ax2.legend(loc="upper right", fontsize=7)
        ax.set_ylabel("incidents per week")
        from matplotlib.ticker import MaxNLocator

        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title("Incidents per week by side (weeks start Monday); the report's period shaded")
        ax.grid(True, axis="y", linewidth=0.3)
        fig.autofmt_xdate()
        return _png(fig)

