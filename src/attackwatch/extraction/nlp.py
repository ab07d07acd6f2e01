"""The spaCy pipeline: `spacy.blank("en")`, sentence boundaries, and SpanRulers whose
patterns are generated from the pack's data files.

Found entries land in `pack_spans(doc)[KEY]` (Hit tuples) for KEY in places, actors, weapons,
cues; each hit's `id` is the pack entry id and `label` its kind/label. Built once per pack, lazily.
"""
from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import Any, NamedTuple

from attackwatch.packs import Pack, alias_variants, get_pack
from attackwatch.text.literals import (LiteralIndex, case_safe, leading_literals, matches_at, required_literals,
                                       skip_ahead_form)

MAX_SENT_TOKENS = 120
MAX_TEXT_CHARS = 20_000_000  # well above the largest page ingest accepts (5 MB)
TEXT_KEY = "aw_text"  # Doc.user_data key of the text the Doc was made from
PRESET_CUES_KEY = "aw_regex_cues"  # Doc.user_data key of regex cue matches made on a whole page
SPANS_KEY = "aw_spans"  # Doc.user_data key of the pack entries found (PackSpans)
# words a clause's count of number-like tokens takes beside spaCy's LIKE_NUM
NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several",
                          "multiple"})
# the lexeme flag "lower case is in NUMBER_WORDS": a spare bit of spaCy's (spacy.attrs.FLAG62), so
# it is also the attribute id Doc.to_array reads it by
NUMBER_WORD_FLAG = 62
# titles and abbreviations whose full stop does not end a sentence
ABBREVIATIONS = {"maj", "gen", "lt", "col", "sgt", "brig", "capt", "adm", "cpl", "pvt", "mr", "mrs", "ms", "dr", "st", "rep",
                 "sen", "gov", "pres", "lt.-gen", "maj.-gen", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                 "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "approx", "est"}
# Lexeme flags (spare bits of spaCy's, spacy.attrs.FLAG56-61) for the per-word facts the sentence
# rules and the norms ask: computed once per distinct word by the vocabulary, read for a whole
# Doc in one Doc.to_array call
APOSTROPHE_FLAG, NEWLINE_FLAG, ENDS_DOT_FLAG, DOT_FLAG, FINAL_FLAG, ABBREV_FLAG = 56, 57, 58, 59, 60, 61


def add_word_flags(vocab) -> None:  # type: ignore[no-untyped-def]
    """Register the lexeme flags above (and NUMBER_WORD_FLAG) on `vocab`. LOWER is str.lower() of a
    word (spacy.lang.lex_attrs.lower), so the flags read the lower case that way."""
    from spacy.pipeline.sentencizer import Sentencizer

    final = frozenset(Sentencizer.default_punct_chars)
    for flag, test in ((APOSTROPHE_FLAG, lambda text: "'" in text and text not in ("'", "'s")),
                       (NEWLINE_FLAG, lambda text: "\n" in text),
                       (ENDS_DOT_FLAG, lambda text: text.endswith(".")),
                       (DOT_FLAG, lambda text: text == "."),
                       (FINAL_FLAG, lambda text: text in final),
                       (ABBREV_FLAG, lambda text: text.lower().rstrip(".") in ABBREVIATIONS),
                       (NUMBER_WORD_FLAG, lambda text: text.lower() in NUMBER_WORDS)):
        vocab.add_flag(test, flag_id=flag)


def sentence_starts(final, punct, newline, ends_dot, dot, abbrev, space):  # type: ignore[no-untyped-def]
    """Which tokens start a sentence (True) or not, from per-token boolean NumPy arrays (the token
    is a sentence-final character, punctuation, contains a line break, ends with ".", is ".", is
    an abbreviation, is white space): spaCy's Sentencizer (a sentence ends after . ! ? and any
    punctuation right after them), then our corrections: a new sentence after every line break,
    none after an abbreviation's full stop ("Maj. Gen. X"), none at a line-break token, and at
    least one every MAX_SENT_TOKENS tokens (a page with no punctuation still gets bounded
    sentences). Whole-array operations: setting Token.is_sent_start token by token makes spaCy
    rescan the Doc each time (quadratic), and a Python loop per token cost as much as tokenising."""
    import numpy

    n = len(final)
    starts = numpy.zeros(n, dtype=bool)
    if not n:
        return starts
    # the Sentencizer (spacy/pipeline/sentencizer.pyx, predict): after a sentence-final character,
    # the next token that is neither punctuation nor sentence-final opens a sentence; that is, an
    # ordinary token opens one when a sentence-final token lies between it and the ordinary token
    # before it
    ordinary = numpy.flatnonzero(~(punct | final))
    seen = numpy.cumsum(final)[ordinary]
    opened = seen > 0
    opened[1:] = seen[1:] > seen[:-1]
    starts[ordinary[opened]] = True
    starts[0] = True
    # our corrections, as they were written token by token (token i, the one before it p = i - 1):
    # a line break in p opens a sentence; else an abbreviation's full stop, or a line-break token,
    # opens none
    cur = starts[1:]
    closed = (ends_dot[:-1] & abbrev[:-1]) | (space[1:] & newline[1:])
    closed[1:] |= dot[1:-1] & abbrev[:-2]
    starts[1:] = newline[:-1] | (cur & ~closed)
    # at least one start every MAX_SENT_TOKENS tokens
    if n > MAX_SENT_TOKENS:
        at = numpy.flatnonzero(starts).tolist() + [n]
        for a, b in zip(at, at[1:]):
            if b - a > MAX_SENT_TOKENS:
                starts[a + MAX_SENT_TOKENS:b:MAX_SENT_TOKENS] = True
    return starts


class SentenceBounds:
    """The pipeline's sentence splitter (see `sentence_starts`), on lexeme flags read in bulk: one
    byte per token and flag, so a 5 MB page's million tokens cost megabytes here, not the
    hundreds a Python list per attribute would."""

    def __init__(self, vocab) -> None:  # type: ignore[no-untyped-def]
        add_word_flags(vocab)

    def __call__(self, doc):  # type: ignore[no-untyped-def]
        import numpy
        from spacy.attrs import IS_PUNCT, IS_SPACE, SENT_START

        if not len(doc):
            return doc
        arr = doc.to_array([FINAL_FLAG, IS_PUNCT, NEWLINE_FLAG, ENDS_DOT_FLAG, DOT_FLAG, ABBREV_FLAG, IS_SPACE]).T > 0
        starts = sentence_starts(*arr)
        values = numpy.where(starts, 1, -1).astype("int64")
        doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))
        return doc


