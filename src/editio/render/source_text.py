"""The reading text of a TEI document, as text nodes, for the check of lost text (lost.py).

The text under `text` (front, body, back, group; nested TEI in a teiCorpus too)
and under `sourceDoc`, as the view shows it, by the rules the stylesheets
follow (xslt/common/views.xsl): the choice alternative the view shows,
del/surplus/fw and am-in-expan left out of the reading view, the lemma (else
the first reading) where an app stands. Notes, the other readings and
witDetail are printed apart (note lists, apparatus): their text nodes come
after the running text, in streams of their own ("kinds").
"""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from editio.contract import attr
from editio.core.elements import table
from editio.core.namespaces import EXAMPLES_NS, TEI

_TEI_ROOT, _CORPUS = f"{TEI}TEI", f"{TEI}teiCorpus"
SCOPES = (f"{TEI}text", f"{TEI}sourceDoc")
_EDITIO_TARGET = attr("target")

# Left out of every view on purpose (text/core.xsl prints nothing for them; HTML
# keeps figDesc as an image's alternative text, an attribute; a gap's desc is
# its sign): their words are not expected. The element table (docs/coverage.md)
# gives each reason.
HIDDEN = (
    {
        f"{TEI}{n}"
        for n in (
            "index",
            "interp",
            "interpGrp",
            "link",
            "linkGrp",
            "certainty",
            "precision",
            "respons",
            "figDesc",
            "gap",
            "milestone",
            "anchor",
            "handShift",
        )
    }
    | {
        # Markup examples are printed as code, their whitespace as the serialiser writes it:
        # what they show is markup, not the reading text.
        f"{{{EXAMPLES_NS}}}egXML"
    }
    | {
        # and every element the table of elements hides in the text edition (xslt/common/elements.xml)
        e.clark
        for e in table().values()
        if e.text_kind == "hidden"
    }
)
# Left out of the reading view (views.xsl `omitted-in-view`); the diplomatic view shows them.
OMITTED_READING = {f"{TEI}{n}" for n in ("del", "surplus", "fw")}
_MILESTONES = {f"{TEI}{n}" for n in ("lb", "pb", "cb")}
# Printed apart from where they stand (note lists, the apparatus).
_APART = {f"{TEI}{n}" for n in ("note", "witDetail")}
_CHOICE, _APP, _RDGGRP = f"{TEI}choice", f"{TEI}app", f"{TEI}rdgGrp"
_LEM, _RDG, _EXPAN, _AM = f"{TEI}lem", f"{TEI}rdg", f"{TEI}expan", f"{TEI}am"
_LIST_APP = f"{TEI}listApp"
_SHOWN = {
    "reading": (f"{TEI}corr", f"{TEI}expan", f"{TEI}reg"),
    "diplomatic": (f"{TEI}sic", f"{TEI}abbr", f"{TEI}orig"),
}

SEP = "\x01"  # joins text nodes: no word boundary of its own (never in XML 1.0 text)
BOUNDARY = " "  # a chunk that is a word boundary (a line break, the end of a note)
# Combining marks (after NFD) of the scripts editions use, to compare letters without
# diacritics. A short class: a regex over every Unicode mark is ten times slower.
_COMBINING = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u0711\u0730-\u074a\u0900-\u0903\u093a-\u094f\u1ab0-\u1aff"
    "\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
)


def fold(text: str) -> str:
    """Letters without diacritics or case (an edition may add a dot below an
    unclear letter, or set a heading in capitals)."""
    return _COMBINING.sub("", unicodedata.normalize("NFD", text)).casefold()


