"""Strip the chrome a browser copy of a news page brings along, keeping offsets.

A saved page is a list of lines. We find the title, the byline/dateline, the body
and the chrome (menus, donation widgets, captions, ad markers, related lists, author
bios, and the reader-comment section with everything after it), using the line rules
of the pack's `chrome.jsonl`. The body is rebuilt from the kept lines, joined by blank
lines, with a segment map back to the original offsets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from attackwatch.clean.tables import table_rows
from attackwatch.models import DroppedLine
from attackwatch.packs import Pack
from attackwatch.text.literals import LiteralIndex, case_safe, required_literals
from attackwatch.text.normalize import fold, name_key

# Latin or Arabic letters: Arabic pages are cleaned by the same line rules
_WORD = re.compile(r"[A-Za-z\u0621-\u064a\u0671-\u06d3][A-Za-z\u0621-\u065f\u0670-\u06d3'’-]*")
_BYLINE = re.compile(r"^\s*(?:by|written by|posted by|reporting by)\b[\s|:]*", re.I)
_DATE_LINE = re.compile(
    r"^\W*(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|"
    r"\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4})"
    r"(?:\s*(?:[-–—|,@]|at)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?)?\W*$",
    re.I)
_FULL_DATE = re.compile(r"\b(?:\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})\b")
_CREDIT = re.compile(r"\b(?:reported|reporting|writing|written|wrote|edited|editing|contributed|filed|posted|updated|published)\b", re.I)


def _is_credit_line(line: str) -> bool:
    """A closing credit with the date ("Karim Jaber reported from Baghdad. 23 April 2024"), not a
    short last paragraph that happens to carry a date ("Rockets hit Harir on 5 January 2024.")."""
    folded = fold(line).strip()
    last = None
    for m in _FULL_DATE.finditer(folded):
        last = m
    if last is None or _word_count(line) > 15:
        return False
    ends_with_date = len(folded) - last.end() <= 12 and not folded.endswith(".")
    return ends_with_date or bool(_CREDIT.search(folded[:last.start()]))


_SENTENCE_END = re.compile(r"[.!?؟\"”’)\]:»]\s*$")


@dataclass
class CleanedPage:
    """The result of cleaning one page."""

    text: str  # the article body
    segments: list[tuple[int, int, int]]  # (start in text, start in source, length)
    title: str | None = None
    byline_lines: list[str] = field(default_factory=list)  # byline/dateline/signature candidates, in order
    header_lines: list[str] = field(default_factory=list)  # page-header lines (never a publication date)
    dropped: list[DroppedLine] = field(default_factory=list)


class _ChromeRules:
    """The pack's chrome line rules by kind (cut, line, header), each with the words it cannot
    match without (text/literals.py). A page is scanned once for all those words; a rule whose
    words are nowhere on the page cannot match any of its lines and is not tried on them."""

    def __init__(self, pack: Pack):
        self.rules: dict[str, list[tuple[re.Pattern[str], frozenset[int] | None]]] = {"cut": [], "line": [], "header": []}
        compiled = [(row["kind"], re.compile(row["regex"], re.I)) for row in pack.rules("chrome")]
        needs = [required_literals(rx) for _, rx in compiled]
        self.index = LiteralIndex(needs)
        for (kind, rx), need in zip(compiled, needs):
            self.rules[kind].append((rx, None if need is None else self.index.ids(need)))

    def for_page(self, folded_page: str) -> tuple[list[re.Pattern[str]], list[re.Pattern[str]], list[re.Pattern[str]]]:
        """The cut, line and header rules that may match a line of the page (folded, as the
        lines are matched): every line's folded text is a piece of the folded page."""
        if case_safe(folded_page):  # re.I on the page agrees with its lower case (no dotless i, ...)
            present = self.index.satisfied(self.index.found(folded_page.lower()))
            kept = {kind: [rx for rx, need in rules if need is None or need <= present] for kind, rules in self.rules.items()}
        else:
            kept = {kind: [rx for rx, _ in rules] for kind, rules in self.rules.items()}
        return kept["cut"], kept["line"], kept["header"]


@lru_cache(maxsize=8)
def _chrome_rules(pack: Pack) -> _ChromeRules:
    return _ChromeRules(pack)


def is_date_line(line: str) -> bool:
    return bool(_DATE_LINE.match(fold(line).strip()))


def _word_count(line: str) -> int:
    return len(_WORD.findall(line))


def _is_prose(line: str) -> bool:
    """A body paragraph: several words, or a sentence-final punctuation mark."""
    n = _word_count(line)
    return n >= 12 or (n >= 4 and bool(_SENTENCE_END.search(line)))


