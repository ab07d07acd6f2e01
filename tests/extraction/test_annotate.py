"""annotate() reads a long page in pieces (spaCy Docs of about PIECE_CHARS characters, cut after
line breaks): the sentences, clauses and mentions must be exactly those of one Doc over the page."""
from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path

import pytest

from attackwatch.pipeline import article_from_text

annotate_module = importlib.import_module("attackwatch.extraction.annotate")  # the package exports the function
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _reading(text: str, piece_chars: int, monkeypatch: pytest.MonkeyPatch) -> tuple[list, int]:
    """Every sentence and clause (with its mentions) of `text` read in pieces of piece_chars, and
    how many pieces spaCy read."""
    monkeypatch.setattr(annotate_module, "PIECE_CHARS", piece_chars)
    pieces = 0
    piece_docs = annotate_module._piece_docs

    def counting(nlp, folded):  # type: ignore[no-untyped-def]
        nonlocal pieces
        for item in piece_docs(nlp, folded):
            pieces += 1
            yield item

    monkeypatch.setattr(annotate_module, "_piece_docs", counting)
    ann = annotate_module.annotate(text, date(2024, 6, 1))
    monkeypatch.undo()
    out = []
    for s in ann.sentences:
        out.append((s.index, s.para, s.start, s.end))
        out.extend(repr(seg) for seg in s.segments)
    return out, pieces


def _example_bodies() -> str:
    """Our example pages' cleaned bodies, one after another: a page of many stories."""
    bodies = [article_from_text(p.read_text(encoding="utf-8"), published="2024-06-01").text
              for p in sorted(EXAMPLES.glob("*.txt"))]
    return "\n\n".join(bodies)


@pytest.mark.parametrize("piece_chars", [300, 2_000, 9_000])
def test_pieces_read_as_one_doc(piece_chars: int, monkeypatch: pytest.MonkeyPatch) -> None:
    text = _example_bodies()
    whole, one = _reading(text, 10 ** 9, monkeypatch)
    pieces, many = _reading(text, piece_chars, monkeypatch)
    assert one == 1 and many > 3
    assert pieces == whole


def test_no_cut_inside_a_cue_that_spans_a_line_break(monkeypatch: pytest.MonkeyPatch) -> None:
    # "according to\nthe coalition" is one regex cue across the line break: the cut goes to the next break
    lead = "Rockets hit Ain al-Asad air base on Monday, according to\nthe coalition, and a drone struck Erbil.\n"
    text = lead + "\n".join(f"Sentence {i} tells of a rocket attack near Baghdad on Tuesday." for i in range(40))
    monkeypatch.setattr(annotate_module, "PIECE_CHARS", lead.index("\nthe coalition"))
    from attackwatch.extraction.nlp import pipeline_for
    from attackwatch.text.normalize import fold

    starts = [lo for lo, _ in annotate_module._piece_docs(pipeline_for("default"), fold(text))]
    assert len(starts) > 1 and starts[1] == len(lead)
    monkeypatch.undo()
    whole, _ = _reading(text, 10 ** 9, monkeypatch)
    pieces, n = _reading(text, lead.index("\nthe coalition"), monkeypatch)
    assert n > 1 and pieces == whole


def test_a_page_without_line_breaks_is_one_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Two rockets struck near Ain al-Asad air base on Monday, officials said. " * 40
    _, n = _reading(text, 500, monkeypatch)
    assert n == 1
