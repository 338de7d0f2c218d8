"""Dictionaries (issue 14): TEI Lex-0 entries in a dictionary's layout in both
editions. Goldens: tests/cases/dictionary."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from editio.load.document import LoadOptions, load
from editio.render.formats import get_format
from editio.render.publish import PublishOptions, publish

LEX0 = Path(__file__).parent / "cases" / "dictionary" / "dict_lex0_examples.xml"
DICTIONARY_ELEMENTS = {
    "entry",
    "form",
    "orth",
    "pron",
    "gramGrp",
    "gram",
    "sense",
    "def",
    "cit",
    "xr",
    "usg",
    "etym",
    "lbl",
    "hyph",
    "oRef",
}


def _publish(fmt: str):
    doc = load(LEX0, LoadOptions())
    assert doc.ok, doc.diagnostics
    return publish(doc, get_format(fmt), PublishOptions(header=False))


def test_every_dictionary_element_is_rendered():
    for fmt in ("html", "text"):
        unhandled = {
            d.message.split("<")[1].split(">")[0] for d in _publish(fmt).diagnostics if d.code == "xslt.unhandled"
        }
        assert not unhandled & DICTIONARY_ELEMENTS, (fmt, unhandled)


def test_html_layout():
    page = lxml.html.document_fromstring(_publish("html").output)
    entry = page.get_element_by_id("ED.aid")
    assert entry.tag == "div"
    assert entry.find_class("editio-headword")[0].text_content().split() == ["aid", "/ed/"]
    senses = [page.get_element_by_id(i) for i in ("ED.aid_n.1", "ED.aid_n.2")]
    assert [s.tag for s in senses] == ["div", "div"]
    assert [s.find_class("tei-num")[0].text_content() for s in senses] == ["1.", "2."]  # the source's numbers
    assert not senses[0].find_class("editio-sense-number")
    assert senses[0].find_class("tei-quote")[0].getparent().get("class") == "tei-cit cit-example"
    # numbered by editio where the source has no num: senses of one entry in order
    arrest = page.get_element_by_id("DLPC.antepassado_b")
    assert [n.text_content() for n in arrest.find_class("editio-sense-number")] == ["1.", "2."]
    # run on where the source punctuates between senses
    aid = page.get_element_by_id("aid")
    assert [s.tag for s in aid.iter() if "tei-sense" in (s.get("class") or "").split() and s.getparent() is aid] == [
        "span"
    ] * 4
    assert "→" in page.get_element_by_id("XY.dog").text_content()


def test_text_layout():
    out = _publish("text").output
    for block in (
        "aid /ed/\n  noun\n    1. singularia tantum help, especially money, food or other gifts given to\n",
        "Aid, 1. v.a. aider, assister, secourir; 2. s. aide, assistance, f., secours,\nm.;",
        "arbeitsunfähig\n  1. → bettlägerig, → krank, → unpässlich;\n  2. (bildungsspr.): → indisponiert\n",
        "antepassado ɐ̃tɨpɐsˈadu :2 s. m. [De ante- + passado]\n  1. Pessoa",
        "house\n  bring the house down\n  eat someone out of house and home\n",
    ):
        assert block in out, block
