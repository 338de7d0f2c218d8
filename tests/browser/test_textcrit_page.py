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
from editio.core.namespaces import TEI
from editio.load.document import load
from editio.prepare.annotate import prepare

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


# Issue 18: every apparatus entry's place in the homily's text is visible, and a
# click (no script) leads from the place to its entry and back; the entry is
# readable in place (on focus, and when the place is the page's target).

PLACES = """() => [...document.querySelectorAll('li.app-entry')].map(li => {
  const back = li.querySelector('a.app-ref');
  const place = back && document.getElementById(back.getAttribute('href').slice(1));
  const r = place ? place.getBoundingClientRect() : {width: 0, height: 0};
  const style = place ? getComputedStyle(place) : null;
  const link = place && place.querySelector('a[href="#' + li.id + '"]');
  const own = place && place.querySelector(':scope > .app-at > a.lem, :scope > .app-at > a.app-link');
  return {entry: li.id, place: place ? place.id : null, width: r.width, height: r.height,
          visible: !!style && style.visibility !== 'hidden' && style.display !== 'none', link: !!link,
          host: own ? own.getAttribute('href').slice(1) : null};
})"""


def test_every_entry_has_a_visible_place_linked_both_ways(browser, site):
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    page = context.new_page()
    page.goto((site / "homilia.html").as_uri())
    places = page.evaluate(PLACES)
    assert len(places) == 654
    doc = load(CORPUS / "crit_pta_homilia-de-dominica-die.xml")
    prepare(doc.tree)
    apps = {a.get("{urn:editio}id"): a for a in doc.tree.getroot().iter(f"{TEI}app")}
    for p in places:
        assert p["place"], f"{p['entry']} has no place in the text"
        assert p["width"] > 0 and p["height"] > 0 and p["visible"], f"the place of {p['entry']} is not visible: {p}"
        if not p["link"]:
            # an app inside a reading the text does not show: its place is the app holding that reading
            app, host = apps[p["entry"][len("app-") :]], apps[p["host"][len("app-") :]]
            assert any(r.tag == f"{TEI}rdg" for r in app.iterancestors()) and host in app.iterancestors(), (
                f"the place of {p['entry']} does not link to it"
            )
    context.close()


def _app_places(page):
    """A sample of places of every kind: a lemma that is a link, a sign after a longer lemma, a sign for an empty one."""
    kinds = {
        "lemma": page.locator("span.app > .app-at > a.lem"),
        "after a lemma": page.locator("span.app > .app-at > a.app-link", has_text="°"),
        "empty lemma": page.locator("span.app > .app-at > a.app-link", has_text="‸"),
    }
    chosen = []
    for kind, links in kinds.items():
        count = links.count()
        assert count, f"no place of the kind {kind}"
        chosen += [(kind, links.nth(i)) for i in sorted({0, count // 2, count - 1})]
    return chosen


def test_a_click_goes_to_the_entry_and_back_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1000, "height": 700})
    page = context.new_page()
    page.goto((site / "homilia.html").as_uri())
    for kind, link in _app_places(page):
        place_id = link.locator("xpath=../..").get_attribute("id")
        href = link.get_attribute("href")
        link.click()
        assert page.url.endswith(href), f"{kind}: the click did not go to {href}"
        entry = page.locator(f"[id='{href[1:]}']")
        assert entry.is_visible() and entry.evaluate("e => e.matches(':target')")
        assert entry.evaluate(
            "e => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }"
        )
        entry.locator("a.app-ref").click()
        assert page.url.endswith(f"#{place_id}"), f"{kind}: the entry does not lead back to {place_id}"
        place = page.locator(f"[id='{place_id}']")
        # back at the place, the entry is shown beside it
        assert place.locator(":scope > .app-at > .app-pop").is_visible()
        assert place.evaluate(
            "e => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }"
        )
    context.close()


def test_the_entry_is_readable_in_place_by_keyboard(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "homilia.html").as_uri())
    link = page.locator("span.app > .app-at > a.lem").nth(3)
    pop = link.locator("xpath=following-sibling::span[contains(@class, 'app-pop')]")
    assert not pop.is_visible()
    link.focus()
    assert pop.is_visible()
    assert link.get_attribute("aria-describedby") == pop.get_attribute("id")
    page.keyboard.press("Tab")
    assert not pop.is_visible()
    # the keyboard reaches the places: Tab goes from link to link
    assert page.evaluate("document.activeElement.closest('span.app') !== null")
    context.close()


def test_synoptic_page_linked_from_edition_and_index(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "index.html").as_uri())
    page.get_by_role("link", name="Witnesses side by side").first.click()
    assert page.url.endswith("/homilia.synoptic.html")
    heads = page.locator("table.synopsis thead th .siglum").all_inner_texts()
    assert heads == ["O", "M", "V"]
    page.goto((site / "homilia.html").as_uri())
    page.locator("p.synoptic-link a").click()
    assert page.url.endswith("/homilia.synoptic.html")
    context.close()


def test_axe_finds_no_violation_on_the_synoptic_page(browser, site):
    violations = axe_violations(browser, (site / "homilia.synoptic.html").as_uri())
    assert not violations, json.dumps(violations, indent=1, ensure_ascii=False)
