<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry point of the text edition: it only includes modules.
  To customise, write your own stylesheet that does
    <xsl:import href="editio:text.xsl"/>
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
  <xsl:include href="common/titles.xsl"/>
  <xsl:include href="common/correspondence.xsl"/>
  <xsl:include href="common/registers.xsl"/>
  <xsl:include href="common/rendition.xsl"/>
  <xsl:include href="common/speech.xsl"/>
  <xsl:include href="common/corpus.xsl"/>
  <xsl:include href="common/dictionary.xsl"/>
  <xsl:include href="text/core.xsl"/>
  <!-- generated from xslt/common/elements.xml: the generic template of each kind of element -->
  <xsl:include href="text/elements.xsl"/>
  <xsl:include href="text/header.xsl"/>
  <xsl:include href="text/textstructure.xsl"/>
  <xsl:include href="text/notes.xsl"/>
  <xsl:include href="text/transcription.xsl"/>
  <xsl:include href="text/genetic.xsl"/>
  <xsl:include href="text/textcrit.xsl"/>
  <xsl:include href="text/namesdates.xsl"/>
  <xsl:include href="text/verse.xsl"/>
  <xsl:include href="text/drama.xsl"/>
  <xsl:include href="text/correspondence.xsl"/>
  <xsl:include href="text/registers.xsl"/>
  <xsl:include href="text/rendition.xsl"/>
  <xsl:include href="text/foreign.xsl"/>
  <xsl:include href="text/speech.xsl"/>
  <xsl:include href="text/corpus.xsl"/>
  <xsl:include href="text/dictionary.xsl"/>
</xsl:stylesheet>
