<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML, the synoptic view of a critical edition (view = synoptic): the
  witnesses side by side, one column each, headed by its siglum and its
  description from listWit, after a column of the edited text. One table;
  each block of the edited text (paragraph, heading, verse line) is a tbody
  whose rows alternate between the text all witnesses share (one cell over
  every column) and an apparatus entry (a row: its reference, linked to the
  entry in the edition when `edition-page` is set, the edited reading, and in
  each witness's column the reading it has there, shaded where it differs).
  Apps nested in a reading show, inside the cell, the reading of that column's
  witness. Where prepare marked a witness's text missing (lacunae, the span of
  an app pointing with @from/@to), the shared text splits into one cell per
  witness and the missing text is [...]. Readings no witness attests (a
  conjecture) stand in the edited text's cell after its reading.
  Which witnesses: `synoptic-witnesses`, else the first `synoptic-max`.
  Every reading rendered is a span.syn-r[data-app][data-rn] (the app's
  editio:id and the reading's editio:rn).
  Mode syn-block finds the blocks of the text that carry apps; `syn-rows`
  turns a block's content into rows (elements holding apps are opened); mode
  syn renders content inside a cell: plain, no ids, so a reading can stand in
  several columns.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template name="synoptic-body">
    <xsl:variable name="all" select="/*/tei:teiHeader//tei:witness | /*/tei:standOff//tei:witness"/>
    <xsl:variable name="asked" select="concat(' ', normalize-space(translate($synoptic-witnesses, ',', ' ')), ' ')"/>
    <xsl:variable name="chosen" select="$all[(normalize-space($asked) != '' and (contains($asked, concat(' ', @editio:siglum, ' '))
        or contains($asked, concat(' ', @xml:id, ' ')))) or (normalize-space($asked) = '' and position() &lt;= number($synoptic-max))]"/>
    <section class="synopsis" id="editio-synopsis" aria-labelledby="editio-synopsis-title">
      <h2 id="editio-synopsis-title"><xsl:call-template name="fast-message"><xsl:with-param name="key" select="'synoptic'"/></xsl:call-template></h2>
      <p class="synopsis-note">
        <xsl:call-template name="fast-message"><xsl:with-param name="key" select="'synoptic.shown'"/></xsl:call-template>
        <xsl:value-of select="concat(': ', count($chosen), ' / ', count($all))"/>
        <xsl:if test="count($chosen) &lt; count($all)">
          <xsl:text> (</xsl:text>
          <xsl:for-each select="$all[count(. | $chosen) != count($chosen)]">
            <xsl:value-of select="@editio:siglum"/>
            <xsl:if test="position() != last()"><xsl:text> </xsl:text></xsl:if>
          </xsl:for-each>
          <xsl:text>: </xsl:text>
          <xsl:call-template name="fast-message"><xsl:with-param name="key" select="'synoptic.not-shown'"/></xsl:call-template>
          <xsl:text>)</xsl:text>
        </xsl:if>
        <xsl:text>. </xsl:text>
        <xsl:call-template name="fast-message"><xsl:with-param name="key" select="'synoptic.help'"/></xsl:call-template>
        <xsl:if test="$edition-page != ''">
          <xsl:text> </xsl:text>
          <a href="{$edition-page}"><xsl:call-template name="fast-message"><xsl:with-param name="key" select="'witness.edition'"/></xsl:call-template></a>
        </xsl:if>
      </p>
      <div class="synopsis-wrap">
        <table class="synopsis">
          <thead>
            <tr>
              <th scope="col" class="syn-ref"><xsl:call-template name="fast-message"><xsl:with-param name="key" select="'synoptic.ref'"/></xsl:call-template></th>
              <th scope="col" class="syn-ed"><xsl:call-template name="fast-message"><xsl:with-param name="key" select="'synoptic.edition'"/></xsl:call-template></th>
              <xsl:for-each select="$chosen">
                <th scope="col" class="syn-wit" data-wit="{@editio:wkey}">
                  <span class="siglum"><xsl:value-of select="@editio:siglum"/></span>
                  <xsl:variable name="raw"><xsl:apply-templates select="node()[not(self::tei:abbr[@type='siglum'])]" mode="app-text"/></xsl:variable>
                  <xsl:if test="normalize-space($raw) != ''"><xsl:text> </xsl:text><span class="syn-desc"><xsl:value-of select="normalize-space($raw)"/></span></xsl:if>
                </th>
              </xsl:for-each>
            </tr>
          </thead>
          <xsl:apply-templates select="/*/tei:text" mode="syn-block">
            <xsl:with-param name="chosen" select="$chosen"/>
            <xsl:with-param name="targets" select="boolean(/*/tei:text/descendant::*[@editio:app-target][1])"/>
          </xsl:apply-templates>
        </table>
      </div>
    </section>
  </xsl:template>

  <!-- The blocks: only divisions (and texts) that hold apps; an editor's
       preface without variation is no text of the witnesses. -->
  <xsl:template match="*" mode="syn-block">
    <xsl:param name="chosen"/>
    <xsl:param name="targets" select="false()"/>
    <xsl:choose>
      <xsl:when test="self::tei:teiHeader or self::tei:listApp or self::tei:note or not(descendant::tei:app or descendant::*[@editio:app-target])"/>
      <xsl:when test="*[@editio:block]">
        <xsl:for-each select="node()">
          <xsl:choose>
            <xsl:when test="self::*[@editio:block]"><xsl:apply-templates select="." mode="syn-block"><xsl:with-param name="chosen" select="$chosen"/><xsl:with-param name="targets" select="$targets"/></xsl:apply-templates></xsl:when>
            <!-- words between blocks (rare): a block of their own -->
            <xsl:when test="self::tei:app or descendant::tei:app or @editio:app-target or descendant::*[@editio:app-target]">
              <tbody class="syn-block">
                <xsl:call-template name="syn-rows"><xsl:with-param name="chosen" select="$chosen"/><xsl:with-param name="nodes" select="."/><xsl:with-param name="targets" select="$targets"/></xsl:call-template>
              </tbody>
            </xsl:when>
            <xsl:when test="self::* or normalize-space()">
              <tbody class="syn-block">
                <xsl:call-template name="syn-common-row"><xsl:with-param name="chosen" select="$chosen"/><xsl:with-param name="nodes" select="."/></xsl:call-template>
              </tbody>
            </xsl:when>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <tbody class="syn-block"><xsl:call-template name="syn-rows"><xsl:with-param name="chosen" select="$chosen"/><xsl:with-param name="targets" select="$targets"/></xsl:call-template></tbody>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The rows of the context element's content: a run of nodes without
       apps is one row of shared text; an app is a row of its own; an element
       holding apps is opened (its content becomes rows). No recursion along
       siblings: a paragraph may hold hundreds of apps. -->
  <xsl:template name="syn-rows">
    <xsl:param name="chosen"/>
    <xsl:param name="nodes" select="node()"/>
    <!-- (the document has targets of apps pointing with @from: asked once, in synoptic-body) -->
    <xsl:param name="targets" select="false()"/>
    <xsl:for-each select="$nodes[self::tei:app or descendant::tei:app or ($targets and (@editio:app-target or descendant::*[@editio:app-target]))
        or not(preceding-sibling::node()[1][not(self::tei:app or descendant::tei:app or ($targets and (@editio:app-target or descendant::*[@editio:app-target])))])]">
      <xsl:choose>
        <xsl:when test="self::tei:app">
          <xsl:if test="not(@from or @editio:target)">
            <xsl:call-template name="syn-app-row">
              <xsl:with-param name="chosen" select="$chosen"/>
              <xsl:with-param name="edition" select="((tei:lem | tei:rdgGrp//tei:lem[@editio:rn])[1] | (tei:rdg | tei:rdgGrp//tei:rdg[@editio:rn])[not(current()/tei:lem | current()/tei:rdgGrp//tei:lem[@editio:rn])][1])[1]/node()"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:when>
        <xsl:when test="@editio:app-target and not(descendant::tei:app or descendant::*[@editio:app-target])">
          <!-- the target of apps pointing with @from: its words are their edited reading -->
          <xsl:variable name="content" select="node()"/>
          <xsl:for-each select="key('app-by-target', @xml:id)">
            <xsl:call-template name="syn-app-row">
              <xsl:with-param name="chosen" select="$chosen"/>
              <xsl:with-param name="edition" select="$content"/>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:when>
        <xsl:when test="self::*[descendant::tei:app or ($targets and descendant::*[@editio:app-target])]">
          <xsl:call-template name="syn-rows"><xsl:with-param name="chosen" select="$chosen"/><xsl:with-param name="targets" select="$targets"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <!-- shared text, up to the next node holding an app -->
          <xsl:variable name="stop" select="following-sibling::node()[self::tei:app or descendant::tei:app
              or ($targets and (@editio:app-target or descendant::*[@editio:app-target]))][1]"/>
          <xsl:variable name="length" select="count($stop/preceding-sibling::node()) - count(preceding-sibling::node())"/>
          <xsl:variable name="run" select="self::node() | following-sibling::node()[not($stop) or position() &lt; $length]"/>
          <xsl:if test="$run[self::* or normalize-space()]">
            <xsl:call-template name="syn-common-row">
              <xsl:with-param name="chosen" select="$chosen"/>
              <xsl:with-param name="nodes" select="$run"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- Text every witness shares: one cell over the edition and the witnesses;
       where some witness lacks part of it, one cell each. -->
  <xsl:template name="syn-common-row">
    <xsl:param name="chosen"/>
    <xsl:param name="nodes"/>
    <xsl:variable name="states" select="$nodes/descendant-or-self::text()[../@editio:hide or preceding-sibling::*[1]/@editio:hide-after]"/>
    <xsl:choose>
      <xsl:when test="not($states)">
        <tr class="syn-common"><td class="syn-ref"></td><td class="syn-text" colspan="{count($chosen) + 1}"><xsl:apply-templates select="$nodes" mode="syn"/></td></tr>
      </xsl:when>
      <xsl:otherwise>
        <tr class="syn-common syn-split">
          <td class="syn-ref"></td>
          <td class="syn-ed"><xsl:apply-templates select="$nodes" mode="syn"/></td>
          <xsl:for-each select="$chosen">
            <td class="syn-wit" data-wit="{@editio:wkey}"><xsl:apply-templates select="$nodes" mode="syn"><xsl:with-param name="key" select="string(@editio:wkey)"/></xsl:apply-templates></td>
          </xsl:for-each>
        </tr>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An entry of the apparatus as a row (context: the app). -->
  <xsl:template name="syn-app-row">
    <xsl:param name="chosen"/>
    <xsl:param name="edition"/>
    <xsl:variable name="app" select="."/>
    <xsl:variable name="own" select="tei:lem | tei:rdg | tei:rdgGrp//tei:lem[@editio:rn] | tei:rdgGrp//tei:rdg[@editio:rn]"/>
    <xsl:variable name="base-rn">
      <xsl:if test="not(@editio:target)"><xsl:call-template name="entry-head-rn"/></xsl:if>
    </xsl:variable>
    <tr class="syn-app" id="syn-{@editio:id}" data-app="{@editio:id}">
      <th scope="row" class="syn-ref">
        <xsl:choose>
          <xsl:when test="$edition-page != ''"><a href="{$edition-page}#app-{@editio:id}"><xsl:value-of select="@editio:appref"/></a></xsl:when>
          <xsl:otherwise><xsl:value-of select="@editio:appref"/></xsl:otherwise>
        </xsl:choose>
      </th>
      <td class="syn-ed">
        <span class="syn-r" data-app="{@editio:id}" data-rn="{$base-rn}"><xsl:call-template name="syn-content"><xsl:with-param name="nodes" select="$edition"/></xsl:call-template></span>
        <xsl:call-template name="syn-unattested"><xsl:with-param name="own" select="$own"/><xsl:with-param name="base-rn" select="string($base-rn)"/><xsl:with-param name="chosen" select="$chosen"/></xsl:call-template>
      </td>
      <xsl:for-each select="$chosen">
        <xsl:variable name="key" select="string(@editio:wkey)"/>
        <xsl:variable name="token" select="concat(' ', $key, ' ')"/>
        <xsl:variable name="cited" select="$own[contains(@editio:wits, $token)][1]"/>
        <xsl:choose>
          <xsl:when test="$cited">
            <!-- a variant: another reading than the edited one; for an app
                 pointing into the text, other words than the span's -->
            <xsl:variable name="words"><xsl:if test="$base-rn = ''"><xsl:call-template name="reading-string"><xsl:with-param name="r" select="$cited"/></xsl:call-template></xsl:if></xsl:variable>
            <xsl:variable name="variant" select="($base-rn != '' and $cited/@editio:rn != $base-rn) or ($base-rn = '' and string($words) != string($app/@editio:lemma))"/>
            <td class="syn-wit{substring(' syn-variant', 1, 12 * $variant)}" data-wit="{$key}">
              <xsl:call-template name="syn-readings">
                <xsl:with-param name="readings" select="$own[contains(@editio:wits, $token)]"/>
                <xsl:with-param name="app" select="$app"/>
                <xsl:with-param name="key" select="$key"/>
              </xsl:call-template>
            </td>
          </xsl:when>
          <xsl:when test="$app/tei:witDetail[contains(@editio:wits, $token)][@type = 'lac' or @type = 'lacuna' or @type = 'lacunose'] or contains($app/@editio:hide, $token)">
            <td class="syn-wit syn-lacuna" data-wit="{$key}">[…]</td>
          </xsl:when>
          <!-- not cited: the witness reads the lemma (an app of readings only says nothing of it) -->
          <xsl:when test="$own[self::tei:lem] or $app/@editio:target">
            <td class="syn-wit" data-wit="{$key}"><span class="syn-r" data-app="{$app/@editio:id}" data-rn="{$base-rn}"><xsl:call-template name="syn-content"><xsl:with-param name="nodes" select="$edition"/><xsl:with-param name="key" select="$key"/></xsl:call-template></span></td>
          </xsl:when>
          <xsl:otherwise><td class="syn-wit" data-wit="{$key}"></td></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </tr>
  </xsl:template>

  <!-- The readings a witness has at an app: one, or several when it changed
       its text (first hand and correction, @varSeq: in that order, → between). -->
  <xsl:template name="syn-readings">
    <xsl:param name="readings"/>
    <xsl:param name="app"/>
    <xsl:param name="key"/>
    <xsl:for-each select="$readings">
      <xsl:sort select="@varSeq" data-type="number"/>
      <xsl:if test="position() > 1"><xsl:text> → </xsl:text></xsl:if>
      <span class="syn-r" data-app="{$app/@editio:id}" data-rn="{@editio:rn}"><xsl:call-template name="syn-content"><xsl:with-param name="nodes" select="node()"/><xsl:with-param name="key" select="$key"/></xsl:call-template></span>
    </xsl:for-each>
  </xsl:template>

  <!-- A reading in a cell; an empty one is an omission (in the edited text, a dash). -->
  <xsl:template name="syn-content">
    <xsl:param name="nodes"/>
    <xsl:param name="key" select="''"/>
    <xsl:choose>
      <xsl:when test="$nodes[self::* or normalize-space()]"><xsl:apply-templates select="$nodes" mode="syn"><xsl:with-param name="key" select="$key"/></xsl:apply-templates></xsl:when>
      <xsl:when test="$key = ''"><span class="syn-om">—</span></xsl:when>
      <xsl:otherwise><span class="syn-om">om.</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Readings no column shows (a conjecture, an editor's reading, the
       reading of a witness not shown), after the edited one, with their sigla:
       nothing of the apparatus is lost when a wide tradition shows a few. -->
  <xsl:template name="syn-unattested">
    <xsl:param name="own"/>
    <xsl:param name="base-rn"/>
    <!-- for a nested app (no columns known here): the readings of no witness only -->
    <xsl:param name="chosen" select="/.."/>
    <xsl:param name="nested" select="false()"/>
    <xsl:for-each select="$own[string(@editio:rn) != $base-rn][not($nested) or not(@editio:wits)]">
      <xsl:variable name="w" select="string(@editio:wits)"/>
      <xsl:if test="not($chosen[contains($w, concat(' ', @editio:wkey, ' '))])">
        <span class="syn-other">
          <xsl:text> (</xsl:text>
          <span class="syn-r" data-app="{ancestor::tei:app[1]/@editio:id}" data-rn="{@editio:rn}"><xsl:call-template name="syn-content"><xsl:with-param name="nodes" select="node()"/></xsl:call-template></span>
          <xsl:variable name="who" select="normalize-space(concat(@editio:sigla, ' ', substring(concat(@type, ' ', translate(@resp, '#', '')), 1, 200 * not(@editio:sigla))))"/>
          <xsl:if test="$who != ''"><xsl:text> </xsl:text><span class="wit"><xsl:value-of select="$who"/></span></xsl:if>
          <xsl:text>)</xsl:text>
        </span>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- Inside a cell: the words, with the apparatus signs (as app-text), an app
       nested in a reading as the column's witness reads it ($key; '' for the
       edited text); no ids, no links, no notes. -->
  <xsl:template match="*" mode="syn">
    <xsl:param name="key" select="''"/>
    <xsl:apply-templates mode="syn"><xsl:with-param name="key" select="$key"/></xsl:apply-templates>
  </xsl:template>
  <xsl:template match="tei:note | tei:witDetail | tei:listApp | tei:lacunaStart | tei:lacunaEnd | tei:witStart | tei:witEnd | tei:interpGrp" mode="syn"/>
  <xsl:template match="tei:hi | tei:emph | tei:foreign | tei:title | tei:term" mode="syn">
    <xsl:param name="key" select="''"/>
    <em><xsl:apply-templates mode="syn"><xsl:with-param name="key" select="$key"/></xsl:apply-templates></em>
  </xsl:template>
  <xsl:template match="tei:del" mode="syn">
    <xsl:param name="key" select="''"/>
    <del><xsl:apply-templates mode="syn"><xsl:with-param name="key" select="$key"/></xsl:apply-templates></del>
  </xsl:template>
  <xsl:template match="tei:add" mode="syn">
    <xsl:param name="key" select="''"/>
    <xsl:text>\</xsl:text><xsl:apply-templates mode="syn"><xsl:with-param name="key" select="$key"/></xsl:apply-templates><xsl:text>/</xsl:text>
  </xsl:template>
  <xsl:template match="tei:supplied" mode="syn">
    <xsl:param name="key" select="''"/>
    <xsl:text>[</xsl:text><xsl:apply-templates mode="syn"><xsl:with-param name="key" select="$key"/></xsl:apply-templates><xsl:text>]</xsl:text>
  </xsl:template>
  <xsl:template match="tei:gap" mode="syn"><xsl:text> […] </xsl:text></xsl:template>
  <xsl:template match="tei:choice" mode="syn">
    <xsl:param name="key" select="''"/>
    <xsl:apply-templates select="(tei:corr | tei:reg | tei:expan | *)[1]" mode="syn"><xsl:with-param name="key" select="$key"/></xsl:apply-templates>
  </xsl:template>
  <xsl:template match="tei:lb | tei:pb | tei:cb" mode="syn"><xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if></xsl:template>
  <xsl:template match="tei:w" mode="syn">
    <xsl:param name="key" select="''"/>
    <xsl:if test="preceding-sibling::*[1][self::tei:w or self::tei:pc]"><xsl:text> </xsl:text></xsl:if>
    <xsl:apply-templates mode="syn"><xsl:with-param name="key" select="$key"/></xsl:apply-templates>
  </xsl:template>

  <!-- An app inside a cell: the reading of the column's witness (the edited
       reading in the edited text's column, with any reading no witness attests). -->
  <xsl:template match="tei:app" mode="syn">
    <xsl:param name="key" select="''"/>
    <xsl:variable name="own" select="tei:lem | tei:rdg | tei:rdgGrp//tei:lem[@editio:rn] | tei:rdgGrp//tei:rdg[@editio:rn]"/>
    <xsl:variable name="base-rn"><xsl:call-template name="entry-head-rn"/></xsl:variable>
    <xsl:variable name="cited" select="$own[$key != ''][contains(@editio:wits, concat(' ', $key, ' '))]"/>
    <!-- not cited: the lemma; an app of readings only gives such a witness nothing (as its own page) -->
    <xsl:variable name="r" select="$cited[1] | $own[not($cited)][@editio:rn = $base-rn][$key = '' or self::tei:lem]"/>
    <xsl:call-template name="app-space-before"><xsl:with-param name="r" select="$r"/></xsl:call-template>
    <span class="syn-nested{substring(' syn-variant', 1, 12 * ($r/@editio:rn != $base-rn))}">
      <xsl:call-template name="syn-readings">
        <xsl:with-param name="readings" select="$cited | $own[not($cited)][@editio:rn = $base-rn][$key = '' or self::tei:lem]"/>
        <xsl:with-param name="app" select="."/>
        <xsl:with-param name="key" select="$key"/>
      </xsl:call-template>
    </span>
    <xsl:if test="$key = ''"><xsl:call-template name="syn-unattested"><xsl:with-param name="own" select="$own"/><xsl:with-param name="base-rn" select="string($base-rn)"/><xsl:with-param name="nested" select="true()"/></xsl:call-template></xsl:if>
    <xsl:call-template name="app-space-after"><xsl:with-param name="r" select="$r"/></xsl:call-template>
  </xsl:template>

  <!-- Text a witness lacks (prepare's editio:hide states) is [...] in its column. -->
  <xsl:template match="text()" mode="syn">
    <xsl:param name="key" select="''"/>
    <xsl:choose>
      <xsl:when test="$key != '' and (../@editio:hide or preceding-sibling::*[1]/@editio:hide-after)">
        <xsl:variable name="state"><xsl:call-template name="witness-hide-state"/></xsl:variable>
        <xsl:choose>
          <xsl:when test="not(contains($state, concat(' ', $key, ' ')))"><xsl:value-of select="."/></xsl:when>
          <xsl:when test="normalize-space()"><span class="syn-lacuna"> […] </span></xsl:when>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
