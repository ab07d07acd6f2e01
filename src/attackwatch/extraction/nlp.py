"""The spaCy pipeline: `spacy.blank("en")`, sentence boundaries, and SpanRulers whose
patterns are generated from the pack's data files.

Spans land in `doc.spans[KEY]` for KEY in places, actors, weapons, cues; each span's
`id_` is the pack entry id and `label_` its kind/label. Built once per pack, lazily.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from attackwatch.packs import Pack, alias_variants, get_pack

MAX_SENT_TOKENS = 120
# titles and abbreviations whose full stop does not end a sentence
ABBREVIATIONS = {"maj", "gen", "lt", "col", "sgt", "brig", "capt", "adm", "cpl", "pvt", "mr", "mrs", "ms", "dr", "st", "rep",
                 "sen", "gov", "pres", "lt.-gen", "maj.-gen", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                 "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "approx", "est"}  # cap sentence length: a page with no punctuation still gets bounded sentences


def _sentence_bounds(doc):  # type: ignore[no-untyped-def]
    """Force a sentence start after every line break and every MAX_SENT_TOKENS tokens."""
    since = 0
    prev = prev2 = None
    for i, tok in enumerate(doc):
        if i == 0:
            tok.is_sent_start = True
            since = 0
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


def _apostrophe_free_norms(doc):  # type: ignore[no-untyped-def]
    """NORM = lower case without apostrophes, so "Qa'im" matches "Qaim" and "Kata'ib" "Kataib"."""
    if "'" not in doc.text:
        return doc
    for tok in doc:
        if "'" in tok.text and tok.text not in ("'", "'s"):
            tok.norm_ = tok.lower_.replace("'", "")
    return doc


def _phrase_patterns(entries: Any, cased: bool) -> list[dict[str, Any]]:
    rows = []
    for e in entries:
        # a name listed as cased (the town of Hit) is never matched case-insensitively
        names = e.cased_aliases if cased else tuple(n for n in (e.name, *e.aliases) if n not in e.cased_aliases)
        seen: set[str] = set()
        for name in names:
            variants = {" ".join(name.split())} if cased else alias_variants(name)
            for v in variants:
                key = v if cased else v.lower()
                if key in seen:
                    continue
                seen.add(key)
                rows.append({"label": e.kind, "pattern": v, "id": e.id})
    return rows


def _rule_patterns(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"label": r["label"], "pattern": r["pattern"], "id": r["id"]} for r in rows if "pattern" in r]


class RegexCues:
    """Cue rows given as a `regex` (faster than token patterns for the few multi-word
    shapes with optional words): matched on the text, added to doc.spans["cues"]."""

    def __init__(self, rows: list[dict[str, Any]]):
        # a case-insensitive pattern written in lower case runs, without re.I (about twice as
        # fast), on the lower-cased text; the rest as written
        self.rules = []
        for r in rows:
            if "regex" not in r:
                continue
            lower = not r.get("case_sensitive") and r["regex"] == r["regex"].lower()
            flags = 0 if r.get("case_sensitive") or lower else re.I
            # the re.I form too, for the rare text whose lower-casing changes its length
            fallback = re.compile(r["regex"], re.I) if lower else None
            self.rules.append((re.compile(r["regex"], flags), fallback, r["label"], r["id"]))

    def __call__(self, doc):  # type: ignore[no-untyped-def]
        from spacy.tokens import Span

        found = list(doc.spans.get("cues", []))
        text = doc.text
        low = text.lower()
        same = len(low) == len(text)  # a few letters lower-case to two characters: keep offsets
        for rx, fallback, label, rid in self.rules:
            if fallback is not None and not same:
                rx = fallback
            for m in rx.finditer(low if fallback is not None and same else text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None:
                    found.append(Span(doc, span.start, span.end, label=label, span_id=rid))
        doc.spans["cues"] = found
        return doc


def _add_patterns(nlp, ruler, patterns: list[dict[str, Any]]) -> None:  # type: ignore[no-untyped-def]
    """SpanRuler.add_patterns tokenises each phrase pattern through every component before it,
    the rulers added earlier included; only aw_norms matters to a pattern (NORM without
    apostrophes), so the others are switched off: the pipeline builds in about half the time."""
    with nlp.select_pipes(enable=["aw_norms"]):
        ruler.add_patterns(patterns)


def build_pipeline(pack: Pack):  # type: ignore[no-untyped-def]
    import spacy
    from spacy.language import Language

    if not Language.has_factory("aw_sentence_bounds"):
        Language.component("aw_sentence_bounds")(_sentence_bounds)
    if not Language.has_factory("aw_norms"):
        Language.component("aw_norms")(_apostrophe_free_norms)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("aw_sentence_bounds")
    nlp.add_pipe("aw_norms")
    longest = {"@misc": "spacy.first_longest_spans_filter.v1"}
    for key, entries in (("places", pack.places.values()), ("actors", pack.actors.values())):
        lower = nlp.add_pipe("span_ruler", name=f"{key}_ruler", config={
            "spans_key": key, "phrase_matcher_attr": "NORM", "overwrite": False})
        _add_patterns(nlp, lower, _phrase_patterns(entries, cased=False))
        cased = nlp.add_pipe("span_ruler", name=f"{key}_cased_ruler", config={
            "spans_key": key, "phrase_matcher_attr": "ORTH", "overwrite": False})
        _add_patterns(nlp, cased, _phrase_patterns(entries, cased=True))
    weapons = nlp.add_pipe("span_ruler", name="weapons_ruler", config={
        "spans_key": "weapons", "phrase_matcher_attr": "LOWER", "spans_filter": longest})
    _add_patterns(nlp, weapons, _rule_patterns(pack.rules("weapons")))
    cues = nlp.add_pipe("span_ruler", name="cues_ruler", config={"spans_key": "cues", "phrase_matcher_attr": "LOWER"})
    _add_patterns(nlp, cues, _rule_patterns(pack.rules("cues")))
    regex_cues = RegexCues(pack.rules("cues"))
    name = f"aw_regex_cues_{id(regex_cues)}"
    Language.component(name)(regex_cues)
    nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=4)
def pipeline_for(pack_name: str = "default"):  # type: ignore[no-untyped-def]
    return build_pipeline(get_pack(pack_name))
