<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text edition: transcription. Which alternative each view shows is decided
  in xslt/common/views.xsl. The diplomatic view marks interventions with the
  usual signs: [supplied], ⟦deleted⟧, \added/ above the line, /added\ below
  it, ‖added‖ in a margin, [...] gap, a dot below each unclear letter (or
  "(?)" after unclear passages with markup), (expansions), [hand: name] where
  the hand changes. The reading view shows the edited text without signs; a
  gap is [...] in both. A documentary transcription (sourceDoc) and an
  epigraphic edition (Leiden conventions, common/leiden.xsl) show their signs
  in both views. Signs are labels: not part of the reading text.
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
      <xsl:variable name="signs"><xsl:call-template name="signs-shown"/></xsl:variable>
      <xsl:choose>
        <xsl:when test="$signs = 'yes' and self::tei:del">
          <xsl:call-template name="label"><xsl:with-param name="text" select="'&#x27E6;'"/></xsl:call-template>
          <xsl:apply-templates/>
          <xsl:call-template name="label"><xsl:with-param name="text" select="'&#x27E7;'"/></xsl:call-template>
        </xsl:when>
        <xsl:when test="$signs = 'yes' and self::tei:surplus">
          <xsl:call-template name="label"><xsl:with-param name="text" select="'{'"/></xsl:call-template>
          <xsl:apply-templates/>
          <xsl:call-template name="label"><xsl:with-param name="text" select="'}'"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:add">
    <xsl:variable name="place"><xsl:call-template name="add-place"/></xsl:variable>
    <xsl:call-template name="signed">
      <xsl:with-param name="open" select="substring('\/‖', 1 + number($place = 'below') + 2 * number($place = 'margin'), 1)"/>
      <xsl:with-param name="close" select="substring('/\‖', 1 + number($place = 'below') + 2 * number($place = 'margin'), 1)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:supplied">
    <xsl:choose>
      <xsl:when test="$leiden-signs">
        <xsl:call-template name="label"><xsl:with-param name="text"><xsl:call-template name="leiden-supplied-open"/></xsl:with-param></xsl:call-template>
        <xsl:apply-templates/>
        <xsl:call-template name="label"><xsl:with-param name="text"><xsl:call-template name="leiden-supplied-close"/></xsl:with-param></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="signed">
          <xsl:with-param name="open" select="'['"/><xsl:with-param name="close" select="']'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
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
    <xsl:variable name="signs"><xsl:call-template name="signs-shown"/></xsl:variable>
    <xsl:if test="$signs = 'yes'"><xsl:call-template name="label"><xsl:with-param name="text" select="$open"/></xsl:call-template></xsl:if>
    <xsl:apply-templates/>
    <xsl:if test="$signs = 'yes'"><xsl:call-template name="label"><xsl:with-param name="text" select="$close"/></xsl:call-template></xsl:if>
  </xsl:template>

  <xsl:template match="tei:gap">
    <xsl:choose>
      <xsl:when test="$leiden-signs">
        <xsl:call-template name="label"><xsl:with-param name="text"><xsl:call-template name="leiden-gap"/></xsl:with-param></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="label"><xsl:with-param name="text" select="'[...]'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:space">
    <xsl:text> </xsl:text>
    <xsl:if test="$leiden-signs">
      <xsl:call-template name="label"><xsl:with-param name="text"><xsl:call-template name="leiden-space"/></xsl:with-param></xsl:call-template>
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:unclear">
    <xsl:variable name="signs"><xsl:call-template name="signs-shown"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$signs != 'yes'"><xsl:apply-templates/></xsl:when>
      <xsl:when test="* or not(normalize-space())">
        <xsl:apply-templates/>
        <xsl:call-template name="label"><xsl:with-param name="text" select="'(?)'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="dot-below"><xsl:with-param name="s" select="normalize-space(.)"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- U+0323 after every letter (a label: the word stays whole in the reading
       text); unclear passages are short. -->
  <xsl:template name="dot-below">
    <xsl:param name="s"/>
    <xsl:if test="$s != ''">
      <xsl:variable name="c" select="substring($s, 1, 1)"/>
      <xsl:value-of select="$c"/>
      <xsl:if test="$c != ' '"><xsl:value-of select="concat($LABEL_START, '&#x0323;', $LABEL_END)"/></xsl:if>
      <xsl:call-template name="dot-below"><xsl:with-param name="s" select="substring($s, 2)"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Page furniture: running heads and page numbers are not the text, nor
       are catchwords and signatures in the diplomatic view; in a documentary
       transcription (sourceDoc) they are the page's own words. -->
  <xsl:template match="tei:fw">
    <xsl:variable name="omit"><xsl:call-template name="omitted-in-view"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$has-sourceDoc and ancestor::tei:sourceDoc"><xsl:apply-templates/></xsl:when>
      <xsl:when test="$omit = 'yes' or @type = 'catch' or @type = 'sig'"/>
      <xsl:otherwise>
        <xsl:call-template name="label"><xsl:with-param name="text" select="concat('[', normalize-space(.), ']')"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A change of hand, where signs are shown: [hand: its name]. -->
  <xsl:template match="tei:handShift">
    <xsl:variable name="signs"><xsl:call-template name="signs-shown"/></xsl:variable>
    <xsl:if test="$signs = 'yes'">
      <xsl:variable name="name"><xsl:call-template name="hand-name"/></xsl:variable>
      <xsl:variable name="hand"><xsl:call-template name="fast-message"><xsl:with-param name="key" select="'hand'"/></xsl:call-template></xsl:variable>
      <xsl:call-template name="label"><xsl:with-param name="text" select="concat('[', $hand, ': ', $name, '] ')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