def _apostrophe_free_norms(doc):  # type: ignore[no-untyped-def]
    """NORM = lower case without apostrophes, so "Qa'im" matches "Qaim" and "Kata'ib" "Kataib"."""
    import numpy

    for i in numpy.flatnonzero(doc.to_array([APOSTROPHE_FLAG])).tolist():
        tok = doc[i]
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


class _TextKeepingTokenizer:
    """spaCy's tokenizer, keeping the text it was given in `doc.user_data[TEXT_KEY]`: components
    that match on the text read it there instead of rebuilding `doc.text` token by token."""

    def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
        self.inner = inner

    def __call__(self, text: str):  # type: ignore[no-untyped-def]
        doc = self.inner(text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def doc_text(doc) -> str:  # type: ignore[no-untyped-def]
    text = doc.user_data.get(TEXT_KEY)
    return text if text is not None else doc.text


class RegexCues:
    """Cue rows given as a `regex` (faster than token patterns for the few multi-word
    shapes with optional words): matched on the text, added to doc.spans["cues"].

    Each pattern carries the words it cannot match without (text/literals.py): a page without
    any of them skips the pattern, so a page pays only for the cues whose words it contains."""

    def __init__(self, rows: list[dict[str, Any]]):
        # a case-insensitive pattern written in lower case runs, without re.I (about twice as
        # fast), on the lower-cased text; the rest as written
        self.rules = []
        for r in rows:
            if "regex" not in r:
                continue
            lower = not r.get("case_sensitive") and r["regex"] == r["regex"].lower()
            flags = 0 if r.get("case_sensitive") or lower else re.I
            # matched in the form `re` can skip ahead in (the same matches, text/literals.py)
            fast = skip_ahead_form(r["regex"])
            rx = re.compile(fast, flags)
            # the re.I form too, for the rare text whose lower-casing changes its length
            fallback = re.compile(fast, re.I) if lower else None
            self.rules.append((rx, fallback, r["label"], r["id"], required_literals(re.compile(r["regex"], flags)),
                               required_literals(re.compile(r["regex"], re.I)) if lower else None))
        # every rule's words in one automaton: a page is scanned once for all of them; a rule is
        # then gated by one subset test of its literal sets' numbers against those satisfied
        self.index = LiteralIndex([lits for rule in self.rules for lits in rule[4:]])
        self.gates = [tuple(None if lits is None else self.index.ids(lits) for lits in rule[4:]) for rule in self.rules]
        self.ignorecase = [bool(rule[0].flags & re.I) for rule in self.rules]  # (re.RegexFlag's & is slow Python)
        # a lower-case rule that opens with a literal (or a choice of them) can match only where one
        # occurs in the lower-cased text: it is tried there alone (text/literals.matches_at), not
        # at every position of the page
        self.leads = [leading_literals(r["regex"]) if rule[1] is not None else None
                      for r, rule in zip((r for r in rows if "regex" in r), self.rules)]
        self.lead_index = LiteralIndex([(lead,) for lead in self.leads if lead is not None])

    def matches(self, text: str) -> list[tuple[int, int, str, str]]:
        """(start, end, label, id) of every cue match in `text`, rule by rule, each rule's in order."""
        found: list[tuple[int, int, str, str]] = []
        low = text.lower()
        same = len(low) == len(text)  # a few letters lower-case to two characters: keep offsets
        # the rules' literal sets satisfied by the lower-cased text (what a lower-case rule runs on,
        # and where a case-insensitive rule's words are looked for: LiteralGate) and by the text
        in_low: AbstractSet[int] | None = None
        in_text: AbstractSet[int] | None = None
        folding_safe: bool | None = None
        lead_starts: dict[str, list[int]] | None = None  # where each rule's leading literals occur in `low`
        for (rx, fallback, label, rid, _, _), (need, fallback_need), lead_, rx_ignorecase in zip(
                self.rules, self.gates, self.leads, self.ignorecase):
            if fallback is not None and not same:
                rx, need, ignorecase = fallback, fallback_need, True
            else:
                ignorecase = fallback is None and rx_ignorecase
            if need is not None:
                if fallback is not None and same or ignorecase:
                    if ignorecase and folding_safe is None:
                        folding_safe = case_safe(text)
                    if ignorecase and not folding_safe:
                        present = None  # a text with case traps (dotless i, ...) is never filtered for re.I rules
                    else:
                        if in_low is None:
                            in_low = self.index.satisfied(self.index.found(low))
                        present = in_low
                else:
                    if in_text is None:
                        in_text = self.index.satisfied(self.index.found(text))
                    present = in_text
                if present is not None and not need <= present:
                    continue  # a literal set with none of its words in the text: the rule cannot match
            lead = lead_ if fallback is not None and same else None
            if lead is None:
                matches = rx.finditer(low if fallback is not None and same else text)
            else:
                if lead_starts is None:
                    lead_starts = self.lead_index.starts(low)
                matches = matches_at(rx, low, sorted({pos for word in lead for pos in lead_starts.get(word, ())}))
            found.extend((m.start(), m.end(), label, rid) for m in matches)
        return found

    def __call__(self, doc):  # type: ignore[no-untyped-def]
        found = pack_spans(doc).setdefault("cues", [])
        # a piece of a long page carries the matches found on the whole page (see annotate._piece_docs)
        preset = doc.user_data.pop(PRESET_CUES_KEY, None)
        for start, end, label, rid in preset if preset is not None else self.matches(doc_text(doc)):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                found.append(Hit(span.start_char, span.end_char, span.start, span.end, rid, label))
        return doc


class Hit(NamedTuple):
    """A pack entry found in a Doc: character and token offsets, the entry's id and label."""

    start_char: int
    end_char: int
    start: int  # first token
    end: int  # token after the last
    id: str
    label: str


def pack_spans(doc) -> dict[str, list[Hit]]:  # type: ignore[no-untyped-def]
    """The pack entries the pipeline found in `doc`, by key (places, actors, weapons, cues)."""
    return doc.user_data.setdefault(SPANS_KEY, {})


class PackSpans:
    """The six SpanRulers' matching in one component, without their Span objects and SpanGroups.

    Each ruler keeps its patterns and its PhraseMatcher (built by spaCy as before); this runs the
    matchers in the rulers' order and keeps, per key, exactly the list `doc.spans[key]` held:
    SpanRuler.match's de-duplicated matches in Span order (start and end character, then the
    label's and the id's hashes), its `spans_filter` if any, appended to the key's earlier rulers'
    unless it overwrites. A ruler's matching cost a fortieth of its call; building, sorting and
    storing Spans, and reading them back, the rest."""

    def __init__(self, rulers: list[Any], strings: Any):
        self.rulers = rulers
        # match id -> (label, id, the hashes Span order compares)
        self.entries = [{m: (v["label"], v["id"], strings.add(v["label"]), strings.add(v["id"]) if v["id"] else 0)
                         for m, v in r._match_label_id_map.items()} for r in rulers]

    def __call__(self, doc):  # type: ignore[no-untyped-def]
        from spacy.attrs import IDX, LENGTH

        found = pack_spans(doc)
        bounds = None
        for ruler, entries in zip(self.rulers, self.entries):
            matches = list(ruler.phrase_matcher(doc))
            if len(ruler.matcher):
                matches = list(ruler.matcher(doc)) + matches
            keyed: dict[tuple[int, int, int, int], Hit] = {}
            if matches:
                if bounds is None:
                    bounds = doc.to_array([IDX, LENGTH]).tolist()
                for m_id, start, end in matches:
                    if start == end:
                        continue
                    label, rid, label_hash, id_hash = entries[m_id]
                    start_char = bounds[start][0]
                    end_char = bounds[end - 1][0] + bounds[end - 1][1]
                    keyed[(start_char, end_char, label_hash, id_hash)] = Hit(start_char, end_char, start, end, rid, label)
            hits = [keyed[k] for k in sorted(keyed)]
            # SpanRuler.set_annotations
            spans = [] if ruler.overwrite else found.get(ruler.key, [])
            spans.extend(ruler.spans_filter(spans, hits) if ruler.spans_filter else hits)  # filters read .start, .end
            found[ruler.key] = spans
        return doc


def regex_cues_of(nlp) -> RegexCues:  # type: ignore[no-untyped-def]
    return next(proc for _, proc in nlp.pipeline if isinstance(proc, RegexCues))


def _add_patterns(nlp, ruler, patterns: list[dict[str, Any]]) -> None:  # type: ignore[no-untyped-def]
    """SpanRuler.add_patterns tokenises each phrase pattern through every component before it,
    the rulers added earlier included; only aw_norms matters to a pattern (NORM without
    apostrophes), so the others are switched off: the pipeline builds in about half the time."""
    with nlp.select_pipes(enable=["aw_norms"]):
        ruler.add_patterns(patterns)


def build_pipeline(pack: Pack):  # type: ignore[no-untyped-def]
    import spacy
    from spacy.language import Language

    if not Language.has_factory("aw_norms"):
        Language.component("aw_norms")(_apostrophe_free_norms)
    nlp = spacy.blank("en")
    # a blank pipeline (tokeniser and rules, no parser or tagger) is linear in the text: spaCy's
    # 1,000,000-character guard is about its neural components' memory, not ours
    nlp.max_length = MAX_TEXT_CHARS
    nlp.tokenizer = _TextKeepingTokenizer(nlp.tokenizer)
    bounds = SentenceBounds(nlp.vocab)  # registers the word flags (add_word_flags)
    bounds_name = f"aw_sentence_bounds_{id(bounds)}"
    Language.component(bounds_name)(bounds)
    nlp.add_pipe(bounds_name)
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
    # the rulers built their matchers; one component runs them (PackSpans)
    rulers = [nlp.remove_pipe(name)[1] for name in list(nlp.pipe_names) if name.endswith("_ruler")]
    spans = PackSpans(rulers, nlp.vocab.strings)
    spans_name = f"aw_pack_spans_{id(spans)}"
    Language.component(spans_name)(spans)
    nlp.add_pipe(spans_name)
    regex_cues = RegexCues(pack.rules("cues"))
    name = f"aw_regex_cues_{id(regex_cues)}"
    Language.component(name)(regex_cues)
    nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=4)
def pipeline_for(pack_name: str = "default"):  # type: ignore[no-untyped-def]
    return build_pipeline(get_pack(pack_name))
