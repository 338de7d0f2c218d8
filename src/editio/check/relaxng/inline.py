"""Each element its define (RELAX NG simplification, 4.19 ff.), the libxml2 way.

Input: one grammar (simplify.py has resolved includes, combined defines and
flattened nested grammars). Output: a grammar of element defines, plus
shared defines where they pay:

- an element whose content libxml2 compiles into an automaton (libxml2.py
  says which): its content is simplified (class references inlined, nested
  choices flattened, deduplicated and laid out as patterns.py describes);
- an element whose content libxml2 interprets: its content keeps its
  patterns as written, and the defines they use are kept, as written (the
  messages libxml2 gives for those follow the pattern's shape);
- defines that only make attributes (TEI's attribute classes) stay shared,
  referenced where they were: inlined into every element, libxml2 would
  compile every datatype again.
In both kinds of content, ambiguous repetitions are rewritten (patterns.linear).
"""

from __future__ import annotations

import copy
from collections import deque

from lxml import etree

from editio.check.relaxng import patterns
from editio.check.relaxng.libxml2 import Compilability
from editio.check.relaxng.patterns import RNG, R, SimplifyError, as_one, children, local, new


class Inliner:
    def __init__(self, start, defines: dict):
        self.start = start
        self.defines = defines  # name -> body; consumed by the simplification
        self.element_defines: dict[str, etree._Element] = {}  # name -> <element>
        self.memo: dict[str, etree._Element] = {}  # non-element define -> simplified body
        self.attribute_defines: dict[str, etree._Element] = {}  # kept: they only make attributes (or nothing)
        self.kept: dict[str, etree._Element] = {}  # defines kept as written (used by interpreted content)
        self.visiting: set[str] = set()
        self.nothing: str | None = None  # the define of notAllowed, once needed
        self.element_refs: dict[str, bool] = {}  # define -> holds element references only

    def run(self) -> etree._ElementTree:
        for name, body in list(self.defines.items()):
            if body.tag == R + "element":
                self.element_defines[name] = body
        for body in list(self.defines.values()):
            self.extract(body)
        holder = new("start", self.start)
        self.extract(holder)
        self.check_cycles()
        self.written = {name: copy.deepcopy(body) for name, body in self.defines.items()}
        compilability = Compilability(self.written)
        self.element_content = lambda p: patterns.element_refs_only(p, self.is_element_ref)
        start = self.norm(holder[0])
        for name, el in list(self.element_defines.items()):
            if compilability.content_compiled(self.written[name]):
                self.norm_element(el)
            else:
                self.element_defines[name] = self.keep(self.written[name])
        return self.write(start)

    def extract(self, node) -> None:
        """Every element not alone in a define goes to a new define of its own."""
        for c in list(node):
            if c.tag == R + "element":
                self.extract(c)
                name = self.new_name(c.get("name") or "element")
                self.element_defines[name] = c
                self.defines[name] = c
                node.replace(c, etree.Element(R + "ref", name=name))
            else:
                self.extract(c)

    def check_cycles(self) -> None:
        """4.19: a define may refer to itself only through an element."""
        done: set[str] = set()

        def visit(name: str, path: set) -> None:
            if name in done or name in self.element_defines:
                return
            if name in path:
                raise SimplifyError(f"define {name} refers to itself without an element between")
            if name not in self.defines:
                raise SimplifyError(f"reference to undefined {name}")
            for ref in self.defines[name].iter(R + "ref"):
                visit(ref.get("name"), path | {name})
            done.add(name)

        for name in self.defines:
            visit(name, set())

    def new_name(self, base: str) -> str:
        name, n = base, 1
        while name in self.defines:
            n += 1
            name = f"{base}.{n}"
        return name

    def is_element_ref(self, name: str) -> bool:
        """An element, or a written define that holds element references only."""
        if name in self.element_defines:
            return True
        if name not in self.element_refs:
            self.element_refs[name] = False  # (until known: a define cannot hold itself without an element)
            body = self.written.get(name)
            self.element_refs[name] = body is not None and patterns.element_refs_only(body, self.is_element_ref)
        return self.element_refs[name]

    # ------------------------------------------------------------ content libxml2 interprets: as written
    def keep(self, node):
        """`node` as written (its repetitions made unambiguous); the defines it uses kept too."""
        for rep in reversed(list(node.iter(R + "oneOrMore", R + "zeroOrMore"))):
            parts = children(rep)
            if len(parts) == 1 and local(parts[0]) == "group":
                parts = children(parts[0])
            rewritten = patterns.linear(local(rep), parts, self.element_content)
            if rewritten is not None:
                rewritten.tail = rep.tail
                rep.getparent().replace(rep, rewritten)
        for ref in node.iter(R + "ref"):
            name = ref.get("name")
            if name not in self.element_defines and name not in self.kept:
                self.kept[name] = self.written[name]
                self.kept[name] = self.keep(copy.deepcopy(self.written[name]))
        return node

    # ------------------------------------------------------------ content libxml2 compiles: simplified
    def expand(self, name: str):
        if name in self.memo:
            return self.memo[name]
        if name in self.visiting:
            raise SimplifyError(f"define {name} refers to itself without an element between")
        self.visiting.add(name)
        self.memo[name] = self.norm(self.defines[name])
        self.visiting.discard(name)
        return self.memo[name]

    def not_allowed(self):
        if self.nothing is None:
            self.nothing = self.new_name("editio.notAllowed")
            self.defines[self.nothing] = self.attribute_defines[self.nothing] = etree.Element(R + "notAllowed")
        return etree.Element(R + "ref", name=self.nothing)

    def only_attributes(self, p) -> bool:
        tag = local(p)
        if tag == "attribute":
            return True
        if tag == "ref":
            return p.get("name") in self.attribute_defines and p.get("name") != self.nothing
        if tag in ("group", "choice", "interleave", "optional", "zeroOrMore", "oneOrMore"):
            return all(self.only_attributes(c) for c in children(p))
        return False

    def norm_element(self, el) -> None:
        kids = children(el)
        name_class = [] if el.get("name") is not None else kids[:1]
        content = self.norm(new("group", *kids[len(name_class) :]))
        # The parts of a group as the element's own children: libxml2 moves
        # those that only make attributes out of the content model and
        # compiles the rest (attributes inside a group would keep it from it).
        parts = children(content) if content.tag == R + "group" else [content]
        for part in parts:
            el.append(part)
        if all(self.moved_out(part) for part in parts):
            etree.SubElement(el, R + "empty")  # an (empty) content model to compile, as in the original

    def moved_out(self, p) -> bool:
        """Whether libxml2 takes this part out of the content model (libxml2.py:
        attributes, and references to nothing)."""
        tag = local(p)
        if tag in ("attribute", "notAllowed"):
            return True
        if tag == "ref":
            return p.get("name") in self.attribute_defines
        if tag in ("group", "choice", "interleave", "optional", "zeroOrMore", "oneOrMore"):
            return all(self.moved_out(c) for c in children(p))
        return False

    def norm(self, p):
        """The pattern `p` simplified (a new or reused element)."""
        tag = local(p)
        if tag == "ref":
            name = p.get("name")
            if name in self.element_defines:
                return p
            if name not in self.defines:
                raise SimplifyError(f"reference to undefined {name}")
            body = self.expand(name)
            if name in self.attribute_defines:
                return p
            if body.tag == R + "notAllowed":
                return self.not_allowed()  # a reference libxml2 keeps (see libxml2.py): so do we
            if self.only_attributes(body):
                self.attribute_defines[name] = body
                return p
            return copy.deepcopy(body)
        if tag in ("group", "interleave"):
            return patterns.sequence(tag, [self.norm(c) for c in children(p)])
        if tag == "choice":
            return patterns.choice([self.norm(c) for c in children(p)])
        if tag in ("optional", "zeroOrMore", "oneOrMore"):
            return patterns.repeat(tag, self.norm(as_one(p)), self.element_content)
        if tag in ("list", "mixed"):
            inner = self.norm(as_one(p))
            if inner.tag == R + "notAllowed":
                return inner
            if tag == "mixed" and inner.tag == R + "empty":
                return etree.Element(R + "text")
            return new(tag, inner)
        if tag == "attribute":
            kids = children(p)
            name_class = [] if p.get("name") is not None else kids[:1]
            content = self.norm(kids[-1]) if len(kids) > len(name_class) else etree.Element(R + "text")
            if content.tag == R + "notAllowed":
                return content
            attribute = new("attribute", *name_class, content)
            attribute.attrib.update(p.attrib)
            return attribute
        if tag == "data":
            for ex in p.findall(R + "except"):
                inner = self.norm(as_one(ex, "choice"))
                if inner.tag == R + "notAllowed":
                    p.remove(ex)
                else:
                    ex.append(inner)
            return p
        if tag in ("text", "empty", "notAllowed", "value"):
            return p
        raise SimplifyError(f"unexpected {tag or p.tag} in a pattern")

    # ------------------------------------------------------------ output
    def write(self, start) -> etree._ElementTree:
        """The grammar: start, then the defines in the order they are reached."""
        grammar = etree.Element(R + "grammar", nsmap={None: RNG})
        etree.SubElement(grammar, R + "start").append(start)
        bodies = {**self.attribute_defines, **self.kept, **self.element_defines}
        order, queue, seen = [], deque([start]), set()
        while queue:
            node = queue.popleft()
            for ref in node.iter(R + "ref"):
                name = ref.get("name")
                if name not in seen:
                    seen.add(name)
                    order.append(name)
                    queue.append(bodies[name])
        for name in order:
            etree.SubElement(grammar, R + "define", name=name).append(bodies[name])
        return etree.ElementTree(grammar)
