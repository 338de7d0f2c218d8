"""Customising the HTML edition: --xslt (importing editio:html.xsl), --templates
(user templates win by name), -p name=value; and page-level properties: language
and direction, determinism, self-containment."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from conftest import SAMPLE, SHARED_CORPUS, shared
from html_support import publish_html

from editio.cli import main

CASES = Path(__file__).parent / "cases" / "html"


def run_cli(*args):
    result = CliRunner().invoke(main, ["html", *map(str, args)])
    return result


def test_user_stylesheet_imports_editio_and_overrides_a_template(tmp_path):
    xslt = tmp_path / "mine.xsl"
    xslt.write_text(
        """<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
            xmlns:tei="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="tei">
          <xsl:import href="editio:html.xsl"/>
          <xsl:template match="tei:persName"><b class="mine"><xsl:apply-imports/></b></xsl:template>
        </xsl:stylesheet>""",
        encoding="utf-8",
    )
    result = run_cli(CASES / "namesdates.xml", "--xslt", xslt)
    assert result.exit_code == 0, result.output
    assert (
        '<b class="mine"><a id="name1" class="tei-name tei-persName" href="https://example.org/ada">Ada Lovelace</a></b>'
        in result.stdout
    )
    # everything else is still editio's
    assert 'datetime="1833-06-05"' in result.stdout and 'id="editio-index"' in result.stdout


def test_user_templates_win_by_name(tmp_path):
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "header.html").write_text(
        '<header class="mine"><h1>Mine: {{ title }}</h1></header>\n', encoding="utf-8"
    )
    (tmp_path / "editio.css").write_text("body { color: #000; } /* user css */\n", encoding="utf-8")
    result = run_cli(CASES / "verse.xml", "--templates", tmp_path)
    assert result.exit_code == 0, result.output
    assert '<header class="mine"><h1>Mine: Versi</h1></header>' in result.stdout
    assert "/* user css */" in result.stdout
    # templates the user did not give are editio's
    assert '<main id="editio-main">' in result.stdout


def test_parameters(tmp_path):
    plain = run_cli(CASES / "namesdates.xml").stdout
    assert 'id="editio-index"' in plain
    without = run_cli(CASES / "namesdates.xml", "-p", "name-index=no", "-p", "toc=no").stdout
    assert 'id="editio-index"' not in without and "Ada Lovelace" in without
    assert 'id="editio-toc"' in run_cli(CASES / "structure.xml").stdout
    assert 'id="editio-toc"' not in run_cli(CASES / "structure.xml", "-p", "toc=no").stdout


def test_user_message_catalogue(tmp_path):
    catalogue = tmp_path / "messages.xml"
    catalogue.write_text(
        '<messages><message key="citation-needed" xml:lang="it">fonte?</message></messages>', encoding="utf-8"
    )
    out = run_cli(CASES / "flags.xml", "-p", f"messages={catalogue.as_uri()}").stdout
    assert "[fonte?]" in out and "[senza fonte]" not in out
    assert "[chiarimento]" in out  # not overridden: editio's


def test_view_option_switches_alternatives():
    reading = run_cli(CASES / "transcription.xml").stdout
    diplomatic = run_cli(CASES / "transcription.xml", "--view", "diplomatic").stdout
    assert '<span class="tei-corr">the</span>' in reading and ">teh<" not in reading
    assert '<span class="tei-sic">teh</span>' in diplomatic and '<del class="tei-del">old</del>' in diplomatic


def test_language_and_direction_of_the_page_and_of_elements():
    page = publish_html(CASES / "lang-rtl.xml").output
    assert '<html lang="syc" dir="rtl">' in page
    assert '<i lang="grc" dir="ltr" class="tei-foreign">λόγος</i>' in page
    assert '<i lang="la" dir="ltr" class="tei-foreign">verbum</i>' in page  # lat -> la (BCP 47)
    assert '<i lang="" dir="ltr" class="tei-foreign">pahlavi</i>' in page  # MP: not a language tag


@shared("crit_pta_syriac_rtl.xml (1.3 MB) is not copied into tests/corpus")
def test_direction_of_a_real_syriac_edition():
    syriac = publish_html(SHARED_CORPUS / "crit_pta_syriac_rtl.xml").output
    assert re.search(r'<html lang="[^"]*" dir="rtl">', syriac) or 'lang="syc" dir="rtl"' in syriac


def test_rebuild_is_byte_identical():
    assert publish_html(SAMPLE).output == publish_html(SAMPLE).output


def test_page_requests_nothing_from_other_hosts():
    page = publish_html(SAMPLE).output
    assert "<script" not in page and "<link" not in page and "@import" not in page and "url(" not in page
    for src in re.findall(r'\bsrc="([^"]*)"', page):
        assert ":" not in src and not src.startswith("//"), src


def test_sample_page_has_what_the_issue_asks():
    page = publish_html(SAMPLE).output
    assert '<html lang="it" dir="ltr">' in page
    assert page.count('role="doc-noteref"') == 8 and page.count('role="doc-footnote"') == 8
    assert page.count('role="doc-backlink"') == 8
    assert page.count("La fonte non riporta il testo di questa nota.") == 8
    assert page.count("[senza fonte]") == 2 and page.count("[chiarimento]") == 1
    assert page.count('aria-describedby="editio-flag-citation-needed"') == 2
    assert '<time class="tei-date" datetime="1926-04-24">' in page
    assert 'id="editio-toc"' in page and 'href="#art1"' in page
    assert 'id="editio-index"' in page and 'id="editio-about"' in page
    assert "CC BY-SA 4.0" in page and "Criteri editoriali" in page
    # every division and paragraph has an id
    assert not re.search(r"<(section|p)(?![^>]*\bid=)[^>]*class=\"tei-(div|p)\b", page)


def test_a_stylesheet_can_add_css_to_the_page(tmp_path):
    """A `<part name="style">` of the stylesheet result goes into the page's <style>, as CSS text."""
    xslt = tmp_path / "styled.xsl"
    xslt.write_text(
        """<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
          <xsl:import href="editio:html.xsl"/>
          <xsl:template match="/">
            <edition lang="en" dir="ltr"><title>T</title>
              <part name="style">.x > .y { color: #333; } &lt;/style&gt;&lt;script&gt;</part>
              <part name="body"><p>Body.</p></part>
            </edition>
          </xsl:template>
        </xsl:stylesheet>""",
        encoding="utf-8",
    )
    out = run_cli(CASES / "verse.xml", "--xslt", xslt).stdout
    head = out[: out.index("</head>")]
    assert ".x > .y { color: #333; }" in head
    # "</style>" cannot close the element early: the rest stays CSS text, never markup
    assert head.count("</style>") == 1 and "<script" not in out[out.index("</style>") :]


def test_a_repeated_xml_id_gives_unique_page_ids(tmp_path):
    doc = tmp_path / "dup.xml"
    doc.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>D</title></titleStmt>'
        "<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>"
        '<text><body><p xml:id="x">a <ref target="#x">link</ref></p><p xml:id="x">b</p></body></text></TEI>',
        encoding="utf-8",
    )
    page = publish_html(doc).output
    ids = re.findall(r'\bid="([^"]*)"', page)
    assert len(ids) == len(set(ids)) and '<p id="x"' in page
    assert '<a class="tei-ref" href="#x">link</a>' in page
