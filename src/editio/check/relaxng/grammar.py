"""A small static analysis of a RELAX NG grammar (XML syntax), for messages.

lxml reports *that* an element or attribute is wrong, not what the schema
expected there. This reads the grammar once and answers, for an element name:
which child elements and attributes its content model allows (through refs),
which attributes and child elements are required, and what values an
attribute takes. Position-insensitive by design: it is the union over the
content model, cached per element name.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

from editio.core.namespaces import RNG_NS as RNG
from editio.core.namespaces import XML_NS

R = f"{{{RNG}}}"

ANY = "*"  # a wildcard name class (anyName / nsName)


def _ns_of(node, default_for_attribute: bool) -> str:
    if default_for_attribute:
        return node.get("ns", "")
    while node is not None:
        if node.get("ns") is not None:
            return node.get("ns")
        node = node.getparent()
    return ""


def _qname(text: str, node, ns: str) -> str:
    text = text.strip()
    if ":" in text:
        prefix, local = text.split(":", 1)
        uri = XML_NS if prefix == "xml" else (node.nsmap.get(prefix) or "")
        return f"{{{uri}}}{local}" if uri else local
    return f"{{{ns}}}{text}" if ns else text


def _names(pattern, is_attribute: bool) -> set[str]:
    """The names a pattern's name class matches (ANY for wildcards)."""
    if pattern.get("name") is not None:
        return {_qname(pattern.get("name"), pattern, _ns_of(pattern, is_attribute))}
    found: set[str] = set()
    for child in pattern:
        if not isinstance(child.tag, str):
            continue
        if child.tag == R + "name":
            ns = child.get("ns") if child.get("ns") is not None else _ns_of(pattern, is_attribute)
            found.add(_qname(child.text or "", child, ns))
        elif child.tag in (R + "anyName", R + "nsName"):
            found.add(ANY)
        elif child.tag == R + "choice":
            found |= _names(child, is_attribute)
        if found:
            break
    return found


