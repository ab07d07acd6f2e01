"""Reviewed incidents as an evaluation set: `attackwatch review export-gold -o DIR`.

Writes DIR in the layout of the shared gold corpus (../shared/eval/score.py): `gold.jsonl`
(one gold incident per article that reports it, with the analyst's values), `same_as.jsonl`
(the gold ids of one incident in different articles), `incidents.jsonl` (the reviewed
incidents, for the scorer's --canonical deduplication check) and each article as `ID.txt`
with its `ID.meta.json` sidecar, so `attackwatch extract DIR` re-reads exactly these pages.
Only confirmed and corrected incidents go in: rejected and unreviewed ones say nothing sure.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from attackwatch.store.filters import IncidentFilter

# the gold record's fields besides its article, id and evidence, as score.py reads them
GOLD_FIELDS = ("date", "date_precision", "event_type", "weapon", "actor", "claimed", "target_type", "target_actor",
               "place", "admin1", "admin1_code", "country", "country_code", "latitude", "longitude", "killed", "injured",
               "intercepted", "confirmation", "background")
_UNSAFE = re.compile(r"[^A-Za-z0-9_.:-]")


@dataclass
class GoldSummary:
    incidents: int = 0
    gold: int = 0
    articles: int = 0
    same_as: int = 0

    def line(self) -> str:
        return (f"{self.incidents} reviewed incidents: {self.gold} gold records from {self.articles} articles, "
                f"{self.same_as} same-incident pairs")


def _file_stem(article_id: str) -> str:
    """An article id as a file name (ids come from file stems or the API's pattern, but a
    feed may bring anything: never let one climb out of DIR)."""
    stem = _UNSAFE.sub("_", article_id).lstrip(".")
    return stem or "article"


def export_gold(store: Any, out_dir: str | Path, flt: IncidentFilter | None = None) -> GoldSummary:
    """Write the confirmed and corrected incidents (matching `flt`'s other filters) to out_dir."""
    from dataclasses import replace

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    where, params = replace(flt or IncidentFilter(), review="reviewed").sql()
    summary = GoldSummary()
    gold_lines: list[dict[str, Any]] = []
    pairs: list[dict[str, str]] = []
    incidents: list[dict[str, Any]] = []
    per_article: dict[str, int] = {}
    stems: dict[str, str] = {}
    for record in store.query_incidents(where, params):
        summary.incidents += 1
        ids: list[tuple[str, str]] = []  # (article, gold id) of this incident
        for report in record.get("reports") or []:
            article_id = str(report.get("article_id") or "")
            if not article_id or any(a == article_id for a, _ in ids):
                continue  # an incident holds one report per article; keep the first if not
            if article_id not in stems:
                article = store.article(article_id)
                if article is None:
                    continue
                stem = _file_stem(article_id)
                while stem in stems.values():
                    stem += "_"
                stems[article_id] = stem
                (out / f"{stem}.txt").write_text(article["text"], encoding="utf-8")
                meta = {"id": stem, "url": article.get("url"), "outlet": article.get("outlet"),
                        "title": article.get("title"), "published": article.get("published")}
                (out / f"{stem}.meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n",
                                                       encoding="utf-8")
            stem = stems[article_id]
            per_article[stem] = per_article.get(stem, 0) + 1
            gold_id = f"{stem}-e{per_article[stem]}"
            evidence = " ... ".join(str(e.get("text") or "") for e in report.get("evidence") or [])
            gold_lines.append({"article": stem, "id": gold_id, **{k: record.get(k) for k in GOLD_FIELDS},
                               "evidence": evidence, "optional": False, "incident": record["id"],
                               "review": record.get("review")})
            ids.append((article_id, gold_id))
        pairs += [{"a": ids[0][1], "b": other} for _, other in ids[1:]]
        incidents.append({**record, "reports": [{**r, "article_id": stems.get(str(r.get("article_id")), r.get("article_id"))}
                                                for r in record.get("reports") or []]})
    _write_jsonl(out / "gold.jsonl", gold_lines)
    _write_jsonl(out / "same_as.jsonl", pairs)
    _write_jsonl(out / "incidents.jsonl", incidents)
    summary.gold, summary.articles, summary.same_as = len(gold_lines), len(stems), len(pairs)
    return summary


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    # written whole then renamed: an interrupted export never leaves a half file behind
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    tmp.replace(path)
