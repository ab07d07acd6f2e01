"""How likely a report is a real incident with the right date and place: a logistic model
over the rule signals the extractor already has when it builds a report.

The features are read from the pipeline's own objects (the Incident the rules grouped, the
ArticleContext, the finished Report and its siblings of the same article); nothing here
changes a report except its `confidence`. The coefficients are pack data
(`packs/<pack>/confidence.json`), refitted on the dev corpus by `tools/fit_confidence.py`;
see docs/confidence.md for the features, the labels and the calibration.

A deduplicated incident's confidence combines its reports' (see `incident_confidence`).
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attackwatch.models import Article, Report

if TYPE_CHECKING:  # only for signatures: the extractor imports this module, not the reverse
    from attackwatch.extraction.annotate import Annotated
    from attackwatch.extraction.assemble import ArticleContext
    from attackwatch.extraction.incidents import Incident
    from attackwatch.packs import Pack

MODEL_FILE = "confidence.json"
# plural or bare attack nouns: "attacks on US forces" names no event; a verb ("struck",
# "exploded", "came under fire") or a particular noun phrase tells one
_GENERIC_TRIGGERS = {"attack", "attacks", "strike", "strikes", "airstrikes", "raids", "bombings", "assaults",
                     "incidents", "explosions", "blasts", "operations", "operation"}

# every feature the model may weigh, in a fixed order (the pack file names its own subset)
FEATURES: tuple[str, ...] = (
    "geo_site", "geo_town", "geo_admin1",
    "date_own", "date_context", "date_coarse", "no_published", "log_days_before_published",
    "weapon_known", "actor_named", "claimed", "confirmed", "casualties_stated",
    "background", "landmark", "absorbed",
    "log_frames", "log_evidence", "trigger_event", "aggregate_near", "modal_near",
    "roundup", "log_reports_in_article", "twin_in_article", "lead_report", "place_in_title",
    "undated", "shared_evidence", "shadowed", "countries_in_sentence", "first_sentence", "place_in_dateline",
    "log_place_mentions", "log_date_mentions", "place_area", "coarse_background", "coarse_aside",
    "date_by_statement",
)
# "ERBIL, Kurdistan Region –", "BAGHDAD (AP) —": where the outlet filed from, often taken for
# the incident's place
_DATELINE = re.compile(r"^\W*([A-Z][A-Za-z' .-]{2,40}?)(?:,[^–—\-(]{0,40})?\s*(?:\([^)]{1,40}\))?\s*[–—-]\s")
_GEO_RANK = {"country": 0, "admin1": 1, "town": 2, "site": 3}


@dataclass(frozen=True)
class ConfidenceModel:
    """A logistic model: confidence = sigmoid(intercept + sum(weight * feature))."""

    version: str
    intercept: float
    weights: dict[str, float]

    def score(self, feats: dict[str, float]) -> float:
        z = self.intercept + sum(w * feats.get(name, 0.0) for name, w in self.weights.items())
        return _sigmoid(z)


def _sigmoid(z: float) -> float:
    if z < -40:
        return 0.0
    if z > 40:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


def parse_model(data: dict[str, Any]) -> ConfidenceModel:
    """The model held by a pack's confidence.json (raises ValueError when malformed)."""
    if not isinstance(data, dict) or not isinstance(data.get("version"), str):
        raise ValueError("confidence.json: needs a string 'version'")
    intercept = data.get("intercept")
    weights = data.get("weights")
    if not isinstance(intercept, (int, float)) or isinstance(intercept, bool):
        raise ValueError("confidence.json: 'intercept' must be a number")
    if not isinstance(weights, dict) or not weights:
        raise ValueError("confidence.json: 'weights' must be a non-empty object")
    out: dict[str, float] = {}
    for name, w in weights.items():
        if name not in FEATURES:
            raise ValueError(f"confidence.json: unknown feature {name!r}")
        if not isinstance(w, (int, float)) or isinstance(w, bool) or not math.isfinite(w):
            raise ValueError(f"confidence.json: weight of {name!r} must be a finite number")
        out[name] = float(w)
    return ConfidenceModel(version=data["version"], intercept=float(intercept), weights=out)


@lru_cache(maxsize=8)
def _model_at(root: str) -> ConfidenceModel | None:
    path = Path(root) / MODEL_FILE
    if not path.exists():
        return None  # a pack without a model: reports keep confidence None
    return parse_model(json.loads(path.read_text(encoding="utf-8")))


def model_for(pack: "Pack") -> ConfidenceModel | None:
    return _model_at(str(pack.root))


# -- features -------------------------------------------------------------------------------

def _days_before(value: str | None, published: date | None) -> int | None:
    if not value or len(value) != 10 or published is None:
        return None
    try:
        return (published - date.fromisoformat(value)).days
    except ValueError:
        return None


