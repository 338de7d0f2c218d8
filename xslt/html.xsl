<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry point of the html edition: it only includes modules.
  To customise, write your own stylesheet that does
    <xsl:import href="editio:html.xsl"/>
  and overrides templates; pass it to editio with the xslt option.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="common/params.xsl"/>
  <xsl:include href="common/contract.xsl"/>
  <xsl:include href="common/core.xsl"/>
  <xsl:include href="common/safety.xsl"/>
  <xsl:include href="common/views.xsl"/>
  <xsl:include href="common/leiden.xsl"/>
  <xsl:include href="common/flags.xsl"/>
  <xsl:include href="common/notes.xsl"/>
  <xsl:include href="common/lang.xsl"/>
  <xsl:include href="common/messages.xsl"/>
  <xsl:include href="common/textcrit.xsl"/>
  <xsl:include href="common/app-targets.xsl"/>
  <xsl:include href="common/titles.xsl"/>
  <xsl:include href="common/correspondence.xsl"/>
  <xsl:include href="common/registers.xsl"/>
  <xsl:include href="common/rendition.xsl"/>
  <xsl:include href="common/speech.xsl"/>
  <xsl:include href="common/corpus.xsl"/>
  <xsl:include href="common/dictionary.xsl"/>
  <xsl:include href="html/core.xsl"/>
  <!-- generated from xslt/common/elements.xml: the generic template of each kind of element -->
  <xsl:include href="html/elements.xsl"/>
  <xsl:include href="html/header.xsl"/>
  <xsl:include href="html/textstructure.xsl"/>
  <xsl:include href="html/notes.xsl"/>
  <xsl:include href="html/flags.xsl"/>
  <xsl:include href="html/transcription.xsl"/>
  <xsl:include href="html/genetic.xsl"/>
  <xsl:include href="html/textcrit.xsl"/>
  <xsl:include href="html/apparatus.xsl"/>
  <xsl:include href="html/synoptic.xsl"/>
  <xsl:include href="html/namesdates.xsl"/>
  <xsl:include href="html/verse.xsl"/>
  <xsl:include href="html/drama.xsl"/>
  <xsl:include href="html/correspondence.xsl"/>
  <xsl:include href="html/registers.xsl"/>
  <xsl:include href="html/rendition.xsl"/>
  <xsl:include href="html/foreign.xsl"/>
  <xsl:include href="html/speech.xsl"/>
  <xsl:include href="html/corpus.xsl"/>
  <xsl:include href="html/dictionary.xsl"/>
</xsl:stylesheet>
