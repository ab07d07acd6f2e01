"""The public Python API (re-exported by the package)."""
from __future__ import annotations

from datetime import date

from attackwatch.models import Report


def extract(text: str, published: str | date | None = None, article_id: str = "article", *, title: str | None = None,
            html: bool = False, pack: str = "default", any_theatre: bool = False) -> list[Report]:
    """Extract the per-article incident reports from one page's text (or HTML, with html=True).

    A page that cannot be processed (empty, no article in the HTML, a date out of range)
    raises InputError with the one-line reason, a bad argument InvalidValue (a ValueError);
    no other exception escapes, whatever the text."""
    from attackwatch.ingest.files import InputError, RawPage
    from attackwatch.pipeline import _as_date, process_raw
    from attackwatch.validation import InvalidValue

    try:
        day = _as_date(published)
    except ValueError:
        raise InvalidValue("published", f"{str(published)[:40]!r} is not an ISO date (YYYY-MM-DD)") from None
    if not isinstance(text, str):
        raise InvalidValue("text", f"must be a str, not {type(text).__name__}")
    raw = RawPage(id=article_id, kind="html" if html else "text", content=text, path=article_id,
                  meta={"title": title} if title else {})
    result = process_raw(raw, published=day, pack=pack, any_theatre=any_theatre)
    if result.error:
        prefix = f"{raw.path}: "
        raise InputError(raw.path, result.error[len(prefix):] if result.error.startswith(prefix) else result.error)
    return result.reports
