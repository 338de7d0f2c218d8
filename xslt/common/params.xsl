<?xml version="1.0" encoding="UTF-8"?>
<!--
  Every parameter of editio's stylesheets, in one place.
  Set them with `editio html -p name=value` (or `editio text -p ...`);
  the CLI sets `view` and `witness` from its own options.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- reading: corr, expan, reg are shown; diplomatic: sic, abbr, orig and
       the transcription signs. -->
  <xsl:param name="view" select="'reading'"/>

  <!-- A witness siglum (without '#'): the text as that witness reads it,
       rebuilt from the apparatus. Empty: the edited text with its apparatus. -->
  <xsl:param name="witness" select="''"/>

  <!-- The language of labels when the document declares none. -->
  <xsl:param name="default-lang" select="'en'"/>

  <!-- A user's message catalogue (a URI, same format as i18n/messages.xml);
       its messages win over editio's. -->
  <xsl:param name="messages" select="''"/>

  <!-- Set by editio, not by users: editio's own catalogue as one string
       (src/editio/catalogue.py), read once per process instead of parsed and
       indexed on every transformation. Empty: labels are looked up in the
       catalogue document. -->
  <xsl:param name="catalogue-table" select="''"/>

  <!-- Apparatus reading types (space-separated @type values) left out of the
       apparatus, e.g. 'orthographic'. -->
  <xsl:param name="hide-reading-types" select="''"/>

  <!-- The pages of the witnesses' texts (built with the witness option), as a
       pattern with {siglum}, e.g. 'edition.{siglum}.html': the list of sigla
       links each siglum to its page (a siglum's signs that mean something in
       a URL or path become '_'). Empty: sigla are not linked. -->
  <xsl:param name="witness-pages" select="''"/>

  <!-- The page of the edited text (a relative URL), linked from the list of
       sigla on a witness's page. Empty: no link. editio build sets both. -->
  <xsl:param name="edition-page" select="''"/>

  <!-- The synoptic view (view synoptic): the witnesses shown in columns, by
       siglum or xml:id, space- or comma-separated, in the order of the list of
       witnesses. Empty: the first `synoptic-max` witnesses (a wide tradition
       has dozens); the page names the others. -->
  <xsl:param name="synoptic-witnesses" select="''"/>
  <xsl:param name="synoptic-max" select="'6'"/>

  <!-- The synoptic page of this edition (a relative URL): the edition links
       to it. editio build sets it for every critical edition. -->
  <xsl:param name="synoptic-page" select="''"/>

  <!-- yes: the HTML page gets a table of contents. -->
  <xsl:param name="toc" select="'yes'"/>

  <!-- yes: the HTML page gets an index of persons, places and organisations. -->
  <xsl:param name="name-index" select="'yes'"/>
  <!-- yes: the text edition prints the number of every verse line whose @n
       is a multiple of 5, in a margin, as printed books do. -->
  <xsl:param name="line-numbers" select="'yes'"/>

  <!-- Leiden conventions (epigraphy): brackets for restored and lost text,
       a dot under unclear letters, (expansions), the inscription line by line
       with every fifth line numbered, in both views. auto: for documents whose
       xml-model names EpiDoc; yes; no. -->
  <xsl:param name="leiden" select="'auto'"/>
</xsl:stylesheet>
