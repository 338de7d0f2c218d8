<?xml version="1.0" encoding="UTF-8"?>
<!-- HTML edition: the members of a teiCorpus (common/corpus.xsl), each an
     article under its title. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:template name="corpus-members">
    <xsl:call-template name="corpus-report"/>
    <xsl:apply-templates select="/tei:teiCorpus/tei:TEI | /tei:teiCorpus/tei:teiCorpus" mode="corpus"/>
  </xsl:template>

  <xsl:template match="tei:TEI | tei:teiCorpus" mode="corpus">
    <article>
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="'editio-corpus-member'"/></xsl:call-template>
      <h2 class="editio-corpus-title"><xsl:call-template name="member-title"/></h2>
      <xsl:apply-templates select="tei:text"/>
      <xsl:apply-templates select="tei:TEI | tei:teiCorpus" mode="corpus"/>
    </article>
  </xsl:template>
</xsl:stylesheet>
