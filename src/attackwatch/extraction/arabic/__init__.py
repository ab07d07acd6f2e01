"""The Arabic extractor: an Arabic Article in, the same contract Reports out.

    fold (normalise, keep offsets) -> clauses -> frames -> incidents -> reports

It shares the records, the pack's actors and places (their `ar_aliases`), the geocoder, and
everything after extraction (resolution, storage, the dashboard) with the English pipeline;
only reading the language is its own.
"""
from __future__ import annotations

from datetime import date

from attackwatch.extraction.arabic.assemble import build
from attackwatch.extraction.arabic.confidence import assign_arabic
from attackwatch.extraction.arabic.dates import hijri_anchor, latest_full_date
from attackwatch.extraction.arabic.frames import clauses_of, frames_of
from attackwatch.extraction.arabic.incidents import group
from attackwatch.extraction.arabic.landmarks import landmark_incidents
from attackwatch.extraction.arabic.lexicon import lexicon
from attackwatch.extraction.arabic.normalize import fold_ar
from attackwatch.models import Article, Report
from attackwatch.packs import get_pack

__all__ = ["extract_arabic", "arabic_reference_date"]


def arabic_reference_date(article: Article, pack_name: str = "default") -> date | None:
    """What relative words are read against: the publication date, else the latest full date
    the page prints, else the day a Hijri equivalence pins down."""
    if article.published is not None:
        return article.published
    lex = lexicon(get_pack(pack_name))
    folded = fold_ar(article.text).text
    # a stamp cleaning set aside ("تاريخ النشر : الاثنين 11:03 14-7-2025") dates the page too;
    # a page header's date is the day it was saved, not published
    stamps = fold_ar("\n".join(d.text for d in article.dropped if d.reason != "page header")).text
    return latest_full_date(folded + "\n" + stamps, lex) or hijri_anchor(folded, lex)


def _place_by_country(incidents: list, clauses: list, pack) -> None:  # type: ignore[type-arg, no-untyped-def]
    """An incident whose frames name no place but give their own date ("منذ هجوم صاروخي في
    أواخر ديسمبر على قاعدة عراقية") happened in the country the page is about."""
    counts: dict[str, int] = {}
    for c in clauses:
        for _, p in c.places:
            if p.country_code in pack.theatre:
                counts[p.country_code] = counts.get(p.country_code, 0) + 1
    if not counts:
        return
    country = pack.country(max(counts, key=lambda k: counts[k]))
    for inc in incidents:
        if inc.place is None and inc.date is not None and not inc.date.assumed:
            inc.place = country


def extract_arabic(article: Article, *, pack_name: str = "default", any_theatre: bool = False) -> list[Report]:
    pack = get_pack(pack_name)
    lex = lexicon(pack)
    fold = fold_ar(article.text)
    ref = arabic_reference_date(article, pack_name)
    if ref is None:
        from attackwatch.text.dates import latest_body_date

        ref = latest_body_date(article.text)  # an English date in an embedded tweet still dates the page
    clauses = clauses_of(fold.text, lex, pack, ref)
    recalled, clauses = landmark_incidents(clauses, fold.text, pack, ref)
    incidents = group(frames_of(clauses), pack.theatre, ref) + recalled
    numbers = lex.hits(fold.text, ("number",))
    _place_by_country(incidents, clauses, pack)
    lead = next((date.fromisoformat(i.date.value) for i in sorted(incidents, key=lambda i: i.frames[0].clauses[0].start)
                 if i.date is not None and i.date.precision == "day" and i.place is not None), None)
    scored = []
    for inc in incidents:
        rep = build(inc, article_id=article.id, text=article.text, fold=fold, lex=lex, pack=pack, lead=lead,
                    numbers=numbers)
        if rep is None:
            continue
        if not any_theatre and pack.theatre and rep.country_code not in pack.theatre:
            continue
        scored.append((inc, rep))
    assign_arabic(scored, article, pack)
    reports = [r for _, r in scored]
    reports.sort(key=lambda r: r.evidence[0].start if r.evidence else 0)
    return reports
