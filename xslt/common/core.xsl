<?xml version="1.0" encoding="UTF-8"?>
<!--
  Format-neutral logic shared by the HTML and text editions: languages,
  labels from the message catalogue, ids and numbers (set by editio's
  prepare pass as editio:id / editio:n / editio:level), and the report of
  elements no module handles.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:variable name="catalogue" select="document('../i18n/messages.xml')/messages"/>
  <xsl:variable name="user-catalogue" select="document($messages)/messages[$messages != '']"/>

  <!-- The document's language: text, else TEI root, else the parameter. -->
  <xsl:variable name="doc-lang">
    <xsl:choose>
      <xsl:when test="/*/tei:text/@xml:lang"><xsl:value-of select="/*/tei:text/@xml:lang"/></xsl:when>
      <xsl:when test="/*/@xml:lang"><xsl:value-of select="/*/@xml:lang"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$default-lang"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- Right-to-left scripts, by primary language subtag. -->
  <xsl:template name="direction">
    <xsl:param name="lang" select="$doc-lang"/>
    <xsl:variable name="primary" select="substring-before(concat($lang, '-'), '-')"/>
    <xsl:choose>
      <xsl:when test="contains(' ar arc fa he syc syr ur yi ps dv ug ckb ', concat(' ', $primary, ' '))">rtl</xsl:when>
      <xsl:otherwise>ltr</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A label from the catalogue: user's first, then editio's; the language,
       then its primary subtag, then English, then the key itself. -->
  <xsl:template name="message">
    <xsl:param name="key"/>
    <xsl:param name="lang" select="$doc-lang"/>
    <xsl:variable name="primary" select="substring-before(concat($lang, '-'), '-')"/>
    <xsl:choose>
      <!-- editio's catalogue as a string, when the user has none (common/messages.xsl) -->
      <xsl:when test="$catalogue-table != '' and not($user-catalogue)">
        <xsl:call-template name="table-message">
          <xsl:with-param name="key" select="$key"/>
          <xsl:with-param name="l" select="translate($lang, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
          <xsl:with-param name="primary" select="translate($primary, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="document-message"><xsl:with-param name="key" select="$key"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="document-message">
    <xsl:param name="key"/>
    <xsl:param name="lang"/>
    <xsl:variable name="primary" select="substring-before(concat($lang, '-'), '-')"/>
    <!-- each catalogue is scanned once for the key, not once per language tried -->
    <xsl:variable name="user-all" select="$user-catalogue/message[@key = $key]"/>
    <xsl:variable name="ours-all" select="$catalogue/message[@key = $key]"/>
    <xsl:variable name="found" select="($user-all[lang($lang)] | $user-all[lang($primary)])[1]"/>
    <xsl:variable name="ours" select="($ours-all[lang($lang)] | $ours-all[lang($primary)])[1]"/>
    <xsl:choose>
      <xsl:when test="$found"><xsl:value-of select="$found"/></xsl:when>
      <xsl:when test="$ours"><xsl:value-of select="$ours"/></xsl:when>
      <xsl:when test="$user-all[lang('en')]">
        <xsl:value-of select="$user-all[lang('en')]"/>
      </xsl:when>
      <xsl:when test="$ours-all[lang('en')]">
        <xsl:value-of select="$ours-all[lang('en')]"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$key"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The text editio gives a ptr (it has none of its own): the number of
       the note it points to, else the target's heading, else the address.
       Both editions print it as generated text (HTML class editio-label,
       a label in the text edition). -->
  <xsl:template name="ptr-text">
    <xsl:variable name="target" select="key('editio-xml-id', substring(substring-before(concat(normalize-space(@target), ' '), ' '), 2))[1]"/>
    <xsl:choose>
      <xsl:when test="starts-with(@target, '#') and $target/@editio:n"><xsl:value-of select="$target/@editio:n"/></xsl:when>
      <xsl:when test="starts-with(@target, '#') and $target/tei:head"><xsl:apply-templates select="$target/tei:head[1]" mode="plain"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(@target)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Report an element no module renders; its content is still rendered. -->
  <xsl:template name="report-unhandled">
    <xsl:message>editio:unhandled|<xsl:value-of select="editio:line(.)"/>|element &lt;<xsl:value-of select="name()"/>&gt; is not rendered by editio's stylesheets; its text is kept</xsl:message>
  </xsl:template>

  <!-- A note without text: empty, or only a gap saying the source has none. -->
  <xsl:template name="note-is-empty">
    <xsl:if test="not(normalize-space(.)) or (count(*) = 1 and tei:gap and not(normalize-space(text())))">yes</xsl:if>
  </xsl:template>
</xsl:stylesheet>
