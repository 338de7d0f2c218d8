"""Make docs/sample-page.png, the README's picture of the sample edition's page.

    python docs/screenshot.py

Uses the browser tests' headless Chromium (tests/browser/browser_support.py).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "browser")]

from browser_support import launch  # noqa: E402
from conftest import SAMPLE  # noqa: E402
from html_support import publish_html  # noqa: E402


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "sample.html"
        page_file.write_text(publish_html(SAMPLE).output, encoding="utf-8")
        with sync_playwright() as p:
            browser = launch(p)
            page = browser.new_page(viewport={"width": 1100, "height": 1400}, device_scale_factor=1)
            page.goto(page_file.as_uri())
            # the last commentary: flags, names, dates and a note marker together
            page.locator("#d3").scroll_into_view_if_needed()
            page.evaluate("window.scrollBy(0, -120)")
            page.screenshot(path=str(ROOT / "docs" / "sample-page.png"))
            browser.close()


if __name__ == "__main__":
    main()
