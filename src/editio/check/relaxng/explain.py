"""jing-like messages for the problems of a RELAX NG check: what was expected, where.

The grammar analysis (grammar.py) says which elements, attributes and values a
place allows; columns come from scanning the start tag's source line, since
libxml2 gives none.
"""

from __future__ import annotations

import re

from lxml import etree

from editio.check.relaxng.grammar import ANY, XML_NS
from editio.check.relaxng.problems import Problem
from editio.core.diagnostics import Diagnostic, error
from editio.core.namespaces import TEI_NS

DATATYPES = {
    "date": "a date (YYYY-MM-DD)",
    "gYear": "a year (YYYY)",
    "gYearMonth": "a year and month (YYYY-MM)",
    "gMonth": "a month (--MM)",
    "gDay": "a day of the month (---DD)",
    "gMonthDay": "a month and day (--MM-DD)",
    "time": "a time (hh:mm:ss)",
    "dateTime": "a date and time (YYYY-MM-DDThh:mm:ss)",
    "duration": "a duration (e.g. P1Y2M)",
    "anyURI": "a URI",
    "NCName": "an XML name without colon",
    "Name": "an XML name",
    "ID": "an XML identifier",
    "IDREF": "a reference to an XML identifier",
    "IDREFS": "references to XML identifiers",
    "NMTOKEN": "a name token",
    "NMTOKENS": "name tokens",
    "language": "a language tag (BCP 47, e.g. it, grc, en-GB)",
    "boolean": "true or false",
    "integer": "an integer",
    "nonNegativeInteger": "a non-negative integer",
    "positiveInteger": "a positive integer",
    "decimal": "a decimal number",
    "double": "a number",
    "float": "a number",
    "token": "a token",
    "string": "a string",
}


