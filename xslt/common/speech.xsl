<?xml version="1.0" encoding="UTF-8"?>
<!--
  Transcribed speech (spoken texts, ParlaMint), format-neutral.

  `speaker-name` (context: a u): who speaks, from @who: the person (or
  personGrp) it points to in the document or its teiCorpus (a listPerson of
  the header, of standOff, of the back matter), written "Forename Surname";
  else the pointer without its '#' or prefix (the speaker's id).

  `comment-text` (context: note, incident, kinesic, vocal, pause, shift,
  writing inside a transcript): its words (a desc, else the element's text),
  else its @type (else its name: "pause"), in parentheses unless the source already brackets them:
  "(Pausa.)", "(rialles)", "(applause)".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:template name="speaker-name">
    <xsl:variable name="ref" select="substring-before(concat(normalize-space(@who), ' '), ' ')"/>
    <xsl:variable name="id">
      <xsl:choose>
        <xsl:when test="starts-with($ref, '#')"><xsl:value-of select="substring($ref, 2)"/></xsl:when>
        <xsl:when test="contains($ref, ':') and not(contains($ref, '/'))"><xsl:value-of select="substring-after($ref, ':')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$ref"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="person" select="key('editio-xml-id', $id)[self::tei:person or self::tei:personGrp or self::tei:persona][1]"/>
    <xsl:variable name="name" select="($person/tei:persName[not(@type) or @type = 'main' or @type = 'standard'] | $person/tei:persName)[1]"/>
    <xsl:choose>
      <xsl:when test="$name[tei:forename or tei:surname]">
        <xsl:for-each select="$name/tei:forename | $name/tei:nameLink | $name/tei:surname | $name/tei:addName | $name/tei:genName">
          <xsl:sort select="number(not(self::tei:forename))" data-type="number"/>
          <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
          <xsl:value-of select="normalize-space()"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="$name"><xsl:value-of select="normalize-space($name)"/></xsl:when>
      <xsl:when test="$person[normalize-space(tei:name | tei:label)]"><xsl:value-of select="normalize-space(($person/tei:name | $person/tei:label)[1])"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="comment-text">
    <xsl:variable name="words">
      <xsl:choose>
        <xsl:when test="normalize-space(tei:desc)"><xsl:value-of select="normalize-space(tei:desc)"/></xsl:when>
        <xsl:when test="normalize-space()"><xsl:value-of select="normalize-space()"/></xsl:when>
        <xsl:when test="normalize-space(@type)"><xsl:value-of select="normalize-space(@type)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="local-name()"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="bracketed" select="(starts-with($words, '(') and substring($words, string-length($words)) = ')')
        or (starts-with($words, '[') and substring($words, string-length($words)) = ']')"/>
    <xsl:if test="not($bracketed)">(</xsl:if>
    <xsl:value-of select="$words"/>
    <xsl:if test="not($bracketed)">)</xsl:if>
  </xsl:template>
</xsl:stylesheet>
