"""Critical apparatus: what the stylesheets need, computed in one linear pass.

XSLT 1.0 cannot tokenize `@wit`, resolve a token to a witness, or know
whether a witness is inside a lacuna without walking preceding nodes
(quadratic on a file with 4,000 apps). This pass, run by `prepare`, sets:

- on each `witness` (and witness group, `listWit` with an id): `editio:wkey`,
  its canonical key (xml:id, else siglum, else @n, else `wN`), and
  `editio:siglum`, the siglum the editions print (see `siglum`);
- on each lem/rdg/rdgGrp/witDetail and lacuna/witStart/witEnd marker with
  @wit (a rdg in a rdgGrp with @wit inherits it): `editio:wits`,
  " key1 key2 " (a token is a witness's xml:id, siglum or @n, with or without
  '#'; a group stands for its members too; an unknown token stays as it is);
- on the root: `editio:reading-types` / `editio:reading-causes`, the
  @type and @cause values of readings (space-separated), and `editio:apps`,
  the number of apps (the text edition numbers the lines of a critical one);
- on each of them with @wit (a lem/rdg: else @source): `editio:sigla`, the
  sigla to print;
- on each lem/rdg: `editio:rn`, its rank among its app's readings;
- on each app: `editio:n` (entry number in the document), `editio:section`
  (the `editio:sect` of the division, or body/front/back, whose apparatus
  lists it: the app's own, or for an app pointing with @from, its target's),
  `editio:appref` (where a reader finds it: the @n of its divisions, outermost
  first, then its verse line or paragraph (@n, else its rank in the division),
  or the @n of the numbered line beginning (lb) before it; "tit." for a
  heading: "3.1.12"), `editio:target` (the xml:id its @from names);
- on each app pointing into the text with @from (and @to): `editio:lemma`,
  the words of the span;
- on each app whose own whitespace (between its readings, or around them,
  at the app's or a rdgGrp's level) separates words: `editio:ws`, "lead"
  (before its first reading) and/or "trail" (after it; not before closing
  punctuation), and "gap" (one space where an empty reading is shown): the
  stylesheets print a space there, as the reading alone would glue to its
  neighbours;
- where some witnesses' own text is not the printed text (between
  lacunaStart/lacunaEnd, witEnd/witStart, and the span of an app with
  @from/@to): `editio:hide` (at an element's start) and `editio:hide-after`
  (at its end), " key1 key2 ": the witnesses whose text is not shown there;
  a text node's state is its preceding sibling's hide-after, else its
  parent's hide. Inside a reading, the witnesses it cites are never hidden. `editio:initial-gap` on an end marker lists witnesses whose
  text was missing from the start. A marker inside a reading acts at that
  reading's edge (lacunaStart/witEnd at its end, lacunaEnd/witStart at its
  start): the reading's own words are words the witness has. Such a marker
  gets `editio:moved`, and its reading `editio:gap-after` (a gap sign after
  the reading for these witnesses) or `editio:gap-before` (text missing from
  the start).
"""

from __future__ import annotations

from collections import defaultdict

from lxml import etree

from editio.contract import attr
from editio.core.namespaces import TEI as _T
from editio.core.namespaces import XML_ID

E_APP_END = attr("app-end")
E_APP_TARGET = attr("app-target")
E_APPREF = attr("appref")
E_APPS = attr("apps")
E_GAP_AFTER = attr("gap-after")
E_GAP_BEFORE = attr("gap-before")
E_HIDE = attr("hide")
E_HIDE_AFTER = attr("hide-after")
E_INITIAL_GAP = attr("initial-gap")
E_LEMMA = attr("lemma")
E_MOVED = attr("moved")
E_N = attr("n")
E_READING_CAUSES = attr("reading-causes")
E_READING_TYPES = attr("reading-types")
E_RN = attr("rn")
E_SECT = attr("sect")
E_SECTION = attr("section")
E_SIGLA = attr("sigla")
E_TARGET = attr("target")
E_WITS = attr("wits")
E_WKEY = attr("wkey")
E_WS = attr("ws")
E_SIGLUM = attr("siglum")

