"""Domain packs: the data files that hold all domain knowledge (see docs/packs.md).

Packs load lazily, on first use, and are cached per process.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from attackwatch.text.normalize import fold

PACKS_DIR = Path(__file__).parent
DEFAULT_PACK = "default"


class PackError(ValueError):
    """A pack file is missing or malformed."""


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    kind: str  # country | admin1 | town | site | area
    name: str
    country_code: str | None
    admin1_code: str | None
    lat: float | None
    lon: float | None
    site_type: str | None = None
    admin1_codes: tuple[str, ...] = ()
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    cased_aliases: tuple[str, ...] = ()

    @property
    def rank(self) -> int:
        """Precision rank: higher is more precise."""
        return {"country": 0, "area": 1, "admin1": 2, "town": 3, "site": 4}.get(self.kind, 0)

    @property
    def covered_admin1(self) -> frozenset[str]:
        codes = set(self.admin1_codes)
        if self.admin1_code:
            codes.add(self.admin1_code)
        return frozenset(codes)


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str  # militia | umbrella | state | coalition | generic | person
    parent: str | None = None
    side: str | None = None
    country_code: str | None = None
    aliases: tuple[str, ...] = ()
    cased_aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()  # "American jets", "Israeli strike": the state acts


@dataclass(frozen=True, slots=True)
class Landmark:
    id: str
    name: str
    aliases: tuple[str, ...]
    fields: dict[str, Any] = field(default_factory=dict)


def read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) from a pack JSONL file; `//` lines are comments."""
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise PackError(f"{path}:{n}: not JSON: {exc}") from exc
            if not isinstance(obj, dict):
                raise PackError(f"{path}:{n}: expected a JSON object")
            yield n, obj


_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|at|az|an|ash)[- ](?=\w{3})", re.I)


def alias_variants(alias: str) -> set[str]:
    """Spelling variants of an alias that news copy uses interchangeably.

    Hyphens and spaces alternate (al-Asad / al Asad), apostrophes come and go
    (Kata'ib / Kataib), and the Arabic article may be dropped (al-Tanf / Tanf).
    """
    base = " ".join(fold(alias).split())
    out = {base}
    for v in list(out):
        out.add(v.replace("'", ""))
    for v in list(out):
        out.add(v.replace("-", " "))
        out.add(re.sub(r"\s*-\s*", "-", v))
    for v in list(out):
        stripped = _ARTICLE.sub("", v)
        if stripped != v and " " not in v.strip() or (stripped != v and len(stripped) >= 4):
            out.add(stripped)
    return {" ".join(v.split()) for v in out if v.strip()}


def _with_town_spellings(places: dict[str, Place], curated: dict[str, tuple[str, ...]]) -> dict[str, Place]:
    """A site named after its town takes every spelling of the town: "Erbil International
    Airport" is also "Arbil International Airport" and "Irbil International Airport" (news copy
    spells the town, not the site). The town's curated spellings only (the package's and the
    rule-made ones are too many to multiply), towns of the site's province only; a made name
    another place already uses is not added."""
    taken = {a.lower() for p in places.values() for a in p.aliases}
    spellings: dict[tuple[str | None, str], set[str]] = {}
    for p in places.values():
        if p.kind == "town":
            words = {a for a in curated.get(p.id, ()) if " " not in a.strip() and len(a) >= 4}
            for a in words:
                spellings.setdefault((p.admin1_code, a.lower()), set()).update(words)
    out: dict[str, Place] = {}
    for pid, p in places.items():
        if p.kind != "site":
            out[pid] = p
            continue
        made: list[str] = []
        for alias in p.aliases:
            first, _, rest = alias.partition(" ")
            for other in sorted(spellings.get((p.admin1_code, first.lower()), ())):
                name = f"{other} {rest}".strip() if rest else other
                if rest and name.lower() not in taken and other.lower() != first.lower():
                    made.append(name)
                    taken.add(name.lower())
        out[pid] = replace(p, aliases=p.aliases + tuple(made)) if made else p
    return out


