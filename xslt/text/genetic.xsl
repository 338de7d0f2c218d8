<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text edition: documentary and genetic transcription (sourceDoc), page by
  page. Each surface begins with its label as a heading underlined with '-'
  (its label element, else @n, else its xml:id, in brackets); each zone is a
  paragraph, each line a line of its own, never re-wrapped (@rend indent1..3
  indents by 4 columns a step). The writer's changes are shown in both views
  with the signs of the diplomatic view (README, "The plain-text edition"):
  ⟦deleted⟧, \added above/, /added below\, ‖added in a margin‖,
  [hand: name]. The apparatus of a page (apps) follows it.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template match="tei:sourceDoc">
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:apply-templates/>
    <xsl:text>&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:surface | tei:surfaceGrp">
    <xsl:value-of select="concat('&#10;&#10;', $HEADING, '-')"/>
    <xsl:choose>
      <xsl:when test="tei:label"><xsl:apply-templates select="tei:label[1]/node()"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="name"><xsl:call-template name="surface-name"/></xsl:variable>
        <xsl:call-template name="label"><xsl:with-param name="text" select="concat('[', $name, ']')"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>&#10;&#10;</xsl:text>
    <!-- a page with an apparatus numbers its lines, as a division does (text/textstructure.xsl) -->
    <xsl:variable name="lines" select="$apparatus-lines and @editio:sect and key('app-by-section', @editio:sect)"/>
    <xsl:if test="$lines"><xsl:value-of select="concat($LINES_START, '&#10;')"/></xsl:if>
    <xsl:apply-templates select="node()[not(self::tei:label)] | tei:label[position() &gt; 1]"/>
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:value-of select="$LABEL_START"/>
    <xsl:call-template name="section-apparatus"/>
    <xsl:value-of select="$LABEL_END"/>
    <xsl:if test="$lines"><xsl:value-of select="concat('&#10;', $LINES_END, '&#10;')"/></xsl:if>
  </xsl:template>

  <xsl:template name="surface-name">
    <xsl:choose>
      <xsl:when test="normalize-space(@n)"><xsl:value-of select="normalize-space(@n)"/></xsl:when>
      <xsl:when test="@xml:id"><xsl:value-of select="@xml:id"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="count(preceding-sibling::tei:surface) + 1"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:zone">
    <xsl:call-template name="block-break"/>
    <xsl:apply-templates/>
    <xsl:call-template name="block-break"/>
  </xsl:template>

  <xsl:template match="tei:line">
    <xsl:variable name="step" select="number(substring-after(concat(' ', normalize-space(@rend)), ' indent'))"/>
    <xsl:text>&#10;</xsl:text>
    <xsl:value-of select="$NO_WRAP"/>
    <xsl:call-template name="indent"><xsl:with-param name="extra" select="4 * $step * number($step &gt; 0 and $step &lt; 10)"/></xsl:call-template>
    <xsl:value-of select="$HANG"/>
    <xsl:apply-templates/>
  </xsl:template>
</xsl:stylesheet>
