<?xml version="1.0" encoding="UTF-8"?>
<!-- HTML edition: verse. A line group is a div, each line a div (with its
     number, @n, shown in the margin by CSS from data-n). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template match="tei:lg">
    <xsl:call-template name="block"/>
  </xsl:template>

  <xsl:template match="tei:l">
    <div>
      <xsl:call-template name="attrs"/>
      <xsl:if test="@n"><xsl:attribute name="data-n"><xsl:value-of select="@n"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
      <xsl:call-template name="standoff-markers"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:caesura">
    <span class="tei-caesura"><xsl:text> </xsl:text></span>
  </xsl:template>
</xsl:stylesheet>
