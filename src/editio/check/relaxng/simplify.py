"""RELAX NG simplification (the specification's section 4), in Python over lxml.

libxml2 compiles tei_all as its ODD writes it (1,200 defines of model and
attribute classes whose nested choices name the same elements again and
again) in ~7 s, and checks some of its lists in cubic time. The same language,
written as one grammar with each element in its define and its content in
the shapes libxml2 handles well, compiles in a tenth of that and checks
every list in linear time. This module reads the grammar into one; inline.py
and patterns.py write it out for libxml2.

What is done (section numbers of the specification):
- 4.1 annotations dropped (foreign elements and attributes, comments);
- 4.3-4.5, 4.8-4.10: datatypeLibrary, namespaces and names made explicit on
  every data, value, element, attribute, name and nsName, so patterns can be
  moved anywhere;
- 4.6, 4.7, 4.11: externalRef and include resolved (local files only), div removed;
- 4.17, 4.18: defines combined, nested grammars flattened into one;
- 4.19 ff. (inline.py): every element in a define of its own, unreachable
  defines dropped; other defines inlined where libxml2 compiles the content
  (nested groups and choices flattened, choices deduplicated, notAllowed and
  empty propagated, repetitions collapsed: each step keeps the language),
  kept as written where libxml2 interprets it.

Anything outside this (a network href, a ref to nothing, a cycle without an
element, an unknown RELAX NG element) raises SimplifyError: the caller
compiles the grammar as written, and libxml2 says what it says about it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from lxml import etree

from editio.check.relaxng import patterns
from editio.check.relaxng.inline import Inliner
from editio.check.relaxng.patterns import SimplifyError

RNG = "http://relaxng.org/ns/structure/1.0"
R = f"{{{RNG}}}"
XML_NS = "http://www.w3.org/XML/1998/namespace"

_PATTERNS = {
    "element",
    "attribute",
    "group",
    "interleave",
    "choice",
    "optional",
    "zeroOrMore",
    "oneOrMore",
    "list",
    "mixed",
    "ref",
    "parentRef",
    "empty",
    "text",
    "value",
    "data",
    "notAllowed",
    "externalRef",
    "grammar",
}
_OTHERS = {"name", "anyName", "nsName", "except", "param", "start", "define", "div", "include"}


@dataclass
class Simplified:
    tree: etree._ElementTree
    files: list[Path] = field(default_factory=list)  # every file read, the main one first


def simplify(path: str | Path) -> Simplified:
    reader = _Reader()
    holder = etree.Element(R + "holder", nsmap={None: RNG})
    reader.read(Path(path), holder, "")
    top = holder[0]
    if top.tag != R + "grammar":  # a bare pattern is a grammar with that start (4.18)
        grammar = etree.SubElement(holder, R + "grammar")
        etree.SubElement(grammar, R + "start").append(top)
        top = grammar
    start, defines = _Flattener().run(top)
    tree = Inliner(start, defines).run()
    return Simplified(tree, reader.files)


_local = patterns.local
_children = patterns.children


# ---------------------------------------------------------------- reading (4.1-4.11)
class _Reader:
    def __init__(self):
        self.files: list[Path] = []
        self.stack: list[Path] = []
        self.parser = etree.XMLParser(
            no_network=True,
            resolve_entities=False,
            load_dtd=False,
            remove_comments=True,
            remove_pis=True,
            huge_tree=True,
        )

    def read(self, path: Path, out, ns: str) -> None:
        """Convert the file's root pattern into `out` (one new child)."""
        path = path.resolve()
        if path in self.stack:
            raise SimplifyError(f"{path} includes itself")
        if path not in self.files:
            self.files.append(path)
        try:
            root = etree.parse(str(path), self.parser).getroot()
        except (OSError, etree.XMLSyntaxError) as exc:
            raise SimplifyError(f"cannot read {path}: {exc}") from None
        if _local(root) not in _PATTERNS:
            raise SimplifyError(f"{path} is not a RELAX NG pattern")
        self.stack.append(path)
        self.convert(root, out, ns, "")
        self.stack.pop()

    def href(self, el) -> Path:
        href = el.get("href")
        if not href:
            raise SimplifyError(f"{_local(el)} without href")
        url = urlparse(urljoin(el.base or "", href))
        if url.scheme not in ("", "file"):
            raise SimplifyError(f"{href}: only local files are read")
        return Path(unquote(url.path))

    def convert(self, el, out, ns: str, dtlib: str) -> None:
        """Append to `out` the simplified form of `el` (nothing, one element, or several)."""
        tag = _local(el)
        if not tag:
            return  # 4.1: foreign elements go
        if tag not in _PATTERNS and tag not in _OTHERS:
            raise SimplifyError(f"unknown RELAX NG element {tag}")  # (even where unused: libxml2 says so)
        ns = el.get("ns", ns)
        dtlib = el.get("datatypeLibrary", dtlib)
        if tag == "div":  # 4.11
            for c in _children(el):
                self.convert(c, out, ns, dtlib)
            return
        if tag == "include":
            self.include(el, out, ns, dtlib)
            return
        if tag == "externalRef":
            self.read(self.href(el), out, ns)
            return
        new = etree.SubElement(out, R + tag)
        if tag in ("define", "ref", "parentRef"):
            new.set("name", _required(el, "name").strip())
        if tag in ("define", "start"):
            if el.get("combine"):
                new.set("combine", el.get("combine").strip())
        if tag in ("element", "attribute"):
            if el.get("name") is not None:
                local, uri = _qname(el, el.get("name"), ns if tag == "element" else el.get("ns", ""))
                new.set("name", local)
                new.set("ns", uri)
        elif tag == "name":
            local, uri = _qname(el, el.text or "", ns)
            new.text = local
            new.set("ns", uri)
            return
        elif tag == "nsName":
            new.set("ns", ns)
        elif tag == "value":  # 4.4
            if el.get("type") is None:
                new.set("type", "token")
                new.set("datatypeLibrary", "")
            else:
                new.set("type", el.get("type").strip())
                new.set("datatypeLibrary", dtlib)
            new.set("ns", ns)
            new.text = el.text or ""
            return
        elif tag == "data":
            new.set("type", _required(el, "type").strip())
            new.set("datatypeLibrary", dtlib)
        elif tag == "param":
            new.set("name", _required(el, "name").strip())
            new.text = el.text or ""
            return
        for c in _children(el):
            self.convert(c, new, ns, dtlib)
        if tag == "attribute" and len(new) == (0 if new.get("name") is not None else 1):
            etree.SubElement(new, R + "text")  # 4.12: an attribute's content defaults to text

    def include(self, el, out, ns: str, dtlib: str) -> None:
        """4.7: the included grammar's components, less those the include overrides."""
        holder = etree.Element(R + "holder")
        self.read(self.href(el), holder, ns)
        included = holder[0]
        if included.tag != R + "grammar":
            raise SimplifyError(f"{el.get('href')} is not a grammar")
        own = etree.Element(R + "holder")
        for c in _children(el):
            self.convert(c, own, ns, dtlib)
        overridden = {d.get("name") for d in own if d.tag == R + "define"}
        has_start = any(c.tag == R + "start" for c in own)
        found = set()
        for c in list(included):
            if c.tag == R + "start" and has_start:
                found.add("\0start")
                included.remove(c)
            elif c.tag == R + "define" and c.get("name") in overridden:
                found.add(c.get("name"))
                included.remove(c)
        missing = (overridden | ({"\0start"} if has_start else set())) - found
        if missing:
            raise SimplifyError(f"include of {el.get('href')} overrides what it does not define")
        for c in [*included, *own]:
            out.append(c)