def _same_slot(a: Report, b: Report) -> bool:
    """Two reports of one article that a reader would take for one incident: the same day
    (or one a prefix of the other) in the same first-level area."""
    if not a.date or not b.date or not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False
    if a.country_code != b.country_code:
        return False
    return a.admin1_code == b.admin1_code or a.admin1_code is None or b.admin1_code is None


def _in_dateline(report: Report) -> bool:
    """The report's place is only the dateline of its first evidence sentence."""
    if not report.evidence or not report.place:
        return False
    m = _DATELINE.match(report.evidence[0].text)
    if m is None:
        return False
    dateline, place = m.group(1).strip().lower(), report.place.lower()
    rest = report.evidence[0].text[m.end():].lower()
    return (dateline in place or place in dateline) and place not in rest


def _shadowed(report: Report, siblings: list[Report]) -> bool:
    """A sibling tells the same day in the same country more precisely: this report is
    likely a coarser echo of it ("the attack in Iraq" after "the rockets at Balad")."""
    rank = _GEO_RANK.get(report.geo_precision, 0)
    for r in siblings:
        if r is report or _GEO_RANK.get(r.geo_precision, 0) <= rank or r.country_code != report.country_code:
            continue
        if report.date and r.date and (r.date.startswith(report.date) or report.date.startswith(r.date)):
            if report.admin1_code is None or report.admin1_code == r.admin1_code:
                return True
    return False


def mention_counts(ann: "Annotated") -> Counter[str]:
    """How often the article names each place id and each date value (counted once per article,
    not once per report)."""
    counts: Counter[str] = Counter()
    for sent in ann.sentences:
        for seg in sent.segments:
            counts.update("place:" + m.id for m in seg.places)
            counts.update("date:" + d.value for d in seg.dates if d.value)
    return counts


@dataclass(frozen=True)
class SiblingIndex:
    """What every report's features ask of all the article's reports, computed once per article
    (asked per report, it made a page with thousands of reports quadratic)."""
    first_start: int | None  # the earliest first-evidence offset of any report
    span_owners: Counter[tuple[int, int]]  # evidence span -> how many reports quote it
    # country code -> the reports in it, in order: a twin or a more precise telling of the same slot
    # is always in the same country (asked of every report, all siblings made a long page quadratic)
    by_country: dict[str | None, list[Report]] = field(default_factory=dict)

    @classmethod
    def of(cls, siblings: list[Report]) -> "SiblingIndex":
        starts = [r.evidence[0].start for r in siblings if r.evidence]
        owners: Counter[tuple[int, int]] = Counter()
        by_country: dict[str | None, list[Report]] = {}
        for r in siblings:
            owners.update({(e.start, e.end) for e in r.evidence})
            by_country.setdefault(r.country_code, []).append(r)
        return cls(min(starts) if starts else None, owners, by_country)


def report_signals(report: Report, article: Article) -> dict[str, float]:
    """The signals read off a finished report and its page alone, the same in any language (the
    Arabic extractor's confidence takes them too): how precise the place and date are, what the
    report states, how many sentences tell it."""
    return {
        "geo_site": float(report.geo_precision == "site"),
        "geo_town": float(report.geo_precision == "town"),
        "geo_admin1": float(report.geo_precision == "admin1"),
        "date_coarse": float(report.date_precision not in ("day", None)),
        # the page states no publication date (relative words were read against a date in its body)
        "no_published": float(article.published is None),
        "weapon_known": float(report.weapon != "unknown"),
        "actor_named": float(report.actor is not None),
        "claimed": float(report.claimed),
        "confirmed": float(report.confirmation == "confirmed"),
        "casualties_stated": float(report.killed is not None or report.injured is not None),
        "background": float(report.background),
        "log_evidence": math.log1p(len(report.evidence)),
    }

