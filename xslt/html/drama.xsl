<?xml version="1.0" encoding="UTF-8"?>
<!-- HTML edition: drama. Speeches, speakers, stage directions, cast lists. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template match="tei:sp | tei:speaker">
    <xsl:call-template name="block"/>
  </xsl:template>

  <xsl:template match="tei:stage">
    <xsl:call-template name="inline"/>
  </xsl:template>

  <xsl:template match="tei:castList">
    <div>
      <xsl:call-template name="attrs"/>
      <xsl:apply-templates select="tei:head"/>
      <ul><xsl:apply-templates select="*[not(self::tei:head)]" mode="list"/></ul>
    </div>
  </xsl:template>
  <xsl:template match="tei:castItem" mode="list">
    <li><xsl:call-template name="attrs"/><xsl:apply-templates/></li>
  </xsl:template>
  <xsl:template match="tei:castGroup" mode="list">
    <li>
      <xsl:call-template name="attrs"/>
      <xsl:apply-templates select="tei:head"/>
      <ul><xsl:apply-templates select="*[not(self::tei:head)]" mode="list"/></ul>
    </li>
  </xsl:template>
  <xsl:template match="tei:castItem | tei:castGroup">
    <xsl:call-template name="block"/>
  </xsl:template>
  <!-- (role, actor, move ... are the generic inline of xslt/common/elements.xml) -->
  <xsl:template match="tei:set">
    <xsl:call-template name="inline"/>
  </xsl:template>
</xsl:stylesheet>
