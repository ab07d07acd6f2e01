"""Resolution alone, without the extractor's errors: the gold incidents of a corpus are fed to
the Resolver as if they were the extractor's reports (placed with the pack's gazetteer), the
incidents it makes are scored with the shared scorer's `--canonical` dedup pairs, and the
figures are held to floors that only rise.

The dedup figures of the quality gate (tests/quality) measure extraction and resolution
together: a pair is missed there when one outlet's report has a wrong place or date. Here
every pair missed is resolution's own (or an ambiguity no rule can settle, such as two
month-long mentions of "Iran's missiles on bases in Iraq" when two bases were hit).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from attackwatch.extraction.geocode import geocode
from attackwatch.packs import get_pack
from attackwatch.resolve.cluster import Resolver
from attackwatch.resolve.keys import report_key
from attackwatch.resolve.merge import merge_reports

# measured when this gate was added: dev F1 0.811 (P 0.973, R 0.696; main's resolution then:
# 0.570, P 0.988, R 0.401), examples F1 0.966 (P 1.000, R 0.934; before: 0.959)
FLOORS = {"dev": {"f1": 0.80, "precision": 0.97}, "examples": {"f1": 0.96, "precision": 0.99}}
COUNTRIES = {"Iraq": "IQ", "Syria": "SY", "Jordan": "JO"}
FIELDS = ("date", "date_precision", "event_type", "weapon", "actor", "claimed", "target_type", "target_actor", "killed",
          "injured", "intercepted", "confirmation", "background")


def as_report(gold: dict[str, Any], n: int) -> dict[str, Any]:
    """A gold record in the shape of an extracted report, placed by the gazetteer."""
    pack = get_pack()
    report: dict[str, Any] = {f: gold.get(f) for f in FIELDS}
    report["article_id"] = gold["article"]
    place = next((p for p in (pack.place_by_name(gold.get(k) or "") for k in ("place", "admin1", "country")) if p), None)
    if place is not None:
        report.update(geocode(place, pack))
    else:
        report.update(country_code=COUNTRIES.get(gold.get("country") or ""), geo_precision="country", place=gold.get("place"))
    actor = pack.actor_by_name(gold.get("actor"))
    report["actor_parent"] = pack.actors[actor.parent].name if actor and actor.parent in pack.actors else None
    # each record its own evidence span, so the scorer finds the incident holding it
    report["evidence"] = [{"text": gold.get("evidence") or "", "start": n, "end": n + 1}]
    return report


def _dedup(shared: Path, corpus: Path, tmp: Path) -> dict[str, Any]:
    golds = [json.loads(line) for line in (corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    reports = [as_report(g, n) for n, g in enumerate(golds)]
    keys, members, seen = [], {}, {}
    for r in reports:
        n = seen.get(r["article_id"], 0)
        seen[r["article_id"]] = n + 1
        rid = f"{r['article_id']}#{n}"
        keys.append(report_key(r, rid, r["article_id"]))
        members[rid] = (r, {"id": r["article_id"], "outlet": r["article_id"], "url": None, "published": None})
    resolver = Resolver()
    resolver.add_all(keys)
    pred, inc = tmp / "reports.jsonl", tmp / "incidents.jsonl"
    pred.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    inc.write_text("".join(json.dumps(merge_reports(cid, [members[r] for r in rids])) + "\n"
                           for cid, rids in sorted(resolver.groups().items())), encoding="utf-8")
    out = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--gold", str(corpus), "--pred", str(pred),
                          "--canonical", str(inc), "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)["dedup"]


@pytest.mark.parametrize("corpus", list(FLOORS))
def test_resolution_of_gold_reports_meets_floors(corpus: str, shared_dir: Path, examples_dir: Path,
                                                 tmp_path: Path) -> None:
    folder = examples_dir if corpus == "examples" else shared_dir / "corpus" / corpus
    if not (folder / "same_as.jsonl").exists():
        pytest.skip(f"no {corpus} corpus with same_as pairs beside the checkout")
    d = _dedup(shared_dir, folder, tmp_path)
    assert d["f1"] >= FLOORS[corpus]["f1"], d
    assert d["precision"] >= FLOORS[corpus]["precision"], d
