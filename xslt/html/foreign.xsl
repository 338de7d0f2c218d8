<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML edition: MathML and SVG, passed to the browser as they are (HTML5
  reads <math> and <svg> in its own syntax: the elements are written in their
  namespace without a prefix, which the page's serialiser prints as
  <math xmlns="http://www.w3.org/1998/Math/MathML">, as HTML5 allows).
  Made safe on the way: no script, no foreignObject (HTML inside SVG; its text
  is kept as text), no animation (set, animate* can rewrite a link), no event
  attribute (on*), links only through safe-url (a fragment, or a harmless
  scheme), images only through safe-resource, style through safe-style.
  A TEI formula is an inline span (a div when it holds a block).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:m="http://www.w3.org/1998/Math/MathML"
    xmlns:svg="http://www.w3.org/2000/svg"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:editio="urn:editio"
    exclude-result-prefixes="tei m svg xlink editio">

  <xsl:template match="tei:formula">
    <xsl:call-template name="inline"/>
  </xsl:template>

  <xsl:template match="m:*">
    <xsl:element name="{local-name()}" namespace="http://www.w3.org/1998/Math/MathML">
      <xsl:apply-templates select="@*" mode="foreign-attribute"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="svg:*">
    <xsl:element name="{local-name()}" namespace="http://www.w3.org/2000/svg">
      <xsl:apply-templates select="@*" mode="foreign-attribute"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Left out: code, style sheets (CSS for the whole page), and what could
       rewrite a link or load a page. -->
  <xsl:template match="svg:script | m:script | svg:style | svg:set | svg:animate | svg:animateMotion | svg:animateTransform
      | svg:animateColor | svg:discard | svg:handler | svg:listener">
    <xsl:call-template name="editio:report-unsafe">
      <xsl:with-param name="what" select="'element'"/>
      <xsl:with-param name="value" select="name()"/>
    </xsl:call-template>
  </xsl:template>
  <!-- foreignObject holds HTML (or anything): only its text stays. -->
  <xsl:template match="svg:foreignObject">
    <xsl:call-template name="editio:report-unsafe">
      <xsl:with-param name="what" select="'element'"/>
      <xsl:with-param name="value" select="name()"/>
    </xsl:call-template>
    <xsl:if test="normalize-space()">
      <text xmlns="http://www.w3.org/2000/svg"><xsl:value-of select="normalize-space()"/></text>
    </xsl:if>
  </xsl:template>

  <!-- Attributes: kept, except events; links, resources and styles checked. -->
  <xsl:template match="@*" mode="foreign-attribute">
    <xsl:choose>
      <!-- on* (any case), and namespaced attributes other than xlink/xml -->
      <xsl:when test="starts-with(translate(local-name(), 'ON', 'on'), 'on')"/>
      <xsl:when test="namespace-uri() != '' and namespace-uri() != 'http://www.w3.org/1999/xlink'
          and namespace-uri() != 'http://www.w3.org/XML/1998/namespace'"/>
      <xsl:when test="local-name() = 'style'">
        <xsl:variable name="style"><xsl:call-template name="safe-style"><xsl:with-param name="style" select="."/></xsl:call-template></xsl:variable>
        <xsl:if test="normalize-space($style) != ''"><xsl:attribute name="style"><xsl:value-of select="$style"/></xsl:attribute></xsl:if>
      </xsl:when>
      <xsl:when test="local-name() = 'href' or local-name() = 'src' or local-name() = 'definitionURL' or local-name() = 'altimg'">
        <xsl:variable name="url">
          <xsl:choose>
            <xsl:when test="parent::svg:image or local-name() = 'altimg' or local-name() = 'src'">
              <xsl:call-template name="safe-resource"><xsl:with-param name="url" select="."/></xsl:call-template>
            </xsl:when>
            <!-- use, textPath, feImage ... may only point inside the page -->
            <xsl:when test="not(parent::svg:a or parent::m:*) and not(starts-with(normalize-space(.), '#'))"/>
            <xsl:otherwise><xsl:call-template name="safe-url"><xsl:with-param name="url" select="."/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <!-- a file the page loads stays in the edition: no request to another host -->
        <xsl:variable name="loads" select="parent::svg:image or local-name() = 'altimg' or local-name() = 'src'"/>
        <xsl:choose>
          <xsl:when test="$loads and (contains($url, ':') or starts-with($url, '//'))">
            <xsl:call-template name="editio:report-unsafe">
              <xsl:with-param name="what" select="'resource'"/>
              <xsl:with-param name="value" select="."/>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="$url != ''"><xsl:attribute name="{local-name()}"><xsl:value-of select="$url"/></xsl:attribute></xsl:when>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="namespace-uri() = 'http://www.w3.org/XML/1998/namespace'">
        <xsl:if test="local-name() = 'lang'"><xsl:attribute name="lang"><xsl:value-of select="."/></xsl:attribute></xsl:if>
      </xsl:when>
      <xsl:when test="namespace-uri() = ''"><xsl:attribute name="{local-name()}"><xsl:value-of select="."/></xsl:attribute></xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
