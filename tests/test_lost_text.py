"""No silent loss (issue 14, point 1): words of the source's text that miss an
edition are reported per element, and an (almost) empty edition is an error.

The losses here are made on purpose: editio's formats given stylesheets that
leave the body out (what editio publishes itself is published: a sourceDoc is,
page by page), and a user stylesheet that drops paragraphs; what editio renders
is also checked to stay silent (choice, del, notes, apparatus, sourceDoc, both views).
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import SAMPLE

from editio.cli import main
from editio.load.document import load
from editio.render.formats import get_format
from editio.render.publish import PublishOptions, publish

HEADER = (
    "<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p>"
    "</publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>"
)


def tei(inner: str) -> str:
    return f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER}\n{inner}\n</TEI>\n'


def run_cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


SOURCE_DOC = tei("""<sourceDoc>
  <surface>
    <zone>
      <line>It was on a dreary night of November that I beheld</line>
      <line>the accomplishment of my toils. With an anxiety that</line>
      <line>almost amounted to <del>pain</del><add>agony</add>, I collected the instruments</line>
    </zone>
  </surface>
</sourceDoc>""")


BODY_ONLY = tei("""<text><body>
<p>It was on a dreary night of November that I beheld the accomplishment of my toils.</p>
<p>With an anxiety that almost amounted to agony, I collected the instruments of life around me.</p>
</body></text>""")

# Stylesheets that publish nothing of the text: an edition editio's own formats would refuse.
EMPTYING = """<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0">
  <xsl:import href="editio:{fmt}.xsl"/>
  <xsl:template match="tei:body"/>
</xsl:stylesheet>
"""


@pytest.fixture
def emptying_formats(tmp_path, monkeypatch):
    """editio's html and text formats, their entry stylesheets replaced by ones that leave the body out
    (not a user's --xslt, whose findings are warnings: editio's own formats, whose findings are errors)."""
    import dataclasses

    from editio.render import formats

    for fmt in ("html", "text"):
        xsl = tmp_path / f"emptying-{fmt}.xsl"
        xsl.write_text(EMPTYING.format(fmt=fmt))
        monkeypatch.setitem(formats.FORMATS, fmt, dataclasses.replace(formats.FORMATS[fmt], stylesheet=str(xsl)))


def test_a_document_published_empty_is_an_error_never_exit_0(tmp_path, emptying_formats):
    path = tmp_path / "story.xml"
    path.write_text(BODY_ONLY)
    for command in ("html", "text"):
        out = tmp_path / f"out.{command}"
        result = run_cli(command, "-o", out, path)
        assert result.exit_code == 1, result.stderr
        assert not out.exists(), "an (almost) empty edition is not written"
        lines = result.stderr.splitlines()
        assert any(f"{path}:2:0: error: the edition is (almost) empty" in ln and "[render.empty]" in ln for ln in lines)
        assert f"{path}:2:0: warning: 32 words in <text> not published [render.lost-text]" in lines


def test_build_fails_a_document_published_empty(tmp_path, emptying_formats):
    src = tmp_path / "src"
    src.mkdir()
    (src / "story.xml").write_text(BODY_ONLY)
    (src / "letter.xml").write_text(tei("<text><front><p>A letter with its words.</p></front><body/></text>"))
    out = tmp_path / "site"
    result = run_cli("build", "-j", "1", "-o", out, src)
    assert result.exit_code == 1, result.stderr
    assert "[render.empty]" in result.stderr and "1 built, 0 up to date, 1 failed" in result.stderr
    # One warning per element name, not one per format.
    assert result.stderr.count("32 words in <text> not published") == 1
    assert not list(out.glob("story.*")) and (out / "letter.html").is_file()


SOURCE_DOC = tei("""<sourceDoc>
  <surface>
    <zone>
      <line>It was on a dreary night of November that I beheld</line>
      <line>the accomplishment of my toils. With an anxiety that</line>
      <line>almost amounted to <del>pain</del><add>agony</add>, I collected the instruments</line>
    </zone>
  </surface>
