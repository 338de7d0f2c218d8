<?xml version="1.0" encoding="UTF-8"?>
<!--
  Print edition: the text between \beginnumbering and \endnumbering (the page
  template), in reledmac's paragraphs: every block that holds no other block
  (prepare's editio:block) is one \pstart ... \pend, so reledmac numbers all
  lines of the text; blocks holding blocks (divisions, line groups, lists,
  tables) are their blocks. Headings are bold (larger for top-level
  divisions); verse lines are not indented; list items get a dash, table
  cells stand one a paragraph. Words standing between blocks get a paragraph
  of their own (nothing outside \pstart in numbered text).
  Notes of the edition (foot, end and margin notes) are reledmac's second
  series, \Bfootnote, keyed to the line as the apparatus (series A) is;
  inline notes stay in the text in parentheses; a note standing between
  blocks is a small paragraph there.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    xmlns:eg="http://www.tei-c.org/ns/Examples"
    exclude-result-prefixes="tei editio eg">

  <xsl:template match="tei:text | tei:group | tei:front | tei:body | tei:back | tei:div | tei:div1 | tei:div2
      | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7 | tei:lg | tei:list | tei:table | tei:row | tei:sp
      | tei:figure | tei:floatingText | tei:titlePage | tei:docTitle | tei:opener | tei:closer | tei:listBibl
      | tei:castList | tei:castGroup | tei:listPerson | tei:listPlace | tei:listOrg | tei:listEvent | tei:listNym | tei:superEntry">
    <xsl:call-template name="blocks"/>
  </xsl:template>

  <!-- A block: its own paragraph if it holds no block, else its blocks. -->
  <xsl:template match="tei:p | tei:ab | tei:l | tei:item | tei:cell | tei:head | tei:trailer | tei:byline | tei:docAuthor
      | tei:docImprint | tei:docDate | tei:docEdition | tei:titlePart | tei:salute | tei:signed | tei:dateline
      | tei:speaker | tei:stage | tei:label | tei:argument | tei:epigraph | tei:postscript">
    <xsl:choose>
      <xsl:when test="*[@editio:block]"><xsl:call-template name="blocks"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="paragraph"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The blocks of a container: a block holding blocks is its blocks, any
       other block a paragraph; stray words between them a paragraph each. -->
  <xsl:template name="blocks">
    <xsl:for-each select="node()">
      <xsl:choose>
        <xsl:when test="self::tei:note or self::tei:teiHeader or self::tei:listApp or self::*[@editio:block][*[@editio:block]]"><xsl:apply-templates select="."/></xsl:when>
        <xsl:when test="self::*[@editio:block]"><xsl:call-template name="paragraph"/></xsl:when>
        <xsl:when test="self::text()[normalize-space()] or self::*[normalize-space()]">
          <c n="pstart"/><c n="leavevmode"/><xsl:apply-templates select="."/><c n="pend"/><nl/>
        </xsl:when>
        <xsl:when test="self::*"><xsl:apply-templates select="."/></xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- (a block without words is left out: reledmac refuses an empty paragraph) -->
  <xsl:template name="paragraph">
    <xsl:if test="descendant::text()[normalize-space()][not(ancestor::tei:listApp or ancestor::tei:note)] or descendant::tei:gap">
    <c n="pstart"/>
    <xsl:choose>
      <xsl:when test="self::tei:head">
        <c n="noindent"/>
        <g>
          <xsl:choose>
            <xsl:when test="../@editio:level = 1 or parent::tei:body or parent::tei:front or parent::tei:back"><c n="large"/></xsl:when>
            <xsl:otherwise><c n="normalsize"/></xsl:otherwise>
          </xsl:choose>
          <c n="bfseries"/><xsl:text> </xsl:text>
          <xsl:apply-templates/>
        </g>
      </xsl:when>
      <xsl:when test="self::tei:l or self::tei:speaker or self::tei:label or self::tei:cell or self::tei:titlePart">
        <c n="noindent"/><xsl:text> </xsl:text><xsl:apply-templates/>
      </xsl:when>
      <xsl:when test="self::tei:item">
        <c n="noindent"/><xsl:text> – </xsl:text><xsl:apply-templates/>
      </xsl:when>
      <xsl:when test="self::eg:egXML or self::tei:egXML"><c n="leavevmode"/><c n="small"/><xsl:text> </xsl:text><xsl:apply-templates select="."/></xsl:when>
      <xsl:when test="self::tei:stage"><c n="leavevmode"/><c n="textit"><a><xsl:apply-templates/></a></c></xsl:when>
      <!-- (\leavevmode: the paragraph starts even if its first words are in an apparatus entry) -->
      <xsl:otherwise><c n="leavevmode"/><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
    <c n="pend"/><nl/>
    </xsl:if>
  </xsl:template>

  <!-- Notes (placement: common/notes.xsl). A note inside a reading belongs to its apparatus entry. -->
  <xsl:template match="tei:note">
    <xsl:variable name="placement"><xsl:call-template name="note-placement"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="ancestor::tei:rdg or ancestor::tei:lem or ancestor::tei:app"/>
      <xsl:when test="$placement = 'inline'"><xsl:text> (</xsl:text><xsl:apply-templates mode="note-text"/><xsl:text>)</xsl:text></xsl:when>
      <xsl:when test="$placement = 'block'">
        <c n="pstart"/><c n="noindent"/><c n="small"/><xsl:text> </xsl:text>
        <xsl:if test="@editio:n"><xsl:value-of select="concat('[', @editio:n, '] ')"/></xsl:if>
        <xsl:apply-templates mode="note-text"/>
        <c n="pend"/><nl/>
      </xsl:when>
      <xsl:otherwise>
        <c n="edtext"><a/><a><c n="Bfootnote"><o>nosep</o><a>
          <xsl:if test="@editio:n"><c n="textbf"><a><xsl:value-of select="@editio:n"/></a></c><xsl:text> </xsl:text></xsl:if>
          <xsl:apply-templates mode="note-text"/>
        </a></c></a></c>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Inside a note: its words, its blocks run together (a footnote holds no \pstart). -->
  <xsl:template match="*" mode="note-text">
    <xsl:if test="@editio:block and preceding-sibling::*"><xsl:text> </xsl:text></xsl:if>
    <xsl:apply-templates select="."/>
  </xsl:template>
  <xsl:template match="tei:p | tei:ab | tei:l | tei:item | tei:head | tei:lg | tei:list | tei:quote" mode="note-text">
    <xsl:if test="preceding-sibling::*"><xsl:text> </xsl:text></xsl:if>
    <xsl:apply-templates mode="note-text"/>
  </xsl:template>
  <xsl:template match="tei:note" mode="note-text"><xsl:text> (</xsl:text><xsl:apply-templates mode="note-text"/><xsl:text>)</xsl:text></xsl:template>
  <xsl:template match="text()" mode="note-text"><xsl:value-of select="."/></xsl:template>
</xsl:stylesheet>
