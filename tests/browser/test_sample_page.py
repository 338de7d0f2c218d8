"""The sample edition's page in headless Chromium: notes can be followed
there and back, no request leaves the page, axe-core finds no violation."""

from __future__ import annotations

import json

import pytest
from browser_support import axe_violations, browser  # noqa: F401 (a fixture)
from conftest import SAMPLE
from html_support import publish_html


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory):
    result = publish_html(SAMPLE)
    page = tmp_path_factory.mktemp("browser") / "sample.html"
    page.write_text(result.output, encoding="utf-8")
    return page


IN_VIEW = """(id) => { const r = document.getElementById(id).getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight; }"""


def test_note_markers_lead_to_their_notes_and_back(browser, sample_page):
    page = browser.new_page(viewport={"width": 1000, "height": 700})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(sample_page.as_uri())
    markers = page.locator("a[role=doc-noteref]")
    assert markers.count() == 8
    for i in range(markers.count()):
        marker = markers.nth(i)
        marker_id, href = marker.get_attribute("id"), marker.get_attribute("href")
        marker.click()
        assert page.evaluate("location.hash") == href
        note_id = href[1:]
        assert page.evaluate("document.querySelector(':target').id") == note_id
        assert page.evaluate(IN_VIEW, note_id), f"note {note_id} is not scrolled into view"
        note = page.locator(f"[id='{note_id}']")
        assert note.get_attribute("role") == "doc-footnote"
        assert "La fonte non riporta il testo di questa nota." in note.inner_text()
        note.locator("a[role=doc-backlink]").click()
        assert page.evaluate("location.hash") == f"#{marker_id}"
        assert page.evaluate(IN_VIEW, marker_id), f"marker {marker_id} is not scrolled into view"
    assert all(u.startswith("file:") for u in requests), f"requests to other hosts: {requests}"


def test_page_works_without_javascript(browser, sample_page):
    assert "<script" not in sample_page.read_text(encoding="utf-8")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(sample_page.as_uri())
    assert "[senza fonte]" in page.inner_text("main")
    context.close()


def test_axe_core_finds_no_violation(browser, sample_page):
    violations = axe_violations(browser, sample_page.as_uri())
    assert not violations, json.dumps(violations, indent=1, ensure_ascii=False)
