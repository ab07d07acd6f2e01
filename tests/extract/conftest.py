"""`extract` fixture: the public `attackwatch.extract(text, published=..., article_id=...)`.

It calls the same two pipeline steps as the public function directly, because the package
attribute `attackwatch.extract` is replaced by the subpackage `attackwatch.extract` as soon
as any of its submodules is imported (see test_public_api.py); importing the function at
module level would make these tables depend on test collection order.
"""
from __future__ import annotations

import pytest

from attackwatch.pipeline import article_from_text, extract_article


def _extract(text, published=None, article_id="article", *, title=None, html=False, pack="default",
             any_theatre=False):
    article = article_from_text(text, published=published, article_id=article_id, title=title, html=html,
                                pack=pack)
    return extract_article(article, pack_name=pack, any_theatre=any_theatre)


@pytest.fixture(scope="session")
def extract():
    return _extract
