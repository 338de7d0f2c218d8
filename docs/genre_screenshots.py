"""Make the README's pictures of the genres' pages: docs/genre-epigraphy.png, docs/genre-genetic.png,
docs/genre-drama.png, from the golden cases of tests/cases/<genre>/.

    python docs/genre_screenshots.py

Uses the browser tests' headless Chromium (tests/browser/browser_support.py).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "browser")]

from browser_support import launch  # noqa: E402
from html_support import publish_html  # noqa: E402

CASES = ROOT / "tests" / "cases"
# picture, case, the element to show at the top, viewport height
SHOTS = [
    ("genre-epigraphy.png", CASES / "epigraphy" / "epidoc_isicily_ISic030057.xml", "#d1", 900),
    ("genre-genetic.png", CASES / "genetic" / "sga-hu-hm-2177.xml", "#hu-hm_2177-fb046r", 1000),
    ("genre-drama.png", CASES / "drama" / "folger-style.xml", "#stg-1", 700),
]


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = launch(p)
        for name, case, anchor, height in SHOTS:
            page_file = Path(tmp) / (case.stem + ".html")
            page_file.write_text(publish_html(case).output, encoding="utf-8")
            page = browser.new_page(viewport={"width": 1000, "height": height}, device_scale_factor=1)
            page.goto(page_file.as_uri())
            page.locator(anchor).scroll_into_view_if_needed()
            page.evaluate(f"document.querySelector('{anchor}').scrollIntoView(); window.scrollBy(0, -110)")
            page.screenshot(path=str(ROOT / "docs" / name))
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
