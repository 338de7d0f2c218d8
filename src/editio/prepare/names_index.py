"""The names index's keys, set by prepare: which names each view indexes, and the first of each."""

from __future__ import annotations

from lxml import etree

from editio.contract import EDITIO_NS, attr
from editio.core.namespaces import TEI as _T
from editio.core.namespaces import TEI_NS

# The HTML index of names (xslt/html/namesdates.xsl) lists each name once: the
# first occurrence of each name key, per view, with links to every occurrence.
# Done here in one pass: in XSLT 1.0 (generate-id() = generate-id(key(...)[1])
# per name) each key() call copies the whole group, quadratic in the
# occurrences of a name; and one key over the view-prefixed values below costs
# one walk of the document per transformation instead of two (libxslt indexes
# every key of the stylesheet on the first key() call).
# `editio:index-r` / `editio:index-d`: "r|" / "d|" + the name's key, on the
# names the reading / diplomatic view indexes; `editio:first-reading` /
# `editio:first-diplomatic` on the first of each key. The expressions are the
# stylesheet's former XSLT ones, so libxml2 computes the same keys and sets.
FIRST_READING = attr("first-reading")
FIRST_DIPLOMATIC = attr("first-diplomatic")
INDEX_READING = attr("index-r")
INDEX_DIPLOMATIC = attr("index-d")
_NAME_KEY = etree.XPath(
    "concat(local-name(), '|', normalize-space(@ref), substring(normalize-space(.), 1, 1000 * not(normalize-space(@ref))))"
)
_NS = {"tei": TEI_NS, "editio": EDITIO_NS}
# Name tests in a union, not *[self::...]: libxml2 then tests the names, not
# every element against three predicates (2x faster on the corpus).
# Names in a register (listPerson, listPlace, listOrg) define its entries; they are
# not occurrences in the text.
_INDEXED = (
    "(//tei:text//tei:persName | //tei:text//tei:placeName | //tei:text//tei:orgName)[@editio:id]"
    "[not(ancestor::tei:listPerson or ancestor::tei:listPlace or ancestor::tei:listOrg)]"
)
_INDEXED_TAGS = tuple(f"{_T}{name}" for name in ("persName", "placeName", "orgName"))
_NAMES_BY_VIEW = (
    (
        "r|",
        INDEX_READING,
        FIRST_READING,
        etree.XPath(
            _INDEXED
            + "[not(ancestor::tei:rdg or ancestor::tei:rdgGrp or ancestor::tei:witDetail or ancestor::tei:figDesc"
            " or ancestor::tei:del or ancestor::tei:surplus or ancestor::tei:choice/*[self::tei:sic or self::tei:abbr"
            " or self::tei:orig])]",
            namespaces=_NS,
        ),
    ),
    (
        "d|",
        INDEX_DIPLOMATIC,
        FIRST_DIPLOMATIC,
        etree.XPath(
            _INDEXED + "[not(ancestor::tei:rdg or ancestor::tei:rdgGrp or ancestor::tei:witDetail"
            " or ancestor::tei:choice/*[self::tei:corr or self::tei:expan or self::tei:reg])]",
            namespaces=_NS,
        ),
    ),
)


def mark_first_names(root) -> None:
    """Index keys of the names, per view, and the first name (document order) of each."""
    if next(root.iter(*_INDEXED_TAGS), None) is None:
        return
    keys: dict = {}  # element -> its key: the same in both views, evaluated once
    for prefix, index, first, names in _NAMES_BY_VIEW:
        seen: set[str] = set()
        for el in names(root):
            key = keys.get(el)
            if key is None:
                key = keys[el] = _NAME_KEY(el)
            key = prefix + key
            el.set(index, key)
            if key not in seen:
                seen.add(key)
                el.set(first, "1")
