<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text edition: rendering, where plain text can show it.
  - A superscript or subscript (hi with @rend sup/superscript, sub/subscript,
    or @rendition simple:superscript ...) is marked, so that it is not read as
    part of the word before it: "D^r", "x^(10)", "H_2O" (the signs are labels:
    not part of the reading text).
  - gi, tag, att, val, code, ident: with the brackets TEI documentation
    prints (common/rendition.xsl): <name>, @name, "value".
  Other @rend keywords (italic, small caps ...) have no plain-text form.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:template match="tei:hi[@rend] | tei:hi[@rendition]">
    <xsl:choose>
      <!-- (the keywords looked at only when they can be there: a document may have thousands of hi) -->
      <xsl:when test="contains(@rend, 'su') or contains(@rendition, 'su')"><xsl:call-template name="hi-script"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="hi-script">
    <xsl:variable name="sup"><xsl:call-template name="rend-has"><xsl:with-param name="any" select="'sup superscript'"/></xsl:call-template></xsl:variable>
    <xsl:variable name="sub"><xsl:if test="$sup = ''"><xsl:call-template name="rend-has"><xsl:with-param name="any" select="'sub subscript'"/></xsl:call-template></xsl:if></xsl:variable>
    <xsl:choose>
      <xsl:when test="($sup = 'yes' or $sub = 'yes') and normalize-space()">
        <xsl:variable name="one" select="string-length(normalize-space()) = 1"/>
        <xsl:call-template name="label">
          <xsl:with-param name="text" select="concat(substring('^', 1, number($sup = 'yes')), substring('_', 1, number($sub = 'yes')), substring('(', 1, number(not($one))))"/>
        </xsl:call-template>
        <xsl:apply-templates/>
        <xsl:if test="not($one)"><xsl:call-template name="label"><xsl:with-param name="text" select="')'"/></xsl:call-template></xsl:if>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A ref with no words of its own: as a pointer (as the HTML edition shows it). -->
  <xsl:template match="tei:ref[not(node())]"><xsl:call-template name="ptr"/></xsl:template>

  <xsl:template match="tei:gi | tei:tag | tei:att | tei:val | tei:code | tei:ident">
    <xsl:call-template name="markup-open"/>
    <xsl:apply-templates/>
    <xsl:call-template name="markup-close"/>
  </xsl:template>
</xsl:stylesheet>
