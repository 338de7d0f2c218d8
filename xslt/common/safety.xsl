<?xml version="1.0" encoding="UTF-8"?>
<!--
  Safety of published pages. Every value taken from the source into an HTML
  attribute goes through one of these templates:

  - `safe-url`      links (@target, @ref, @url, @facs ...): the URL, or '' when
                    its scheme is not harmless (javascript:, vbscript:, data: ...);
  - `safe-resource` images and other files the page loads (graphic/@url): a
                    relative path that stays inside the document's folder, or
                    an http(s) URL; never an absolute path or a file: URL;
  - `safe-style`    @style: only declarations from a small list of properties,
                    with values that cannot load anything or escape;
  - `safe-class`    @rend: class tokens (`rend-italic`), letters/digits/-/_ only.

  A value refused is reported (xsl:message editio:unsafe-*) and left out; the
  element's text is never affected. Text and attribute values themselves are
  escaped by the serializer, not here.

  The URL rules follow how browsers read a URL (WHATWG URL standard): tabs and
  newlines anywhere are removed and leading/trailing spaces ignored, so
  "java&#9;script:" is "javascript:"; a scheme is a letter followed by
  letters, digits, + . - before the first ':'. Anything else before the first
  ':' makes the URL relative (harmless). Character references are already
  resolved by the XML parser; percent-escapes cannot form a scheme.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="editio">

  <xsl:variable name="editio:upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="editio:lower" select="'abcdefghijklmnopqrstuvwxyz'"/>
  <xsl:variable name="editio:scheme-chars" select="'abcdefghijklmnopqrstuvwxyz0123456789+.-'"/>
  <!-- Schemes a published link may use. -->
  <xsl:variable name="editio:safe-schemes" select="' http https mailto ftp tel urn doi hdl '"/>

  <!-- The URL as a browser reads it: tabs/newlines removed, spaces trimmed. -->
  <xsl:template name="editio:clean-url">
    <xsl:param name="url"/>
    <xsl:variable name="no-tabs" select="translate($url, '&#9;&#10;&#13;', '')"/>
    <xsl:call-template name="editio:trim">
      <xsl:with-param name="s" select="$no-tabs"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="editio:trim">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="starts-with($s, ' ')">
        <xsl:call-template name="editio:trim"><xsl:with-param name="s" select="substring($s, 2)"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="substring($s, string-length($s)) = ' '">
        <xsl:call-template name="editio:trim"><xsl:with-param name="s" select="substring($s, 1, string-length($s) - 1)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The URL's scheme in lower case, or '' when the URL is relative. -->
  <xsl:template name="editio:scheme">
    <xsl:param name="url"/>
    <xsl:variable name="candidate" select="translate(substring-before($url, ':'), $editio:upper, $editio:lower)"/>
    <xsl:if test="$candidate != '' and translate(substring($candidate, 1, 1), $editio:lower, '') = ''
                  and translate($candidate, $editio:scheme-chars, '') = ''">
      <xsl:value-of select="$candidate"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="editio:report-unsafe">
    <xsl:param name="what"/>
    <xsl:param name="value"/>
    <xsl:message>editio:unsafe-<xsl:value-of select="$what"/>|<xsl:value-of select="editio:line(.)"/>|<xsl:value-of select="$what"/> '<xsl:value-of select="substring(translate($value, '&#9;&#10;&#13;', '   '), 1, 80)"/>' left out of the page: it could run a script or reach outside the edition</xsl:message>
  </xsl:template>

  <!-- A link target: the URL if relative or of a harmless scheme, else ''. -->
  <xsl:template name="safe-url">
    <xsl:param name="url"/>
    <xsl:variable name="u">
      <xsl:call-template name="editio:clean-url"><xsl:with-param name="url" select="$url"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="scheme">
      <xsl:call-template name="editio:scheme"><xsl:with-param name="url" select="$u"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$u = ''"/>
      <xsl:when test="$scheme = '' or contains($editio:safe-schemes, concat(' ', $scheme, ' '))">
        <xsl:value-of select="$u"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="editio:report-unsafe">
          <xsl:with-param name="what">url</xsl:with-param>
          <xsl:with-param name="value" select="$url"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A file the page loads (graphic/@url, media): an http(s) URL, or a
       relative path that never climbs above the document's folder. -->
  <xsl:template name="safe-resource">
    <xsl:param name="url"/>
    <xsl:variable name="u">
      <xsl:call-template name="editio:clean-url"><xsl:with-param name="url" select="$url"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="scheme">
      <xsl:call-template name="editio:scheme"><xsl:with-param name="url" select="$u"/></xsl:call-template>
    </xsl:variable>
    <!-- Browsers read '\' as '/' and %2e as '.' in paths. -->
    <xsl:variable name="path">
      <xsl:call-template name="editio:replace">
        <xsl:with-param name="s" select="translate(substring-before(concat(translate($u, '\?#', '/##'), '#'), '#'), 'E', 'e')"/>
        <xsl:with-param name="from" select="'%2e'"/>
        <xsl:with-param name="to" select="'.'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="stays-inside">
      <xsl:call-template name="editio:stays-inside"><xsl:with-param name="path" select="$path"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$u = ''"/>
      <xsl:when test="$scheme = 'http' or $scheme = 'https'"><xsl:value-of select="$u"/></xsl:when>
      <xsl:when test="$scheme = '' and not(starts-with($path, '/')) and not(contains($u, ':')) and $stays-inside = 'yes'">
        <xsl:value-of select="$u"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="editio:report-unsafe">
          <xsl:with-param name="what">resource</xsl:with-param>
          <xsl:with-param name="value" select="$url"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 'yes' when no prefix of the relative path climbs above its start. -->
  <xsl:template name="editio:stays-inside">
    <xsl:param name="path"/>
    <xsl:param name="depth" select="0"/>
    <xsl:variable name="segment" select="substring-before(concat($path, '/'), '/')"/>
    <xsl:variable name="next">
      <xsl:choose>
        <xsl:when test="$segment = '..'"><xsl:value-of select="$depth - 1"/></xsl:when>
        <xsl:when test="$segment = '' or $segment = '.'"><xsl:value-of select="$depth"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$depth + 1"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$next &lt; 0">no</xsl:when>
      <xsl:when test="contains($path, '/')">
        <xsl:call-template name="editio:stays-inside">
          <xsl:with-param name="path" select="substring-after($path, '/')"/>
          <xsl:with-param name="depth" select="$next"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>yes</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="editio:replace">
    <xsl:param name="s"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($s, $from)">
        <xsl:value-of select="concat(substring-before($s, $from), $to)"/>
        <xsl:call-template name="editio:replace">
          <xsl:with-param name="s" select="substring-after($s, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Properties a source may set on its own element; nothing here can load
       a resource, cover the page, or run code. -->
  <xsl:variable name="editio:style-properties" select="concat(
      ' color background-color font-style font-weight font-variant font-size font-family font-stretch',
      ' text-decoration text-decoration-line text-decoration-style text-decoration-color text-align',
      ' text-indent text-transform vertical-align letter-spacing word-spacing line-height white-space',
      ' direction unicode-bidi writing-mode margin margin-top margin-right margin-bottom margin-left',
      ' padding padding-top padding-right padding-bottom padding-left border border-top border-right',
      ' border-bottom border-left border-style border-width border-color display float clear',
      ' width max-width min-width height font-feature-settings text-orientation',
      ' border-collapse border-spacing list-style-type transform',
      ' fill fill-opacity stroke stroke-width stroke-opacity stroke-dasharray stroke-linecap stroke-linejoin opacity ')"/>

  <!-- Properties whose values are keywords only, and the keywords. -->
  <xsl:variable name="editio:css-keywords" select="concat(
      '|font-style:normal italic oblique',
      '|font-weight:normal bold bolder lighter 100 200 300 400 500 600 700 800 900',
      '|text-transform:none capitalize uppercase lowercase full-width',
      '|text-align:left right center justify start end',
      '|float:left right none inline-start inline-end|clear:left right both none inline-start inline-end',
      '|white-space:normal nowrap pre pre-wrap pre-line break-spaces',
      '|font-variant:normal small-caps all-small-caps petite-caps all-petite-caps unicase titling-caps none',
      '|text-decoration-style:solid double dotted dashed wavy',
      '|border-collapse:collapse separate|direction:ltr rtl',
      '|')"/>

  <!-- @style reduced to its safe declarations ('' if none). -->
  <xsl:template name="safe-style">
    <xsl:param name="style"/>
    <xsl:param name="out" select="''"/>
    <xsl:param name="reported" select="false()"/>
    <xsl:variable name="s" select="translate($style, '&#9;&#10;&#13;', '   ')"/>
    <xsl:choose>
      <xsl:when test="normalize-space($s) = ''"><xsl:value-of select="$out"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="decl" select="substring-before(concat($s, ';'), ';')"/>
        <xsl:variable name="property" select="translate(normalize-space(substring-before($decl, ':')), $editio:upper, $editio:lower)"/>
        <xsl:variable name="value" select="normalize-space(substring-after($decl, ':'))"/>
        <xsl:variable name="value-ok">
          <xsl:call-template name="editio:css-value-ok"><xsl:with-param name="value" select="$value"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="ok" select="$property != '' and $value != '' and $value-ok = 'yes'
            and translate($property, 'abcdefghijklmnopqrstuvwxyz-', '') = ''
            and contains($editio:style-properties, concat(' ', $property, ' '))"/>
        <!-- a value CSS does not know for a property of keywords ("font-style: roman") is
             left out without a word: browsers ignore it, validators refuse the page -->
        <xsl:variable name="keywords" select="substring-before(substring-after($editio:css-keywords, concat('|', $property, ':')), '|')"/>
        <xsl:variable name="known" select="$keywords = '' or contains(concat(' ', $keywords, ' inherit initial unset revert '),
            concat(' ', translate($value, $editio:upper, $editio:lower), ' '))"/>
        <!-- a browser's prefixed copy of an allowed property (-webkit-transform) is
             left out without a word: it could not do more than the property -->
        <xsl:variable name="vendor-copy" select="starts-with($property, '-') and $value-ok = 'yes'
            and contains($editio:style-properties, concat(' ', substring-after(substring($property, 2), '-'), ' '))"/>
        <xsl:if test="not($ok) and not($vendor-copy) and normalize-space($decl) != '' and not($reported)">
          <xsl:call-template name="editio:report-unsafe">
            <xsl:with-param name="what">style</xsl:with-param>
            <xsl:with-param name="value" select="$decl"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="safe-style">
          <xsl:with-param name="style" select="substring-after($s, ';')"/>
          <xsl:with-param name="out">
            <xsl:value-of select="$out"/>
            <xsl:if test="$ok and $known">
              <xsl:if test="$out != ''"><xsl:text> </xsl:text></xsl:if>
              <xsl:value-of select="concat($property, ': ', $value, ';')"/>
            </xsl:if>
          </xsl:with-param>
          <xsl:with-param name="reported" select="$reported or (not($ok) and not($vendor-copy) and normalize-space($decl) != '')"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- No escapes, comments, markup, at-rules or quotes that could hide them,
       and no function but the colour ones and rotate() (url(), image-set(),
       expression() all are functions; scale() or translate() could cover the page). -->
  <xsl:template name="editio:css-value-ok">
    <xsl:param name="value"/>
    <xsl:variable name="v" select="translate($value, $editio:upper, $editio:lower)"/>
    <xsl:choose>
      <xsl:when test="contains($v, '\') or contains($v, '/*') or contains($v, '&lt;') or contains($v, '>')
                      or contains($v, '@') or contains($v, '&amp;') or contains($v, '{') or contains($v, '}')
                      or contains($v, 'url') or contains($v, 'expression') or contains($v, 'javascript')">no</xsl:when>
      <xsl:when test="not(contains($v, '('))">yes</xsl:when>
      <xsl:otherwise>
        <xsl:variable name="before" select="substring-before($v, '(')"/>
        <xsl:variable name="last3" select="substring($before, string-length($before) - 2)"/>
        <xsl:variable name="last4" select="substring($before, string-length($before) - 3)"/>
        <xsl:choose>
          <xsl:when test="$last3 = 'rgb' or $last3 = 'hsl' or $last4 = 'rgba' or $last4 = 'hsla'
              or ($before = 'rotate' or substring($before, string-length($before) - 6) = ' rotate')">
            <xsl:call-template name="editio:css-value-ok">
              <xsl:with-param name="value" select="substring-after($v, '(')"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>no</xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- @rend as class tokens: 'italic  small-caps' -> 'rend-italic rend-small-caps'. -->
  <xsl:template name="safe-class">
    <xsl:param name="rend"/>
    <xsl:param name="prefix" select="'rend-'"/>
    <xsl:variable name="r" select="normalize-space($rend)"/>
    <xsl:if test="$r != ''">
      <xsl:variable name="token" select="substring-before(concat($r, ' '), ' ')"/>
      <xsl:variable name="bad" select="translate($token, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_', '')"/>
      <xsl:variable name="clean" select="translate($token, $bad, '')"/>
      <xsl:if test="$clean != ''">
        <xsl:value-of select="concat($prefix, $clean)"/>
      </xsl:if>
      <xsl:variable name="rest">
        <xsl:call-template name="safe-class">
          <xsl:with-param name="rend" select="substring-after($r, ' ')"/>
          <xsl:with-param name="prefix" select="$prefix"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:if test="$clean != '' and $rest != ''"><xsl:text> </xsl:text></xsl:if>
      <xsl:value-of select="$rest"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