class Pack:
    """All data of one pack, loaded on first access of each part."""

    def __init__(self, root: Path):
        if not root.is_dir():
            raise PackError(f"no such pack: {root}")
        self.root = root
        meta_path = root / "pack.json"
        self.meta: dict[str, Any] = json.loads(meta_path.read_text("utf-8")) if meta_path.exists() else {}
        self.name: str = self.meta.get("name", root.name)
        self.version: str = str(self.meta.get("version", "0"))
        self.theatre: frozenset[str] = frozenset(self.meta.get("theatre", []))

    def _path(self, name: str) -> Path:
        return self.root / name

    @property
    def places(self) -> dict[str, Place]:
        if not hasattr(self, "_places"):
            places: dict[str, Place] = {}
            curated: dict[str, tuple[str, ...]] = {}
            for n, o in read_jsonl(self._path("places.jsonl")):
                curated[o.get("id", "")] = tuple(o.get("aliases") or ())
                try:
                    places[o["id"]] = Place(
                        id=o["id"], kind=o["kind"], name=o["name"],
                        country_code=o.get("country_code"), admin1_code=o.get("admin1_code"),
                        lat=o.get("lat"), lon=o.get("lon"), site_type=o.get("site_type"),
                        admin1_codes=tuple(o.get("admin1_codes") or ()), parent=o.get("parent"),
                        # a package's spellings and the rule-made ones (tools/build_places.py) match
                        # like the curated aliases; they are kept apart in the file to say where
                        # each came from
                        aliases=tuple((o.get("aliases") or []) + (o.get("source_aliases") or [])
                                      + (o.get("variants") or [])),
                        cased_aliases=tuple(o.get("cased_aliases") or ()))
                except KeyError as exc:
                    raise PackError(f"places.jsonl:{n}: missing field {exc}") from exc
            self._places = _with_town_spellings(places, curated)
        return self._places

    @property
    def actors(self) -> dict[str, Actor]:
        if not hasattr(self, "_actors"):
            actors: dict[str, Actor] = {}
            for n, o in read_jsonl(self._path("actors.jsonl")):
                try:
                    actors[o["id"]] = Actor(
                        id=o["id"], name=o["name"], kind=o["kind"], parent=o.get("parent"),
                        side=o.get("side"), country_code=o.get("country_code"),
                        aliases=tuple(o.get("aliases") or ()),
                        cased_aliases=tuple(o.get("cased_aliases") or ()),
                        demonyms=tuple(o.get("demonyms") or ()))
                except KeyError as exc:
                    raise PackError(f"actors.jsonl:{n}: missing field {exc}") from exc
            self._actors = self._with_spellings(actors)
        return self._actors

    def _with_spellings(self, actors: dict[str, Actor]) -> dict[str, Actor]:
        """Add each group's spellings by rule (Kata'ib/Kataib/Kataeb..., from spellings.jsonl),
        unless another actor lists that spelling itself."""
        path = self._path("spellings.jsonl")
        if not path.exists():
            return actors
        from attackwatch.packs.variants import word_family_variants

        families: dict[str, tuple[str, ...]] = {}
        for _, o in read_jsonl(path):
            forms = tuple(o["forms"])
            for f in forms:
                families[f.lower().replace("'", "")] = forms
        listed = {n.lower(): a.id for a in actors.values() for n in (a.name, *a.aliases)}
        out: dict[str, Actor] = {}
        for a in actors.values():
            if a.kind not in ("militia", "umbrella"):
                out[a.id] = a
                continue
            have = {n.lower() for n in (a.name, *a.aliases)}
            extra = []
            for n in (a.name, *a.aliases):
                for v in word_family_variants(n, families):
                    if v.lower() not in have and listed.get(v.lower(), a.id) == a.id:
                        have.add(v.lower())
                        extra.append(v)
            out[a.id] = replace(a, aliases=(*a.aliases, *extra))
        return out

    @property
    def landmarks(self) -> dict[str, Landmark]:
        if not hasattr(self, "_landmarks"):
            marks: dict[str, Landmark] = {}
            path = self._path("landmarks.jsonl")
            if path.exists():
                for _, o in read_jsonl(path):
                    fields = {k: v for k, v in o.items() if k not in ("id", "name", "aliases")}
                    marks[o["id"]] = Landmark(o["id"], o["name"], tuple(o.get("aliases") or ()), fields)
            self._landmarks = marks
        return self._landmarks

    def rules(self, name: str) -> list[dict[str, Any]]:
        """Rows of a rules file (weapons, cues, chrome)."""
        cache = self.__dict__.setdefault("_rules", {})
        if name not in cache:
            path = self._path(f"{name}.jsonl")
            cache[name] = [o for _, o in read_jsonl(path)] if path.exists() else []
        return cache[name]

    def rows_by_id(self, name: str) -> dict[str, dict[str, Any]]:
        """Rows of a rules file keyed by id (built once)."""
        cache = self.__dict__.setdefault("_rows_by_id", {})
        if name not in cache:
            cache[name] = {r["id"]: r for r in self.rules(name)}
        return cache[name]

    def place_by_name(self, name: str) -> Place | None:
        key = name.lower()
        for p in self.places.values():
            if p.name.lower() == key or key in (a.lower() for a in p.aliases):
                return p
        return None

    def actor_by_name(self, name: str | None) -> Actor | None:
        if not name:
            return None
        key = name.lower()
        for a in self.actors.values():
            if a.name.lower() == key:
                return a
        return None

    def _coded(self, kind: str, code: str | None) -> Place | None:
        if not code:
            return None
        index = self.__dict__.setdefault("_code_index", {})
        if not index:
            for p in self.places.values():
                if p.kind == "country" and p.country_code:
                    index[("country", p.country_code.upper())] = p
                elif p.kind == "admin1" and p.admin1_code:
                    index[("admin1", p.admin1_code.upper())] = p
        return index.get((kind, code.upper()))

    def country(self, code: str | None) -> Place | None:
        """The country entry for an ISO 3166-1 alpha-2 code."""
        return self._coded("country", code)

    def admin1(self, code: str | None) -> Place | None:
        """The first-level division entry for an ISO 3166-2 code."""
        return self._coded("admin1", code)

    @property
    def demonyms(self) -> dict[str, Actor]:
        """Nationality adjective -> the state it names ("American" -> United States)."""
        if not hasattr(self, "_demonyms"):
            self._demonyms = {d: a for a in self.actors.values() for d in a.demonyms}
        return self._demonyms

    def resolve_actor(self, actor_id: str) -> Actor:
        """A person's name stands for the state they lead."""
        actor = self.actors[actor_id]
        if actor.kind == "person" and actor.parent in self.actors:
            return self.actors[actor.parent]
        return actor


@lru_cache(maxsize=8)
def get_pack(name: str = DEFAULT_PACK) -> Pack:
    """Load (once) the pack named `name` (a folder under packs/) or at path `name`."""
    path = Path(name)
    root = path if path.is_dir() else PACKS_DIR / name
    return Pack(root)
