<?xml version="1.0" encoding="UTF-8"?>
<!-- Text edition: names and dates print their words; identifications
     (@ref, @when) belong to the HTML edition and the index. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template match="tei:name | tei:persName | tei:placeName | tei:orgName | tei:geogName | tei:roleName
      | tei:forename | tei:surname | tei:addName | tei:genName | tei:nameLink | tei:rs | tei:date | tei:time
      | tei:settlement | tei:region | tei:country | tei:bloc | tei:district | tei:geogFeat | tei:offset
      | tei:street | tei:postCode | tei:postBox | tei:affiliation | tei:objectName | tei:eventName | tei:origDate | tei:origPlace">
    <xsl:apply-templates/>
  </xsl:template>
</xsl:stylesheet>
