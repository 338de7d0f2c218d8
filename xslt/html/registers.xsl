<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition: registers (common/registers.xsl). A register is a section
  with a heading (its head, else "Persons", "Places" ...) and a list of
  entries; each entry (<li>, with the entry's xml:id, so that names in the
  text link to it) shows its name in bold, then its facts, each a span of its
  own separated by "; " (within a fact by ", "); coordinates (geo) set apart
  in parentheses by CSS; identifiers and other web addresses as links
  (safe-url). Registers of the back matter render where they stand; those of
  standOff after the text.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template match="tei:listPerson | tei:listPlace | tei:listOrg | tei:back//tei:listBibl | tei:standOff//tei:listBibl">
    <xsl:variable name="depth" select="count(ancestor::*[@editio:level][tei:head])"/>
    <section>
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="concat('editio-register tei-', local-name())"/></xsl:call-template>
      <xsl:element name="h{substring('2345666666', $depth + 1, 1)}">
        <xsl:attribute name="class">editio-register-title</xsl:attribute>
        <xsl:choose>
          <xsl:when test="tei:head"><xsl:apply-templates select="tei:head[1]/node()"/></xsl:when>
          <xsl:otherwise>
            <xsl:variable name="key"><xsl:call-template name="register-heading-key"/></xsl:variable>
            <span class="editio-label"><xsl:call-template name="message"><xsl:with-param name="key" select="$key"/></xsl:call-template></span>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:element>
      <xsl:apply-templates select="tei:head[position() &gt; 1]"/>
      <ul class="editio-register-list"><xsl:apply-templates select="*[not(self::tei:head)]" mode="register"/></ul>
    </section>
  </xsl:template>

  <!-- An entry for a back-of-the-book index (index/term) says where a word is
       indexed; it is not reading text (the text edition leaves it out too). -->
  <xsl:template match="tei:index"/>

  <!-- The registers of standOff, after the text. -->
  <xsl:template name="standoff-registers">
    <xsl:apply-templates select="/*/tei:standOff/tei:listPerson | /*/tei:standOff/tei:listPlace
        | /*/tei:standOff/tei:listOrg | /*/tei:standOff/tei:listBibl"/>
  </xsl:template>

  <!-- An entry. -->
  <xsl:template match="*" mode="register">
    <li>
      <xsl:call-template name="attrs"/>
      <xsl:call-template name="register-entry"/>
    </li>
  </xsl:template>
  <!-- A list inside a list: a group of entries. -->
  <xsl:template match="tei:listPerson | tei:listPlace | tei:listOrg | tei:listBibl | tei:listEvent | tei:listObject" mode="register">
    <li>
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="concat('editio-register-group tei-', local-name())"/></xsl:call-template>
      <xsl:if test="tei:head"><span class="editio-register-name"><xsl:apply-templates select="tei:head[1]/node()"/></span></xsl:if>
      <ul class="editio-register-list"><xsl:apply-templates select="*[not(self::tei:head)]" mode="register"/></ul>
    </li>
  </xsl:template>
  <!-- Relations have no text; a note in a list is a note. -->
  <xsl:template match="tei:relation | tei:listRelation | tei:relationGrp" mode="register"/>
  <xsl:template match="tei:note | tei:p | tei:ab" mode="register">
    <li class="editio-list-extra"><xsl:apply-templates select="."/></li>
  </xsl:template>

  <!-- Name first (when the entry starts with it), then the facts in order. -->
  <xsl:template name="register-entry">
    <xsl:variable name="first" select="*[1][self::tei:persName or self::tei:placeName or self::tei:orgName or self::tei:name
        or self::tei:title or self::tei:label or self::tei:eventName or self::tei:objectName or self::tei:term or self::tei:persona]
        [not(preceding-sibling::text()[normalize-space()])]"/>
    <xsl:if test="$first">
      <span class="editio-register-name"><xsl:for-each select="$first"><xsl:call-template name="register-name-text"/></xsl:for-each></span>
    </xsl:if>
    <xsl:for-each select="node()[count(. | $first) != count($first)][self::text()[normalize-space()]
        or self::*[normalize-space() or @when or @notBefore or @notAfter or @from or @to]]">
      <xsl:if test="self::* and (position() &gt; 1 or $first) and not(preceding-sibling::node()[1][self::text()[normalize-space()]])">
        <xsl:variable name="coordinates"><xsl:call-template name="register-is-coordinates"/></xsl:variable>
        <span class="editio-sign"><xsl:value-of select="substring('; ', 1 + ($coordinates = 'yes'))"/></span>
      </xsl:if>
      <xsl:apply-templates select="." mode="register-field"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The nodes of a fact, in order, apart by $sep (a coordinate by a space). -->
  <xsl:template name="register-children">
    <xsl:param name="sep" select="', '"/>
    <xsl:for-each select="node()[self::text()[normalize-space()] or self::*[normalize-space() or @when or @notBefore or @notAfter or @from or @to]]">
      <xsl:if test="self::* and position() &gt; 1 and not(preceding-sibling::node()[1][self::text()[normalize-space()]])">
        <xsl:variable name="coordinates"><xsl:call-template name="register-is-coordinates"/></xsl:variable>
        <span class="editio-sign"><xsl:value-of select="substring(concat($sep, ' '), 1 + (string-length($sep) * ($coordinates = 'yes')))"/></span>
      </xsl:if>
      <xsl:apply-templates select="." mode="register-field"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="text()" mode="register-field"><xsl:apply-templates select="."/></xsl:template>

  <!-- Facts made of parts: a span holding its parts. -->
  <xsl:template match="tei:birth | tei:death | tei:floruit | tei:residence | tei:location | tei:event | tei:state | tei:trait
      | tei:affiliation | tei:education | tei:occupation | tei:faith | tei:nationality | tei:socecStatus | tei:langKnowledge
      | tei:age | tei:sex | tei:settlement | tei:country | tei:region | tei:district | tei:bloc | tei:geogName | tei:author
      | tei:editor | tei:publisher | tei:pubPlace | tei:biblScope | tei:citedRange | tei:edition | tei:extent | tei:imprint
      | tei:series | tei:monogr | tei:analytic | tei:respStmt | tei:resp | tei:desc | tei:offset | tei:population | tei:climate
      | tei:terrain | tei:persona | tei:gender" mode="register-field">
    <span>
      <xsl:call-template name="attrs"/>
      <xsl:if test="self::tei:birth or self::tei:death or self::tei:floruit">
        <span class="editio-label"><xsl:value-of select="concat(substring('*', 1, number(boolean(self::tei:birth))),
            substring('&#x2020;', 1, number(boolean(self::tei:death))), substring('fl.', 1, 3 * boolean(self::tei:floruit)), ' ')"/></span>
      </xsl:if>
      <!-- dates given as attributes of the fact itself (<birth when="1862">) -->
      <xsl:if test="(@when or @notBefore or @from or @notAfter or @to) and not(tei:date) and not(text()[normalize-space()])">
        <xsl:variable name="when"><xsl:call-template name="corresp-date-text"><xsl:with-param name="attributes-only" select="true()"/></xsl:call-template></xsl:variable>
        <span class="editio-label"><xsl:value-of select="$when"/><xsl:if test="normalize-space()">, </xsl:if></span>
      </xsl:if>
      <xsl:call-template name="register-children"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:geo" mode="register-field">
    <span class="tei-geo"><xsl:value-of select="normalize-space()"/></span>
  </xsl:template>

  <!-- A date without words: its ISO date. -->
  <xsl:template match="tei:date[not(normalize-space())]" mode="register-field">
    <xsl:variable name="datetime"><xsl:call-template name="html-datetime"/></xsl:variable>
    <xsl:variable name="shown"><xsl:call-template name="corresp-date-text"/></xsl:variable>
    <time class="tei-date editio-label">
      <xsl:if test="$datetime != ''"><xsl:attribute name="datetime"><xsl:value-of select="$datetime"/></xsl:attribute></xsl:if>
      <xsl:value-of select="$shown"/>
    </time>
  </xsl:template>

  <!-- Identifiers: "type: value", a link when the value is a web address. -->
  <xsl:template match="tei:idno" mode="register-field">
    <xsl:if test="normalize-space(@type) != ''"><span class="editio-label"><xsl:value-of select="concat(normalize-space(@type), ': ')"/></span></xsl:if>
    <xsl:call-template name="register-leaf"/>
  </xsl:template>

  <!-- Anything else: as in the text, unless it is a web address. -->
  <xsl:template match="*" mode="register-field">
    <xsl:call-template name="register-leaf"/>
  </xsl:template>

  <xsl:template name="register-leaf">
    <xsl:variable name="is-url"><xsl:call-template name="register-is-url"/></xsl:variable>
    <xsl:variable name="href"><xsl:if test="$is-url = 'yes'"><xsl:call-template name="safe-url"><xsl:with-param name="url" select="normalize-space()"/></xsl:call-template></xsl:if></xsl:variable>
    <xsl:choose>
      <xsl:when test="$href != ''"><a class="tei-{local-name()}" href="{$href}"><xsl:value-of select="normalize-space()"/></a></xsl:when>
      <xsl:when test="self::tei:idno"><span class="tei-idno"><xsl:apply-templates/></span></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