class Explainer:
    def __init__(self, grammar, origin, path, source):
        self.grammar = grammar
        self.origin = origin
        self.path = path
        self.lines = source.splitlines() if source else []
        self._by_line: dict = {}  # root element -> {(tag, line): elements in document order}

    def explain(self, p: Problem) -> Diagnostic | None:
        orig = self.origin.get(p.target, p.target)
        g = self.grammar
        name = show(orig.tag)
        parent = orig.getparent()
        line = orig.sourceline or 0
        col = self.column(orig)
        if p.kind == "element":
            where = show(parent.tag) if parent is not None else None
            if g is None or parent is None:
                return error(self.path, line, col, f'element "{name}" not allowed here', "schema.element")
            allowed, _attrs, text = g.content(parent.tag)
            if not g.knows(orig.tag):
                msg = f'element "{name}" not allowed anywhere (the schema does not define it); "{where}" allows {expect(allowed, text)}'
            elif orig.tag in allowed or ANY in allowed:
                msg = f'element "{name}" not allowed at this position in "{where}" (allowed there, but not here: check the order and the number of elements)'
                _a, needed = g.required(parent.tag)
                present = {c.tag for c in parent if isinstance(c.tag, str)}
                missing = sorted((show(n) for n in needed if n not in present), key=str)
                if missing:
                    msg += "; missing required element " + ", ".join(f'"{m}"' for m in missing)
            else:
                msg = f'element "{name}" not allowed in "{where}"; expected {expect(allowed, text)}'
            return error(self.path, line, col, msg, "schema.element")
        if p.kind == "attribute":
            attr = self.attribute_name(orig, p.attribute)
            shown = show(attr) if attr else p.attribute
            acol = self.attribute_column(orig, shown) or col
            if g is None:
                return error(
                    self.path, line, acol, f'attribute "{shown}" of element "{name}" is invalid', "schema.attribute"
                )
            _children, allowed, _text = g.content(orig.tag)
            if attr in allowed:
                values, types = g.attribute_values(orig.tag, attr)
                msg = f'value "{orig.get(attr)}" of attribute "{shown}" on element "{name}" is invalid; {must_be(values, types)}'
                return error(self.path, line, acol, msg, "schema.value")
            names = ", ".join(f'"{show(a)}"' for a in sorted(allowed, key=show) if a != ANY)
            msg = f'attribute "{shown}" not allowed on element "{name}"; expected attribute {names or "none"}'
            return error(self.path, line, acol, msg, "schema.attribute")
        if p.kind == "missing-attribute":
            if g is not None:
                needed, _e = g.required(orig.tag)
                missing = sorted((show(a) for a in needed if a not in orig.attrib), key=str)
                if missing:
                    what = ", ".join(f'"{m}"' for m in missing)
                    return error(
                        self.path, line, col, f'element "{name}" missing required attribute {what}', "schema.missing"
                    )
            return error(
                self.path,
                line,
                col,
                f'attributes of element "{name}" are invalid ({p.entry_message})',
                "schema.attribute",
            )
        if p.kind == "text":
            return error(self.path, line, col, f'text not allowed in element "{name}"', "schema.text")
        if p.kind in ("missing", "content") and g is not None:
            _a, needed = g.required(orig.tag)
            present = {c.tag for c in orig if isinstance(c.tag, str)}
            missing = sorted((show(n) for n in needed if n not in present), key=str)
            if missing:
                what = ", ".join(f'"{m}"' for m in missing)
                return error(
                    self.path,
                    line,
                    col,
                    f'element "{name}" incomplete; missing required element {what}',
                    "schema.missing",
                )
            if p.kind == "missing":
                allowed, _attrs, text = g.content(orig.tag)
                return error(
                    self.path,
                    line,
                    col,
                    f'element "{name}" incomplete; expected {expect(allowed, text)}',
                    "schema.missing",
                )
        return error(
            self.path,
            line,
            col,
            f'content of element "{name}" is not valid (libxml2: {p.entry_message})',
            "schema.content",
        )

    @staticmethod
    def attribute_name(el, local: str | None) -> str | None:
        if not local:
            return None
        local = local.split(":")[-1]
        for key in el.attrib:
            if etree.QName(key).localname == local:
                return key
        return local

    def column(self, el) -> int:
        """1-based column of the element's start tag, from the source bytes."""
        line = el.sourceline
        if not line or line > len(self.lines) or not isinstance(el.tag, str):
            return 0
        local = etree.QName(el).localname
        same_line = self._same_line(el)
        index = next((i for i, e in enumerate(same_line) if e is el), 0)
        text = self.lines[line - 1].decode("utf-8", "replace")
        hits = [m.start() for m in re.finditer(rf"<(?:[\w.-]+:)?{re.escape(local)}(?=[\s/>]|$)", text)]
        return hits[index] + 1 if index < len(hits) else 0

    def _same_line(self, el) -> list:
        """The elements named like `el` that start on its line, in document order
        (indexed once per tree: looking through the tree per message made a
        file with a hundred errors cost seconds)."""
        root = el.getroottree().getroot()
        index = self._by_line.get(root)
        if index is None:
            index = self._by_line[root] = {}
            for e in root.iter():
                if isinstance(e.tag, str):
                    index.setdefault((e.tag, e.sourceline), []).append(e)
        return index.get((el.tag, el.sourceline), [])

    def attribute_column(self, el, shown: str) -> int:
        line = el.sourceline
        if not line or line > len(self.lines):
            return 0
        text = self.lines[line - 1].decode("utf-8", "replace")
        start = max(self.column(el) - 1, 0)
        local = shown.rsplit("}", 1)[-1].split(":")[-1]
        m = re.compile(rf"\s((?:[\w.-]+:)?{re.escape(local)})\s*=").search(text, start)
        return m.start(1) + 1 if m else 0


def show(tag: str) -> str:
    if not isinstance(tag, str):
        return str(tag)
    if tag.startswith("{"):
        ns, local = tag[1:].split("}", 1)
        if ns == XML_NS:
            return f"xml:{local}"
        if ns == TEI_NS:
            return local
        return f"{{{ns}}}{local}"
    return tag


def expect(allowed, text: bool) -> str:
    names = sorted((show(n) for n in allowed if n != ANY), key=str)
    parts = []
    if names:
        parts.append("element " + ", ".join(f'"{n}"' for n in names))
    if ANY in allowed:
        parts.append("any element")
    if text:
        parts.append("text")
    return " or ".join(parts) if parts else "nothing (it must be empty)"


def must_be(values, types) -> str:
    parts = [f'"{v}"' for v in values]
    for t in types:
        parts.append(DATATYPES.get(t, f"an XML Schema {t}"))
    if not parts:
        return "not allowed by the schema"
    return "must be " + (parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " or " + parts[-1])
