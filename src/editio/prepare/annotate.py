"""Annotate a TEI tree with the numbers and ids the stylesheets need.

XSLT 1.0 can only number by walking preceding nodes (xsl:number, count()),
which is quadratic: 16,000 notes would take minutes. One linear pass here sets
attributes in the editio namespace instead:

- `editio:id`   a stable id: the element's xml:id, else derived from its place
                (`d2.1` for the first division in the second, `d2.1-p3` for
                its third paragraph, `n5` for the fifth note of its type ...);
- `editio:n`    a note's marker: its @n, else its number within its note type;
- `editio:level` a division's nesting depth (1 for a top-level division);
- `editio:ref`  the id of a note's marker in the text (`fn1-ref`), unique too;
- whitespace beside a break inside a word (lb break="no") is removed, so the
                word reads whole in every edition, and so is the indentation
                directly inside a mod (<mod><del>h</del><add>d</add></mod>ead); the
                gaps between tokens (w, pc) follow @join and punctuation
                (editio.prepare.tokens);
- `editio:block` "1" on elements an HTML page must render as blocks: the
                block elements themselves (p, lg, list, table ...) and every
                element holding one (a `hi` around an `lg`), so an inline
                wrapper never holds a block (HTML forbids `<p>` in `<span>`).
                Footnotes and end notes are rendered apart, so they do not
                make their paragraph a block.

- `editio:index-r` / `editio:index-d` ("r|"/"d|" + the name's index key) on
                the names the reading / diplomatic view indexes, and
                `editio:first-reading` / `editio:first-diplomatic` on the first
                of each key (the HTML names index, in linear time).

Texts, divisions, citable blocks, notes and names (persName, placeName,
orgName, name, rs) get ids: the index of names links to every occurrence.

The tree is changed in place; `prepare` is idempotent.
"""

from __future__ import annotations

from collections import defaultdict

from lxml import etree

from editio.contract import EDITIO_NS, attr
from editio.core.elements import html_block_tags
from editio.core.namespaces import TEI as _T
from editio.core.namespaces import XML_ID
from editio.prepare.names_index import mark_first_names

ID = attr("id")
N = attr("n")
LEVEL = attr("level")
_PREPARED = attr("prepared")

DIVS = {f"{_T}div", *(f"{_T}div{i}" for i in range(1, 8))}
# Blocks a reader may want to cite, numbered within their division.
CITABLE = {
    f"{_T}{name}"
    for name in ("p", "ab", "lg", "sp", "list", "table", "figure", "quote", "opener", "closer", "floatingText", "app")
}
NOTE = f"{_T}note"
TEXT = f"{_T}text"
REF = attr("ref")
BLOCK = attr("block")
NAMES = {f"{_T}{name}" for name in ("persName", "placeName", "orgName", "name", "rs")}
# Always blocks in HTML. `stage`, `quote`, `bibl` ... are blocks only when they
# stand between blocks (see _BLOCK_PARENTS).
ALWAYS_BLOCK = (
    {
        f"{_T}{name}"
        for name in (
            "text",
            "group",
            "front",
            "body",
            "back",
            "div",
            *(f"div{i}" for i in range(1, 8)),
            "p",
            "ab",
            "head",
            "lg",
            "l",
            "list",
            "item",
            "listBibl",
            "table",
            "row",
            "cell",
            "figure",
            "sp",
            "speaker",
            "opener",
            "closer",
            "floatingText",
            "castList",
            "castGroup",
            "castItem",
            "titlePage",
            "docTitle",
            "titlePart",
            "byline",
            "docAuthor",
            "docImprint",
            "docEdition",
            "docDate",
            "argument",
            "epigraph",
            "trailer",
            "postscript",
            "divGen",
            "listPerson",
            "listPlace",
            "listOrg",
            "egXML",
            "eg",
            "u",
            "entry",
            "entryFree",
            "superEntry",
            "re",
        )
    }
    | {"{http://www.tei-c.org/ns/Examples}egXML"}
    | html_block_tags()
)  # the table's generic blocks
# Containers of blocks only (no running text of their own).
_BLOCK_PARENTS = {
    f"{_T}{name}"
    for name in (
        "div",
        *(f"div{i}" for i in range(1, 8)),
        "body",
        "front",
        "back",
        "sp",
        "lg",
        "opener",
        "closer",
        "castList",
        "figure",
        "floatingText",
        "titlePage",
        "argument",
        "epigraph",
        "postscript",
        "listBibl",
    )
}
_SOMETIMES_BLOCK = {
    f"{_T}{name}"
    for name in (
        "stage",
        "quote",
        "cit",
        "bibl",
        "biblStruct",
        "salute",
        "signed",
        "dateline",
        "label",
        "note",
        "q",
        "said",
        "address",
    )
}
# Notes rendered away from where they stand (footnotes, end notes) do not
# make their surroundings a block.
_IN_PLACE_NOTES = ("inline", "margin", "display")


