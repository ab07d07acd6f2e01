"""Incremental clustering of reports into incidents, with blocking so it stays near-linear.

Reports are indexed by (country, day): a report is compared only with incidents whose
dates it can reach. Two reports of one article never share an incident (the extractor
already merged what the article itself tells as one). A coarse report ("an attack on US
forces in Syria this month") joins an incident only when exactly one fits, and never
gathers precise ones around itself: precise reports are placed first, and a coarse-only
incident is folded into a precise one only when that one is its sole match.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Iterable

from attackwatch.resolve.keys import ReportKey
from attackwatch.resolve.match import THRESHOLD, compatible, score


def incident_id_for(report_id: str) -> str:
    """An incident's id is derived from the report that founded it: stable across re-runs."""
    return "inc_" + hashlib.sha1(report_id.encode("utf-8")).hexdigest()[:12]


@dataclass
class Cluster:
    id: str
    members: list[ReportKey] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)

    @property
    def rep(self) -> ReportKey:
        """The most precise telling stands for the incident in comparisons."""
        return max(self.members, key=lambda k: (k.precision, k.place_rank, -len(k.id)))

    @property
    def coarse_only(self) -> bool:
        return all(m.coarse for m in self.members)


class Resolver:
    def __init__(self) -> None:
        self.clusters: dict[str, Cluster] = {}
        self.of_report: dict[str, str] = {}
        self._index: dict[tuple[str | None, int], set[str]] = {}
        self._indexed: dict[str, list[tuple[str | None, int]]] = {}

    # -- index -------------------------------------------------------------------------
    def _reindex(self, c: Cluster) -> None:
        for k in self._indexed.pop(c.id, []):
            self._index.get(k, set()).discard(c.id)
        rep = c.rep
        if not rep.dated:
            return
        keys = [(rep.country, d) for d in range(rep.lo, rep.hi + 1)]
        for k in keys:
            self._index.setdefault(k, set()).add(c.id)
        self._indexed[c.id] = keys

    def _candidates(self, key: ReportKey) -> set[str]:
        if not key.dated or not key.country:
            return set()
        out: set[str] = set()
        for d in range(key.lo - 1, key.hi + 2):
            out |= self._index.get((key.country, d), set())
        return out

    # -- building ------------------------------------------------------------------------
    def seed(self, cluster_id: str, keys: Iterable[ReportKey]) -> None:
        """Load an existing incident (from the store) as it is."""
        c = self.clusters.setdefault(cluster_id, Cluster(cluster_id))
        for k in keys:
            c.members.append(k)
            c.articles.add(k.article_id)
            self.of_report[k.id] = cluster_id
        if c.members:
            self._reindex(c)

    def _new(self, key: ReportKey) -> str:
        cid = incident_id_for(key.id)
        while cid in self.clusters:  # a report re-added after a split: keep ids unique
            cid = incident_id_for(cid)
        self.clusters[cid] = Cluster(cid)
        self._join(cid, key)
        return cid

    def _join(self, cid: str, key: ReportKey) -> None:
        c = self.clusters[cid]
        c.members.append(key)
        c.articles.add(key.article_id)
        self.of_report[key.id] = cid
        self._reindex(c)

    def add(self, key: ReportKey) -> str:
        """Place one report; returns its incident id."""
        if key.id in self.of_report:
            return self.of_report[key.id]
        eligible: list[tuple[float, str]] = []
        for cid in self._candidates(key):
            c = self.clusters[cid]
            if key.article_id in c.articles:
                continue
            if not key.coarse and c.coarse_only:
                continue  # a coarse telling must not gather precise ones
            if compatible(key, c.rep):
                eligible.append((score(key, c.rep), cid))
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
        self.fold_coarse()

    def fold_coarse(self) -> None:
        """Fold each coarse-only incident into the one precise incident it fits, if unique."""
        for cid in [c.id for c in self.clusters.values() if c.coarse_only]:
            c = self.clusters.get(cid)
            if c is None:
                continue
            rep = c.rep
            fits = [o for o in (self.clusters[x] for x in self._candidates(rep))
                    if o.id != cid and not o.coarse_only and not (o.articles & c.articles) and compatible(rep, o.rep)]
            if len(fits) == 1:
                self.merge(fits[0].id, cid)

    # -- analyst corrections ------------------------------------------------------------------
    def merge(self, keep: str, other: str) -> None:
        a, b = self.clusters[keep], self.clusters.pop(other)
        for k in self._indexed.pop(other, []):
            self._index.get(k, set()).discard(other)
        for m in b.members:
            a.members.append(m)
            a.articles.add(m.article_id)
            self.of_report[m.id] = keep
        self._reindex(a)

    def split(self, report_id: str) -> str:
        """Take one report out of its incident into an incident of its own."""
        cid = self.of_report[report_id]
        c = self.clusters[cid]
        key = next(m for m in c.members if m.id == report_id)
        if len(c.members) == 1:
            return cid
        c.members.remove(key)
        c.articles = {m.article_id for m in c.members}
        self._reindex(c)
        del self.of_report[report_id]
        new = incident_id_for("split:" + report_id)
        self.clusters[new] = Cluster(new)
        self._join(new, key)
        return new

    def groups(self) -> dict[str, list[str]]:
        return {cid: [m.id for m in c.members] for cid, c in self.clusters.items()}
