<?xml version="1.0" encoding="UTF-8"?>
<!--
  A teiCorpus: its member documents (TEI, and teiCorpus one level down) are
  published one after the other, each under its title. A corpus with no
  member text (its members are XIncludes that were not expanded, or it has
  none) is never published silently empty: an error says why.

  `$editio:texts`: the text of the document, or of each member of a corpus.
  `corpus-report`: the error, from the root template of each edition.
  `member-title` (context: a TEI or teiCorpus): its main title, else its first.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:xi="http://www.w3.org/2001/XInclude"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei xi editio">

  <xsl:variable name="editio:texts" select="/*/tei:text | /tei:teiCorpus/tei:TEI/tei:text
      | /tei:teiCorpus/tei:teiCorpus/tei:TEI/tei:text"/>

  <xsl:template name="corpus-report">
    <xsl:if test="/tei:teiCorpus and not($editio:texts)">
      <xsl:variable name="includes" select="count(/tei:teiCorpus/xi:include | /tei:teiCorpus/tei:teiCorpus/xi:include)"/>
      <xsl:message>editio:corpus-empty.error|<xsl:value-of select="editio:line(/*)"/>|the corpus has no text to publish: <xsl:choose>
        <xsl:when test="$includes &gt; 0"><xsl:value-of select="$includes"/> of its members are XIncludes that were not expanded (publish it with the xinclude option, its files beside it, or publish its documents one by one)</xsl:when>
        <xsl:otherwise>it holds no TEI document</xsl:otherwise>
      </xsl:choose></xsl:message>
    </xsl:if>
  </xsl:template>

  <xsl:template name="member-title">
    <xsl:variable name="ts" select="tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
    <xsl:apply-templates select="($ts/tei:title[@type = 'main'] | $ts/tei:title[not(../tei:title[@type = 'main'])])[1]" mode="plain"/>
  </xsl:template>
</xsl:stylesheet>
