"""Screenshots of the dashboard for docs/: the main view, an incident panel, the alerts and the
review tab at phone (390 px), tablet (768 px) and laptop (1440 px) widths, taken with Playwright
and Debian's chromium from a running server:

    ATTACKWATCH_TOKEN=t attackwatch serve --db out/attackwatch.db --port 8731 &
    .venv/bin/python tools/dashboard_screenshots.py --url http://127.0.0.1:8731 --out docs/ --token t
"""
from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

WIDTHS = {"phone": (390, 844), "tablet": (768, 1024), "laptop": (1440, 900)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--url", required=True)
    ap.add_argument("--out", default="docs")
    ap.add_argument("--token", help="the server's write token (the review tab shows its actions enabled)")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--only", help="comma-separated widths (phone,tablet,laptop)")
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    widths = {k: v for k, v in WIDTHS.items() if not a.only or k in a.only.split(",")}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=a.chromium, args=["--no-sandbox", "--disable-gpu"])
        for name, (w, h) in widths.items():
            page = browser.new_page(viewport={"width": w, "height": h})
            if a.token:
                page.add_init_script(f"sessionStorage.setItem('attackwatch.token', {a.token!r})")
            page.goto(a.url + "/")
            page.wait_for_selector(".incident-item")
            page.wait_for_timeout(800)
            page.screenshot(path=str(out / f"dashboard-{name}.png"))
            page.locator(".incident-item").nth(2).click()
            page.wait_for_selector("#incident-body mark")
            page.wait_for_timeout(900)
            page.screenshot(path=str(out / f"dashboard-{name}-incident.png"), full_page=name == "phone")
            page.keyboard.press("Escape")
            page.click("#tab-alerts")
            page.wait_for_selector(".alert-group")
            if name == "phone":
                page.locator("#alerts-panel").scroll_into_view_if_needed()
            page.wait_for_timeout(300)
            page.screenshot(path=str(out / f"dashboard-{name}-alerts.png"))
            page.click("#tab-review")
            page.wait_for_selector(".review-item")
            if name == "phone":
                page.locator("#review-panel").scroll_into_view_if_needed()
            page.wait_for_timeout(300)
            page.screenshot(path=str(out / f"dashboard-{name}-review.png"))
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
