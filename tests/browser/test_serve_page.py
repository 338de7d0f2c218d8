"""`editio serve` in headless Chromium: an open page follows the sources by itself.

Change a paragraph: the page shows it without a manual reload. Break the document's
well-formedness: the overlay shows the error with its line, the last good text stays.
Fix it: the overlay goes. The page's own Content-Security-Policy stays in force (no
policy violation is reported while the reload script and its event stream work).
"""

from __future__ import annotations

import re

from browser_support import browser  # noqa: F401 (a fixture)
from serve_support import BROKEN, running, tei

TIMEOUT_MS = 20_000


def test_open_page_follows_the_source(browser, tmp_path):  # noqa: F811
    src = tmp_path / "src"
    src.mkdir()
    doc = src / "lettera.xml"
    doc.write_text(tei("La prima versione del paragrafo."), encoding="utf-8")
    with running([src], tmp_path / "out") as served:
        page = browser.new_page()
        violations, failed = [], []
        # Chromium asks for /favicon.ico on its own; the build has none (a 404, not the page's doing).
        page.on(
            "response",
            lambda r: (
                failed.append(f"{r.status} {r.url}") if r.status >= 400 and not r.url.endswith("/favicon.ico") else None
            ),
        )
        page.expose_function("reportViolation", lambda v: violations.append(v))
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation',"
            " e => window.reportViolation(e.violatedDirective + ' ' + e.blockedURI))"
        )
        page.goto(served.url + "lettera.html")
        main = page.locator("main")
        assert "La prima versione del paragrafo." in main.inner_text()
        assert page.locator("#editio-serve-overlay").count() == 0
        _wait_connected(page)

        # 1. A paragraph changes: the open page shows it, no reload asked for.
        page.evaluate("window.editioMarker = 'still the same document'")
        doc.write_text(tei("La seconda versione del paragrafo."), encoding="utf-8")
        page.wait_for_function(
            "() => document.querySelector('main').innerText.includes('La seconda versione')", timeout=TIMEOUT_MS
        )
        assert page.evaluate("window.editioMarker === undefined"), "the page was not reloaded but patched?"
        _wait_connected(page)

        # 2. Well-formedness broken: the overlay shows the error and its line; the last good text stays.
        doc.write_text(BROKEN, encoding="utf-8")
        overlay = page.locator("#editio-serve-overlay")
        overlay.wait_for(state="visible", timeout=TIMEOUT_MS)
        text = overlay.inner_text()
        assert re.search(
            r"lettera\.xml:6:40: error: Opening and ending tag mismatch: hi line 6 and p \[xml\.syntax\]", text
        ), text
        assert "La seconda versione del paragrafo." in main.inner_text()
        assert overlay.evaluate("e => e.open"), "the overlay is folded"
        box = overlay.bounding_box()
        assert box and box["height"] > 20, "the overlay is not on screen"
        _wait_connected(page)

        # 3. Fixed: the overlay goes, the new text is there.
        doc.write_text(tei("La terza versione, di nuovo ben formata."), encoding="utf-8")
        page.wait_for_function(
            "() => document.querySelector('main').innerText.includes('La terza versione')", timeout=TIMEOUT_MS
        )
        assert page.locator("#editio-serve-overlay").count() == 0
        page.close()
    assert not violations, violations
    assert not failed, failed


def _wait_connected(page) -> None:
    """The page has loaded and opened its event stream. (A change made before the stream opens is not
    missed: the server's first event names the newest build, and a page from an older one reloads.)"""
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)
