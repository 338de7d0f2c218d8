<?xml version="1.0" encoding="UTF-8"?>
<!--
  Rendering, format-neutral.

  `rendition-tokens` (context: an element with @rendition): the renditions it
  points to, as class name stems, space-separated:
    "#ID"          a rendition of the header's tagsDecl in CSS (scheme css or
                   none): "r-ID" (html/rendition.xsl writes `.editio-r-ID`);
                   a pointer to no such rendition (a project's ODD, not
                   shipped): the name as a @rend keyword "rend-ID";
    "prefix:NAME"  (TEI simplePrint's "simple:italic") the document's own
                   rendition NAME when it has one, else the keyword "rend-NAME".
  Names keep letters, digits, '-' and '_' only (safe-class).

  `rend-has` (context: an element): 'yes' when @rend has one of the
  space-separated keywords $any (case as written), or @rendition names it as
  a simplePrint keyword (simple:superscript).

  `markup-open` / `markup-close`: the brackets TEI documentation prints around
  the names of markup: gi <name>, tag <name> (</name>, <name/>, <?name?>,
  a comment by @type), att @name, val "value"; none when the source already
  has them.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:variable name="editio:name-chars" select="'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'"/>

  <!-- The renditions of the document's header that are CSS. -->
  <xsl:variable name="css-renditions" select="/*/tei:teiHeader/tei:encodingDesc/tei:tagsDecl/tei:rendition
      [not(@scheme) or @scheme = 'css'][@xml:id][normalize-space()]"/>

  <xsl:template name="rendition-tokens">
    <xsl:param name="refs" select="normalize-space(@rendition)"/>
    <xsl:if test="$refs != ''">
      <xsl:variable name="ref" select="substring-before(concat($refs, ' '), ' ')"/>
      <xsl:variable name="name">
        <xsl:choose>
          <xsl:when test="starts-with($ref, '#')"><xsl:value-of select="substring($ref, 2)"/></xsl:when>
          <xsl:when test="contains($ref, ':') and not(contains($ref, '/'))"><xsl:value-of select="substring-after($ref, ':')"/></xsl:when>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="clean" select="translate($name, translate($name, $editio:name-chars, ''), '')"/>
      <xsl:if test="$clean != ''">
        <xsl:choose>
          <xsl:when test="$css-renditions[@xml:id = $name]"><xsl:value-of select="concat('editio-r-', $clean, ' ')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat('rend-', $clean, ' ')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:call-template name="rendition-tokens"><xsl:with-param name="refs" select="substring-after($refs, ' ')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="rend-has">
    <xsl:param name="any"/>
    <xsl:param name="rend" select="concat(' ', normalize-space(@rend), ' ', translate(normalize-space(@rendition), ':#', '  '), ' ')"/>
    <xsl:if test="$any != ''">
      <xsl:variable name="word" select="substring-before(concat($any, ' '), ' ')"/>
      <xsl:choose>
        <xsl:when test="contains($rend, concat(' ', $word, ' '))">yes</xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="rend-has">
            <xsl:with-param name="any" select="substring-after($any, ' ')"/>
            <xsl:with-param name="rend" select="$rend"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template name="markup-open">
    <xsl:variable name="t" select="normalize-space(.)"/>
    <xsl:choose>
      <xsl:when test="self::tei:gi and not(starts-with($t, '&lt;'))">&lt;</xsl:when>
      <xsl:when test="self::tei:tag and not(starts-with($t, '&lt;'))">
        <xsl:choose>
          <xsl:when test="@type = 'end'">&lt;/</xsl:when>
          <xsl:when test="@type = 'pi'">&lt;?</xsl:when>
          <xsl:when test="@type = 'comment'">&lt;!--</xsl:when>
          <xsl:when test="@type = 'ms'">&lt;![</xsl:when>
          <xsl:otherwise>&lt;</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="self::tei:att and not(starts-with($t, '@'))">@</xsl:when>
      <xsl:when test="self::tei:val and not(starts-with($t, '&quot;'))">"</xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="markup-close">
    <xsl:variable name="t" select="normalize-space(.)"/>
    <xsl:choose>
      <xsl:when test="self::tei:gi and not(starts-with($t, '&lt;'))">&gt;</xsl:when>
      <xsl:when test="self::tei:tag and not(starts-with($t, '&lt;'))">
        <xsl:choose>
          <xsl:when test="@type = 'empty'">/&gt;</xsl:when>
          <xsl:when test="@type = 'pi'">?&gt;</xsl:when>
          <xsl:when test="@type = 'comment'">--&gt;</xsl:when>
          <xsl:when test="@type = 'ms'">]]&gt;</xsl:when>
          <xsl:otherwise>&gt;</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="self::tei:val and not(starts-with($t, '&quot;'))">"</xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
