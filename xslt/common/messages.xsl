<?xml version="1.0" encoding="UTF-8"?>
<!--
  `fast-message`: the same answer as core.xsl's `message`, found with a key instead
  of a scan of the catalogue. A page asks for a label per note marker, per
  back-link, per flag: with 16,000 notes the scans dominated the whole
  transformation. Order: the user's catalogue, then editio's; the language,
  then its primary subtag; then English; then the key itself.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:key name="editio-message" match="message" use="concat(@key, '|', translate(@xml:lang,
      'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'))"/>

  <xsl:template name="fast-message">
    <xsl:param name="key"/>
    <xsl:param name="lang" select="$doc-lang"/>
    <xsl:variable name="l" select="translate($lang, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:variable name="primary" select="substring-before(concat($l, '-'), '-')"/>
    <xsl:choose>
      <xsl:when test="$catalogue-table != '' and not($user-catalogue)">
        <xsl:call-template name="table-message">
          <xsl:with-param name="key" select="$key"/><xsl:with-param name="l" select="$l"/><xsl:with-param name="primary" select="$primary"/>
        </xsl:call-template>
      </xsl:when>
      <!-- a user catalogue, or a catalogue the table cannot hold: the documents, by key -->
      <xsl:otherwise><xsl:call-template name="fast-message-from-documents">
        <xsl:with-param name="key" select="$key"/><xsl:with-param name="l" select="$l"/><xsl:with-param name="primary" select="$primary"/>
      </xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The same lookups in the catalogue table (src/editio/catalogue.py:
       SEP lang SEP key=text ..., SEP = U+E010): it holds only catalogues in
       which these string searches answer as the lookups in the document do. -->
  <xsl:template name="table-message">
    <xsl:param name="key"/>
    <xsl:param name="l"/>
    <xsl:param name="primary"/>
    <!-- One search per language tried: what follows the entry is never empty
         (every text is, and a separator ends the table). -->
    <xsl:variable name="exact" select="substring-after($catalogue-table, concat($CATALOGUE_SEPARATOR, $l, $CATALOGUE_SEPARATOR, $key, '='))"/>
    <xsl:choose>
      <xsl:when test="$exact != ''"><xsl:value-of select="substring-before($exact, $CATALOGUE_SEPARATOR)"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="general" select="substring-after($catalogue-table, concat($CATALOGUE_SEPARATOR, $primary, $CATALOGUE_SEPARATOR, $key, '='))"/>
        <xsl:choose>
          <xsl:when test="$general != ''"><xsl:value-of select="substring-before($general, $CATALOGUE_SEPARATOR)"/></xsl:when>
          <xsl:otherwise>
            <xsl:variable name="english" select="substring-after($catalogue-table, concat($CATALOGUE_SEPARATOR, 'en', $CATALOGUE_SEPARATOR, $key, '='))"/>
            <xsl:value-of select="substring-before($english, $CATALOGUE_SEPARATOR)"/>
            <xsl:if test="$english = ''"><xsl:value-of select="$key"/></xsl:if>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="fast-message-from-documents">
    <xsl:param name="key"/>
    <xsl:param name="l"/>
    <xsl:param name="primary"/>
    <xsl:variable name="user">
      <xsl:for-each select="$user-catalogue">
        <xsl:value-of select="(key('editio-message', concat($key, '|', $l)) | key('editio-message', concat($key, '|', $primary)))[1]"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="ours">
      <xsl:for-each select="$catalogue">
        <xsl:value-of select="(key('editio-message', concat($key, '|', $l)) | key('editio-message', concat($key, '|', $primary)))[1]"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="user-en"><xsl:for-each select="$user-catalogue"><xsl:value-of select="key('editio-message', concat($key, '|en'))[1]"/></xsl:for-each></xsl:variable>
    <xsl:variable name="ours-en"><xsl:for-each select="$catalogue"><xsl:value-of select="key('editio-message', concat($key, '|en'))[1]"/></xsl:for-each></xsl:variable>
    <xsl:choose>
      <xsl:when test="$user != ''"><xsl:value-of select="$user"/></xsl:when>
      <xsl:when test="$ours != ''"><xsl:value-of select="$ours"/></xsl:when>
      <xsl:when test="$user-en != ''"><xsl:value-of select="$user-en"/></xsl:when>
      <xsl:when test="$ours-en != ''"><xsl:value-of select="$ours-en"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$key"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