HEADER = f"{_T}teiHeader"
APP = f"{_T}app"
_WALKED = tuple({HEADER, APP, TEXT, NOTE, *DIVS, *CITABLE, *NAMES})
_XML_IDS = etree.XPath("descendant-or-self::*/@xml:id", smart_strings=False)


def prepare(tree: etree._ElementTree) -> etree._ElementTree:
    root = tree.getroot()
    if root.get(_PREPARED):
        return tree
    taken = {v for v in _XML_IDS(root) if v}
    note_counts: dict[str, int] = defaultdict(int)
    name_count = 0

    def unique(candidate: str) -> str:
        name, i = candidate, 1
        while name in taken:
            i += 1
            name = f"{candidate}_{i}"
        taken.add(name)
        return name

    used: set[str] = set()

    def own_id(el) -> str | None:
        """The element's xml:id, unless an earlier element has it (a repeated
        xml:id is reported by validation, not refused): a page id must be unique."""
        xml_id = el.get(XML_ID)
        if xml_id is None or xml_id in used:
            return None
        used.add(xml_id)
        return xml_id

    # Only the elements numbered here, in document order: lxml's C walk with a
    # tag filter, not a Python step per element. Divisions and texts open and
    # close their numbering scopes; teiHeader and app bound what is skipped.
    # (division path, level, counters, id prefix "d2.1-") of the open divisions
    scopes = [((), 0, defaultdict(int), "")]
    in_header = 0
    in_app = int(root.tag == APP)  # a note in an app is numbered by the apparatus
    for event, child in etree.iterwalk(root, events=("start", "end"), tag=_WALKED):
        if child is root:
            continue
        tag = child.tag
        if event == "end":
            if tag == HEADER:
                in_header -= 1
            elif in_header:
                continue
            elif tag in DIVS:
                scopes.pop()
            elif tag == APP:
                in_app -= 1
            continue
        if tag == HEADER:
            in_header += 1
            continue
        if in_header:
            continue
        div_path, level, counters, prefix = scopes[-1]
        if tag in DIVS:
            counters["div"] += 1
            path = (*div_path, counters["div"])
            label = "d" + ".".join(map(str, path))
            child.set(LEVEL, str(level + 1))
            child.set(ID, own_id(child) or unique(label))
            scopes.append((path, level + 1, defaultdict(int), label + "-"))
            continue
        if tag == APP:
            in_app += 1
        if tag == TEXT:
            counters["text"] += 1
            child.set(ID, own_id(child) or unique(f"{prefix}text{counters['text']}"))
        if tag in NAMES:
            name_count += 1
            child.set(ID, own_id(child) or unique(f"name{name_count}"))
        elif tag in CITABLE:
            local = tag[len(_T) :]
            counters[local] += 1
            child.set(ID, own_id(child) or unique(f"{prefix}{local}{counters[local]}"))
        elif tag == NOTE and not in_app:
            kind = child.get("type", "")
            note_counts[kind] += 1
            child.set(N, child.get("n") or str(note_counts[kind]))
            suffix = f"{kind}-" if kind else ""
            child.set(ID, own_id(child) or unique(f"note-{suffix}{note_counts[kind]}"))
            child.set(REF, unique(child.get(ID) + "-ref"))

    _mark_blocks(root)
    _join_broken_words(root)
    _drop_layout_in_mod(root)
    # token-annotated text (w, pc): the gaps between tokens as @join says (editio.prepare.tokens)
    from editio.prepare.tokens import space_tokens

    space_tokens(root)
    # Critical apparatus: witness keys, entry numbers, lacuna states (editio.prepare.textcrit).
    from editio.prepare.textcrit import annotate
    from editio.prepare.witness_files import mark_witness_files

    annotate(root)
    mark_witness_files(root)
    mark_first_names(root)
    root.set(_PREPARED, "1")
    return tree


