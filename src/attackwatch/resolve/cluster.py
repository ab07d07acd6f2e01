"""Incremental clustering of reports into incidents, with blocking so it stays near-linear.

Incidents told at day precision are indexed by (country, day) and by (admin1, day); a
report is compared only with incidents whose day it can reach, in its province when it
names one. Two reports of one article never share an incident (the extractor already
merged what the article itself tells as one). A coarse report ("an attack on US forces in
Syria this month") joins an incident only when exactly one fits, and never gathers precise
ones: precise reports are placed first and never join a coarse-only incident; a coarse-only
incident is folded into a precise one afterwards only when that one is its sole match.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Callable, Iterable

from attackwatch.resolve.keys import ReportKey
from attackwatch.resolve.match import THRESHOLD, compatible, score

# a coarse telling that reaches more candidates than this cannot be placed unambiguously
MAX_COARSE_CANDIDATES = 60


def incident_id_for(report_id: str) -> str:
    """An incident's id is derived from the report that founded it: stable across re-runs."""
    return "inc_" + hashlib.sha1(report_id.encode("utf-8")).hexdigest()[:12]


@dataclass
class Cluster:
    id: str
    members: list[ReportKey] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    rep: ReportKey | None = None  # the most precise telling stands for the incident
    precise: int = 0  # how many members are precise

    def add(self, key: ReportKey) -> bool:
        """Add a member; True when the representative changed."""
        self.members.append(key)
        self.articles.add(key.article_id)
        if not key.coarse:
            self.precise += 1
        if self.rep is None or _rank(key) > _rank(self.rep):
            self.rep = key
            return True
        return False

    @property
    def coarse_only(self) -> bool:
        return self.precise == 0


def _rank(k: ReportKey) -> tuple[int, int, int]:
    return (k.precision, k.place_rank, -len(k.id))


