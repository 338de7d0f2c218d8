<?xml version="1.0" encoding="UTF-8"?>
<!--
  Which text each view shows: shared by the HTML and text editions so both
  print the same words.
  reading:    corr, expan, reg of a choice; add; del and surplus left out.
  diplomatic: sic, abbr, orig of a choice; add and del both (with signs).
  A documentary transcription (sourceDoc) and an epigraphic edition (Leiden
  conventions) show their signs, and deletions, in both views.
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
    <xsl:if test="$view != 'diplomatic' and (self::tei:del or self::tei:surplus or self::tei:fw or (self::tei:am and parent::tei:expan))
        and not($has-sourceDoc and ancestor::tei:sourceDoc) and not($leiden-signs and (self::tei:del or self::tei:surplus))">yes</xsl:if>
  </xsl:template>

  <!-- A documentary transcription (sourceDoc) is the document as it is:
       deletions, additions and page furniture are shown with their signs in
       both views. (Asked once: most documents have none.) -->
  <xsl:variable name="has-sourceDoc" select="boolean(/*/tei:sourceDoc)"/>

  <!-- 'yes' where transcription signs are shown: the diplomatic view; in both
       views a documentary transcription (sourceDoc) and an edition in Leiden
       conventions (common/leiden.xsl). -->
  <xsl:template name="signs-shown">
    <xsl:if test="$view = 'diplomatic' or $leiden-signs or ($has-sourceDoc and ancestor::tei:sourceDoc)">yes</xsl:if>
  </xsl:template>

  <!-- Where an addition stands (context: add), from @place: 'above' (above
       the line, superlinear), 'below' (sublinear), 'margin' (margins, top,
       bottom, overleaf ...), '' (on the line, or not said). -->
  <xsl:template name="add-place">
    <xsl:variable name="place" select="concat(' ', translate(normalize-space(@place), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), ' ')"/>
    <xsl:choose>
      <xsl:when test="contains($place, ' above ') or contains($place, 'superlinear') or contains($place, ' interlinear ')">above</xsl:when>
      <xsl:when test="contains($place, ' below ') or contains($place, 'sublinear') or contains($place, ' under ')">below</xsl:when>
      <xsl:when test="contains($place, 'margin') or contains($place, ' left ') or contains($place, ' right ') or contains($place, ' top ')
          or contains($place, ' bottom ') or contains($place, ' opposite ') or contains($place, ' overleaf ') or contains($place, ' end ')">margin</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The name of the hand a handShift passes to: its handNote's text, else its id. -->
  <xsl:template name="hand-name">
    <xsl:variable name="id" select="substring-after(normalize-space(@new), '#')"/>
    <xsl:variable name="note" select="normalize-space(key('editio-xml-id', $id)[1][self::tei:handNote])"/>
    <xsl:choose>
      <xsl:when test="$note != ''"><xsl:value-of select="$note"/></xsl:when>
      <xsl:when test="$id != ''"><xsl:value-of select="$id"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(concat(@new, ' ', @medium, ' ', @script))"/></xsl:otherwise>
    </xsl:choose>
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
