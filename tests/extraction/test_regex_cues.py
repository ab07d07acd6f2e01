"""extraction/nlp.RegexCues skips a rule on a text that lacks its words: the hits must be exactly
those of every rule run on every text, case traps and length-changing lower-casing included."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from attackwatch.extraction.nlp import Hit, RegexCues, pack_spans, pipeline_for

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TEXTS = [
    "It may be that more than 150 attacks have hit US forces since the war began, most of the attacks by drones.",
    "CENTCOM and the SDF said the KRG asked the joint chiefs of staff about the same base on Monday's attack.",
    "US officials said no group claimed it initially; the Pentagon later confirmed two more attacks.",
    "\u0130raq's \u0131nterior ministry denied any casualties in the attacks on the bases.",  # lower() lengthens \u0130
    "the dotless \u0131 and long \u017f: US officials said several attacks hit the base",
    "",
]


def _ungated(rules: RegexCues, doc) -> list[Hit]:  # type: ignore[no-untyped-def]
    text = doc.user_data.get("aw_text", doc.text)
    low = text.lower()
    hits = []
    for rx, fallback, label, rid, _, _ in rules.rules:
        lower = fallback is not None and len(low) == len(text)
        if fallback is not None and not lower:
            rx = fallback
        for m in rx.finditer(low if lower else text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                hits.append(Hit(span.start_char, span.end_char, span.start, span.end, rid, label))
    return hits


@pytest.mark.parametrize("text", TEXTS + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))])
def test_gated_rules_find_what_every_rule_finds(text: str) -> None:
    nlp = pipeline_for()
    rules = next(c for _, c in nlp.pipeline if isinstance(c, RegexCues))
    doc = nlp.make_doc(text)  # as given: fold() would turn \u0130 into I
    rules(doc)
    assert pack_spans(doc)["cues"] == _ungated(rules, doc)
    if text == TEXTS[0]:
        assert pack_spans(doc)["cues"]  # not vacuous
    assert all(re.search(r"\S", doc.text[h.start_char:h.end_char]) for h in pack_spans(doc)["cues"])
