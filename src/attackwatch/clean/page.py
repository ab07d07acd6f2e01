"""RawPage -> Article: main text, chrome removed, metadata chosen."""
from __future__ import annotations

import re
from datetime import date

from attackwatch.clean.html import extract_html
from attackwatch.clean.language import identify_language, unsupported_reason
from attackwatch.clean.metadata import author_from, byline_candidates, choose_published
from attackwatch.clean.plaintext import clean_text
from attackwatch.ingest.files import InputError, RawPage
from attackwatch.models import Article
from attackwatch.packs import Pack

# a web archive's capture stamp glued before the page's first line (" date 2021-02-26 BAGHDAD ...")
_ARCHIVE_STAMP = re.compile(r"\A\s*date (\d{4})-(\d{2})-(\d{2})\b")


def _archive_stamp(content: str) -> tuple[str, date | None]:
    """The content with a leading archive stamp blanked (same length, so offsets hold) and its date."""
    m = _ARCHIVE_STAMP.match(content)
    if not m:
        return content, None
    try:
        stamped = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        stamped = None
    return " " * m.end() + content[m.end():], stamped


def clean_page(raw: RawPage, pack: Pack, *, published: date | None = None) -> Article:
    """Clean one page; `published` (e.g. from the command line) wins over everything."""
    meta = raw.meta
    candidates: list[tuple[str, date]] = []
    stamped: date | None = None
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
        content, stamped = _archive_stamp(raw.content)
        page = clean_text(content, pack, title=title, outlet=outlet)
        title = title or page.title
        source_text = raw.content
    if not page.text.strip() and raw.kind == "text" and not meta.get("title") and raw.content.strip():
        # a bare sentence or two with no final full stop reads like a headline; with nothing
        # else on the page it is the article itself
        body = raw.content.strip()
        start = raw.content.index(body[0])
        page.text, page.segments, page.title = body, [(0, start, len(body))], None
        title = None
    # the language of what is left (chrome in another language must not decide), or of the
    # whole page when cleaning left nothing: a short French page is refused as French
    judged = page.text if page.text.strip() else (raw.content if raw.kind == "text" else "")
    lang = identify_language(judged)
    if problem := unsupported_reason(lang):
        raise InputError(raw.path, problem)
    if not page.text.strip():
        raise InputError(raw.path, "no article text left after removing page chrome")
    language = lang or "en"  # judged is page.text here: identified once
    candidates = byline_candidates(page.byline_lines) + candidates
    if raw.kind != "html" and stamped is not None:
        candidates.append(("archive", stamped))  # the capture date: a last resort
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
        dropped=page.dropped, language=language)