class SourceText:
    """The text nodes of the reading text, each with the element it belongs to."""

    def __init__(self, tree, view: str = "reading", hidden_readings: frozenset[str] = frozenset()):
        self.chunks: list[str] = []
        # The element whose text (or whose child's tail) the chunk is; None for a BOUNDARY.
        self.owners: list[etree._Element | None] = []
        # "" in the running text; else the tag of what is printed apart (note, rdg ...).
        self.kinds: list[str] = []
        self.scopes: list[etree._Element] = []
        self.words = None  # the check's count of their words, made once when a format needs it
        self._omitted = OMITTED_READING if view != "diplomatic" else set()
        self._shown = _SHOWN["diplomatic" if view == "diplomatic" else "reading"]
        self._hidden_readings = hidden_readings  # types and causes the user hides (hide-reading-types)
        apart: list[tuple[str, list, list]] = []
        root = tree.getroot()
        documents = [root] if root.tag == _TEI_ROOT else list(root.iter(_TEI_ROOT)) if root.tag == _CORPUS else []
        # The text first: where a sourceDoc and a text share words, the text is what is rendered.
        for tag in SCOPES:
            for document in documents:
                for scope in document.iterchildren(tag):
                    self.scopes.append(scope)
                    self._walk(scope, self.chunks, self.owners, apart)
                    self._boundary(self.chunks, self.owners)
        self.kinds = [""] * len(self.chunks)
        for kind, chunks, owners in apart:
            self.chunks += chunks
            self.owners += owners
            self._boundary(self.chunks, self.owners)
            self.kinds += [kind] * (len(chunks) + 1)

    @staticmethod
    def _boundary(chunks, owners) -> None:
        chunks.append(BOUNDARY)
        owners.append(None)

    def _walk(self, el, chunks, owners, apart) -> None:
        if el.text:
            chunks.append(el.text)
            owners.append(el)
        for child in el:
            self._child(child, chunks, owners, apart)
            if child.tail:
                chunks.append(child.tail)
                owners.append(el)

    def _child(self, el, chunks, owners, apart) -> None:
        tag = el.tag
        if not isinstance(tag, str) or tag in HIDDEN or tag in self._omitted:
            return
        if tag in _MILESTONES:
            if el.get("break") != "no" and el.get("type") != "hyphenInWord":
                self._boundary(chunks, owners)
        elif tag in _APART:
            self._apart(el, el.tag, apart)
        elif tag == _CHOICE:
            options = [c for c in el if isinstance(c.tag, str)]
            shown = [c for c in options if c.tag in self._shown] or options[:1]
            if shown:
                self._child(shown[0], chunks, owners, apart)
        elif tag == _APP:
            self._app(el, chunks, owners, apart)
        elif tag == _AM and self._omitted and el.getparent().tag == _EXPAN:
            return
        else:
            self._walk(el, chunks, owners, apart)

    def _apart(self, el, kind: str, apart, walk: bool = True) -> None:
        chunks: list[str] = []
        owners: list = []
        apart.append((kind, chunks, owners))
        if walk:
            self._walk(el, chunks, owners, apart)
        else:
            self._child(el, chunks, owners, apart)

    def _app(self, app, chunks, owners, apart) -> None:
        """The lemma (else the first reading) where the app stands; the rest apart."""
        readings, others = [], []
        for child in app:
            if child.tag == _RDGGRP:
                for sub in child:
                    (readings if sub.tag in (_LEM, _RDG) else others).append(sub)
            elif child.tag in (_LEM, _RDG):
                readings.append(child)
            elif isinstance(child.tag, str):
                others.append(child)
        # A double-end-point app (listApp, @from) stands apart from the text it is about.
        standoff = app.get("from") is not None or app.get(_EDITIO_TARGET) is not None or _in_list_app(app)
        shown = None
        if not standoff and readings:
            shown = next((r for r in readings if r.tag == _LEM), readings[0])
            self._walk(shown, chunks, owners, apart)
        for reading in readings:
            if reading is not shown and not ({reading.get("type"), reading.get("cause")} & self._hidden_readings):
                self._apart(reading, _RDG, apart)
        for other in others:
            self._apart(other, other.tag, apart, walk=False)


def _in_list_app(app) -> bool:
    for _ in app.iterancestors(_LIST_APP):
        return True
    return False
