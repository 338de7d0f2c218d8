"""Make the README's pictures of a critical edition (the homily, tests/corpus):

    python docs/critical_pictures.py

- docs/critical-page.png: the HTML edition, an entry shown beside its lemma;
- docs/synoptic-page.png: the witnesses side by side (--view synoptic);
- docs/print-edition.png: the second page of the reledmac PDF (editio latex,
  compiled twice with lualatex, pdftoppm).

Uses the browser tests' headless Chromium (tests/browser/browser_support.py).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "browser")]

from browser_support import launch  # noqa: E402
from conftest import CORPUS  # noqa: E402

from editio.load.document import load  # noqa: E402
from editio.render.formats import get_format  # noqa: E402
from editio.render.publish import PublishOptions, publish  # noqa: E402

HOMILY = CORPUS / "crit_pta_homilia-de-dominica-die.xml"


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, view in (("edition.html", "reading"), ("synoptic.html", "synoptic")):
            out = publish(load(HOMILY), get_format("html"), PublishOptions(view=view)).output
            (folder / name).write_text(out, encoding="utf-8")
        with sync_playwright() as p:
            browser = launch(p)
            page = browser.new_page(viewport={"width": 1000, "height": 620})
            page.goto((folder / "edition.html").as_uri() + "#d1.1-app7")  # an entry shown as the target
            page.locator("[id='d1.1-p1']").scroll_into_view_if_needed()
            page.evaluate("window.scrollBy(0, -140)")
            page.locator("[id='d1.1-app2'] a.lem").focus()  # and one on focus
            page.screenshot(path=str(ROOT / "docs" / "critical-page.png"))
            page = browser.new_page(viewport={"width": 1100, "height": 620})
            page.goto((folder / "synoptic.html").as_uri())
            page.locator("table.synopsis").scroll_into_view_if_needed()
            page.screenshot(path=str(ROOT / "docs" / "synoptic-page.png"))
            browser.close()
        tex = publish(load(HOMILY), get_format("latex"), PublishOptions()).output
        (folder / "homilia.tex").write_text(tex, encoding="utf-8")
        for _ in range(2):  # reledmac places its notes on the second run
            subprocess.run(
                ["lualatex", "-interaction=nonstopmode", "-halt-on-error", "homilia.tex"],
                cwd=folder,
                check=True,
                capture_output=True,
            )
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "90",
                "-f",
                "2",
                "-l",
                "2",
                "-singlefile",
                "homilia.pdf",
                str(ROOT / "docs" / "print-edition"),
            ],
            cwd=folder,
            check=True,
        )


if __name__ == "__main__":
    main()
