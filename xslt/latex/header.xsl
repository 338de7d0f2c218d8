<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition: the title page from the teiHeader (mode titlepage): the
  title and other titles, authors, editors and other responsibilities,
  edition, publication, source and licence; and the sigla of a critical
  edition (`latex-sigla`: conspectus siglorum, each siglum with what listWit
  says of its witness), before the text.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:template match="tei:teiHeader" mode="titlepage">
    <xsl:variable name="ts" select="tei:fileDesc/tei:titleStmt"/>
    <xsl:variable name="main" select="($ts/tei:title[@type = 'main'] | $ts/tei:title[not(@type)])[1] | $ts/tei:title[1][not(../tei:title[@type = 'main'] or ../tei:title[not(@type)])]"/>
    <e n="titlepage">
      <c n="centering"/><nl/>
      <g><c n="LARGE"/><c n="bfseries"/><xsl:text> </xsl:text><xsl:apply-templates select="$main" mode="plain"/><c n="par"/></g><nl/>
      <xsl:for-each select="$ts/tei:title[count(. | $main) != count($main)]">
        <c n="vspace"><a>0.6em</a></c>
        <g><c n="large"/><xsl:text> </xsl:text><xsl:apply-templates select="." mode="plain"/><c n="par"/></g><nl/>
      </xsl:for-each>
      <c n="vspace"><a>2em</a></c><nl/>
      <xsl:for-each select="$ts/tei:author">
        <g><c n="Large"/><xsl:text> </xsl:text><xsl:apply-templates select="." mode="plain"/><c n="par"/></g><nl/>
      </xsl:for-each>
      <c n="vspace"><a>1.5em</a></c><nl/>
      <xsl:call-template name="titlepage-line">
        <xsl:with-param name="key" select="'header.editor'"/>
        <xsl:with-param name="items" select="$ts/tei:editor"/>
      </xsl:call-template>
      <xsl:for-each select="$ts/tei:respStmt">
        <xsl:apply-templates select="tei:resp[1]" mode="plain"/>
        <xsl:text>: </xsl:text>
        <xsl:for-each select="*[not(self::tei:resp)]">
          <xsl:if test="position() > 1">; </xsl:if>
          <xsl:apply-templates select="." mode="plain"/>
        </xsl:for-each>
        <c n="par"/><nl/>
      </xsl:for-each>
      <xsl:for-each select="tei:fileDesc/tei:editionStmt">
        <c n="vspace"><a>1em</a></c>
        <xsl:apply-templates select="." mode="plain"/><c n="par"/><nl/>
      </xsl:for-each>
      <c n="vfill"/><nl/>
      <xsl:call-template name="titlepage-line">
        <xsl:with-param name="key" select="'header.publisher'"/>
        <xsl:with-param name="items" select="tei:fileDesc/tei:publicationStmt/*[self::tei:publisher or self::tei:distributor
            or self::tei:authority or self::tei:pubPlace or self::tei:date]"/>
        <xsl:with-param name="sep" select="', '"/>
      </xsl:call-template>
      <xsl:call-template name="titlepage-line">
        <xsl:with-param name="key" select="'header.source'"/>
        <xsl:with-param name="items" select="tei:fileDesc/tei:sourceDesc/*[not(self::tei:listPerson or self::tei:listPlace
            or self::tei:listOrg or self::tei:listEvent or self::tei:recordingStmt or self::tei:listWit)]"/>
      </xsl:call-template>
      <g>
        <c n="small"/><xsl:text> </xsl:text>
        <xsl:call-template name="titlepage-line">
          <xsl:with-param name="key" select="'header.licence'"/>
          <xsl:with-param name="items" select="tei:fileDesc/tei:publicationStmt/tei:availability/*"/>
        </xsl:call-template>
      </g>
    </e>
    <nl/>
  </xsl:template>

  <!-- Label: item; item (nothing when there is no item with words). -->
  <xsl:template name="titlepage-line">
    <xsl:param name="key"/>
    <xsl:param name="items"/>
    <xsl:param name="sep" select="'; '"/>
    <xsl:if test="$items[normalize-space()]">
      <xsl:call-template name="fast-message"><xsl:with-param name="key" select="$key"/></xsl:call-template>
      <xsl:text>: </xsl:text>
      <xsl:for-each select="$items[normalize-space()]">
        <xsl:if test="position() > 1"><xsl:value-of select="$sep"/></xsl:if>
        <xsl:apply-templates select="." mode="plain"/>
        <xsl:if test="self::tei:licence[@target]"><xsl:value-of select="concat(' ', normalize-space(@target))"/></xsl:if>
      </xsl:for-each>
      <c n="par"/><nl/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:roleName" mode="plain"><xsl:text> (</xsl:text><xsl:apply-templates mode="plain"/><xsl:text>)</xsl:text></xsl:template>

  <!-- The sigla of a critical edition, before its text. -->
  <xsl:template name="latex-sigla">
    <xsl:variable name="witnesses" select="/*/tei:teiHeader//tei:witness | /*/tei:standOff//tei:witness"/>
    <xsl:if test="$witnesses">
      <c n="section*"><a><xsl:call-template name="fast-message"><xsl:with-param name="key" select="'sigla'"/></xsl:call-template></a></c><nl/>
      <e n="description">
        <xsl:for-each select="$witnesses">
          <nl/>
          <c n="item"><o><c n="siglum"><a><xsl:call-template name="witness-siglum"/></a></c></o></c>
          <xsl:text> </xsl:text>
          <xsl:variable name="raw"><xsl:apply-templates select="node()[not(self::tei:abbr[@type='siglum'])]" mode="app-text"/></xsl:variable>
          <xsl:value-of select="normalize-space($raw)"/>
        </xsl:for-each>
        <nl/>
      </e>
      <nl/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
