<?xml version="1.0" encoding="UTF-8"?>
<!-- Text edition: textcrit. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">
  <!-- Placeholder until the apparatus is written: called by the text modules
       after each division (context: the division). -->
  <xsl:template name="section-apparatus"/>
</xsl:stylesheet>
