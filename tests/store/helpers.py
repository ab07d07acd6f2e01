"""Helpers shared by the store tests: pipeline results for short test articles, a
database's incident grouping, and a full SQL dump for before/after comparisons."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from attackwatch.pipeline import PageResult, article_from_text, extract_article

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


def page(article_id: str, text: str, published: str, outlet: str, url: str | None = None) -> PageResult:
    """A pipeline result for a short article written for the tests."""
    article = article_from_text(text, published=published, article_id=article_id)
    article.outlet = outlet
    article.url = url or f"https://tests.example/{article_id}"
    return PageResult(path=f"{article_id}.txt", article=article, reports=extract_article(article))


def groups(store: Any) -> dict[str, tuple[str, ...]]:
    """incident id -> its report ids, sorted."""
    return {i: tuple(store.members(i)) for i in store.incident_ids()}


def dump(path: Path | str) -> list[str]:
    """The whole database as SQL text (schema and every row, full-text index included)."""
    conn = sqlite3.connect(str(path))
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
