<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition: divisions, headings, paragraphs, lists, tables, figures,
  quotations, bibliography, openers and closers, milestones, links, the table
  of contents. Ids come from prepare.py (editio:id): every division, paragraph
  and citable block has one.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:eg="http://www.tei-c.org/ns/Examples"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio eg">

  <xsl:template match="tei:front | tei:body | tei:back">
    <div>
      <xsl:call-template name="attrs"/>
      <xsl:apply-templates/>
      <xsl:call-template name="section-notes"/>
      <xsl:call-template name="section-apparatus"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7">
    <section>
      <xsl:call-template name="attrs">
        <xsl:with-param name="class" select="concat('tei-div', substring(concat(' div-', translate(@type,
            translate(@type, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_', ''), '')), 1 div boolean(@type)))"/>
      </xsl:call-template>
      <!-- an untitled EpiDoc division is titled by its type (common/leiden.xsl) -->
      <xsl:if test="$leiden-signs and @type">
        <xsl:variable name="title"><xsl:call-template name="division-title"/></xsl:variable>
        <xsl:if test="$title != ''">
          <xsl:element name="h{substring('2345666666', @editio:level, 1)}">
            <xsl:attribute name="class">editio-label editio-division-title</xsl:attribute>
            <xsl:value-of select="$title"/>
          </xsl:element>
        </xsl:if>
      </xsl:if>
      <xsl:variable name="sub" select="(tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7)[1]"/>
      <xsl:choose>
        <!-- a critical edition: the apparatus of the division's own text (its
             title, say) follows that text, before the first subdivision -->
        <xsl:when test="$sub and @editio:sect and not($witness-mode)">
          <xsl:apply-templates select="$sub/preceding-sibling::node()"/>
          <xsl:call-template name="section-apparatus"/>
          <xsl:apply-templates select="$sub | $sub/following-sibling::node()"/>
          <xsl:call-template name="section-notes"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates/>
          <xsl:call-template name="section-notes"/>
          <!-- the critical apparatus of this division (html/textcrit.xsl) -->
          <xsl:call-template name="section-apparatus"/>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- h1 is the document title; a division's head is h2 below as many
       headed divisions as enclose it, at most h6 (no level is skipped). -->
  <xsl:template match="tei:head">
    <xsl:variable name="depth" select="count(ancestor::*[@editio:level][tei:head])"/>
    <xsl:choose>
      <xsl:when test="parent::*[@editio:level] and not(*[@editio:block])">
        <xsl:element name="h{substring('2345666666', $depth, 1)}">
          <xsl:call-template name="attrs"/>
          <xsl:apply-templates/>
          <xsl:call-template name="standoff-markers"/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="block"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A paragraph holding blocks (a list, a quoted poem) cannot be an HTML <p>. -->
  <xsl:template match="tei:p">
    <xsl:call-template name="block">
      <xsl:with-param name="el" select="normalize-space(substring('p  div', 1 + 3 * boolean(*[@editio:block]), 3))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:ab | tei:floatingText | tei:opener | tei:closer | tei:argument | tei:epigraph
      | tei:trailer | tei:postscript | tei:titlePage | tei:docTitle | tei:titlePart | tei:byline | tei:docAuthor
      | tei:docImprint | tei:docEdition | tei:docDate">
    <xsl:call-template name="block"/>
  </xsl:template>

  <!-- salute, signed, dateline, address, addrLine: html/correspondence.xsl -->

  <!-- A generated division (divGen): editio generates only the page-level
       table of contents and index; nothing to render here. -->
  <xsl:template match="tei:divGen"/>

  <!-- Lists: label + item pairs (gloss lists) become dl, other lists ul/ol;
       anything else between items (pb, milestone) becomes an item of its own. -->
  <xsl:template match="tei:list">
    <div>
      <xsl:call-template name="attrs"/>
      <xsl:apply-templates select="tei:head"/>
      <xsl:choose>
        <xsl:when test="tei:label">
          <dl><xsl:apply-templates select="*[not(self::tei:head)]" mode="gloss"/></dl>
        </xsl:when>
        <xsl:otherwise>
          <xsl:element name="{substring('ulol', 1 + 2 * boolean(contains(concat(@type, @rend), 'order')
              or contains(concat(@type, @rend), 'number')), 2)}">
            <xsl:apply-templates select="*[not(self::tei:head)]" mode="list"/>
          </xsl:element>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <xsl:template match="tei:item" mode="list">
    <li><xsl:call-template name="attrs"/><xsl:apply-templates/></li>
  </xsl:template>
  <xsl:template match="*" mode="list">
    <li class="editio-list-extra"><xsl:apply-templates select="."/></li>
  </xsl:template>

  <xsl:template match="tei:label" mode="gloss">
    <dt><xsl:call-template name="attrs"/><xsl:apply-templates/></dt>
  </xsl:template>
  <xsl:template match="tei:item" mode="gloss">
    <xsl:if test="not(preceding-sibling::*[1][self::tei:label or self::tei:item])"><dt class="editio-list-extra"></dt></xsl:if>
    <dd><xsl:call-template name="attrs"/><xsl:apply-templates/></dd>
  </xsl:template>
  <xsl:template match="*" mode="gloss">
    <dt class="editio-list-extra"><xsl:apply-templates select="."/></dt>
    <dd class="editio-list-extra"></dd>
  </xsl:template>

  <!-- A label outside a gloss list, an item outside a list. -->
  <xsl:template match="tei:label | tei:item">
    <xsl:call-template name="inline"/>
  </xsl:template>

  <xsl:template match="tei:listBibl">
    <div>
      <xsl:call-template name="attrs"/>
      <xsl:apply-templates select="tei:head"/>
      <ul><xsl:apply-templates select="*[not(self::tei:head)]" mode="list"/></ul>
    </div>
  </xsl:template>
  <xsl:template match="tei:bibl | tei:biblStruct" mode="list">
    <li><xsl:call-template name="inline"/></li>
  </xsl:template>
  <xsl:template match="tei:bibl | tei:biblStruct">
    <xsl:call-template name="inline"/>
  </xsl:template>

  <!-- Tables. -->
  <xsl:template match="tei:table">
    <div class="editio-table-wrap">
      <table>
        <xsl:call-template name="attrs"/>
        <xsl:if test="tei:head">
          <caption><xsl:apply-templates select="tei:head/node()"/></caption>
        </xsl:if>
        <tbody><xsl:apply-templates select="*[not(self::tei:head)]" mode="table"/></tbody>
      </table>
    </div>
  </xsl:template>
  <xsl:template match="tei:row" mode="table">
    <tr><xsl:call-template name="attrs"/><xsl:apply-templates select="*" mode="row"/></tr>
  </xsl:template>
  <xsl:template match="*" mode="table">
    <tr class="editio-table-extra"><td><xsl:apply-templates select="."/></td></tr>
  </xsl:template>
  <xsl:template match="tei:cell" mode="row">
    <xsl:element name="{substring('tdth', 1 + 2 * boolean(@role = 'label' or ../@role = 'label'), 2)}">
      <xsl:call-template name="attrs"/>
      <xsl:if test="number(@cols) &gt; 1 and number(@cols) &lt; 1000"><xsl:attribute name="colspan"><xsl:value-of select="number(@cols)"/></xsl:attribute></xsl:if>
      <xsl:if test="number(@rows) &gt; 1 and number(@rows) &lt; 1000"><xsl:attribute name="rowspan"><xsl:value-of select="number(@rows)"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="*" mode="row">
    <td class="editio-table-extra"><xsl:apply-templates select="."/></td>
  </xsl:template>
  <xsl:template match="tei:row | tei:cell">
    <xsl:call-template name="block"/>
  </xsl:template>

  <!-- Figures: an image only from a safe, local URL (the page makes no
       request to another host); a remote one becomes a link. -->
  <xsl:template match="tei:figure">
    <figure>
      <xsl:call-template name="attrs"/>
      <!-- a leading head is the caption; other heads stay where they are (reading order) -->
      <xsl:choose>
        <xsl:when test="*[1][self::tei:head]">
          <figcaption><xsl:apply-templates select="tei:head[1]/node()"/></figcaption>
          <xsl:apply-templates select="node()[not(self::tei:head)] | tei:head[position() &gt; 1]"/>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </figure>
  </xsl:template>

  <xsl:template match="tei:graphic | tei:media">
    <!-- safe-resource, not safe-url: a file the page loads must stay inside the edition (issue 8). -->
    <xsl:variable name="url"><xsl:call-template name="safe-resource"><xsl:with-param name="url" select="@url"/></xsl:call-template></xsl:variable>
    <xsl:variable name="alt">
      <xsl:choose>
        <xsl:when test="tei:desc"><xsl:value-of select="normalize-space(tei:desc)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space(../tei:figDesc)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="label">
      <xsl:choose>
        <xsl:when test="$alt != ''"><xsl:value-of select="$alt"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="message"><xsl:with-param name="key" select="'image'"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$url = ''">
        <!-- (generated words: a label, as the text edition, which has none, agrees) -->
        <span class="tei-graphic editio-missing editio-label">[<xsl:value-of select="$label"/>]</span>
      </xsl:when>
      <!-- a remote image would be a request to another host: a link instead -->
      <xsl:when test="contains($url, ':') or starts-with($url, '//') or self::tei:media">
        <!-- (a label of editio's when the source describes nothing: not the text's words) -->
        <a class="tei-graphic{substring(' editio-label', 1, 13 * ($alt = ''))}" href="{$url}"><xsl:value-of select="$label"/></a>
      </xsl:when>
      <xsl:otherwise>
        <img src="{$url}" alt="{$alt}"><xsl:call-template name="id-attr"/></img>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The description of a figure is the alt text of its image; shown only
       when there is no image. -->
  <xsl:template match="tei:figDesc">
    <xsl:if test="not(../tei:graphic)"><xsl:call-template name="inline"/></xsl:if>
  </xsl:template>

  <!-- Quotations. -->
  <xsl:template match="tei:q | tei:said | tei:soCalled">
    <xsl:call-template name="inline"><xsl:with-param name="el" select="'q'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:quote">
    <xsl:choose>
      <xsl:when test="@editio:block"><xsl:call-template name="block"><xsl:with-param name="el" select="'blockquote'"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="inline"><xsl:with-param name="el" select="'q'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:cit">
    <xsl:call-template name="inline"/>
  </xsl:template>

  <!-- Milestones. A break that falls between words keeps a space; one
       inside a word (break="no") joins. Page numbers are shown by CSS from
       data-label, so they never split a word in the page's text. -->
  <xsl:template match="tei:lb">
    <xsl:variable name="joins"><xsl:call-template name="break-joins"/></xsl:variable>
    <xsl:variable name="opens"><xsl:call-template name="opens-block"/></xsl:variable>
    <xsl:choose>
      <!-- an inscription goes line by line (common/leiden.xsl): the new line, the
           hyphen of a broken word and every fifth line's number come from CSS
           (the page's text keeps the word whole) -->
      <xsl:when test="$leiden-signs">
        <xsl:variable name="n"><xsl:call-template name="leiden-line-number"/></xsl:variable>
        <span class="tei-lb editio-lb{substring(' editio-lb-first', 1, 16 * ($opens = 'yes'))}{substring(' editio-lb-hyphen', 1, 17 * ($joins = 'yes' and $view != 'diplomatic'))}">
          <xsl:call-template name="id-attr"/>
          <xsl:if test="$n != ''"><xsl:attribute name="data-n"><xsl:value-of select="$n"/></xsl:attribute></xsl:if>
        </span>
      </xsl:when>
      <!-- a break that opens its block (a speech's first line) makes no empty line: an anchor for its id -->
      <xsl:when test="$opens = 'yes'">
        <xsl:if test="@xml:id"><span><xsl:call-template name="id-attr"/></span></xsl:if>
      </xsl:when>
      <xsl:when test="$joins != 'yes' or $view = 'diplomatic'">
        <br><xsl:call-template name="id-attr"/></br>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- A milestone marks a point of a reference system (a line number of
       another edition, a section): its id is kept for links, its unit and
       number are not printed. -->
  <xsl:template match="tei:milestone">
    <xsl:variable name="joins"><xsl:call-template name="break-joins"/></xsl:variable>
    <xsl:if test="$joins != 'yes'"><xsl:text> </xsl:text></xsl:if>
    <span><xsl:call-template name="attrs"/></span>
  </xsl:template>

  <xsl:template match="tei:pb | tei:cb">
    <xsl:variable name="joins"><xsl:call-template name="break-joins"/></xsl:variable>
    <xsl:if test="$joins != 'yes'"><xsl:text> </xsl:text></xsl:if>
    <span>
      <xsl:call-template name="attrs"/>
      <xsl:if test="@n">
        <xsl:variable name="label" select="concat(substring(concat(@unit, ' '), 1, string-length(@unit) + 1 * boolean(@unit)), @n)"/>
        <xsl:attribute name="data-label"><xsl:value-of select="$label"/></xsl:attribute>
        <xsl:attribute name="title"><xsl:value-of select="$label"/></xsl:attribute>
      </xsl:if>
    </span>
  </xsl:template>

  <!-- Links: every URL passes safe-url; a fragment only if its target is rendered. -->
  <xsl:template name="link-href">
    <xsl:param name="target" select="@target"/>
    <xsl:variable name="first" select="substring-before(concat(normalize-space($target), ' '), ' ')"/>
    <xsl:choose>
      <xsl:when test="starts-with($first, '#')">
        <xsl:if test="key('editio-xml-id', substring($first, 2))[ancestor::tei:text or ancestor::tei:standOff]"><xsl:value-of select="$first"/></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="safe-url"><xsl:with-param name="url" select="$first"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:ref">
    <xsl:variable name="href"><xsl:call-template name="link-href"/></xsl:variable>
    <xsl:variable name="may"><xsl:call-template name="may-link"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$href != '' and $may = 'yes'">
        <xsl:call-template name="inline"><xsl:with-param name="el" select="'a'"/><xsl:with-param name="href" select="$href"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:ptr" name="ptr">
    <xsl:variable name="note" select="key('editio-xml-id', substring(substring-before(concat(normalize-space(@target), ' '), ' '), 2))[1][self::tei:note][@editio:id]"/>
    <xsl:choose>
      <!-- a pointer to a note is a reference to it, as the note's own marker is -->
      <xsl:when test="starts-with(normalize-space(@target), '#') and $note">
        <xsl:variable name="may"><xsl:call-template name="may-link"/></xsl:variable>
        <sup class="editio-noteref tei-ptr">
          <xsl:choose>
            <xsl:when test="$may = 'yes'"><a href="#{$note/@editio:id}" role="doc-noteref"><span class="visually-hidden"><xsl:value-of select="concat(' ', $label-note-marker, ' ')"/></span><xsl:value-of select="$note/@editio:n"/></a></xsl:when>
            <xsl:otherwise><xsl:value-of select="$note/@editio:n"/></xsl:otherwise>
          </xsl:choose>
        </sup>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="ptr-link"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ptr-link">
    <xsl:variable name="href"><xsl:call-template name="link-href"/></xsl:variable>
    <xsl:variable name="may"><xsl:call-template name="may-link"/></xsl:variable>
    <xsl:variable name="label"><xsl:call-template name="ptr-text"/></xsl:variable>
    <xsl:choose>
      <!-- the link text is generated (editio-label), not the source's words -->
      <xsl:when test="$href != '' and $may = 'yes'">
        <a href="{$href}"><xsl:call-template name="attrs"><xsl:with-param name="class" select="'tei-ptr editio-label'"/></xsl:call-template><xsl:value-of select="normalize-space($label)"/></a>
      </xsl:when>
      <xsl:otherwise><span><xsl:call-template name="attrs"><xsl:with-param name="class" select="'tei-ptr editio-label'"/></xsl:call-template><xsl:value-of select="normalize-space($label)"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Markup examples of TEI documentation (egXML): shown as markup, as the
       text edition shows them (same names, attributes and text). -->
  <xsl:template match="eg:egXML | tei:egXML">
    <pre>
      <xsl:call-template name="attrs"><xsl:with-param name="class" select="'tei-egXML'"/></xsl:call-template>
      <code><xsl:apply-templates mode="example"/></code>
    </pre>
  </xsl:template>
  <xsl:template match="*" mode="example">
    <xsl:value-of select="concat('&lt;', local-name())"/>
    <xsl:for-each select="@*"><xsl:value-of select="concat(' ', local-name(), '=&quot;', ., '&quot;')"/></xsl:for-each>
    <xsl:choose>
      <xsl:when test="node()">&gt;<xsl:apply-templates mode="example"/><xsl:value-of select="concat('&lt;/', local-name(), '&gt;')"/></xsl:when>
      <xsl:otherwise>/&gt;</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:anchor">
    <span>
      <xsl:call-template name="attrs"/>
      <xsl:call-template name="standoff-markers"/>
    </span>
  </xsl:template>

  <!-- Table of contents: headed divisions; a division without a head lends
       its place to its headed subdivisions. -->
  <xsl:template name="toc">
    <xsl:variable name="entries">
      <xsl:apply-templates select="/*/tei:text" mode="toc"/>
    </xsl:variable>
    <xsl:if test="/*/tei:text/descendant::tei:head[parent::*[@editio:level]]">
      <nav id="editio-toc" class="editio-toc" aria-labelledby="editio-toc-title">
        <h2 id="editio-toc-title"><xsl:call-template name="message"><xsl:with-param name="key" select="'contents'"/></xsl:call-template></h2>
        <ol><xsl:copy-of select="$entries"/></ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="toc">
    <xsl:apply-templates select="*[not(self::tei:teiHeader)]" mode="toc"/>
  </xsl:template>
  <xsl:template match="tei:p | tei:ab | tei:lg | tei:sp | tei:note | tei:list | tei:table | tei:head | tei:app | tei:figure" mode="toc"/>
  <!-- (the divisions by name: a predicate on * makes libxslt walk the preceding
       siblings of every element it tests, quadratic in a body of many paragraphs) -->
  <xsl:template match="tei:div[@editio:level] | tei:div1[@editio:level] | tei:div2[@editio:level]
      | tei:div3[@editio:level] | tei:div4[@editio:level] | tei:div5[@editio:level] | tei:div6[@editio:level]
      | tei:div7[@editio:level]" mode="toc">
    <xsl:choose>
      <xsl:when test="tei:head">
        <li>
          <xsl:variable name="title"><xsl:apply-templates select="tei:head[1]" mode="plain"/></xsl:variable>
          <a href="#{@editio:id}"><xsl:value-of select="normalize-space($title)"/><xsl:if test="not(normalize-space($title))"><xsl:value-of select="@editio:id"/></xsl:if></a>
          <!-- a headed division inside this one: found among the heads (a name
               test), not by testing an attribute on every element below -->
          <xsl:if test="descendant::tei:head[parent::*[@editio:level]][generate-id(..) != generate-id(current())]">
            <ol><xsl:apply-templates select="*" mode="toc"/></ol>
          </xsl:if>
        </li>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="*" mode="toc"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
