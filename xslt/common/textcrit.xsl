<?xml version="1.0" encoding="UTF-8"?>
<!--
  Critical apparatus, format-neutral: witnesses and sigla, which reading a
  witness has at an app, hidden reading types, and the plain text of lemmata
  and readings (mode app-text) shared by both editions so their apparatus
  says the same words.
  Relies on editio's prepare pass (src/editio/textcrit.py): editio:wkey (and
  editio:file: the token of its page's file name) on witnesses, editio:wits (" key key ") on readings, editio:rn (rank of a
  reading in its app), editio:n / editio:section / editio:appref /
  editio:target on apps, editio:hide / editio:hide-after where a witness's
  text is missing (lacunae, witStart/witEnd, double-end-point spans).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:key name="witness-by-token" match="tei:witness | tei:listWit[@xml:id]"
      use="@xml:id | @n | @editio:siglum | @editio:wkey"/>
  <xsl:key name="app-by-section" match="tei:app" use="@editio:section"/>
  <xsl:key name="app-by-target" match="tei:app[@editio:target]" use="@editio:target"/>

  <!-- The witness asked for: its canonical key; an undeclared token stands for itself. -->
  <xsl:variable name="wkey">
    <!-- (only on a witness's page: the first key() of a transformation makes
         libxslt index every key of the stylesheet, and globals are evaluated
         whether used or not) -->
    <xsl:if test="$witness != ''"><xsl:call-template name="witness-key"><xsl:with-param name="token" select="$witness"/></xsl:call-template></xsl:if>
  </xsl:variable>
  <xsl:template name="witness-key">
    <xsl:param name="token"/>
    <xsl:variable name="found" select="key('witness-by-token', $token)[1]"/>
    <xsl:choose>
      <xsl:when test="$found"><xsl:value-of select="$found/@editio:wkey"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$token"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:variable name="wtoken" select="concat(' ', $wkey, ' ')"/>
  <xsl:variable name="witness-mode" select="$witness != ''"/>
  <!-- true only under xslt/witness-variants.xsl (editio build's witness pages,
       src/editio/witness_splice.py): whatever depends on which witness is
       asked for is written for every witness, wrapped in editio:* elements
       that say which witness keeps what. -->
  <xsl:variable name="witness-variants" select="false()"/>
  <xsl:variable name="hidden-kinds" select="concat(' ', normalize-space($hide-reading-types), ' ')"/>

  <!-- A witness's siglum, as prepare computed it (editio:siglum: abbr[@type=siglum],
       else @n, else its xml:id, else its key). -->
  <xsl:template name="witness-siglum">
    <xsl:param name="w" select="."/>
    <xsl:value-of select="$w/@editio:siglum"/>
  </xsl:template>

  <!-- The sigla of a @wit or @source value, space-separated. -->
  <xsl:template name="sigla">
    <xsl:param name="tokens"/>
    <xsl:param name="first" select="true()"/>
    <xsl:variable name="list" select="normalize-space($tokens)"/>
    <xsl:if test="$list != ''">
      <xsl:variable name="head">
        <xsl:choose>
          <xsl:when test="contains($list, ' ')"><xsl:value-of select="substring-before($list, ' ')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$list"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="name">
        <xsl:choose>
          <xsl:when test="starts-with($head, '#')"><xsl:value-of select="substring($head, 2)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$head"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:if test="not($first)"><xsl:text> </xsl:text></xsl:if>
      <xsl:variable name="w" select="key('witness-by-token', $name)[1]"/>
      <xsl:choose>
        <xsl:when test="$w"><xsl:call-template name="witness-siglum"><xsl:with-param name="w" select="$w"/></xsl:call-template></xsl:when>
        <xsl:otherwise><xsl:value-of select="$name"/></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="sigla">
        <xsl:with-param name="tokens" select="substring-after($list, ' ')"/>
        <xsl:with-param name="first" select="false()"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The witnesses a reading is attributed to (@wit, else @source), as sigla. -->
  <xsl:template name="reading-sigla">
    <xsl:param name="r" select="."/>
    <xsl:choose>
      <xsl:when test="$r/@editio:sigla"><xsl:value-of select="$r/@editio:sigla"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="reading-sigla-tokens"><xsl:with-param name="r" select="$r"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="reading-sigla-tokens">
    <xsl:param name="r" select="."/>
    <xsl:call-template name="sigla">
      <xsl:with-param name="tokens">
        <xsl:choose>
          <xsl:when test="normalize-space($r/@wit)"><xsl:value-of select="$r/@wit"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$r/@source"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- yes when a reading's @type or @cause is in hide-reading-types. -->
  <xsl:template name="reading-hidden">
    <xsl:param name="r" select="."/>
    <xsl:if test="($r/@type and contains($hidden-kinds, concat(' ', $r/@type, ' ')))
        or ($r/@cause and contains($hidden-kinds, concat(' ', $r/@cause, ' ')))">yes</xsl:if>
  </xsl:template>

  <!-- The readings of an app itself (not of apps nested in them). -->
  <xsl:template name="own-readings-count">
    <xsl:value-of select="count(tei:lem | tei:rdg | tei:rdgGrp//tei:lem | tei:rdgGrp//tei:rdg)"/>
  </xsl:template>

  <!-- The reading the witness of the page has at this app (context: app):
       its own reading; if the app does not cite it, the lemma (the base text);
       nothing when there is no lemma either. Returns editio:rn, 'lac' when a
       witDetail says the witness is lacunose here, or ''. -->
  <xsl:template name="witness-reading-rank">
    <xsl:variable name="own" select="tei:lem | tei:rdg | tei:rdgGrp//tei:lem[@editio:rn] | tei:rdgGrp//tei:rdg[@editio:rn]"/>
    <xsl:variable name="cited" select="$own[contains(@editio:wits, $wtoken)]"/>
    <xsl:variable name="lacking" select="tei:witDetail[contains(@editio:wits, $wtoken)][@type = 'lac' or @type = 'lacuna' or @type = 'lacunose']"/>
    <xsl:choose>
      <xsl:when test="$cited"><xsl:value-of select="$cited[1]/@editio:rn"/></xsl:when>
      <xsl:when test="$lacking">lac</xsl:when>
      <xsl:when test="$own[self::tei:lem]"><xsl:value-of select="$own[self::tei:lem][1]/@editio:rn"/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The base text at an app: its lemma, else its first reading. -->
  <xsl:template name="base-reading">
    <xsl:param name="app" select="."/>
    <xsl:copy-of select="($app/tei:lem | $app/tei:rdgGrp//tei:lem[@editio:rn])[1] | ($app/tei:rdg | $app/tei:rdgGrp//tei:rdg[@editio:rn])[not(($app/tei:lem | $app/tei:rdgGrp//tei:lem[@editio:rn]))][1]"/>
  </xsl:template>

  <!-- Is a text node out of the witness's text (a lacuna, or a span whose
       reading the witness gives elsewhere)? -->
  <xsl:template name="text-hidden-for-witness">
    <xsl:variable name="before" select="preceding-sibling::*[1]"/>
    <xsl:variable name="state">
      <xsl:choose>
        <xsl:when test="$before"><xsl:value-of select="$before/@editio:hide-after"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="../@editio:hide"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$witness-mode and contains($state, $wtoken)">yes</xsl:if>
  </xsl:template>

  <!-- The same state itself (the keys of the witnesses that lack this text node). -->
  <xsl:template name="witness-hide-state">
    <xsl:variable name="before" select="preceding-sibling::*[1]"/>
    <xsl:choose>
      <xsl:when test="$before"><xsl:value-of select="$before/@editio:hide-after"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="../@editio:hide"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The app's own whitespace as a word boundary (editio:ws from prepare):
       one space before / after the reading shown at an app. -->
  <xsl:template name="app-space-before">
    <xsl:param name="r"/>
    <xsl:if test="contains(@editio:ws, 'lead') and $r/node()[not(self::text()) or normalize-space()]"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template name="app-space-after">
    <xsl:param name="r"/>
    <xsl:choose>
      <xsl:when test="$r/node()[not(self::text()) or normalize-space()]">
        <xsl:if test="contains(@editio:ws, 'trail')"><xsl:text> </xsl:text></xsl:if>
      </xsl:when>
      <xsl:when test="contains(@editio:ws, 'gap')"><xsl:text> </xsl:text></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Plain text of a lemma or reading for the apparatus, with the usual
       signs for what a witness deleted, added or lacks. -->
  <xsl:template match="text()" mode="app-text">
    <xsl:value-of select="translate(., '&#10;&#13;&#9;', '   ')"/>
  </xsl:template>
  <xsl:template match="*" mode="app-text"><xsl:apply-templates mode="app-text"/></xsl:template>
  <xsl:template match="tei:note | tei:witDetail | tei:teiHeader" mode="app-text"/>
  <xsl:template match="tei:app" mode="app-text">
    <xsl:variable name="shown" select="((tei:lem | tei:rdgGrp//tei:lem[@editio:rn])[1] | (tei:rdg | tei:rdgGrp//tei:rdg[@editio:rn])[not(current()/tei:lem | current()/tei:rdgGrp//tei:lem[@editio:rn])][1])[1]"/>
    <xsl:call-template name="app-space-before"><xsl:with-param name="r" select="$shown"/></xsl:call-template>
    <xsl:apply-templates select="$shown" mode="app-text"/>
    <xsl:call-template name="app-space-after"><xsl:with-param name="r" select="$shown"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:del" mode="app-text">⟦<xsl:apply-templates mode="app-text"/>⟧</xsl:template>
  <xsl:template match="tei:add" mode="app-text">\<xsl:apply-templates mode="app-text"/>/</xsl:template>
  <xsl:template match="tei:supplied" mode="app-text">[<xsl:apply-templates mode="app-text"/>]</xsl:template>
  <xsl:template match="tei:gap" mode="app-text"><xsl:text> […] </xsl:text></xsl:template>
  <xsl:template match="tei:unclear" mode="app-text"><xsl:apply-templates mode="app-text"/>(?)</xsl:template>
  <xsl:template match="tei:choice" mode="app-text">
    <xsl:apply-templates select="(tei:corr | tei:reg | tei:expan | *)[1]" mode="app-text"/>
  </xsl:template>
  <xsl:template match="tei:lb" mode="app-text"><xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if></xsl:template>
  <xsl:template match="tei:pb | tei:cb" mode="app-text"><xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if></xsl:template>
  <xsl:template match="tei:w | tei:pc" mode="app-text">
    <xsl:if test="preceding-sibling::*[1][self::tei:w or self::tei:pc] and self::tei:w"><xsl:text> </xsl:text></xsl:if>
    <xsl:apply-templates mode="app-text"/>
  </xsl:template>
  <xsl:template match="tei:lacunaStart" mode="app-text"><xsl:text> ‹lac.› </xsl:text></xsl:template>
  <xsl:template match="tei:lacunaEnd" mode="app-text"><xsl:text> ‹/lac.› </xsl:text></xsl:template>
  <xsl:template match="tei:witStart" mode="app-text"><xsl:text> ‹inc.› </xsl:text></xsl:template>
  <xsl:template match="tei:witEnd" mode="app-text"><xsl:text> ‹des.› </xsl:text></xsl:template>

  <!-- A reading as one normalized string; an empty reading is an omission
       (as the lemma of an entry: a dash). -->
  <xsl:template name="reading-string">
    <xsl:param name="r" select="."/>
    <xsl:param name="as-lemma" select="false()"/>
    <xsl:variable name="raw"><xsl:apply-templates select="$r/node()" mode="app-text"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space($raw) != ''"><xsl:value-of select="normalize-space($raw)"/></xsl:when>
      <xsl:when test="$as-lemma or $r/self::tei:lem">—</xsl:when>
      <xsl:otherwise>om.</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The reading an entry starts with (context: app): the lem; for an app of
       readings only, the reading the edited text shows (its first), as a
       printed apparatus takes the text's word as its lemma; none for an app
       pointing into the text without a lem (its lemma is the span's words). -->
  <xsl:template name="entry-head-rn">
    <xsl:variable name="own" select="tei:lem | tei:rdg | tei:rdgGrp//tei:lem[@editio:rn] | tei:rdgGrp//tei:rdg[@editio:rn]"/>
    <xsl:choose>
      <xsl:when test="$own[self::tei:lem]"><xsl:value-of select="$own[self::tei:lem][1]/@editio:rn"/></xsl:when>
      <xsl:when test="not(@editio:lemma)"><xsl:value-of select="$own[1]/@editio:rn"/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The lemma of an entry: the head reading, or for an app pointing into
       the text with @from/@to, the words of that span (editio:lemma, from prepare). -->
  <xsl:template name="lemma-string">
    <xsl:param name="head" select="(tei:lem | tei:rdgGrp//tei:lem[@editio:rn])[1]"/>
    <xsl:choose>
      <xsl:when test="$head"><xsl:call-template name="reading-string"><xsl:with-param name="r" select="$head"/><xsl:with-param name="as-lemma" select="true()"/></xsl:call-template></xsl:when>
      <xsl:when test="@editio:lemma"><xsl:value-of select="@editio:lemma"/></xsl:when>
      <xsl:otherwise/>
    </xsl:choose>
  </xsl:template>

  <!-- Notes inside a reading (a marginal note of the witness, an editor's
       remark on it): after the reading's sigla, in parentheses. Notes of
       readings of nested apps, and notes of the nested apps themselves,
       belong to those apps' entries. -->
  <xsl:template name="reading-notes">
    <xsl:param name="r" select="."/>
    <xsl:for-each select="$r//tei:note[normalize-space()][generate-id(ancestor::*[self::tei:lem or self::tei:rdg][1]) = generate-id($r)][generate-id(ancestor::tei:app[1]) = generate-id($r/ancestor::tei:app[1])]">
      <xsl:text> (</xsl:text><xsl:call-template name="app-note-string"/><xsl:text>)</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <!-- A whole entry as plain text, without its reference (context: app):
       `lemma WITS] reading WITS; reading WITS (detail) note`. The text
       edition prints it; the HTML edition shows it beside the lemma. -->
  <xsl:template name="entry-text">
    <xsl:variable name="own" select="tei:lem | tei:rdg | tei:rdgGrp//tei:lem[@editio:rn] | tei:rdgGrp//tei:rdg[@editio:rn]"/>
    <xsl:variable name="head-rn"><xsl:call-template name="entry-head-rn"/></xsl:variable>
    <xsl:variable name="head" select="$own[@editio:rn = $head-rn][1]"/>
    <xsl:if test="$head or @editio:lemma">
      <xsl:call-template name="lemma-string"><xsl:with-param name="head" select="$head"/></xsl:call-template>
      <xsl:if test="$head/@wit or $head/@source">
        <xsl:text> </xsl:text>
        <xsl:call-template name="reading-sigla"><xsl:with-param name="r" select="$head"/></xsl:call-template>
      </xsl:if>
      <xsl:call-template name="reading-notes"><xsl:with-param name="r" select="$head"/></xsl:call-template>
      <xsl:text>]</xsl:text>
    </xsl:if>
    <xsl:for-each select="$own[not(generate-id() = generate-id($head))]">
      <xsl:variable name="hidden"><xsl:call-template name="reading-hidden"/></xsl:variable>
      <xsl:if test="$hidden != 'yes'">
        <xsl:text> </xsl:text>
        <xsl:call-template name="reading-string"/>
        <xsl:if test="@wit or @source">
          <xsl:text> </xsl:text>
          <xsl:call-template name="reading-sigla"/>
        </xsl:if>
        <xsl:call-template name="reading-notes"/>
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

  <!-- A detail about some witnesses at this app: sigla, type, text. -->
  <xsl:template name="witdetail-string">
    <xsl:call-template name="reading-sigla"/>
    <xsl:if test="@type"><xsl:text> </xsl:text><xsl:value-of select="@type"/></xsl:if>
    <xsl:if test="normalize-space(.)">
      <xsl:text>: </xsl:text>
      <xsl:variable name="raw"><xsl:apply-templates mode="app-text"/></xsl:variable>
      <xsl:value-of select="normalize-space($raw)"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="app-note-string">
    <xsl:variable name="raw"><xsl:apply-templates mode="app-text"/></xsl:variable>
    <xsl:value-of select="normalize-space($raw)"/>
  </xsl:template>
</xsl:stylesheet>
