"""Render the situation report of the example corpus and photograph it: the HTML at phone
(390 px) and laptop (1440 px) widths in headless Chromium (Playwright), and every page of the
PDF (pdftoppm, from poppler-utils). Writes docs/report-*.png; a person looks at them.

    python tools/report_screenshots.py [--db out/attackwatch.db] [--out docs]
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]


def _shrink(path: Path) -> None:
    """Recompress (lossless): a palette would shift the charts' colours."""
    from PIL import Image

    with Image.open(path) as im:
        rgb = im.convert("RGB")
    rgb.save(path, optimize=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", help="a database (default: the example corpus ingested afresh)")
    ap.add_argument("--out", default=str(REPO / "docs"))
    ap.add_argument("--from", dest="start", default="2023-10-01")
    ap.add_argument("--to", dest="end", default="2024-02-29")
    args = ap.parse_args()
    from attackwatch.cli import main as aw

    out = Path(args.out)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = args.db or str(work / "examples.db")
        if not args.db:
            aw(["ingest", str(REPO / "examples"), "--db", db, "--quiet"])
        for fmt in ("html", "pdf"):
            aw(["report", "--db", db, "--from", args.start, "--to", args.end, "-o", str(work / f"report.{fmt}")])
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for width in (390, 1440):
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.goto((work / "report.html").as_uri())
                shot = out / f"report-html-{width}.png"
                page.screenshot(path=str(shot), full_page=True)
                page.close()
                _shrink(shot)
            # the excerpt the README shows: the top of the laptop view
            from PIL import Image

            with Image.open(out / "report-html-1440.png") as im:
                im.crop((0, 0, im.width, min(im.height, 1500))).save(out / "report.png", optimize=True)
            browser.close()
        if not shutil.which("pdftoppm"):
            print("pdftoppm not found (apt-get install poppler-utils): PDF pages not photographed", file=sys.stderr)
            return 1
        for old in out.glob("report-pdf-page-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(work / "report.pdf"), str(out / "report-pdf-page")],
                       check=True)
    print("\n".join(sorted(str(p) for p in out.glob("report-*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
