<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition: names and dates. A name with a safe @ref URL is a link; a
  date with an ISO @when is <time datetime>. The index of persons, places and
  organisations groups occurrences by @ref, else by the normalized name, and
  links back to each (ids from prepare.py). Names in the alternative a view
  hides (sic when corr is shown ...) or in readings are not indexed: there is
  nothing on the page to link to. Keys cannot read $view in XSLT 1.0, so
  prepare.py gives each indexed name its key per view (see the key below).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei editio">

  <!-- Names by their index key, prefixed by view (r|... reading, d|... diplomatic):
       the values prepare.py sets (editio:index-r, editio:index-d), one key for
       both views (libxslt indexes every key of a stylesheet on each transformation). -->
  <xsl:key name="names" match="tei:persName | tei:placeName | tei:orgName"
      use="@editio:index-r | @editio:index-d"/>

  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs | tei:geogName">
    <xsl:variable name="href"><xsl:if test="@ref"><xsl:call-template name="safe-url"><xsl:with-param name="url" select="substring-before(concat(normalize-space(@ref), ' '), ' ')"/></xsl:call-template></xsl:if></xsl:variable>
    <xsl:variable name="may"><xsl:call-template name="may-link"/></xsl:variable>
    <xsl:call-template name="inline">
      <xsl:with-param name="el" select="substring('spana', 1 + 4 * boolean($href != '' and $may = 'yes'), 4)"/>
      <xsl:with-param name="class" select="concat('tei-name', substring(concat(' tei-', local-name()), 1, 100 * not(self::tei:name)))"/>
      <xsl:with-param name="href" select="substring($href, 1, string-length($href) * ($may = 'yes'))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Tokens run together in the source (<w>a</w><w>b</w>) are words apart,
       as in the text edition (common/views.xsl word-space-before). -->
  <xsl:template match="tei:w">
    <xsl:variable name="space"><xsl:call-template name="word-space-before"/></xsl:variable>
    <xsl:if test="$space = 'yes'"><xsl:text> </xsl:text></xsl:if>
    <xsl:call-template name="inline"/>
  </xsl:template>

  <!-- <time datetime> only for @when of the forms HTML accepts here
       (YYYY, YYYY-MM, YYYY-MM-DD, year 0001 or later). -->
  <xsl:template name="html-datetime">
    <xsl:param name="when" select="normalize-space(@when)"/>
    <xsl:variable name="shape" select="translate($when, '0123456789', '9999999999')"/>
    <xsl:if test="($shape = '9999' or $shape = '9999-99' or $shape = '9999-99-99')
        and substring($when, 1, 4) != '0000'
        and (string-length($when) = 4 or (number(substring($when, 6, 2)) &gt;= 1 and number(substring($when, 6, 2)) &lt;= 12))
        and (string-length($when) &lt; 10 or (number(substring($when, 9, 2)) &gt;= 1 and number(substring($when, 9, 2)) &lt;= 28)
             or (number(substring($when, 9, 2)) &lt;= 30 and number(substring($when, 6, 2)) != 2)
             or (number(substring($when, 9, 2)) = 31 and contains('-01-03-05-07-08-10-12-', concat('-', substring($when, 6, 2), '-'))))">
      <xsl:value-of select="$when"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:date | tei:time">
    <xsl:variable name="datetime"><xsl:call-template name="html-datetime"/></xsl:variable>
    <xsl:call-template name="inline">
      <xsl:with-param name="el" select="substring('spantime', 1 + 4 * boolean($datetime != ''), 4)"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:date | tei:time" mode="html-attrs">
    <xsl:variable name="datetime"><xsl:call-template name="html-datetime"/></xsl:variable>
    <xsl:if test="$datetime != ''"><xsl:attribute name="datetime"><xsl:value-of select="$datetime"/></xsl:attribute></xsl:if>
  </xsl:template>

  <!-- The index of names. -->
  <xsl:template name="name-index">
    <!-- The first of each key group, marked by prepare.py (_mark_first_names) in
         linear time. A walk per element name: self:: tests in a predicate build a
         node-set for every element, and a union (|) of large node-sets is quadratic;
         descendant::x[p], not //x[p], which libxml2 walks as child steps from every node. -->
    <xsl:variable name="persons" select="/*/tei:text/descendant::tei:persName[@editio:id][($view != 'diplomatic' and @editio:first-reading) or ($view = 'diplomatic' and @editio:first-diplomatic)]"/>
    <xsl:variable name="places" select="/*/tei:text/descendant::tei:placeName[@editio:id][($view != 'diplomatic' and @editio:first-reading) or ($view = 'diplomatic' and @editio:first-diplomatic)]"/>
    <xsl:variable name="organisations" select="/*/tei:text/descendant::tei:orgName[@editio:id][($view != 'diplomatic' and @editio:first-reading) or ($view = 'diplomatic' and @editio:first-diplomatic)]"/>
    <xsl:if test="$persons or $places or $organisations">
      <section id="editio-index" class="editio-index" aria-labelledby="editio-index-title">
        <h2 id="editio-index-title"><xsl:call-template name="message"><xsl:with-param name="key" select="'index'"/></xsl:call-template></h2>
        <xsl:call-template name="index-group"><xsl:with-param name="names" select="$persons"/><xsl:with-param name="key" select="'index.persons'"/></xsl:call-template>
        <xsl:call-template name="index-group"><xsl:with-param name="names" select="$places"/><xsl:with-param name="key" select="'index.places'"/></xsl:call-template>
        <xsl:call-template name="index-group"><xsl:with-param name="names" select="$organisations"/><xsl:with-param name="key" select="'index.organisations'"/></xsl:call-template>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template name="index-group">
    <xsl:param name="names"/>
    <xsl:param name="key"/>
    <xsl:if test="$names">
      <h3><xsl:call-template name="message"><xsl:with-param name="key" select="$key"/></xsl:call-template></h3>
      <ul class="editio-index-list">
        <xsl:for-each select="$names">
          <xsl:sort select="normalize-space(.)" lang="{$doc-lang}"/>
          <xsl:variable name="occurrences" select="key('names', @editio:index-r)[$view != 'diplomatic'] | key('names', @editio:index-d)[$view = 'diplomatic']"/>
          <xsl:variable name="label"><xsl:apply-templates select="." mode="plain"/></xsl:variable>
          <!-- only http(s) here: safe-url has already reported a refused @ref in the text -->
          <xsl:variable name="href"><xsl:if test="starts-with(normalize-space(@ref), 'http://') or starts-with(normalize-space(@ref), 'https://')"><xsl:call-template name="safe-url"><xsl:with-param name="url" select="substring-before(concat(normalize-space(@ref), ' '), ' ')"/></xsl:call-template></xsl:if></xsl:variable>
          <li>
            <xsl:call-template name="lang-attr"/>
            <xsl:choose>
              <xsl:when test="$href != ''"><a class="editio-index-name" href="{$href}"><xsl:value-of select="normalize-space($label)"/></a></xsl:when>
              <xsl:otherwise><span class="editio-index-name"><xsl:value-of select="normalize-space($label)"/></span></xsl:otherwise>
            </xsl:choose>
            <xsl:text>: </xsl:text>
            <xsl:for-each select="$occurrences">
              <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
              <a class="editio-index-occurrence" href="#{@editio:id}"><xsl:value-of select="position()"/></a>
            </xsl:for-each>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
