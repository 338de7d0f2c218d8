"""What libxml2 does with a grammar as written: which content models it compiles.

libxml2 checks an element's content either with an automaton (compiled once,
fast, and its error messages do not depend on how the pattern is written) or
by interpreting the pattern (slower, and its messages follow the pattern's
shape: which alternative it tried, in which order). editio's messages are
built from those errors, so the simplified grammar keeps, element by element,
the way libxml2 would check the original: elements it compiles are rewritten
freely (same language), the others keep their patterns as written.

This follows libxml2's relaxng.c (xmlRelaxNGIsCompileable after
xmlRelaxNGSimplify and the move of attribute-only parts out of the content):
a content model is compiled unless it reaches -- through references and
containers, not into other elements -- an attribute, data, value, list,
interleave (mixed), an element with a name class, or a notAllowed that
libxml2 does not remove (one reached through a reference, or one in a
group or repetition). Whether the automaton is then deterministic (else
libxml2 interprets after all) is not emulated: see simplify.py.
"""

from __future__ import annotations

from editio.check.relaxng.patterns import children, local

_CONTAINERS = ("choice", "group", "interleave", "oneOrMore", "zeroOrMore", "optional")
_NOT_ATTRIBUTES = ("element", "text", "data", "param", "list", "value", "empty")
_NEVER = ("attribute", "interleave", "mixed", "data", "value", "list", "notAllowed", "except")


class Compilability:
    def __init__(self, defines: dict):
        self.defines = defines  # name -> body, as written (elements extracted into their defines)
        self.memo: dict[str, bool] = {}

    def content_compiled(self, element) -> bool:
        """Whether libxml2 builds an automaton for this element's content (and
        keeps it: a repetition of something that may be empty, (a | b?)+, makes
        the automaton ambiguous and libxml2 interprets the content instead)."""
        kids = children(element)
        content = kids if element.get("name") is not None else kids[1:]
        content = [k for k in content if not self.only_attributes(k, set())]
        return bool(content) and all(self.compiles(k) and not self.repeats_empty(k, set()) for k in content)

    def repeats_empty(self, p, seen: set) -> bool:
        kind = local(p)
        if kind == "ref":
            name = p.get("name")
            if name in seen or local(self.defines[name]) == "element":
                return False
            seen.add(name)
            return self.repeats_empty(self.defines[name], seen)
        if kind in ("oneOrMore", "zeroOrMore") and all(self.nullable(c, set()) for c in children(p)):
            return True
        return kind in _CONTAINERS and any(self.repeats_empty(c, seen) for c in children(p))

    def nullable(self, p, seen: set) -> bool:
        """May match nothing (text aside: libxml2 makes it a loop of its own, harmless here)."""
        kind = local(p)
        if kind in ("optional", "zeroOrMore", "empty"):
            return True
        if kind == "ref":
            name = p.get("name")
            return (
                name not in seen
                and local(self.defines[name]) != "element"
                and self.nullable(self.defines[name], seen | {name})
            )
        if kind == "choice":
            return any(self.nullable(c, seen) for c in children(p))
        if kind in ("group", "oneOrMore"):
            return all(self.nullable(c, seen) for c in children(p))
        return False

    def only_attributes(self, p, seen: set) -> bool:
        """xmlRelaxNGGenerateAttributes: nothing but attributes (notAllowed counts as none)."""
        kind = local(p)
        if kind in _NOT_ATTRIBUTES:
            return False
        if kind == "ref":
            name = p.get("name")
            if name in seen:
                return True
            seen.add(name)
            return self.only_attributes(self.defines[name], seen)
        if kind in _CONTAINERS or kind == "mixed":
            return all(self.only_attributes(c, seen) for c in children(p))
        return True  # attribute, notAllowed

    def compiles(self, p) -> bool:
        kind = local(p)
        if kind in ("text", "empty"):
            return True
        if kind == "element":  # a transition: fine when it has a plain name
            return p.get("name") is not None
        if kind == "ref":
            name = p.get("name")
            if name not in self.memo:
                self.memo[name] = True  # libxml2 too answers yes on a reference it is already following
                self.memo[name] = self.compiles(self.defines[name])
            return self.memo[name]
        if kind in _NEVER:
            return False
        kids = children(p)
        if kind == "choice":  # libxml2 drops a notAllowed written in a choice
            return all(self.compiles(c) for c in kids if local(c) != "notAllowed")
        return all(self.compiles(c) for c in kids)
