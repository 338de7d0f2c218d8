<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition: notes. Placement is decided in common/notes.xsl:
    foot    a numbered marker (<a role="doc-noteref">) where the note stands;
            the note (<aside role="doc-footnote">, with a doc-backlink to the
            marker) at the end of its division (or front/body/back);
    end     the same, the note in the Notes section after the text;
    margin  beside the text, inline; inline: in the running text;
    block   where it stands (a note in back or in a notes division); if it
            points with @target to an anchor or element of the text, its
            marker is put there and it links back to it.
  Numbers and ids come from prepare.py (editio:n, editio:id, editio:ref): no
  counting here, so 16,000 notes stay linear. Notes are found per section
  with a key, never by scanning the document.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:key name="notes-by-section" match="tei:text//tei:note[@editio:id]"
      use="generate-id(ancestor::*[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3 or self::tei:div4
        or self::tei:div5 or self::tei:div6 or self::tei:div7 or self::tei:body or self::tei:front or self::tei:back
        or self::tei:text][1])"/>
  <xsl:key name="notes-by-target" match="tei:note[@editio:id][@target]"
      use="substring-after(substring-before(concat(normalize-space(@target), ' '), ' '), '#')"/>

  <!-- Labels looked up once per page, not once per note. -->
  <xsl:variable name="label-note-marker"><xsl:call-template name="fast-message"><xsl:with-param name="key" select="'note.marker'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="label-note-backlink"><xsl:call-template name="fast-message"><xsl:with-param name="key" select="'note.backlink'"/></xsl:call-template></xsl:variable>
  <xsl:variable name="label-note-empty"><xsl:call-template name="fast-message"><xsl:with-param name="key" select="'note.empty'"/></xsl:call-template></xsl:variable>

  <xsl:template match="tei:note">
    <xsl:variable name="placement"><xsl:call-template name="note-placement"/></xsl:variable>
    <xsl:variable name="target"><xsl:call-template name="note-standoff-target"/></xsl:variable>
    <xsl:choose>
      <!-- a note inside a reading, in the edited text: its apparatus entry shows it -->
      <xsl:when test="not(@editio:id) and not($witness-mode) and (ancestor::tei:rdg or ancestor::tei:lem)"/>
      <!-- a note editio did not number (inside an apparatus entry) -->
      <xsl:when test="not(@editio:id)">
        <xsl:call-template name="inline"><xsl:with-param name="class" select="'tei-note note-inline'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$placement = 'foot' or $placement = 'end'">
        <xsl:if test="$target = ''"><xsl:call-template name="note-marker"/></xsl:if>
      </xsl:when>
      <!-- a block note with a marker elsewhere is a footnote placed here;
           without one it is simply a note in the text -->
      <xsl:when test="$placement = 'block' and $target != ''">
        <xsl:call-template name="note-body"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="note-in-place"><xsl:with-param name="placement" select="$placement"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="note-marker">
    <sup class="editio-noteref">
      <a href="#{@editio:id}" id="{@editio:ref}" role="doc-noteref">
        <span class="visually-hidden"><xsl:text> </xsl:text><xsl:value-of select="$label-note-marker"/><xsl:text> </xsl:text></span>
        <xsl:value-of select="@editio:n"/>
      </a>
    </sup>
  </xsl:template>

  <!-- Markers of the stand-off notes that point at the context element. -->
  <xsl:template name="standoff-markers">
    <xsl:if test="@xml:id">
      <xsl:variable name="here" select="string(@xml:id)"/>
      <xsl:for-each select="key('notes-by-target', $here)">
        <xsl:variable name="target"><xsl:call-template name="note-standoff-target"/></xsl:variable>
        <xsl:if test="$target = $here"><xsl:call-template name="note-marker"/></xsl:if>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- The note itself: number (a back-link when it has a marker), then its
       text, or a statement that it has none. -->
  <xsl:template name="note-body">
    <xsl:param name="backlink" select="true()"/>
    <aside role="doc-footnote">
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="concat('tei-note editio-note', substring(concat(' note-', translate(@type,
          translate(@type, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_', ''), '')), 1 div boolean(@type)))"/></xsl:call-template>
      <xsl:choose>
        <xsl:when test="$backlink">
          <a class="editio-backlink" href="#{@editio:ref}" role="doc-backlink">
            <xsl:attribute name="title"><xsl:value-of select="$label-note-backlink"/></xsl:attribute>
            <xsl:value-of select="@editio:n"/>
            <span class="visually-hidden"><xsl:text> </xsl:text><xsl:value-of select="$label-note-backlink"/></span>
          </a>
        </xsl:when>
        <xsl:otherwise><span class="editio-note-label editio-label"><xsl:value-of select="@editio:n"/></span></xsl:otherwise>
      </xsl:choose>
      <xsl:text> </xsl:text>
      <xsl:call-template name="note-content"/>
    </aside>
  </xsl:template>

  <xsl:template name="note-content">
    <xsl:variable name="empty"><xsl:call-template name="note-is-empty"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$empty = 'yes'">
        <span class="editio-note-empty">
          <xsl:if test="@xml:lang"><xsl:attribute name="lang"><xsl:call-template name="language-tag"><xsl:with-param name="lang" select="$doc-lang"/></xsl:call-template></xsl:attribute></xsl:if>
          <xsl:value-of select="$label-note-empty"/>
        </span>
      </xsl:when>
      <xsl:when test="@editio:block"><div class="editio-note-text"><xsl:apply-templates/></div></xsl:when>
      <xsl:otherwise><span class="editio-note-text"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Margin, inline and block notes stay where they are. -->
  <xsl:template name="note-in-place">
    <xsl:param name="placement"/>
    <xsl:element name="{substring('spandiv', 1 + 4 * boolean(@editio:block or $placement = 'block'), 4)}">
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="concat('tei-note note-', $placement)"/></xsl:call-template>
      <xsl:attribute name="role">note</xsl:attribute>
      <xsl:if test="$placement = 'margin' or $placement = 'block'"><span class="editio-note-label editio-label"><xsl:value-of select="@editio:n"/></span><xsl:text> </xsl:text></xsl:if>
      <xsl:if test="$placement = 'inline'"><span class="editio-sign">(</span></xsl:if>
      <xsl:call-template name="note-content"/>
      <xsl:if test="$placement = 'inline'"><span class="editio-sign">)</span></xsl:if>
    </xsl:element>
  </xsl:template>

  <!-- The foot notes of a section, at its end. -->
  <xsl:template name="section-notes">
    <xsl:variable name="notes">
      <xsl:for-each select="key('notes-by-section', generate-id())">
        <xsl:variable name="placement"><xsl:call-template name="note-placement"/></xsl:variable>
        <xsl:if test="$placement = 'foot'"><xsl:call-template name="note-body"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="string($notes) != ''">
      <div class="editio-footnotes"><xsl:copy-of select="$notes"/></div>
    </xsl:if>
  </xsl:template>

  <!-- End notes (@place end) and the notes of standOff, after the text. -->
  <xsl:template name="end-notes">
    <xsl:variable name="notes">
      <xsl:for-each select="$editio:texts/descendant::tei:note[@editio:id][starts-with(translate(@place, 'END', 'end'), 'end')]">
        <xsl:call-template name="note-body"/>
      </xsl:for-each>
      <xsl:for-each select="/*/tei:standOff/descendant::tei:note[@editio:id]">
        <xsl:variable name="target"><xsl:call-template name="note-standoff-target"/></xsl:variable>
        <xsl:call-template name="note-body"><xsl:with-param name="backlink" select="$target != ''"/></xsl:call-template>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="string($notes) != ''">
      <section id="editio-endnotes" class="editio-endnotes" aria-labelledby="editio-endnotes-title">
        <h2 id="editio-endnotes-title"><xsl:call-template name="fast-message"><xsl:with-param name="key" select="'notes'"/></xsl:call-template></h2>
        <xsl:copy-of select="$notes"/>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
