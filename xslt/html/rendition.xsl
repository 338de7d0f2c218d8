<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition: rendering.

  - The CSS renditions of the header's tagsDecl become rules of the page's
    style part, scoped to the edition: `.editio-r-ID { ... }` for elements
    whose @rendition points to them (class-attr in html/core.xsl, through
    common/rendition.xsl), `.tei-text .tei-NAME { ... }` for a rendition with a
    @selector of TEI element names. Every declaration passes safe-style
    (common/safety.xsl: allow-listed properties, no url(), expression(),
    @import, escapes or comments); a selector that is not a list of element
    names is left out. @scope first-line / first-letter become those
    pseudo-elements.
  - The common @rend keywords are classes (`rend-smcap`), styled by
    templates/editio.css.
  - gi, tag, att, val, code, ident: <code>, with the brackets TEI
    documentation prints (common/rendition.xsl markup-open/-close).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template name="rendition-style-part">
    <xsl:if test="$css-renditions">
      <part name="style">
        <xsl:for-each select="$css-renditions">
          <xsl:variable name="css"><xsl:call-template name="safe-style"><xsl:with-param name="style" select="string(.)"/></xsl:call-template></xsl:variable>
          <xsl:variable name="selector"><xsl:call-template name="rendition-selector"/></xsl:variable>
          <xsl:if test="normalize-space($css) != '' and $selector != ''">
            <xsl:value-of select="concat($selector, ' { ', $css, ' }&#10;')"/>
          </xsl:if>
        </xsl:for-each>
      </part>
    </xsl:if>
  </xsl:template>

  <!-- The rule's selector: the rendition's class, or its @selector's element
       names inside the edition's text; '' when the selector is not only names. -->
  <xsl:template name="rendition-selector">
    <xsl:variable name="scope" select="substring(concat('::', @scope), 1, 2 + string-length(@scope) * (@scope = 'first-line' or @scope = 'first-letter'))"/>
    <xsl:variable name="scope-css" select="substring($scope, 1, string-length($scope) * (string-length($scope) &gt; 2))"/>
    <xsl:choose>
      <xsl:when test="normalize-space(@selector) != ''">
        <xsl:variable name="s" select="normalize-space(@selector)"/>
        <xsl:if test="translate($s, concat($editio:name-chars, ' ,'), '') = ''
            and not(contains(translate(concat(' ', $s), ',', ' '), ' -')) and translate($s, ', ', '') != ''">
          <xsl:call-template name="rendition-selector-list">
            <xsl:with-param name="list" select="$s"/>
            <xsl:with-param name="scope" select="$scope-css"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="id" select="translate(@xml:id, translate(@xml:id, $editio:name-chars, ''), '')"/>
        <xsl:if test="$id != ''"><xsl:value-of select="concat('.editio-r-', $id, $scope-css)"/></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "hi, foreign hi" -> ".tei-text .tei-hi, .tei-text .tei-foreign .tei-hi": CSS
       selectors of TEI element names, each kept inside the edition's text. -->
  <xsl:template name="rendition-selector-list">
    <xsl:param name="list"/>
    <xsl:param name="scope"/>
    <xsl:variable name="one" select="normalize-space(substring-before(concat($list, ','), ','))"/>
    <xsl:variable name="rest" select="substring-after($list, ',')"/>
    <xsl:if test="$one != ''">
      <xsl:text>.tei-text</xsl:text>
      <xsl:call-template name="rendition-chain"><xsl:with-param name="names" select="$one"/></xsl:call-template>
      <xsl:value-of select="$scope"/>
      <xsl:if test="normalize-space(translate($rest, ',', ' ')) != ''">, </xsl:if>
    </xsl:if>
    <xsl:if test="normalize-space(translate($rest, ',', ' ')) != ''">
      <xsl:call-template name="rendition-selector-list">
        <xsl:with-param name="list" select="$rest"/>
        <xsl:with-param name="scope" select="$scope"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="rendition-chain">
    <xsl:param name="names"/>
    <xsl:value-of select="concat(' .tei-', substring-before(concat($names, ' '), ' '))"/>
    <xsl:if test="contains($names, ' ')">
      <xsl:call-template name="rendition-chain"><xsl:with-param name="names" select="substring-after($names, ' ')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A ref with no words of its own (<ref target="1890-04-27"/>) is shown as a
       pointer is (its generated text): a link must have a text to read. -->
  <xsl:template match="tei:ref[not(node())]"><xsl:call-template name="ptr"/></xsl:template>

  <!-- Names of markup, as code. -->
  <xsl:template match="tei:gi | tei:tag | tei:att | tei:val | tei:code | tei:ident">
    <code>
      <xsl:call-template name="attrs"/>
      <xsl:call-template name="markup-open"/>
      <xsl:apply-templates/>
      <xsl:call-template name="markup-close"/>
    </code>
  </xsl:template>
</xsl:stylesheet>