class Resolver:
    def __init__(self, taken: Callable[[str], bool] | None = None, protected: set[str] | None = None) -> None:
        """`taken(id)`: whether an incident id is already used outside this resolver (in the
        store), so a new incident never takes the id of one that was not loaded. `protected`:
        report ids an analyst split out, never folded back automatically."""
        self._taken = taken or (lambda _id: False)
        self._protected = protected or set()
        self._created: set[str] = set()
        self.clusters: dict[str, Cluster] = {}
        self.of_report: dict[str, str] = {}
        self._by_day: dict[tuple[str | None, int], set[str]] = {}
        self._by_admin1: dict[tuple[str, int], set[str]] = {}
        self._indexed: dict[str, list[tuple[dict, tuple]]] = {}  # type: ignore[type-arg]

    # -- index: only clusters with a precise representative, under its one day -------------------
    def _unindex(self, cid: str) -> None:
        for index, k in self._indexed.pop(cid, []):
            index.get(k, set()).discard(cid)

    def _reindex(self, c: Cluster) -> None:
        self._unindex(c.id)
        rep = c.rep
        if rep is None or not rep.dated or c.coarse_only:
            return
        entries: list[tuple[dict, tuple]] = []  # type: ignore[type-arg]
        for d in range(rep.lo, rep.hi + 1):
            entries.append((self._by_day, (rep.country, d)))
            if rep.admin1:
                entries.append((self._by_admin1, (rep.admin1, d)))
        for index, k in entries:
            index.setdefault(k, set()).add(c.id)
        self._indexed[c.id] = entries

    def _candidates(self, key: ReportKey) -> set[str] | None:
        """Incidents this report may belong to; None when too many to choose among."""
        if not key.dated or not key.country:
            return set()
        days = range(key.lo - 1, key.hi + 2)
        out: set[str] = set()
        if key.admin1 and len(days) > 4:
            for d in days:  # a month in one province: look only there
                out |= self._by_admin1.get((key.admin1, d), set())
        elif len(days) <= 9:
            for d in days:
                out |= self._by_day.get((key.country, d), set())
        else:
            return None  # "this month, somewhere in Syria": no way to single out one incident
        if key.coarse and len(out) > MAX_COARSE_CANDIDATES:
            return None
        return out

    # -- building ------------------------------------------------------------------------------
    def seed(self, cluster_id: str, keys: Iterable[ReportKey]) -> None:
        """Load an existing incident (from the store) as it is."""
        c = self.clusters.setdefault(cluster_id, Cluster(cluster_id))
        for k in keys:
            c.add(k)
            self.of_report[k.id] = cluster_id
        if c.members:
            self._reindex(c)

    def free_id(self, seed: str) -> str:
        cid = incident_id_for(seed)
        while cid in self.clusters or self._taken(cid):  # a report re-added after a split or an update
            cid = incident_id_for(cid)
        return cid

    def _new(self, key: ReportKey) -> str:
        cid = self.free_id(key.id)
        self.clusters[cid] = Cluster(cid)
        self._created.add(cid)
        self._join(cid, key)
        return cid

    def _join(self, cid: str, key: ReportKey) -> None:
        c = self.clusters[cid]
        was_coarse = c.coarse_only
        if c.add(key) or was_coarse != c.coarse_only or cid not in self._indexed:
            self._reindex(c)
        self.of_report[key.id] = cid

    def _eligible(self, key: ReportKey, cands: Iterable[str]) -> list[tuple[float, str]]:
        out = []
        for cid in cands:
            c = self.clusters[cid]
            if key.article_id in c.articles or c.rep is None:
                continue
            if compatible(key, c.rep):
                out.append((score(key, c.rep), cid))
        return out

    def add(self, key: ReportKey) -> str:
        """Place one report; returns its incident id."""
        if key.id in self.of_report:
            return self.of_report[key.id]
        cands = self._candidates(key)
        if cands is None:
            return self._new(key)
        eligible = self._eligible(key, cands)
        if key.coarse:
            if len(eligible) == 1:
                self._join(eligible[0][1], key)
                return eligible[0][1]
            return self._new(key)
        if eligible:
            best_score, best = max(eligible)
            if best_score >= THRESHOLD:
                self._join(best, key)
                return best
        return self._new(key)

    def add_all(self, keys: Iterable[ReportKey]) -> None:
        """Precise reports first, so coarse ones find the incidents they may belong to."""
        for k in sorted(keys, key=lambda k: (k.coarse, k.lo, k.id)):
            self.add(k)
        self.unfold_ambiguous()
        self.fold_coarse()

    def unfold_ambiguous(self) -> None:
        """A coarse telling placed earlier in its one fitting incident leaves it when a second
        incident now fits as well: the grouping must not depend on the order reports arrive in."""
        for c in [c for c in self.clusters.values() if not c.coarse_only and c.precise < len(c.members)]:
            for m in [m for m in c.members if m.coarse and m is not c.rep and m.id not in self._protected]:
                cands = self._candidates(m)
                fits = [] if cands is None else [
                    x for x in cands if m.article_id not in self.clusters[x].articles or x == c.id]
                fits = [x for x in fits if self.clusters[x].rep is not None and compatible(m, self.clusters[x].rep)]
                if cands is None or len(fits) > 1:
                    self._detach(c, m)

    def _take_out(self, c: Cluster, m: ReportKey) -> None:
        """Remove one member; the rest are re-added so the representative is recomputed."""
        fresh = Cluster(c.id)
        for other in c.members:
            if other is not m:
                fresh.add(other)
        self.clusters[c.id] = fresh
        self._reindex(fresh)
        del self.of_report[m.id]

    def _detach(self, c: Cluster, m: ReportKey) -> None:
        self._take_out(c, m)
        self._new(m)

    def fold_coarse(self) -> None:
        """Fold each coarse-only incident into the one precise incident it fits, if unique
        (an incident holding a report an analyst split out stays as it is)."""
        for cid in [c.id for c in self.clusters.values()
                    if c.coarse_only and not any(m.id in self._protected for m in c.members)]:
            c = self.clusters.get(cid)
            if c is None or c.rep is None:
                continue
            cands = self._candidates(c.rep)
            if not cands:
                continue
            fits = [o for o in (self.clusters[x] for x in cands)
                    if o.id != cid and not (o.articles & c.articles) and o.rep is not None and compatible(c.rep, o.rep)]
            if len(fits) == 1:
                self.merge(fits[0].id, cid)

    # -- analyst corrections -------------------------------------------------------------------
    def merge(self, keep: str, other: str) -> None:
        a, b = self.clusters[keep], self.clusters.pop(other)
        self._unindex(other)
        for m in b.members:
            a.add(m)
            self.of_report[m.id] = keep
        self._reindex(a)

    def split(self, report_id: str) -> str:
        """Take one report out of its incident into an incident of its own."""
        cid = self.of_report[report_id]
        c = self.clusters[cid]
        if len(c.members) == 1:
            return cid
        key = next(m for m in c.members if m.id == report_id)
        self._take_out(c, key)
        new = self.free_id("split:" + report_id)
        self.clusters[new] = Cluster(new)
        self._join(new, key)
        return new

    def groups(self) -> dict[str, list[str]]:
        return {cid: [m.id for m in c.members] for cid, c in self.clusters.items()}
