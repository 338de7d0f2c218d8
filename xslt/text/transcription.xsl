<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text edition: transcription. Which alternative each view shows is decided
  in xslt/common/views.xsl. The diplomatic view marks interventions with the
  usual signs: [supplied], ⟦deleted⟧, \added/, [...] gap, a dot below each
  unclear letter (or "(?)" after unclear passages with markup), (expansions).
  The reading view shows the edited text without signs; a gap is [...] in both.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template match="tei:choice">
    <xsl:call-template name="choice-content"/>
  </xsl:template>

  <xsl:template match="tei:sic | tei:corr | tei:abbr | tei:expan | tei:orig | tei:reg | tei:subst
      | tei:damage | tei:restore | tei:g | tei:mod | tei:redo | tei:undo | tei:retrace">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Left out of the reading view, marked in the diplomatic one. -->
  <xsl:template match="tei:del | tei:surplus | tei:am">
    <xsl:variable name="omit"><xsl:call-template name="omitted-in-view"/></xsl:variable>
    <xsl:if test="$omit != 'yes'">
      <xsl:choose>
        <xsl:when test="$view = 'diplomatic' and self::tei:del">
          <xsl:call-template name="label"><xsl:with-param name="text" select="'&#x27E6;'"/></xsl:call-template>
          <xsl:apply-templates/>
          <xsl:call-template name="label"><xsl:with-param name="text" select="'&#x27E7;'"/></xsl:call-template>
        </xsl:when>
        <xsl:when test="$view = 'diplomatic' and self::tei:surplus">
          <xsl:call-template name="label"><xsl:with-param name="text" select="'{'"/></xsl:call-template>
          <xsl:apply-templates/>
          <xsl:call-template name="label"><xsl:with-param name="text" select="'}'"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:add">
    <xsl:call-template name="signed">
      <xsl:with-param name="open" select="'\'"/><xsl:with-param name="close" select="'/'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:supplied">
    <xsl:call-template name="signed">
      <xsl:with-param name="open" select="'['"/><xsl:with-param name="close" select="']'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:ex">
    <xsl:call-template name="signed">
      <xsl:with-param name="open" select="'('"/><xsl:with-param name="close" select="')'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Content, between signs in the diplomatic view. -->
  <xsl:template name="signed">
    <xsl:param name="open"/>
    <xsl:param name="close"/>
    <xsl:if test="$view = 'diplomatic'"><xsl:call-template name="label"><xsl:with-param name="text" select="$open"/></xsl:call-template></xsl:if>
    <xsl:apply-templates/>
    <xsl:if test="$view = 'diplomatic'"><xsl:call-template name="label"><xsl:with-param name="text" select="$close"/></xsl:call-template></xsl:if>
  </xsl:template>

  <xsl:template match="tei:gap">
    <xsl:call-template name="label"><xsl:with-param name="text" select="'[...]'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:space">
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:unclear">
    <xsl:choose>
      <xsl:when test="$view != 'diplomatic'"><xsl:apply-templates/></xsl:when>
      <xsl:when test="*">
        <xsl:apply-templates/>
        <xsl:call-template name="label"><xsl:with-param name="text" select="'(?)'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="dot-below"><xsl:with-param name="s" select="normalize-space(.)"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- U+0323 after every letter; unclear passages are short. -->
  <xsl:template name="dot-below">
    <xsl:param name="s"/>
    <xsl:if test="$s != ''">
      <xsl:variable name="c" select="substring($s, 1, 1)"/>
      <xsl:value-of select="$c"/>
      <xsl:if test="$c != ' '">&#x0323;</xsl:if>
      <xsl:call-template name="dot-below"><xsl:with-param name="s" select="substring($s, 2)"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Page furniture: running heads and page numbers are not the text. -->
  <xsl:template match="tei:fw">
    <xsl:variable name="omit"><xsl:call-template name="omitted-in-view"/></xsl:variable>
    <xsl:if test="$omit != 'yes'">
      <xsl:call-template name="label"><xsl:with-param name="text" select="concat('[', normalize-space(.), ']')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
