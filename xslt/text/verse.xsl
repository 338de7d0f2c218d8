<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text edition: verse. A line group is a paragraph; each verse line is a line
  of its own, never re-wrapped. With -p line-numbers=yes (default) and a
  document whose lines carry @n, every line whose @n is a multiple of 5 shows
  it in a left margin of 7 columns; otherwise verse is indented by 4.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <!-- (a critical edition numbers all its lines instead: text/textcrit.xsl) -->
  <xsl:variable name="numbered-verse" select="$line-numbers = 'yes' and not($apparatus-lines) and boolean(/*/tei:text/descendant::tei:l[@n])"/>

  <xsl:template match="tei:lg">
    <xsl:call-template name="block-break"/>
    <xsl:apply-templates/>
    <xsl:call-template name="block-break"/>
  </xsl:template>

  <xsl:template match="tei:lg/tei:head">
    <xsl:call-template name="line-break"/>
    <xsl:call-template name="indent"><xsl:with-param name="extra" select="4"/></xsl:call-template>
    <xsl:value-of select="$HANG"/>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:l">
    <xsl:variable name="in-entry" select="ancestor::tei:note or ancestor::tei:item or ancestor::tei:cell"/>
    <xsl:call-template name="line-break"><xsl:with-param name="in-entry" select="$in-entry"/></xsl:call-template>
    <xsl:if test="not($in-entry)">
      <xsl:value-of select="$NO_WRAP"/>
      <xsl:choose>
        <xsl:when test="$numbered-verse and string(number(@n)) != 'NaN' and number(@n) mod 5 = 0">
          <xsl:value-of select="concat($LABEL_START, substring('     ', string-length(@n) + 1), @n, $LABEL_END, '  ')"/>
        </xsl:when>
        <xsl:when test="$numbered-verse"><xsl:text>       </xsl:text></xsl:when>
        <xsl:otherwise><xsl:text>    </xsl:text></xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="$HANG"/>
    </xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:caesura"><xsl:text>   </xsl:text></xsl:template>
</xsl:stylesheet>
