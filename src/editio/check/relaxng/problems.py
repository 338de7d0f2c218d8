"""The problems libxml2 reports against a working copy of the tree, and their repair.

libxml2's RelaxNG error log names an element (often the wrong one: a parent
for its child, an ancestor for a descendant) and a kind of failure. Here each
entry becomes a `Problem` on the element it is really about, ancestors'
consequential complaints are dropped, and `repair` removes what was refused so
that the next round can find the next problem (see messages.py).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from lxml import etree

from editio.core.namespaces import XML_ID


@dataclass
class Problem:
    kind: str  # element | attribute | value | text | missing | content
    target: etree._Element  # in the working copy
    attribute: str | None = None
    entry_message: str = ""


def rename_duplicate_ids(tree):
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


def find_problems(error_log, work) -> list[Problem]:
    problems: dict = {}
    for entry in error_log:
        if entry.level_name not in ("ERROR", "FATAL"):
            continue
        node = node_at(work, entry.path)
        if node is None:
            continue
        p = classify(entry, node)
        if p is None:
            continue
        key = (p.target, p.kind, p.attribute)
        problems.setdefault(key, p)
    found = list(problems.values())
    # An element that is wrong inside is also refused by its parent (libxml2's
    # compiled content models): the inside is the cause.
    troubled = [p.target for p in found]
    found = [
        p
        for p in found
        if not (
            p.kind == "element"
            and any(
                t is not p.target and is_ancestor(p.target, t) or (t is p.target and q.kind != "element")
                for q, t in zip(found, troubled)
            )
        )
    ]
    targets = {p.target for p in found}
    # Keep the deepest: an ancestor's complaint is a consequence of its child's.
    deep = []
    for p in found:
        below = any(t is not p.target and is_ancestor(p.target, t) for t in targets)
        if below and p.kind in ("content", "missing"):
            continue
        deep.append(p)
    return deep


def node_at(work, xpath: str | None):
    if not xpath:
        return None
    try:
        hits = work.xpath(xpath)
    except etree.XPathError:
        return None
    return hits[0] if hits and isinstance(hits[0], etree._Element) else None


NAMED = re.compile(
    r"(?:Did not expect element (\S+) there|Expecting element \S+, got (\S+)|Element \S+ has extra content: (\S+))"
)


def named_ancestor(node, name: str):
    """libxml2's path sometimes names a child of the element the message is about."""
    local = name.split(":")[-1]
    probe = node
    while probe is not None:
        if isinstance(probe.tag, str) and etree.QName(probe).localname == local:
            return probe
        probe = probe.getparent()
    return node


def classify(entry, node) -> Problem | None:
    kind = entry.type_name
    msg = entry.message
    about = re.match(r"(?:Element|Invalid attribute \S+ for element) (\S+)", msg)
    if about:
        node = named_ancestor(node, about.group(1))
    if kind == "RELAXNG_ERR_EXTRACONTENT":
        return Problem("content", node, entry_message=msg)
    if kind in ("RELAXNG_ERR_ELEMWRONG", "RELAXNG_ERR_ELEMNAME", "RELAXNG_ERR_ELEMEXTRANS"):
        m = NAMED.search(msg)
        name = next((g for g in m.groups() if g), None) if m else None
        target = culprit(node, name, entry.line) if name else None
        return (
            Problem("element", target, entry_message=msg)
            if target is not None
            else Problem("content", node, entry_message=msg)
        )
    if kind == "RELAXNG_ERR_INVALIDATTR":
        m = re.search(r"Invalid attribute (\S+) for element", msg)
        return Problem("attribute", node, attribute=m.group(1) if m else None, entry_message=msg)
    if kind == "RELAXNG_ERR_ATTRVALID":
        return Problem("missing-attribute", node, entry_message=msg)
    if kind == "RELAXNG_ERR_TEXTWRONG":
        return Problem("text", node, entry_message=msg)
    if kind == "RELAXNG_ERR_NOELEM":
        return Problem("missing", node, entry_message=msg)
    return Problem("content", node, entry_message=msg)


def culprit(node, name: str, line: int):
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


def is_ancestor(a, b) -> bool:
    parent = b.getparent()
    while parent is not None:
        if parent is a:
            return True
        parent = parent.getparent()
    return False


def is_cascade(p: Problem, given_up: set) -> bool:
    # An element whose child we had to drop will complain about incompleteness.
    return p.kind in ("missing", "content") and p.target in given_up


def repair(problems: list[Problem], work, given_up: set) -> bool:
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
            remove_keep_tail(el)
            changed = True
    return changed


def remove_keep_tail(el) -> None:
    parent = el.getparent()
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)
