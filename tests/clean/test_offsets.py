"""The cleaned article text maps back to the saved page, character by character."""
from __future__ import annotations

from attackwatch.pipeline import article_from_text

PAGE = """Home | World | Middle East | Subscribe
Support Example News
$5
$25

Rockets strike near Erbil airport

By Jane Roe | March 3, 2021

Three rockets struck near Erbil International Airport late on Monday, the Kurdistan Region's interior ministry said.

No group immediately claimed responsibility for the attack.

- Advertisement -

12 Comments
Notify of
The comment section says nothing useful about 2019.
"""


def test_every_kept_character_maps_back_to_the_page() -> None:
    article = article_from_text(PAGE, article_id="offsets")
    assert article.text.startswith("Three rockets struck")
    assert "Comments" not in article.text and "Support Example News" not in article.text
    for i, ch in enumerate(article.text):
        if ch == "\n":  # paragraph separators are ours, not the page's
            continue
        assert article.source_text[article.source_offset(i)] == ch, i


def test_title_byline_and_date_are_kept_apart() -> None:
    article = article_from_text(PAGE, article_id="offsets")
    assert article.title == "Rockets strike near Erbil airport"
    assert article.author == "Jane Roe"
    assert article.published is not None and article.published.isoformat() == "2021-03-03"
