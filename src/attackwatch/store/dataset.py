"""The incident dataset: ingest articles into a store, resolve their reports into incidents,
and keep analyst corrections (merge, split, field edits) across re-resolution.

Edits are anchored on report ids, not incident ids: a merge remembers the reports of both
sides, a split the report taken out, a field edit the reports of the incident it was made
on. After any re-resolution they are re-applied in the order they were made.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Iterator

from attackwatch.models import Article, Report
from attackwatch.resolve.cluster import Resolver, incident_id_for
from attackwatch.resolve.keys import ReportKey, date_interval, report_key
from attackwatch.resolve.merge import merge_reports
from attackwatch.store.review import DECISIONS, REVIEW_FIELD, review_status
from attackwatch.store.sqlite import SqliteStore, now

EDITABLE = {"date", "date_precision", "event_type", "weapon", "actor", "claimed", "target_type", "target_actor", "place",
            "admin1", "admin1_code", "country", "country_code", "latitude", "longitude", "geo_precision", "killed",
            "injured", "intercepted", "confirmation", "background"}


@dataclass
class IngestSummary:
    """What an ingest did. It adds up: every stored report founded an incident, joined one
    (already stored, or founded earlier in the same run) or was dropped (with the reason);
    incidents created less those folded into others or left without reports is the net change."""
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    reports: int = 0
    incidents_created: int = 0
    incidents_merged: int = 0  # reports that joined an incident already stored
    reports_founding: int = 0  # reports that founded a new incident
    reports_joined_new: int = 0  # reports that joined an incident founded in the same run
    incidents_folded: int = 0  # incidents folded into another (a coarse telling of it)
    incidents_removed: int = 0  # incidents left without reports (their article was replaced)
    dropped: Counter[str] = field(default_factory=Counter)  # reason -> reports stored but in no incident
    errors: list[str] = field(default_factory=list)

    def add(self, other: "IngestSummary") -> None:
        for name in ("new", "updated", "unchanged", "failed", "reports", "incidents_created", "incidents_merged",
                     "reports_founding", "reports_joined_new", "incidents_folded", "incidents_removed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.dropped.update(other.dropped)
        self.errors += other.errors

    def line(self) -> str:
        joined = self.incidents_merged + self.reports_joined_new
        dropped = sum(self.dropped.values())
        why = f" ({'; '.join(f'{n} {reason}' for reason, n in self.dropped.most_common())})" if dropped else ""
        net = self.incidents_created - self.incidents_folded - self.incidents_removed
        gone = [f"{n} {what}" for n, what in ((self.incidents_folded, "folded into another"),
                                              (self.incidents_removed, "left without reports")) if n]
        return (f"{self.new} articles new, {self.updated} updated, {self.unchanged} unchanged, {self.failed} failed; "
                f"{self.reports} reports: {self.reports_founding} founded a new incident, {joined} joined one "
                f"({self.incidents_merged} already stored, {self.reports_joined_new} founded in this run), "
                f"{dropped} dropped{why}; incidents: {self.incidents_created} created"
                + (f", {', '.join(gone)}" if gone else "") + f" (net {net:+d})")


def content_hash(article: Article) -> str:
    h = hashlib.sha256()
    h.update((article.source_text or article.text).encode("utf-8"))
    h.update(str(article.published).encode("utf-8"))
    return h.hexdigest()


# the article fields a store keeps (besides ingested_at), as `extracted_row` gives them
ARTICLE_FIELDS = ("id", "url", "outlet", "title", "published", "content_hash", "text", "path", "author")


def extracted_row(article: Article, reports: list[Report]) -> dict[str, Any]:
    """An extracted article as a plain row: the article fields a store keeps and its reports as
    contract dicts. What `add_extracted` stores and `attackwatch batch` writes to Parquet."""
    return {"id": article.id, "url": article.url, "outlet": article.outlet, "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "content_hash": content_hash(article), "text": article.text, "path": article.path,
            "author": article.author, "reports": [r.to_dict() for r in reports]}


@dataclass
class RecomputeReads:
    """What `Dataset.recompute` needs for a set of incidents, read in bulk."""
    members: dict[str, list[str]]  # incident id -> report ids (incidents without members left out)
    rows: dict[str, Any]  # report id -> report row (report_rows)
    field_edits: list[dict[str, Any]]  # the field edits, in the order they were made
    homes: list[str | None]  # the incident each of them belongs to now
    previous: dict[str, tuple[dict[str, Any], str]] = field(default_factory=dict)  # id -> (record, updated_at) stored


class Dataset:
    def __init__(self, store: SqliteStore):
        self.store = store
        self.cause = "ingest"  # what the change log says made the changes being recorded

    # -- keys and records ------------------------------------------------------------------
    def _keys(self, report_ids: list[str]) -> dict[str, ReportKey]:
        return {row["id"]: report_key(json.loads(row["data"]), row["id"], row["outlet"])
                for row in self.store.report_rows(report_ids)}

    def recompute(self, incident_id: str, edits: list[dict[str, Any]] | None = None,
                  reads: RecomputeReads | None = None, kind: str | None = None,
                  other_id: str | None = None) -> dict[str, Any] | None:
        """Rebuild one incident's canonical record from its reports and the edits on it
        (`edits`: the edit log, when the caller recomputes many incidents and read it once;
        `reads`: what `recompute_reads` read at once for many incidents, this one among them),
        and log what changed (`kind`/`other_id`: what to call a new incident, e.g. a split)."""
        if reads is None:
            reads = self.recompute_reads([incident_id], edits)
        members = reads.members.get(incident_id)
        previous = reads.previous.get(incident_id)
        if not members:
            self.store.delete_incident(incident_id)
            if previous is not None:
                self.log_changes([change(incident_id, "removed", self.cause, reports=_articles_diff(previous[0], None))])
            return None
        pairs = [(json.loads(r["data"]), {"id": r["article_id"], "outlet": r["outlet"], "url": r["url"],
                                          "published": r["published"]})
                 for r in (reads.rows[rid] for rid in members if rid in reads.rows)]
        record = merge_reports(incident_id, pairs)
        applied = []
        decision: str | None = None
        corrected = False
        for e, home in zip(reads.field_edits, reads.homes):
            if home == incident_id:
                if e["field"] == REVIEW_FIELD:  # the analyst's verdict, not a field of the record
                    decision = e["value"]
                else:
                    record[e["field"]] = e["value"]
                    corrected = True
                applied.append({"field": e["field"], "value": e["value"], "note": e["note"], "author": e["author"],
                                "at": e["created_at"]})
        record["edits"] = applied
        status = review_status(decision, corrected)
        if status:
            record["review"] = status
        lo, _ = date_interval(record.get("date"), record.get("date_precision"))
        if previous is None:
            logged = change(incident_id, kind or "created", self.cause, other_id=other_id,
                            reports=_articles_diff(None, record))
        elif _comparable(previous[0]) == _comparable(record):
            logged = None  # nothing changed: the record keeps its time
        else:
            logged = change(incident_id, "updated", self.cause, fields=field_diff(previous[0], record),
                            reports=_articles_diff(previous[0], record))
        if logged:
            self.log_changes([logged])
        # the record's time is its change's, so `export --updated-since` agrees with the change log
        self.store.put_incident(record, lo, logged["at"] if logged else previous[1] if previous else None)
        return record

    def log_changes(self, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.store.add_changes(rows)

    def recompute_reads(self, incident_ids: Iterable[str], edits: list[dict[str, Any]] | None = None,
                        previous: dict[str, tuple[dict[str, Any], str]] | None = None) -> RecomputeReads:
        """Everything `recompute` reads for these incidents, in a few bulk queries (their
        members, their reports, the current home of every field edit, their stored records)
        instead of a handful per incident: on a server each query is a round trip.
        Recomputing does not move reports between incidents, so the reads stay valid while
        the incidents are rebuilt. `previous`: the stored records, when the caller has them."""
        ids = list(incident_ids)
        members = self.store.members_of(ids)
        rows = {r["id"]: r for r in self.store.report_rows([rid for cid in ids for rid in members.get(cid, [])])}
        field_edits = [e for e in (self.store.edits() if edits is None else edits) if e["kind"] == "field"]
        homes = self._edit_homes(field_edits) if field_edits and members else []
        if previous is None:
            previous = self.store.incident_records(ids) if ids else {}
        return RecomputeReads(members, rows, field_edits, homes, previous)

    def _split_reports(self, edits: list[dict[str, Any]] | None = None) -> set[str]:
        return {e["anchors"]["report"] for e in (self.store.edits() if edits is None else edits) if e["kind"] == "split"}

    def _edit_homes(self, field_edits: list[dict[str, Any]]) -> list[str | None]:
        """The incident each field edit belongs to now (see `_edit_home`), with one lookup of
        all their anchors."""
        of = self.store.incident_of_many([r for e in field_edits for r in e["anchors"]])
        return [_edit_home([of.get(r) for r in e["anchors"]], e["incident_id"]) for e in field_edits]

    # -- ingest ---------------------------------------------------------------------------------
    def add_articles(self, batch: list[tuple[Article, list[Report]]], summary: IngestSummary) -> None:
        """Store a batch of extracted articles and resolve their reports, in one transaction."""
        self.add_extracted([extracted_row(article, reports) for article, reports in batch], summary)

    def add_extracted(self, rows: list[dict[str, Any]], summary: IngestSummary, *, resolve: bool = True) -> list[str]:
        """Store a batch of already-extracted articles (`extracted_row` dicts, e.g. read back
        from `attackwatch batch` Parquet) in one transaction, and resolve their reports.
        With `resolve=False` the reports are stored but left unlinked, for a caller that
        resolves them itself in the same transaction (the bulk load of attackwatch.scale.load
        into an empty store); returns the ids of the reports stored."""
        with self.store.write():
            new_ids: list[str] = []
            touched: set[str] = set()
            # a store that can COPY takes the batch's rows in one stream at the end, when no
            # article of the batch could find another one of it (same id, URL or text) meanwhile
            distinct = _distinct(rows)
            bulk = hasattr(self.store, "copy_articles") and distinct
            # the same holds for the lookups: read the articles the batch may find at once
            known = _KnownArticles(self.store, rows) if distinct else _LiveArticles(self.store)
            article_rows: list[dict[str, Any]] = []
            report_rows: list[tuple[str, str, int, dict[str, Any], int, int]] = []
            for row in rows:
                if known.has_hash(row["content_hash"]):
                    summary.unchanged += 1
                    continue
                previous = known.by_id(row["id"])
                if previous is None and row.get("url"):
                    previous = known.by_url(row["url"])
                if previous is not None:
                    touched |= self.store.delete_article(previous["id"])
                    known.deleted(previous["id"])
                    summary.updated += 1
                else:
                    summary.new += 1
                (article_rows.append if bulk else self.store.insert_article)({
                    **{k: row.get(k) for k in ARTICLE_FIELDS}, "ingested_at": now()})
                for n, data in enumerate(row["reports"]):
                    rid = f"{row['id']}#{n}"
                    lo, hi = date_interval(data.get("date"), data.get("date_precision"))
                    if bulk:
                        report_rows.append((rid, row["id"], n, data, lo, hi))
                    else:
                        self.store.insert_report(rid, row["id"], n, data, lo, hi)
                    new_ids.append(rid)
            if bulk:
                self.store.copy_articles(article_rows)  # type: ignore[attr-defined]
                self.store.bulk_insert_reports(report_rows)  # type: ignore[attr-defined]
            summary.reports += len(new_ids)
            if resolve:
                self._resolve(new_ids, touched, summary)
            return new_ids

    def _resolve(self, new_ids: list[str], touched: set[str], summary: IngestSummary) -> None:
        if not new_ids and not touched:
            return
        new_keys = self._keys(new_ids)
        edits = self.store.edits()
        ranges = [(countries, lo - 2, hi + 2) for countries, lo, hi in _date_ranges([k for k in new_keys.values() if k.dated])]
        window = self.store.windows(ranges)
        seed_keys = self._keys([rid for rids in window.values() for rid in rids])
        # a coarse telling loaded with the window ("in December", "in Iraq") is settled against
        # every incident it can reach (folded into its one fit, or taken out when it fits
        # two), so those are loaded too; one loaded only by this second round may reach
        # further still, and is left as it is (Resolver(loaded=...))
        reach = [(countries, lo - 2, hi + 2)
                 for countries, lo, hi in _date_ranges([k for k in seed_keys.values() if k.dated and k.coarse])]
        if reach:
            extra = self.store.windows(reach)
            more = {cid: rids for cid, rids in extra.items() if cid not in window}
            if more:
                window = {**window, **more}
                seed_keys.update(self._keys([rid for rids in more.values() for rid in rids]))
            ranges += reach
        # a new incident is named after the report founding it: a new one, or a loaded one
        # that leaves its incident
        resolver = Resolver(taken=self._taken_ids([incident_id_for(rid) for rid in [*new_keys, *seed_keys]]),
                            protected=self._split_reports(edits), loaded=_within(ranges))
        for incident_id, rids in window.items():
            resolver.seed(incident_id, [seed_keys[r] for r in rids if r in seed_keys])
        before = {cid: {m.id for m in c.members} for cid, c in resolver.clusters.items()}
        resolver.add_all(new_keys.values())
        fresh = set(new_keys)
        placed: set[str] = set()
        links: list[tuple[str, str]] = []
        for cid, c in resolver.clusters.items():
            ids = {m.id for m in c.members}
            arrived = ids & fresh
            placed |= arrived
            if cid not in before:
                summary.incidents_created += 1
                # one new report founds it, the others join it (none: a telling left another incident)
                summary.reports_founding += 1 if arrived else 0
                summary.reports_joined_new += max(len(arrived) - 1, 0)
            elif ids != before[cid]:
                summary.incidents_merged += len(arrived)
            else:
                continue
            links += [(rid, cid) for rid in ids]
            touched.add(cid)
        if fresh - placed:
            summary.dropped["in no incident after resolution"] += len(fresh - placed)
        self.store.link_many(links)
        folded = [cid for cid in before if cid not in resolver.clusters]  # folded into another by fold_coarse
        reads = self.recompute_reads(touched | set(folded), edits)
        for cid in folded:
            self.store.delete_incident(cid)
            touched.discard(cid)
            summary.incidents_folded += 1
            survivor = next((resolver.of_report[r] for r in sorted(before[cid]) if r in resolver.of_report), None)
            self.log_changes([change(cid, "merged", self.cause, other_id=survivor)])
        for cid in touched:
            if self.recompute(cid, edits, reads) is None:
                summary.incidents_removed += 1

    def _taken_ids(self, likely: list[str]) -> Callable[[str], bool]:
        """`Resolver(taken=...)`: whether an incident id has a record in the store, answered
        from one bulk lookup of the ids new reports would found incidents under (the
        rehashed ids a collision asks for are looked up one by one)."""
        known = set(likely)
        existing = self.store.incidents_exist(likely) if likely else set()
        return lambda cid: cid in existing if cid in known else self.store.incident(cid) is not None

    def ingest(self, results: Iterable[Any], batch_size: int = 25,
               on_progress: Callable[[int], None] | None = None) -> IngestSummary:
        """`results` are pipeline PageResults; failures are counted and reported, never stored."""
        summary = IngestSummary()
        batch: list[tuple[Article, list[Report]]] = []
        for result in results:
            if result.error:
                summary.failed += 1
                summary.errors.append(result.error)
            else:
                batch.append((result.article, result.reports))
            if len(batch) >= batch_size:
                self.add_articles(batch, summary)
                batch = []
            if on_progress:
                on_progress(1)
        if batch:
            self.add_articles(batch, summary)
        return summary

    # -- analyst corrections --------------------------------------------------------------------
    def _require(self, incident_id: str) -> list[str]:
        members = self.store.members(incident_id)
        if not members:
            raise KeyError(f"no incident {incident_id}")
        return members

    @contextmanager
    def _because(self, cause: str) -> Iterator[None]:
        """Changes recorded inside are logged as made by `cause` (edit, merge, split, resolve)."""
        before, self.cause = self.cause, cause
        try:
            yield
        finally:
            self.cause = before

    def merge(self, keep: str, other: str, note: str | None = None, author: str | None = None) -> dict[str, Any]:
        if keep == other:
            raise ValueError(f"cannot merge incident {keep} into itself")
        with self.store.write(), self._because("merge"):
            a, b = self._require(keep), self._require(other)
            self.store.add_edit("merge", keep, {"a": a, "b": b}, note=note, author=author)  # type: ignore[arg-type]
            for rid in b:
                self.store.link(rid, keep)
            self.store.delete_incident(other)
            self.log_changes([change(other, "merged", self.cause, other_id=keep)])
            record = self.recompute(keep)
        assert record is not None
        return record

    def split(self, incident_id: str, report_id: str, note: str | None = None, author: str | None = None) -> str:
        with self.store.write(), self._because("split"):
            members = self._require(incident_id)
            if report_id not in members:
                raise KeyError(f"report {report_id} is not in incident {incident_id}")
            if len(members) == 1:
                raise ValueError(f"incident {incident_id} has only that report")
            self.store.add_edit("split", incident_id, {"report": report_id}, note=note, author=author)  # type: ignore[arg-type]
            new_id = incident_id_for("split:" + report_id)
            while self.store.members(new_id) or self.store.incident(new_id) is not None:
                new_id = incident_id_for(new_id)
            self.store.link(report_id, new_id)
            self.recompute(new_id, kind="split", other_id=incident_id)
            self.recompute(incident_id)
        return new_id

    def edit(self, incident_id: str, field_name: str, value: Any, note: str | None = None,
             author: str | None = None) -> dict[str, Any]:
        if field_name not in EDITABLE:
            raise ValueError(f"field {field_name!r} cannot be edited (editable: {', '.join(sorted(EDITABLE))})")
        with self.store.write(), self._because("edit"):
            members = self._require(incident_id)
            self.store.add_edit("field", incident_id, members, field=field_name, value=value, note=note, author=author)
            record = self.recompute(incident_id)
        assert record is not None
        return record

    def review(self, incident_id: str, decision: str, note: str | None = None, author: str | None = None) -> dict[str, Any]:
        """The analyst's verdict on an incident: confirm (it is right as it stands), reject (not
        an incident: left out of every read, export and analysis) or reopen (back to the queue).
        Kept as a field edit anchored on the incident's reports, so it survives re-resolution
        and re-ingest like every correction, and stays in the audit trail."""
        if decision not in DECISIONS:
            raise ValueError(f"decision {decision!r}: one of {', '.join(DECISIONS)}")
        with self.store.write(), self._because("review"):
            members = self._require(incident_id)
            self.store.add_edit("field", incident_id, members, field=REVIEW_FIELD, value=DECISIONS[decision], note=note,
                                author=author)
            record = self.recompute(incident_id)
        assert record is not None
        return record

    # -- full re-resolution ------------------------------------------------------------------------
    def rebuild(self) -> int:
        """Re-resolve every report from scratch, keep incident ids stable where the membership
        allows, and re-apply merges and splits in the order they were made."""
        with self.store.write(), self._because("resolve"):
            old = self.store.links()
            previous = self.store.incident_records(self.store.incident_ids())
            rows = list(self.store.all_report_rows())
            keys = [report_key(json.loads(r["data"]), r["id"], r["outlet"]) for r in rows]
            resolver = Resolver(protected=self._split_reports())
            resolver.add_all(keys)
            self._reapply(resolver)
            groups = _stable_ids(resolver.groups(), old)
            self.store.clear_incidents()
            for cid, rids in groups.items():
                for rid in rids:
                    self.store.link(rid, cid)
            edits = self.store.edits()
            reads = self.recompute_reads(groups, edits, previous={c: previous[c] for c in groups if c in previous})
            of_report = {rid: cid for cid, rids in groups.items() for rid in rids}
            gone = []
            for cid in sorted(set(previous) - set(groups)):  # its reports went to other incidents
                votes = Counter(of_report[r] for r, c in old.items() if c == cid and r in of_report)
                survivor = votes.most_common(1)[0][0] if votes else None
                gone.append(change(cid, "merged" if survivor else "removed", self.cause, other_id=survivor))
            self.log_changes(gone)
            for cid in groups:
                self.recompute(cid, edits, reads)
            return len(groups)

    def _reapply(self, resolver: Resolver) -> None:
        for e in self.store.edits():
            anchors = e["anchors"]
            if e["kind"] == "merge":
                a = {resolver.of_report[r] for r in anchors["a"] if r in resolver.of_report}
                b = {resolver.of_report[r] for r in anchors["b"] if r in resolver.of_report}
                ids = sorted(a | b)
                for other in ids[1:]:
                    if other in resolver.clusters and ids[0] in resolver.clusters:
                        resolver.merge(ids[0], other)
            elif e["kind"] == "split" and anchors["report"] in resolver.of_report:
                resolver.split(anchors["report"])


class _LiveArticles:
    """A batch's article lookups, one query each (rows of the batch may find one another)."""

    def __init__(self, store: SqliteStore):
        self.store = store

    def has_hash(self, digest: str) -> bool:
        return self.store.article_by_hash(digest) is not None

    def by_id(self, article_id: str) -> Any:
        return self.store.article_row(article_id)

    def by_url(self, url: str) -> Any:
        found = self.store.article_by_url(url)
        return self.store.article_row(found["id"]) if found else None

    def deleted(self, article_id: str) -> None:
        pass


