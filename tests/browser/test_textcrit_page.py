"""A critical edition's pages in headless Chromium, without JavaScript: the
reading-type switches hide and show readings of their kind in the apparatus,
the witness switcher leads to the witness pages and back, and axe-core finds
no violation on the edition or on a witness page."""

from __future__ import annotations

import json

import pytest

from browser_support import axe_violations, browser  # noqa: F401 (a fixture)
from conftest import CORPUS, ROOT
from editio.build.run import BuildOptions, build

CASE = ROOT / "tests" / "cases" / "textcrit" / "parallel-segmentation.xml"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("textcrit-site")
    src = tmp_path_factory.mktemp("textcrit-src")
    (src / "ps.xml").write_bytes(CASE.read_bytes())
    (src / "homilia.xml").write_bytes((CORPUS / "crit_pta_homilia-de-dominica-die.xml").read_bytes())
    result = build([src], BuildOptions(out_dir=out, jobs=1, check=False, formats=("html",)))
    assert not result.failed, result.diagnostics
    return out


def test_reading_type_switch_works_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "ps.html").as_uri())
    reading = page.locator(".apparatus .rdg-type-orthographic").first
    assert reading.is_visible()
    switch = page.get_by_label("orthographic")
    assert switch.get_attribute("type") == "checkbox"
    switch.check()
    assert not reading.is_visible()
    # other readings stay
    assert page.locator(".apparatus .reading").first.is_visible()
    switch.uncheck()
    assert reading.is_visible()
    context.close()


def test_witness_switcher_leads_to_the_witness_and_back(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "ps.html").as_uri())
    page.locator("#editio-witnesses a.witness-switch", has_text="B").click()
    assert page.url.endswith("/ps.B.html")
    assert "fuit" in page.inner_text("main") and "Et deus erat sermo." in page.inner_text("main")
    page.locator(".witness-current a").click()
    assert page.url.endswith("/ps.html")
    context.close()


@pytest.mark.parametrize("name", ["ps.html", "ps.C.html", "homilia.html", "homilia.O.html"])
def test_axe_core_finds_no_violation(browser, site, name):
    assert (site / name).is_file()
    violations = axe_violations(browser, (site / name).as_uri())
    assert not violations, json.dumps(violations, indent=1, ensure_ascii=False)
