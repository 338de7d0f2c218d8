<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition: dictionaries (TEI Lex-0), in a dictionary's layout: each
  entry a block (a nested entry indented), its headword bold, its senses
  numbered (common/dictionary.xsl: the source's num, else @n or their order),
  one a line unless the source runs them on with punctuation; grammar and
  usage labels in italics, examples in italics, translations plain,
  cross-references after an arrow, etymology in square brackets.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template match="tei:entry | tei:entryFree | tei:superEntry | tei:re | tei:dictScrap">
    <div>
      <xsl:call-template name="attrs"/>
      <xsl:apply-templates/>
      <xsl:call-template name="standoff-markers"/>
      <!-- the punctuation after a nested entry ends its last line, not a line of its own -->
      <xsl:apply-templates select="following-sibling::node()[1][self::tei:pc]" mode="attached"/>
    </div>
  </xsl:template>
  <xsl:template match="tei:pc[preceding-sibling::node()[1][self::tei:entry or self::tei:re]]"/>
  <xsl:template match="tei:pc" mode="attached"><xsl:call-template name="inline"/></xsl:template>

  <xsl:template match="tei:sense">
    <xsl:if test="normalize-space() or *"><xsl:call-template name="sense"/></xsl:if>
  </xsl:template>
  <xsl:template name="sense">
    <xsl:variable name="run-in"><xsl:call-template name="sense-run-in"/></xsl:variable>
    <xsl:variable name="number"><xsl:call-template name="sense-number"/></xsl:variable>
    <xsl:element name="{substring('divspan', 1 + 3 * ($run-in = 'yes'), 3 + ($run-in = 'yes'))}">
      <xsl:call-template name="attrs"/>
      <xsl:if test="$number != ''"><span class="editio-sense-number editio-label"><xsl:value-of select="$number"/></span><xsl:text> </xsl:text></xsl:if>
      <xsl:apply-templates/>
      <xsl:call-template name="standoff-markers"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:form">
    <xsl:variable name="headword"><xsl:call-template name="is-headword"/></xsl:variable>
    <xsl:call-template name="inline">
      <xsl:with-param name="class" select="concat('tei-form', substring(' editio-headword', 1, 16 * ($headword = 'yes')))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:orth | tei:pron | tei:hyph | tei:syll | tei:stress | tei:gramGrp | tei:def | tei:usg | tei:lbl
      | tei:oRef | tei:oVar | tei:pRef | tei:pVar | tei:colloc | tei:hom">
    <xsl:call-template name="inline"/>
  </xsl:template>

  <!-- Grammar: the words, else the value the source gives as an attribute (a label). -->
  <xsl:template match="tei:gram | tei:pos | tei:gen | tei:number | tei:case | tei:per | tei:tns | tei:mood | tei:subc
      | tei:itype | tei:iType">
    <xsl:variable name="value"><xsl:call-template name="gram-value"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$value != ''">
        <span><xsl:call-template name="attrs"><xsl:with-param name="class" select="concat('tei-', local-name(), ' editio-label')"/></xsl:call-template><xsl:value-of select="$value"/></span>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:xr">
    <span>
      <xsl:call-template name="attrs"/>
      <xsl:if test="not(tei:lbl)"><span class="editio-sign" title="{@type}">&#x2192; </span></xsl:if>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="tei:etym">
    <span>
      <xsl:call-template name="attrs"/>
      <span class="editio-sign">[</span><xsl:apply-templates/><span class="editio-sign">]</span>
    </span>
  </xsl:template>

  <!-- A citation of a dictionary (example, translation ...): its kind as a class. -->
  <xsl:template match="tei:cit[@type]">
    <xsl:call-template name="inline">
      <xsl:with-param name="class" select="concat('tei-cit cit-', translate(@type, translate(@type, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_', ''), ''))"/>
    </xsl:call-template>
  </xsl:template>
  <!-- An example is set in italics, not in quotation marks. -->
  <xsl:template match="tei:cit[@type = 'example']/tei:quote">
    <xsl:call-template name="inline"/>
  </xsl:template>
</xsl:stylesheet>