class _KnownArticles(_LiveArticles):
    """A batch's article lookups answered from one read of every article its rows may find
    (by id, URL or content hash). Valid while no row of the batch can find another one of it
    (`_distinct`): then the only change the batch makes to the answers is the articles it
    deletes. A URL held by several remaining articles is asked of the store, whose pick wins."""

    def __init__(self, store: SqliteStore, rows: list[dict[str, Any]]):
        super().__init__(store)
        found = store.articles_matching([r["id"] for r in rows], [r["url"] for r in rows if r.get("url")],
                                        [r["content_hash"] for r in rows])
        self.rows = {a["id"]: a for a in found}
        self.urls: dict[str, list[str]] = {}
        self.hashes: dict[str, list[str]] = {}
        for a in found:
            if a["url"]:
                self.urls.setdefault(a["url"], []).append(a["id"])
            self.hashes.setdefault(a["content_hash"], []).append(a["id"])
        self.gone: set[str] = set()

    def has_hash(self, digest: str) -> bool:
        return any(i not in self.gone for i in self.hashes.get(digest, ()))

    def by_id(self, article_id: str) -> Any:
        return None if article_id in self.gone else self.rows.get(article_id)

    def by_url(self, url: str) -> Any:
        ids = [i for i in self.urls.get(url, ()) if i not in self.gone]
        if len(ids) > 1:
            return super().by_url(url)
        return self.rows[ids[0]] if ids else None

    def deleted(self, article_id: str) -> None:
        self.gone.add(article_id)


