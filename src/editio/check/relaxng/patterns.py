"""Building simplified RELAX NG patterns, written the way libxml2 handles well.

Every constructor takes patterns that are already simplified and returns one
that matches exactly the same (the algebra of the specification's 4.12-4.21:
nested groups and choices flattened, notAllowed and empty propagated, repeated
choices deduplicated, optional/zeroOrMore/oneOrMore collapsed), with two
choices of form that change nothing in the language but much in libxml2:

- a choice of three or more alternatives is written choice(a, choice(b, ...)):
  libxml2 builds its automaton for a repeated flat choice in time cubic in its
  width (0.4 s for 400 elements, 3 s for 800), for the nested one in
  milliseconds;
- the ambiguous repetitions of TEI's lists, where every entry can start a new
  round of the outer repetition or continue the inner one, are rewritten into
  unambiguous ones (see `linear`): libxml2 cannot compile those into an
  automaton, and its interpreter follows every way of reading the list at once
  (the check of a listPerson grows with the cube of its length).
"""

from __future__ import annotations

from copy import deepcopy

from lxml import etree

RNG = "http://relaxng.org/ns/structure/1.0"
R = f"{{{RNG}}}"
REPEATS = ("optional", "zeroOrMore", "oneOrMore")


def local(el) -> str:
    return el.tag[len(R):] if isinstance(el.tag, str) and el.tag.startswith(R) else ""


def children(el) -> list:
    """The RELAX NG children (annotations, comments and PIs are not patterns)."""
    return [c for c in el if isinstance(c.tag, str) and c.tag.startswith(R)]


def new(tag: str, *kids):
    el = etree.Element(R + tag)
    for k in kids:
        el.append(k)
    return el


def alternatives(choice) -> list:
    """A simplified choice's alternatives (undoing the nesting `choice` writes)."""
    kids = children(choice)
    if len(kids) == 2 and kids[1].tag == R + "choice":
        return [kids[0], *children(kids[1])]
    return kids


def key(p) -> object:
    return p.get("name") if p.tag == R + "ref" else etree.tostring(p)


def sequence(tag: str, parts: list):
    """group or interleave of simplified parts."""
    flat = []
    for n in parts:
        if n.tag == R + "notAllowed":
            return n
        if n.tag == R + "empty":
            continue
        flat.extend(children(n) if n.tag == R + tag else [n])
    if not flat:
        return new("empty")
    return flat[0] if len(flat) == 1 else new(tag, *flat)


def choice(parts: list):
    found, seen, nullable = [], set(), False
    for n in parts:
        for a in (alternatives(n) if n.tag == R + "choice" else [n]):
            if a.tag == R + "notAllowed":
                continue
            if a.tag == R + "empty":
                nullable = True
                continue
            if a.tag == R + "optional":
                nullable = True
                a = a[0]
            k = key(a)
            if k not in seen:
                seen.add(k)
                found.append(a)
    if not found:
        return new("empty" if nullable else "notAllowed")
    if len(found) <= 2:
        one = found[0] if len(found) == 1 else new("choice", *found)
    else:
        one = new("choice", found[0], new("choice", *found[1:]))
    return repeat("optional", one) if nullable else one


def repeat(tag: str, inner, elements=frozenset()):
    """optional / zeroOrMore / oneOrMore of a simplified pattern.

    `elements`: the names of the defines that are elements (the rewrite of
    ambiguous repetitions applies to element content only)."""
    kind = local(inner)
    if kind == "notAllowed":
        return inner if tag == "oneOrMore" else new("empty")
    if kind == "empty" or kind == tag:
        return inner
    if kind in REPEATS:
        # Any two different ones of these nested are zeroOrMore: (x?)+ = (x+)? = x*.
        return inner if kind == "zeroOrMore" else new("zeroOrMore", inner[0])
    if tag != "optional" and elements:
        rewritten = linear(tag, inner, elements)
        if rewritten is not None:
            return rewritten
    return new(tag, inner)


# ---------------------------------------------------------------- ambiguous repetitions
def linear(tag: str, body, elements):
    """An unambiguous pattern for repeat(tag, body), or None to keep it.

    Only for element content (no attribute, text or data inside), where these
    are identities of regular expressions:
      (X+ Y*)+ = X (X|Y)*        (X+ Y*)* = (X (X|Y)*)?
      (Y* X+)+ = (Y* X)+         (Y* X+)* = (Y* X)*
      (A | B* | C+)+ = (A | B | C)*   and the same under *, where an alternative
      is nullable; without one, (A | C+)+ = (A | C)+.
    """
    if not _elements_only(body, elements):
        return None
    kind = local(body)
    if kind == "group":
        parts = children(body)
        if len(parts) == 2 and local(parts[0]) == "oneOrMore" and local(parts[1]) == "zeroOrMore":
            x, y = parts[0][0], parts[1][0]
            once = sequence("group", [x, repeat("zeroOrMore", choice([deepcopy(x), y]), elements)])
            return once if tag == "oneOrMore" else repeat("optional", once)
        if len(parts) == 2 and local(parts[0]) == "zeroOrMore" and local(parts[1]) == "oneOrMore":
            return new(tag, new("group", parts[0], parts[1][0]))
        return None
    if kind == "choice":
        alts = alternatives(body)
        inner = [a for a in alts if local(a) in ("zeroOrMore", "oneOrMore")]
        if not inner:
            return None
        nullable = tag == "zeroOrMore" or any(local(a) == "zeroOrMore" for a in inner)
        flat = choice([a[0] if a in inner else a for a in alts])
        return repeat("zeroOrMore" if nullable else "oneOrMore", flat, elements)
    return None


_ELEMENT_CONTENT = {"ref", "choice", "group", "oneOrMore", "zeroOrMore", "optional", "empty"}


def _elements_only(p, elements) -> bool:
    """Made of references to elements only (attributes repeated are not
    elements repeated, and text has rules of its own)."""
    for node in p.iter():
        if not isinstance(node.tag, str):
            continue
        if local(node) not in _ELEMENT_CONTENT:
            return False
        if node.tag == R + "ref" and node.get("name") not in elements:
            return False
    return True
