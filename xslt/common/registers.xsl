<?xml version="1.0" encoding="UTF-8"?>
<!--
  Registers, format-neutral: the lists of persons, places, organisations and
  works an edition keeps in its back matter or standOff (listPerson,
  listPlace, listOrg, listBibl). Each entry is its name, then its facts in
  the source's order, each a field of its own: dates, places, occupations,
  identifiers (links when they are URLs), coordinates set apart. Nothing is
  run on as one line of words and numbers.

  `register-heading-key`: the catalogue key of a register's heading.
  `register-fields`: the nodes of an entry (or of a field) that print
  something, in order: text with words, and elements with text or a date.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:template name="register-heading-key">
    <xsl:choose>
      <xsl:when test="self::tei:listPerson">index.persons</xsl:when>
      <xsl:when test="self::tei:listPlace">index.places</xsl:when>
      <xsl:when test="self::tei:listOrg">index.organisations</xsl:when>
      <xsl:otherwise>register.bibliography</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The name of an entry, as plain text: a persName made of a surname
       then a forename reads "Surname, Forename" (the words in the source's order). -->
  <xsl:template name="register-name-text">
    <xsl:choose>
      <xsl:when test="self::tei:persName and *[1][self::tei:surname] and *[2][self::tei:forename] and not(text()[normalize-space()])">
        <xsl:variable name="surname"><xsl:apply-templates select="*[1]" mode="plain"/></xsl:variable>
        <xsl:value-of select="concat(normalize-space($surname), ', ')"/>
        <xsl:for-each select="*[position() &gt; 1]">
          <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
          <xsl:variable name="part"><xsl:apply-templates select="." mode="plain"/></xsl:variable>
          <xsl:value-of select="normalize-space($part)"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="plain"><xsl:apply-templates select="." mode="plain"/></xsl:variable>
        <xsl:value-of select="normalize-space($plain)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 'yes' when a fact is only coordinates: it follows what it locates
       after a space, not a separator ("Wien (48.2 16.37)"). -->
  <xsl:template name="register-is-coordinates">
    <xsl:if test="self::tei:geo or self::tei:location[tei:geo][not(*[not(self::tei:geo)])]">yes</xsl:if>
  </xsl:template>

  <!-- 'yes' when a leaf's text is one web address (an identifier to link). -->
  <xsl:template name="register-is-url">
    <xsl:variable name="t" select="normalize-space(.)"/>
    <xsl:if test="not(*) and not(contains($t, ' ')) and (starts-with($t, 'http://') or starts-with($t, 'https://'))">yes</xsl:if>
  </xsl:template>
</xsl:stylesheet>
