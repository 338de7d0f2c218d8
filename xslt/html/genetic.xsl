<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition: documentary and genetic transcription (sourceDoc). Each
  surface is a page of its own (a section with its label as heading: its
  label element, else @n, else its xml:id), its zones blocks (class
  zone-TYPE), its lines lines (@rend indent1..3, right, centered as classes).
  What the writer did is shown in both views (common/views.xsl signs-shown):
  deletions struck, additions marked and placed by @place, changes of hand.
  The apparatus of a page (apps in a Faust-style transcription) follows it.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template match="tei:sourceDoc">
    <div>
      <xsl:call-template name="attrs"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:surface | tei:surfaceGrp">
    <section>
      <xsl:call-template name="attrs"/>
      <xsl:element name="{substring('h2h3', 1 + 2 * boolean(ancestor::tei:surface or ancestor::tei:surfaceGrp), 2)}">
        <xsl:choose>
          <xsl:when test="tei:label">
            <xsl:attribute name="class">editio-page-label</xsl:attribute>
            <xsl:apply-templates select="tei:label[1]/node()"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:attribute name="class">editio-page-label editio-label</xsl:attribute>
            <xsl:call-template name="surface-name"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:element>
      <xsl:apply-templates select="node()[not(self::tei:label)] | tei:label[position() &gt; 1]"/>
      <xsl:call-template name="section-apparatus"/>
    </section>
  </xsl:template>

  <!-- A surface without a label: its @n, else its xml:id, else its rank. -->
  <xsl:template name="surface-name">
    <xsl:choose>
      <xsl:when test="normalize-space(@n)"><xsl:value-of select="normalize-space(@n)"/></xsl:when>
      <xsl:when test="@xml:id"><xsl:value-of select="@xml:id"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="count(preceding-sibling::tei:surface) + 1"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:zone">
    <div>
      <xsl:call-template name="attrs">
        <xsl:with-param name="class" select="concat('tei-zone', substring(concat(' zone-', translate(@type,
            translate(@type, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_', ''), '')), 1 div boolean(@type)))"/>
      </xsl:call-template>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:line">
    <div>
      <xsl:call-template name="attrs"/>
      <xsl:apply-templates/>
      <xsl:call-template name="standoff-markers"/>
    </div>
  </xsl:template>
</xsl:stylesheet>
