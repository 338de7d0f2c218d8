<?xml version="1.0" encoding="UTF-8"?>
<!--
  The document's own title, shared by both editions (page title, text
  header) and mirrored by src/editio/build/index.py (entry_for):
    1. title[@type='main'] that is not a series or journal title;
    2. else the analytic or monographic title (level a, m: a letter's own title
       in a series of letters);
    3. else the first title without @type that is not a series/journal title;
    4. else the first title.
  A series title (level s) never wins over the document's own title.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:variable name="editio:title-stmt" select="/*/tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
  <xsl:variable name="editio:title-1" select="$editio:title-stmt/tei:title[@type = 'main'][not(@level = 's' or @level = 'j')][1]"/>
  <xsl:variable name="editio:title-2" select="$editio:title-stmt/tei:title[@level = 'a' or @level = 'm'][1]"/>
  <xsl:variable name="editio:title-3" select="$editio:title-stmt/tei:title[not(@type)][not(@level = 's' or @level = 'j')][1]"/>
  <!-- (each choice only when the ones before it found nothing: a union is in document order) -->
  <xsl:variable name="document-title" select="$editio:title-1
      | $editio:title-2[not($editio:title-1)]
      | $editio:title-3[not($editio:title-1 or $editio:title-2)]
      | $editio:title-stmt/tei:title[1][not($editio:title-1 or $editio:title-2 or $editio:title-3)]"/>
</xsl:stylesheet>