def _edit_home(homes: list[str | None], made_on: str) -> str | None:
    """The incident a field edit belongs to now, given the incidents its anchor reports are in:
    the one holding most of them (ties: the incident it was made on, if it still holds some),
    so a report split out later does not carry the edit along."""
    votes = Counter(h for h in homes if h)
    if not votes:
        return None
    top = max(votes.values())
    if votes.get(made_on) == top:
        return made_on
    return next(h for h in homes if h and votes[h] == top)


def _distinct(rows: list[dict[str, Any]]) -> bool:
    ids = [r["id"] for r in rows]
    urls = [r["url"] for r in rows if r.get("url")]
    hashes = [r["content_hash"] for r in rows]
    return len(set(ids)) == len(ids) and len(set(urls)) == len(urls) and len(set(hashes)) == len(hashes)


def _date_ranges(keys: list[ReportKey]) -> list[tuple[set[str], int, int]]:
    """The batch's dates as a few short ranges (with their countries), so resolution loads only
    the incidents near them, not everything between the oldest and the newest."""
    out: list[tuple[set[str], int, int]] = []
    for k in sorted(keys, key=lambda k: k.lo):
        if not k.country:
            continue
        if out and k.lo <= out[-1][2] + 7:
            countries, lo, hi = out[-1]
            out[-1] = (countries | {k.country}, lo, max(hi, k.hi))
        else:
            out.append(({k.country}, k.lo, k.hi))
    return out


