<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text edition: registers (common/registers.xsl), as the HTML edition lays
  them out: a heading underlined with '-', then one list item per entry
  ("- " and a hanging indent): the name, then the facts in the source's
  order apart by "; " (within a fact by ", "), coordinates in parentheses,
  a birth marked "*", a death "†". Registers of standOff follow the text.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template match="tei:listPerson | tei:listPlace | tei:listOrg | tei:back//tei:listBibl | tei:standOff//tei:listBibl">
    <xsl:call-template name="block-break"/>
    <xsl:value-of select="concat($HEADING, '-')"/>
    <xsl:value-of select="$HANG"/>
    <xsl:choose>
      <xsl:when test="tei:head"><xsl:apply-templates select="tei:head[1]/node()"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="key"><xsl:call-template name="register-heading-key"/></xsl:variable>
        <xsl:call-template name="label">
          <xsl:with-param name="text"><xsl:call-template name="message"><xsl:with-param name="key" select="$key"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>&#10;</xsl:text>
    <xsl:apply-templates select="*[not(self::tei:head)]" mode="register"/>
    <xsl:call-template name="block-break"/>
  </xsl:template>

  <xsl:template name="standoff-registers">
    <xsl:apply-templates select="/*/tei:standOff/tei:listPerson | /*/tei:standOff/tei:listPlace
        | /*/tei:standOff/tei:listOrg | /*/tei:standOff/tei:listBibl"/>
  </xsl:template>

  <xsl:template match="*" mode="register">
    <xsl:text>&#10;</xsl:text>
    <xsl:call-template name="register-indent"/>
    <xsl:text>- </xsl:text>
    <xsl:value-of select="$HANG"/>
    <xsl:call-template name="register-entry"/>
  </xsl:template>
  <xsl:template match="tei:listPerson | tei:listPlace | tei:listOrg | tei:listBibl | tei:listEvent | tei:listObject" mode="register">
    <xsl:if test="tei:head">
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="register-indent"/>
      <xsl:value-of select="$HANG"/>
      <xsl:apply-templates select="tei:head[1]/node()"/>
    </xsl:if>
    <xsl:apply-templates select="*[not(self::tei:head)]" mode="register"/>
  </xsl:template>
  <xsl:template match="tei:relation | tei:listRelation | tei:relationGrp" mode="register"/>
  <xsl:template match="tei:note | tei:p | tei:ab" mode="register">
    <xsl:text>&#10;</xsl:text>
    <xsl:call-template name="register-indent"/>
    <xsl:value-of select="$HANG"/>
    <xsl:apply-templates/>
  </xsl:template>

  <!-- 2 columns per enclosing list inside the register. -->
  <xsl:template name="register-indent">
    <xsl:value-of select="substring($SPACES, 1, 2 * (count(ancestor::tei:listPerson | ancestor::tei:listPlace | ancestor::tei:listOrg
        | ancestor::tei:listBibl | ancestor::tei:listEvent | ancestor::tei:listObject) - 1))"/>
  </xsl:template>

  <xsl:template name="register-entry">
    <xsl:variable name="first" select="*[1][self::tei:persName or self::tei:placeName or self::tei:orgName or self::tei:name
        or self::tei:title or self::tei:label or self::tei:eventName or self::tei:objectName or self::tei:term or self::tei:persona]
        [not(preceding-sibling::text()[normalize-space()])]"/>
    <xsl:for-each select="$first"><xsl:call-template name="register-name-text"/></xsl:for-each>
    <xsl:for-each select="node()[count(. | $first) != count($first)][self::text()[normalize-space()]
        or self::*[normalize-space() or @when or @notBefore or @notAfter or @from or @to]]">
      <xsl:if test="self::* and (position() &gt; 1 or $first) and not(preceding-sibling::node()[1][self::text()[normalize-space()]])">
        <xsl:variable name="coordinates"><xsl:call-template name="register-is-coordinates"/></xsl:variable>
        <xsl:value-of select="substring('; ', 1 + ($coordinates = 'yes'))"/>
      </xsl:if>
      <xsl:apply-templates select="." mode="register-field"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="register-children">
    <xsl:param name="sep" select="', '"/>
    <xsl:for-each select="node()[self::text()[normalize-space()] or self::*[normalize-space() or @when or @notBefore or @notAfter or @from or @to]]">
      <xsl:if test="self::* and position() &gt; 1 and not(preceding-sibling::node()[1][self::text()[normalize-space()]])">
        <xsl:variable name="coordinates"><xsl:call-template name="register-is-coordinates"/></xsl:variable>
        <xsl:value-of select="substring(concat($sep, ' '), 1 + (string-length($sep) * ($coordinates = 'yes')))"/>
      </xsl:if>
      <xsl:apply-templates select="." mode="register-field"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="text()" mode="register-field"><xsl:apply-templates select="."/></xsl:template>

  <xsl:template match="tei:birth | tei:death | tei:floruit | tei:residence | tei:location | tei:event | tei:state | tei:trait
      | tei:affiliation | tei:education | tei:occupation | tei:faith | tei:nationality | tei:socecStatus | tei:langKnowledge
      | tei:age | tei:sex | tei:settlement | tei:country | tei:region | tei:district | tei:bloc | tei:geogName | tei:author
      | tei:editor | tei:publisher | tei:pubPlace | tei:biblScope | tei:citedRange | tei:edition | tei:extent | tei:imprint
      | tei:series | tei:monogr | tei:analytic | tei:respStmt | tei:resp | tei:desc | tei:offset | tei:population | tei:climate
      | tei:terrain | tei:persona | tei:gender" mode="register-field">
    <xsl:if test="self::tei:birth or self::tei:death or self::tei:floruit">
      <xsl:call-template name="label">
        <xsl:with-param name="text" select="concat(substring('*', 1, number(boolean(self::tei:birth))),
            substring('&#x2020;', 1, number(boolean(self::tei:death))), substring('fl.', 1, 3 * boolean(self::tei:floruit)))"/>
      </xsl:call-template>
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:if test="(@when or @notBefore or @from or @notAfter or @to) and not(tei:date) and not(text()[normalize-space()])">
      <xsl:variable name="when"><xsl:call-template name="corresp-date-text"><xsl:with-param name="attributes-only" select="true()"/></xsl:call-template></xsl:variable>
      <xsl:call-template name="label"><xsl:with-param name="text" select="$when"/></xsl:call-template>
      <xsl:if test="normalize-space()">, </xsl:if>
    </xsl:if>
    <xsl:call-template name="register-children"/>
  </xsl:template>

  <xsl:template match="tei:geo" mode="register-field">
    <xsl:call-template name="label"><xsl:with-param name="text" select="'('"/></xsl:call-template>
    <xsl:value-of select="normalize-space()"/>
    <xsl:call-template name="label"><xsl:with-param name="text" select="')'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:date[not(normalize-space())]" mode="register-field">
    <xsl:variable name="shown"><xsl:call-template name="corresp-date-text"/></xsl:variable>
    <xsl:call-template name="label"><xsl:with-param name="text" select="$shown"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:idno" mode="register-field">
    <xsl:if test="normalize-space(@type) != ''">
      <xsl:call-template name="label"><xsl:with-param name="text" select="concat(normalize-space(@type), ':')"/></xsl:call-template>
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="*" mode="register-field">
    <xsl:apply-templates select="."/>
  </xsl:template>
</xsl:stylesheet>
