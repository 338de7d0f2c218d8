<?xml version="1.0" encoding="UTF-8"?>
<!--
  Where a note goes, shared by the HTML and text editions.
  `note-placement` (context: a note) returns
    foot     listed at the end of its section (TEI @place foot/bottom, or no @place);
    end      listed at the end of the text (@place end);
    margin   beside the text where it stands (@place margin*, left, right, ...);
    inline   in the running text (@place inline, display);
    comment  a comment of a transcript of speech, in parentheses where it
             stands (a note inside an utterance u, or beside utterances:
             xslt/html/speech.xsl, xslt/text/speech.xsl);
    block    where it stands, as a block: it stands between blocks (in a div,
             in back), not inside running text.
  `note-standoff-target` returns the id a note standing apart (a block note,
  or one in standOff) points to with @target="#id", when that element is in
  the text and is one that shows markers (anchor, seg, p, l, names ...): the
  note's marker goes there.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <!-- Elements by xml:id. Not id(): the loader does not make xml:id a DTD ID
       (a repeated xml:id must not refuse the document), so id() finds nothing. -->
  <xsl:key name="editio-xml-id" match="*[@xml:id]" use="@xml:id"/>

  <xsl:template name="note-placement">
    <xsl:variable name="place" select="translate(normalize-space(@place), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:choose>
      <!-- in a documentary transcription (sourceDoc) a note stands where it is, as the page has it:
           between lines a block, in a line inline -->
      <xsl:when test="$has-sourceDoc and ancestor::tei:sourceDoc">
        <xsl:value-of select="substring('inlineblock', 1 + 6 * boolean(parent::tei:zone or parent::tei:surface or parent::tei:sourceDoc
            or parent::tei:surfaceGrp), 6)"/>
      </xsl:when>
      <xsl:when test="starts-with($place, 'end')">end</xsl:when>
      <xsl:when test="starts-with($place, 'margin') or starts-with($place, 'left') or starts-with($place, 'right')
          or starts-with($place, 'top') or $place = 'intercolumn' or $place = 'opposite' or $place = 'overleaf'">margin</xsl:when>
      <xsl:when test="$place = 'inline' or $place = 'display'">inline</xsl:when>
      <xsl:when test="ancestor::tei:u or ((parent::tei:div or parent::tei:body) and ../tei:u)">comment</xsl:when>
      <xsl:when test="parent::*[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3
          or self::tei:div4 or self::tei:div5 or self::tei:div6 or self::tei:div7 or self::tei:back or self::tei:front
          or self::tei:body or self::tei:listBibl or self::tei:sp or self::tei:lg or self::tei:noteGrp
          or self::tei:listAnnotation or self::tei:standOff]">block</xsl:when>
      <xsl:otherwise>foot</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="note-standoff-target">
    <xsl:variable name="first" select="substring-before(concat(normalize-space(@target), ' '), ' ')"/>
    <xsl:if test="starts-with($first, '#') and not(ancestor::tei:p or ancestor::tei:l or ancestor::tei:ab or ancestor::tei:head)
        and key('editio-xml-id', substring($first, 2))[1][ancestor::tei:text][self::tei:anchor or self::tei:seg or self::tei:p
        or self::tei:ab or self::tei:l or self::tei:w or self::tei:head or self::tei:hi or self::tei:term or self::tei:q
        or self::tei:quote or self::tei:persName or self::tei:placeName or self::tei:orgName or self::tei:name
        or self::tei:rs or self::tei:date]">
      <xsl:value-of select="substring($first, 2)"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
