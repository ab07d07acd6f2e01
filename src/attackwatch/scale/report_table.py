"""The flat, typed reports table of an `attackwatch batch` output: one row per report
(reports/<partition>.parquet beside parts/<partition>.parquet), every field of the contract
record as its own typed column (dates as dates, counts as integers, coordinates as floats,
flags as booleans) and the evidence as a list of (text, start, end), so pandas, DuckDB or
Spark read it with no json.loads:

    pandas.read_parquet("out/reports")      duckdb: SELECT * FROM 'out/reports/*.parquet'
"""
from __future__ import annotations

from datetime import date
from typing import Any

REPORTS = "reports"


def reports_schema() -> Any:
    import pyarrow as pa

    text, count, flag = pa.string(), pa.int32(), pa.bool_()
    evidence = pa.list_(pa.struct([("text", text), ("start", count), ("end", count)]))
    return pa.schema([
        ("report_id", text), ("article_id", text), ("ordinal", count), ("url", text), ("outlet", text),
        ("published", pa.date32()),
        ("date", text), ("date_precision", text), ("date_first_day", pa.date32()), ("event_type", text),
        ("weapon", text), ("actor", text), ("actor_parent", text), ("claimed", flag), ("target_type", text),
        ("target_actor", text), ("target", text), ("place", text), ("place_id", text), ("admin1", text),
        ("admin1_code", text), ("country", text), ("country_code", text), ("latitude", pa.float64()),
        ("longitude", pa.float64()), ("geo_precision", text), ("killed", count), ("injured", count),
        ("intercepted", flag), ("confirmation", text), ("background", flag), ("confidence", pa.float64()),
        ("evidence", evidence)])


def _first_day(value: str | None) -> date | None:
    if not value:
        return None
    parts = value.split("-")
    try:
        return date.fromisoformat("-".join(parts + ["01"] * (3 - len(parts))))
    except ValueError:
        return None


def report_rows(article: Any, reports: list[Any]) -> list[dict[str, Any]]:
    """The rows of one extracted article's reports (`article`: models.Article)."""
    names = reports_schema().names
    out = []
    for n, report in enumerate(reports):
        d = report.to_dict()
        row = {k: d.get(k) for k in names}
        row.update({"report_id": f"{article.id}#{n}", "article_id": article.id, "ordinal": n, "url": article.url,
                    "outlet": article.outlet, "published": article.published,
                    "date_first_day": _first_day(d.get("date")), "evidence": d.get("evidence") or []})
        for k in ("killed", "injured"):
            row[k] = int(row[k]) if isinstance(row[k], (int, float)) and not isinstance(row[k], bool) else None
        out.append(row)
    return out
