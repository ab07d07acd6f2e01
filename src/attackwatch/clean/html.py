"""Main text of an HTML page through trafilatura (comments excluded)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass
class HtmlText:
    text: str
    title: str | None
    author: str | None
    date: date | None
    sitename: str | None


def extract_html(html: str) -> HtmlText | None:
    """Article text and metadata; None when the page has no main text."""
    import trafilatura  # heavy import: only when an HTML page is seen

    try:
        doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False, with_metadata=True,
                                          favor_precision=False, deduplicate=False)
    except (AssertionError, ValueError, TypeError, IndexError, RecursionError):
        # malformed markup can trip lxml/htmldate internals (an assertion in drop_tree on
        # `<svg><article></article><s>`): that page has no main text we can trust
        return None
    if doc is None:
        return None
    get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
    text = get("text") or ""
    if not text.strip():
        return None
    published = None
    raw_date = get("date")
    if raw_date:
        try:
            published = date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            published = None
    return HtmlText(text=text, title=get("title"), author=get("author"), date=published, sitename=get("sitename"))
