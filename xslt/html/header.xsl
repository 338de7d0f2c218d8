<?xml version="1.0" encoding="UTF-8"?>
<!-- HTML edition: the metadata section, from the teiHeader (mode metadata). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:template match="tei:teiHeader" mode="metadata">
    <dl class="metadata">
      <dt>Title</dt><dd><xsl:apply-templates select="tei:fileDesc/tei:titleStmt/tei:title[1]" mode="plain"/></dd>
    </dl>
  </xsl:template>
</xsl:stylesheet>
