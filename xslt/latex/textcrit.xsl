<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition: the critical apparatus in reledmac's first series. An app in
  the text is
    \edtext{lemma in the text}{\lemma{lemma \siglum{WITS}}\Afootnote{reading \siglum{WITS}; ...}}
  reledmac prints the line number and the lemma; the page template joins the
  entries of a line with a bar (12 ἀδελφοὶ M O] ἀδελφοί V | τὸ M V] om. O).
  A lemma of more than five words is cited by its first and last word; an
  empty lemma (an addition in some witnesses) by the word before it, `post
  word`. Apps pointing into the text with @from: \edtext around their target
  (a span over several elements: an \edtext with its words as \lemma where it
  starts). With the witness parameter: the witness's text, no apparatus.
  The readings' words are those of the other editions (common/textcrit.xsl
  app-text); notes inside readings follow the reading in parentheses.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template match="tei:app">
    <xsl:variable name="r" select="((tei:lem | tei:rdgGrp//tei:lem[@editio:rn])[1] | (tei:rdg | tei:rdgGrp//tei:rdg[@editio:rn])[not(current()/tei:lem | current()/tei:rdgGrp//tei:lem[@editio:rn])][1])[1]"/>
    <xsl:choose>
      <xsl:when test="@editio:target or @from or ancestor::tei:listApp"/>
      <xsl:when test="$witness-mode">
        <xsl:variable name="rank"><xsl:call-template name="witness-reading-rank"/></xsl:variable>
        <xsl:variable name="own" select="(tei:lem | tei:rdg | tei:rdgGrp//tei:lem | tei:rdgGrp//tei:rdg)[@editio:rn = $rank][1]"/>
        <xsl:call-template name="app-space-before"><xsl:with-param name="r" select="$own"/></xsl:call-template>
        <xsl:if test="$rank = 'lac' or contains($own/@editio:gap-before, $wtoken)"><xsl:text> […] </xsl:text></xsl:if>
        <xsl:apply-templates select="$own/node()"/>
        <xsl:if test="contains($own/@editio:gap-after, $wtoken)"><xsl:text> […] </xsl:text></xsl:if>
        <xsl:call-template name="app-space-after"><xsl:with-param name="r" select="$own"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="app-space-before"><xsl:with-param name="r" select="$r"/></xsl:call-template>
        <c n="edtext"><a><xsl:apply-templates select="$r/node()"/></a><a><xsl:call-template name="latex-entry"/></a></c>
        <xsl:choose>
          <!-- nothing in the text: the spaces around are one -->
          <xsl:when test="not($r/node()[not(self::text()) or normalize-space()])"><c n="ignorespaces"/></xsl:when>
          <xsl:otherwise><xsl:call-template name="app-space-after"><xsl:with-param name="r" select="$r"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- \lemma{...}\Afootnote{...} of an app (context: the app). -->
  <xsl:template name="latex-entry">
    <!-- false() at an app's target: the word before an empty lemma is looked for only in the text -->
    <xsl:param name="find-word" select="true()"/>
    <xsl:variable name="own" select="tei:lem | tei:rdg | tei:rdgGrp//tei:lem[@editio:rn] | tei:rdgGrp//tei:rdg[@editio:rn]"/>
    <xsl:variable name="head-rn"><xsl:call-template name="entry-head-rn"/></xsl:variable>
    <xsl:variable name="head" select="$own[@editio:rn = $head-rn][1]"/>
    <xsl:variable name="lemma"><xsl:call-template name="lemma-string"><xsl:with-param name="head" select="$head"/></xsl:call-template></xsl:variable>
    <c n="lemma"><a>
      <xsl:choose>
        <xsl:when test="$lemma = '—' and $find-word">
          <xsl:variable name="word"><xsl:call-template name="word-before"/></xsl:variable>
          <xsl:choose>
            <xsl:when test="$word != ''"><c n="textit"><a>post</a></c><xsl:value-of select="concat(' ', $word)"/></xsl:when>
            <xsl:otherwise>—</xsl:otherwise>
          </xsl:choose>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="short-lemma"><xsl:with-param name="words" select="normalize-space($lemma)"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$head/@wit or $head/@source">
        <xsl:text> </xsl:text><c n="siglum"><a><xsl:call-template name="reading-sigla"><xsl:with-param name="r" select="$head"/></xsl:call-template></a></c>
      </xsl:if>
      <xsl:call-template name="reading-notes"><xsl:with-param name="r" select="$head"/></xsl:call-template>
    </a></c>
    <c n="Afootnote"><a>
      <xsl:for-each select="$own[not(generate-id() = generate-id($head))]">
        <xsl:variable name="hidden"><xsl:call-template name="reading-hidden"/></xsl:variable>
        <xsl:if test="$hidden != 'yes'">
          <xsl:if test="position() > 1"><xsl:text> </xsl:text></xsl:if>
          <xsl:call-template name="reading-string"/>
          <xsl:if test="@wit or @source">
            <xsl:text> </xsl:text><c n="siglum"><a><xsl:call-template name="reading-sigla"/></a></c>
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
    </a></c>
  </xsl:template>

  <!-- A lemma of more than five words: its first and last, as printed editions cite it. -->
  <xsl:template name="short-lemma">
    <xsl:param name="words"/>
    <xsl:variable name="rest" select="substring-after(substring-after(substring-after(substring-after(substring-after($words, ' '), ' '), ' '), ' '), ' ')"/>
    <xsl:choose>
      <xsl:when test="$rest != ''">
        <xsl:value-of select="substring-before($words, ' ')"/>
        <xsl:text> … </xsl:text>
        <xsl:call-template name="last-word"><xsl:with-param name="words" select="$rest"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$words"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="last-word">
    <xsl:param name="words"/>
    <xsl:choose>
      <xsl:when test="contains($words, ' ')"><xsl:call-template name="last-word"><xsl:with-param name="words" select="substring-after($words, ' ')"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:value-of select="$words"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The last word of the edited text before an app (context: the app),
       from its preceding siblings only: text, or an app's lemma. -->
  <xsl:template name="word-before">
    <xsl:variable name="prev" select="preceding-sibling::node()[not(self::text()) or normalize-space()][1]"/>
    <xsl:variable name="words">
      <xsl:choose>
        <xsl:when test="$prev/self::text()"><xsl:value-of select="normalize-space($prev)"/></xsl:when>
        <xsl:when test="$prev/self::tei:app"><xsl:for-each select="$prev"><xsl:call-template name="lemma-string"/></xsl:for-each></xsl:when>
        <xsl:when test="$prev/self::tei:note or $prev/self::tei:lb or $prev/self::tei:pb"/>
        <xsl:when test="$prev"><xsl:variable name="raw"><xsl:apply-templates select="$prev" mode="app-text"/></xsl:variable><xsl:value-of select="normalize-space($raw)"/></xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="normalize-space($words) != '—'">
      <xsl:call-template name="last-word"><xsl:with-param name="words" select="normalize-space($words)"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Targets of apps pointing with @from (common/app-targets.xsl): the
       element's words are the lemma of each app that names it alone; a span
       over several elements gets its entry where it starts. -->
  <xsl:template name="app-target-element">
    <xsl:variable name="apps" select="key('app-by-target', @xml:id)"/>
    <xsl:choose>
      <xsl:when test="$witness-mode">
        <xsl:for-each select="$apps">
          <xsl:variable name="rank"><xsl:call-template name="witness-reading-rank"/></xsl:variable>
          <xsl:variable name="own" select="(tei:lem | tei:rdg | tei:rdgGrp//tei:lem | tei:rdgGrp//tei:rdg)[@editio:rn = $rank][1]"/>
          <xsl:if test="contains($own/@editio:wits, $wtoken)"><xsl:apply-templates select="$own/node()"/></xsl:if>
        </xsl:for-each>
        <xsl:apply-templates/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$apps[@to and normalize-space(@to) != normalize-space(@from)]">
          <c n="edtext"><a/><a><xsl:call-template name="latex-entry"><xsl:with-param name="find-word" select="false()"/></xsl:call-template></a></c>
        </xsl:for-each>
        <xsl:call-template name="edtext-around">
          <xsl:with-param name="apps" select="$apps[not(@to) or normalize-space(@to) = normalize-space(@from)]"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- \edtext{\edtext{words}{first}}{second} ... for the apps of one element. -->
  <xsl:template name="edtext-around">
    <xsl:param name="apps"/>
    <xsl:param name="i" select="count($apps)"/>
    <xsl:choose>
      <xsl:when test="$i = 0"><xsl:apply-templates/></xsl:when>
      <xsl:otherwise>
        <c n="edtext">
          <a><xsl:call-template name="edtext-around"><xsl:with-param name="apps" select="$apps"/><xsl:with-param name="i" select="$i - 1"/></xsl:call-template></a>
          <a><xsl:for-each select="$apps[$i]"><xsl:call-template name="latex-entry"><xsl:with-param name="find-word" select="false()"/></xsl:call-template></xsl:for-each></a>
        </c>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Lacunae: a gap sign in the text of the witness concerned, nothing in the edited text. -->
  <xsl:template match="tei:lacunaStart | tei:lacunaEnd | tei:witStart | tei:witEnd">
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

  <xsl:template match="tei:witDetail"/>
</xsl:stylesheet>
