"""RawPage -> Article: main text, chrome removed, metadata chosen."""
from __future__ import annotations

from datetime import date

from attackwatch.clean.html import extract_html
from attackwatch.clean.language import language_problem
from attackwatch.clean.metadata import author_from, byline_candidates, choose_published
from attackwatch.clean.plaintext import clean_text
from attackwatch.ingest.files import InputError, RawPage
from attackwatch.models import Article
from attackwatch.packs import Pack

def clean_page(raw: RawPage, pack: Pack, *, published: date | None = None) -> Article:
    """Clean one page; `published` (e.g. from the command line) wins over everything."""
    meta = raw.meta
    if raw.kind == "text" and (problem := language_problem(raw.content)):
        raise InputError(raw.path, problem)
    candidates: list[tuple[str, date]] = []
    title, author, outlet = meta.get("title"), None, meta.get("outlet")
    if raw.kind == "html":
        html = extract_html(raw.content)
        if html is None:
            raise InputError(raw.path, "HTML page has no article text")
        page = clean_text(html.text, pack, title=title or html.title, outlet=outlet or html.sitename)
        title = title or html.title or page.title
        author = html.author
        outlet = outlet or html.sitename
        if html.date:
            candidates.append(("html", html.date))
        source_text = html.text
    else:
        page = clean_text(raw.content, pack, title=title, outlet=outlet)
        title = title or page.title
        source_text = raw.content
    if not page.text.strip() and raw.kind == "text" and not meta.get("title") and raw.content.strip():
        # a bare sentence or two with no final full stop reads like a headline; with nothing
        # else on the page it is the article itself
        body = raw.content.strip()
        start = raw.content.index(body[0])
        page.text, page.segments, page.title = body, [(0, start, len(body))], None
        title = None
    if not page.text.strip():
        raise InputError(raw.path, "no article text left after removing page chrome")
    if raw.kind == "html" and (problem := language_problem(page.text)):
        raise InputError(raw.path, problem)
    candidates = byline_candidates(page.byline_lines) + candidates
    if published is not None:
        pub, pub_source = published, "argument"
    elif meta.get("published"):
        pub, pub_source = meta["published"], "sidecar"
    else:
        pub, pub_source = choose_published(candidates, page.text)
    return Article(
        id=raw.id, text=page.text, source_text=source_text, segments=page.segments, title=title,
        byline=" | ".join(page.byline_lines) or None, author=author or author_from(page.byline_lines),
        outlet=outlet, url=meta.get("url"), published=pub, published_source=pub_source, path=raw.path,
        dropped=page.dropped)