def _within(ranges: list[tuple[set[str], int, int]]) -> Callable[[ReportKey], bool]:
    """Whether everything a report can reach (its country, a day either side of its dates)
    lies inside the ranges loaded."""
    def loaded(k: ReportKey) -> bool:
        return k.lo < 0 or any(k.country in countries and lo <= k.lo - 1 and k.hi + 1 <= hi
                               for countries, lo, hi in ranges)
    return loaded


def _stable_ids(groups: dict[str, list[str]], old: dict[str, str]) -> dict[str, list[str]]:
    """Give each new group the old id most of its reports had, when no other group claims it."""
    out: dict[str, list[str]] = {}
    taken: set[str] = set()
    for cid, rids in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        votes = Counter(old[r] for r in rids if r in old)
        choice = next((inc for inc, _ in votes.most_common() if inc not in taken), None) or cid
        while choice in taken:
            choice = incident_id_for(choice)
        taken.add(choice)
        out[choice] = rids
    return out


def _comparable(record: dict[str, Any]) -> Any:
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


def field_diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [before, after]} for every field of the record whose value changed (sources and
    conflicts included, the reports listed apart)."""
    names = sorted((set(before) | set(after)) - {"id", "reports", "edits"})
    return {n: [before.get(n), after.get(n)] for n in names if before.get(n) != after.get(n)}


def _articles_diff(before: dict[str, Any] | None, after: dict[str, Any] | None) -> dict[str, list[str]]:
    """The articles that joined or left an incident's reports."""
    old = {str(r.get("article_id")) for r in (before or {}).get("reports") or []}
    new = {str(r.get("article_id")) for r in (after or {}).get("reports") or []}
    return {"added": sorted(new - old), "removed": sorted(old - new)}


def change(incident_id: str, kind: str, cause: str, *, other_id: str | None = None,
           fields: dict[str, list[Any]] | None = None, reports: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """One change-log row (see store/schema.py migration 6)."""
    # to the microsecond, so "since" a moment between two runs in one second still splits them
    return {"at": datetime.now(timezone.utc).isoformat(timespec="microseconds"), "incident_id": incident_id,
            "kind": kind, "other_id": other_id, "fields": fields, "reports": reports, "cause": cause}
