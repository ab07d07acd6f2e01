"""AttackWatch: news pages in, a traceable incident dataset out.

Importing the package is cheap: spaCy, the gazetteer and the rules load on first use.

    >>> from attackwatch import extract
    >>> reports = extract(text, published="2024-04-22", article_id="x")
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from attackwatch.models import Article, Report


def extract(text: str, published: "str | date | None" = None, article_id: str = "article", **options) -> list["Report"]:
    """Extract the per-article incident reports from one page's text (or HTML, with html=True).

    Options: title, html, pack, any_theatre (see attackwatch.api.extract)."""
    from attackwatch.api import extract as _extract

    return _extract(text, published, article_id, **options)


__all__ = ["extract", "__version__"]
