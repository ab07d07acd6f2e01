"""annotate's Segments are final once it returns: `active`, `modal`, `aggregate` and the cue labels
are computed once per segment (annotate._computed_once), so no later stage may change a segment's fields.
This runs the whole extraction over the example pages with any such assignment made an error."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from attackwatch.extraction.annotate import Segment
from attackwatch.ingest.files import read_page
from attackwatch.pipeline import process_raw

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_no_stage_changes_a_segment_after_annotate(monkeypatch: pytest.MonkeyPatch) -> None:
    annotate_mod = importlib.import_module("attackwatch.extraction.annotate")  # the package re-exports the function
    final: set[int] = set()
    kept = []
    real_annotate = annotate_mod.annotate
    real_setattr = Segment.__setattr__

    def annotate(*args, **kwargs):  # type: ignore[no-untyped-def]
        ann = real_annotate(*args, **kwargs)
        final.update(id(seg) for sent in ann.sentences for seg in sent.segments)
        kept.append(ann)  # alive, so no new Segment takes a final one's id
        return ann

    def guarded_setattr(self, name, value):  # type: ignore[no-untyped-def]
        if id(self) in final:
            raise AssertionError(f"Segment.{name} changed after annotate returned")
        real_setattr(self, name, value)

    monkeypatch.setattr(Segment, "__setattr__", guarded_setattr)
    monkeypatch.setattr(annotate_mod, "annotate", annotate)
    import attackwatch.extraction as extraction

    monkeypatch.setattr(extraction, "annotate", annotate)
    pages = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html"))
    reports = 0
    for page in pages:
        result = process_raw(read_page(str(page)))
        assert not result.error, (page.name, result.error)  # process_raw turns an exception into the page's error
        reports += len(result.reports)
    assert final and reports  # the guard saw real segments and extraction found incidents
