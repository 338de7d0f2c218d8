<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition: transcribed speech (ParlaMint, TEI spoken texts).
  An utterance (u) is a block headed by its speaker (common/speech.xsl
  speaker-name, a generated label), unless a note type="speaker" just before
  it names the speaker as the source prints it ("La presidenta"): that note
  is then the heading, the resolved name beside it. Its segments (seg) are
  paragraphs. Notes in or beside utterances (common/notes.xsl placement
  'comment'), and incident, kinesic, vocal, pause, shift, writing are
  bracketed comments where they stand: "(Pausa.)", "(rialles)".
  Sentences (s) are spans; the syntax of an annotated file (linkGrp, link)
  has no text and is not shown.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template match="tei:u">
    <div>
      <xsl:call-template name="attrs"/>
      <xsl:if test="not(preceding-sibling::*[1][self::tei:note[@type = 'speaker']])">
        <div class="editio-speaker editio-label"><xsl:call-template name="speaker-name"/></div>
      </xsl:if>
      <xsl:apply-templates/>
      <xsl:call-template name="standoff-markers"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:u/tei:seg">
    <xsl:call-template name="block">
      <xsl:with-param name="el" select="normalize-space(substring('p  div', 1 + 3 * boolean(*[@editio:block]), 3))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'speaker']" priority="1">
    <div>
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="'tei-note note-speaker editio-speaker'"/></xsl:call-template>
      <xsl:apply-templates/>
      <xsl:for-each select="following-sibling::*[1][self::tei:u]">
        <xsl:variable name="who"><xsl:call-template name="speaker-name"/></xsl:variable>
        <xsl:if test="$who != ''"><span class="editio-label"><xsl:value-of select="concat(' (', $who, ')')"/></span></xsl:if>
      </xsl:for-each>
    </div>
  </xsl:template>

  <!-- (the same test as common/notes.xsl's 'comment' placement, as patterns) -->
  <xsl:template match="tei:u//tei:note | tei:div/tei:note[../tei:u] | tei:body/tei:note[../tei:u]
      | tei:incident | tei:kinesic | tei:vocal | tei:pause | tei:shift | tei:writing">
    <xsl:element name="{substring('spandiv', 1 + 4 * boolean(parent::tei:u or parent::tei:div or parent::tei:body or @editio:block), 4)}">
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="concat('tei-', local-name(), ' editio-comment')"/></xsl:call-template>
      <xsl:choose>
        <!-- words of the source, else the kind of event (a label) -->
        <xsl:when test="normalize-space()"><xsl:call-template name="comment-text"/></xsl:when>
        <xsl:otherwise><span class="editio-label"><xsl:call-template name="comment-text"/></span></xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:s">
    <xsl:call-template name="inline"/>
  </xsl:template>
  <xsl:template match="tei:linkGrp | tei:link"/>
</xsl:stylesheet>
