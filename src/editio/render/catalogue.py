"""editio's message catalogue (xslt/i18n/messages.xml) as one lookup string.

A stylesheet that reads the catalogue with document() parses it again and
indexes it with its keys on every transformation: on a 3 KB letter that was
about half of the HTML transformation. The catalogue is read here once per
process instead and handed to the stylesheets as the `catalogue-table`
parameter, which `message` and `fast-message` (xslt/common) search as a string
when the user gives no catalogue of their own.

The string answers exactly as the document lookups do only if every message
has a non-empty key without '=', a lower-case language tag without a region
(lang() would otherwise match 'it-CH' for 'it'), a non-empty text, and no two
messages share a key and a language. A catalogue that breaks any of these
gets no table: the stylesheets then read the document as before.
"""

from __future__ import annotations

from functools import cache

from lxml import etree

from editio.contract import marker
from editio.core.namespaces import XML_LANG as _XML_LANG
from editio.core.resources import xslt_dir

# A Private Use character: never in a key, a language tag or a message.
SEPARATOR = marker("CATALOGUE_SEPARATOR")


def build_table(root: etree._Element) -> str:
    """`SEP lang SEP key=text` for each message, then SEP; '' if unsafe."""
    entries = []
    seen = set()
    for message in root.iterchildren("message"):
        key = message.get("key") or ""
        lang = message.get(_XML_LANG) or ""
        text = "".join(message.itertext())
        unsafe = (
            not key
            or not lang
            or not text
            or "=" in key
            or "-" in lang
            or lang != lang.lower()
            or SEPARATOR in key + lang + text
            or (key, lang) in seen
        )
        if unsafe:
            return ""
        seen.add((key, lang))
        entries.append(f"{SEPARATOR}{lang}{SEPARATOR}{key}={text}")
    return "".join(entries) + SEPARATOR if entries else ""


@cache
def table() -> str:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.parse(str(xslt_dir() / "i18n" / "messages.xml"), parser).getroot()
    return build_table(root) if root.tag == "messages" else ""
