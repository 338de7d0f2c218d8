<?xml version="1.0" encoding="UTF-8"?>
<!-- Text edition: names and dates print their words (the generic inline of
     xslt/common/elements.xml, in the generated text/elements.xsl); their
     identifications (@ref, @when) belong to the HTML edition and its index. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

</xsl:stylesheet>
