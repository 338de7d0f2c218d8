<?xml version="1.0" encoding="UTF-8"?>
<!--
  Text edition: MathML as a readable linear formula, SVG as a bracketed
  label. The linear form is editio's writing of the formula (one label, like
  a sign: not part of the reading text that the editions compare):
    tokens (mi, mn, mtext) as they are; operators (mo) spaced when they
    relate or join terms (x = a + b), not when they are prefixes (−b), commas
    followed by a space, invisible operators (U+2061-2064) dropped;
    msup a^b, msub a_b, msubsup a_b^c, munder/mover/munderover likewise;
    mfrac (a)/(b); msqrt √(a); mroot √[n](a); mfenced and mtable with their
    brackets; a part of more than one token in parentheses.
  "x = (−b ± √(b^2 − 4ac))/(2a)", not "x=−b±b2−4ac2a".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:m="http://www.w3.org/1998/Math/MathML"
    xmlns:svg="http://www.w3.org/2000/svg"
    exclude-result-prefixes="tei m svg">

  <!-- Operators written with spaces around them. -->
  <xsl:variable name="math-spaced" select="'=+−-±∓×÷·∙*&lt;&gt;≤≥≠≈≡∼≃≅∝→←↔⇒⇐⇔∈∉⊂⊃⊆⊇∪∩∧∨'"/>

  <xsl:template match="m:math">
    <xsl:variable name="linear"><xsl:apply-templates select="." mode="math"/></xsl:variable>
    <xsl:call-template name="label"><xsl:with-param name="text" select="normalize-space($linear)"/></xsl:call-template>
  </xsl:template>
  <!-- MathML outside a math element (a fragment): the same. -->
  <xsl:template match="m:*">
    <xsl:variable name="linear"><xsl:apply-templates select="." mode="math"/></xsl:variable>
    <xsl:call-template name="label"><xsl:with-param name="text" select="normalize-space($linear)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="*" mode="math"><xsl:apply-templates select="*" mode="math"/></xsl:template>
  <xsl:template match="m:mi | m:mn | m:mtext | m:ms | m:mglyph" mode="math">
    <xsl:value-of select="normalize-space()"/>
  </xsl:template>
  <xsl:template match="m:mo" mode="math">
    <xsl:variable name="o" select="translate(normalize-space(), '&#x2061;&#x2062;&#x2063;&#x2064;', '')"/>
    <xsl:choose>
      <xsl:when test="$o = ''"/>
      <xsl:when test="$o = ',' or $o = ';'"><xsl:value-of select="concat($o, ' ')"/></xsl:when>
      <xsl:when test="string-length($o) = 1 and contains($math-spaced, $o) and not(@form = 'prefix') and preceding-sibling::*">
        <xsl:value-of select="concat(' ', $o, ' ')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$o"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="m:mspace" mode="math"><xsl:text> </xsl:text></xsl:template>
  <!-- invisible, or other notations of the same formula -->
  <xsl:template match="m:mphantom | m:annotation | m:annotation-xml | m:none | m:mprescripts" mode="math"/>
  <xsl:template match="m:semantics | m:maction" mode="math"><xsl:apply-templates select="*[1]" mode="math"/></xsl:template>

  <!-- A part: as it is if one token, else in parentheses. -->
  <xsl:template name="math-part">
    <xsl:param name="node" select="."/>
    <xsl:variable name="p"><xsl:apply-templates select="$node" mode="math"/></xsl:variable>
    <xsl:variable name="s" select="normalize-space($p)"/>
    <xsl:choose>
      <xsl:when test="string-length($s) &lt;= 1 or ($node[self::m:mi or self::m:mn or self::m:mtext or self::m:mfenced or self::m:msqrt])
          or translate($s, '0123456789.', '') = ''"><xsl:value-of select="$s"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('(', $s, ')')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="m:msup | m:mover" mode="math">
    <xsl:call-template name="math-part"><xsl:with-param name="node" select="*[1]"/></xsl:call-template>
    <xsl:text>^</xsl:text>
    <xsl:call-template name="math-part"><xsl:with-param name="node" select="*[2]"/></xsl:call-template>
    <xsl:call-template name="math-after-operator"/>
  </xsl:template>
  <xsl:template match="m:msub | m:munder" mode="math">
    <xsl:call-template name="math-part"><xsl:with-param name="node" select="*[1]"/></xsl:call-template>
    <xsl:text>_</xsl:text>
    <xsl:call-template name="math-part"><xsl:with-param name="node" select="*[2]"/></xsl:call-template>
    <xsl:call-template name="math-after-operator"/>
  </xsl:template>
  <xsl:template match="m:msubsup | m:munderover" mode="math">
    <xsl:call-template name="math-part"><xsl:with-param name="node" select="*[1]"/></xsl:call-template>
    <xsl:text>_</xsl:text>
    <xsl:call-template name="math-part"><xsl:with-param name="node" select="*[2]"/></xsl:call-template>
    <xsl:text>^</xsl:text>
    <xsl:call-template name="math-part"><xsl:with-param name="node" select="*[3]"/></xsl:call-template>
    <xsl:call-template name="math-after-operator"/>
  </xsl:template>
  <!-- A large operator with limits (∑_(i = 1)^n) is apart from what it sums. -->
  <xsl:template name="math-after-operator">
    <xsl:if test="(self::m:munderover or self::m:munder or self::m:mover) and *[1][self::m:mo] and following-sibling::*"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="m:mfrac" mode="math">
    <xsl:call-template name="math-part"><xsl:with-param name="node" select="*[1]"/></xsl:call-template>
    <xsl:text>/</xsl:text>
    <xsl:call-template name="math-part"><xsl:with-param name="node" select="*[2]"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="m:msqrt" mode="math">
    <xsl:variable name="p"><xsl:apply-templates select="*" mode="math"/></xsl:variable>
    <xsl:value-of select="concat('&#x221A;(', normalize-space($p), ')')"/>
  </xsl:template>
  <xsl:template match="m:mroot" mode="math">
    <xsl:variable name="base"><xsl:apply-templates select="*[1]" mode="math"/></xsl:variable>
    <xsl:variable name="index"><xsl:apply-templates select="*[2]" mode="math"/></xsl:variable>
    <xsl:value-of select="concat('&#x221A;[', normalize-space($index), '](', normalize-space($base), ')')"/>
  </xsl:template>
  <xsl:template match="m:mfenced" mode="math">
    <xsl:value-of select="concat(substring('(', 1, number(not(@open))), @open)"/>
    <xsl:for-each select="*">
      <xsl:if test="position() &gt; 1"><xsl:value-of select="concat(substring(',', 1, number(not(../@separators))), substring(normalize-space(../@separators), 1, 1), ' ')"/></xsl:if>
      <xsl:apply-templates select="." mode="math"/>
    </xsl:for-each>
    <xsl:value-of select="concat(substring(')', 1, number(not(@close))), @close)"/>
  </xsl:template>
  <xsl:template match="m:mtable" mode="math">
    <!-- (brackets of its own unless a fence gives them) -->
    <xsl:if test="not(parent::m:mfenced)"><xsl:text>[</xsl:text></xsl:if>
    <xsl:for-each select="m:mtr | m:mlabeledtr">
      <xsl:if test="position() &gt; 1">; </xsl:if>
      <xsl:for-each select="m:mtd">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:apply-templates select="." mode="math"/>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:if test="not(parent::m:mfenced)"><xsl:text>]</xsl:text></xsl:if>
  </xsl:template>

  <!-- SVG: its title (or "image") as a label; text drawn in it follows. -->
  <xsl:template match="svg:svg">
    <xsl:variable name="title" select="normalize-space(svg:title)"/>
    <xsl:variable name="image"><xsl:call-template name="message"><xsl:with-param name="key" select="'image'"/></xsl:call-template></xsl:variable>
    <xsl:variable name="words">
      <xsl:for-each select=".//svg:text[normalize-space()] | .//svg:foreignObject[normalize-space()]"><xsl:value-of select="concat(' ', normalize-space())"/></xsl:for-each>
    </xsl:variable>
    <xsl:call-template name="label">
      <xsl:with-param name="text" select="concat('[', $image, substring(': ', 1, 2 * ($title != '' or $words != '')), $title,
          substring(' (', 1, 2 * ($title != '' and $words != '')), normalize-space($words), substring(')', 1, number($title != '' and $words != '')), ']')"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="svg:*"><xsl:apply-templates/></xsl:template>
</xsl:stylesheet>