def _required(el, attribute: str) -> str:
    value = el.get(attribute)
    if value is None:
        raise SimplifyError(f"{_local(el)} without {attribute}")
    return value


def _qname(el, text: str, default_ns: str) -> tuple[str, str]:
    text = text.strip()
    if ":" not in text:
        return text, default_ns
    prefix, local = text.split(":", 1)
    if prefix == "xml":
        return local, XML_NS
    uri = el.nsmap.get(prefix)
    if uri is None:
        raise SimplifyError(f"prefix {prefix} of {text} is not declared")
    return local, uri


# ---------------------------------------------------------------- one grammar (4.17, 4.18)
_as_one = patterns.as_one


class _Flattener:
    def __init__(self):
        self.defines: dict[str, etree._Element] = {}  # unique name -> one pattern
        self.top = True

    def unique(self, name: str) -> str:
        if self.top:
            return name
        n = 1
        while f"{name}.{n}" in self.defines:
            n += 1
        return f"{name}.{n}"

    def run(self, grammar):
        start = self.grammar(grammar, {})
        return start, self.defines

    def grammar(self, g, parent_scope: dict) -> etree._Element:
        """Register the grammar's defines; its start pattern, references renamed."""
        parts: dict[str, list] = {}
        for c in _children(g):
            if c.tag not in (R + "start", R + "define"):
                raise SimplifyError(f"unexpected {_local(c)} in a grammar")
            parts.setdefault("\0start" if c.tag == R + "start" else c.get("name"), []).append(c)
        if "\0start" not in parts:
            raise SimplifyError("a grammar without start")
        scope = {}
        for name in parts:
            if name != "\0start":
                scope[name] = self.unique(name)
                self.defines[scope[name]] = etree.Element(R + "notAllowed")  # reserve the name
        self.top = False
        start = None
        for name, components in parts.items():
            holder = etree.Element(R + "holder")
            holder.append(_combine(name, components))
            self.rename(holder, scope, parent_scope)
            if name == "\0start":
                start = holder[0]
            else:
                self.defines[scope[name]] = holder[0]
        return start

    def rename(self, node, scope: dict, parent_scope: dict) -> None:
        for c in list(node):
            if c.tag in (R + "ref", R + "parentRef"):
                names = scope if c.tag == R + "ref" else parent_scope
                if c.get("name") not in names:
                    raise SimplifyError(f"reference to undefined {c.get('name')}")
                c.tag = R + "ref"
                c.set("name", names[c.get("name")])
            elif c.tag == R + "grammar":
                start = self.grammar(c, scope)
                start.tail = None
                node.replace(c, start)
            else:
                self.rename(c, scope, parent_scope)


def _combine(name: str, components: list) -> etree._Element:
    bodies = [_as_one(c) for c in components]
    if len(bodies) == 1:
        return bodies[0]
    methods = {c.get("combine") for c in components}
    plain = sum(1 for c in components if not c.get("combine"))
    methods.discard(None)
    if plain > 1 or len(methods) != 1 or not methods <= {"choice", "interleave"}:
        raise SimplifyError(f"define {name.strip(chr(0))} is combined inconsistently")
    combined = etree.Element(R + methods.pop())
    for b in bodies:
        combined.append(b)
    return combined
