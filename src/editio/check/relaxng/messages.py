"""RELAX NG validation with lxml, and messages as useful as jing's.

lxml (libxml2) gives a line, no column, no list of what was expected; it
repeats itself; and it often stops at the first structural error. So:

- each round validates a working copy of the tree, keeps the deepest errors
  (ancestors' "failed to validate content" are consequences), explains each
  one with the grammar analysis (`rnggrammar`), then repairs the copy (drops
  the rejected element, attribute or text) and validates again, until the
  copy is valid or nothing more can be repaired. Every problem is reported,
  not just the first.
- columns come from scanning the source line of the start tag.

The verdict (valid or not) is always lxml's first answer; the loop only
finds more messages.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from lxml import etree

from editio.core.diagnostics import Diagnostic, error, unique
from editio.check.relaxng.grammar import ANY, XML_NS, Grammar

MAX_ROUNDS = 500  # a file this broken has told its story
TEI_NS = "http://www.tei-c.org/ns/1.0"

_DATATYPES = {
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


XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@dataclass
class _Problem:
    kind: str  # element | attribute | value | text | missing | content
    target: etree._Element  # in the working copy
    attribute: str | None = None
    entry_message: str = ""


def validate(relaxng: etree.RelaxNG, grammar: Grammar | None, tree, path: str, source: bytes | None,
             isolation: etree.RelaxNG | None = None, _origin: dict | None = None) -> list[Diagnostic]:
    """`isolation`: the same grammar with any element as start, to check a subtree alone."""
    if relaxng.validate(tree):
        return []
    tree, repeats = _rename_duplicate_ids(tree)
    located = _Explainer(None, {}, path, source)
    id_found = [
        error(path, el.sourceline or 0, located._attribute_column(el, XML_ID),
              f'duplicate ID "{value}" (first on line {first.sourceline})', "schema.id")
        for el, first, value in repeats
    ]
    if _origin is None and relaxng.validate(tree):
        return id_found
    work = copy.deepcopy(tree)
    origin = dict(zip(work.iter(), tree.iter()))
    if _origin is not None:
        origin = {w: _origin.get(o, o) for w, o in origin.items()}
    explainer = _Explainer(grammar, origin, path, source)
    found: list[Diagnostic] = []
    given_up: set = set()
    first = True
    for _round in range(MAX_ROUNDS):
        if not first and relaxng.validate(work):
            break
        first = False
        problems = _problems(relaxng.error_log, work)
        problems = [p for p in problems if not _is_cascade(p, given_up)]
        if not problems:
            break
        for p in problems:
            inner = _inside(p, isolation, grammar, path, source, origin) if p.kind == "content" else []
            if inner:
                found.extend(inner)
                continue
            d = explainer.explain(p)
            if d is not None:
                found.append(d)
        if not _repair(problems, work, given_up):
            break
    if not found and _origin is None:  # never leave an invalid file without a message
        entries = list(relaxng.error_log) or []
        e = entries[0] if entries else None
        found.append(error(path, e.line if e else 0, 0, e.message if e else "not valid against the schema", "schema.content"))
    return unique(id_found + found)


def _alone(element) -> etree._ElementTree:
    """A copy of `element` as a document of its own, without its tail (text
    after the element, which a document cannot have after its root)."""
    alone = copy.deepcopy(element)
    alone.tail = None
    return etree.ElementTree(alone)


def _inside(p: _Problem, isolation, grammar, path, source, origin) -> list[Diagnostic]:
    """libxml2's compiled content models blame the parent for a child that is
    wrong inside: check each child element alone to find the real place."""
    if isolation is None:
        return []
    found: list[Diagnostic] = []
    for child in p.target:
        if isinstance(child.tag, str) and grammar is not None and not grammar.knows(child.tag):
            d = _Explainer(grammar, origin, path, source).explain(_Problem("element", child))
            found.extend([d] if d else [])
        elif isinstance(child.tag, str) and not isolation.validate(alone := _alone(child)):
            mapping = dict(zip(alone.iter(), child.iter()))
            mapping = {a: origin.get(c, c) for a, c in mapping.items()}
            inner = validate(isolation, grammar, alone, path, source, isolation, _origin=mapping)
            if not inner:  # wrong as a whole (e.g. a name the schema lacks)
                d = _Explainer(grammar, origin, path, source).explain(_Problem("element", child))
                inner = [d] if d else []
            found.extend(inner)
    return found


def _rename_duplicate_ids(tree):
    """(tree, repeats): a copy whose repeated xml:ids are made unique (or the
    tree itself), and each repetition as (element, first element, value).

    libxml2's RelaxNG turns a repeated ID into misleading content errors far
    from it; the repetition is reported once, here, as jing does.
    """
    first: dict[str, etree._Element] = {}
    repeats = []
    for el in tree.iter():
        value = el.get(XML_ID) if isinstance(el.tag, str) else None
        if value is not None:
            if value in first:
                repeats.append((el, first[value], value))
            else:
                first[value] = el
    if not repeats:
        return tree, []
    work = copy.deepcopy(tree)
    seen: set[str] = set()
    for i, el in enumerate(work.iter()):
        value = el.get(XML_ID) if isinstance(el.tag, str) else None
        if value is not None:
            if value in seen:
                el.set(XML_ID, f"{value}.editio-repeat-{i}")
            seen.add(value)
    return work, repeats


def _problems(error_log, work) -> list[_Problem]:
    problems: dict = {}
    for entry in error_log:
        if entry.level_name not in ("ERROR", "FATAL"):
            continue
        node = _node(work, entry.path)
        if node is None:
            continue
        p = _classify(entry, node)
        if p is None:
            continue
        key = (p.target, p.kind, p.attribute)
        problems.setdefault(key, p)
    found = list(problems.values())
    # An element that is wrong inside is also refused by its parent (libxml2's
    # compiled content models): the inside is the cause.
    troubled = [p.target for p in found]
    found = [p for p in found if not (p.kind == "element" and any(
        t is not p.target and _is_ancestor(p.target, t) or (t is p.target and q.kind != "element")
        for q, t in zip(found, troubled)))]
    targets = {p.target for p in found}
    # Keep the deepest: an ancestor's complaint is a consequence of its child's.
    deep = []
    for p in found:
        below = any(t is not p.target and _is_ancestor(p.target, t) for t in targets)
        if below and p.kind in ("content", "missing"):
            continue
        deep.append(p)
    return deep


def _node(work, xpath: str | None):
    if not xpath:
        return None
    try:
        hits = work.xpath(xpath)
    except etree.XPathError:
        return None
    return hits[0] if hits and isinstance(hits[0], etree._Element) else None


_NAMED = re.compile(r"(?:Did not expect element (\S+) there|Expecting element \S+, got (\S+)|Element \S+ has extra content: (\S+))")


def _named_ancestor(node, name: str):
    """libxml2's path sometimes names a child of the element the message is about."""
    local = name.split(":")[-1]
    probe = node
    while probe is not None:
        if isinstance(probe.tag, str) and etree.QName(probe).localname == local:
            return probe
        probe = probe.getparent()
    return node


