<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition: the apparatus of the edited text (html/textcrit.xsl renders
  the apps). Each entry has its place in the text: the lemma, a link to its
  entry (or a sign after the lemma that links: ° after a lemma holding other
  entries or links, ‸ where it is empty), and beside it the entry as plain text
  (span.app-pop), shown on focus, hover and :target. Each division ends with
  its apparatus (`section-apparatus`, called by textstructure):
  li.app-entry: REF lemma WITS] reading WITS; reading WITS (span.rdg, span.wit),
  REF (editio:appref) linking back to the place.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:variable name="label-apparatus"><xsl:call-template name="fast-message"><xsl:with-param name="key" select="'apparatus'"/></xsl:call-template></xsl:variable>

  <!-- An entry's place in the edited text (context: the app; inside span.app):
       the lemma, which is itself the link to the entry when it can be (words
       only: no link, note marker, nested app or block inside); else the lemma
       marked, and after it a small sign that links (° after a lemma, ‸ where
       the lemma is empty: an addition in some witnesses). Beside it the entry
       (span.app-pop), shown on focus, hover and when the place is the page's
       target (the entry's own link back leads here): readable in place,
       without script. A screen reader hears it as the link's description. -->
  <xsl:template name="app-place">
    <xsl:param name="content"/>
    <xsl:param name="in-link" select="ancestor::tei:ref[@target] or ancestor::tei:ptr or ancestor::*[@ref][self::tei:persName
        or self::tei:placeName or self::tei:orgName or self::tei:name or self::tei:rs]"/>
    <!-- (a note inside a reading is not shown in the text: its entry shows it) -->
    <xsl:param name="notes-shown" select="false()"/>
    <xsl:variable name="empty" select="not($content[not(self::text()) or normalize-space()])"/>
    <xsl:variable name="plain" select="not($content/descendant-or-self::*[self::tei:app or (self::tei:note and $notes-shown) or self::tei:ref
        or self::tei:ptr or @ref or @editio:block or @editio:app-target])"/>
    <!-- (span.app-at holds the link and its entry: the entry shows just below the link, never over it) -->
    <xsl:choose>
      <xsl:when test="$in-link"><span class="app-at"><span class="lem"><xsl:apply-templates select="$content"/></span><xsl:call-template name="app-pop"/></span></xsl:when>
      <xsl:when test="$plain and not($empty)">
        <span class="app-at"><a class="lem" href="#app-{@editio:id}" aria-describedby="pop-{@editio:id}"><xsl:apply-templates select="$content"/></a><xsl:call-template name="app-pop"/></span>
      </xsl:when>
      <xsl:otherwise>
        <span class="lem"><xsl:apply-templates select="$content"/></span>
        <span class="app-at"><xsl:call-template name="app-link"><xsl:with-param name="sign" select="substring('°‸', 1 + $empty, 1)"/></xsl:call-template><xsl:call-template name="app-pop"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="app-link">
    <xsl:param name="sign" select="'°'"/>
    <a class="app-link" href="#app-{@editio:id}" aria-describedby="pop-{@editio:id}"><span aria-hidden="true"><xsl:value-of select="$sign"/></span><span class="visually-hidden"><xsl:value-of select="concat(' ', $label-apparatus, ' ', @editio:appref)"/></span></a>
  </xsl:template>

  <!-- The entry as plain text, beside its place (hidden until wanted). -->
  <xsl:template name="app-pop">
    <span class="app-pop editio-label" id="pop-{@editio:id}" role="tooltip"><span class="app-pop-ref"><xsl:value-of select="@editio:appref"/></span><xsl:text> </xsl:text><xsl:call-template name="entry-text"/></span>
  </xsl:template>

  <!-- The apparatus of a division (context: div, body, front or back):
       its own apps, not those of nested divisions. -->
  <xsl:template name="section-apparatus">
    <xsl:variable name="apps" select="key('app-by-section', @editio:sect)"/>
    <xsl:if test="not($witness-mode) and @editio:sect and $apps">
      <ol class="apparatus">
        <xsl:for-each select="$apps">
          <xsl:call-template name="apparatus-entry"/>
        </xsl:for-each>
      </ol>
    </xsl:if>
  </xsl:template>

  <xsl:template name="apparatus-entry">
    <xsl:variable name="own" select="tei:lem | tei:rdg | tei:rdgGrp//tei:lem[@editio:rn] | tei:rdgGrp//tei:rdg[@editio:rn]"/>
    <xsl:variable name="head-rn"><xsl:call-template name="entry-head-rn"/></xsl:variable>
    <xsl:variable name="lem" select="$own[@editio:rn = $head-rn][1]"/>
    <!-- An app inside a reading is not in the text: link to the outermost app. -->
    <xsl:variable name="host" select="(self::tei:app[not(ancestor::tei:rdg)] | ancestor::tei:app[last()][current()/ancestor::tei:rdg])[1]"/>
    <xsl:variable name="back">
      <xsl:choose>
        <!-- at its target: the target itself when it is the app's lemma (html
             app-target-element), else the app's sign after it -->
        <xsl:when test="$host/@editio:target and key('editio-xml-id', $host/@editio:target)[1]/@editio:app-target
            and not(count(key('app-by-target', $host/@editio:target)) = 1 and not($host/@to))"><xsl:value-of select="$host/@editio:id"/></xsl:when>
        <xsl:when test="$host/@editio:target"><xsl:value-of select="$host/@editio:target"/></xsl:when>
        <xsl:when test="not($host/@from) and not($host/ancestor::tei:listApp)"><xsl:value-of select="$host/@editio:id"/></xsl:when>
      </xsl:choose>
    </xsl:variable>
    <li class="app-entry" id="app-{@editio:id}" data-app="{@editio:id}">
      <xsl:choose>
        <xsl:when test="$back != ''"><a class="app-ref" href="#{$back}"><xsl:value-of select="@editio:appref"/></a></xsl:when>
        <xsl:otherwise><span class="app-ref"><xsl:value-of select="@editio:appref"/></span></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$lem or @editio:lemma">
        <xsl:text> </xsl:text>
        <span class="lem">
          <xsl:if test="$lem/self::tei:rdg"><xsl:attribute name="data-rn"><xsl:value-of select="$lem/@editio:rn"/></xsl:attribute></xsl:if>
          <xsl:call-template name="lemma-string"><xsl:with-param name="head" select="$lem"/></xsl:call-template>
        </span>
        <xsl:if test="$lem/@wit or $lem/@source">
          <xsl:text> </xsl:text>
          <span class="wit"><xsl:call-template name="reading-sigla"><xsl:with-param name="r" select="$lem"/></xsl:call-template></span>
        </xsl:if>
        <xsl:call-template name="reading-notes"><xsl:with-param name="r" select="$lem"/></xsl:call-template>
        <xsl:text>]</xsl:text>
      </xsl:if>
      <xsl:for-each select="$own[not(generate-id() = generate-id($lem))]">
        <xsl:variable name="hidden"><xsl:call-template name="reading-hidden"/></xsl:variable>
        <xsl:if test="$hidden != 'yes'">
          <span class="reading{substring(' rdg-type-', 1, 10 * boolean(@type))}{translate(@type, '.#:', '___')}{substring(' rdg-cause-', 1, 11 * boolean(@cause))}{translate(@cause, '.#:', '___')}">
            <xsl:text> </xsl:text>
            <span class="{substring('rdg', 1, 3 * boolean(self::tei:rdg))}{substring('lem-alt', 1, 7 * boolean(self::tei:lem))}" data-rn="{@editio:rn}">
              <xsl:call-template name="reading-string"/>
            </span>
            <xsl:if test="@wit or @source">
              <xsl:text> </xsl:text>
              <span class="wit"><xsl:call-template name="reading-sigla"/></span>
            </xsl:if>
            <xsl:call-template name="reading-notes"/>
            <xsl:if test="position() != last()">;</xsl:if>
          </span>
        </xsl:if>
      </xsl:for-each>
      <xsl:for-each select="tei:witDetail">
        <xsl:text> </xsl:text>
        <span class="witDetail">(<xsl:call-template name="witdetail-string"/>)</span>
      </xsl:for-each>
      <xsl:for-each select="tei:note[normalize-space()]">
        <xsl:text> </xsl:text>
        <span class="app-note"><xsl:call-template name="app-note-string"/></span>
      </xsl:for-each>
    </li>
  </xsl:template>

</xsl:stylesheet>
