<?xml version="1.0" encoding="UTF-8"?>
<!-- Text edition: the members of a teiCorpus (common/corpus.xsl), each under
     its title underlined with '='. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:template name="corpus-members">
    <xsl:call-template name="corpus-report"/>
    <xsl:apply-templates select="/tei:teiCorpus/tei:TEI | /tei:teiCorpus/tei:teiCorpus" mode="corpus"/>
  </xsl:template>

  <xsl:template match="tei:TEI | tei:teiCorpus" mode="corpus">
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:value-of select="concat($HEADING, '=')"/>
    <xsl:value-of select="$HANG"/>
    <xsl:call-template name="member-title"/>
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:apply-templates select="tei:text"/>
    <xsl:apply-templates select="tei:TEI | tei:teiCorpus" mode="corpus"/>
  </xsl:template>
</xsl:stylesheet>