def _classify(entry, node) -> _Problem | None:
    kind = entry.type_name
    msg = entry.message
    about = re.match(r"(?:Element|Invalid attribute \S+ for element) (\S+)", msg)
    if about:
        node = _named_ancestor(node, about.group(1))
    if kind == "RELAXNG_ERR_EXTRACONTENT":
        return _Problem("content", node, entry_message=msg)
    if kind in ("RELAXNG_ERR_ELEMWRONG", "RELAXNG_ERR_ELEMNAME", "RELAXNG_ERR_ELEMEXTRANS"):
        m = _NAMED.search(msg)
        name = next((g for g in m.groups() if g), None) if m else None
        target = _culprit(node, name, entry.line) if name else None
        return _Problem("element", target, entry_message=msg) if target is not None else _Problem("content", node, entry_message=msg)
    if kind == "RELAXNG_ERR_INVALIDATTR":
        m = re.search(r"Invalid attribute (\S+) for element", msg)
        return _Problem("attribute", node, attribute=m.group(1) if m else None, entry_message=msg)
    if kind == "RELAXNG_ERR_ATTRVALID":
        return _Problem("missing-attribute", node, entry_message=msg)
    if kind == "RELAXNG_ERR_TEXTWRONG":
        return _Problem("text", node, entry_message=msg)
    if kind == "RELAXNG_ERR_NOELEM":
        return _Problem("missing", node, entry_message=msg)
    return _Problem("content", node, entry_message=msg)


