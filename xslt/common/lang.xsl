<?xml version="1.0" encoding="UTF-8"?>
<!--
  Language tags: TEI files often write ISO 639-2 codes (lat, deu, ger) where
  BCP 47 (HTML lang, the text edition's language) wants the ISO 639-1 code,
  and sometimes private abbreviations (Av) that are no language tag at all.
  `language-tag` returns the BCP 47 form, or '' when the tag is not one.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- ISO 639-2/3 codes that BCP 47 writes with two letters. -->
  <xsl:variable name="lang-three-to-two"
      select="' ara:ar ces:cs cze:cs dan:da deu:de ger:de ell:el gre:el eng:en spa:es fas:fa per:fa fin:fi fra:fr fre:fr gle:ga heb:he hin:hi hrv:hr hun:hu ita:it jpn:ja kor:ko lat:la nld:nl dut:nl nor:no pol:pl por:pt ron:ro rum:ro rus:ru slk:sk slo:sk slv:sl swe:sv tur:tr ukr:uk zho:zh chi:zh cym:cy wel:cy eus:eu baq:eu cat:ca isl:is ice:is gla:gd bul:bg srp:sr mkd:mk mac:mk sqi:sq alb:sq hye:hy arm:hy kat:ka geo:ka san:sa yid:yi syr:syr '"/>
  <!-- ISO 639-1 codes, and three-letter codes with no two-letter form that
       editions use (ancient and medieval languages). -->
  <xsl:variable name="lang-known"
      select="' aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu grc syc syr arc ang enm fro frm gmh goh non sga mga cop akk sux egy got ota pro gez xcl peo pal hbo jpr lzh och osp dum odt gml gsw und zxx mul '"/>

  <xsl:template name="language-tag">
    <xsl:param name="lang"/>
    <xsl:variable name="tag" select="normalize-space($lang)"/>
    <xsl:variable name="primary" select="translate(substring-before(concat($tag, '-'), '-'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:variable name="rest" select="substring-after($tag, '-')"/>
    <xsl:variable name="mapped" select="substring-before(substring-after($lang-three-to-two, concat(' ', $primary, ':')), ' ')"/>
    <xsl:choose>
      <xsl:when test="$tag = ''"/>
      <xsl:when test="$primary = 'x' or $primary = 'i'"><xsl:value-of select="$tag"/></xsl:when>
      <xsl:when test="$mapped != ''">
        <xsl:value-of select="$mapped"/><xsl:if test="$rest != ''">-<xsl:value-of select="$rest"/></xsl:if>
      </xsl:when>
      <xsl:when test="contains($lang-known, concat(' ', $primary, ' '))">
        <xsl:value-of select="$primary"/><xsl:if test="$rest != ''">-<xsl:value-of select="$rest"/></xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
