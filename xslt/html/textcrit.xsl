<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition: critical apparatus. The lemma is marked in the text
  (span.app, its place and entry made by html/apparatus.xsl, which also
  writes each division's apparatus).
  With the `witness` parameter the text is the witness's own: its reading at
  each app (span.app[data-app][data-rdg], data-rdg the rank of the reading,
  empty when it has none there), its lacunae as [...], and no apparatus.
  `witness-list` (called in the page body) lists the sigla, links them to
  per-witness pages (`witness-pages`, a pattern with {siglum}) and offers
  CSS-only switches that hide reading types.
  Under $witness-variants (xslt/witness-variants.xsl, editio build's witness
  pages) each place that depends on the witness is written for every witness,
  in editio:app / editio:if / editio:unless / editio:current / editio:list
  (src/editio/witness_splice.py makes each page's choices); the witness
  templates below serve both paths, so the pages cannot drift apart.
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
      <xsl:when test="$witness-variants"><xsl:call-template name="app-variants"/></xsl:when>
      <xsl:when test="$witness-mode">
        <xsl:variable name="rank"><xsl:call-template name="witness-reading-rank"/></xsl:variable>
        <xsl:call-template name="app-for-witness"><xsl:with-param name="rank" select="string($rank)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <!-- the lemma, else (readings only) the first reading -->
        <xsl:variable name="r" select="((tei:lem | tei:rdgGrp//tei:lem[@editio:rn])[1] | (tei:rdg | tei:rdgGrp//tei:rdg[@editio:rn])[not(current()/tei:lem | current()/tei:rdgGrp//tei:lem[@editio:rn])][1])[1]"/>
        <xsl:call-template name="app-space-before"><xsl:with-param name="r" select="$r"/></xsl:call-template>
        <span class="app" id="{@editio:id}" data-app="{@editio:id}">
          <xsl:call-template name="app-place"><xsl:with-param name="content" select="$r/node()"/></xsl:call-template>
        </span>
        <xsl:call-template name="app-space-after"><xsl:with-param name="r" select="$r"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An app as the witness reads it, given the rank of its reading there. -->
  <xsl:template name="app-for-witness">
    <xsl:param name="rank"/>
    <xsl:variable name="r" select="(tei:lem | tei:rdg | tei:rdgGrp//tei:lem | tei:rdgGrp//tei:rdg)[@editio:rn = $rank][1]"/>
    <xsl:call-template name="app-space-before"><xsl:with-param name="r" select="$r"/></xsl:call-template>
    <span class="app" data-app="{@editio:id}" data-rdg="{$rank}">
      <xsl:if test="$rank = 'lac'"><span class="lacuna"> […] </span></xsl:if>
      <xsl:call-template name="witness-reading"><xsl:with-param name="r" select="$r"/></xsl:call-template>
      <!-- an omission is nothing on the page; assistive technology hears it (and a heading is not empty) -->
      <xsl:if test="$r/self::tei:rdg and not($r/node()[not(self::text()) or normalize-space()])"><span class="visually-hidden">om.</span></xsl:if>
    </span>
    <xsl:call-template name="app-space-after"><xsl:with-param name="r" select="$r"/></xsl:call-template>
  </xsl:template>

  <!-- At a target of double-end-point apps: one of them as the witness reads it. -->
  <xsl:template name="target-app-for-witness">
    <xsl:param name="rank"/>
    <xsl:variable name="own" select="(tei:lem | tei:rdg | tei:rdgGrp//tei:lem | tei:rdgGrp//tei:rdg)[@editio:rn = $rank][1]"/>
    <span class="app" data-app="{@editio:id}" data-rdg="{$rank}">
      <xsl:choose>
        <xsl:when test="$witness-variants">
          <xsl:if test="$own"><editio:if w="{$own/@editio:wits}"><xsl:call-template name="witness-reading"><xsl:with-param name="r" select="$own"/></xsl:call-template></editio:if></xsl:if>
        </xsl:when>
        <xsl:when test="contains($own/@editio:wits, $wtoken)"><xsl:call-template name="witness-reading"><xsl:with-param name="r" select="$own"/></xsl:call-template></xsl:when>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- witness-variants (context: app): the data that decides a witness's
       reading (as witness-reading-rank does: editio:o per reading, editio:l
       per lacuna detail) and the app rendered for every rank it can take
       (editio:v). -->
  <xsl:template name="app-variants">
    <xsl:param name="target" select="false()"/>
    <xsl:variable name="app" select="."/>
    <xsl:variable name="own" select="tei:lem | tei:rdg | tei:rdgGrp//tei:lem[@editio:rn] | tei:rdgGrp//tei:rdg[@editio:rn]"/>
    <xsl:variable name="lacking" select="tei:witDetail[@type = 'lac' or @type = 'lacuna' or @type = 'lacunose']"/>
    <editio:app lem="{substring('yes', 1, 3 * boolean($own[self::tei:lem]))}" lem-rn="{$own[self::tei:lem][1]/@editio:rn}">
      <xsl:for-each select="$own"><editio:o rn="{@editio:rn}" w="{@editio:wits}"/></xsl:for-each>
      <xsl:for-each select="$lacking"><editio:l w="{@editio:wits}"/></xsl:for-each>
      <xsl:for-each select="$own[string(@editio:rn) != ''] | $lacking[1] | $app">
        <xsl:variable name="rank">
          <xsl:choose>
            <xsl:when test="self::tei:witDetail">lac</xsl:when>
            <xsl:when test="self::tei:app"/>
            <xsl:otherwise><xsl:value-of select="@editio:rn"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <editio:v r="{$rank}">
          <xsl:for-each select="$app">
            <xsl:choose>
              <xsl:when test="$target"><xsl:call-template name="target-app-for-witness"><xsl:with-param name="rank" select="string($rank)"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="app-for-witness"><xsl:with-param name="rank" select="string($rank)"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </editio:v>
      </xsl:for-each>
    </editio:app>
  </xsl:template>

  <!-- The reading a witness has at an app, with the gap signs of the lacuna
       markers inside it (prepare moves them to the reading's edges). -->
  <xsl:template name="witness-reading">
    <xsl:param name="r"/>
    <xsl:choose>
      <xsl:when test="$witness-variants"><xsl:if test="string($r/@editio:gap-before) != ''"><editio:if w="{$r/@editio:gap-before}"><span class="lacuna"> […] </span></editio:if></xsl:if></xsl:when>
      <xsl:when test="contains($r/@editio:gap-before, $wtoken)"><span class="lacuna"> […] </span></xsl:when>
    </xsl:choose>
    <xsl:apply-templates select="$r/node()"/>
    <xsl:choose>
      <xsl:when test="$witness-variants"><xsl:if test="string($r/@editio:gap-after) != ''"><editio:if w="{$r/@editio:gap-after}"><span class="lacuna"> […] </span></editio:if></xsl:if></xsl:when>
      <xsl:when test="contains($r/@editio:gap-after, $wtoken)"><span class="lacuna"> […] </span></xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:listApp"/>

  <!-- Targets of double-end-point apps (@from/@to): marked; a witness's own
       reading replaces the span (whose text prepare marked hidden for it).
       Called for them by common/app-targets.xsl (a pattern per element name). -->
  <xsl:template name="app-target-element">
    <xsl:variable name="id" select="@xml:id"/>
    <xsl:variable name="apps" select="key('app-by-target', $id)"/>
    <xsl:choose>
      <xsl:when test="$witness-mode">
        <xsl:for-each select="$apps">
          <xsl:choose>
            <xsl:when test="$witness-variants"><xsl:call-template name="app-variants"><xsl:with-param name="target" select="true()"/></xsl:call-template></xsl:when>
            <xsl:otherwise>
              <xsl:variable name="rank"><xsl:call-template name="witness-reading-rank"/></xsl:variable>
              <xsl:call-template name="target-app-for-witness"><xsl:with-param name="rank" select="string($rank)"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:apply-templates/>
      </xsl:when>
      <xsl:when test="count($apps) = 1 and not($apps/@to)">
        <!-- one app on this element: the element is its lemma, as an app's in the text -->
        <xsl:variable name="content" select="node()"/>
        <xsl:variable name="in-link" select="ancestor-or-self::tei:ref[@target] or ancestor::tei:ptr or ancestor-or-self::*[@ref][self::tei:persName
            or self::tei:placeName or self::tei:orgName or self::tei:name or self::tei:rs]"/>
        <span class="app app-span app-start" id="{$id}" data-app="{$apps/@editio:id}">
          <xsl:for-each select="$apps">
            <xsl:call-template name="app-place">
              <xsl:with-param name="content" select="$content"/>
              <xsl:with-param name="in-link" select="$in-link"/>
              <xsl:with-param name="notes-shown" select="true()"/>
            </xsl:call-template>
          </xsl:for-each>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span class="app-span{substring(' app-start', 1, 10 * boolean(@editio:app-target))}{substring(' app-end', 1, 8 * boolean(@editio:app-end))}" id="{$id}">
          <xsl:apply-templates/>
        </span>
        <!-- several apps, or a span over several elements: a sign for each after its first element -->
        <xsl:for-each select="$apps"><span class="app" id="{@editio:id}" data-app="{@editio:id}"><span class="app-at"><xsl:call-template name="app-link"/><xsl:call-template name="app-pop"/></span></span></xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Lacunae and fragmentary witnesses: nothing in the edited text (they
       stand in readings); a gap sign in the text of the witness concerned. -->
  <xsl:template match="tei:lacunaStart | tei:lacunaEnd | tei:witStart | tei:witEnd">
    <!-- inside a reading (its gap sign moved to the reading's edge) it still parts words -->
    <xsl:if test="$witness-mode and @editio:moved"><xsl:text> </xsl:text></xsl:if>
    <xsl:variable name="wits">
      <xsl:choose>
        <xsl:when test="@editio:wits"><xsl:value-of select="@editio:wits"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="ancestor::*[self::tei:rdg or self::tei:lem][1]/@editio:wits"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="not($witness-mode) or @editio:moved"/>
      <xsl:when test="$witness-variants">
        <xsl:variable name="by-wits" select="self::tei:lacunaStart or self::tei:witEnd"/>
        <xsl:if test="($by-wits and string($wits) != '') or string(@editio:initial-gap) != ''">
          <editio:if w="{substring($wits, 1, string-length($wits) * $by-wits)}" w2="{@editio:initial-gap}"><span class="lacuna tei-{local-name()}"> […] </span></editio:if>
        </xsl:if>
      </xsl:when>
      <xsl:when test="(contains($wits, $wtoken) and (self::tei:lacunaStart or self::tei:witEnd)) or contains(@editio:initial-gap, $wtoken)">
        <span class="lacuna tei-{local-name()}"> […] </span>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Text a witness may lack (lacuna, or a span it reads otherwise): called
       by html/core.xsl's text() template where prepare marked it. -->
  <xsl:template name="witness-text">
    <xsl:choose>
      <xsl:when test="$witness-variants">
        <xsl:variable name="state"><xsl:call-template name="witness-hide-state"/></xsl:variable>
        <xsl:choose>
          <xsl:when test="string($state) != ''"><editio:unless w="{$state}"><xsl:call-template name="text-shown"/></editio:unless></xsl:when>
          <xsl:otherwise><xsl:call-template name="text-shown"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="hidden"><xsl:call-template name="text-hidden-for-witness"/></xsl:variable>
        <xsl:if test="$hidden != 'yes'"><xsl:call-template name="text-shown"/></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="text-shown">
    <!-- as html/core.xsl renders text: beside a milestone inside a word (break="no") its whitespace goes -->
    <xsl:variable name="before" select="preceding-sibling::node()[1][self::tei:lb or self::tei:pb or self::tei:cb][@break = 'no' or @type = 'hyphenInWord']"/>
    <xsl:variable name="after" select="following-sibling::node()[1][self::tei:lb or self::tei:pb or self::tei:cb][@break = 'no' or @type = 'hyphenInWord']"/>
    <xsl:choose>
      <xsl:when test="$before or $after">
        <xsl:variable name="flat" select="translate(., '&#9;&#10;&#13;', '   ')"/>
        <xsl:if test="not($before) and starts-with($flat, ' ')"><xsl:text> </xsl:text></xsl:if>
        <xsl:value-of select="normalize-space(.)"/>
        <xsl:if test="not($after) and normalize-space(.) != '' and substring($flat, string-length($flat)) = ' '"><xsl:text> </xsl:text></xsl:if>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The list of sigla, with the switch between witnesses' texts: with
       `witness-pages` each siglum links to that witness's page. -->
  <xsl:template name="witness-list">
    <xsl:param name="current-key" select="$wkey"/>
    <xsl:param name="as-variant" select="$witness-variants"/>
    <xsl:variable name="witnesses" select="/*/tei:teiHeader//tei:witness | /*/tei:standOff//tei:witness"/>
    <xsl:if test="$as-variant"><editio:list/></xsl:if>
    <xsl:if test="$witnesses and not($as-variant)">
      <section class="witnesses" id="editio-witnesses">
        <h2><xsl:call-template name="message"><xsl:with-param name="key" select="'witnesses'"/></xsl:call-template></h2>
        <xsl:if test="$witness-mode and $edition-page != ''">
          <p class="witness-edition"><a class="witness-switch" href="{$edition-page}"><xsl:call-template name="message"><xsl:with-param name="key" select="'witness.edition'"/></xsl:call-template></a></p>
        </xsl:if>
        <dl class="witness-list">
          <xsl:for-each select="$witnesses">
            <xsl:variable name="siglum"><xsl:call-template name="witness-siglum"/></xsl:variable>
            <xsl:variable name="current" select="$witness-mode and @editio:wkey = $current-key"/>
            <dt id="editio-wit-{translate(@editio:wkey, ' ', '_')}">
              <xsl:if test="$current"><xsl:attribute name="class">current</xsl:attribute></xsl:if>
              <xsl:choose>
                <xsl:when test="$witness-pages != '' and contains($witness-pages, '{siglum}')">
                  <xsl:variable name="token"><xsl:call-template name="witness-file-token"><xsl:with-param name="siglum" select="$siglum"/></xsl:call-template></xsl:variable>
                  <a class="witness-switch" href="{concat(substring-before($witness-pages, '{siglum}'), $token, substring-after($witness-pages, '{siglum}'))}">
                    <xsl:if test="$current"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
                    <xsl:value-of select="$siglum"/>
                  </a>
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
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Switches that hide readings of one type or cause (listed by prepare on
       the root), without script: a checkbox per kind, placed by html/core.xsl
       at the start of the body so the rule `#switch:checked ~ * .rdg-KIND`
       (the `style` part) reaches every apparatus after it. -->
  <xsl:template name="reading-switches">
    <xsl:variable name="types" select="normalize-space(/*/@editio:reading-types)"/>
    <xsl:variable name="causes" select="normalize-space(/*/@editio:reading-causes)"/>
    <!-- A witness's page says whose text it is. -->
    <xsl:choose>
      <xsl:when test="$witness-variants"><editio:current/></xsl:when>
      <xsl:when test="$witness-mode"><xsl:call-template name="witness-current"/></xsl:when>
    </xsl:choose>
    <xsl:if test="($types != '' or $causes != '') and not($witness-mode)">
      <p class="editio-controls reading-switches-label" id="editio-reading-switches">
        <xsl:call-template name="message"><xsl:with-param name="key" select="'apparatus.hide'"/></xsl:call-template>
      </p>
      <xsl:call-template name="kind-switch"><xsl:with-param name="list" select="$types"/><xsl:with-param name="attr" select="'type'"/></xsl:call-template>
      <xsl:call-template name="kind-switch"><xsl:with-param name="list" select="$causes"/><xsl:with-param name="attr" select="'cause'"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="witness-current">
    <xsl:param name="token" select="$witness"/>
    <xsl:variable name="w" select="key('witness-by-token', $token)[1]"/>
    <p class="editio-controls witness-current">
      <xsl:call-template name="message"><xsl:with-param name="key" select="'witness.text'"/></xsl:call-template>
      <xsl:text> </xsl:text>
      <strong>
        <xsl:choose>
          <xsl:when test="$w"><xsl:call-template name="witness-siglum"><xsl:with-param name="w" select="$w"/></xsl:call-template></xsl:when>
          <xsl:otherwise><xsl:value-of select="$token"/></xsl:otherwise>
        </xsl:choose>
      </strong>
      <xsl:if test="$edition-page != ''">
        <xsl:text> · </xsl:text>
        <a href="{$edition-page}"><xsl:call-template name="message"><xsl:with-param name="key" select="'witness.edition'"/></xsl:call-template></a>
      </xsl:if>
    </p>
  </xsl:template>

  <!-- The page's CSS for those switches (the `style` part, in the page's <style>). -->
  <xsl:template name="apparatus-style-part">
    <xsl:variable name="types" select="normalize-space(/*/@editio:reading-types)"/>
    <xsl:variable name="causes" select="normalize-space(/*/@editio:reading-causes)"/>
    <xsl:if test="($types != '' or $causes != '') and not($witness-mode)">
      <part name="style">
        <xsl:call-template name="kind-switch"><xsl:with-param name="list" select="$types"/><xsl:with-param name="attr" select="'type'"/><xsl:with-param name="css" select="true()"/></xsl:call-template>
        <xsl:call-template name="kind-switch"><xsl:with-param name="list" select="$causes"/><xsl:with-param name="attr" select="'cause'"/><xsl:with-param name="css" select="true()"/></xsl:call-template>
      </part>
    </xsl:if>
  </xsl:template>

  <xsl:template name="kind-switch">
    <xsl:param name="list"/>
    <xsl:param name="attr"/>
    <xsl:param name="css" select="false()"/>
    <xsl:if test="$list != ''">
      <xsl:variable name="kind" select="substring-before(concat($list, ' '), ' ')"/>
      <xsl:variable name="safe" select="translate($kind, '.#:', '___')"/>
      <xsl:variable name="id" select="concat('editio-hide-rdg-', $attr, '-', $safe)"/>
      <xsl:choose>
        <xsl:when test="$css">#<xsl:value-of select="$id"/>:checked ~ * .rdg-<xsl:value-of select="concat($attr, '-', $safe)"/>{display:none}
</xsl:when>
        <xsl:otherwise>
          <input type="checkbox" class="editio-controls reading-switch" id="{$id}" aria-describedby="editio-reading-switches"/>
          <label class="editio-controls reading-switch-label" for="{$id}"><xsl:value-of select="$kind"/></label>
          <xsl:text> </xsl:text>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="kind-switch">
        <xsl:with-param name="list" select="substring-after($list, ' ')"/>
        <xsl:with-param name="attr" select="$attr"/>
        <xsl:with-param name="css" select="$css"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Interpretation categories (analysis module) in the text, e.g. the kinds
       of variation an app's @ana names: editorial matter, kept in an aside
       with their ids so @ana links resolve. -->
  <xsl:template match="tei:text//tei:interpGrp">
    <aside class="editio-interp">
      <xsl:call-template name="id-attr"/>
      <xsl:apply-templates select="*[not(self::tei:interp)]"/>
      <dl>
        <xsl:for-each select="tei:interp">
          <dt>
            <xsl:call-template name="id-attr"/>
            <xsl:value-of select="@xml:id"/>
            <xsl:if test="@type"><xsl:text> (</xsl:text><xsl:value-of select="@type"/>)</xsl:if>
          </dt>
          <dd><xsl:apply-templates select="node()[not(self::tei:certainty)]"/></dd>
        </xsl:for-each>
      </dl>
    </aside>
  </xsl:template>
</xsl:stylesheet>
