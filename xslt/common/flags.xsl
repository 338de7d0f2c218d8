<?xml version="1.0" encoding="UTF-8"?>
<!--
  Editorial flags (the maintenance templates of a source such as Wikipedia's
  "citation needed"), shared by the HTML and text editions.
  Encoded as <seg type="citation-needed">claim</seg> (label after the claim)
  and <seg type="clarification-needed">words</seg> (the span is marked and the
  label follows it). The label is the message of the same key in i18n/messages.xml.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- The message key of the flag the context element carries, else ''. -->
  <!-- Also @subtype and @ana (#citation-needed), any case, '_' for '-';
       'dubious' and 'verification-needed' are flags too. -->
  <xsl:template name="editorial-flag">
    <xsl:variable name="said" select="concat(' ', translate(normalize-space(concat(@type, ' ', @subtype, ' ', translate(@ana, '#', ' '))),
        'ABCDEFGHIJKLMNOPQRSTUVWXYZ_', 'abcdefghijklmnopqrstuvwxyz-'), ' ')"/>
    <xsl:choose>
      <xsl:when test="contains($said, ' citation-needed ')">citation-needed</xsl:when>
      <xsl:when test="contains($said, ' clarification-needed ')">clarification-needed</xsl:when>
      <xsl:when test="contains($said, ' dubious ')">dubious</xsl:when>
      <xsl:when test="contains($said, ' verification-needed ')">verification-needed</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- 'yes' when the flag concerns the words of the span (their start and end
       must be visible), not only the claim it follows. -->
  <xsl:template name="flag-marks-span">
    <xsl:param name="key"/>
    <xsl:if test="$key = 'clarification-needed'">yes</xsl:if>
  </xsl:template>
</xsl:stylesheet>
