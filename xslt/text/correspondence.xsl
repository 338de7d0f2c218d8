<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text edition: letters. The letter's sending and receiving (correspDesc) as
  lines of the header ("From: Goldmann, Paul · Wien · [27. 4. 1890]"); the
  segments of a letterhead or dateline each on a line of their own (an
  address's lines: text/textstructure.xsl addrLine).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:template name="correspondence-lines">
    <xsl:for-each select="tei:profileDesc/tei:correspDesc/tei:correspAction[normalize-space() or */@when]">
      <xsl:variable name="names" select="tei:persName | tei:orgName | tei:name | tei:rs"/>
      <xsl:variable name="places" select="tei:placeName | tei:settlement | tei:geogName | tei:address | tei:country | tei:region"/>
      <xsl:variable name="dates" select="tei:date[normalize-space() or @when or @notBefore or @notAfter or @from or @to]"/>
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="corresp-action-label"/>
      <xsl:text>: </xsl:text>
      <xsl:value-of select="$HANG"/>
      <xsl:for-each select="$names">
        <xsl:if test="position() &gt; 1">; </xsl:if>
        <xsl:apply-templates select="." mode="plain"/>
      </xsl:for-each>
      <xsl:if test="$names and ($places or $dates)"> · </xsl:if>
      <xsl:for-each select="$places">
        <xsl:if test="position() &gt; 1">; </xsl:if>
        <xsl:apply-templates select="." mode="plain"/>
      </xsl:for-each>
      <xsl:if test="$places and $dates"> · </xsl:if>
      <xsl:for-each select="$dates">
        <xsl:if test="position() &gt; 1">; </xsl:if>
        <xsl:call-template name="corresp-date-text"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- A segment directly after another element of a dateline, address,
       salute or signature starts a new line; in an opener or closer it is a
       line of its own. -->
  <xsl:template match="tei:dateline/tei:seg | tei:address/tei:seg | tei:salute/tei:seg | tei:signed/tei:seg">
    <xsl:if test="preceding-sibling::node()[1][self::*]"><xsl:value-of select="$BREAK"/></xsl:if>
    <xsl:call-template name="seg-or-flag"/>
  </xsl:template>
  <xsl:template match="tei:opener/tei:seg | tei:closer/tei:seg | tei:postscript/tei:seg">
    <xsl:call-template name="block-break"/>
    <xsl:call-template name="indent"/>
    <xsl:value-of select="$HANG"/>
    <xsl:call-template name="seg-or-flag"/>
    <xsl:call-template name="block-break"/>
  </xsl:template>
</xsl:stylesheet>
