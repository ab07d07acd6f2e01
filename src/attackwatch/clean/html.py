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


def _english_date_fallback() -> None:
    """htmldate's last-resort date parser (dateparser) tries every one of its ~200 locales,
    compiling each one's patterns the first time: one 900-character page of stray characters
    took 15 s. The pages we keep are English, so its fallback parses English only (its own
    settings otherwise)."""
    import htmldate.extractors as extractors

    if getattr(extractors, "_attackwatch_english", False):
        return
    from dateparser import DateDataParser

    settings = {"NORMALIZE": True, "PARSERS": ["custom-formats", "absolute-time"], "PREFER_DATES_FROM": "past",
                "PREFER_LOCALE_DATE_ORDER": True, "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": True}
    parser = DateDataParser(languages=["en"], settings=settings)
    extractors.get_external_parser = lambda: parser
    extractors._attackwatch_english = True


def extract_html(html: str) -> HtmlText | None:
    """Article text and metadata; None when the page has no main text."""
    import trafilatura  # heavy import: only when an HTML page is seen

    _english_date_fallback()

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