APP, LEM, RDG, RDGGRP = (f"{_T}{n}" for n in ("app", "lem", "rdg", "rdgGrp"))
WITNESS, LISTWIT = f"{_T}witness", f"{_T}listWit"
READINGS = {LEM, RDG}
WITTED = {LEM, RDG, RDGGRP, f"{_T}witDetail", *(f"{_T}{n}" for n in ("lacunaStart", "lacunaEnd", "witStart", "witEnd"))}
HIDE_START = {f"{_T}lacunaStart", f"{_T}witEnd"}
HIDE_END = {f"{_T}lacunaEnd", f"{_T}witStart"}
# (a surface of a documentary transcription lists the apparatus of its page; its lines are numbered in it)
SECTIONS = {f"{_T}div", *(f"{_T}div{i}" for i in range(1, 8)), f"{_T}body", f"{_T}front", f"{_T}back", f"{_T}surface"}
BLOCKS = {f"{_T}{n}" for n in ("p", "ab", "l", "head", "item", "line")}
# Targets of @from the stylesheets may wrap in a span without losing their own rendering.
INLINE_TARGETS = {f"{_T}{n}" for n in ("w", "pc", "c", "seg", "anchor", "num", "name", "persName", "placeName")}


def siglum(witness: etree._Element) -> str:
    abbr = witness.find(f"{_T}abbr[@type='siglum']")
    if abbr is None:
        abbr = witness.find(f"{_T}head/{_T}abbr[@type='siglum']")
    if abbr is not None and "".join(abbr.itertext()).strip():
        return " ".join("".join(abbr.itertext()).split())
    return " ".join((witness.get("n") or "").split()) or (witness.get(XML_ID) or "")


def witness_tokens(root: etree._Element) -> tuple[dict[str, set[str]], list[etree._Element]]:
    """token -> witness keys it stands for; and the declared witnesses in order."""
    tokens: dict[str, set[str]] = defaultdict(set)
    declared = [w for w in root.iter(WITNESS)]
    for i, w in enumerate(declared, 1):
        key = w.get(XML_ID) or siglum(w) or f"w{i}"
        w.set(E_WKEY, key)
        # The stylesheets print this, so the siglum is computed in one language only.
        w.set(E_SIGLUM, siglum(w) or key)
        for tok in (w.get(XML_ID), siglum(w), w.get("n"), key):
            if tok:
                tokens[tok].add(key)
    # Groups: a listWit (or a witness holding one) with an id stands for its members.
    for group in root.iter(LISTWIT, WITNESS):
        gid = group.get(XML_ID)
        if not gid:
            continue
        members = {m.get(E_WKEY) for m in group.iter(WITNESS) if m is not group}
        if not members:
            continue
        if group.tag == LISTWIT:
            group.set(E_WKEY, gid)
            group.set(E_SIGLUM, siglum(group) or gid)
        for tok in (gid, siglum(group)):
            if tok:
                tokens[tok].update(members | {gid})
    return tokens, declared


def resolve(value: str, tokens: dict[str, set[str]]) -> list[str]:
    keys: list[str] = []
    for tok in value.split():
        name = tok[1:] if tok.startswith("#") else tok
        for key in sorted(tokens.get(name, {name})):
            if key not in keys:
                keys.append(key)
    return keys


def _app_of(el: etree._Element) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != APP:
        parent = parent.getparent()
    return parent


def nearest(el: etree._Element, tags: set[str]) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag not in tags:
        parent = parent.getparent()
    return parent


def key_list(keys) -> str:
    return " " + " ".join(keys) + " " if keys else ""


_WITH_XML_ID = etree.XPath("descendant-or-self::*[string(@xml:id)]")


