"""Annotate a TEI tree with the numbers and ids the stylesheets need.

XSLT 1.0 can only number by walking preceding nodes (xsl:number, count()),
which is quadratic: 16,000 notes would take minutes. One linear pass here sets
attributes in the editio namespace instead:

- `editio:id`   a stable id: the element's xml:id, else derived from its place
                (`d2.1` for the first division in the second, `d2.1-p3` for
                its third paragraph, `n5` for the fifth note of its type ...);
- `editio:n`    a note's marker: its @n, else its number within its note type;
- `editio:level` a division's nesting depth (1 for a top-level division).

The tree is changed in place; `prepare` is idempotent.
"""

from __future__ import annotations

from collections import defaultdict

from lxml import etree

from editio.load import TEI_NS

EDITIO_NS = "urn:editio"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
ID = f"{{{EDITIO_NS}}}id"
N = f"{{{EDITIO_NS}}}n"
LEVEL = f"{{{EDITIO_NS}}}level"
_PREPARED = f"{{{EDITIO_NS}}}prepared"

_T = f"{{{TEI_NS}}}"
DIVS = {f"{_T}div", *(f"{_T}div{i}" for i in range(1, 8))}
# Blocks a reader may want to cite, numbered within their division.
CITABLE = {f"{_T}{name}" for name in ("p", "ab", "lg", "sp", "list", "table", "figure", "quote", "opener", "closer", "floatingText", "app")}
NOTE = f"{_T}note"
HEADER = f"{_T}teiHeader"
APP = f"{_T}app"


def prepare(tree: etree._ElementTree) -> etree._ElementTree:
    root = tree.getroot()
    if root.get(_PREPARED):
        return tree
    taken = {el.get(XML_ID) for el in root.iter() if isinstance(el.tag, str) and el.get(XML_ID)}
    note_counts: dict[str, int] = defaultdict(int)

    def unique(candidate: str) -> str:
        name, i = candidate, 1
        while name in taken:
            i += 1
            name = f"{candidate}_{i}"
        taken.add(name)
        return name

    # An explicit stack, not recursion: documents may nest deeper than Python's limit.
    stack = [(iter(root), (), 0, defaultdict(int))]
    while stack:
        children, div_path, level, counters = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag == HEADER:
            continue
        if tag in DIVS:
            counters["div"] += 1
            path = (*div_path, counters["div"])
            child.set(LEVEL, str(level + 1))
            child.set(ID, child.get(XML_ID) or unique("d" + ".".join(map(str, path))))
            stack.append((iter(child), path, level + 1, defaultdict(int)))
            continue
        if tag in CITABLE:
            local = tag[len(_T):]
            counters[local] += 1
            prefix = ("d" + ".".join(map(str, div_path)) + "-") if div_path else ""
            child.set(ID, child.get(XML_ID) or unique(f"{prefix}{local}{counters[local]}"))
        elif tag == NOTE and not _inside(child, APP):
            kind = child.get("type", "")
            note_counts[kind] += 1
            child.set(N, child.get("n") or str(note_counts[kind]))
            suffix = f"{kind}-" if kind else ""
            child.set(ID, child.get(XML_ID) or unique(f"note-{suffix}{note_counts[kind]}"))
        stack.append((iter(child), div_path, level, counters))

    # Critical apparatus: witness keys, entry numbers, lacuna states (editio.textcrit).
    from editio.textcrit import annotate
    annotate(root)
    root.set(_PREPARED, "1")
    return tree


def _inside(element, tag: str) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False
