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


class SimplifyError(Exception):
    """The grammar uses something simplify.py does not simplify (or is wrong)."""


def local(el) -> str:
    return el.tag[len(R) :] if isinstance(el.tag, str) and el.tag.startswith(R) else ""


def children(el) -> list:
    """The RELAX NG children (annotations, comments and PIs are not patterns)."""
    return [c for c in el if isinstance(c.tag, str) and c.tag.startswith(R)]


def new(tag: str, *kids):
    el = etree.Element(R + tag)
    for k in kids:
        el.append(k)
    return el


def as_one(el, tag: str = "group"):
    """The content of `el` (define, start, element content...) as one pattern."""
    kids = children(el)
    if len(kids) == 1:
        return kids[0]
    return new(tag, *kids) if kids else new("empty")


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
        for a in alternatives(n) if n.tag == R + "choice" else [n]:
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


def repeat(tag: str, inner, element_content=None):
    """optional / zeroOrMore / oneOrMore of a simplified pattern.

    `element_content(pattern)`: whether a pattern holds only element references
    (the rewrite of ambiguous repetitions applies to those only); None: no rewrite."""
    kind = local(inner)
    if kind == "notAllowed":
        return inner if tag == "oneOrMore" else new("empty")
    if kind == "empty" or kind == tag:
        return inner
    if kind in REPEATS:
        # Any two different ones of these nested are zeroOrMore: (x?)+ = (x+)? = x*.
        return inner if kind == "zeroOrMore" else new("zeroOrMore", inner[0])
    if tag != "optional" and element_content is not None:
        parts = children(inner) if local(inner) == "group" else [inner]
        rewritten = linear(tag, parts, element_content, lambda t, *k: simplified(t, k, element_content))
        if rewritten is not None:
            return rewritten
    return new(tag, inner)


# ---------------------------------------------------------------- ambiguous repetitions
def simplified(tag: str, kids, element_content=None):
    """`new`, simplified."""
    if tag in ("group", "interleave"):
        return sequence(tag, list(kids))
    if tag == "choice":
        return choice(list(kids))
    return repeat(tag, kids[0], element_content)


def linear(tag: str, parts: list, element_content, make=new):
    """An unambiguous pattern for repeat(tag, group(parts)), or None to keep it.

    Only for element content (no attribute, text or data inside), where these
    are identities of regular expressions:
      (X+ Y*)+ = X (X|Y)*        (X+ Y*)* = (X (X|Y)*)?
      (Y* X+)+ = (Y* X)+         (Y* X+)* = (Y* X)*
      (A | B* | C+)+ = (A | B | C)*   and the same under *, where an alternative
      is nullable; without one, (A | C+)+ = (A | C)+.
    The parts may be written patterns (simplify.py keeps those of content
    models libxml2 interprets) or simplified ones.
    """
    if not all(element_content(p) for p in parts):
        return None
    first, last = (local(parts[0]), local(parts[-1])) if len(parts) == 2 else ("", "")
    if first == "oneOrMore" and last == "zeroOrMore" and _single(parts):
        x, y = parts[0][0], parts[1][0]
        once = make("group", x, make("zeroOrMore", make("choice", deepcopy(x), y)))
        return once if tag == "oneOrMore" else make("optional", once)
    if first == "zeroOrMore" and last == "oneOrMore" and _single(parts):
        return make(tag, make("group", parts[0], parts[1][0]))
    if len(parts) == 1 and local(parts[0]) == "choice":
        alts = alternatives(parts[0])
        inner = [a for a in alts if local(a) in ("zeroOrMore", "oneOrMore") and len(children(a)) == 1]
        if not inner:
            return None
        nullable = tag == "zeroOrMore" or any(local(a) == "zeroOrMore" for a in inner)
        flat = make("choice", *[a[0] if any(a is i for i in inner) else a for a in alts])
        return make("zeroOrMore" if nullable else "oneOrMore", flat)
    return None


def _single(parts) -> bool:
    return all(len(children(p)) == 1 for p in parts)


_ELEMENT_CONTENT = {"ref", "choice", "group", "oneOrMore", "zeroOrMore", "optional", "empty"}


def element_refs_only(p, is_element_ref) -> bool:
    """Made of references to elements only (attributes repeated are not
    elements repeated, and text has rules of its own)."""
    for node in p.iter():
        if not isinstance(node.tag, str):
            continue
        if local(node) not in _ELEMENT_CONTENT:
            return False
        if node.tag == R + "ref" and not is_element_ref(node.get("name")):
            return False
    return True


def ambiguous(rep) -> bool:
    """A repetition libxml2 reads in more than one way (the family `linear` rewrites):
    its body starts with a repetition followed only by what may be empty (X+ Y*),
    ends with one after what may be empty (Y* X+), or chooses a repetition (A | B*)."""
    kids = children(rep)
    body = kids[0] if len(kids) == 1 else new("group")  # several: an implicit group
    kind = local(body)
    if kind == "group":
        parts = children(body) if len(kids) == 1 else kids
        return (
            local(parts[0]) in REPEATS[1:]
            and all(_nullable(p) for p in parts[1:])
            or local(parts[-1]) in REPEATS[1:]
            and all(_nullable(p) for p in parts[:-1])
        )
    if kind == "choice":
        return any(local(a) in REPEATS[1:] for a in alternatives(body))
    return False


def _nullable(p) -> bool:
    kind = local(p)
    if kind in ("zeroOrMore", "optional", "empty", "text"):
        return True
    if kind == "group":
        return all(_nullable(c) for c in children(p))
    if kind == "choice":
        return any(_nullable(c) for c in children(p))
    return kind == "oneOrMore" and _nullable(children(p)[0])
