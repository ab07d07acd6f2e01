"""extraction/nlp.py: sentence starts computed on token arrays and written once must equal what
spaCy's Sentencizer plus our corrections gave when set token by token (the old, quadratic way)."""
from __future__ import annotations

import pytest
import spacy

from attackwatch.extraction.nlp import ABBREVIATIONS, MAX_SENT_TOKENS, SentenceBounds


def _token_by_token(doc):  # type: ignore[no-untyped-def]
    """The previous implementation, kept here as the reference."""
    since = 0
    prev = prev2 = None
    for i, tok in enumerate(doc):
        if i == 0:
            tok.is_sent_start = True
            prev = tok
            continue
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
        elif tok.is_sent_start and prev2 is not None and prev.text == "." and prev2.lower_.rstrip(".") in ABBREVIATIONS:
            tok.is_sent_start = False
        elif tok.is_sent_start and prev.text.endswith(".") and prev.lower_.rstrip(".") in ABBREVIATIONS:
            tok.is_sent_start = False
        elif tok.is_space and "\n" in tok.text:
            tok.is_sent_start = False
        if tok.is_sent_start:
            since = 0
        else:
            since += 1
            if since >= MAX_SENT_TOKENS:
                tok.is_sent_start = True
                since = 0
        prev2, prev = prev, tok
    return doc


TEXTS = [
    "Maj. Gen. John Smith said the U.S. base was hit. No one was hurt! Was it a drone? Officials (the army) said so.",
    "Line one without a stop\nLine two.\n\nA new paragraph . With a spaced stop. Jan. 5 was cold. St. Louis, Mo. too",
    "word " * 300 + "end.",  # no punctuation: bounded sentences
    "\"Quoted.\" Then more... And more?! Yes.)  Next sentence.\n",
    "",
    "Dr. No. vs. Mr. Yes. U.N. U.K. approx. est. 3 p.m. Sept. 11",
    "a " * 250 + "stop. " + "b , " * 70 + "\n" + "c " * 121 + "!? \" ) next",  # several long gaps
    ". . ! Leading stops\n\n\n   \n word.",
    "x",
]


@pytest.mark.parametrize("text", TEXTS)
def test_sentence_starts_equal_the_token_by_token_rules(text: str) -> None:
    nlp = spacy.blank("en")
    expected = _token_by_token(nlp.add_pipe("sentencizer")(nlp.make_doc(text)))
    got = SentenceBounds(nlp.vocab)(nlp.make_doc(text))
    assert [t.is_sent_start for t in got] == [t.is_sent_start for t in expected]
