"""The public Python API (re-exported by the package)."""
from __future__ import annotations

from datetime import date

from attackwatch.models import Report


def extract(text: str, published: str | date | None = None, article_id: str = "article", *, title: str | None = None,
            html: bool = False, pack: str = "default", any_theatre: bool = False) -> list[Report]:
    """Extract the per-article incident reports from one page's text (or HTML, with html=True)."""
    from attackwatch.pipeline import article_from_text, extract_article

    article = article_from_text(text, published=published, article_id=article_id, title=title, html=html, pack=pack)
    return extract_article(article, pack_name=pack, any_theatre=any_theatre)
