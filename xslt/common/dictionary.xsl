<?xml version="1.0" encoding="UTF-8"?>
<!--
  Dictionaries (TEI Lex-0, TEI dictionaries), format-neutral.

  `sense-number` (context: a sense): the number editio prints before it, ''
  when the source prints one itself (a num child) or the sense is alone: its
  @n, else its place among the senses of its entry ("2.").
  `is-headword` (context: a form): 'yes' for the headword of an entry (its
  form type="lemma", else its first form).
  `sense-run-in` (context: a sense): 'yes' when the source punctuates between
  senses (<sense/><pc>;</pc><sense/>): the senses then run on, as printed,
  instead of standing one a line.
  `gram-value`: the words a gram gives only as @value (or @norm).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template name="sense-number">
    <xsl:if test="not(tei:num)">
      <xsl:choose>
        <xsl:when test="normalize-space(@n) != ''">
          <xsl:value-of select="normalize-space(@n)"/>
          <xsl:if test="translate(substring(normalize-space(@n), string-length(normalize-space(@n))), '.)', '') != ''">.</xsl:if>
        </xsl:when>
        <xsl:when test="preceding-sibling::tei:sense or following-sibling::tei:sense">
          <xsl:value-of select="concat(count(preceding-sibling::tei:sense) + 1, '.')"/>
        </xsl:when>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template name="is-headword">
    <xsl:if test="(parent::tei:entry or parent::tei:entryFree or parent::tei:superEntry or parent::tei:re)
        and (@type = 'lemma' or (not(@type) and not(preceding-sibling::tei:form)))">yes</xsl:if>
  </xsl:template>

  <xsl:template name="sense-run-in">
    <xsl:if test="not(@editio:block) and (following-sibling::*[1][self::tei:pc] or preceding-sibling::*[1][self::tei:pc])">yes</xsl:if>
  </xsl:template>

  <xsl:template name="gram-value">
    <xsl:if test="not(normalize-space())"><xsl:value-of select="normalize-space(@value | @norm)"/></xsl:if>
  </xsl:template>
</xsl:stylesheet>
