"""The situation report from the seed corpus (HTML, Markdown, PDF) and from hostile text."""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest

from attackwatch.analyze.records import load_incidents
from attackwatch.analyze.report import build_report, render
from attackwatch.analyze.report.charts import load_boundaries, map_png
from attackwatch.analyze.thresholds import load_thresholds
from attackwatch.store import open_store

from .synthetic import incident, store_records

SECTIONS = ["summary", "map", "timeline", "incidents", "claims", "firsts", "lulls", "surges", "alerts"]


def seed_report(seed_db: Path):  # type: ignore[no-untyped-def]
    store = open_store(str(seed_db))
    try:
        records = load_incidents(store)
    finally:
        store.close()
    return build_report(records, date(2024, 4, 15), date(2024, 4, 21), load_thresholds())


def test_report_data_for_the_week_of_the_resumption(seed_db: Path) -> None:
    data = seed_report(seed_db)
    assert data.summary_counts["incidents"] == 1 and data.summary_counts["claimed"] == 1
    # short sentences, each side counted on its own
    assert data.summary[:2] == ["1 militia attack this week, against none in the week before.",
                                "No US/coalition strike this week, against none in the week before."]
    assert "Militia attacks resumed on 21 April 2024 after 186 days without one (the last before was on " \
           "18 October 2023)." in data.summary
    assert all(len(s) < 200 for s in data.summary) and data.headline == " ".join(data.summary)
    assert [(lu.start.isoformat(), lu.end.isoformat(), lu.days, lu.side) for lu in data.lulls] == [
        ("2023-10-18", "2024-04-21", 186, "militia")]
    assert {a.rule for a in data.alerts} == {"resumption", "new_actor_claim"}
    # a US strike in Syria in 2021 neither starts nor ends a pause in attacks: no "resumption in Syria"
    assert not [a for a in data.alerts if a.rule == "resumption" and a.scope.get("country") == "SY"]
    assert all(a.scope["side"] == "militia" for a in data.alerts)
    assert data.claims == {"claimed": {"not_mentioned": 1}}


def test_html_is_self_contained_with_every_section(seed_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert render(seed_report(seed_db), "html", out) == [out]
    html = out.read_text(encoding="utf-8")
    for section in SECTIONS:
        assert f'<section id="{section}">' in html
    assert len(re.findall(r'<img src="data:image/png;base64,[A-Za-z0-9+/=]{2000,}"', html)) == 2
    # nothing but embedded images, source links and links to the report's own rows
    assert not re.search(r'(src|href)="(?!data:|https?://|#inc_)', html)
    for target in re.findall(r'href="#(inc_[0-9a-f]{12})"', html):
        assert f'<tr id="{target}">' in html  # every incident link lands on its row
    assert re.findall(r'href="#(inc_[0-9a-f]{12})"', html)
    assert "<script" not in html and "ZeroHedge (reprint)" in html
    assert not re.search(r">[a-z]+_[a-z0-9_]+ \(\d{4}-", html)  # sources named by outlet or site, not article id
    assert "First claim by Kata&#x27;ib Hezbollah" in html


def test_markdown_with_images_beside_it(seed_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "week.md"
    written = render(seed_report(seed_db), "md", out)
    assert written == [out, tmp_path / "week_map.png", tmp_path / "week_timeline.png"]
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in written[1:])
    md = out.read_text(encoding="utf-8")
    for heading in ("## Summary", "## Map", "## Incidents (1)", "## Claims and confirmations", "## Notable firsts",
                    "## Lulls", "## Surges", "## All alerts (2)"):
        assert heading in md
    assert "![map of the period's incidents](week_map.png)" in md
    assert "| militia attacks | 2023-10-18 | 2024-04-21 | 186 |" in md
    assert "- 1 militia attack this week, against none in the week before." in md


def test_pdf_when_fpdf2_is_installed(seed_db: Path, tmp_path: Path) -> None:
    pytest.importorskip("fpdf", reason="fpdf2 (the pdf extra) is not installed")
    out = tmp_path / "r.pdf"
    render(seed_report(seed_db), "pdf", out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 20_000


def test_pdf_without_fpdf2_is_one_clear_error(seed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fpdf", None)  # import fpdf now raises ImportError
    with pytest.raises(ValueError, match=r"pip install attackwatch\[pdf\]"):
        render(seed_report(seed_db), "pdf", tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()


HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) | $x$'


def test_untrusted_text_is_escaped_everywhere(tmp_path: Path) -> None:
    bad = incident("bad", "2024-04-16", place=HOSTILE, actor=HOSTILE, claimed=True, killed=1,
                   reports=[{"article_id": "x", "outlet": HOSTILE, "url": "javascript:alert(4)", "published": "2024-04-16",
                             "evidence": [{"text": HOSTILE, "start": 0, "end": 5}]}])
    db = store_records(tmp_path / "bad.db", [incident("ok", "2024-03-01"), bad])
    store = open_store(str(db))
    try:
        data = build_report(load_incidents(store), date(2024, 4, 15), date(2024, 4, 21), load_thresholds())
    finally:
        store.close()
    render(data, "html", tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "<img src=x" not in html
    assert 'href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    render(data, "md", tmp_path / "r.md")
    md = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "<script>" not in md and "<img" not in md
    assert not re.search(r"(?<!\\)\]\(javascript", md)  # the brackets are escaped: no link
    assert "\\[click\\]" in md and "&lt;script&gt;" in md


def test_map_uses_the_boundaries_file_when_present(tmp_path: Path, seed_db: Path) -> None:
    square = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"kind": "country", "iso": "IQ", "name": "Iraq"},
         "geometry": {"type": "Polygon", "coordinates": [[[39, 29], [48, 29], [48, 37], [39, 37], [39, 29]]]}}]}
    path = tmp_path / "b.geojson"
    path.write_text(json.dumps(square))
    features = load_boundaries(path)
    assert [f["properties"]["iso"] for f in features] == ["IQ"]
    assert load_boundaries(tmp_path / "absent.geojson") == []
    data = seed_report(seed_db)
    with_outline, points_only = map_png(data, features), map_png(data, [])
    assert with_outline[:4] == points_only[:4] == b"\x89PNG" and with_outline != points_only