</sourceDoc>""")


def test_a_sourcedoc_only_document_is_published(tmp_path):
    """A transcription without <text> is its sourceDoc, page by page, in both editions (issue 14)."""
    path = tmp_path / "notebook.xml"
    path.write_text(SOURCE_DOC)
    for command in ("html", "text"):
        out = tmp_path / f"out.{command}"
        result = run_cli(command, "-o", out, path)
        assert result.exit_code == 0, result.stderr
        assert "[render." not in result.stderr
        assert "almost amounted to" in out.read_text() and "instruments" in out.read_text()


# A user stylesheet that leaves paragraphs out: the loss the check must name.
DROPPING = """<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0">
  <xsl:import href="editio:{fmt}.xsl"/>
  <xsl:template match="tei:p[@rend = 'drop']"/>
</xsl:stylesheet>
"""

PARTLY = tei("""<text><body>
<p>The first paragraph is published as it stands.</p>
<p rend="drop">Seven words here never reach the edition.</p>
<p>A third paragraph, published too.</p>
<p rend="drop">And two more.</p>
</body></text>""")


@pytest.mark.parametrize("fmt", ["html", "text"])
def test_words_an_edition_leaves_out_are_reported_at_the_first_element(tmp_path, fmt):
    path = tmp_path / "doc.xml"
    path.write_text(PARTLY)
    xslt = tmp_path / f"drop-{fmt}.xsl"
    xslt.write_text(DROPPING.format(fmt=fmt))
    result = run_cli(fmt, "--xslt", xslt, path)
    assert result.exit_code == 0, result.stderr  # a loss is a warning; the edition holds most words
    found = [ln for ln in result.stderr.splitlines() if "[render." in ln]
    assert found == [f"{path}:4:0: warning: 10 words in <p> not published [render.lost-text]"]


def _editio_renders_it_all(tmp_path, body: str, view: str) -> list:
    path = tmp_path / "doc.xml"
    path.write_text(tei(f"<text><body>{body}</body></text>"))
    found = []
    for fmt in ("html", "text"):
        published = publish(load(path), get_format(fmt), PublishOptions(view=view))
        found += [d for d in published.diagnostics if d.code.startswith("render.")]
    return found


@pytest.mark.parametrize("view", ["reading", "diplomatic"])
def test_what_editio_renders_raises_nothing(tmp_path, view):
    body = """
<p>A <choice><sic>teh</sic><corr>the</corr></choice> word, <choice><abbr>Mr</abbr><expan>Mister</expan></choice>
 Smith wrote <del>badly</del><add>well</add> and <subst><del>struck</del><add>added</add></subst> text.<note>A
 footnote with words of its own.</note> Words bro<lb break="no"/>ken across a line, a <hi rend="bold">B</hi>old
 initial, <gap reason="lost"/> and <unclear>unclear</unclear> letters.</p>
<lg><l>First line of verse</l><l>second line of verse</l></lg>
<p>A variant: <app><lem wit="#A">lemma words</lem><rdg wit="#B">reading words</rdg></app> in the text.</p>
<list><item>one item</item><item>another item</item></list>
<table><row><cell>first cell</cell><cell>second cell</cell></row></table>"""
    assert _editio_renders_it_all(tmp_path, body, view) == []


def test_the_sample_edition_raises_nothing():
    for fmt in ("html", "text"):
        published = publish(load(SAMPLE), get_format(fmt))
        assert [d for d in published.diagnostics if d.code.startswith("render.")] == []


def test_the_witness_pages_are_not_checked(tmp_path):
    """A witness's page shows another text on purpose (the edition itself is checked)."""
    path = tmp_path / "doc.xml"
    path.write_text(
        tei("""<text><body><p>Base <app><lem wit="#A">lemma</lem><rdg wit="#B">variant</rdg></app>
text.</p></body></text>""")
    )
    published = publish(load(path), get_format("html"), PublishOptions(witness="B"))
    assert not [d for d in published.diagnostics if d.code.startswith("render.")]


def test_a_user_stylesheet_decides_what_is_published(tmp_path):
    """With --xslt the findings are warnings: the user's stylesheet may leave text out on purpose."""
    path = tmp_path / "doc.xml"
    path.write_text(PARTLY)
    xslt = tmp_path / "own.xsl"
    xslt.write_text("""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="editio:html.xsl"/>
  <xsl:template match="/"><edition lang="en" dir="ltr"><title>T</title><part name="body"><p>Mine.</p></part></edition></xsl:template>
</xsl:stylesheet>""")
    result = run_cli("html", "--xslt", xslt, path)
    assert result.exit_code == 0, result.stderr
    assert "Mine." in result.stdout
    assert ": warning: the edition is (almost) empty" in result.stderr and "[render.empty]" in result.stderr
