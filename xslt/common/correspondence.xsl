<?xml version="1.0" encoding="UTF-8"?>
<!--
  Letters, format-neutral: the label of a correspAction (sent: "From",
  received: "To", other types by name) and the text of its date (the words,
  else the ISO date of @when, @notBefore/@notAfter, @from/@to).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:template name="corresp-action-label">
    <xsl:variable name="key" select="concat('corresp.', normalize-space(@type))"/>
    <xsl:variable name="label"><xsl:call-template name="message"><xsl:with-param name="key" select="$key"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="$label != $key"><xsl:value-of select="$label"/></xsl:when>
      <xsl:when test="normalize-space(@type) != ''"><xsl:value-of select="normalize-space(@type)"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="message"><xsl:with-param name="key" select="'corresp.sent'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="corresp-date-text">
    <!-- true(): the element's words are not a date (<birth when="1862">Wien</birth>) -->
    <xsl:param name="attributes-only" select="false()"/>
    <xsl:variable name="from" select="normalize-space(@notBefore | @from)"/>
    <xsl:variable name="to" select="normalize-space(@notAfter | @to)"/>
    <xsl:choose>
      <xsl:when test="normalize-space(.) != '' and not($attributes-only)"><xsl:value-of select="normalize-space(.)"/></xsl:when>
      <xsl:when test="@when"><xsl:value-of select="normalize-space(@when)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($from, substring('&#x2013;', 1, number($from != '' or $to != '')), $to)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