def annotate(root: etree._Element, ids: dict[str, etree._Element] | None = None) -> None:
    apps = list(root.iter(APP))
    has_markers = next(root.iter(*HIDE_START, *HIDE_END), None) is not None
    if not apps and not has_markers:
        for w in root.iter(WITNESS):  # a header's witness list still prints its sigla
            w.set(E_SIGLUM, siglum(w))
        return
    tokens, _declared = witness_tokens(root)
    if apps:
        root.set(E_APPS, str(len(apps)))
    if ids is None:
        ids = {el.get(XML_ID): el for el in _WITH_XML_ID(root)}  # C XPath, not a Python walk of every element

    display: dict[str, str] = {}  # token -> the siglum shown for it
    for el in root.iter(WITNESS, LISTWIT):
        sig = siglum(el)
        for tok in (el.get(XML_ID), el.get("n"), sig):
            if tok and sig:
                display.setdefault(tok, sig)
    # Readings repeat the same few @wit values: each value is spelled out once.
    sigla_of: dict[str, str] = {}
    wits_of: dict[str, str] = {}
    for el in root.iter(*WITTED):
        tag = el.tag
        wit = el.get("wit")
        shown = wit or (el.get("source") if tag in READINGS else "") or ""
        if shown.strip():
            sigla = sigla_of.get(shown)
            if sigla is None:
                sigla = sigla_of[shown] = " ".join(display.get(t.lstrip("#"), t.lstrip("#")) for t in shown.split())
            el.set(E_SIGLA, sigla)
        value = wit or ""
        if tag == RDG:
            parent = el.getparent()
            if parent is not None and parent.tag == RDGGRP:
                value = f"{value} {parent.get('wit') or ''}"
        words = wits_of.get(value)
        if words is None:
            words = wits_of[value] = key_list(resolve(value, tokens))
        if words:
            el.set(E_WITS, words)

    # The kinds of readings present, for the switches that hide a kind.
    types = sorted({r.get("type") for r in root.iter(RDG) if r.get("type")})
    causes = sorted({r.get("cause") for r in root.iter(RDG) if r.get("cause")})
    if types:
        root.set(E_READING_TYPES, " ".join(" ".join(types).split()))
    if causes:
        root.set(E_READING_CAUSES, " ".join(" ".join(causes).split()))
    _number_blocks_and_apps(root, apps, ids)
    _mark_word_boundaries(apps)
    from editio.prepare.lacunae import hide_states  # lacunae.py reads this module's names

    hide_states(root, apps, ids, has_markers)


# Punctuation that follows a word without a space: no trailing space before it.
_CLOSING = tuple(",.;:·\u037e!?)]}’”»")


def _mark_word_boundaries(apps) -> None:
    """editio:ws on apps whose own whitespace is a word boundary (see the docstring)."""
    for app in apps:
        edges = [False, False]  # whitespace before / after the first reading
        _whitespace_edges(app, False, edges)
        lead, trail = edges
        closing = (app.tail or "").startswith(_CLOSING)
        # an empty reading shown (an omission) leaves one space, none before punctuation
        gap = (lead or trail) and not closing
        trail = trail and not closing
        flags = " ".join(f for f, on in (("lead", lead), ("trail", trail), ("gap", gap)) if on)
        if flags:
            app.set(E_WS, flags)


def _whitespace_edges(container, seen: bool, edges: list[bool]) -> bool:
    """Mark in `edges` whitespace of the container's own text and its children's
    tails (a rdgGrp's too), before (0) or after (1) the first reading; returns
    whether a reading has been met."""
    s = container.text
    if s and s != "".join(s.split()):
        edges[seen] = True
    for child in container:
        tag = child.tag
        if tag == RDGGRP:
            seen = _whitespace_edges(child, seen, edges)
        elif tag in READINGS:
            seen = True
        s = child.tail
        if s and s != "".join(s.split()):
            edges[seen] = True
    return seen


def pointed(app: etree._Element, attr: str, ids) -> etree._Element | None:
    value = (app.get(attr) or "").strip()
    if not value:
        return None
    return ids.get(value.split()[0].lstrip("#"))


