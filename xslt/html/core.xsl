<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition, core: the result frame read by editio's page stage
  (<edition lang dir><title/><part name="..."/>...</edition>), text nodes,
  and the fallback for elements no module handles.
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
      <part name="metadata"><xsl:apply-templates select="/*/tei:teiHeader" mode="metadata"/></part>
      <part name="body"><xsl:apply-templates select="/*/tei:text"/></part>
    </edition>
  </xsl:template>

  <!-- Plain text of an element (titles, labels). -->
  <xsl:template match="*" mode="plain"><xsl:apply-templates mode="plain"/></xsl:template>
  <xsl:template match="tei:note" mode="plain"/>

  <xsl:template match="tei:text">
    <div class="tei-text" id="{generate-id()}"><xsl:apply-templates/></div>
  </xsl:template>

  <!-- Unknown TEI (or foreign) elements: content kept, element reported. -->
  <xsl:template match="*">
    <xsl:call-template name="report-unhandled"/>
    <span class="tei-unhandled tei-{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>
</xsl:stylesheet>
