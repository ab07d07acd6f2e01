"""The library's front door: pages in, reports out, one page at a time, failures isolated."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Iterator

from attackwatch.clean.page import clean_page
from attackwatch.extraction import extract_article, reference_date
from attackwatch.ingest.files import InputError, RawPage, iter_page_paths, read_page
from attackwatch.ingest.records import iter_records
from attackwatch.models import Article, Report
from attackwatch.packs import get_pack
from attackwatch.text.dates import latest_body_date
from attackwatch.validation import YEAR_MAX, YEAR_MIN, InvalidValue, check_day

_SURROGATE = re.compile("[\ud800-\udfff]")

__all__ = ["PageResult", "article_from_text", "extract_article", "extract_paths", "load_article", "process_page",
           "process_raw", "process_records"]


@dataclass
class PageResult:
    path: str
    article: Article | None = None
    reports: list[Report] = field(default_factory=list)
    error: str | None = None
    note: str | None = None  # processed, but something the user should know ("undated page")


def _as_date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def article_from_text(text: str, *, published: str | date | None = None, article_id: str = "article",
                      title: str | None = None, html: bool = False, pack: str = "default") -> Article:
    raw = RawPage(id=article_id, kind="html" if html else "text", content=text, path=article_id,
                  meta={"title": title} if title else {})
    return clean_page(raw, get_pack(pack), published=_as_date(published))


def load_article(path: str, *, published: date | None = None, pack: str = "default") -> Article:
    return clean_page(read_page(path), get_pack(pack), published=published)


def process_raw(raw: RawPage, *, published: date | None = None, pack: str = "default",
                any_theatre: bool = False) -> PageResult:
    """Clean and extract one page already read into memory (from a file, a WARC record, a
    JSONL or Parquet row, a feed); a bad page gives a result with `error` set, never raises.

    `raw.meta["crawl_date"]` (a web archive's capture date) is a last resort: a page that
    gives its own date keeps it, and a crawl date earlier than a full date the body reports
    as past is no publication date.

    Any exception the cleaning or extraction libraries raise on a strange page is caught
    too and reported as "internal error" (the soak in bench/ counts those as crashes)."""
    try:
        check_day("published", published)
        raw = _encodable(raw)
        article = clean_page(raw, get_pack(pack), published=published)
        if article.published is not None and not YEAR_MIN <= article.published.year <= YEAR_MAX:
            article.published, article.published_source = None, None  # a page's "0001-01-01" dates nothing
        crawled = raw.meta.get("crawl_date")
        if crawled is not None and article.published is None and YEAR_MIN <= crawled.year <= YEAR_MAX:
            latest = latest_body_date(article.text)
            if latest is None or latest <= crawled:
                article.published, article.published_source = crawled, "crawl"
        reports = extract_article(article, pack_name=pack, any_theatre=any_theatre)
        note = None
        if article.published is None:
            inferred = reference_date(article, pack)
            if inferred is None:
                # incidents the page cannot date are left out (see extract_article): say why
                note = (f"{raw.path}: no publication date and no full date in the text, so only incidents "
                        "with their own year are reported; give --published or a sidecar")
            elif article.language != "ar" and latest_body_date(article.text) is None:
                # (an Arabic page's reference date comes from its own Arabic dates or a Hijri
                # equivalence, see extraction/arabic: none of this guessing)
                note = (f"{raw.path}: no publication date and no full date in the text; its days are read as "
                        f"falling after the well-known events it names (up to {inferred.isoformat()}); "
                        "give --published or a sidecar to be sure")
    except InputError as exc:
        return PageResult(path=raw.path, error=str(exc))
    except InvalidValue as exc:
        return PageResult(path=raw.path, error=f"{raw.path}: {exc}")
    except RecursionError as exc:  # pathological nesting in a page
        return PageResult(path=raw.path, error=f"{raw.path}: could not be processed ({exc.__class__.__name__})")
    except Exception as exc:  # noqa: BLE001 - the contract: one page never takes the batch down
        reason = (str(exc).splitlines() or [""])[0][:160]
        return PageResult(path=raw.path, error=f"{raw.path}: could not be processed "
                                               f"(internal error: {exc.__class__.__name__}: {reason})")
    return PageResult(path=raw.path, article=article, reports=reports, note=note)


def _encodable(raw: RawPage) -> RawPage:
    """The page with lone surrogates (from a `\\ud800` JSON escape or a surrogateescape
    decode) replaced by U+FFFD: no encoder, spaCy's included, can write them."""
    texts = [raw.content, *(v for v in raw.meta.values() if isinstance(v, str))]
    if not any(_SURROGATE.search(t) for t in texts):
        return raw
    meta = {k: _SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in raw.meta.items()}
    return RawPage(id=_SURROGATE.sub("\ufffd", raw.id), kind=raw.kind, content=_SURROGATE.sub("\ufffd", raw.content),
                   path=raw.path, meta=meta, encoding=raw.encoding)


def extract_paths(paths: list[str], *, published: date | None = None, pack: str = "default",
                  any_theatre: bool = False) -> Iterator[PageResult]:
    """Extract every page under `paths`; a bad page yields a result with `error` set."""
    for path in iter_page_paths(paths):
        try:
            raw = read_page(path)
        except InputError as exc:
            yield PageResult(path=path, error=str(exc))
            continue
        yield process_raw(raw, published=published, pack=pack, any_theatre=any_theatre)


def process_page(raw: RawPage, *, pack: str = "default", any_theatre: bool = False) -> PageResult:
    """Clean and extract one record's page (an archive's crawl date only as a last resort)."""
    return process_raw(raw, pack=pack, any_theatre=any_theatre)


def process_records(paths: list[str], *, pack: str = "default", any_theatre: bool = False) -> Iterator[PageResult]:
    """PageResults for every page under `paths` (a bad record is a result with `error`)."""
    for item in iter_records(paths):
        if isinstance(item, InputError):
            yield PageResult(path=item.path, error=str(item))
        else:
            yield process_page(item, pack=pack, any_theatre=any_theatre)
