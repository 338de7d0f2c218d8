<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text edition: dictionaries (TEI Lex-0), laid out as the HTML edition lays
  them out (html/dictionary.xsl): an entry a paragraph, a nested entry on a
  new line indented by 2, each sense on a line of its own after its number
  (common/dictionary.xsl), indented 2 more than its entry, unless the source
  runs senses on with punctuation; examples and translations in the line;
  etymology in square brackets; a cross-reference after an arrow.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template name="entry-indent">
    <xsl:param name="extra" select="0"/>
    <xsl:value-of select="substring($SPACES, 1, 2 * (count(ancestor::tei:entry | ancestor::tei:superEntry | ancestor::tei:entryFree
        | ancestor::tei:re) + count(ancestor::tei:sense)) + $extra)"/>
  </xsl:template>

  <xsl:template match="tei:entry | tei:entryFree | tei:superEntry | tei:re | tei:dictScrap">
    <xsl:choose>
      <xsl:when test="ancestor::tei:entry or ancestor::tei:superEntry or ancestor::tei:entryFree or ancestor::tei:re">
        <xsl:text>&#10;</xsl:text>
        <xsl:call-template name="entry-indent"/>
        <xsl:value-of select="$HANG"/>
        <xsl:apply-templates/>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="block"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- (the punctuation after a nested entry: the HTML edition puts it inside the
       entry's block; here it follows its last line either way) -->

  <xsl:template match="tei:sense">
    <xsl:if test="normalize-space() or *"><xsl:call-template name="sense"/></xsl:if>
  </xsl:template>
  <xsl:template name="sense">
    <xsl:variable name="run-in"><xsl:call-template name="sense-run-in"/></xsl:variable>
    <xsl:variable name="number"><xsl:call-template name="sense-number"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$run-in = 'yes'"><xsl:text> </xsl:text></xsl:when>
      <xsl:otherwise>
        <xsl:text>&#10;</xsl:text>
        <xsl:call-template name="entry-indent"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$number != ''">
      <xsl:call-template name="label"><xsl:with-param name="text" select="$number"/></xsl:call-template>
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:if test="$run-in != 'yes'"><xsl:value-of select="$HANG"/></xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:form | tei:orth | tei:pron | tei:hyph | tei:syll | tei:stress | tei:gramGrp | tei:def | tei:usg
      | tei:lbl | tei:colloc | tei:hom">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:gram | tei:pos | tei:gen | tei:number | tei:case | tei:per | tei:tns | tei:mood | tei:subc
      | tei:itype | tei:iType">
    <xsl:variable name="value"><xsl:call-template name="gram-value"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$value != ''"><xsl:call-template name="label"><xsl:with-param name="text" select="$value"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:xr">
    <xsl:if test="not(tei:lbl)"><xsl:call-template name="label"><xsl:with-param name="text" select="'&#x2192;'"/></xsl:call-template><xsl:text> </xsl:text></xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:etym">
    <xsl:call-template name="label"><xsl:with-param name="text" select="'['"/></xsl:call-template>
    <xsl:apply-templates/>
    <xsl:call-template name="label"><xsl:with-param name="text" select="']'"/></xsl:call-template>
  </xsl:template>

  <!-- Citations inside an entry (examples, translations) are part of its line. -->
  <xsl:template match="tei:entry//tei:cit | tei:entryFree//tei:cit | tei:entry//tei:cit/tei:quote | tei:entryFree//tei:cit/tei:quote" priority="1">
    <xsl:apply-templates/>
  </xsl:template>
</xsl:stylesheet>
