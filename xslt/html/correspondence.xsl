<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition: letters. The letter's sending and receiving (correspDesc) as
  the page part `correspondence`, shown under the title (templates/partials/
  header.html); the framing lines of a letter (dateline, salute, signed,
  address, addrLine, and the segments of a letterhead) each on a line of its
  own. Lines are separated by a space in the page's text as well as by CSS
  (display: block, templates/editio.css), so no two lines are ever read as one
  word ("Herrn Arthur SchnitzlerWien").
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <!-- The part: one line per correspAction (sent, received, ...). -->
  <xsl:template name="correspondence-part">
    <xsl:variable name="actions" select="/*/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[normalize-space() or */@when]"/>
    <xsl:if test="$actions">
      <part name="correspondence">
        <dl class="editio-correspondence">
          <xsl:for-each select="$actions">
            <div>
              <dt><xsl:call-template name="corresp-action-label"/></dt>
              <dd><xsl:call-template name="corresp-action"/></dd>
            </div>
          </xsl:for-each>
        </dl>
      </part>
    </xsl:if>
  </xsl:template>

  <!-- Who, where, when: names; places; dates, each group apart (" · "). -->
  <xsl:template name="corresp-action">
    <xsl:variable name="names" select="tei:persName | tei:orgName | tei:name | tei:rs"/>
    <xsl:variable name="places" select="tei:placeName | tei:settlement | tei:geogName | tei:address | tei:country | tei:region"/>
    <xsl:variable name="dates" select="tei:date[normalize-space() or @when or @notBefore or @notAfter or @from or @to]"/>
    <xsl:for-each select="$names">
      <xsl:if test="position() &gt; 1">; </xsl:if>
      <xsl:call-template name="corresp-name"/>
    </xsl:for-each>
    <xsl:if test="$names and ($places or $dates)"><span class="editio-sign"> · </span></xsl:if>
    <xsl:for-each select="$places">
      <xsl:if test="position() &gt; 1">; </xsl:if>
      <xsl:call-template name="corresp-name"/>
    </xsl:for-each>
    <xsl:if test="$places and $dates"><span class="editio-sign"> · </span></xsl:if>
    <xsl:for-each select="$dates">
      <xsl:if test="position() &gt; 1">; </xsl:if>
      <xsl:variable name="datetime"><xsl:call-template name="html-datetime"/></xsl:variable>
      <xsl:variable name="shown"><xsl:call-template name="corresp-date-text"/></xsl:variable>
      <xsl:choose>
        <xsl:when test="$datetime != ''"><time class="tei-date" datetime="{$datetime}"><xsl:value-of select="$shown"/></time></xsl:when>
        <xsl:otherwise><span class="tei-date"><xsl:value-of select="$shown"/></span></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- A name of the header: a link to its entry in the edition's registers
       when @ref points to one that is on the page (link-href checks). -->
  <xsl:template name="corresp-name">
    <xsl:variable name="href"><xsl:if test="starts-with(normalize-space(@ref), '#')"><xsl:call-template name="link-href"><xsl:with-param name="target" select="@ref"/></xsl:call-template></xsl:if></xsl:variable>
    <xsl:variable name="label"><xsl:apply-templates select="." mode="plain"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$href != ''"><a class="tei-{local-name()}" href="{$href}"><xsl:value-of select="normalize-space($label)"/></a></xsl:when>
      <xsl:otherwise><span class="tei-{local-name()}"><xsl:value-of select="normalize-space($label)"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The framing lines of a letter. A line that directly follows an element
       (no whitespace between them in the source) gets a space first. -->
  <xsl:template match="tei:salute | tei:signed | tei:dateline | tei:address | tei:addrLine">
    <xsl:if test="not(@editio:block) and preceding-sibling::node()[1][self::*]"><xsl:text> </xsl:text></xsl:if>
    <xsl:call-template name="inline"/>
  </xsl:template>

  <!-- The segments of a letterhead or dateline ("Dr Arthur Schnitzler" left,
       the date right) are lines too; otherwise a seg as any other. -->
  <xsl:template match="tei:dateline/tei:seg | tei:opener/tei:seg | tei:closer/tei:seg | tei:address/tei:seg
      | tei:salute/tei:seg | tei:signed/tei:seg | tei:postscript/tei:seg">
    <xsl:if test="preceding-sibling::node()[1][self::*]"><xsl:text> </xsl:text></xsl:if>
    <xsl:call-template name="phrase-or-flag"/>
  </xsl:template>
</xsl:stylesheet>
