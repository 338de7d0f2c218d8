<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition: editorial flags (common/flags.xsl decides which element is a
  flag), and seg. As readers know them from Wikipedia: the flagged words are
  highlighted (<mark>) and followed by a superscript bracketed label, e.g.
  [senza fonte]; the label and its longer description come from the message
  catalogue in the document's language. The description is the words'
  accessible description (aria-describedby, one hidden element per kind of
  flag) and the label's tooltip.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:variable name="flag-kinds" select="'citation-needed clarification-needed dubious verification-needed'"/>

  <xsl:template match="tei:seg | tei:phr | tei:hi | tei:emph | tei:foreign | tei:term | tei:title | tei:mentioned | tei:gloss" name="phrase-or-flag">
    <xsl:variable name="flag"><xsl:call-template name="editorial-flag"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$flag != ''"><xsl:call-template name="flag"><xsl:with-param name="kind" select="$flag"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="." mode="phrase"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An empty flag (an anchor, an empty seg) is only its label. -->
  <xsl:template match="tei:anchor[@type or @subtype or @ana]" priority="1">
    <xsl:variable name="flag"><xsl:call-template name="editorial-flag"/></xsl:variable>
    <span>
      <xsl:call-template name="attrs"/>
      <xsl:call-template name="standoff-markers"/>
    </span>
    <xsl:if test="$flag != ''"><xsl:call-template name="flag-label"><xsl:with-param name="kind" select="$flag"/></xsl:call-template></xsl:if>
  </xsl:template>

  <xsl:template name="flag">
    <xsl:param name="kind"/>
    <xsl:choose>
      <xsl:when test="@editio:block">
        <div>
          <xsl:call-template name="attrs"><xsl:with-param name="class" select="concat('editio-flag flag-', $kind)"/></xsl:call-template>
          <div class="editio-flag-words" aria-describedby="editio-flag-{$kind}"><xsl:apply-templates/></div>
          <xsl:call-template name="flag-label"><xsl:with-param name="kind" select="$kind"/></xsl:call-template>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <span>
          <xsl:call-template name="attrs"><xsl:with-param name="class" select="concat('editio-flag flag-', $kind)"/></xsl:call-template>
          <xsl:if test="node()">
            <mark class="editio-flag-words" aria-describedby="editio-flag-{$kind}"><xsl:apply-templates/><xsl:call-template name="standoff-markers"/></mark>
          </xsl:if>
          <xsl:call-template name="flag-label"><xsl:with-param name="kind" select="$kind"/></xsl:call-template>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A flag's label or description: looked up in the catalogue once per page
       for the known kinds (a lookup is a scan of the catalogue). -->
  <xsl:variable name="flag-messages">
    <xsl:call-template name="flag-message-list"><xsl:with-param name="kinds" select="concat($flag-kinds, ' ')"/></xsl:call-template>
  </xsl:variable>
  <xsl:template name="flag-message-list">
    <xsl:param name="kinds"/>
    <xsl:variable name="kind" select="substring-before($kinds, ' ')"/>
    <xsl:if test="$kind != ''">
      <xsl:text>|</xsl:text><xsl:value-of select="$kind"/><xsl:text>=</xsl:text>
      <xsl:call-template name="fast-message"><xsl:with-param name="key" select="$kind"/></xsl:call-template>
      <xsl:text>|</xsl:text><xsl:value-of select="$kind"/><xsl:text>.description=</xsl:text>
      <xsl:call-template name="fast-message"><xsl:with-param name="key" select="concat($kind, '.description')"/></xsl:call-template>
      <xsl:call-template name="flag-message-list"><xsl:with-param name="kinds" select="substring-after($kinds, ' ')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
  <xsl:template name="flag-message">
    <xsl:param name="key"/>
    <xsl:choose>
      <xsl:when test="contains(concat($flag-messages, '|'), concat('|', $key, '='))">
        <xsl:value-of select="substring-before(concat(substring-after($flag-messages, concat('|', $key, '=')), '|'), '|')"/>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="fast-message"><xsl:with-param name="key" select="$key"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="flag-label">
    <xsl:param name="kind"/>
    <sup class="editio-flag-label">
      <!-- labels are in the document's language, whatever the flagged words' -->
      <xsl:if test="ancestor-or-self::*[@xml:lang][1]/@xml:lang != $doc-lang">
        <xsl:attribute name="lang"><xsl:call-template name="language-tag"><xsl:with-param name="lang" select="$doc-lang"/></xsl:call-template></xsl:attribute>
      </xsl:if>
      <xsl:attribute name="title"><xsl:call-template name="flag-message"><xsl:with-param name="key" select="concat($kind, '.description')"/></xsl:call-template></xsl:attribute>
      <xsl:text>[</xsl:text>
      <xsl:call-template name="flag-message"><xsl:with-param name="key" select="$kind"/></xsl:call-template>
      <xsl:text>]</xsl:text>
    </sup>
  </xsl:template>

  <!-- One hidden description per kind of flag the document uses. -->
  <xsl:template name="flag-descriptions">
    <xsl:variable name="used">
      <!-- A walk per element name: self:: tests in a predicate build a node-set
           for every element, and a union (|) of large node-sets is quadratic in libxml2.
           descendant::x[p], not //x[p]: libxml2 turns //x into one walk only
           when x has no predicate. -->
      <xsl:for-each select="/*/tei:text/descendant::tei:seg[@type or @subtype or @ana]"><xsl:text> </xsl:text><xsl:call-template name="editorial-flag"/></xsl:for-each>
      <xsl:for-each select="/*/tei:text/descendant::tei:anchor[@type or @subtype or @ana]"><xsl:text> </xsl:text><xsl:call-template name="editorial-flag"/></xsl:for-each>
      <xsl:for-each select="/*/tei:text/descendant::tei:phr[@type or @subtype or @ana]"><xsl:text> </xsl:text><xsl:call-template name="editorial-flag"/></xsl:for-each>
      <xsl:for-each select="/*/tei:text/descendant::tei:hi[@type or @subtype or @ana]"><xsl:text> </xsl:text><xsl:call-template name="editorial-flag"/></xsl:for-each>
      <xsl:text> </xsl:text>
    </xsl:variable>
    <xsl:if test="normalize-space($used) != ''">
      <div class="editio-flag-descriptions" hidden="hidden">
        <xsl:call-template name="flag-description">
          <xsl:with-param name="kinds" select="concat($flag-kinds, ' ')"/>
          <xsl:with-param name="used" select="$used"/>
        </xsl:call-template>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template name="flag-description">
    <xsl:param name="kinds"/>
    <xsl:param name="used"/>
    <xsl:variable name="kind" select="substring-before($kinds, ' ')"/>
    <xsl:if test="$kind != ''">
      <xsl:if test="contains($used, concat(' ', $kind, ' '))">
        <span id="editio-flag-{$kind}"><xsl:call-template name="fast-message"><xsl:with-param name="key" select="concat($kind, '.description')"/></xsl:call-template></span>
      </xsl:if>
      <xsl:call-template name="flag-description">
        <xsl:with-param name="kinds" select="substring-after($kinds, ' ')"/>
        <xsl:with-param name="used" select="$used"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Phrase-level elements that are not flags. -->
  <xsl:template match="*" mode="phrase">
    <xsl:call-template name="inline"/>
  </xsl:template>
  <xsl:template match="tei:emph" mode="phrase">
    <xsl:call-template name="inline"><xsl:with-param name="el" select="'em'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:foreign | tei:term | tei:mentioned" mode="phrase">
    <xsl:call-template name="inline"><xsl:with-param name="el" select="'i'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:title" mode="phrase">
    <xsl:call-template name="inline"><xsl:with-param name="el" select="'cite'"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
