"""Make the pictures of the genres' pages in docs/ (issue 14): one page per
genre, from the golden cases in tests/cases/<genre>/.

    python docs/genre_screenshots.py [GENRE ...]

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
# genre: (case, CSS selector scrolled to the top (None: the page's top), viewport height)
SHOTS = {
    "correspondence": ("correspondence/letter_schnitzler_L02310.xml", None, 1500),
    "registers": ("correspondence/letter_schnitzler_L02647.xml", ".editio-register", 1100),
    "speech": ("speech/speech_parlamint_esct_0501.ana.xml", None, 1400),
    "dictionary": ("dictionary/dict_lex0_examples.xml", "#ED\\.aid", 1400),
    "rendering": ("rendering/rendering.xml", None, 1200),
    "math": ("math/formulas.xml", None, 800),
    "epigraphy": ("epigraphy/epidoc_isicily_ISic030057.xml", "#d1", 900),
    "genetic": ("genetic/sga-hu-hm-2177.xml", "#hu-hm_2177-fb046r", 1000),
    "drama": ("drama/folger-style.xml", "#d1", 800),
}


def main(names: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = launch(p)
        for name in names or list(SHOTS):
            case, selector, height = SHOTS[name]
            page_file = Path(tmp) / f"{name}.html"
            page_file.write_text(publish_html(CASES / case).output, encoding="utf-8")
            page = browser.new_page(viewport={"width": 1100, "height": height}, device_scale_factor=1)
            page.goto(page_file.as_uri())
            if selector:
                page.locator(selector).first.scroll_into_view_if_needed()
                page.evaluate(f"document.querySelector({selector!r}).scrollIntoView()")
                page.evaluate("window.scrollBy(0, -20)")
            page.screenshot(path=str(ROOT / "docs" / f"genre-{name}.png"))
            page.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
