<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition, core: the result frame (<edition lang dir><title/><meta/>
  <part name="titlepage|sigla|body">), text nodes, phrase-level elements,
  transcription signs as the reading view shows them, and the fallback for
  elements no module handles (content kept, element reported).
  TeX is written as elements (see latex.xsl); text is escaped by
  src/editio/render/latex.py, never here.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    xmlns:eg="http://www.tei-c.org/ns/Examples"
    exclude-result-prefixes="tei editio eg">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="tei:choice tei:subst tei:TEI tei:text tei:front tei:body tei:back tei:group
      tei:div tei:div1 tei:div2 tei:div3 tei:div4 tei:div5 tei:div6 tei:div7 tei:lg tei:sp tei:list tei:table tei:row"/>

  <!-- The main font of the document (one with the scripts of the text: DejaVu Serif has Greek and Latin). -->
  <xsl:param name="latex-font" select="'DejaVu Serif'"/>

  <xsl:template match="/">
    <edition lang="{$doc-lang}">
      <xsl:attribute name="dir"><xsl:call-template name="direction"/></xsl:attribute>
      <title><xsl:apply-templates select="/*/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1]" mode="plain"/></title>
      <meta name="latex-font" content="{$latex-font}"/>
      <part name="titlepage"><xsl:apply-templates select="/*/tei:teiHeader" mode="titlepage"/></part>
      <part name="sigla"><xsl:call-template name="latex-sigla"/></part>
      <part name="body"><xsl:apply-templates select="/*/tei:text"/></part>
    </edition>
  </xsl:template>

  <xsl:template match="*" mode="plain"><xsl:apply-templates mode="plain"/></xsl:template>
  <xsl:template match="tei:note" mode="plain"/>
  <xsl:template match="text()" mode="plain"><xsl:value-of select="."/></xsl:template>

  <!-- Text as it is; latex.py collapses whitespace and escapes. -->
  <xsl:template match="text()">
    <xsl:choose>
      <xsl:when test="$witness-mode and (../@editio:hide or preceding-sibling::*[1]/@editio:hide-after)">
        <xsl:variable name="hidden"><xsl:call-template name="text-hidden-for-witness"/></xsl:variable>
        <xsl:if test="$hidden != 'yes'"><xsl:value-of select="."/></xsl:if>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:teiHeader | tei:listApp | tei:facsimile | tei:standOff | tei:interpGrp"/>

  <!-- A command with one argument: the element's content. -->
  <xsl:template name="command">
    <xsl:param name="name"/>
    <c n="{$name}"><a><xsl:apply-templates/></a></c>
  </xsl:template>

  <xsl:template match="tei:hi">
    <xsl:variable name="rend" select="concat(' ', translate(@rend, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), ' ')"/>
    <xsl:choose>
      <xsl:when test="contains($rend, 'bold') or contains($rend, ' b ')"><xsl:call-template name="command"><xsl:with-param name="name" select="'textbf'"/></xsl:call-template></xsl:when>
      <xsl:when test="contains($rend, 'sup')"><xsl:call-template name="command"><xsl:with-param name="name" select="'textsuperscript'"/></xsl:call-template></xsl:when>
      <xsl:when test="contains($rend, 'sub')"><xsl:call-template name="command"><xsl:with-param name="name" select="'textsubscript'"/></xsl:call-template></xsl:when>
      <xsl:when test="contains($rend, 'smallcaps') or contains($rend, 'small-caps') or contains($rend, ' sc ')"><xsl:call-template name="command"><xsl:with-param name="name" select="'textsc'"/></xsl:call-template></xsl:when>
      <xsl:when test="contains($rend, 'underline')"><xsl:call-template name="command"><xsl:with-param name="name" select="'underline'"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="command"><xsl:with-param name="name" select="'textit'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:emph | tei:foreign | tei:title | tei:term | tei:mentioned | tei:soCalled">
    <xsl:call-template name="command"><xsl:with-param name="name" select="'textit'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:q | tei:quote[not(@editio:block)] | tei:said">
    <!-- (the spaces of the source just inside the quotation are not printed) -->
    <xsl:text>“</xsl:text><c n="ignorespaces"/><xsl:apply-templates/><c n="unskip"/><xsl:text>”</xsl:text>
  </xsl:template>

  <!-- Transcription, as the reading view shows it (common/views.xsl); gaps and supplied text with their signs. -->
  <xsl:template match="tei:choice"><xsl:call-template name="choice-content"/></xsl:template>
  <xsl:template match="tei:del | tei:surplus | tei:fw | tei:am">
    <xsl:variable name="omitted"><xsl:call-template name="omitted-in-view"/></xsl:variable>
    <xsl:if test="$omitted != 'yes'"><xsl:apply-templates/></xsl:if>
  </xsl:template>
  <xsl:template match="tei:gap"><xsl:text>[…]</xsl:text></xsl:template>
  <xsl:template match="tei:supplied"><xsl:text>[</xsl:text><xsl:apply-templates/><xsl:text>]</xsl:text></xsl:template>
  <xsl:template match="tei:lb | tei:pb | tei:cb | tei:milestone">
    <xsl:variable name="joins"><xsl:call-template name="break-joins"/></xsl:variable>
    <xsl:if test="$joins != 'yes'"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="tei:w | tei:pc">
    <xsl:variable name="space"><xsl:call-template name="word-space-before"/></xsl:variable>
    <xsl:if test="$space = 'yes'"><xsl:text> </xsl:text></xsl:if>
    <xsl:apply-templates/>
  </xsl:template>
  <!-- A pointer to a note cites its number (the note's own is bold in the notes); others print nothing. -->
  <xsl:template match="tei:ptr">
    <xsl:variable name="note" select="key('editio-xml-id', substring(substring-before(concat(normalize-space(@target), ' '), ' '), 2))[1][self::tei:note][@editio:n]"/>
    <xsl:if test="starts-with(normalize-space(@target), '#') and $note"><c n="textsuperscript"><a><xsl:value-of select="$note/@editio:n"/></a></c></xsl:if>
  </xsl:template>
  <xsl:template match="tei:graphic | tei:media | tei:binaryObject | tei:divGen | tei:anchor | tei:caesura"/>
  <xsl:template match="tei:figDesc"><xsl:text>[</xsl:text><xsl:apply-templates/><xsl:text>]</xsl:text></xsl:template>

  <!-- Elements whose words are simply the text: names, dates, segments, pointers with text ... -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs | tei:date | tei:time | tei:seg
      | tei:ref | tei:num | tei:measure | tei:add | tei:unclear | tei:corr | tei:sic | tei:reg | tei:orig | tei:abbr
      | tei:expan | tei:ex | tei:c | tei:s | tei:cit | tei:bibl | tei:span | tei:geogName | tei:roleName | tei:forename
      | tei:surname | tei:addName | tei:idno | tei:gloss | tei:distinct | tei:code | tei:ident | tei:gi | tei:att | tei:val | tei:tag
      | tei:settlement | tei:region | tei:country | tei:district | tei:bloc | tei:district | tei:place | tei:person | tei:org
      | tei:occupation | tei:roleName | tei:role | tei:roleDesc | tei:castItem | tei:addrLine | tei:address | tei:street
      | tei:postCode | tei:subst | tei:restore | tei:mod | tei:retrace | tei:handShift | tei:damage | tei:space
      | tei:entry | tei:form | tei:orth | tei:pron | tei:gram | tei:gramGrp | tei:sense | tei:def | tei:lbl | tei:usage
      | tei:etym | tei:xr | tei:re | tei:usg | tei:lang | tei:birth | tei:death | tei:sex | tei:hyph | tei:syll | tei:stress | tei:u | tei:incident | tei:kinesic | tei:vocal
      | tei:desc | tei:formula | tei:email | tei:affiliation | tei:nameLink | tei:genName | tei:objectName | tei:material
      | tei:origDate | tei:origPlace | tei:locus | tei:dim | tei:height | tei:width | tei:depth | tei:author | tei:editor
      | tei:publisher | tei:pubPlace | tei:biblScope | tei:citedRange | tei:imprint | tei:series | tei:edition | tei:respStmt | tei:resp">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Apparatus of the encoding, not words of the text: nothing in print. -->
  <xsl:template match="tei:link | tei:linkGrp | tei:join | tei:joinGrp | tei:index | tei:attRef | tei:specGrpRef | tei:geo
      | tei:location | tei:relation | tei:listRelation | tei:certainty | tei:precision | tei:respons | tei:fs | tei:f
      | tei:alt | tei:altGrp | tei:timeline | tei:when | tei:metamark | tei:zone | tei:surface | tei:sourceDoc"/>

  <!-- Markup examples of TEI documentation (egXML): their words. -->
  <xsl:template match="eg:egXML | tei:egXML"><xsl:value-of select="normalize-space(.)"/></xsl:template>

  <!-- Unknown TEI (or foreign) elements: content kept, element reported. -->
  <xsl:template match="*">
    <xsl:call-template name="report-unhandled"/>
    <xsl:apply-templates/>
  </xsl:template>
</xsl:stylesheet>
