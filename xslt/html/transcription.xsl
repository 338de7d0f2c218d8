<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition: transcription. Which alternative and which text each view
  shows is decided in common/views.xsl (shared with the text edition).
  reading:    corr/expan/reg; additions as text; deletions and surplus left out.
  diplomatic: sic/abbr/orig and the signs: [supplied], struck deletions,
              ⸌additions⸍, [unclear?], [...] for gaps, {surplus}.
  The other alternative of a choice is given as a tooltip (title).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template match="tei:choice">
    <span>
      <xsl:call-template name="attrs"/>
      <xsl:variable name="all"><xsl:apply-templates select="*" mode="plain-alternatives"/></xsl:variable>
      <xsl:if test="normalize-space($all) != ''"><xsl:attribute name="title"><xsl:value-of select="normalize-space($all)"/></xsl:attribute></xsl:if>
      <xsl:call-template name="choice-content"/>
    </span>
  </xsl:template>
  <xsl:template match="*" mode="plain-alternatives">
    <xsl:if test="position() &gt; 1"> | </xsl:if>
    <xsl:value-of select="local-name()"/>: <xsl:apply-templates select="." mode="plain"/>
  </xsl:template>

  <xsl:template match="tei:sic | tei:corr | tei:orig | tei:reg | tei:abbr | tei:expan | tei:ex | tei:am
      | tei:damage | tei:damaged | tei:restore | tei:subst | tei:mod | tei:retrace">
    <xsl:variable name="omitted"><xsl:call-template name="omitted-in-view"/></xsl:variable>
    <xsl:if test="$omitted != 'yes'">
      <xsl:choose>
        <xsl:when test="$view = 'diplomatic' and self::tei:ex">
          <span class="editio-sign">(</span><xsl:call-template name="inline"/><span class="editio-sign">)</span>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="inline"/></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:add">
    <xsl:call-template name="with-signs">
      <xsl:with-param name="open" select="'⸌'"/><xsl:with-param name="close" select="'⸍'"/>
      <xsl:with-param name="el" select="substring('span', 1, 4 * ($view != 'diplomatic'))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:del | tei:surplus">
    <xsl:variable name="omitted"><xsl:call-template name="omitted-in-view"/></xsl:variable>
    <xsl:if test="$omitted != 'yes'">
      <xsl:call-template name="with-signs">
        <xsl:with-param name="el" select="normalize-space(substring('del span', 1 + 4 * boolean(self::tei:surplus), 4))"/>
        <xsl:with-param name="open" select="substring('{', 1, number(boolean(self::tei:surplus)))"/>
        <xsl:with-param name="close" select="substring('}', 1, number(boolean(self::tei:surplus)))"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:supplied">
    <xsl:call-template name="with-signs"><xsl:with-param name="open" select="'['"/><xsl:with-param name="close" select="']'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:unclear">
    <xsl:call-template name="with-signs"><xsl:with-param name="close" select="'(?)'"/></xsl:call-template>
  </xsl:template>

  <!-- The element, with its diplomatic signs around it in the diplomatic view. -->
  <xsl:template name="with-signs">
    <xsl:param name="open" select="''"/>
    <xsl:param name="close" select="''"/>
    <xsl:param name="el" select="'span'"/>
    <xsl:if test="$view = 'diplomatic' and $open != ''"><span class="editio-sign" aria-hidden="true"><xsl:value-of select="$open"/></span></xsl:if>
    <xsl:call-template name="inline"><xsl:with-param name="el" select="concat($el, substring('ins', 1, 3 * ($el = '')))"/></xsl:call-template>
    <xsl:if test="$view = 'diplomatic' and $close != ''"><span class="editio-sign" aria-hidden="true"><xsl:value-of select="$close"/></span></xsl:if>
  </xsl:template>

  <!-- Diplomatic signs are text (they must survive copy and paste), in
       elements of their own so a reader's stylesheet can hide them. -->
  <xsl:template match="tei:supplied | tei:unclear | tei:add | tei:surplus" mode="html-attrs">
    <xsl:if test="@reason or @resp or @hand or @place">
      <xsl:attribute name="title"><xsl:value-of select="normalize-space(concat(@reason, ' ', @place, ' ', translate(@hand, '#', ''), ' ', translate(@resp, '#', '')))"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- The gap's description (reason, extent, desc) is its tooltip, not text:
       it describes the source, it is not part of it. -->
  <xsl:template match="tei:gap">
    <span>
      <!-- editio-label: the sign is editio's, not the source's words -->
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="'tei-gap editio-label'"/></xsl:call-template>
      <xsl:if test="@reason or @extent or @quantity or tei:desc">
        <xsl:attribute name="title"><xsl:value-of select="normalize-space(concat(@reason, ' ', @quantity, ' ', @unit, ' ', @extent, ' ', tei:desc))"/></xsl:attribute>
      </xsl:if>
      <xsl:text>[…]</xsl:text>
    </span>
  </xsl:template>

  <xsl:template match="tei:space">
    <span>
      <xsl:call-template name="attrs"/>
      <xsl:if test="$view = 'diplomatic'"><xsl:text>[ ]</xsl:text></xsl:if>
    </span>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:handShift">
    <span><xsl:call-template name="attrs"/></span>
  </xsl:template>
</xsl:stylesheet>