def features(inc: "Incident", report: Report, ctx: "ArticleContext", siblings: list[Report],
             article: Article, counts: Counter[str] | None = None, index: SiblingIndex | None = None) -> dict[str, float]:
    """The signals of one report (siblings: every report of its article, itself included;
    counts: mention_counts of the article, and index: SiblingIndex.of(siblings), computed here
    when not given)."""
    ann = ctx.ann
    title = article.title
    if counts is None:
        counts = mention_counts(ann)
    sents = {f.sent for f in inc.frames}
    near = [seg for i in sents for seg in ann.sentences[i].segments]
    triggers = [t.text.lower() for f in inc.frames for s in f.segs for t in s.triggers]
    gap = _days_before(report.date, ann.published)
    first_start = report.evidence[0].start if report.evidence else 0
    if index is None:
        index = SiblingIndex.of(siblings)
    where = {n.lower() for n in (report.place, report.admin1) if n}
    coarse = report.geo_precision == "country" or (inc.place is not None and inc.place.kind == "area")
    lead = index.first_start is not None and first_start == index.first_start
    spans = {(e.start, e.end) for e in report.evidence}
    same_country = index.by_country.get(report.country_code, [])
    # another report quotes one of these spans too (the report itself counts once per span)
    shared = any(index.span_owners[sp] >= 2 for sp in spans)
    # "attacks on US forces in Iraq and Syria": a sentence spanning countries tells a pattern
    countries = {p.country_code for seg in near for m in seg.places
                 if (p := ctx.pack.places.get(m.id)) is not None and p.kind == "country"}
    return {
        **report_signals(report, article),
        "date_own": float(inc.date_source == "own"),
        "date_context": float(inc.date_source == "context"),
        "log_days_before_published": math.log1p(max(gap, 0)) if gap is not None else 0.0,
        "landmark": float(inc.landmark is not None),
        "absorbed": float(bool(inc.absorbed)),
        "log_frames": math.log1p(len(inc.frames)),
        "trigger_event": float(any(t not in _GENERIC_TRIGGERS for t in triggers)),
        # an aggregate or a threat told in the very sentences of the incident
        "aggregate_near": float(any(seg.aggregate for seg in near)),
        "modal_near": float(any(seg.modal for seg in near)),
        "roundup": float(ctx.roundup),
        "log_reports_in_article": math.log1p(len(siblings)),
        "twin_in_article": float(any(r is not report and _same_slot(r, report) for r in same_country)),
        "lead_report": float(lead),
        "place_in_title": float(bool(title) and any(w in title.lower() for w in where)),
        "undated": float(report.date is None),
        "shared_evidence": float(shared),
        "shadowed": float(_shadowed(report, same_country)),
        "countries_in_sentence": float(min(len(countries), 3)),
        "first_sentence": float(min(f.sent for f in inc.frames) == 0) if inc.frames else 0.0,
        "place_in_dateline": float(_in_dateline(report)),
        # an incident an article is about names its place and day again and again
        "log_place_mentions": math.log1p(counts["place:" + inc.place.id]) if inc.place is not None else 0.0,
        "log_date_mentions": math.log1p(counts["date:" + report.date]) if report.date else 0.0,
        # "northern Iraq", "the Kurdistan Region": a region, not a spot
        "place_area": float(inc.place is not None and inc.place.kind == "area"),
        # a country-wide telling is fine as an article's news, weak as a reference or an aside
        "coarse_background": float(coarse and report.background),
        "coarse_aside": float(coarse and not lead),
        # "the ministry said on Wednesday": the day of a statement, not always of the event
        "date_by_statement": float(any(f.date is not None and 0 <= f.date.start - c.end <= 25
                                       for f in inc.frames for sg in f.segs for c in sg.cue("SAY"))),
    }


# the fit script collects (report, features) here while it runs the extractor
_SINK: ContextVar[list[tuple[Report, dict[str, float]]] | None] = ContextVar("confidence_sink", default=None)


@contextmanager
def collect_features() -> Iterator[list[tuple[Report, dict[str, float]]]]:
    """Within this block every scored report and its features are appended to the list."""
    sink: list[tuple[Report, dict[str, float]]] = []
    token = _SINK.set(sink)
    try:
        yield sink
    finally:
        _SINK.reset(token)


def assign(scored: list[tuple["Incident", Report]], ctx: "ArticleContext", article: Article) -> None:
    """Set `confidence` on each report of one article (left None when the pack has no model)."""
    model = model_for(ctx.pack)
    sink = _SINK.get()
    siblings = [r for _, r in scored]
    counts = mention_counts(ctx.ann) if scored else Counter()
    index = SiblingIndex.of(siblings)
    for inc, report in scored:
        feats = features(inc, report, ctx, siblings, article, counts, index)
        if sink is not None:
            sink.append((report, feats))
        if model is not None:
            report.confidence = round(model.score(feats), 3)


# -- incidents ------------------------------------------------------------------------------

def incident_confidence(members: list[tuple[float | None, str]]) -> float | None:
    """An incident's confidence from its reports' (confidence, outlet) pairs: noisy-or over
    outlets, each outlet counting once with its most confident report. Two outlets telling
    the same incident independently are more likely right than either; one outlet's several
    pages are not independent. None when no report carries a confidence (an old database)."""
    best: dict[str, float] = {}
    for conf, outlet in members:
        if conf is None:
            continue
        best[outlet] = max(best.get(outlet, 0.0), float(conf))
    if not best:
        return None
    miss = 1.0
    for conf in best.values():
        miss *= 1.0 - conf
    return round(1.0 - miss, 3)
