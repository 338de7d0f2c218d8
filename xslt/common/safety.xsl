<?xml version="1.0" encoding="UTF-8"?>
<!--
  Safety of published pages: every URL taken from the source (@target, @ref,
  @url, @facs ...) goes through `safe-url`; every @rend/@style through
  `safe-style`. Both output modules must use them for any attribute they copy.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- The URL if its scheme is harmless (http, https, mailto, relative,
       fragment), else '' so the caller drops the link. -->
  <xsl:template name="safe-url">
    <xsl:param name="url"/>
    <xsl:variable name="u" select="normalize-space($url)"/>
    <xsl:variable name="lower" select="translate($u, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:variable name="scheme" select="substring-before($lower, ':')"/>
    <xsl:choose>
      <xsl:when test="$u = ''"/>
      <xsl:when test="$scheme = '' or $scheme = 'http' or $scheme = 'https' or $scheme = 'mailto'">
        <!-- A colon after a slash, ?, or # is not a scheme separator. -->
        <xsl:value-of select="$u"/>
      </xsl:when>
      <xsl:when test="contains($scheme, '/') or contains($scheme, '?') or contains($scheme, '#')">
        <xsl:value-of select="$u"/>
      </xsl:when>
      <xsl:otherwise/>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
