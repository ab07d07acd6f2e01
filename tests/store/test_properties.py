"""Property test of the incident database: random interleavings of ingesting subsets of a small
corpus (with a revised version of one article), re-ingesting, field edits, merges, splits and
rebuilds. After every step the database must hold each article once (by id and by content),
every report in exactly one incident, no empty incident, pass check(), and show every field
edit on the incident(s) it is anchored to; after a rebuild the latest merge or split holds.

Derandomized, so the suite is deterministic; run with AW_PROPERTY_EXAMPLES=500 to search longer.
"""
from __future__ import annotations

from collections import Counter

import functools
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from attackwatch.pipeline import PageResult
from attackwatch.resolve.cluster import incident_id_for
from attackwatch.store import open_store
from attackwatch.store.dataset import Dataset

from .helpers import ARTICLES, ASAD_LOCAL_V2, article_page, groups

KEYS = ["asad_local", "asad_claim", "asad_centcom", "asad_month", "harir_a", "harir_b", "convoy", "erbil_drone"]
FIELD_VALUES = [("killed", 0), ("killed", 3), ("injured", 5), ("claimed", True), ("claimed", False),
                ("weapon", "mortar"), ("place", "Test Site"), ("confirmation", "denied")]
EXAMPLES = int(os.environ.get("AW_PROPERTY_EXAMPLES", "15"))


@functools.lru_cache(maxsize=None)
def _page(key: str, revised: bool = False) -> PageResult:
    return article_page(key, ASAD_LOCAL_V2 if revised else None)


class DatabaseMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="aw-prop-"))
        self.store = open_store(str(self.dir / "p.db"))
        self.ds = Dataset(self.store)
        self.version: dict[str, bool] = {}  # article key -> revised?

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    # -- rules --------------------------------------------------------------------------------
    @rule(keys=st.lists(st.sampled_from(KEYS), min_size=1, max_size=4, unique=True), batch=st.integers(1, 3),
          revised=st.booleans())
    def ingest(self, keys: list[str], batch: int, revised: bool) -> None:
        pages = [_page(k, revised and k == "asad_local") for k in keys]
        new = sum(k not in self.version for k in keys)
        updated = sum(k in self.version and self.version[k] != (revised and k == "asad_local") for k in keys)
        summary = self.ds.ingest(pages, batch_size=batch)
        assert (summary.new, summary.updated, summary.unchanged) == (new, updated, len(keys) - new - updated)
        for k in keys:
            self.version[k] = revised and k == "asad_local"

    @precondition(lambda self: self.version)
    @rule()
    def reingest(self) -> None:
        before, counts = groups(self.store), self.store.counts()
        summary = self.ds.ingest([_page(k, v) for k, v in self.version.items()])
        assert (summary.new, summary.updated, summary.unchanged) == (0, 0, len(self.version))
        assert groups(self.store) == before and self.store.counts() == counts

    @precondition(lambda self: self.version)
    @rule(data=st.data(), fv=st.sampled_from(FIELD_VALUES))
    def edit(self, data: st.DataObject, fv: tuple[str, object]) -> None:
        inc = data.draw(st.sampled_from(sorted(self.store.incident_ids())))
        record = self.ds.edit(inc, fv[0], fv[1], note="prop", author="hyp")
        assert record[fv[0]] == fv[1]

    @precondition(lambda self: len(self.store.incident_ids()) >= 2)
    @rule(data=st.data())
    def merge(self, data: st.DataObject) -> None:
        ids = sorted(self.store.incident_ids())
        keep = data.draw(st.sampled_from(ids))
        other = data.draw(st.sampled_from([i for i in ids if i != keep]))
        union = sorted(self.store.members(keep) + self.store.members(other))
        self.ds.merge(keep, other)
        assert self.store.members(keep) == union and self.store.incident(other) is None

    @precondition(lambda self: any(len(m) > 1 for m in groups(self.store).values()))
    @rule(data=st.data())
    def split(self, data: st.DataObject) -> None:
        inc = data.draw(st.sampled_from(sorted(i for i, m in groups(self.store).items() if len(m) > 1)))
        rid = data.draw(st.sampled_from(self.store.members(inc)))
        new_id = self.ds.split(inc, rid)
        assert self.store.members(new_id) == [rid] and rid not in self.store.members(inc)

    @rule()
    def rebuild(self) -> None:
        self.ds.rebuild()
        structural = [e for e in self.store.edits() if e["kind"] in ("merge", "split")]
        if structural:  # the latest merge or split holds after re-resolution
            last = structural[-1]
            if last["kind"] == "merge":
                anchors = [r for r in last["anchors"]["a"] + last["anchors"]["b"] if self.store.incident_of(r)]
                assert len({self.store.incident_of(r) for r in anchors}) <= 1, last
            else:
                rid = last["anchors"]["report"]
                assert self.store.members(self.store.incident_of(rid)) == [rid], last

    # -- invariants ------------------------------------------------------------------------------
    @invariant()
    def database_is_consistent(self) -> None:
        assert self.store.check() == []
        conn = self.store.conn
        ids = sorted(r[0] for r in conn.execute("SELECT id FROM articles"))
        assert ids == sorted(self.version)  # each article once by id
        n, distinct = conn.execute("SELECT COUNT(*), COUNT(DISTINCT content_hash) FROM articles").fetchone()
        assert n == distinct  # and once by content
        texts = [r[0] for r in conn.execute("SELECT text FROM articles")]
        assert len(set(texts)) == len(texts)
        reports = sorted(r[0] for r in conn.execute("SELECT id FROM reports"))
        members = [rid for m in groups(self.store).values() for rid in m]
        assert sorted(members) == reports  # every report in exactly one incident
        edits = [e for e in self.store.edits() if e["kind"] == "field"]
        for inc, m in groups(self.store).items():
            assert m  # no empty incident
            record = self.store.incident(inc)
            assert len(record["reports"]) == len(m)
            # an edit belongs to the incident holding most of the reports it was made on (ties:
            # the incident it was made on), and only to that one
            mine = [e for e in edits if home(self.store, e) == inc]
            expected: dict[str, object] = {}
            for e in mine:  # in the order made: the latest edit of a field wins
                expected[e["field"]] = e["value"]
            for field, value in expected.items():
                assert record[field] == value, (inc, field, record[field], value)
            assert len(record["edits"]) == len(mine)


def home(store, edit: dict) -> str | None:  # type: ignore[no-untyped-def]
    homes = [store.incident_of(r) for r in edit["anchors"]]
    votes = Counter(h for h in homes if h)
    if not votes:
        return None
    top = max(votes.values())
    if votes.get(edit["incident_id"]) == top:
        return edit["incident_id"]
    return next(h for h in homes if h and votes[h] == top)


DatabaseMachine.TestCase.settings = settings(
    max_examples=EXAMPLES, stateful_step_count=10, deadline=None, derandomize=EXAMPLES <= 15, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
test_database_machine = DatabaseMachine.TestCase


def test_the_corpus_is_what_the_machine_expects() -> None:
    """Each article yields one report, and the revised article is a new version of the same one."""
    for key in KEYS:
        assert len(_page(key).reports) == 1, key
        assert key in ARTICLES
    old, new = _page("asad_local"), _page("asad_local", True)
    assert old.article.id == new.article.id and old.article.url == new.article.url
    assert old.article.text != new.article.text