class Grammar:
    def __init__(self, path: str | Path):
        self.defines: dict[str, list] = {}
        self.elements: dict[str, list] = {}  # element name -> its <element> patterns
        self._load(Path(path), set())
        for defs in self.defines.values():
            for d in defs:
                for el in d.iter(R + "element"):
                    for name in _names(el, False):
                        self.elements.setdefault(name, []).append(el)

    def _load(self, path: Path, seen: set) -> None:
        if path in seen:
            return
        seen.add(path)
        parser = etree.XMLParser(no_network=True, resolve_entities=False, remove_comments=True)
        root = etree.parse(str(path), parser).getroot()
        for inc in root.iter(R + "include"):
            href = inc.get("href")
            if href and "://" not in href:
                self._load(path.parent / href, seen)
            # defines inside <include> override the included ones
            for d in inc.findall(R + "define"):
                self.defines[d.get("name")] = [d]
        for d in root.iter(R + "define"):
            if d.getparent().tag == R + "include":
                continue
            if d.get("combine") and d.get("name") in self.defines:
                self.defines[d.get("name")].append(d)
            else:
                self.defines[d.get("name")] = [d]
        for start in root.iter(R + "start"):
            self.defines.setdefault("\0start", []).append(start)

    def knows(self, name: str) -> bool:
        return name in self.elements

    @cache  # noqa: B019 - a Grammar lives as long as the process's compiled schema
    def content(self, name: str) -> tuple[frozenset, frozenset, bool]:
        """(child element names, attribute names, allows text) of element `name`."""
        children: set[str] = set()
        attributes: set[str] = set()
        text = [False]
        seen: set[str] = set()

        def walk(node):
            for c in node:
                if not isinstance(c.tag, str):
                    continue
                tag = c.tag[len(R) :] if c.tag.startswith(R) else None
                if tag == "element":
                    children.update(_names(c, False))
                elif tag == "attribute":
                    attributes.update(_names(c, True))
                elif tag in ("ref", "parentRef"):
                    ref = c.get("name")
                    if ref not in seen:
                        seen.add(ref)
                        for d in self.defines.get(ref, ()):
                            walk(d)
                elif tag in ("text", "data", "value", "list"):
                    text[0] = True
                elif tag == "mixed":
                    text[0] = True
                    walk(c)
                elif tag in ("name", "anyName", "nsName"):
                    continue
                elif tag is not None:
                    walk(c)

        for el in self.elements.get(name, ()):
            walk(el)
        return frozenset(children), frozenset(attributes), text[0]

    @cache  # noqa: B019 - a Grammar lives as long as the process's compiled schema
    def required(self, name: str) -> tuple[frozenset, frozenset]:
        """(attribute names, child element names) that every match of `name` must have."""
        results = [self._required(el, set()) for el in self.elements.get(name, ())]
        if not results:
            return frozenset(), frozenset()
        attrs = frozenset.intersection(*(r[0] for r in results))
        elems = frozenset.intersection(*(r[1] for r in results))
        return attrs, elems

    def _required(self, node, stack: set) -> tuple[frozenset, frozenset]:
        attrs: set[str] = set()
        elems: set[str] = set()
        for c in node:
            if not isinstance(c.tag, str) or not c.tag.startswith(R):
                continue
            tag = c.tag[len(R) :]
            if tag == "attribute":
                attrs |= _names(c, True) - {ANY}
            elif tag == "element":
                elems |= _names(c, False) - {ANY}
            elif tag in ("optional", "zeroOrMore", "notAllowed", "name", "anyName", "nsName", "empty"):
                continue
            elif tag == "choice":
                branches = [self._required_one(b, stack) for b in c if isinstance(b.tag, str)]
                if branches:
                    attrs |= frozenset.intersection(*(b[0] for b in branches))
                    elems |= frozenset.intersection(*(b[1] for b in branches))
            elif tag in ("ref", "parentRef"):
                ref = c.get("name")
                if ref in stack:
                    continue
                stack.add(ref)
                defs = self.defines.get(ref, ())
                branches = [self._required(d, stack) for d in defs]
                stack.discard(ref)
                if branches:
                    attrs |= frozenset.intersection(*(b[0] for b in branches))
                    elems |= frozenset.intersection(*(b[1] for b in branches))
            else:  # group, interleave, oneOrMore, mixed, list
                a, e = self._required(c, stack)
                attrs |= a
                elems |= e
        return frozenset(attrs), frozenset(elems)

    def _required_one(self, node, stack) -> tuple[frozenset, frozenset]:
        # A choice branch is evaluated as a one-pattern group.
        return self._required([node], stack)

    @cache  # noqa: B019 - a Grammar lives as long as the process's compiled schema
    def attribute_values(self, element: str, attribute: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(allowed literal values, datatype names) of `attribute` on `element`."""
        values: list[str] = []
        types: list[str] = []
        seen: set[str] = set()

        def collect(node):
            for c in node.iter(R + "value", R + "data", R + "ref", R + "text"):
                if c.tag == R + "value":
                    values.append((c.text or "").strip())
                elif c.tag == R + "data":
                    types.append(c.get("type"))
                elif c.tag == R + "text":
                    types.append("text")
                else:
                    ref = c.get("name")
                    if ref not in seen:
                        seen.add(ref)
                        for d in self.defines.get(ref, ()):
                            collect(d)

        def find(node, visited):
            for c in node:
                if not isinstance(c.tag, str):
                    continue
                if c.tag == R + "attribute":
                    if attribute in _names(c, True):
                        collect(c)
                elif c.tag == R + "element":
                    continue
                elif c.tag in (R + "ref", R + "parentRef"):
                    ref = c.get("name")
                    if ref not in visited:
                        visited.add(ref)
                        for d in self.defines.get(ref, ()):
                            find(d, visited)
                else:
                    find(c, visited)

        for el in self.elements.get(element, ()):
            find(el, set())
        return tuple(dict.fromkeys(values)), tuple(dict.fromkeys(t for t in types if t))
