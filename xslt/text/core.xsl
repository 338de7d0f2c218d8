<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text edition, core: the result frame read by editio's page stage
  (<edition lang dir><title/><part name="...">text</part></edition>), text
  nodes, milestones, and the fallback for elements no module handles.

  The stylesheet emits logical lines; src/editio/textlayout.py lays them out.
  It is told what to do by Private Use characters (see that module):
  E000 no-wrap line, E001 end of a line's prefix (hanging indent), E003 kept
  space, E004 line break inside a block, E005/E006 around an editorial label,
  E007 table cell, E008+'=' or '-' underlined heading.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:eg="http://www.tei-c.org/ns/Examples"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio eg">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- Indentation between the children of elements without mixed content is
       not text (xml:space="preserve" still keeps it). -->
  <xsl:strip-space elements="tei:TEI tei:text tei:front tei:body tei:back tei:group
      tei:div tei:div1 tei:div2 tei:div3 tei:div4 tei:div5 tei:div6 tei:div7
      tei:lg tei:sp tei:list tei:listBibl tei:table tei:row tei:figure tei:titlePage
      tei:docTitle tei:castList tei:castGroup tei:choice tei:subst
      tei:floatingText tei:listPerson tei:listPlace"/>

  <xsl:variable name="SPACES" select="'                                                            '"/>

  <xsl:template match="/">
    <edition lang="{$doc-lang}">
      <xsl:attribute name="dir"><xsl:call-template name="direction"/></xsl:attribute>
      <title><xsl:apply-templates select="$document-title" mode="plain"/></title>
      <part name="header"><xsl:apply-templates select="/*/tei:teiHeader" mode="metadata"/></part>
      <part name="body">
        <xsl:apply-templates select="/*/tei:text"/>
        <!-- a documentary transcription, page by page (text/genetic.xsl) -->
        <xsl:apply-templates select="/*/tei:sourceDoc"/>
        <!-- the members of a teiCorpus (text/corpus.xsl) -->
        <xsl:call-template name="corpus-members"/>
        <!-- the registers of standOff (text/registers.xsl) -->
        <xsl:call-template name="standoff-registers"/>
        <!-- the sigla of a critical edition, where the HTML page lists them (text/textcrit.xsl) -->
        <xsl:call-template name="witness-list"/>
      </part>
      <part name="notes"><xsl:call-template name="notes-section"/></part>
    </edition>
  </xsl:template>

  <xsl:template match="*" mode="plain"><xsl:apply-templates mode="plain"/></xsl:template>
  <xsl:template match="tei:note" mode="plain"/>
  <xsl:template match="text()" mode="plain"><xsl:value-of select="translate(., '&#10;&#13;&#9;', '   ')"/></xsl:template>

  <!-- Source line breaks and tabs are spaces; the layout stage collapses runs.
       Around a milestone inside a word (lb break="no") there is no whitespace:
       prepare.py removed it.
       Whether the document keeps whitespace anywhere (xml:space="preserve"):
       asked once, so a text node walks its ancestors only when it may be kept. -->
  <xsl:variable name="any-preserve" select="boolean(/descendant::*/@xml:space[. = 'preserve'])"/>

  <!-- Text a witness may lack goes to text/textcrit.xsl. The test is made here,
       not in the match pattern: libxslt tests a predicate on text() by counting
       the text node's preceding siblings, quadratic in a division of many paragraphs. -->
  <xsl:template match="text()">
    <xsl:choose>
      <xsl:when test="../@editio:hide or preceding-sibling::*[1]/@editio:hide-after"><xsl:call-template name="witness-text"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="text-node"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="text-node">
    <xsl:choose>
      <!-- (an inscription's lines are its lb: the file's layout is not kept there) -->
      <xsl:when test="$any-preserve and not($leiden-signs) and ancestor::*[@xml:space][1]/@xml:space = 'preserve'">
        <xsl:value-of select="translate(., ' &#9;&#10;&#13;', concat($KEEP_SPACE, $KEEP_SPACE, $BREAK))"/>
      </xsl:when>
      <!-- Line breaks and tabs of the source are spaces (a newline here would
           end the logical line). libxml2's translate() builds its result a
           character at a time: text without them is copied as it is, and text
           with them is normalised (the layout collapses runs of spaces anyway,
           so only whether each end has whitespace matters). -->
      <xsl:when test="contains(., '&#10;') or contains(., '&#9;') or contains(., '&#13;')">
        <xsl:variable name="text" select="normalize-space(.)"/>
        <xsl:choose>
          <xsl:when test="$text = ''"><xsl:text> </xsl:text></xsl:when>
          <xsl:otherwise>
            <xsl:if test="contains(' &#9;&#10;&#13;', substring(., 1, 1))"><xsl:text> </xsl:text></xsl:if>
            <xsl:value-of select="$text"/>
            <xsl:if test="contains(' &#9;&#10;&#13;', substring(., string-length(.)))"><xsl:text> </xsl:text></xsl:if>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Milestones: a word boundary unless they fall inside a word. -->
  <xsl:template match="tei:lb | tei:pb | tei:cb">
    <xsl:variable name="joins"><xsl:call-template name="break-joins"/></xsl:variable>
    <xsl:if test="$joins != 'yes'"><xsl:text> </xsl:text></xsl:if>
    <xsl:if test="$leiden-signs and self::tei:lb"><xsl:call-template name="leiden-line"/></xsl:if>
  </xsl:template>

  <!-- An inscription goes line by line (common/leiden.xsl): the new line, its
       number in the margin every fifth line, and before it the hyphen of a
       word broken over the line (reading view), all one label, so a broken
       word stays whole in the reading text. -->
  <xsl:template name="leiden-line">
    <xsl:variable name="joins"><xsl:call-template name="break-joins"/></xsl:variable>
    <xsl:variable name="n"><xsl:call-template name="leiden-line-number"/></xsl:variable>
    <xsl:value-of select="$LABEL_START"/>
    <xsl:if test="$joins = 'yes' and $view != 'diplomatic'">-</xsl:if>
    <xsl:value-of select="concat('&#10;', $NO_WRAP, substring('     ', string-length($n) + 1), $n, '  ', $HANG, $LABEL_END)"/>
  </xsl:template>

  <!-- Separators that depend on where a block stands: inside a note, a list
       item or a table cell, a block is one more line of that entry. -->
  <!-- (a walk up the ancestors per element name: a self:: test in a predicate
       builds a node-set for every ancestor, which costs more than three walks) -->
  <xsl:template name="block-break">
    <xsl:choose>
      <xsl:when test="ancestor::tei:note or ancestor::tei:item or ancestor::tei:cell"><xsl:value-of select="$BREAK"/></xsl:when>
      <xsl:otherwise><xsl:text>&#10;&#10;</xsl:text></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="line-break">
    <xsl:param name="in-entry" select="ancestor::tei:note or ancestor::tei:item or ancestor::tei:cell"/>
    <xsl:choose>
      <xsl:when test="$in-entry"><xsl:value-of select="$BREAK"/></xsl:when>
      <xsl:otherwise><xsl:text>&#10;</xsl:text></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Indentation of a block: 4 columns for each enclosing speech, block
       quotation or embedded text. -->
  <xsl:template name="indent">
    <xsl:param name="extra" select="0"/>
    <xsl:variable name="n" select="4 * (count(ancestor::tei:sp) + count(ancestor::tei:quote) + count(ancestor::tei:cit)
        + count(ancestor::tei:floatingText) + count(ancestor::tei:epigraph)) + $extra"/>
    <xsl:value-of select="substring($SPACES, 1, $n)"/>
  </xsl:template>

  <!-- A paragraph-like block: its own (wrapped, indented) paragraph. -->
  <xsl:template name="block">
    <xsl:param name="extra" select="0"/>
    <xsl:call-template name="block-break"/>
    <xsl:call-template name="indent"><xsl:with-param name="extra" select="$extra"/></xsl:call-template>
    <xsl:value-of select="$HANG"/>
    <xsl:apply-templates/>
    <xsl:call-template name="block-break"/>
  </xsl:template>

  <!-- An editorial label: printed, but not part of the reading text. -->
  <xsl:template name="label">
    <xsl:param name="text"/>
    <xsl:value-of select="concat($LABEL_START, $text, $LABEL_END)"/>
  </xsl:template>

  <xsl:template match="tei:w">
    <xsl:variable name="space"><xsl:call-template name="word-space-before"/></xsl:variable>
    <xsl:if test="$space = 'yes'"><xsl:text> </xsl:text></xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Names of the markup (gi, tag, att, val, code, ident): text/rendition.xsl. -->

  <!-- A pointer has no text of its own: it shows, as a label, the text the
       HTML edition gives its link (common/core.xsl ptr-text): addresses as
       <URL>, a place in the text as [→ its heading or note number]. -->
  <xsl:template match="tei:ptr" name="ptr">
    <xsl:variable name="text"><xsl:call-template name="ptr-text"/></xsl:variable>
    <xsl:variable name="note" select="key('editio-xml-id', substring(substring-before(concat(normalize-space(@target), ' '), ' '), 2))[1][self::tei:note][@editio:n]"/>
    <xsl:choose>
      <!-- a pointer to a note: the note's marker, [n], as where the note stands -->
      <xsl:when test="starts-with(normalize-space(@target), '#') and $note">
        <xsl:call-template name="label"><xsl:with-param name="text" select="concat('[', $note/@editio:n, ']')"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="ptr-label"><xsl:with-param name="text" select="$text"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ptr-label">
    <xsl:param name="text"/>
    <xsl:variable name="said" select="normalize-space($text)"/>
    <xsl:if test="$said != ''">
      <xsl:call-template name="label">
        <xsl:with-param name="text">
          <xsl:choose>
            <xsl:when test="starts-with(normalize-space(@target), '#')"><xsl:value-of select="concat('[&#x2192; ', $said, ']')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="concat('&lt;', $said, '&gt;')"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Markup examples of TEI documentation: shown as markup, one block. -->
  <xsl:template match="eg:egXML | tei:egXML">
    <xsl:call-template name="block-break"/>
    <xsl:value-of select="$HANG"/>
    <xsl:apply-templates mode="example"/>
    <xsl:call-template name="block-break"/>
  </xsl:template>
  <xsl:template match="*" mode="example">
    <xsl:value-of select="concat('&lt;', local-name())"/>
    <xsl:for-each select="@*"><xsl:value-of select="concat(' ', local-name(), '=&quot;', ., '&quot;')"/></xsl:for-each>
    <xsl:choose>
      <xsl:when test="node()">&gt;<xsl:apply-templates mode="example"/><xsl:value-of select="concat('&lt;/', local-name(), '&gt;')"/></xsl:when>
      <xsl:otherwise>/&gt;</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="text()" mode="example"><xsl:value-of select="translate(., '&#10;&#13;&#9;', '   ')"/></xsl:template>

  <xsl:template match="*">
    <xsl:call-template name="report-unhandled"/>
    <xsl:apply-templates/>
  </xsl:template>
</xsl:stylesheet>