def _culprit(node, name: str, line: int):
    """The element named `name` that libxml2 rejected: `node` or one of its children.

    libxml2 points at the element itself when it interprets the content
    model, and at the parent when it runs its compiled automaton.
    """
    local = name.split(":")[-1]
    if etree.QName(node).localname == local and (node.sourceline == line or not len(node)):
        return node
    kids = [c for c in node if isinstance(c.tag, str) and etree.QName(c).localname == local]
    if not kids:
        return node if etree.QName(node).localname == local else None
    if len(kids) == 1:
        return kids[0]
    # Several: the first that follows a sibling of another name is the one out of order.
    for k in kids:
        prev = k.getprevious()
        while prev is not None and not isinstance(prev.tag, str):
            prev = prev.getprevious()
        if prev is not None and prev.tag != k.tag:
            return k
    return kids[0]


def _is_ancestor(a, b) -> bool:
    parent = b.getparent()
    while parent is not None:
        if parent is a:
            return True
        parent = parent.getparent()
    return False


def _is_cascade(p: _Problem, given_up: set) -> bool:
    # An element whose child we had to drop will complain about incompleteness.
    return p.kind in ("missing", "content") and p.target in given_up


def _repair(problems: list[_Problem], work, given_up: set) -> bool:
    changed = False
    root = work.getroot()
    for p in problems:
        el = p.target
        if p.kind == "attribute" and p.attribute:
            for key in list(el.attrib):
                if etree.QName(key).localname == p.attribute.split(":")[-1]:
                    del el.attrib[key]
                    changed = True
        elif p.kind == "text":
            if el.text and el.text.strip():
                el.text = None
                changed = True
            for c in el:
                if c.tail and c.tail.strip():
                    c.tail = None
                    changed = True
        elif el is not root and el.getparent() is not None:
            parent = el.getparent()
            given_up.add(parent)
            _remove_keep_tail(el)
            changed = True
    return changed


def _remove_keep_tail(el) -> None:
    parent = el.getparent()
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


