"""Incremental clustering of reports into incidents, with blocking so it stays near-linear.

Incidents are indexed by (country, day) and by (admin1, day) of their representative's days;
a report is compared only with incidents whose day it can reach, in its province when it
names one. Two reports of one article never share an incident (the extractor already merged
what the article itself tells as one).

Precise tellings (a day and a town or site) join the best-scoring incident. A coarse telling
(a week, a month, or no finer than a country: "the January 2020 killing of Soleimani", "an
attack on US forces in Syria this month") joins an incident only when it fits exactly one,
and never gathers precise ones: precise reports are placed first and never join a
coarse-only incident. Coarse tellings told to the day ("US strikes in Iraq on Sunday")
found incidents other coarse tellings may join, but two coarse-only incidents are put
together only when each is the other's sole fit. Coarse-only incidents are folded into the
one incident they fit afterwards, and a coarse telling leaves an incident when a second one
fits as well, so the grouping does not depend on the order reports arrive in. A country's
part of a strike wave ("strikes on 85 targets in Iraq and Syria", placed by the country
alone) never joins a strike at a named town or site: the coding rules make it an incident
of its own, one per country.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Callable, Iterable

from attackwatch.resolve.keys import ReportKey
from attackwatch.resolve.match import (FIT_THRESHOLD, SAME_DEAD_DAYS, THRESHOLD, compatible, field_score, same_dead,
                                       text_score)

# a coarse telling that reaches more candidates than this cannot be placed unambiguously
MAX_COARSE_CANDIDATES = 60
# how much better than any other a coarse telling must fit one incident to join it among several
CLEAR_MARGIN = 1.5
# how many tellings one placement may displace in turn (each to a place it fits less well)
MAX_DISPLACEMENTS = 3
# the longest interval looked up day by day country-wide: a month (and the day either side)
MAX_REACH_DAYS = 33


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


def affinity(key: ReportKey, c: Cluster, leaving: ReportKey | None = None, floor: float | None = None) -> float | None:
    """How well a telling goes with an incident: None when a hard constraint rules it out
    against the incident's representative or any of its precise tellings (so an incident
    neither creeps along a run of daily attacks on one base nor gathers the towns of a
    province one by one); else its best score against any precise member, or any member of
    a coarse-only incident (`leaving`: a member left out, the telling itself when it is
    one). The best member rather than the representative alone, so the outcome does not
    hang on which of equally precise tellings represents the incident; precise members
    only, so neither does it hang on which coarse tellings happened to join first (and a
    coarse telling never gathers precise ones). With a `floor`, a score that cannot reach it
    even with identical evidence is returned without comparing the text (the dear part)."""
    if leaving is None and (c.rep is None or not (compatible(key, c.rep) or _spanned(key, c.rep, c.members)
                                                  or _within_span(key, c.rep, c.members))):
        return None  # the common case, ruled out before anything else is computed
    if _wave_against_site(key, [m for m in c.members if m is not leaving]):
        return None
    precise = any(not m.coarse and m is not leaving for m in c.members)
    members = [m for m in c.members if m is not leaving and not (precise and m.coarse)]
    rep = c.rep if c.rep is not leaving else max(members, key=_rank, default=None)
    if rep is None or (leaving is not None and not (compatible(key, rep) or _spanned(key, rep, members)
                                                    or _within_span(key, rep, members))):
        return None
    best, best_fields = rep, -1e9
    for m in members:  # the fields first; the text (dearer) only against the closest member
        if m is not rep and not compatible(key, m):
            if not m.coarse and not _spanned(key, m, members) and not _within_span(key, m, members):
                return None
            continue
        f = field_score(key, m)
        if f > best_fields:
            best, best_fields = m, f
    if floor is not None and best_fields + 1.0 < floor:
        return best_fields
    return best_fields + text_score(key, best)


def _spanned(key: ReportKey, m: ReportKey, members: list[ReportKey]) -> bool:
    """Member `m` is one telling of a toll of dead another member tells up to two days off
    (match.same_dead), and `key`, which agrees with `m` on all but the day, falls within those
    days and agrees with the other: "the attack on December 27th" joins the K-1 attack told on
    the 27th and, by the strikes answering it, on the 29th. Beyond those days it does not, so
    an incident still never creeps along a run of daily attacks."""
    if m.precision != 3 or not compatible(key, m, days=False):
        return False
    return any(p is not m and p.precision == 3 and abs(p.lo - m.lo) > 1 and same_dead(p, m)
               and min(p.lo, m.lo) <= key.lo and key.hi <= max(p.lo, m.lo) and compatible(key, p) for p in members)


def _within_span(key: ReportKey, m: ReportKey, members: list[ReportKey]) -> bool:
    """The converse of `_spanned`: `key` tells the same dead as a member two days off, and member
    `m`, which tells no toll, falls within those days and agrees with that member: the K-1 attack
    told on the 29th (by the strikes answering it) joins the 27th's, to which "the same place
    struck on December 27" already belongs."""
    if m.precision != 3 or key.precision != 3 or not compatible(key, m, days=False):
        return False
    return any(p is not m and p.precision == 3 and abs(p.lo - key.lo) > 1 and same_dead(key, p)
               and min(p.lo, key.lo) <= m.lo <= max(p.lo, key.lo) and compatible(m, p) for p in members)


