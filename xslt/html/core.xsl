<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition, core: the result frame read by editio's page stage
  (<edition lang dir><title/><part name="..."/>...</edition>), the attribute
  helpers every module uses (id, lang/dir, class from @rend, style), the
  inline-or-block wrapper, text nodes, and the fallback for elements no module
  handles.

  Parts: metadata (teiHeader), toc, body (the text, end notes, hidden flag
  descriptions), index (names).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- choice and subst have no text of their own: whitespace between their
       children is the file's indentation, and would split a word
       (ἐκε<subst> <del/> <add>ί</add> </subst>νου). The text edition strips it too. -->
  <xsl:strip-space elements="tei:choice tei:subst"/>

  <xsl:variable name="doc-dir"><xsl:call-template name="direction"/></xsl:variable>

  <xsl:template match="/">
    <xsl:variable name="page-lang">
      <xsl:call-template name="language-tag"><xsl:with-param name="lang" select="$doc-lang"/></xsl:call-template>
    </xsl:variable>
    <edition lang="{$page-lang}" dir="{$doc-dir}">
      <title><xsl:apply-templates select="$document-title" mode="plain"/></title>
      <meta name="view" content="{$view}"/>
      <part name="metadata"><xsl:apply-templates select="/*/tei:teiHeader" mode="metadata"/></part>
      <xsl:choose>
        <!-- the witnesses of a critical edition side by side (html/synoptic.xsl) -->
        <xsl:when test="$view = 'synoptic'">
          <part name="body"><xsl:call-template name="synoptic-body"/></part>
        </xsl:when>
        <xsl:otherwise>
          <part name="toc"><xsl:if test="$toc = 'yes'"><xsl:call-template name="toc"/></xsl:if></part>
          <part name="body">
            <!-- the synoptic page of a critical edition, where editio build made one -->
            <xsl:if test="$synoptic-page != '' and not($witness-mode)">
              <p class="editio-controls synoptic-link"><a href="{$synoptic-page}"><xsl:call-template name="fast-message"><xsl:with-param name="key" select="'synoptic'"/></xsl:call-template></a></p>
            </xsl:if>
            <!-- switches hiding kinds of readings: before the text they act on (html/textcrit.xsl) -->
            <xsl:call-template name="reading-switches"/>
            <xsl:apply-templates select="/*/tei:text"/>
            <!-- a documentary transcription, page by page (html/genetic.xsl) -->
            <xsl:apply-templates select="/*/tei:sourceDoc"/>
            <!-- the members of a teiCorpus (html/corpus.xsl) -->
            <xsl:call-template name="corpus-members"/>
            <!-- the registers of standOff (html/registers.xsl) -->
            <xsl:call-template name="standoff-registers"/>
            <xsl:call-template name="end-notes"/>
            <!-- the list of witnesses of a critical edition (html/textcrit.xsl) -->
            <xsl:call-template name="witness-list"/>
            <xsl:call-template name="flag-descriptions"/>
          </part>
          <part name="index"><xsl:if test="$name-index = 'yes'"><xsl:call-template name="name-index"/></xsl:if></part>
          <xsl:call-template name="apparatus-style-part"/>
          <!-- the header's CSS renditions, scoped to the edition (html/rendition.xsl) -->
          <xsl:call-template name="rendition-style-part"/>
        </xsl:otherwise>
      </xsl:choose>
      <!-- a letter's sending and receiving, under the title (html/correspondence.xsl) -->
      <xsl:call-template name="correspondence-part"/>
    </edition>
  </xsl:template>

  <!-- Plain text of an element (titles, labels, table of contents). -->
  <xsl:template match="*" mode="plain"><xsl:apply-templates mode="plain"/></xsl:template>
  <xsl:template match="tei:note | tei:rdg | tei:witDetail" mode="plain"/>
  <xsl:template match="tei:choice" mode="plain">
    <xsl:variable name="shown" select="(tei:corr|tei:expan|tei:reg)[$view != 'diplomatic'] | (tei:sic|tei:abbr|tei:orig)[$view = 'diplomatic']"/>
    <xsl:apply-templates select="($shown | *[not($shown)][1])[1]" mode="plain"/>
  </xsl:template>
  <xsl:template match="tei:lb | tei:pb | tei:cb" mode="plain">
    <xsl:variable name="joins"><xsl:call-template name="break-joins"/></xsl:variable>
    <xsl:if test="$joins != 'yes'"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- id: editio's (prepare.py) or the source's xml:id. -->
  <xsl:template name="id-attr">
    <xsl:choose>
      <xsl:when test="@editio:id"><xsl:attribute name="id"><xsl:value-of select="@editio:id"/></xsl:attribute></xsl:when>
      <xsl:when test="@xml:id"><xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- lang and dir of an element with its own xml:lang. -->
  <xsl:template name="lang-attr">
    <xsl:if test="@xml:lang">
      <xsl:attribute name="lang">
        <xsl:call-template name="language-tag"><xsl:with-param name="lang" select="@xml:lang"/></xsl:call-template>
      </xsl:attribute>
      <xsl:attribute name="dir">
        <xsl:call-template name="direction"><xsl:with-param name="lang" select="@xml:lang"/></xsl:call-template>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- class: the module's own class, then one `rend-TOKEN` per @rend token
       (safe-class: @rend never reaches the page as markup or CSS). -->
  <xsl:template name="class-attr">
    <xsl:param name="class" select="concat('tei-', local-name())"/>
    <xsl:attribute name="class">
      <xsl:value-of select="$class"/>
      <!-- (a variable holding a template's result is a new document in libxslt:
           built only for the elements that have a @rend) -->
      <xsl:if test="@rend">
        <xsl:variable name="rend"><xsl:call-template name="safe-class"><xsl:with-param name="rend" select="@rend"/></xsl:call-template></xsl:variable>
        <xsl:if test="$rend != ''"><xsl:value-of select="concat(' ', $rend)"/></xsl:if>
      </xsl:if>
      <!-- @rendition: the header's CSS renditions, else keywords (common/rendition.xsl) -->
      <xsl:if test="@rendition">
        <xsl:variable name="rendition"><xsl:call-template name="rendition-tokens"/></xsl:variable>
        <xsl:if test="normalize-space($rendition) != ''"><xsl:value-of select="concat(' ', normalize-space($rendition))"/></xsl:if>
      </xsl:if>
    </xsl:attribute>
  </xsl:template>

  <xsl:template name="style-attr">
    <xsl:if test="@style">
      <xsl:variable name="style">
        <xsl:call-template name="safe-style"><xsl:with-param name="style" select="@style"/></xsl:call-template>
      </xsl:variable>
      <xsl:if test="normalize-space($style) != ''">
        <xsl:attribute name="style"><xsl:value-of select="$style"/></xsl:attribute>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- id, lang, dir, class, style. -->
  <xsl:template name="attrs">
    <xsl:param name="class" select="concat('tei-', local-name())"/>
    <xsl:call-template name="id-attr"/>
    <xsl:call-template name="lang-attr"/>
    <xsl:call-template name="class-attr"><xsl:with-param name="class" select="$class"/></xsl:call-template>
    <xsl:call-template name="style-attr"/>
  </xsl:template>

  <!-- An inline element: the HTML element $el (span, em, q ...), or a div
       when it holds blocks (prepare.py's editio:block), since phrasing
       elements cannot hold blocks. Extra attributes come from mode html-attrs. -->
  <xsl:template name="inline">
    <xsl:param name="el" select="'span'"/>
    <xsl:param name="class" select="concat('tei-', local-name())"/>
    <xsl:param name="href" select="''"/>
    <!-- div when editio:block, else $el (a string: no fragment per element) -->
    <xsl:variable name="name" select="concat(substring('div', 1, 3 * boolean(@editio:block)), substring($el, 1, string-length($el) * not(@editio:block)))"/>
    <xsl:element name="{$name}">
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="$class"/></xsl:call-template>
      <xsl:if test="not(@editio:block)">
        <xsl:if test="$href != ''"><xsl:attribute name="href"><xsl:value-of select="$href"/></xsl:attribute></xsl:if>
        <xsl:apply-templates select="." mode="html-attrs"/>
      </xsl:if>
      <xsl:apply-templates/>
      <xsl:call-template name="standoff-markers"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="*" mode="html-attrs"/>

  <!-- A block element: div (or $el) with the common attributes. -->
  <xsl:template name="block">
    <xsl:param name="el" select="'div'"/>
    <xsl:param name="class" select="concat('tei-', local-name())"/>
    <xsl:element name="{$el}">
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="$class"/></xsl:call-template>
      <xsl:apply-templates/>
      <xsl:call-template name="standoff-markers"/>
    </xsl:element>
  </xsl:template>

  <!-- A link is never put inside another link (HTML forbids it), nor around
       a note marker: 'yes' when the context element may be an <a>. -->
  <xsl:template name="may-link">
    <xsl:if test="not(ancestor::tei:ref[@target] or ancestor::tei:ptr or ancestor::*[@ref][self::tei:persName
        or self::tei:placeName or self::tei:orgName or self::tei:name or self::tei:rs]) and not(.//tei:note)">yes</xsl:if>
  </xsl:template>

  <!-- Text nodes: as they are, unless a witness may lack them (prepare.py marks
       where: html/textcrit.xsl). The test is made here, not in the match
       pattern: libxslt tests a predicate on text() by counting the text
       node's preceding siblings, quadratic in a division of many paragraphs. -->
  <xsl:template match="text()">
    <xsl:choose>
      <xsl:when test="../@editio:hide or preceding-sibling::*[1]/@editio:hide-after"><xsl:call-template name="witness-text"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:text">
    <div>
      <xsl:call-template name="attrs"/>
      <xsl:apply-templates/>
      <xsl:call-template name="section-notes"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:group">
    <xsl:call-template name="block"/>
  </xsl:template>

  <!-- Unknown TEI (or foreign) elements: content kept, element reported. -->
  <xsl:template match="*">
    <xsl:call-template name="report-unhandled"/>
    <xsl:call-template name="inline">
      <xsl:with-param name="class" select="concat('tei-unhandled tei-', local-name())"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
