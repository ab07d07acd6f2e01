"""Extraction: an Article in, the per-article incident Reports out.

    annotate (spaCy Doc, segments) -> frames -> incidents (merge, absorb) -> reports
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from attackwatch.extraction.anchoring import dated_by_landmarks
from attackwatch.extraction.annotate import Annotated, annotate
from attackwatch.extraction.assemble import ArticleContext, build_report, dominant_country, unnamed_sites
from attackwatch.extraction.confidence import assign as assign_confidence
from attackwatch.extraction.frames import Frame, frames_in_sentence
from attackwatch.extraction.incidents import Incident, resolve
from attackwatch.extraction.places import overlaps
from attackwatch.extraction.statements import confirm_answered, unclaimed_zeros
from attackwatch.models import Article, Report
from attackwatch.packs import Pack, get_pack
from attackwatch.text.dates import DateFloor, latest_body_date

__all__ = ["extract_article"]


_HEADLINE_EVENT = re.compile(r"attack|strik|rocket|drone|bomb|blew|blast|explo|missile|\bIED|convoy|\bhit|target|shell|"
                             r"raid|mortar|katyusha|ambush|fire", re.I)


def _title_frames(title: str | None, reference: date | None, pack_name: str, pack: Pack) -> tuple[list[Frame], Annotated | None]:
    """Frames of the headline (offsets into the headline's own Annotated; used only as hints)."""
    if not title or not _HEADLINE_EVENT.search(title):
        return [], None  # a headline with no attack word lends no hint: skip the second pass
    ann = annotate(title, reference, pack_name)
    return [f for sent in ann.sentences for f in frames_in_sentence(sent, ann, pack, from_title=True)], ann


def _apply_title_hints(frames: list[Frame], title_ann: Annotated | None, incidents: list[Incident], pack: Pack) -> None:
    """A headline's weapon ("Blew Up Two US Supply Convoys") or actor backs the lead incident(s)."""
    from attackwatch.extraction.actors import actor_roles

    for f in frames:
        if f.place is None or title_ann is None:
            continue
        convoy = any(c.label == "TARGET" and "convoy" in c.id for s in f.segs for c in s.cues)
        weapon = f.weapon.weapon if f.weapon and (f.weapon.strong or convoy) else None
        roles = actor_roles(f.segs, title_ann.folded, pack)
        if any(r.role == "agent" and r.actor.side in ("us", "israel") for r in roles):
            continue  # a headline about a US strike lends nothing to militia attacks
        actors = [r.actor.id for r in roles if r.role == "agent" and r.actor.kind in ("militia", "umbrella")]
        for inc in incidents:
            if inc.place is None or not overlaps(f.place, inc.place, pack):
                continue
            if weapon and inc.weapon is None and inc.hint_weapon is None:
                inc.hint_weapon = weapon
            if actors and inc.hint_actor is None:
                inc.hint_actor = actors[0]
            break


def _lead_date(incidents: list[Incident]) -> str | None:
    for inc in sorted(incidents, key=lambda i: i.frames[0].sent):
        if inc.date_value and inc.date_precision == "day" and not inc.background_cue:
            return inc.date_value
    return None


def _is_roundup(ann: Annotated, title_ann_text: str | None) -> bool:
    if title_ann_text and any(w in title_ann_text.lower() for w in ("recent weeks", "past weeks", "roundup", "round-up", "weekly")):
        return True
    first = ann.sentences[:3]
    return any(seg.has("ROUNDUP") for s in first for seg in s.segments)


def reference_date(article: Article, pack_name: str = "default") -> date | None:
    """The date relative words ("on Friday", "Feb 3") are read against: the publication date,
    else the latest complete date the body itself states (a page is never published before
    the events it reports as past), else its latest yearless day placed after the well-known
    events it names (see anchoring.dated_by_landmarks). An Arabic page is read by its own rules."""
    if article.language == "ar":
        from attackwatch.extraction.arabic import arabic_reference_date

        return arabic_reference_date(article, pack_name)
    if article.published is not None:
        return article.published
    floor = latest_body_date(article.text) or dated_by_landmarks(article.text, get_pack(pack_name))
    # the latest day an undated page states is about when it is from, not its day: "on Tuesday"
    # after "On Aug. 9 (a Sunday), another explosion" is the Tuesday after, the 11th
    return DateFloor(floor.year, floor.month, floor.day) if floor is not None else None


def extract_article(article: Article, *, pack_name: str = "default", any_theatre: bool = False) -> list[Report]:
    """The incidents one article reports, in reading order. An incident whose date the page
    does not let us determine at all (no publication date, no year anywhere) is left out: a
    record with no date is neither placeable on a timeline nor matchable across outlets."""
    if article.language == "ar":
        from attackwatch.extraction.arabic import extract_arabic  # only pages in Arabic load its lexicon

        return extract_arabic(article, pack_name=pack_name, any_theatre=any_theatre)
    pack = get_pack(pack_name)
    reference = reference_date(article, pack_name)  # once: an undated page's is a scan of its whole text
    ann = annotate(article.text, reference, pack_name)
    incidents = resolve(ann, pack)
    title_frames, title_ann = _title_frames(article.title, reference, pack_name, pack)
    _apply_title_hints(title_frames, title_ann, incidents, pack)
    title_places = [f.place for f in title_frames if f.place is not None]
    ctx = ArticleContext(ann=ann, pack=pack, article_id=article.id, lead_date=_lead_date(incidents),
                         roundup=_is_roundup(ann, article.title), country=dominant_country(ann, pack, title_places),
                         any_theatre=any_theatre, late_zeros=unclaimed_zeros(ann, incidents))
    scored = [(inc, r) for inc, r in ((inc, build_report(inc, ctx)) for inc in incidents)
              if r is not None and r.date is not None]
    # "missiles at two bases in Iraq": one report per base attacked, when the text names none of them
    scored = [(inc, r if n == 0 else replace(r)) for inc, r in scored for n in range(unnamed_sites(inc, r, ann, pack))]
    confirm_answered(ann, scored, pack)
    assign_confidence(scored, ctx, article)
    reports = [r for _, r in scored]
    reports.sort(key=lambda r: r.evidence[0].start if r.evidence else 0)
    return reports
