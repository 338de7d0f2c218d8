<?xml version="1.0" encoding="UTF-8"?>
<!-- HTML edition: divisions, headings, paragraphs. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template match="tei:front | tei:body | tei:back">
    <div class="tei-{local-name()}"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7">
    <section id="{@editio:id}" class="tei-div">
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <!-- h1 is the document title; a division at depth N gets h(N+1), at most h6. -->
  <xsl:template match="tei:head">
    <xsl:variable name="depth" select="count(ancestor::*[@editio:level])"/>
    <xsl:element name="h{substring('2345666666', $depth, 1)}">
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:p">
    <p id="{@editio:id}"><xsl:apply-templates/></p>
  </xsl:template>
</xsl:stylesheet>
