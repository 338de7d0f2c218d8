<?xml version="1.0" encoding="UTF-8"?>
<!--
  Which text each view shows: shared by the HTML and text editions so both
  print the same words.
  reading:    corr, expan, reg of a choice; add; del and surplus left out.
  diplomatic: sic, abbr, orig of a choice; add and del both (with signs).
  Output modules call these templates and apply templates in their own way.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- Context: a choice. Applies templates (current default mode) to the
       alternative the view shows: reading corr|expan|reg, diplomatic
       sic|abbr|orig; if the choice has none of these (e.g. two segs, two
       unclears), its first child element. Never nothing: text is not lost. -->
  <xsl:template name="choice-content">
    <xsl:variable name="wanted" select="tei:corr[$view != 'diplomatic'] | tei:expan[$view != 'diplomatic']
        | tei:reg[$view != 'diplomatic'] | tei:sic[$view = 'diplomatic'] | tei:abbr[$view = 'diplomatic']
        | tei:orig[$view = 'diplomatic']"/>
    <xsl:choose>
      <xsl:when test="$wanted"><xsl:apply-templates select="$wanted[1]"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="*[1]"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 'yes' when the context element's content is left out of the current
       view (it stays available in the other view): del and surplus in the
       reading view; am inside expan, and page furniture (fw: running heads,
       catchwords, page numbers) in the reading view. -->
  <xsl:template name="omitted-in-view">
    <xsl:if test="$view != 'diplomatic' and (self::tei:del or self::tei:surplus or self::tei:fw or (self::tei:am and parent::tei:expan))">yes</xsl:if>
  </xsl:template>

  <!-- 'yes' when a milestone (lb, pb, cb) falls inside a word: break="no", or
       the TEI Stylesheets' type="hyphenInWord". Otherwise it separates words. -->
  <xsl:template name="break-joins">
    <xsl:if test="@break = 'no' or @type = 'hyphenInWord'">yes</xsl:if>
  </xsl:template>

  <!-- 'yes' when a w directly follows a w or pc with no text between: the
       source runs tokens together (<w>a</w><w>b</w>), the reader needs a space;
       not when @join says they join, after opening punctuation, nor between the
       parts of a multiword token (prepare.py, editio.prepare.tokens, has set
       every other gap between tokens). -->
  <xsl:template name="word-space-before">
    <xsl:if test="self::tei:w and not(parent::tei:w) and not(@join = 'left' or @join = 'both')
        and preceding-sibling::node()[1][self::tei:w or self::tei:pc][not(@join = 'right' or @join = 'both')]
        [not(contains('([{«“‘¿¡„', substring(normalize-space(), string-length(normalize-space()))))]">yes</xsl:if>
  </xsl:template>
</xsl:stylesheet>
