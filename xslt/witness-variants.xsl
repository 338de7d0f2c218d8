<?xml version="1.0" encoding="UTF-8"?>
<!--
  editio build's witness pages in one transformation (src/editio/witness_splice.py):
  the witness page with everything that depends on the witness written for
  every witness (html/textcrit.xsl under $witness-variants: editio:app with
  its readings' data and one editio:v per rank, editio:if / editio:unless for
  signs and text some witnesses lack, editio:current / editio:list for the
  parts naming the witness), then per siglum of `editio-sigla` (one per line)
  an editio:witness with its key and those two parts.
  Result: <variants><edition>...</edition><editio:witness s wkey>...</variants>
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="editio">
  <xsl:import href="html.xsl"/>

  <xsl:variable name="witness-variants" select="true()"/>
  <xsl:param name="editio-sigla" select="''"/>

  <xsl:template match="/">
    <variants>
      <xsl:apply-imports/>
      <xsl:call-template name="witness-parts"><xsl:with-param name="list" select="$editio-sigla"/></xsl:call-template>
    </variants>
  </xsl:template>

  <xsl:template name="witness-parts">
    <xsl:param name="list"/>
    <xsl:if test="$list != ''">
      <xsl:variable name="siglum" select="substring-before(concat($list, '&#10;'), '&#10;')"/>
      <xsl:variable name="key"><xsl:call-template name="witness-key"><xsl:with-param name="token" select="$siglum"/></xsl:call-template></xsl:variable>
      <editio:witness s="{$siglum}" wkey="{$key}">
        <editio:current><xsl:call-template name="witness-current"><xsl:with-param name="token" select="$siglum"/></xsl:call-template></editio:current>
        <editio:list>
          <xsl:call-template name="witness-list">
            <xsl:with-param name="current-key" select="string($key)"/>
            <xsl:with-param name="as-variant" select="false()"/>
          </xsl:call-template>
        </editio:list>
      </editio:witness>
      <xsl:call-template name="witness-parts"><xsl:with-param name="list" select="substring-after($list, '&#10;')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
