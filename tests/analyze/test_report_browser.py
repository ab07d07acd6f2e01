"""The HTML report opened in headless Chromium (Playwright): it renders to a non-empty image
with every section visible and loads nothing from the network.

Set ATTACKWATCH_UPDATE_DOCS=1 to also save the excerpt image docs/report.png for the README.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from attackwatch.analyze.report import render

from .test_report import seed_report

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
HEADINGS = ["Summary", "Map", "Timeline", "Incidents (1)", "Claims and confirmations", "Notable firsts", "Lulls",
            "Surges", "All alerts (2)"]


@pytest.mark.skipif(not CHROMIUM.exists(), reason="chromium is not installed at /usr/bin/chromium")
def test_html_report_renders_in_chromium(seed_db: Path, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    out = tmp_path / "report.html"
    render(seed_report(seed_db), "html", out)
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.on("request", lambda r: requests.append(r.url))
            page.goto(out.as_uri())
            assert page.locator("h2").all_inner_texts() == HEADINGS
            sizes = page.eval_on_selector_all("img", "imgs => imgs.map(i => [i.naturalWidth, i.naturalHeight])")
            assert len(sizes) == 2 and all(w > 300 and h > 150 for w, h in sizes)  # both charts decoded
            assert "1 militia attack this week" in page.inner_text("#summary")
            shot = tmp_path / "report.png"
            page.screenshot(path=str(shot), full_page=True, clip={"x": 0, "y": 0, "width": 1100, "height": 1400})
        finally:
            browser.close()
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 50_000  # a blank page compresses to a few KB
    if os.environ.get("ATTACKWATCH_UPDATE_DOCS"):
        shutil.copyfile(shot, Path(__file__).resolve().parents[2] / "docs" / "report.png")
