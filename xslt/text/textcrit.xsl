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

  <!-- The edited text of a critical edition numbers its lines, and its
       apparatus is keyed to them (-p line-numbers=no: by paragraph). -->
  <xsl:variable name="apparatus-lines" select="$line-numbers = 'yes' and not($witness-mode) and boolean(/*/@editio:apps)"/>

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
        <xsl:if test="$apparatus-lines"><xsl:value-of select="concat($LABEL_START, $APP_START, @editio:n, $LABEL_END)"/></xsl:if>
        <xsl:apply-templates select="$r/node()"/>
        <xsl:if test="$apparatus-lines"><xsl:value-of select="concat($LABEL_START, $APP_END, @editio:n, $LABEL_END)"/></xsl:if>
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

  <!-- Targets of double-end-point apps: called by common/app-targets.xsl.
       In the edited text, where each app's span starts and ends (for the
       line numbers of the apparatus). -->
  <xsl:template name="app-target-element">
    <xsl:variable name="apps" select="key('app-by-target', @xml:id)"/>
    <xsl:if test="$apparatus-lines">
      <xsl:for-each select="$apps"><xsl:value-of select="concat($LABEL_START, $APP_START, @editio:n, $LABEL_END)"/></xsl:for-each>
    </xsl:if>
    <xsl:if test="$witness-mode">
      <xsl:for-each select="key('app-by-target', @xml:id)">
        <xsl:variable name="rank"><xsl:call-template name="witness-reading-rank"/></xsl:variable>
        <xsl:variable name="own" select="(tei:lem | tei:rdg | tei:rdgGrp//tei:lem | tei:rdgGrp//tei:rdg)[@editio:rn = $rank][1]"/>
        <xsl:if test="contains($own/@editio:wits, $wtoken)"><xsl:call-template name="witness-reading"><xsl:with-param name="r" select="$own"/></xsl:call-template></xsl:if>
      </xsl:for-each>
    </xsl:if>
    <xsl:apply-templates/>
    <xsl:if test="$apparatus-lines">
      <!-- spans of one element end here; longer ones at their @to (editio:app-end) -->
      <xsl:for-each select="$apps[not(@to) or normalize-space(@to) = normalize-space(@from)]"><xsl:value-of select="concat($LABEL_START, $APP_END, @editio:n, $LABEL_END)"/></xsl:for-each>
      <xsl:call-template name="app-end-markers"><xsl:with-param name="list" select="normalize-space(@editio:app-end)"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="app-end-markers">
    <xsl:param name="list"/>
    <xsl:if test="$list != ''">
      <xsl:value-of select="concat($LABEL_START, $APP_END, substring-before(concat($list, ' '), ' '), $LABEL_END)"/>
      <xsl:call-template name="app-end-markers"><xsl:with-param name="list" select="substring-after($list, ' ')"/></xsl:call-template>
    </xsl:if>
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

  <!-- The apparatus of a division (context: div, body, front or back): its
       own apps, one entry a line, `REF entry`. With line numbers
       ($apparatus-lines) REF is a placeholder the layout replaces with the
       printed line (or lines) of the lemma, and joins the entries of a line
       with ' | ' (src/editio/render/linenumbers.py): the line of the app's
       own lemma, else (an app inside a reading the text does not show) of
       the outermost app, else its paragraph. -->
  <xsl:template name="section-apparatus">
    <xsl:variable name="apps" select="key('app-by-section', @editio:sect)"/>
    <xsl:if test="not($witness-mode) and @editio:sect and $apps">
      <xsl:text>&#10;&#10;</xsl:text>
      <!-- (an EpiDoc apparatus division has its own heading: common/leiden.xsl) -->
      <xsl:if test="not($leiden-signs and @type = 'apparatus' and not(tei:head))">
        <xsl:if test="$apparatus-lines"><xsl:value-of select="$UNNUMBERED"/></xsl:if>
        <xsl:call-template name="message"><xsl:with-param name="key" select="'apparatus'"/></xsl:call-template>
        <xsl:text>&#10;&#10;</xsl:text>
      </xsl:if>
      <xsl:for-each select="$apps">
        <xsl:choose>
          <xsl:when test="$apparatus-lines">
            <xsl:value-of select="concat($APP_REF, @editio:n, $FIELD_END, (self::tei:app[not(ancestor::tei:rdg)] | ancestor::tei:app[last()][current()/ancestor::tei:rdg])[1]/@editio:n, $FIELD_END, @editio:appref, $FIELD_END)"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="@editio:appref"/></xsl:otherwise>
        </xsl:choose>
        <xsl:text> </xsl:text>
        <xsl:call-template name="entry-text"/>
        <xsl:text>&#10;</xsl:text>
      </xsl:for-each>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
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
