<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text edition: the header block (mode metadata): the title underlined, other
  titles, then one labelled line each for responsibility, publication, source
  and licence. Labels are in the document's language (i18n/messages.xml).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:template match="tei:teiHeader" mode="metadata">
    <xsl:variable name="ts" select="tei:fileDesc/tei:titleStmt"/>
    <!-- the document's own title (common/titles.xsl) -->
    <xsl:variable name="main" select="$document-title"/>
    <xsl:value-of select="concat($HEADING, '=')"/>
    <xsl:value-of select="$HANG"/>
    <xsl:apply-templates select="$main" mode="plain"/>
    <xsl:text>&#10;</xsl:text>
    <xsl:for-each select="$ts/tei:title[count(. | $main) != count($main)]">
      <xsl:text>&#10;</xsl:text>
      <xsl:value-of select="$HANG"/>
      <xsl:apply-templates select="." mode="plain"/>
    </xsl:for-each>
    <xsl:text>&#10;</xsl:text>
    <!-- a letter's sending and receiving (text/correspondence.xsl) -->
    <xsl:call-template name="correspondence-lines"/>
    <xsl:call-template name="header-line">
      <xsl:with-param name="key" select="'header.author'"/>
      <xsl:with-param name="items" select="$ts/tei:author"/>
    </xsl:call-template>
    <xsl:call-template name="header-line">
      <xsl:with-param name="key" select="'header.editor'"/>
      <xsl:with-param name="items" select="$ts/tei:editor"/>
    </xsl:call-template>
    <xsl:for-each select="$ts/tei:respStmt">
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates select="tei:resp[1]" mode="plain"/>
      <xsl:text>: </xsl:text>
      <xsl:value-of select="$HANG"/>
      <xsl:for-each select="*[not(self::tei:resp)]">
        <xsl:if test="position() > 1">; </xsl:if>
        <xsl:apply-templates select="." mode="plain"/>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:call-template name="header-line">
      <xsl:with-param name="key" select="'header.publisher'"/>
      <xsl:with-param name="items" select="tei:fileDesc/tei:publicationStmt/*[self::tei:publisher or self::tei:distributor
          or self::tei:authority or self::tei:pubPlace or self::tei:date]"/>
      <xsl:with-param name="sep" select="', '"/>
    </xsl:call-template>
    <xsl:call-template name="header-line">
      <xsl:with-param name="key" select="'header.source'"/>
      <xsl:with-param name="items" select="tei:fileDesc/tei:sourceDesc/*[not(self::tei:listPerson or self::tei:listPlace
          or self::tei:listOrg or self::tei:listEvent or self::tei:recordingStmt or self::tei:listWit)]"/>
    </xsl:call-template>
    <xsl:call-template name="header-line">
      <xsl:with-param name="key" select="'header.licence'"/>
      <xsl:with-param name="items" select="tei:fileDesc/tei:publicationStmt/tei:availability/*"/>
    </xsl:call-template>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="header-line">
    <xsl:param name="key"/>
    <xsl:param name="items"/>
    <xsl:param name="sep" select="'; '"/>
    <xsl:if test="$items[normalize-space() or @target]">
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="message"><xsl:with-param name="key" select="$key"/></xsl:call-template>
      <xsl:text>: </xsl:text>
      <xsl:value-of select="$HANG"/>
      <xsl:for-each select="$items[normalize-space() or @target]">
        <xsl:if test="position() > 1"><xsl:value-of select="$sep"/></xsl:if>
        <xsl:apply-templates select="." mode="plain"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- Links in the header: the text, then the (safe) address. -->
  <xsl:template match="tei:ptr | tei:ref | tei:licence" mode="plain">
    <xsl:variable name="url"><xsl:call-template name="safe-url"><xsl:with-param name="url" select="@target"/></xsl:call-template></xsl:variable>
    <xsl:apply-templates mode="plain"/>
    <xsl:if test="$url != '' and not(starts-with($url, '#'))">
      <xsl:if test="normalize-space()"><xsl:text> </xsl:text></xsl:if>
      <xsl:value-of select="concat('&lt;', $url, '&gt;')"/>
    </xsl:if>
  </xsl:template>

  <!-- several people in one author or editor: apart, not run together -->
  <xsl:template match="tei:author/tei:name | tei:author/tei:persName | tei:editor/tei:name | tei:editor/tei:persName" mode="plain">
    <xsl:apply-templates mode="plain"/>
    <xsl:if test="following-sibling::*[1][self::tei:name or self::tei:persName]">;<xsl:if test="not(following-sibling::node()[1][self::text()])"><xsl:text> </xsl:text></xsl:if></xsl:if>
  </xsl:template>

  <!-- Source descriptions: blocks inside become sentences of one line. -->
  <xsl:template match="tei:p | tei:bibl | tei:msIdentifier/*" mode="plain">
    <xsl:apply-templates mode="plain"/>
    <xsl:text> </xsl:text>
  </xsl:template>
</xsl:stylesheet>
