"""Make docs/serve-overlay.png, the README's picture of `editio serve` showing an error over the last good page.

    python docs/screenshot_serve.py

Serves a copy of the sample edition (127.0.0.1, a free port), breaks one of its dates, and takes the
picture in the browser tests' headless Chromium once the page has reloaded by itself.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "browser")]

from browser_support import launch
from conftest import SAMPLE
from serve_support import running


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # the overlay names the file as the command line did: tei/...
        src = Path("tei")
        src.mkdir()
        doc = src / SAMPLE.name
        text = SAMPLE.read_text(encoding="utf-8")
        doc.write_text(text, encoding="utf-8")
        with running([src], Path("_serve")) as served, sync_playwright() as p:
            browser = launch(p)
            page = browser.new_page(viewport={"width": 1100, "height": 900}, device_scale_factor=1)
            page.goto(served.url + doc.stem + ".html")
            page.locator("#d3").scroll_into_view_if_needed()
            # An encoder's slip: a <date> closed as </dat>.
            doc.write_text(text.replace("giugno 1926</date>", "giugno 1926</dat>", 1), encoding="utf-8")
            page.locator("#editio-serve-overlay").wait_for(state="visible", timeout=20_000)
            page.wait_for_load_state("load")
            page.wait_for_timeout(500)
            page.evaluate("document.getElementById('d3').scrollIntoView()")
            page.screenshot(path=str(ROOT / "docs" / "serve-overlay.png"))
            browser.close()


if __name__ == "__main__":
    main()
