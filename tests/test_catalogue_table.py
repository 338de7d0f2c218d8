"""The catalogue table (src/editio/catalogue.py) answers every label lookup as the catalogue document does."""

from __future__ import annotations

from lxml import etree

from editio.core.resources import xslt_dir
from editio.render import catalogue, transform

# Every key of editio's catalogue, in every language asked for the way pages ask:
# a catalogue language, another case, a region, a language the catalogue lacks, none.
LANGS = ["it", "IT", "de-AT", "fr", "en-GB", "grc", "syc", ""]

PROBE = """<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="editio:html.xsl"/>
  <xsl:param name="probe-keys"/>
  <xsl:param name="probe-langs"/>
  <xsl:template match="/">
    <r><xsl:call-template name="keys"><xsl:with-param name="keys" select="$probe-keys"/></xsl:call-template></r>
  </xsl:template>
  <xsl:template name="keys">
    <xsl:param name="keys"/>
    <xsl:if test="$keys != ''">
      <xsl:call-template name="langs">
        <xsl:with-param name="key" select="substring-before($keys, ' ')"/>
        <xsl:with-param name="langs" select="$probe-langs"/>
      </xsl:call-template>
      <xsl:call-template name="keys"><xsl:with-param name="keys" select="substring-after($keys, ' ')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
  <xsl:template name="langs">
    <xsl:param name="key"/>
    <xsl:param name="langs"/>
    <xsl:if test="$langs != ''">
      <xsl:variable name="lang" select="substring-before(substring-after($langs, '['), ']')"/>
      <m key="{$key}" lang="{$lang}">
        <a><xsl:call-template name="message"><xsl:with-param name="key" select="$key"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></a>
        <b><xsl:call-template name="fast-message"><xsl:with-param name="key" select="$key"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></b>
      </m>
      <xsl:call-template name="langs">
        <xsl:with-param name="key" select="$key"/>
        <xsl:with-param name="langs" select="substring-after($langs, ']')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>"""


def _lookups(tmp_path, table: str) -> bytes:
    probe = tmp_path / "probe.xsl"
    probe.write_text(PROBE, encoding="utf-8")
    xslt = transform.compile_stylesheet(str(probe))
    root = etree.parse(str(xslt_dir() / "i18n" / "messages.xml")).getroot()
    keys = sorted({m.get("key") for m in root.iter("message")}) + ["no-such-key"]
    doc = etree.fromstring(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text/></TEI>').getroottree()
    result = xslt(
        doc,
        **{
            "probe-keys": etree.XSLT.strparam(" ".join(keys) + " "),
            "probe-langs": etree.XSLT.strparam("".join(f"[{lang}]" for lang in LANGS)),
            "catalogue-table": etree.XSLT.strparam(table),
        },
    )
    return etree.tostring(result.getroot(), encoding="utf-8")


def test_table_lookups_equal_document_lookups(tmp_path):
    table = catalogue.table()
    assert table, "editio's catalogue should be representable as a table"
    from_table = _lookups(tmp_path, table)
    from_document = _lookups(tmp_path, "")
    assert from_table == from_document
    # the probe really asked: every key in every language, Italian answered in Italian
    assert from_table.count(b"<m ") == (len(LANGS)) * (from_table.count(b'lang="it"'))
    assert b'<m key="citation-needed" lang="it"><a>senza fonte</a><b>senza fonte</b>' in from_table
    assert b'<m key="no-such-key" lang="it"><a>no-such-key</a>' in from_table


def _catalogue(*messages: str) -> etree._Element:
    return etree.fromstring(("<messages>" + "".join(messages) + "</messages>").encode())


def test_table_is_refused_where_string_lookups_would_answer_otherwise():
    ok = '<message key="a" xml:lang="it">uno</message><message key="a" xml:lang="en">one</message>'
    assert catalogue.build_table(_catalogue(ok)) == "\ue010it\ue010a=uno\ue010en\ue010a=one\ue010"
    for unsafe in (
        '<message key="a" xml:lang="it-CH">uno</message>',  # lang('it') would match it
        '<message key="a" xml:lang="IT">uno</message>',
        '<message key="a" xml:lang="it"></message>',  # an empty label is found, not skipped
        '<message key="a=b" xml:lang="it">uno</message>',
        '<message key="a" xml:lang="it">uno</message><message key="a" xml:lang="it">due</message>',
        '<message key="a">uno</message>',
        '<message key="a" xml:lang="it">u\ue010no</message>',
    ):
        assert catalogue.build_table(_catalogue(ok, unsafe)) == "", unsafe
