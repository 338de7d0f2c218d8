"""The table of what editio does with each TEI element (xslt/common/elements.xml).

Read by prepare (which elements the HTML page renders as blocks), by
tools/make_element_modules.py (the generic templates and docs/coverage.md) and
by the tests. See the table's own header for the kinds.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lxml import etree

from editio.core.namespaces import TEI_NS
from editio.core.resources import xslt_dir

KINDS = (
    "block",
    "line",
    "heading",
    "inline",
    "list",
    "table",
    "register",
    "note",
    "apparatus",
    "milestone",
    "metadata",
    "pass-through",
    "hidden",
)
# Kinds whose generic HTML template is a <div>: prepare marks them editio:block.
HTML_BLOCK_KINDS = {"block", "line", "heading", "list", "table", "register"}


@dataclass(frozen=True)
class Element:
    name: str
    ns: str
    kind: str
    text_kind: str
    el: str
    html: tuple[str, ...]  # modules of xslt/html with templates of their own for it
    text: tuple[str, ...]
    reason: str
    group: str

    @property
    def clark(self) -> str:
        return f"{{{self.ns}}}{self.name}"


@cache
def table() -> dict[str, Element]:
    """Every entry of the table by name, in the table's order."""
    root = etree.parse(str(xslt_dir() / "common" / "elements.xml")).getroot()
    entries: dict[str, Element] = {}
    for group in root.iterchildren("group"):
        for e in group.iterchildren("element"):
            kind = e.get("kind")
            entries[e.get("name")] = Element(
                name=e.get("name"),
                ns=e.get("ns", TEI_NS),
                kind=kind,
                text_kind=e.get("text-kind", kind),
                el=e.get("el", ""),
                html=tuple((e.get("html") or "").split()),
                text=tuple((e.get("text") or "").split()),
                reason=e.get("reason", ""),
                group=group.get("title", ""),
            )
    return entries


def html_block_tags() -> frozenset[str]:
    """Clark names of the elements whose generic HTML rendering is a block (no module of their own)."""
    return frozenset(e.clark for e in table().values() if not e.html and e.kind in HTML_BLOCK_KINDS)
