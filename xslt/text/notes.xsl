<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text edition: notes and editorial flags.
  A note leaves its marker [n] where it is anchored (n is editio:n, set by
  editio's prepare pass: the note's @n, else its number within its type);
  its text follows the body under the heading "notes" of the document's
  language, one note a paragraph, `[n] text`.
  Flags (xslt/common/flags.xsl): `claim[label]`; a flag on a span marks the
  span too: `⸢words⸣[label]`.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    xmlns:set="http://exslt.org/sets"
    exclude-result-prefixes="tei editio set">

  <!-- Placement (xslt/common/notes.xsl): inline notes are read where they
       stand, block notes (between blocks, no anchor) are a paragraph there;
       all others leave a marker and are listed after the text. -->
  <xsl:template match="tei:note">
    <xsl:variable name="placement"><xsl:call-template name="note-placement"/></xsl:variable>
    <xsl:choose>
      <!-- in parentheses, as in the HTML edition: the note is not part of the word before it -->
      <xsl:when test="$placement = 'inline'"><xsl:text>(</xsl:text><xsl:apply-templates/><xsl:text>)</xsl:text></xsl:when>
      <!-- a block where it stands, with its number as the HTML edition shows it -->
      <xsl:when test="$placement = 'block'">
        <xsl:call-template name="block-break"/>
        <xsl:call-template name="indent"/>
        <xsl:call-template name="note-marker"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="$HANG"/>
        <xsl:apply-templates/>
        <xsl:call-template name="block-break"/>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="note-marker"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="note-marker">
    <xsl:if test="@editio:n">
      <xsl:call-template name="label"><xsl:with-param name="text" select="concat('[', @editio:n, ']')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Notes are numbered per type (prepare.py), so each type has its own
       list: the first type met under the heading "notes", the others under
       "notes (type)". One pass, grouped with a key. -->
  <xsl:key name="notes-by-type" match="tei:text//tei:note[@editio:n][not(@place = 'inline' or @place = 'display')]
      [@target or not(parent::tei:div or parent::tei:div1 or parent::tei:div2 or parent::tei:div3 or parent::tei:div4
      or parent::tei:div5 or parent::tei:div6 or parent::tei:div7 or parent::tei:back or parent::tei:front
      or parent::tei:body or parent::tei:listBibl or parent::tei:sp or parent::tei:lg)][not(ancestor::tei:u)]" use="string(@type)"/>

  <xsl:template name="notes-section">
    <!-- (the text, or the texts of a corpus's members: common/corpus.xsl) -->
    <xsl:variable name="notes" select="$editio:texts/descendant::tei:note[@editio:n]"/>
    <!-- One representative per type: the distinct @type values (EXSLT, hashed)
         and one untyped note. Testing every note against key(...)[1] was
         quadratic (each key() call copies its whole group): 16,000 notes took
         4.6 times as long as 8,000. The lists come in the document order of
         their first note, counted once per type. -->
    <xsl:variable name="types" select="set:distinct($notes/@type[. != ''])
        | $notes[not(@type) or @type = ''][1]"/>
    <!-- (notes read in place are not in the key, so they start no list) -->
    <xsl:for-each select="$types[key('notes-by-type', string(self::*/@type | self::node()[not(self::*)]))]">
      <xsl:sort data-type="number" select="count(key('notes-by-type', string(self::*/@type | self::node()[not(self::*)]))[1]/preceding::tei:note
          | key('notes-by-type', string(self::*/@type | self::node()[not(self::*)]))[1]/ancestor::tei:note)"/>
      <xsl:variable name="first" select="key('notes-by-type', string(self::*/@type | self::node()[not(self::*)]))[1]"/>
      <xsl:value-of select="concat('&#10;&#10;', $HEADING, '=')"/>
      <xsl:call-template name="message"><xsl:with-param name="key" select="'notes'"/></xsl:call-template>
      <xsl:if test="position() > 1 and $first/@type"><xsl:value-of select="concat(' (', $first/@type, ')')"/></xsl:if>
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates select="key('notes-by-type', string($first/@type))" mode="note-body"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:note" mode="note-body">
    <xsl:variable name="empty"><xsl:call-template name="note-is-empty"/></xsl:variable>
    <xsl:text>&#10;</xsl:text>
    <xsl:call-template name="label"><xsl:with-param name="text" select="concat('[', @editio:n, ']')"/></xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:value-of select="$HANG"/>
    <xsl:choose>
      <xsl:when test="$empty = 'yes'">
        <xsl:call-template name="label">
          <xsl:with-param name="text"><xsl:call-template name="fast-message"><xsl:with-param name="key" select="'note.empty'"/></xsl:call-template></xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:seg | tei:span" name="seg-or-flag">
    <xsl:variable name="key"><xsl:call-template name="editorial-flag"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$key = ''"><xsl:apply-templates/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="span"><xsl:call-template name="flag-marks-span"><xsl:with-param name="key" select="$key"/></xsl:call-template></xsl:variable>
        <xsl:variable name="label"><xsl:call-template name="fast-message"><xsl:with-param name="key" select="$key"/></xsl:call-template></xsl:variable>
        <xsl:if test="$span = 'yes'"><xsl:call-template name="label"><xsl:with-param name="text" select="'&#x2E22;'"/></xsl:call-template></xsl:if>
        <xsl:apply-templates/>
        <xsl:call-template name="label">
          <xsl:with-param name="text" select="concat(substring('&#x2E23;', 1, string-length($span) div 3), '[', $label, ']')"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
