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


def extract(text: str, published: str | date | None = None, article_id: str = "article", *, title: str | None = None,
            html: bool = False, pack: str = "default", any_theatre: bool = False) -> list["Report"]:
    """Extract the per-article incident reports from one page's text (or HTML, with html=True)."""
    from attackwatch.pipeline import article_from_text, extract_article

    article = article_from_text(text, published=published, article_id=article_id, title=title, html=html, pack=pack)
    return extract_article(article, pack_name=pack, any_theatre=any_theatre)


__all__ = ["extract", "__version__"]
