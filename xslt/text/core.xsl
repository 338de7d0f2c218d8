<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text edition, core: the result frame read by editio's page stage
  (<edition lang dir><title/><part name="...">text</part></edition>), text
  nodes, and the fallback for elements no module handles.
  Paragraphs come out as one logical line each; editio's layout stage wraps
  them. A line starting with U+E000 is never re-wrapped.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <edition lang="{$doc-lang}">
      <xsl:attribute name="dir"><xsl:call-template name="direction"/></xsl:attribute>
      <title><xsl:apply-templates select="/*/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1]" mode="plain"/></title>
      <part name="header"><xsl:apply-templates select="/*/tei:teiHeader" mode="metadata"/></part>
      <part name="body"><xsl:apply-templates select="/*/tei:text"/></part>
    </edition>
  </xsl:template>

  <xsl:template match="*" mode="plain"><xsl:apply-templates mode="plain"/></xsl:template>
  <xsl:template match="tei:note" mode="plain"/>

  <!-- Collapse source indentation: the layout stage decides line breaks. -->
  <xsl:template match="text()">
    <xsl:value-of select="translate(., '&#10;&#13;&#9;', '   ')"/>
  </xsl:template>

  <xsl:template match="*">
    <xsl:call-template name="report-unhandled"/>
    <xsl:apply-templates/>
  </xsl:template>
</xsl:stylesheet>
