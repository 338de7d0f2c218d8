"""MathML and SVG (issue 14): passed through into the HTML page, made safe on
the way; a readable linear form in the text edition. Goldens: tests/cases/math."""

from __future__ import annotations

import lxml.html

from editio.load.document import parse_bytes
from editio.render.formats import get_format
from editio.render.publish import PublishOptions, publish

HOSTILE = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:m="http://www.w3.org/1998/Math/MathML"
  xmlns:svg="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><teiHeader><fileDesc>
<titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc>
</fileDesc></teiHeader><text><body><p>A formula
<formula><m:math><m:mi href="javascript:alert(1)" onclick="alert(2)">x</m:mi><m:mo>+</m:mo>
<m:mi xlink:href="https://example.org/y">y</m:mi><m:maction actiontype="statusline" ONMOUSEOVER="alert(3)"><m:mi>z</m:mi><m:mtext>s</m:mtext></m:maction>
<m:semantics><m:mi>w</m:mi><m:annotation-xml encoding="text/html"><m:mi>hidden</m:mi></m:annotation-xml></m:semantics></m:math></formula>
and a drawing
<svg:svg onload="alert(4)" width="10" height="10"><svg:script>alert(5)</svg:script><svg:style>p { background: url(https://evil.example/) }</svg:style>
<svg:a href="javascript:alert(6)"><svg:text>link</svg:text></svg:a><svg:a xlink:href="https://example.org/ok"><svg:text>ok</svg:text></svg:a>
<svg:use href="https://evil.example/sprite.svg#x"/><svg:use href="#local"/><svg:image href="https://evil.example/x.png"/>
<svg:image href="../../../etc/passwd"/><svg:image href="pics/ok.png"/>
<svg:set attributeName="href" to="javascript:alert(7)"/><svg:animate attributeName="href" values="javascript:alert(8)"/>
<svg:foreignObject><p xmlns="http://www.w3.org/1999/xhtml" onclick="alert(9)">kept words</p></svg:foreignObject>
<svg:rect style="fill: red; background: url(x.png)" width="5" height="5"/></svg:svg>.</p></body></text></TEI>"""


def _publish(fmt: str, tmp_path):
    path = tmp_path / "foreign.xml"
    path.write_text(HOSTILE, encoding="utf-8")
    doc = parse_bytes(HOSTILE.encode(), path)
    assert doc.ok, doc.diagnostics
    return publish(doc, get_format(fmt), PublishOptions(header=False))


def test_mathml_and_svg_pass_through_without_scripts_events_or_foreign_links(tmp_path):
    result = _publish("html", tmp_path)
    page = result.output
    body = page.split("<body", 1)[1]
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML">' in page
    assert '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' in page
    assert "alert" not in body and "javascript" not in body.lower()
    assert "<script" not in body and "<style" not in body and "foreignObject" not in body
    assert "evil.example" not in body and "passwd" not in body
    tree = lxml.html.document_fromstring(page)
    for el in tree.iter():
        if isinstance(el.tag, str):
            assert not [a for a in el.attrib if a.lower().startswith("on")], (el.tag, el.attrib)
    hrefs = sorted(v for el in tree.iter() if isinstance(el.tag, str) for k, v in el.attrib.items() if k == "href")
    assert hrefs == ["#local", "https://example.org/ok", "https://example.org/y", "pics/ok.png"]
    assert "kept words" in tree.text_content()  # a foreignObject's text stays, as SVG text
    assert 'style="fill: red;"' in page
    reported = sorted(d.message.split("'")[1] for d in result.diagnostics if d.code.startswith("xslt.unsafe"))
    assert "svg:script" in reported and "svg:foreignObject" in reported and "svg:set" in reported
    assert not [d for d in result.diagnostics if d.code == "xslt.unhandled"]


def test_text_edition_writes_formulas_linearly(tmp_path):
    out = _publish("text", tmp_path).output
    # maction shows its first child; a drawing's texts are its label
    assert "A formula x + yzw and a drawing [Image: link ok kept words]." in " ".join(out.split())