def _drop_layout_in_mod(root) -> None:
    """A mod groups the writer's deletions and additions at one place of a word
    (<mod><del>h</del><add>d</add></mod>ead, "dead"): whitespace holding a line
    break directly inside it is the file's indentation, not a space of the text
    (a single space between two deletions is kept)."""
    for mod in root.iter(f"{_T}mod"):
        if mod.text and "\n" in mod.text and not mod.text.strip(_WS):
            mod.text = None
        for child in mod:
            if child.tail and "\n" in child.tail and not child.tail.strip(_WS):
                child.tail = None


_BREAKS = (f"{_T}lb", f"{_T}pb", f"{_T}cb")
_WS = " \t\r\n"


def _join_broken_words(root) -> None:
    """Whitespace beside a break inside a word (lb break="no", or the TEI
    Stylesheets' type="hyphenInWord") is the file's line layout: removed here,
    so every output reads the word whole. In XSLT 1.0 each text node would
    have to test its neighbours, which cost the HTML edition ~60% more time."""
    for el in root.iter(*_BREAKS):
        if el.get("break") != "no" and el.get("type") != "hyphenInWord":
            continue
        before = el.getprevious()
        if before is not None:
            if before.tail:
                before.tail = before.tail.rstrip(_WS)
        else:
            parent = el.getparent()
            if parent is not None and parent.text:
                parent.text = parent.text.rstrip(_WS)
        if el.tail:
            el.tail = el.tail.lstrip(_WS)


def _is_block(el) -> bool:
    tag = el.tag
    if tag in ALWAYS_BLOCK:
        return True
    if tag in _SOMETIMES_BLOCK:
        parent = el.getparent()
        return parent is not None and parent.tag in _BLOCK_PARENTS
    return False


def _note_in_place(el) -> bool:
    place = (el.get("place") or "").lower()
    return (
        any(place.startswith(p) for p in _IN_PLACE_NOTES)
        or el.getparent() is not None
        and el.getparent().tag in _BLOCK_PARENTS
    )


_BLOCK_CANDIDATES = tuple(ALWAYS_BLOCK | _SOMETIMES_BLOCK)
_HAS_BLOCK_MARK = etree.XPath("boolean(//@editio:block)", namespaces={"editio": EDITIO_NS})


def _mark_blocks(root) -> None:
    """Set editio:block on the blocks of each text and on every element holding one."""
    if _HAS_BLOCK_MARK(root):
        _mark_blocks_walking(root)  # marks already in the source take part: the general walk
        return
    for text in root.iter(TEXT):
        if next(text.iterancestors(TEXT), None) is not None:
            continue  # a nested text is marked with its outer text
        outside = text.getparent()
        # Only the possible blocks (C tag filter, document order), each marking
        # its ancestors up to one already marked: an ancestor is met before its
        # descendants, so what is above a marked element is done.
        for el in text.iter(_BLOCK_CANDIDATES):
            if el.get(BLOCK) or not _is_block(el):
                continue
            el.set(BLOCK, "1")
            while not (el.tag == NOTE and not _note_in_place(el)):
                parent = el.getparent()
                if parent is None or parent.get(BLOCK):
                    break
                parent.set(BLOCK, "1")
                if parent is outside:
                    break  # the walk of a text marks its parent, not further
                el = parent


def _mark_blocks_walking(root) -> None:
    """Set editio:block bottom-up in one pass (iterwalk 'end' sees children first)."""
    for text in root.iter(TEXT):
        if any(a.tag == TEXT for a in text.iterancestors()):
            continue  # a nested text is walked with its outer text
        for _event, el in etree.iterwalk(text, events=("end",)):
            if not isinstance(el.tag, str):
                continue
            if el.get(BLOCK) or _is_block(el):
                el.set(BLOCK, "1")
            else:
                continue
            parent = el.getparent()
            if parent is None or parent.get(BLOCK):
                continue
            if el.tag == NOTE and not _note_in_place(el):
                continue
            parent.set(BLOCK, "1")
