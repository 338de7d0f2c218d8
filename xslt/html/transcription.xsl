<?xml version="1.0" encoding="UTF-8"?>
<!-- HTML edition: transcription. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">
</xsl:stylesheet>
