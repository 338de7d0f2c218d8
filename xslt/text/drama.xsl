<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text edition: drama, laid out as a printed play. The speaker on a line of
  its own, the speech indented by 4, stage directions between speeches as
  paragraphs indented by 8; a stage direction inside a speech line is put in
  parentheses unless the source already has them.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template match="tei:sp">
    <xsl:call-template name="block-break"/>
    <xsl:apply-templates/>
    <xsl:call-template name="block-break"/>
  </xsl:template>

  <xsl:template match="tei:speaker">
    <xsl:call-template name="line-break"/>
    <xsl:value-of select="$HANG"/>
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Within a speech, blocks follow each other without blank lines. -->
  <xsl:template match="tei:sp/tei:p | tei:sp/tei:ab">
    <xsl:text>&#10;</xsl:text>
    <xsl:call-template name="indent"/>
    <xsl:value-of select="$HANG"/>
    <xsl:apply-templates/>
  </xsl:template>
  <!-- Stanzas of one speech: a blank line between them. -->
  <xsl:template match="tei:sp/tei:lg">
    <xsl:if test="preceding-sibling::*[1][self::tei:lg]"><xsl:text>&#10;</xsl:text></xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:stage | tei:move">
    <xsl:choose>
      <!-- a direction inside a direction is part of its text: the outer one has the layout -->
      <xsl:when test="parent::tei:stage or parent::tei:move"><xsl:apply-templates/></xsl:when>
      <xsl:when test="parent::tei:p or parent::tei:l or parent::tei:ab or parent::tei:speaker or parent::tei:seg
          or parent::tei:hi or parent::tei:head or parent::tei:item or parent::tei:cell or parent::tei:note or parent::tei:q">
        <xsl:variable name="t" select="normalize-space(.)"/>
        <xsl:variable name="bracketed" select="starts-with($t, '(') or starts-with($t, '[')"/>
        <xsl:choose>
          <!-- words only: the parentheses go round them, the source's spaces outside ("( To Lysander. )" read oddly) -->
          <xsl:when test="not($bracketed) and not(*) and $t != ''">
            <xsl:variable name="flat" select="translate(., '&#9;&#10;&#13;', '   ')"/>
            <xsl:if test="starts-with($flat, ' ')"><xsl:text> </xsl:text></xsl:if>
            <xsl:value-of select="concat('(', $t, ')')"/>
            <xsl:if test="substring($flat, string-length($flat)) = ' '"><xsl:text> </xsl:text></xsl:if>
          </xsl:when>
          <xsl:otherwise>
            <xsl:if test="not($bracketed)"><xsl:text>(</xsl:text></xsl:if>
            <xsl:apply-templates/>
            <xsl:if test="not($bracketed)"><xsl:text>)</xsl:text></xsl:if>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="parent::tei:sp">
        <xsl:text>&#10;</xsl:text>
        <xsl:call-template name="indent"><xsl:with-param name="extra" select="4"/></xsl:call-template>
        <xsl:value-of select="$HANG"/>
        <xsl:apply-templates/>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="block"><xsl:with-param name="extra" select="8"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:castList | tei:castGroup | tei:set | tei:prologue | tei:epilogue | tei:performance">
    <xsl:call-template name="block-break"/>
    <xsl:apply-templates/>
    <xsl:call-template name="block-break"/>
  </xsl:template>
  <xsl:template match="tei:castList/tei:head | tei:castGroup/tei:head">
    <xsl:text>&#10;</xsl:text>
    <xsl:value-of select="$HANG"/>
    <xsl:apply-templates/>
  </xsl:template>
  <!-- the role of a group of characters, after them ("Karl, Hans, ihre Söhne.") -->
  <xsl:template match="tei:castGroup/tei:roleDesc">
    <xsl:text> </xsl:text>
    <xsl:apply-templates/>
  </xsl:template>
  <xsl:template match="tei:castItem">
    <xsl:text>&#10;  </xsl:text>
    <xsl:value-of select="$HANG"/>
    <xsl:apply-templates/>
  </xsl:template>
</xsl:stylesheet>