def clean_text(source: str, pack: Pack, *, title: str | None = None, outlet: str | None = None) -> CleanedPage:
    """Split a saved plain-text page into title, byline lines, body and dropped chrome."""
    cut_rules, line_rules, header_rules = _chrome_rules(pack).for_page(fold(source))
    lines: list[tuple[int, str]] = []  # (offset in source, stripped line)
    pos = 0
    for raw in source.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            lines.append((pos + raw.index(stripped[0]), stripped))
        pos += len(raw)

    dropped: list[DroppedLine] = []
    kept: list[tuple[int, str]] = []
    rows = table_rows([line for _, line in lines])
    row_cells = set(rows.values())  # description cells, kept in the paragraph of their date
    header_lines: list[str] = []
    byline_lines: list[str] = []
    title_key = name_key(title) if title else None
    outlet_key = name_key(outlet) if outlet else None
    seen_body = False
    found_title = title
    title_seen = False  # the title line itself has been passed
    last_header = -10  # index of the last page-header line
    for idx, (off, line) in enumerate(lines):
        if idx in rows or idx in row_cells:
            kept.append((off, line))
            seen_body = True
            continue
        folded = fold(line)
        key = name_key(line)
        if any(rx.search(folded) for rx in cut_rules) and (seen_body or idx > 3):
            dropped.extend(DroppedLine(text=l, start=o, reason="comments/related section")
                           for o, l in lines[idx:])
            break
        if not seen_body and any(rx.search(folded) for rx in header_rules):
            last_header = idx
            header_lines.append(line)
            dropped.append(DroppedLine(line, off, "page header"))
            continue
        if any(rx.search(folded) for rx in line_rules):
            dropped.append(DroppedLine(line, off, "page chrome"))
            continue
        if title_key and key == title_key:
            title_seen = True
            dropped.append(DroppedLine(line, off, "title"))
            continue
        if outlet_key and key == outlet_key or (outlet_key and key.replace(" ", "") == outlet_key.replace(" ", "")):
            dropped.append(DroppedLine(line, off, "outlet name"))
            continue
        if _BYLINE.match(line) and _word_count(line) <= 12:
            byline_lines.append(line)
            dropped.append(DroppedLine(line, off, "byline"))
            continue
        if is_date_line(line):
            # before the title line, or right under a weather/"today" header, a date is the
            # page's current date, not the article's
            in_header = not seen_body and (idx - last_header <= 2 or (found_title is not None and not title_seen))
            if not in_header:
                byline_lines.append(line)
                dropped.append(DroppedLine(line, off, "dateline"))
            else:
                header_lines.append(line)
                dropped.append(DroppedLine(line, off, "page header"))
            continue
        if not _is_prose(line):
            if not seen_body:
                if found_title is None and _word_count(line) >= 4:
                    found_title = line
                    title_key = key
                    title_seen = True
                    dropped.append(DroppedLine(line, off, "title"))
                elif not title_seen:
                    last_header = idx if idx - last_header <= 2 else last_header
                    header_lines.append(line)
                    dropped.append(DroppedLine(line, off, "page header"))
                else:
                    dropped.append(DroppedLine(line, off, "page chrome"))
                continue
            # a short line after the body started: a signature (author name before a
            # date line), a caption, or a list heading
            nxt = lines[idx + 1][1] if idx + 1 < len(lines) else ""
            if is_date_line(nxt) and _word_count(line) <= 4:
                byline_lines.append(line)
                dropped.append(DroppedLine(line, off, "signature"))
                continue
            if _is_credit_line(line):
                byline_lines.append(line)  # a credit line with the date, e.g. at the foot of wire copy
                dropped.append(DroppedLine(line, off, "signature"))
                continue
            if _word_count(line) <= 6 and not _SENTENCE_END.search(line):
                dropped.append(DroppedLine(line, off, "page chrome"))
                continue
        if found_title is None and not seen_body and not _SENTENCE_END.search(line) and _word_count(line) <= 25:
            found_title = line
            title_key = key
            title_seen = True
            dropped.append(DroppedLine(line, off, "title"))
            continue
        seen_body = True
        kept.append((off, line))

    # a closing credit line with the date ("Karim Jaber reported from Baghdad. 23 April 2024")
    while kept and _is_credit_line(kept[-1][1]):
        off, line = kept.pop()
        byline_lines.append(line)
        dropped.append(DroppedLine(line, off, "signature"))

    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    cursor = 0
    row_offsets = {lines[i][0] for i in row_cells}
    for off, line in kept:
        if parts:
            # a table row reads as one sentence: its date, then what happened
            gap = ", " if off in row_offsets else "\n\n"
            parts.append(gap)
            cursor += len(gap)
        segments.append((cursor, off, len(line)))
        parts.append(line)
        cursor += len(line)
    return CleanedPage(text="".join(parts), segments=segments, title=found_title,
                       byline_lines=byline_lines, header_lines=header_lines, dropped=dropped)
