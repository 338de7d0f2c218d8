<?xml version="1.0" encoding="UTF-8"?>
<!--
  Leiden conventions for epigraphic editions (EpiDoc), shared by both editions,
  in both views (parameter `leiden`: auto = documents whose xml-model names
  EpiDoc). After EpiDoc's reference stylesheets, default style:
    [abc]      supplied, lost (brackets of neighbours run together: [d(omino) n(ostro)])
    ⟨abc⟩      supplied, omitted by the writer;  [abc?] supplied with cert="low"
    [- - -]    gap, extent unknown;  [...] 1 to 3 letters;  [.8.] more;  [.c.8.] about 8;
               [.2-3.] between 2 and 3;  - - - - - -  lines lost;  illegible: no brackets
    ạ          unclear letters, a dot below each (the HTML page: CSS emphasis dots)
    ab(c)      expansion;  ⟦abc⟧ erased;  {abc} surplus;  vac. an empty space
  The inscription goes line by line (each lb a new line, every fifth numbered;
  a word broken over a line, lb break="no", ends its line with a hyphen in the
  reading view). Untitled divisions of EpiDoc's types (edition, apparatus,
  translation, commentary, bibliography) get their name as a heading.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:variable name="leiden-signs" select="$leiden = 'yes' or ($leiden = 'auto'
      and boolean(/processing-instruction('xml-model')[contains(translate(., 'EPIDOC', 'epidoc'), 'epidoc')]))"/>

  <!-- Lost text next to lost text (only whitespace between) shares its
       brackets, also across the edges of words and names:
       <w><supplied>ἔτεος</supplied></w> <gap/> gives [ἔτεος ...]. A line
       break or any text between parts them. -->
  <xsl:template name="leiden-lost-before">
    <xsl:variable name="next" select="preceding-sibling::node()[not(self::text()) or normalize-space()][1]"/>
    <xsl:choose>
      <xsl:when test="$next"><xsl:for-each select="$next"><xsl:call-template name="leiden-ends-lost"/></xsl:for-each></xsl:when>
      <xsl:when test="parent::tei:w or parent::tei:name or parent::tei:persName or parent::tei:placeName or parent::tei:rs
          or parent::tei:num or parent::tei:roleName or parent::tei:orgName">
        <xsl:for-each select=".."><xsl:call-template name="leiden-lost-before"/></xsl:for-each>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="leiden-lost-after">
    <xsl:variable name="next" select="following-sibling::node()[not(self::text()) or normalize-space()][1]"/>
    <xsl:choose>
      <xsl:when test="$next"><xsl:for-each select="$next"><xsl:call-template name="leiden-starts-lost"/></xsl:for-each></xsl:when>
      <xsl:when test="parent::tei:w or parent::tei:name or parent::tei:persName or parent::tei:placeName or parent::tei:rs
          or parent::tei:num or parent::tei:roleName or parent::tei:orgName">
        <xsl:for-each select=".."><xsl:call-template name="leiden-lost-after"/></xsl:for-each>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
  <!-- 'yes' when the node is lost text, or a word or name that begins (ends) with it. -->
  <xsl:template name="leiden-starts-lost">
    <xsl:choose>
      <xsl:when test="self::tei:supplied[@reason = 'lost'] or self::tei:gap[@reason = 'lost'][not(starts-with(@unit, 'line'))]">yes</xsl:when>
      <xsl:when test="self::tei:w or self::tei:name or self::tei:persName or self::tei:placeName or self::tei:rs
          or self::tei:num or self::tei:roleName or self::tei:orgName">
        <xsl:for-each select="node()[not(self::text()) or normalize-space()][1]"><xsl:call-template name="leiden-starts-lost"/></xsl:for-each>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="leiden-ends-lost">
    <xsl:choose>
      <xsl:when test="self::tei:supplied[@reason = 'lost'] or self::tei:gap[@reason = 'lost'][not(starts-with(@unit, 'line'))]">yes</xsl:when>
      <xsl:when test="self::tei:w or self::tei:name or self::tei:persName or self::tei:placeName or self::tei:rs
          or self::tei:num or self::tei:roleName or self::tei:orgName">
        <xsl:for-each select="node()[not(self::text()) or normalize-space()][last()]"><xsl:call-template name="leiden-ends-lost"/></xsl:for-each>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The opening and closing signs of a supplied (context: supplied). -->
  <xsl:template name="leiden-supplied-open">
    <xsl:choose>
      <xsl:when test="@reason = 'omitted'">⟨</xsl:when>
      <xsl:when test="@reason = 'subaudible'">(</xsl:when>
      <xsl:when test="@reason = 'lost'">
        <xsl:variable name="merged"><xsl:call-template name="leiden-lost-before"/></xsl:variable>
        <xsl:if test="$merged != 'yes'">[</xsl:if>
      </xsl:when>
      <xsl:otherwise>[</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="leiden-supplied-close">
    <xsl:if test="@cert = 'low'">?</xsl:if>
    <xsl:choose>
      <xsl:when test="@reason = 'omitted'">⟩</xsl:when>
      <xsl:when test="@reason = 'subaudible'">)</xsl:when>
      <xsl:when test="@reason = 'lost'">
        <xsl:variable name="merged"><xsl:call-template name="leiden-lost-after"/></xsl:variable>
        <xsl:if test="$merged != 'yes'">]</xsl:if>
      </xsl:when>
      <xsl:otherwise>]</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A gap as Leiden writes it, brackets included (context: gap). -->
  <xsl:template name="leiden-gap">
    <xsl:variable name="q">
      <xsl:choose>
        <xsl:when test="@quantity"><xsl:value-of select="number(@quantity)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="number(@extent)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="lines" select="starts-with(@unit, 'line')"/>
    <xsl:variable name="extent">
      <xsl:choose>
        <xsl:when test="$lines">- - - - - -</xsl:when>
        <xsl:when test="$q &gt;= 1 and $q &lt;= 3 and not(@precision = 'low')"><xsl:value-of select="substring('...', 1, $q)"/></xsl:when>
        <xsl:when test="$q &gt;= 1"><xsl:value-of select="concat('.', substring('c.', 1, 2 * (@precision = 'low')), $q, '.')"/></xsl:when>
        <xsl:when test="@atLeast and @atMost"><xsl:value-of select="concat('.', @atLeast, '-', @atMost, '.')"/></xsl:when>
        <xsl:otherwise>- - -</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$lines or @reason = 'illegible'"><xsl:value-of select="$extent"/></xsl:when>
      <xsl:when test="@reason = 'omitted'"><xsl:value-of select="concat('⟨', $extent, '⟩')"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="before"><xsl:call-template name="leiden-lost-before"/></xsl:variable>
        <xsl:variable name="after"><xsl:call-template name="leiden-lost-after"/></xsl:variable>
        <xsl:value-of select="concat(substring('[', 1, number($before != 'yes')), $extent, substring(']', 1, number($after != 'yes')))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An empty space on the stone: vacat. -->
  <xsl:template name="leiden-space">
    <xsl:choose>
      <xsl:when test="starts-with(@unit, 'line')">vacat</xsl:when>
      <xsl:when test="number(@quantity) &gt;= 1"><xsl:value-of select="concat('vac. ', number(@quantity))"/></xsl:when>
      <xsl:otherwise>vac.</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The number a line shows in the margin: every fifth (context: lb). -->
  <xsl:template name="leiden-line-number">
    <xsl:if test="$line-numbers = 'yes' and number(@n) &gt; 0 and number(@n) mod 5 = 0"><xsl:value-of select="number(@n)"/></xsl:if>
  </xsl:template>

  <!-- 'yes' when an lb starts its block (no text before it there): no new line. -->
  <xsl:template name="opens-block">
    <xsl:if test="not(preceding-sibling::node()[2]) and not(normalize-space(preceding-sibling::node()[1]))
        and not(preceding-sibling::*)">yes</xsl:if>
  </xsl:template>

  <!-- The heading of an untitled EpiDoc division (context: div): its type's
       name in the document's language, with the language of a translation. -->
  <xsl:template name="division-title">
    <xsl:if test="$leiden-signs and not(tei:head) and contains(' edition apparatus translation commentary bibliography ', concat(' ', @type, ' '))
        and (normalize-space() or .//tei:gap or .//tei:app)">
      <xsl:call-template name="fast-message"><xsl:with-param name="key" select="concat('div.', @type)"/></xsl:call-template>
      <xsl:if test="@type = 'translation' and @xml:lang"><xsl:value-of select="concat(' (', @xml:lang, ')')"/></xsl:if>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
