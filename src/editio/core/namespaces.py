"""XML namespaces editio reads, and Clark-notation names used everywhere (`{ns}local`).

The editio namespace itself belongs to the contract with the stylesheets
(`editio.contract`).
"""

TEI_NS = "http://www.tei-c.org/ns/1.0"
TEI = f"{{{TEI_NS}}}"  # prefix of a TEI element's Clark name: f"{TEI}div"
EXAMPLES_NS = "http://www.tei-c.org/ns/Examples"  # egXML: quoted TEI, not the document's
XI_NS = "http://www.w3.org/2001/XInclude"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCHEMATRON_NS = "http://purl.oclc.org/dsdl/schematron"
