<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry point of the print edition (editio latex): a LuaLaTeX document using
  reledmac. It only includes modules. The stylesheets write TeX as elements
  (src/editio/render/latex.py turns them into TeX and escapes every text):
    <c n="name"><o>optional</o><a>argument</a></c>   \name[optional]{argument}
    <e n="name">...</e>                               \begin{name}...\end{name}
    <g>...</g>                                        {...}
    <nl/>                                             a line break in the .tex file
  so no text of a document ever becomes a TeX command.
  To customise, write your own stylesheet that does
    <xsl:import href="editio:latex.xsl"/>
  and overrides templates; pass it to editio with the xslt option.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="common/params.xsl"/>
  <xsl:include href="common/contract.xsl"/>
  <xsl:include href="common/core.xsl"/>
  <xsl:include href="common/safety.xsl"/>
  <xsl:include href="common/textcrit.xsl"/>
  <xsl:include href="common/app-targets.xsl"/>
  <xsl:include href="common/views.xsl"/>
  <xsl:include href="common/leiden.xsl"/>
  <xsl:include href="common/flags.xsl"/>
  <xsl:include href="common/notes.xsl"/>
  <xsl:include href="common/lang.xsl"/>
  <xsl:include href="common/messages.xsl"/>
  <xsl:include href="latex/core.xsl"/>
  <xsl:include href="latex/header.xsl"/>
  <xsl:include href="latex/textstructure.xsl"/>
  <xsl:include href="latex/textcrit.xsl"/>
</xsl:stylesheet>
