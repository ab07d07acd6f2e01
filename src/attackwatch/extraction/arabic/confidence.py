"""A confidence for Arabic reports: the pack's confidence model (fitted on English reports,
packs/<pack>/confidence.json) over the signals that mean the same in any language — how
precise the place and the date are, whether the weapon, actor and toll are stated, how many
sentences tell it, whether it is the article's news or an aside.

The model is not refitted on Arabic: the Arabic dev corpus has 22 pages and no false report
to learn from. Without a confidence an Arabic incident would vanish under any
`--min-confidence` filter (a null never passes it), which is worse than a transferred one.
"""
from __future__ import annotations

import math

from attackwatch.extraction.arabic.incidents import ArIncident
from attackwatch.extraction.confidence import _shadowed, model_for, report_signals
from attackwatch.models import Article, Report
from attackwatch.packs import Pack


def arabic_features(inc: ArIncident, report: Report, siblings: list[Report], article: Article) -> dict[str, float]:
    starts = [r.evidence[0].start for r in siblings if r.evidence]
    lead = bool(starts) and bool(report.evidence) and report.evidence[0].start == min(starts)
    coarse = report.geo_precision == "country" or (inc.place is not None and inc.place.kind == "area")
    spans = {(e.start, e.end) for e in report.evidence}
    others = {(e.start, e.end) for r in siblings if r is not report for e in r.evidence}
    said = [h.end for f in inc.frames for h in f.hits if h.kind == "state_verb"]
    own_date = inc.date is not None and not inc.date.assumed and inc.landmark is None
    return {
        **report_signals(report, article),
        "date_own": float(own_date),
        "date_context": float(not own_date),
        "landmark": float(inc.landmark is not None),
        "log_frames": math.log1p(len(inc.frames)),
        "log_reports_in_article": math.log1p(len(siblings)),
        "lead_report": float(lead),
        "shared_evidence": float(bool(spans & others)),
        "shadowed": float(_shadowed(report, siblings)),
        "place_area": float(inc.place is not None and inc.place.kind == "area"),
        "coarse_background": float(coarse and report.background),
        "coarse_aside": float(coarse and not lead),
        # "قالت الوزارة مساء أمس": the day of a statement, not always of the event
        "date_by_statement": float(own_date and inc.date is not None
                                   and any(0 <= inc.date.start - e <= 25 for e in said)),
    }


def assign_arabic(scored: list[tuple[ArIncident, Report]], article: Article, pack: Pack) -> None:
    """Set `confidence` on each Arabic report of one article (None when the pack has no model)."""
    model = model_for(pack)
    if model is None:
        return
    siblings = [r for _, r in scored]
    for inc, report in scored:
        report.confidence = round(model.score(arabic_features(inc, report, siblings, article)), 3)
