"""Rendering (issue 14): @rendition resolved to the header's CSS, @rend
keywords, markup names, on the real files of ../shared/corpus and on hostile
input. The golden case is tests/cases/rendering/rendering.xml."""

from __future__ import annotations

import re

import lxml.html
import pytest
from conftest import CORPUS, SHARED_CORPUS, shared

from editio.load.document import LoadOptions, load, parse_bytes
from editio.render.formats import get_format
from editio.render.publish import PublishOptions, publish

# 2.6 MB: in ../shared only (not copied into tests/corpus)
PRINT = SHARED_CORPUS / "print_teistylesheets_simpleprint-doc.xml"
LETTER = CORPUS / "letter_schnitzler_L02647.xml"


def _html(path):
    if not path.is_file():
        pytest.skip(f"{path} is not here (../shared/corpus)")
    doc = load(path, LoadOptions())
    assert doc.ok, doc.diagnostics
    return publish(doc, get_format("html"), PublishOptions())


def _style(page: str) -> str:
    return re.search(r"<style>(.*?)</style>", page, re.S).group(1)


@pytest.fixture(scope="module")
def print_page():
    return _html(PRINT)


@shared("print_teistylesheets_simpleprint-doc.xml (TEI simplePrint documentation, 2.6 MB)")
def test_simpleprint_renditions_become_scoped_rules(print_page):
    style = _style(print_page.output)
    # the 37 renditions of the document's tagsDecl (those inside egXML examples are examples)
    rules = re.findall(r"^\.editio-r-([\w-]+) \{ (.*) \}$", style, re.M)
    # "hyphen" is empty, "normalstyle" only says "font-style: roman" (not CSS): no rule
    assert len(rules) == 35, rules
    assert "roman" not in style
    assert ("italic", "font-style: italic;") in rules
    assert ("rotateleft", "transform: rotate(90deg);") in rules  # its -webkit- copy left out
    # simple:italic points to the document's own rendition "italic"
    page = lxml.html.document_fromstring(print_page.output)
    assert len(page.xpath("//*[contains(concat(' ', @class, ' '), ' editio-r-italic ')]")) == 2
    assert not [d for d in print_page.diagnostics if d.code == "xslt.unsafe-style"]


def test_unresolved_rendition_pointers_are_keyword_classes():
    result = _html(LETTER)
    page = lxml.html.document_fromstring(result.output)
    # every pointer of the reading text (one more is inside a deletion, left out of the reading view)
    source = load(LETTER, LoadOptions()).tree
    shown = source.xpath(
        "//t:text//t:c[@rendition='#langesS'][not(ancestor::t:del)]", namespaces={"t": "http://www.tei-c.org/ns/1.0"}
    )
    assert len(shown) == 45
    assert len(page.xpath("//*[contains(concat(' ', @class, ' '), ' rend-langesS ')]")) == len(shown)
    assert ".editio-r-" not in _style(result.output)


HOSTILE = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc><encodingDesc><tagsDecl>
<rendition xml:id="a">color: red; } body { display: none</rendition>
<rendition xml:id="b">font-family: x&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;</rendition>
<rendition xml:id="c">background-image: url(https://evil.example/x.png); width: expression(alert(1))</rendition>
<rendition xml:id="d">@import 'https://evil.example/x.css'</rendition>
<rendition xml:id="e">transform: scale(100); position: fixed; top: 0</rendition>
<rendition xml:id="f" selector="body, p[onclick] script">color: red</rendition>
<rendition xml:id="g&quot;&gt;x">color: blue</rendition>
</tagsDecl></encodingDesc></teiHeader><text><body><p rendition="#a #b #c #d #e #f">x</p></body></text></TEI>"""


def test_hostile_renditions_never_reach_the_page(tmp_path):
    path = tmp_path / "hostile.xml"
    path.write_text(HOSTILE, encoding="utf-8")
    doc = parse_bytes(HOSTILE.encode(), path)
    assert doc.ok, doc.diagnostics
    result = publish(doc, get_format("html"))
    style = _style(result.output)
    added = style[style.rindex("}\n}") + 3 :] if "}\n}" in style else style
    assert "url" not in added and "expression" not in added and "@import" not in added
    assert "<" not in added and "script" not in added
    assert "scale" not in added and "position" not in added
    assert "display: none" not in added and "body" not in added and "onclick" not in added
    assert ".editio-r-a { color: red; }" in added
    assert ".editio-r-gx { color: blue; }" in added  # an id's unsafe characters are dropped
    assert {d.code for d in result.diagnostics} == {"xslt.unsafe-style"}


def test_superscripts_are_marked_in_the_text_edition(tmp_path):
    tei = (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
        '<text><body><p>D<hi rend="superscript">r</hi> x<hi rend="sup">10</hi> H<hi rend="sub">2</hi>O '
        '<gi>hi</gi> <att>rend</att> <val>sup</val> <tag type="end">hi</tag></p></body></text></TEI>'
    )
    path = tmp_path / "sup.xml"
    path.write_text(tei, encoding="utf-8")
    out = publish(parse_bytes(tei.encode(), path), get_format("text"), PublishOptions(header=False)).output
    assert 'D^r x^(10) H_2O <hi> @rend "sup" </hi>' in out
