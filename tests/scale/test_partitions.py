"""Planning partitions (no extraction): spans cover every record once, ids follow the input
and the rules, and a later run over the same files supersedes the earlier plan."""
from __future__ import annotations

import json
from pathlib import Path

from attackwatch.ingest.files import InputError, RawPage
from attackwatch.ingest.records import read_span
from attackwatch.scale.batch import _record_plan, part_path
from attackwatch.scale.output import missing_partitions, part_files
from attackwatch.scale.partitions import plan

from .pages import ARTICLE, write_warc


def _jsonl(path: Path, n: int) -> None:
    path.write_text("".join(json.dumps({"id": f"r{i}", "text": ARTICLE}) + "\n" for i in range(n)))


def _ids(items: list[RawPage | InputError]) -> list[str]:
    return [i.id if isinstance(i, RawPage) else "error" for i in items]


def test_jsonl_and_warc_spans_cover_each_record_once(tmp_path: Path) -> None:
    _jsonl(tmp_path / "a.jsonl", 7)
    write_warc(tmp_path / "c.warc.gz")  # 3 pages, an image, a corrupt record before page 3
    parts = plan([str(tmp_path / "a.jsonl"), str(tmp_path / "c.warc.gz")], 3, "rules1")
    spans = [(s.kind, s.start, s.stop) for p in parts for s in p.spans]
    assert spans[:3] == [("jsonl", 1, 4), ("jsonl", 4, 7), ("jsonl", 7, None)]
    # the WARC's 3 pages do not fit beside the last line: it starts a partition of its own
    assert [p.pages for p in parts] == [3, 3, 1, 3]
    read = [_ids(list(read_span(s))) for p in parts for s in p.spans]
    assert read[:3] == [["r0", "r1", "r2"], ["r3", "r4", "r5"], ["r6"]]
    assert [i == "error" for i in read[3]] == [False, False, True, False]
    big = plan([str(tmp_path / "c.warc.gz")], 1, "rules1")
    warc_items = [_ids(list(read_span(s))) for p in big for s in p.spans]
    # one page per partition; the corrupt record sits in the partition before the third page
    assert [len([i for i in items if i != "error"]) for items in warc_items] == [1, 1, 1]
    assert sum(items.count("error") for items in warc_items) == 1


def test_partition_ids_follow_files_ranges_and_rules(tmp_path: Path) -> None:
    _jsonl(tmp_path / "a.jsonl", 4)
    first = [p.id for p in plan([str(tmp_path / "a.jsonl")], 2, "rules1")]
    assert first == [p.id for p in plan([str(tmp_path / "a.jsonl")], 2, "rules1")]
    assert not set(first) & {p.id for p in plan([str(tmp_path / "a.jsonl")], 2, "rules2")}
    _jsonl(tmp_path / "a.jsonl", 5)  # the file grew: its partitions are new work
    assert not set(first) & {p.id for p in plan([str(tmp_path / "a.jsonl")], 2, "rules1")}


def test_a_later_plan_over_the_same_files_supersedes_the_earlier(tmp_path: Path) -> None:
    _jsonl(tmp_path / "a.jsonl", 4)
    _jsonl(tmp_path / "b.jsonl", 2)
    out = tmp_path / "out"
    (out / "parts").mkdir(parents=True)
    old = plan([str(tmp_path / "a.jsonl")], 2, "rules1")
    other = plan([str(tmp_path / "b.jsonl")], 2, "rules1")
    new = plan([str(tmp_path / "a.jsonl")], 2, "rules2")
    for p in old + other + new[:1]:
        part_path(out, p.id).write_bytes(b"")  # stand-ins: only existence matters here
    _record_plan(out, ["a"], old, pack="default")
    _record_plan(out, ["b"], other, pack="default")
    assert part_files(out) == [part_path(out, p.id) for p in old + other]
    _record_plan(out, ["a"], new, pack="default")  # new rules over a.jsonl: the old parts are dropped
    assert part_files(out) == [part_path(out, p.id) for p in other + new[:1]]
    assert missing_partitions(out) == 1
