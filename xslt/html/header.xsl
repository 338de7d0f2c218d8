<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition: the metadata section, from the teiHeader (mode metadata):
  titles, responsibility, publication and licence, source, editorial
  declaration, project description. Labels in the document's language; the
  header's own language (xml:lang) on its content. Header prose is rendered in
  mode header-text: text kept, a few elements made into HTML, no ids
  generated, nothing reported (it is metadata, not the edited text).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template match="tei:teiHeader" mode="metadata">
    <xsl:variable name="file" select="tei:fileDesc"/>
    <section id="editio-about" class="editio-about" aria-labelledby="editio-about-title">
      <xsl:call-template name="lang-attr"/>
      <h2 id="editio-about-title"><xsl:call-template name="label"><xsl:with-param name="key" select="'about'"/></xsl:call-template></h2>
      <dl class="editio-metadata">
        <xsl:call-template name="entry"><xsl:with-param name="key" select="'meta.title'"/><xsl:with-param name="nodes" select="$file/tei:titleStmt/tei:title"/></xsl:call-template>
        <xsl:call-template name="entry"><xsl:with-param name="key" select="'meta.author'"/><xsl:with-param name="nodes" select="$file/tei:titleStmt/tei:author"/></xsl:call-template>
        <xsl:call-template name="entry"><xsl:with-param name="key" select="'meta.editor'"/><xsl:with-param name="nodes" select="$file/tei:titleStmt/tei:editor"/></xsl:call-template>
        <xsl:call-template name="entry"><xsl:with-param name="key" select="'meta.responsibility'"/><xsl:with-param name="nodes" select="$file/tei:titleStmt/tei:respStmt | $file/tei:editionStmt/tei:respStmt"/></xsl:call-template>
        <xsl:call-template name="entry"><xsl:with-param name="key" select="'meta.edition'"/><xsl:with-param name="nodes" select="$file/tei:editionStmt/tei:edition"/></xsl:call-template>
        <xsl:call-template name="entry"><xsl:with-param name="key" select="'meta.publisher'"/><xsl:with-param name="nodes" select="$file/tei:publicationStmt/tei:publisher | $file/tei:publicationStmt/tei:distributor | $file/tei:publicationStmt/tei:authority"/></xsl:call-template>
        <xsl:call-template name="entry"><xsl:with-param name="key" select="'meta.date'"/><xsl:with-param name="nodes" select="$file/tei:publicationStmt/tei:date"/></xsl:call-template>
        <xsl:call-template name="entry"><xsl:with-param name="key" select="'meta.licence'"/><xsl:with-param name="nodes" select="$file/tei:publicationStmt/tei:availability"/></xsl:call-template>
        <xsl:call-template name="entry"><xsl:with-param name="key" select="'meta.source'"/><xsl:with-param name="nodes" select="$file/tei:sourceDesc/*[not(self::tei:listWit)]"/></xsl:call-template>
      </dl>
      <xsl:for-each select="tei:encodingDesc/tei:projectDesc | tei:encodingDesc/tei:editorialDecl">
        <section class="editio-{local-name()}">
          <xsl:call-template name="lang-attr"/>
          <h3><xsl:call-template name="label"><xsl:with-param name="key" select="concat('meta.', local-name())"/></xsl:call-template></h3>
          <xsl:apply-templates mode="header-text"/>
        </section>
      </xsl:for-each>
    </section>
  </xsl:template>

  <!-- A label of the page: in the page's language, whatever the header's. -->
  <xsl:template name="label">
    <xsl:param name="key"/>
    <span>
      <xsl:if test="ancestor-or-self::*[@xml:lang][1]/@xml:lang != $doc-lang">
        <xsl:attribute name="lang"><xsl:call-template name="language-tag"><xsl:with-param name="lang" select="$doc-lang"/></xsl:call-template></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="message"><xsl:with-param name="key" select="$key"/></xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template name="entry">
    <xsl:param name="key"/>
    <xsl:param name="nodes"/>
    <xsl:if test="$nodes[normalize-space() or .//@target]">
      <div>
        <dt><xsl:call-template name="label"><xsl:with-param name="key" select="$key"/></xsl:call-template></dt>
        <xsl:for-each select="$nodes[normalize-space() or .//@target]">
          <dd><xsl:call-template name="lang-attr"/><xsl:apply-templates mode="header-text"/></dd>
        </xsl:for-each>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- Header prose. -->
  <xsl:template match="*" mode="header-text"><xsl:apply-templates mode="header-text"/></xsl:template>
  <xsl:template match="tei:respStmt/tei:resp" mode="header-text">
    <xsl:apply-templates mode="header-text"/><xsl:text>: </xsl:text>
  </xsl:template>
  <xsl:template match="tei:p | tei:ab" mode="header-text">
    <p><xsl:call-template name="lang-attr"/><xsl:apply-templates mode="header-text"/></p>
  </xsl:template>
  <xsl:template match="tei:editorialDecl/* | tei:projectDesc/* | tei:availability/* | tei:sourceDesc/*/*[tei:p]" mode="header-text">
    <div class="tei-{local-name()}"><xsl:call-template name="lang-attr"/><xsl:apply-templates mode="header-text"/></div>
  </xsl:template>
  <xsl:template match="tei:title" mode="header-text">
    <cite><xsl:call-template name="lang-attr"/><xsl:apply-templates mode="header-text"/></cite>
  </xsl:template>
  <xsl:template match="tei:q | tei:quote | tei:soCalled" mode="header-text">
    <q><xsl:call-template name="lang-attr"/><xsl:apply-templates mode="header-text"/></q>
  </xsl:template>
  <xsl:template match="tei:gi | tei:tag | tei:att | tei:val | tei:code | tei:ident" mode="header-text">
    <code><xsl:call-template name="markup-open"/><xsl:apply-templates mode="header-text"/><xsl:call-template name="markup-close"/></code>
  </xsl:template>
  <xsl:template match="tei:lb" mode="header-text"><br/></xsl:template>
  <!-- several people in one author, editor or respStmt: apart, not run together -->
  <xsl:template match="tei:author/tei:name | tei:author/tei:persName | tei:editor/tei:name | tei:editor/tei:persName
      | tei:respStmt/tei:name | tei:respStmt/tei:persName | tei:respStmt/tei:orgName" mode="header-text">
    <xsl:apply-templates mode="header-text"/>
    <xsl:if test="following-sibling::*[1][self::tei:name or self::tei:persName or self::tei:orgName]">;<xsl:if test="not(following-sibling::node()[1][self::text()])"><xsl:text> </xsl:text></xsl:if></xsl:if>
  </xsl:template>
  <xsl:template match="tei:note" mode="header-text">
    <xsl:text> (</xsl:text><xsl:apply-templates mode="header-text"/><xsl:text>)</xsl:text>
  </xsl:template>
  <xsl:template match="tei:list" mode="header-text">
    <ul><xsl:for-each select="tei:item"><li><xsl:apply-templates mode="header-text"/></li></xsl:for-each></ul>
  </xsl:template>
  <xsl:template match="tei:ref | tei:ptr | tei:licence[@target]" mode="header-text">
    <xsl:variable name="href">
      <xsl:if test="not(starts-with(normalize-space(@target), '#'))">
        <xsl:call-template name="safe-url"><xsl:with-param name="url" select="substring-before(concat(normalize-space(@target), ' '), ' ')"/></xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="text">
      <xsl:apply-templates mode="header-text"/>
      <xsl:if test="not(normalize-space())"><xsl:value-of select="normalize-space(@target)"/></xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$href != '' and not(ancestor::tei:ref or ancestor::tei:licence[@target])">
        <a href="{$href}"><xsl:copy-of select="$text"/></a>
      </xsl:when>
      <xsl:otherwise><xsl:copy-of select="$text"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="self::tei:licence"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="tei:idno" mode="header-text">
    <code><xsl:apply-templates mode="header-text"/></code>
  </xsl:template>
  <xsl:template match="tei:msDesc//* | tei:biblStruct//*" mode="header-text" priority="-0.1">
    <xsl:apply-templates mode="header-text"/><xsl:text> </xsl:text>
  </xsl:template>
</xsl:stylesheet>
