<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text edition: divisions, headings, paragraphs, lists, tables, figures,
  title pages, openers and closers. Each block is a paragraph separated by a
  blank line; headings of top-level divisions are underlined with '=', of the
  next level with '-'.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template match="tei:text | tei:group">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- The apparatus (xslt/text/textcrit.xsl) follows the text of each division,
       before its first subdivision if it has some (a title's apparatus
       follows the title). A division with an apparatus of its own numbers its
       lines (LINES_START ... LINES_END; src/editio/render/linenumbers.py). -->
  <xsl:template match="tei:front | tei:body | tei:back | tei:div | tei:div1 | tei:div2 | tei:div3
      | tei:div4 | tei:div5 | tei:div6 | tei:div7">
    <xsl:text>&#10;&#10;</xsl:text>
    <!-- an untitled EpiDoc division is titled by its type (common/leiden.xsl) -->
    <xsl:if test="$leiden-signs and @type">
      <xsl:variable name="title"><xsl:call-template name="division-title"/></xsl:variable>
      <xsl:if test="$title != ''">
        <xsl:value-of select="concat($HEADING, substring('=-', 1 + number(@editio:level &gt; 1), 1), $LABEL_START, $title, $LABEL_END, '&#10;&#10;')"/>
      </xsl:if>
    </xsl:if>
    <xsl:variable name="lines" select="$apparatus-lines and @editio:sect and key('app-by-section', @editio:sect)"/>
    <xsl:if test="$lines"><xsl:value-of select="concat($LINES_START, '&#10;')"/></xsl:if>
    <xsl:variable name="sub" select="(tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7)[1]"/>
    <xsl:choose>
      <xsl:when test="$sub and @editio:sect and not($witness-mode)">
        <xsl:apply-templates select="$sub/preceding-sibling::node()"/>
        <xsl:text>&#10;&#10;</xsl:text>
        <xsl:value-of select="$LABEL_START"/>
        <xsl:call-template name="section-apparatus"/>
        <xsl:value-of select="$LABEL_END"/>
        <xsl:apply-templates select="$sub | $sub/following-sibling::node()"/>
        <xsl:text>&#10;&#10;</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates/>
        <xsl:text>&#10;&#10;</xsl:text>
        <!-- The apparatus is editorial matter: one label, left out of comparisons of the reading text. -->
        <xsl:value-of select="$LABEL_START"/>
        <xsl:call-template name="section-apparatus"/>
        <xsl:value-of select="$LABEL_END"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$lines"><xsl:value-of select="concat('&#10;', $LINES_END, '&#10;')"/></xsl:if>
  </xsl:template>

  <xsl:template match="tei:head">
    <xsl:variable name="level" select="parent::*/@editio:level"/>
    <xsl:call-template name="block-break"/>
    <xsl:choose>
      <xsl:when test="ancestor::tei:note or ancestor::tei:item or ancestor::tei:cell"/>
      <xsl:when test="$level = 1 or parent::tei:body or parent::tei:front or parent::tei:back"><xsl:value-of select="concat($HEADING, '=')"/></xsl:when>
      <xsl:when test="$level = 2"><xsl:value-of select="concat($HEADING, '-')"/></xsl:when>
    </xsl:choose>
    <xsl:call-template name="indent"/>
    <xsl:value-of select="$HANG"/>
    <xsl:apply-templates/>
    <xsl:call-template name="block-break"/>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab | tei:trailer | tei:argument | tei:postscript
      | tei:salute | tei:signed | tei:dateline | tei:byline | tei:docAuthor
      | tei:docImprint | tei:docDate | tei:docEdition | tei:imprimatur | tei:titlePart
      | tei:div/tei:bibl | tei:listBibl/tei:bibl">
    <xsl:call-template name="block"/>
  </xsl:template>

  <!-- Elements with only block children: no line of their own. -->
  <xsl:template match="tei:titlePage | tei:docTitle | tei:opener | tei:closer | tei:cit | tei:epigraph
      | tei:floatingText | tei:listBibl | tei:figure">
    <xsl:call-template name="block-break"/>
    <xsl:apply-templates/>
    <xsl:call-template name="block-break"/>
  </xsl:template>

  <!-- A quotation is a block when it holds blocks or stands between blocks. -->
  <xsl:template match="tei:quote[tei:p or tei:lg or tei:l or tei:ab or parent::tei:div or parent::tei:body
      or parent::tei:cit or parent::tei:epigraph or parent::tei:sp]">
    <xsl:choose>
      <xsl:when test="tei:p or tei:lg or tei:l or tei:ab">
        <xsl:call-template name="block-break"/>
        <xsl:apply-templates/>
        <xsl:call-template name="block-break"/>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="block"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A figure's description is not reading text: a label. -->
  <xsl:template match="tei:figDesc">
    <xsl:call-template name="block-break"/>
    <xsl:call-template name="indent"/>
    <xsl:value-of select="$HANG"/>
    <xsl:value-of select="$LABEL_START"/>[<xsl:value-of select="normalize-space(.)"/>]<xsl:value-of select="$LABEL_END"/>
    <xsl:call-template name="block-break"/>
  </xsl:template>
  <xsl:template match="tei:graphic | tei:media | tei:binaryObject | tei:divGen | tei:formula[not(normalize-space())]"/>

  <!-- Lists: one item a line, '- ' or the item's @n; nested lists indent by 2. -->
  <xsl:template match="tei:list">
    <xsl:call-template name="block-break"/>
    <xsl:apply-templates/>
    <xsl:call-template name="block-break"/>
  </xsl:template>

  <xsl:template match="tei:list/tei:head">
    <xsl:call-template name="line-break"/>
    <xsl:call-template name="list-indent"/>
    <xsl:value-of select="$HANG"/>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template name="list-indent">
    <xsl:param name="extra" select="0"/>
    <xsl:call-template name="indent">
      <xsl:with-param name="extra" select="2 * (count(ancestor::tei:list) - 1) + $extra"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:list/tei:label">
    <xsl:text>&#10;</xsl:text>
    <xsl:call-template name="list-indent"/>
    <xsl:value-of select="$HANG"/>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:item">
    <xsl:choose>
      <!-- Glossary-like lists: the item under its label, indented. -->
      <xsl:when test="preceding-sibling::*[1][self::tei:label]">
        <xsl:text>&#10;</xsl:text>
        <xsl:call-template name="list-indent"><xsl:with-param name="extra" select="4"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>&#10;</xsl:text>
        <xsl:call-template name="list-indent"/>
        <xsl:choose>
          <xsl:when test="@n"><xsl:value-of select="concat($LABEL_START, @n, $LABEL_END, ' ')"/></xsl:when>
          <xsl:when test="contains(concat(../@type, ../@rend), 'ordered') or contains(concat(../@type, ../@rend), 'numbered')">
            <xsl:value-of select="concat($LABEL_START, count(preceding-sibling::tei:item) + 1, '.', $LABEL_END, ' ')"/>
          </xsl:when>
          <xsl:otherwise>- </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="$HANG"/>
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Tables: rows of cells, aligned in columns by the layout stage. -->
  <xsl:template match="tei:table">
    <xsl:call-template name="block-break"/>
    <xsl:apply-templates select="tei:head"/>
    <xsl:apply-templates select="node()[not(self::tei:head)]"/>
    <xsl:call-template name="block-break"/>
  </xsl:template>
  <xsl:template match="tei:table/tei:head">
    <xsl:text>&#10;</xsl:text>
    <xsl:value-of select="$HANG"/>
    <xsl:apply-templates/>
  </xsl:template>
  <xsl:template match="tei:row">
    <xsl:text>&#10;</xsl:text>
    <xsl:apply-templates/>
  </xsl:template>
  <xsl:template match="tei:cell">
    <xsl:value-of select="$CELL"/>
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Addresses: one line each. -->
  <xsl:template match="tei:addrLine">
    <xsl:value-of select="$BREAK"/>
    <xsl:apply-templates/>
  </xsl:template>
</xsl:stylesheet>
