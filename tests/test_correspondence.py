"""Letters (issue 14): the letter's own title, date and places from
correspDesc (page, text header, build index); the framing lines of a letter
never glued; registers as entries, not run-on text. Goldens:
tests/cases/correspondence."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from editio.build.index import entry_for
from editio.load.document import LoadOptions, load
from editio.render.formats import get_format
from editio.render.publish import PublishOptions, publish

CASES = Path(__file__).parent / "cases" / "correspondence"
L02310, L02647, ESCHER = (
    CASES / f"{n}.xml" for n in ("letter_schnitzler_L02310", "letter_schnitzler_L02647", "letter_escher_K_0426")
)


def _publish(path: Path, fmt: str):
    doc = load(path, LoadOptions())
    assert doc.ok, doc.diagnostics
    return publish(doc, get_format(fmt), PublishOptions(width=0))


def test_index_entry_takes_the_letters_own_title_date_and_place():
    assert entry_for(etree.parse(str(L02310))) == {
        "title": "Arthur Schnitzler an Robert Adam, 13. 11. 1918",
        "responsibility": "Schnitzler, Arthur; Müller, Martin Anton (ed.); Susen, Gerd-Hermann (ed.)",
        "date": "13. 11. 1918",
        "place": "Wien",
        "lang": "",
    }
    entry = entry_for(etree.parse(str(L02647)))
    assert (entry["title"], entry["date"], entry["place"]) == (
        "Paul Goldmann an Arthur Schnitzler, [27. 4. 1890]",
        "[27. 4. 1890]",
        "Wien",
    )
    assert entry_for(etree.parse(str(ESCHER)))["date"] == "05. Mai 1846"


def test_page_title_and_correspondence_lines():
    # (the source writes its dates with no-break spaces: "[27.\xa04.\xa01890]")
    page = lxml.html.document_fromstring(_publish(L02647, "html").output.replace("\xa0", " "))
    assert page.find(".//title").text == "Paul Goldmann an Arthur Schnitzler, [27. 4. 1890]"
    assert page.find(".//h1").text == "Paul Goldmann an Arthur Schnitzler, [27. 4. 1890]"
    lines = [" ".join(d.text_content().split()) for d in page.find_class("editio-correspondence")[0].iter("dd")]
    assert lines == ["Goldmann, Paul · Wien · [27. 4. 1890]", "Schnitzler, Arthur · Wien · [27. 4. 1890]"]
    # the names link to the register entries on the page
    assert [a.get("href") for a in page.find_class("editio-correspondence")[0].iter("a")] == [
        "#pmb11485",
        "#pmb50",
        "#pmb2121",
        "#pmb50",
    ]
    text = _publish(L02647, "text").output.replace("\xa0", " ")
    assert text.startswith("Paul Goldmann an Arthur Schnitzler, [27. 4. 1890]\n===")
    assert "\nFrom: Goldmann, Paul · Wien · [27. 4. 1890]\nTo: Schnitzler, Arthur · Wien · [27. 4. 1890]\n" in text


@pytest.mark.parametrize("fmt", ["html", "text"])
def test_letter_lines_are_never_glued(fmt):
    out = _publish(L02310, fmt).output
    words = " ".join(
        (lxml.html.document_fromstring(out).find(".//main").text_content() if fmt == "html" else out).split()
    )
    for glued in ("SchnitzlerWien", "Adam-PollakWien", "XIIMeidlinger", "Schnitzler13", "Schnitzler13."):
        assert glued not in words
    assert "Herrn Landesgerichtsrat Dr. Robert Adam-Pollak Wien XII. Meidlinger Hauptstrasse 56." in words


def test_registers_are_entries_not_run_on_text():
    result = _publish(L02310, "html")
    assert not [d for d in result.diagnostics if d.code == "xslt.unhandled"]
    page = lxml.html.document_fromstring(result.output)
    registers = page.find_class("editio-register")
    assert [r.find(".//h2").text_content() for r in registers] == ["Persons", "Bibliography", "Places"]
    person = page.get_element_by_id("pmb2121")
    assert person.tag == "li" and person.find_class("editio-register-name")[0].text == "Schnitzler, Arthur"
    assert [g.text for g in person.find_class("tei-geo")] == ["48,208333 16,373056"] * 2
    assert person.find(".//a[@class='tei-idno']").get("href") == "https://d-nb.info/gnd/118609807/"
    text = _publish(L02310, "text").output
    assert (
        "- Schnitzler, Arthur; * 15. 5. 1862, Wien (48,208333 16,373056); † 21. 10. 1931, Wien (48,208333 16,373056);"
        " Schriftsteller/Schriftstellerin; Mediziner/Medizinerin; gnd: https://d-nb.info/gnd/118609807/"
    ) in text
    assert "Wien 48,208333 16,373056" not in text


def test_names_of_a_register_are_not_indexed_as_occurrences():
    page = lxml.html.document_fromstring(_publish(L02310, "html").output)
    index = page.get_element_by_id("editio-index", None)
    names = [] if index is None else [" ".join(n.text_content().split()) for n in index.find_class("editio-index-name")]
    assert "Robert Adam" not in names and "Baden bei Wien" not in names
