"""Headless Chromium for the browser tests: the system's /usr/bin/chromium
(Debian package chromium, installed by .ci/run), driven by Playwright; no
browser is downloaded (`playwright install` is never run)."""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"


def launch(playwright):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"needs {CHROMIUM}, which is not installed (Debian package chromium; .ci/run installs it as root)")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module (imported by the modules that use it)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


def axe_violations(browser, url: str) -> list[dict]:
    """axe-core's violations on the page at `url` (the test injects axe: the
    page's Content-Security-Policy forbids scripts, so the context bypasses it)."""
    if not AXE.is_file():
        pytest.skip("needs axe-core, which is not installed: npm ci --prefix tests/browser (.ci/run does it)")
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(url)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    finally:
        context.close()
    assert result["passes"] or result["incomplete"] or result["inapplicable"], "axe did not run"
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["html"][:160] for n in v["nodes"][:5]]}
        for v in result["violations"]
    ]
