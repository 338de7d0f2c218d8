<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text edition: critical apparatus. The text shows the lemma (or, with the
  `witness` parameter, the witness's own reading and [...] for its lacunae);
  each division ends with its apparatus (`section-apparatus`, called by
  textstructure), one entry a line, keyed by paragraph or line number:
    3 lemma WITS] reading WITS; reading WITS
  `witness-list` gives the sigla and what they stand for.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template match="tei:app">
    <xsl:choose>
      <xsl:when test="@editio:target or @from or ancestor::tei:listApp"/>
      <xsl:when test="$witness-mode">
        <xsl:variable name="rank"><xsl:call-template name="witness-reading-rank"/></xsl:variable>
        <xsl:variable name="r" select="(tei:lem | tei:rdg | tei:rdgGrp//tei:lem | tei:rdgGrp//tei:rdg)[@editio:rn = $rank][1]"/>
        <xsl:call-template name="app-space-before"><xsl:with-param name="r" select="$r"/></xsl:call-template>
        <xsl:if test="$rank = 'lac'"><xsl:text> […] </xsl:text></xsl:if>
        <xsl:call-template name="witness-reading"><xsl:with-param name="r" select="$r"/></xsl:call-template>
        <xsl:call-template name="app-space-after"><xsl:with-param name="r" select="$r"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <!-- the lemma, else (readings only) the first reading -->
        <xsl:variable name="r" select="((tei:lem | tei:rdgGrp//tei:lem[@editio:rn])[1] | (tei:rdg | tei:rdgGrp//tei:rdg[@editio:rn])[not(current()/tei:lem | current()/tei:rdgGrp//tei:lem[@editio:rn])][1])[1]"/>
        <xsl:call-template name="app-space-before"><xsl:with-param name="r" select="$r"/></xsl:call-template>
        <xsl:apply-templates select="$r/node()"/>
        <xsl:call-template name="app-space-after"><xsl:with-param name="r" select="$r"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The reading a witness has at an app, with the gap signs of the lacuna
       markers inside it (prepare moves them to the reading's edges). -->
  <xsl:template name="witness-reading">
    <xsl:param name="r"/>
    <xsl:if test="contains($r/@editio:gap-before, $wtoken)"><xsl:text> […] </xsl:text></xsl:if>
    <xsl:apply-templates select="$r/node()"/>
    <xsl:if test="contains($r/@editio:gap-after, $wtoken)"><xsl:text> […] </xsl:text></xsl:if>
  </xsl:template>

  <xsl:template match="tei:listApp"/>

  <!-- Targets of double-end-point apps: called by common/app-targets.xsl. -->
  <xsl:template name="app-target-element">
    <xsl:if test="$witness-mode">
      <xsl:for-each select="key('app-by-target', @xml:id)">
        <xsl:variable name="rank"><xsl:call-template name="witness-reading-rank"/></xsl:variable>
        <xsl:variable name="own" select="(tei:lem | tei:rdg | tei:rdgGrp//tei:lem | tei:rdgGrp//tei:rdg)[@editio:rn = $rank][1]"/>
        <xsl:if test="contains($own/@editio:wits, $wtoken)"><xsl:call-template name="witness-reading"><xsl:with-param name="r" select="$own"/></xsl:call-template></xsl:if>
      </xsl:for-each>
    </xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:lacunaStart | tei:lacunaEnd | tei:witStart | tei:witEnd">
    <!-- inside a reading (its gap sign moved to the reading's edge) it still parts words -->
    <xsl:if test="$witness-mode and @editio:moved"><xsl:text> </xsl:text></xsl:if>
    <xsl:variable name="wits">
      <xsl:choose>
        <xsl:when test="@editio:wits"><xsl:value-of select="@editio:wits"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="ancestor::*[self::tei:rdg or self::tei:lem][1]/@editio:wits"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$witness-mode and not(@editio:moved) and ((contains($wits, $wtoken) and (self::tei:lacunaStart or self::tei:witEnd))
        or contains(@editio:initial-gap, $wtoken))">
      <xsl:text> […] </xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Text a witness may lack (called by text/core.xsl's text() template where
       prepare marked it); otherwise as core.xsl renders text (text-node). -->
  <xsl:template name="witness-text">
    <xsl:variable name="hidden"><xsl:call-template name="text-hidden-for-witness"/></xsl:variable>
    <xsl:if test="$hidden != 'yes'"><xsl:call-template name="text-node"/></xsl:if>
  </xsl:template>

  <xsl:template name="section-apparatus">
    <xsl:variable name="apps" select="key('app-by-section', @editio:sect)"/>
    <xsl:if test="not($witness-mode) and @editio:sect and $apps">
      <xsl:text>&#10;&#10;</xsl:text>
      <!-- (an EpiDoc apparatus division has its own heading: common/leiden.xsl) -->
      <xsl:if test="not($leiden-signs and @type = 'apparatus' and not(tei:head))">
        <xsl:call-template name="message"><xsl:with-param name="key" select="'apparatus'"/></xsl:call-template>
        <xsl:text>&#10;&#10;</xsl:text>
      </xsl:if>
      <xsl:for-each select="$apps">
        <xsl:call-template name="apparatus-entry"/>
        <xsl:text>&#10;</xsl:text>
      </xsl:for-each>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template name="apparatus-entry">
    <xsl:variable name="own" select="tei:lem | tei:rdg | tei:rdgGrp//tei:lem[@editio:rn] | tei:rdgGrp//tei:rdg[@editio:rn]"/>
    <xsl:variable name="lem" select="$own[self::tei:lem][1]"/>
    <xsl:value-of select="@editio:appref"/>
    <!-- Without a lemma (readings only) the entry lists the readings. -->
    <xsl:if test="$lem or @editio:lemma">
      <xsl:text> </xsl:text>
      <xsl:call-template name="lemma-string"/>
      <xsl:if test="$lem/@wit or $lem/@source">
        <xsl:text> </xsl:text>
        <xsl:call-template name="reading-sigla"><xsl:with-param name="r" select="$lem"/></xsl:call-template>
      </xsl:if>
      <xsl:text>]</xsl:text>
    </xsl:if>
    <xsl:for-each select="$own[not(generate-id() = generate-id($lem))]">
      <xsl:variable name="hidden"><xsl:call-template name="reading-hidden"/></xsl:variable>
      <xsl:if test="$hidden != 'yes'">
        <xsl:text> </xsl:text>
        <xsl:call-template name="reading-string"/>
        <xsl:if test="@wit or @source">
          <xsl:text> </xsl:text>
          <xsl:call-template name="reading-sigla"/>
        </xsl:if>
        <xsl:if test="position() != last()">;</xsl:if>
      </xsl:if>
    </xsl:for-each>
    <xsl:for-each select="tei:witDetail">
      <xsl:text> (</xsl:text><xsl:call-template name="witdetail-string"/><xsl:text>)</xsl:text>
    </xsl:for-each>
    <xsl:for-each select="tei:note[normalize-space()]">
      <xsl:text> </xsl:text><xsl:call-template name="app-note-string"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The sigla (called at the end of the body, as the HTML page lists
       them there): editorial matter, one label. In a witness's text the
       current siglum is marked with '*'. -->
  <xsl:template name="witness-list">
    <xsl:variable name="witnesses" select="/*/tei:teiHeader//tei:witness | /*/tei:standOff//tei:witness"/>
    <xsl:if test="$witnesses">
      <xsl:text>&#10;&#10;</xsl:text>
      <xsl:value-of select="$LABEL_START"/>
      <xsl:call-template name="message"><xsl:with-param name="key" select="'witnesses'"/></xsl:call-template>
      <xsl:text>&#10;&#10;</xsl:text>
      <xsl:for-each select="$witnesses">
        <xsl:if test="$witness-mode and @editio:wkey = $wkey"><xsl:text>* </xsl:text></xsl:if>
        <xsl:call-template name="witness-siglum"/>
        <xsl:variable name="raw"><xsl:apply-templates select="node()[not(self::tei:abbr[@type='siglum'])]" mode="app-text"/></xsl:variable>
        <xsl:if test="normalize-space($raw)"><xsl:text> </xsl:text><xsl:value-of select="normalize-space($raw)"/></xsl:if>
        <xsl:text>&#10;</xsl:text>
      </xsl:for-each>
      <xsl:value-of select="$LABEL_END"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Interpretation categories in the text (e.g. the kinds of variation an
       app's @ana names): editorial matter, one label block, as the HTML
       edition's aside. -->
  <xsl:template match="tei:text//tei:interpGrp" priority="1">
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:value-of select="$LABEL_START"/>
    <xsl:for-each select="tei:interp">
      <xsl:value-of select="@xml:id"/>
      <xsl:if test="@type"><xsl:text> (</xsl:text><xsl:value-of select="@type"/>)</xsl:if>
      <xsl:text>: </xsl:text>
      <xsl:variable name="raw"><xsl:apply-templates mode="app-text"/></xsl:variable>
      <xsl:value-of select="normalize-space($raw)"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
    <xsl:value-of select="$LABEL_END"/>
    <xsl:text>&#10;&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
