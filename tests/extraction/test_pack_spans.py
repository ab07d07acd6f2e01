"""extraction/nlp.PackSpans runs the six SpanRulers' matchers in one component without their Span
objects: per key it must hold exactly the list the rulers left in `doc.spans` (same hits, same
order, duplicates and the weapons filter included)."""
from __future__ import annotations

from pathlib import Path

import pytest

from attackwatch.extraction.nlp import PackSpans, pack_spans, pipeline_for
from attackwatch.text.normalize import fold

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TEXTS = [
    "Two Katyusha rockets and a one-way attack drone struck Ain al-Asad air base in Anbar; Kata'ib Hezbollah "
    "and Kataib Hezbollah, part of the Islamic Resistance in Iraq, claimed it. Hit and Al Asad were named.",
    "A rocket-propelled grenade, a 107mm rocket and an IED hit a US convoy near Baghdad airport on Monday.",
    "The U.S. base at Tanf in Syria and Tower 22 in Jordan came under drone attack, the Pentagon said.",
    "",
    "no entries here at all",
]


def _texts() -> list[str]:
    return TEXTS + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


@pytest.mark.parametrize("text", _texts())
def test_pack_spans_equal_the_span_rulers(text: str) -> None:
    nlp = pipeline_for()
    component = next(c for name, c in nlp.pipeline if isinstance(c, PackSpans))
    doc = nlp.make_doc(fold(text))
    for name, proc in nlp.pipeline:
        if proc is component:
            break
        doc = proc(doc)
    component(doc)
    for ruler in component.rulers:  # the rulers themselves, as they ran in the pipeline before
        ruler(doc)
    ours = pack_spans(doc)
    for key in ("places", "actors", "weapons", "cues"):
        expected = [(s.start_char, s.end_char, s.start, s.end, s.id_, s.label_) for s in doc.spans.get(key, [])]
        assert [tuple(h) for h in ours.get(key, [])] == expected, key
    if text in TEXTS[:3]:  # the comparison is not vacuous
        assert all(ours.get(key) for key in ("places", "actors", "weapons", "cues"))