def _wave_against_site(key: ReportKey, members: list[ReportKey]) -> bool:
    """A country's part of a strike wave and a strike at a named town or site are two incidents
    (the coding rules: a wave told by country is one incident per country), whichever comes first."""
    if key.wave_part:
        return any(m.place_rank >= 3 for m in members)
    return key.place_rank >= 3 and any(m.wave_part for m in members)


def chosen(found: list[tuple[float, str]] | None) -> str | None:
    """The incident a coarse telling belongs to: the one it fits, or among several the one it
    fits far better than any other ("the January 2020 strike at Baghdad airport" against a
    rocket attack in Baghdad that month); None when it may be more than one."""
    if not found:
        return None
    if len(found) == 1 or found[0][0] - found[1][0] >= CLEAR_MARGIN:
        return found[0][1]
    return None


def _rank(k: ReportKey) -> tuple[int, int, int, str]:
    # a total order, so the representative of a set of reports is the same whatever order
    # they joined in
    return (k.precision, k.place_rank, -len(k.id), k.id)


class Resolver:
    def __init__(self, taken: Callable[[str], bool] | None = None, protected: set[str] | None = None,
                 loaded: Callable[[ReportKey], bool] | None = None) -> None:
        """`taken(id)`: whether an incident id is already used outside this resolver (in the
        store), so a new incident never takes the id of one that was not loaded. `protected`:
        report ids an analyst split out, never folded back automatically. `loaded(key)`:
        whether every incident a loaded coarse telling can reach was loaded too (the store
        loads a window around a batch); one that was not is left where it is, as deciding
        that it fits one incident alone needs all of them."""
        self._taken = taken or (lambda _id: False)
        self._loaded = loaded or (lambda _key: True)
        self._protected = protected or set()
        self._created: set[str] = set()
        self.clusters: dict[str, Cluster] = {}
        self.of_report: dict[str, str] = {}
        self._by_day: dict[tuple[str | None, int], set[str]] = {}
        self._by_admin1: dict[tuple[str, int], set[str]] = {}
        # incidents placed by no province (a country, a region): a telling in one province may be
        # one of them, and looks them up beside its province's
        self._by_country_only: dict[tuple[str | None, int], set[str]] = {}
        self._indexed: dict[str, list[tuple[dict, tuple]]] = {}  # type: ignore[type-arg]

    # -- index: clusters under each day of their representative ---------------------------------
    def _unindex(self, cid: str) -> None:
        for index, k in self._indexed.pop(cid, []):
            index.get(k, set()).discard(cid)

    def _reindex(self, c: Cluster) -> None:
        self._unindex(c.id)
        rep = c.rep
        # a coarse-only incident is found only when told to the day: "a rocket attack in Iraq
        # in December" founds nothing another telling could be sure to mean
        if rep is None or not rep.dated or (c.coarse_only and rep.precision < 3):
            return
        entries: list[tuple[dict, tuple]] = []  # type: ignore[type-arg]
        # the representative's days, and those of the tellings of its dead two days off (match.same_dead)
        days = set(range(rep.lo, rep.hi + 1)) | {m.lo for m in c.members if m.precision == 3 and not m.coarse}
        for d in sorted(days):
            entries.append((self._by_day, (rep.country, d)))
            if rep.admin1:
                entries.append((self._by_admin1, (rep.admin1, d)))
            else:
                entries.append((self._by_country_only, (rep.country, d)))
        for index, k in entries:
            index.setdefault(k, set()).add(c.id)
        self._indexed[c.id] = entries

    def _candidates(self, key: ReportKey) -> set[str] | None:
        """Incidents this report may belong to; None when too many to choose among."""
        if not key.dated or not key.country:
            return set()
        # a day either side; two for a telling with dead, which may join the same dead told
        # two days apart (match.same_dead)
        reach = SAME_DEAD_DAYS if key.precision == 3 and key.killed else 1
        days = range(key.lo - reach, key.hi + reach + 1)
        out: set[str] = set()
        if key.admin1 and key.hi - key.lo > 2:
            for d in days:  # a month in one province: look only there, and at the country-wide
                out |= self._by_admin1.get((key.admin1, d), set()) | self._by_country_only.get((key.country, d), set())
        elif len(days) <= MAX_REACH_DAYS:
            for d in days:  # up to a month country-wide: a day's lookups each, capped below
                out |= self._by_day.get((key.country, d), set())
        else:
            return None  # "this year, somewhere in Syria": no way to single out one incident
        if key.coarse and len(out) > MAX_COARSE_CANDIDATES:
            return None
        return out

    def _fits(self, key: ReportKey, articles: set[str], skip: str | None = None) -> list[tuple[float, str]] | None:
        """(score, incident) for each incident coarse telling `key` fits, best first, leaving out
        `skip` and any incident holding a report of `articles`; None when too many are in
        reach to choose among."""
        cands = self._candidates(key)
        if cands is None:
            return None
        out = []
        for cid in cands:
            c = self.clusters[cid]
            if cid == skip or c.rep is None or c.articles & articles:
                continue
            s = affinity(key, c, floor=FIT_THRESHOLD)
            if s is not None and s >= FIT_THRESHOLD:
                out.append((s, cid))
        return self._distinct(sorted(out, key=lambda sc: (-sc[0], sc[1])))

    def _distinct(self, found: list[tuple[float, str]]) -> list[tuple[float, str]]:
        """Leave out of a telling's fits a coarse-only incident that itself fits one of the
        precise ones: it is that incident told coarsely (and will be folded into it), not a
        second candidate. One that cannot (another telling of the same article's wave) stays."""
        precise = [self.clusters[cid] for _, cid in found if not self.clusters[cid].coarse_only]
        if not precise:
            return found
        out = []
        for s, cid in found:
            c = self.clusters[cid]
            if c.coarse_only and c.rep is not None and any(
                    not (p.articles & c.articles) and (affinity(c.rep, p, floor=FIT_THRESHOLD) or 0.0) >= FIT_THRESHOLD for p in precise):
                continue
            out.append((s, cid))
        return out

    def _fits_with(self, key: ReportKey, c: Cluster) -> list[tuple[float, str]] | None:
        """`_fits` of a member of `c`, `c` itself counted when it fits its representative."""
        others = self._fits(key, {key.article_id}, skip=c.id)
        own = affinity(key, c, leaving=key)
        if others is None or own is None or own < FIT_THRESHOLD:
            return others
        return self._distinct(sorted([*others, (own, c.id)], key=lambda sc: (-sc[0], sc[1])))

    def _sole_partner(self, c: Cluster, other: str | None) -> bool:
        """Two coarse-only incidents go together only when each is the other's sole fit (`other`:
        the incident of the telling joining `c`, None for one not placed yet): a country-wide
        telling that fits two incidents of one strike wave may mean either."""
        if not c.coarse_only:
            return True
        assert c.rep is not None
        rest = self._fits(c.rep, c.articles, skip=c.id)
        return rest is not None and all(x == other for _, x in rest)

    def _settled(self, c: Cluster) -> bool:
        """A coarse-only incident can be decided on: all it can reach is loaded."""
        return not c.coarse_only or all(self._loaded(m) for m in c.members)

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
        # a precise telling of another day (the same dead two days off) adds its day to the index
        new_day = not key.coarse and key.precision == 3 and c.rep is not None and not c.rep.lo <= key.lo <= c.rep.hi
        if c.add(key) or was_coarse != c.coarse_only or cid not in self._indexed or new_day:
            self._reindex(c)
        self.of_report[key.id] = cid

    def _eligible(self, key: ReportKey, cands: Iterable[str]) -> list[tuple[float, str, ReportKey | None]]:
        """(score, incident, rival) for each precise incident the telling may join; `rival`: a
        telling of the same article already there, which the new one displaces when it fits
        the rest of the incident better (so which of an article's two tellings of one event
        joins the other outlets' does not depend on which arrived first)."""
        out: list[tuple[float, str, ReportKey | None]] = []
        for cid in cands:
            c = self.clusters[cid]
            if c.rep is None or c.coarse_only:
                continue
            if key.article_id not in c.articles:
                s = affinity(key, c, floor=THRESHOLD)
                if s is not None:
                    out.append((s, cid, None))
                continue
            rival = next(m for m in c.members if m.article_id == key.article_id)
            if rival.coarse or rival.id in self._protected or c.precise < 2:
                continue
            s, r = affinity(key, c, leaving=rival), affinity(rival, c, leaving=rival)
            if s is not None and r is not None and (s, rival.id) > (r, key.id):
                out.append((s, cid, rival))
        return out

    def add(self, key: ReportKey, _depth: int = 0) -> str:
        """Place one report; returns its incident id."""
        if key.id in self.of_report:
            return self.of_report[key.id]
        if key.coarse:
            found = chosen(self._fits(key, {key.article_id}))
            if found is not None and self._settled(self.clusters[found]) and self._sole_partner(self.clusters[found], None):
                self._join(found, key)
                return found
            return self._new(key)
        cands = self._candidates(key)
        eligible = [e for e in self._eligible(key, cands or ()) if e[2] is None or _depth < MAX_DISPLACEMENTS]
        if eligible:
            best_score, best, rival = max(eligible, key=lambda e: (e[0], e[1]))
            if best_score >= THRESHOLD:
                if rival is not None:
                    self._take_out(self.clusters[best], rival)
                self._join(best, key)
                if rival is not None:
                    self.add(rival, _depth + 1)
                return best
        return self._new(key)

    def add_all(self, keys: Iterable[ReportKey]) -> None:
        """Precise reports first, then coarse ones from the finest (a day, country-wide) to the
        coarsest (a month), so each finds the incidents it may belong to. Then coarse-only
        incidents settle: folded whole into the one incident they fit (tellings that arrived
        before the precise one they belong to), tellings that now fit two incidents taken
        out, and what was taken out folded again where it fits alone."""
        for k in sorted(keys, key=lambda k: (k.coarse, -k.precision, k.lo, k.id)):
            self.add(k)
        self.fold_coarse()
        self.unfold_ambiguous()
        self.fold_coarse()

    def unfold_ambiguous(self) -> None:
        """A coarse telling placed earlier in its one fitting incident leaves it when a second
        incident now fits as well: the grouping must not depend on the order reports arrive in."""
        for c in [c for c in self.clusters.values() if c.precise < len(c.members) and len(c.members) > 1]:
            for m in [m for m in c.members
                      if m.coarse and m is not c.rep and m.id not in self._protected and self._loaded(m)]:
                c = self.clusters[c.id]  # _take_out replaces the cluster
                if chosen(self._fits_with(m, c)) != c.id:
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
        """Fold each coarse-only incident into the one incident it fits, if unique (an incident
        holding a report an analyst split out stays as it is); finest first, so a month-long
        telling meets the day-long ones already gathered, and in the order `add_all` places
        tellings (of two tellings of one article that fit one incident, the same one joins)."""
        order = sorted((c for c in self.clusters.values() if c.coarse_only and c.rep is not None),
                       key=lambda c: (-c.rep.precision, c.rep.lo, c.rep.id))  # type: ignore[union-attr]
        for cid in [c.id for c in order if not any(m.id in self._protected for m in c.members)]:
            c = self.clusters.get(cid)
            if c is None or c.rep is None or not self._settled(c):
                continue
            found = chosen(self._fits(c.rep, c.articles, skip=cid))
            if found is not None and self._settled(self.clusters[found]) and self._sole_partner(self.clusters[found], cid):
                self.merge(found, cid)

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
