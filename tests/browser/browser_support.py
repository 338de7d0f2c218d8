"""Headless Chromium for the browser tests: the system's /usr/bin/chromium
(Debian package chromium, installed by .ci/run), driven by Playwright; no
browser is downloaded (`playwright install` is never run)."""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"


def launch(playwright):
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing (Debian package chromium; .ci/run installs it)"
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module (imported by the modules that use it)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()
