<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text edition: transcribed speech, as the HTML edition lays it out
  (html/speech.xsl): the speaker on a line of its own (a speaker note as the
  source prints it, the resolved name in parentheses as a label), the
  utterance's segments and comments indented by 4, one paragraph each;
  comments in parentheses where they stand. linkGrp and link: nothing
  (text/core.xsl).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:template match="tei:u">
    <!-- (right under its speaker note, if it has one) -->
    <xsl:if test="not(preceding-sibling::*[1][self::tei:note[@type = 'speaker']])">
      <xsl:call-template name="block-break"/>
      <xsl:value-of select="$HANG"/>
      <xsl:call-template name="label"><xsl:with-param name="text"><xsl:call-template name="speaker-name"/></xsl:with-param></xsl:call-template>
    </xsl:if>
    <xsl:call-template name="u-line"/>
    <xsl:apply-templates/>
    <xsl:call-template name="block-break"/>
  </xsl:template>

  <!-- A new line of the utterance, indented by 4 more than the speaker. -->
  <xsl:template name="u-line">
    <xsl:text>&#10;</xsl:text>
    <xsl:call-template name="indent"><xsl:with-param name="extra" select="4"/></xsl:call-template>
    <xsl:value-of select="$HANG"/>
  </xsl:template>

  <xsl:template match="tei:u/tei:seg">
    <xsl:if test="preceding-sibling::*"><xsl:for-each select=".."><xsl:call-template name="u-line"/></xsl:for-each></xsl:if>
    <xsl:call-template name="seg-or-flag"/>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'speaker']" priority="1">
    <xsl:call-template name="block-break"/>
    <xsl:call-template name="indent"/>
    <xsl:value-of select="$HANG"/>
    <xsl:apply-templates/>
    <xsl:for-each select="following-sibling::*[1][self::tei:u]">
      <xsl:variable name="who"><xsl:call-template name="speaker-name"/></xsl:variable>
      <xsl:if test="$who != ''"><xsl:call-template name="label"><xsl:with-param name="text" select="concat(' (', $who, ')')"/></xsl:call-template></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:u//tei:note | tei:div/tei:note[../tei:u] | tei:body/tei:note[../tei:u]
      | tei:incident | tei:kinesic | tei:vocal | tei:pause | tei:shift | tei:writing">
    <xsl:choose>
      <xsl:when test="parent::tei:u">
        <xsl:if test="preceding-sibling::*"><xsl:for-each select=".."><xsl:call-template name="u-line"/></xsl:for-each></xsl:if>
      </xsl:when>
      <xsl:when test="parent::tei:div or parent::tei:body">
        <xsl:call-template name="block-break"/>
        <xsl:call-template name="indent"/>
        <xsl:value-of select="$HANG"/>
      </xsl:when>
      <xsl:otherwise><xsl:text> </xsl:text></xsl:otherwise>
    </xsl:choose>
    <xsl:choose>
      <xsl:when test="normalize-space()"><xsl:call-template name="comment-text"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="label"><xsl:with-param name="text"><xsl:call-template name="comment-text"/></xsl:with-param></xsl:call-template></xsl:otherwise>
    </xsl:choose>
    <xsl:choose>
      <xsl:when test="parent::tei:div or parent::tei:body"><xsl:call-template name="block-break"/></xsl:when>
      <xsl:when test="not(parent::tei:u)"><xsl:text> </xsl:text></xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