def _number_blocks_and_apps(root, apps, ids) -> None:
    sect_ids: dict[etree._Element, str] = {}

    def section_id(s):
        if s is None:
            return ""
        if s not in sect_ids:
            sect_ids[s] = f"s{len(sect_ids) + 1}"
            s.set(E_SECT, sect_ids[s])
        return sect_ids[s]

    def sect(el):
        return section_id(el if el.tag in SECTIONS else nearest(el, SECTIONS))

    # Each block's reference, a place a reader can find: the division's citation
    # (the @n of the enclosing divisions, outermost first) and the block's own
    # number in its division, verse lines and paragraphs apart ("3.1.12"); a
    # heading is "tit.". One C walk over blocks, sections, apps and numbered line
    # beginnings: the open sections and apps are the block's ancestors of those
    # kinds (no walk up from each block).
    block_ref: dict[etree._Element, str] = {}
    line_ref: dict[etree._Element, str] = {}  # app -> its line, where lb/@n number the lines
    counters: dict[tuple[str, str], int] = defaultdict(int)
    open_sections: list[tuple[etree._Element, str]] = []  # (section, its citation label)
    open_blocks: list[list] = []  # [block, its reference prefix, the @n of its last lb]
    in_app = 0
    for event, el in etree.iterwalk(root, events=("start", "end"), tag=_NUMBERING_WALK):
        tag = el.tag
        if tag in SECTIONS:
            if event == "start":
                outer = open_sections[-1][1] if open_sections else ""
                own = _citable_n(el) if tag not in _TEXT_PARTS else ""
                open_sections.append((el, ".".join(p for p in (outer, own) if p)))
            else:
                open_sections.pop()
        elif tag == APP:
            if event == "start" and not in_app and open_blocks and open_blocks[-1][2]:
                line_ref[el] = open_blocks[-1][1] + open_blocks[-1][2]
            in_app += 1 if event == "start" else -1
        elif tag == LB:
            if event == "start" and not in_app and open_blocks and _citable_n(el):
                open_blocks[-1][2] = _citable_n(el)
        elif in_app:
            continue  # a block inside a reading is part of its app
        elif event == "end":
            if open_blocks and open_blocks[-1][0] is el:
                open_blocks.pop()
        else:
            section, label = open_sections[-1] if open_sections else (None, "")
            prefix = label + "." if label else ""
            if tag == HEAD:
                block_ref[el] = prefix + "tit."
            else:
                key = (section_id(section), "l" if tag in (LINE, SOURCE_LINE) else "p")
                counters[key] += 1
                block_ref[el] = prefix + (_citable_n(el) or str(counters[key]))
            open_blocks.append([el, prefix, ""])

    for n, app in enumerate(apps, 1):
        app.set(E_N, str(n))
        rank = 0
        for r in app.iter(LEM, RDG):
            if _app_of(r) is app:
                rank += 1
                r.set(E_RN, str(rank))
        place = app
        target = pointed(app, "from", ids)
        if target is not None and inside_text(target):
            app.set(E_TARGET, target.get(XML_ID))
            place = target
        app.set(E_SECTION, sect(place))
        # @loc names the line(s) the entry is about (EpiDoc): the reference a reader looks for
        loc = (app.get("loc") or "").strip()
        if loc or app in line_ref:
            app.set(E_APPREF, loc or line_ref[app])
            continue
        block = place if place.tag in BLOCKS else nearest(place, BLOCKS)
        while block is not None and block not in block_ref:
            block = nearest(block, BLOCKS)
        app.set(E_APPREF, block_ref[block] if block is not None else (app.get("n") or app.get(XML_ID) or str(n)))


def _citable_n(el) -> str:
    """An @n a reader can cite: short, one token, not a URN or path (those are identifiers)."""
    n = (el.get("n") or "").strip()
    if not n or len(n) > 16 or any(c in n for c in " :/\t\n"):
        return ""
    return n


LB, LINE, HEAD = f"{_T}lb", f"{_T}l", f"{_T}head"
SOURCE_LINE = f"{_T}line"  # a line of a documentary transcription (sourceDoc): numbered as verse lines are
# body, front and back hold divisions; they are no part of a citation.
_TEXT_PARTS = {f"{_T}body", f"{_T}front", f"{_T}back"}
_NUMBERING_WALK = (APP, LB, *SECTIONS, *BLOCKS)


def inside_text(el) -> bool:
    return nearest(el, {f"{_T}text"}) is not None
