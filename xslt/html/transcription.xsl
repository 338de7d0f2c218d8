<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition: transcription. Which alternative and which text each view
  shows is decided in common/views.xsl (shared with the text edition).
  reading:    corr/expan/reg; additions as text; deletions and surplus left out.
  diplomatic: sic/abbr/orig and the signs: [supplied], struck deletions,
              \additions/ (/below the line\, ‖in a margin‖; placed by CSS from
              class place-above|below|margin), [unclear?], [...] for gaps,
              {surplus}, [hand: name] where the hand changes.
  A documentary transcription (sourceDoc) and an epigraphic edition (Leiden
  conventions, common/leiden.xsl) show their signs in both views.
  The other alternative of a choice is given as a tooltip (title).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <xsl:template match="tei:choice">
    <span>
      <xsl:call-template name="attrs"/>
      <xsl:variable name="all"><xsl:apply-templates select="*" mode="plain-alternatives"/></xsl:variable>
      <xsl:if test="normalize-space($all) != ''"><xsl:attribute name="title"><xsl:value-of select="normalize-space($all)"/></xsl:attribute></xsl:if>
      <xsl:call-template name="choice-content"/>
    </span>
  </xsl:template>
  <xsl:template match="*" mode="plain-alternatives">
    <xsl:if test="position() &gt; 1"> | </xsl:if>
    <xsl:value-of select="local-name()"/>: <xsl:apply-templates select="." mode="plain"/>
  </xsl:template>

  <xsl:template match="tei:sic | tei:corr | tei:orig | tei:reg | tei:abbr | tei:expan | tei:ex | tei:am
      | tei:damage | tei:damaged | tei:restore | tei:subst | tei:mod | tei:retrace">
    <xsl:variable name="omitted"><xsl:call-template name="omitted-in-view"/></xsl:variable>
    <xsl:if test="$omitted != 'yes'">
      <xsl:choose>
        <xsl:when test="self::tei:ex and ($view = 'diplomatic' or $leiden-signs or ($has-sourceDoc and ancestor::tei:sourceDoc))">
          <span class="editio-sign editio-label">(</span><xsl:call-template name="inline"/><span class="editio-sign editio-label">)</span>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="inline"/></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:add">
    <xsl:variable name="signs"><xsl:call-template name="signs-shown"/></xsl:variable>
    <xsl:variable name="place"><xsl:call-template name="add-place"/></xsl:variable>
    <xsl:variable name="at" select="1 + number($place = 'below') + 2 * number($place = 'margin')"/>
    <xsl:call-template name="with-signs">
      <!-- the text edition's signs (⸌ ⸍ are missing from common fonts) -->
      <xsl:with-param name="open" select="substring('\/‖', $at, 1)"/><xsl:with-param name="close" select="substring('/\‖', $at, 1)"/>
      <xsl:with-param name="el" select="substring('span', 1, 4 * ($signs != 'yes'))"/>
      <xsl:with-param name="class" select="concat('tei-add', substring(concat(' place-', $place), 1, (8 + string-length($place)) * ($signs = 'yes' and $place != '')))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:del | tei:surplus">
    <xsl:variable name="omitted"><xsl:call-template name="omitted-in-view"/></xsl:variable>
    <xsl:if test="$omitted != 'yes'">
      <xsl:call-template name="with-signs">
        <xsl:with-param name="el" select="normalize-space(substring('del span', 1 + 4 * boolean(self::tei:surplus), 4))"/>
        <xsl:with-param name="open" select="substring('{', 1, number(boolean(self::tei:surplus)))"/>
        <xsl:with-param name="close" select="substring('}', 1, number(boolean(self::tei:surplus)))"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:supplied">
    <xsl:choose>
      <xsl:when test="$leiden-signs">
        <xsl:call-template name="with-signs">
          <xsl:with-param name="open"><xsl:call-template name="leiden-supplied-open"/></xsl:with-param>
          <xsl:with-param name="close"><xsl:call-template name="leiden-supplied-close"/></xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="with-signs"><xsl:with-param name="open" select="'['"/><xsl:with-param name="close" select="']'"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:unclear">
    <xsl:choose>
      <!-- Leiden: a dot under each letter, each dot a sign of its own (the words stay whole without them) -->
      <xsl:when test="$leiden-signs and not(*) and normalize-space()">
        <span>
          <xsl:call-template name="attrs"/>
          <xsl:call-template name="html-dot-below"><xsl:with-param name="s" select="string(.)"/></xsl:call-template>
        </span>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="with-signs"><xsl:with-param name="close" select="'(?)'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="html-dot-below">
    <xsl:param name="s"/>
    <xsl:if test="$s != ''">
      <xsl:variable name="c" select="substring($s, 1, 1)"/>
      <xsl:value-of select="$c"/>
      <xsl:if test="normalize-space($c) != ''"><span class="editio-sign editio-label" aria-hidden="true">&#x0323;</span></xsl:if>
      <xsl:call-template name="html-dot-below"><xsl:with-param name="s" select="substring($s, 2)"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The element, with its signs around it where signs are shown (common/views.xsl signs-shown). -->
  <xsl:template name="with-signs">
    <xsl:param name="open" select="''"/>
    <xsl:param name="close" select="''"/>
    <xsl:param name="el" select="'span'"/>
    <xsl:param name="class" select="concat('tei-', local-name())"/>
    <xsl:variable name="signs"><xsl:call-template name="signs-shown"/></xsl:variable>
    <xsl:if test="$signs = 'yes' and $open != ''"><span class="editio-sign editio-label" aria-hidden="true"><xsl:value-of select="$open"/></span></xsl:if>
    <xsl:call-template name="inline">
      <xsl:with-param name="el" select="concat($el, substring('ins', 1, 3 * ($el = '')))"/>
      <xsl:with-param name="class" select="$class"/>
    </xsl:call-template>
    <xsl:if test="$signs = 'yes' and $close != ''"><span class="editio-sign editio-label" aria-hidden="true"><xsl:value-of select="$close"/></span></xsl:if>
  </xsl:template>

  <!-- Diplomatic signs are text (they must survive copy and paste), in
       elements of their own so a reader's stylesheet can hide them. -->
  <xsl:template match="tei:supplied | tei:unclear | tei:add | tei:surplus" mode="html-attrs">
    <xsl:if test="@reason or @resp or @hand or @place">
      <xsl:attribute name="title"><xsl:value-of select="normalize-space(concat(@reason, ' ', @place, ' ', translate(@hand, '#', ''), ' ', translate(@resp, '#', '')))"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- The gap's description (reason, extent, desc) is its tooltip, not text:
       it describes the source, it is not part of it. -->
  <xsl:template match="tei:gap">
    <span>
      <!-- editio-label: the sign is editio's, not the source's words -->
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="'tei-gap editio-label'"/></xsl:call-template>
      <xsl:if test="@reason or @extent or @quantity or tei:desc">
        <xsl:attribute name="title"><xsl:value-of select="normalize-space(concat(@reason, ' ', @quantity, ' ', @unit, ' ', @extent, ' ', tei:desc))"/></xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$leiden-signs"><xsl:call-template name="leiden-gap"/></xsl:when>
        <xsl:otherwise><xsl:text>[…]</xsl:text></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template match="tei:space">
    <xsl:choose>
      <xsl:when test="$leiden-signs">
        <xsl:text> </xsl:text>
        <span><xsl:call-template name="attrs"><xsl:with-param name="class" select="'tei-space editio-label'"/></xsl:call-template><xsl:call-template name="leiden-space"/></span>
      </xsl:when>
      <xsl:otherwise>
        <span>
          <xsl:call-template name="attrs"/>
          <xsl:if test="$view = 'diplomatic'"><xsl:text>[ ]</xsl:text></xsl:if>
        </span>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- A change of hand: where signs are shown, [hand: its name]. -->
  <xsl:template match="tei:handShift">
    <xsl:variable name="signs"><xsl:call-template name="signs-shown"/></xsl:variable>
    <span>
      <xsl:choose>
        <xsl:when test="$signs = 'yes'">
          <xsl:call-template name="attrs"><xsl:with-param name="class" select="'tei-handShift editio-label'"/></xsl:call-template>
          <xsl:variable name="name"><xsl:call-template name="hand-name"/></xsl:variable>
          <xsl:value-of select="concat('[', $label-hand, ': ', $name, '] ')"/>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="attrs"/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>
  <xsl:variable name="label-hand"><xsl:call-template name="fast-message"><xsl:with-param name="key" select="'hand'"/></xsl:call-template></xsl:variable>

  <!-- Page furniture (running heads, page numbers, catchwords): left out of
       the reading view, except in a documentary transcription (sourceDoc). -->
  <xsl:template match="tei:fw">
    <xsl:variable name="omitted"><xsl:call-template name="omitted-in-view"/></xsl:variable>
    <xsl:if test="$omitted != 'yes'"><xsl:call-template name="inline"/></xsl:if>
  </xsl:template>

  <!-- A mark of the writer's (an insertion caret, a cross): its function as a tooltip. -->
  <xsl:template match="tei:metamark">
    <xsl:call-template name="inline"/>
  </xsl:template>
  <xsl:template match="tei:metamark" mode="html-attrs">
    <xsl:if test="@function"><xsl:attribute name="title"><xsl:value-of select="normalize-space(@function)"/></xsl:attribute></xsl:if>
  </xsl:template>
</xsl:stylesheet>
