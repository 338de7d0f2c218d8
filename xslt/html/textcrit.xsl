<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition: critical apparatus. The lemma is marked in the text
  (span.app > span.lem, with a link to its entry); each division ends with a
  positive apparatus (`section-apparatus`, called by textstructure):
  li.app-entry: ref lemma WITS] reading WITS; reading WITS (span.rdg, span.wit).
  With the `witness` parameter the text is the witness's own: its reading at
  each app (span.app[data-app][data-rdg], data-rdg the rank of the reading,
  empty when it has none there), its lacunae as [...], and no apparatus.
  `witness-list` (called in the page body) lists the sigla, links them to
  per-witness pages (`witness-pages`, a pattern with {siglum}) and offers
  CSS-only switches that hide reading types.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <!-- An app in the text. Apps pointing elsewhere (@from) are rendered at their target. -->
  <xsl:template match="tei:app">
    <xsl:choose>
      <xsl:when test="@editio:target or @from or ancestor::tei:listApp"/>
      <xsl:when test="$witness-mode">
        <xsl:variable name="rank"><xsl:call-template name="witness-reading-rank"/></xsl:variable>
        <span class="app" data-app="{@editio:id}" data-rdg="{$rank}">
          <xsl:if test="$rank = 'lac'"><span class="lacuna"> […] </span></xsl:if>
          <xsl:apply-templates select="(tei:lem | tei:rdg | tei:rdgGrp//tei:lem | tei:rdgGrp//tei:rdg)[@editio:rn = $rank]/node()"/>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span class="app" id="{@editio:id}" data-app="{@editio:id}">
          <span class="lem">
            <xsl:variable name="lem" select="(tei:lem | tei:rdgGrp//tei:lem[@editio:rn])[1]"/>
            <xsl:choose>
              <xsl:when test="$lem"><xsl:apply-templates select="$lem/node()"/></xsl:when>
              <xsl:otherwise><xsl:apply-templates select="(tei:rdg | tei:rdgGrp//tei:rdg[@editio:rn])[1]/node()"/></xsl:otherwise>
            </xsl:choose>
          </span>
          <xsl:call-template name="app-link"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="app-link">
    <xsl:param name="app" select="."/>
    <a class="app-link" href="#app-{$app/@editio:id}" aria-label="apparatus {$app/@editio:n}"/>
  </xsl:template>

  <xsl:template match="tei:listApp"/>

  <!-- Targets of double-end-point apps (@from/@to): marked; a witness's own
       reading replaces the span (whose text prepare marked hidden for it). -->
  <xsl:template match="tei:*[@editio:app-target or @editio:app-end]" priority="3">
    <xsl:variable name="id" select="@xml:id"/>
    <xsl:variable name="apps" select="key('app-by-target', $id)"/>
    <xsl:choose>
      <xsl:when test="$witness-mode">
        <xsl:for-each select="$apps">
          <xsl:variable name="rank"><xsl:call-template name="witness-reading-rank"/></xsl:variable>
          <xsl:variable name="own" select="(tei:lem | tei:rdg | tei:rdgGrp//tei:lem | tei:rdgGrp//tei:rdg)[@editio:rn = $rank]"/>
          <span class="app" data-app="{@editio:id}" data-rdg="{$rank}">
            <xsl:if test="contains($own/@editio:wits, $wtoken)"><xsl:apply-templates select="$own/node()"/></xsl:if>
          </span>
        </xsl:for-each>
        <xsl:apply-templates/>
      </xsl:when>
      <xsl:otherwise>
        <span class="app-span{substring(' app-start', 1, 10 * boolean(@editio:app-target))}{substring(' app-end', 1, 8 * boolean(@editio:app-end))}" id="{$id}">
          <xsl:apply-templates/>
        </span>
        <xsl:for-each select="$apps"><xsl:call-template name="app-link"/></xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Lacunae and fragmentary witnesses: nothing in the edited text (they
       stand in readings); a gap sign in the text of the witness concerned. -->
  <xsl:template match="tei:lacunaStart | tei:lacunaEnd | tei:witStart | tei:witEnd">
    <xsl:variable name="wits">
      <xsl:choose>
        <xsl:when test="@editio:wits"><xsl:value-of select="@editio:wits"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="ancestor::*[self::tei:rdg or self::tei:lem][1]/@editio:wits"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$witness-mode and ((contains($wits, $wtoken) and (self::tei:lacunaStart or self::tei:witEnd))
        or contains(@editio:initial-gap, $wtoken))">
      <span class="lacuna tei-{local-name()}"> […] </span>
    </xsl:if>
  </xsl:template>

  <!-- Text a witness lacks (lacuna, or a span it reads otherwise). -->
  <xsl:template match="text()[../@editio:hide or preceding-sibling::*[1]/@editio:hide-after]" priority="1">
    <xsl:variable name="hidden"><xsl:call-template name="text-hidden-for-witness"/></xsl:variable>
    <xsl:if test="$hidden != 'yes'"><xsl:value-of select="."/></xsl:if>
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
    <xsl:variable name="lem" select="$own[self::tei:lem][1]"/>
    <!-- An app inside a reading is not in the text: link to the outermost app. -->
    <xsl:variable name="host" select="(self::tei:app[not(ancestor::tei:rdg)] | ancestor::tei:app[last()][current()/ancestor::tei:rdg])[1]"/>
    <xsl:variable name="back">
      <xsl:choose>
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
        <span class="lem"><xsl:call-template name="lemma-string"/></span>
        <xsl:if test="$lem/@wit or $lem/@source">
          <xsl:text> </xsl:text>
          <span class="wit"><xsl:call-template name="reading-sigla"><xsl:with-param name="r" select="$lem"/></xsl:call-template></span>
        </xsl:if>
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

  <!-- The list of sigla, with the switch between witnesses' texts. -->
  <xsl:template name="witness-list">
    <xsl:variable name="witnesses" select="/*/tei:teiHeader//tei:witness | /*/tei:standOff//tei:witness"/>
    <xsl:if test="$witnesses">
      <section class="witnesses" id="witnesses">
        <h2><xsl:call-template name="message"><xsl:with-param name="key" select="'witnesses'"/></xsl:call-template></h2>
        <dl class="witness-list">
          <xsl:for-each select="$witnesses">
            <xsl:variable name="siglum"><xsl:call-template name="witness-siglum"/></xsl:variable>
            <dt id="wit-{@editio:wkey}">
              <xsl:if test="$witness-mode and @editio:wkey = $wkey"><xsl:attribute name="class">current</xsl:attribute></xsl:if>
              <xsl:choose>
                <xsl:when test="$witness-pages != ''">
                  <a class="witness-switch" href="{concat(substring-before($witness-pages, '{siglum}'), $siglum, substring-after($witness-pages, '{siglum}'))}"><xsl:value-of select="$siglum"/></a>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="$siglum"/></xsl:otherwise>
              </xsl:choose>
            </dt>
            <dd>
              <xsl:variable name="raw"><xsl:apply-templates select="node()[not(self::tei:abbr[@type='siglum'])]" mode="app-text"/></xsl:variable>
              <xsl:value-of select="normalize-space($raw)"/>
            </dd>
          </xsl:for-each>
        </dl>
        <xsl:call-template name="reading-kind-switches"/>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- One checkbox per reading type or cause (listed by prepare on the root):
       checked, the readings of that kind are hidden (CSS :has(), no script). -->
  <xsl:template name="reading-kind-switches">
    <xsl:variable name="types" select="normalize-space(/*/@editio:reading-types)"/>
    <xsl:variable name="causes" select="normalize-space(/*/@editio:reading-causes)"/>
    <xsl:if test="($types != '' or $causes != '') and not($witness-mode)">
      <div class="editio-controls reading-switches">
        <style>
          <xsl:call-template name="kind-switch"><xsl:with-param name="list" select="$types"/><xsl:with-param name="attr" select="'type'"/><xsl:with-param name="css" select="true()"/></xsl:call-template>
          <xsl:call-template name="kind-switch"><xsl:with-param name="list" select="$causes"/><xsl:with-param name="attr" select="'cause'"/><xsl:with-param name="css" select="true()"/></xsl:call-template>
        </style>
        <xsl:call-template name="kind-switch"><xsl:with-param name="list" select="$types"/><xsl:with-param name="attr" select="'type'"/></xsl:call-template>
        <xsl:call-template name="kind-switch"><xsl:with-param name="list" select="$causes"/><xsl:with-param name="attr" select="'cause'"/></xsl:call-template>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template name="kind-switch">
    <xsl:param name="list"/>
    <xsl:param name="attr"/>
    <xsl:param name="css" select="false()"/>
    <xsl:if test="$list != ''">
      <xsl:variable name="kind" select="substring-before(concat($list, ' '), ' ')"/>
      <xsl:variable name="safe" select="translate($kind, '.#:', '___')"/>
      <xsl:choose>
        <xsl:when test="$css">body:has(#hide-rdg-<xsl:value-of select="concat($attr, '-', $safe)"/>:checked) .rdg-<xsl:value-of select="concat($attr, '-', $safe)"/>{display:none}
</xsl:when>
        <xsl:otherwise>
          <label><input type="checkbox" id="hide-rdg-{$attr}-{$safe}"/><xsl:text> </xsl:text><xsl:value-of select="$kind"/></label><xsl:text> </xsl:text>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="kind-switch">
        <xsl:with-param name="list" select="substring-after($list, ' ')"/>
        <xsl:with-param name="attr" select="$attr"/>
        <xsl:with-param name="css" select="$css"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