class _Explainer:
    def __init__(self, grammar, origin, path, source):
        self.grammar = grammar
        self.origin = origin
        self.path = path
        self.lines = source.splitlines() if source else []
        self._by_line: dict = {}  # root element -> {(tag, line): elements in document order}

    def explain(self, p: _Problem) -> Diagnostic | None:
        orig = self.origin.get(p.target, p.target)
        g = self.grammar
        name = _show(orig.tag)
        parent = orig.getparent()
        line = orig.sourceline or 0
        col = self._column(orig)
        if p.kind == "element":
            where = _show(parent.tag) if parent is not None else None
            if g is None or parent is None:
                return error(self.path, line, col, f'element "{name}" not allowed here', "schema.element")
            allowed, _attrs, text = g.content(parent.tag)
            if not g.knows(orig.tag):
                msg = f'element "{name}" not allowed anywhere (the schema does not define it); "{where}" allows {_expect(allowed, text)}'
            elif orig.tag in allowed or ANY in allowed:
                msg = f'element "{name}" not allowed at this position in "{where}" (allowed there, but not here: check the order and the number of elements)'
                _a, needed = g.required(parent.tag)
                present = {c.tag for c in parent if isinstance(c.tag, str)}
                missing = sorted((_show(n) for n in needed if n not in present), key=str)
                if missing:
                    msg += "; missing required element " + ", ".join(f'"{m}"' for m in missing)
            else:
                msg = f'element "{name}" not allowed in "{where}"; expected {_expect(allowed, text)}'
            return error(self.path, line, col, msg, "schema.element")
        if p.kind == "attribute":
            attr = self._attribute_name(orig, p.attribute)
            shown = _show(attr) if attr else p.attribute
            acol = self._attribute_column(orig, shown) or col
            if g is None:
                return error(self.path, line, acol, f'attribute "{shown}" of element "{name}" is invalid', "schema.attribute")
            _children, allowed, _text = g.content(orig.tag)
            if attr in allowed:
                values, types = g.attribute_values(orig.tag, attr)
                msg = f'value "{orig.get(attr)}" of attribute "{shown}" on element "{name}" is invalid; {_must_be(values, types)}'
                return error(self.path, line, acol, msg, "schema.value")
            names = ", ".join(f'"{_show(a)}"' for a in sorted(allowed, key=_show) if a != ANY)
            msg = f'attribute "{shown}" not allowed on element "{name}"; expected attribute {names or "none"}'
            return error(self.path, line, acol, msg, "schema.attribute")
        if p.kind == "missing-attribute":
            if g is not None:
                needed, _e = g.required(orig.tag)
                missing = sorted((_show(a) for a in needed if a not in orig.attrib), key=str)
                if missing:
                    what = ", ".join(f'"{m}"' for m in missing)
                    return error(self.path, line, col, f'element "{name}" missing required attribute {what}', "schema.missing")
            return error(self.path, line, col, f'attributes of element "{name}" are invalid ({p.entry_message})', "schema.attribute")
        if p.kind == "text":
            return error(self.path, line, col, f'text not allowed in element "{name}"', "schema.text")
        if p.kind in ("missing", "content") and g is not None:
            _a, needed = g.required(orig.tag)
            present = {c.tag for c in orig if isinstance(c.tag, str)}
            missing = sorted((_show(n) for n in needed if n not in present), key=str)
            if missing:
                what = ", ".join(f'"{m}"' for m in missing)
                return error(self.path, line, col, f'element "{name}" incomplete; missing required element {what}', "schema.missing")
            if p.kind == "missing":
                allowed, _attrs, text = g.content(orig.tag)
                return error(self.path, line, col, f'element "{name}" incomplete; expected {_expect(allowed, text)}', "schema.missing")
        return error(self.path, line, col, f'content of element "{name}" is not valid (libxml2: {p.entry_message})', "schema.content")

    @staticmethod
    def _attribute_name(el, local: str | None) -> str | None:
        if not local:
            return None
        local = local.split(":")[-1]
        for key in el.attrib:
            if etree.QName(key).localname == local:
                return key
        return local

    def _column(self, el) -> int:
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

    def _attribute_column(self, el, shown: str) -> int:
        line = el.sourceline
        if not line or line > len(self.lines):
            return 0
        text = self.lines[line - 1].decode("utf-8", "replace")
        start = max(self._column(el) - 1, 0)
        local = shown.rsplit("}", 1)[-1].split(":")[-1]
        m = re.compile(rf"\s((?:[\w.-]+:)?{re.escape(local)})\s*=").search(text, start)
        return m.start(1) + 1 if m else 0


def _show(tag: str) -> str:
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


def _expect(allowed, text: bool) -> str:
    names = sorted((_show(n) for n in allowed if n != ANY), key=str)
    parts = []
    if names:
        parts.append("element " + ", ".join(f'"{n}"' for n in names))
    if ANY in allowed:
        parts.append("any element")
    if text:
        parts.append("text")
    return " or ".join(parts) if parts else "nothing (it must be empty)"


def _must_be(values, types) -> str:
    parts = [f'"{v}"' for v in values]
    for t in types:
        parts.append(_DATATYPES.get(t, f"an XML Schema {t}"))
    if not parts:
        return "not allowed by the schema"
    return "must be " + (parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " or " + parts[-1])
