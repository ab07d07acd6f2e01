"""Analytics over the incident store: trends (counts over time), lulls (pauses between
incidents, honouring date precision), alerts (reproducible signals with the numbers behind
them) and the periodic situation report (HTML, Markdown, PDF).

Everything here reads incidents only through store methods (`query_incidents`), so any
backend with the same methods works. See docs/analytics.md for the rules.
"""
from __future__ import annotations

from attackwatch.analyze.records import Dated, dated, load_incidents

__all__ = ["Dated", "dated", "load_incidents"]
