"""All witness pages of a critical edition from one transformation.

The page of a witness differs from another witness's page only where
html/textcrit.xsl asks which witness is meant ($wkey, $wtoken, $witness). One
run of xslt/witness-variants.xsl writes the witness page with each of those
places written for every witness, in editio:* elements:

- editio:app: an app, with what decides the witness's reading (editio:o per
  reading: its rank and witness keys; editio:l per lacuna detail; @lem,
  @lem-rn) and the app rendered for every rank it can take (editio:v @r);
- editio:if @w [@w2]: kept for a witness named in @w or @w2 (lacuna signs);
- editio:unless @w: kept for a witness not named in @w (text it lacks);
- editio:current, editio:list: the parts that name the page's witness,
  given per siglum in editio:witness (@s, @wkey) after the edition.

That tree is serialized once, as page.result_context would, with a marker in
place of each of those elements; each alternative is serialized once too.
A page is then the pieces its witness chooses (as witness-reading-rank and
contains(.., $wtoken) choose), joined, in page.render_context.
Where the fast path cannot be sure, `pages` returns None and the caller runs
the whole transformation per witness.
"""

from __future__ import annotations

import re
import unicodedata

from lxml import etree
from markupsafe import Markup

from editio.contract import CLARK, element
from editio.load.document import Document
from editio.prepare.annotate import prepare
from editio.render import page, transform
from editio.render.formats import get_format
from editio.render.publish import PublishOptions

STYLESHEET = "witness-variants.xsl"
_APP, _IF, _UNLESS, _CURRENT, _LIST = (element(n) for n in ("app", "if", "unless", "current", "list"))
_O, _L, _V, _WITNESS = (element(n) for n in ("o", "l", "v", "witness"))


# A marker stands for a slot in serialized html: two Unicode noncharacters
# (never assigned to a sign), counted (a document that holds them itself only
# loses the fast path).
_OPEN, _CLOSE = "\ufdd0", "\ufdd1"
_MARKER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")


# Elements whose text the HTML serializer writes unescaped: a slot's content
# serialized elsewhere would not be the same there.
_RAW_TEXT = {"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext", "textarea", "title"}


class _Unsure(Exception):
    """The variants tree holds something this module does not know how to choose."""


class _App:
    """An app: what decides the witness's reading, and the app serialized per rank."""

    __slots__ = ("readings", "lacking", "lem", "lem_rank", "by_rank")

    def choice(self, wtoken: str, witness: int) -> list:
        rank = self.rank(wtoken)
        if rank not in self.by_rank:
            raise _Unsure(f"no rendering for rank {rank!r}")
        return self.by_rank[rank]

    def rank(self, wtoken: str) -> str:
        """As witness-reading-rank (xslt/common/textcrit.xsl): the first reading
        citing the witness, else 'lac' for a lacuna detail citing it, else the lemma."""
        for rank, wits in self.readings:
            if wtoken in wits:
                return rank
        for wits in self.lacking:
            if wtoken in wits:
                return "lac"
        return self.lem_rank if self.lem else ""


class _If:
    """Content for the witnesses named in either list (contains(.., $wtoken))."""

    __slots__ = ("w", "w2", "content")

    def choice(self, wtoken: str, witness: int) -> list | None:
        return self.content if wtoken in self.w or wtoken in self.w2 else None


class _Unless:
    """Content for the witnesses not named."""

    __slots__ = ("w", "content")

    def choice(self, wtoken: str, witness: int) -> list | None:
        return None if wtoken in self.w else self.content


class _Given:
    """A part given per witness (editio:current, editio:list)."""

    __slots__ = ("per_witness",)

    def choice(self, wtoken: str, witness: int) -> list:
        return self.per_witness[witness]


def pages(doc: Document, options: PublishOptions, sigla: list[str], seen: set) -> dict[str, str] | None:
    """{siglum: page text} for the HTML edition's `options`, or None.

    `seen` holds the (line, code, message) of findings already reported: a
    finding the stylesheets would add on some witness page means the whole
    transformation must run (it tells which page adds it).
    """
    if options.user_xslt or "witness" in dict(options.params) or any("\n" in s or not s for s in sigla):
        return None
    prepare(doc.tree)
    params = options.stylesheet_params()
    params.update({"witness": sigla[0], "editio-sigla": "\n".join(sigla)})
    result, found = transform.run(doc.tree, STYLESHEET, params, source=str(doc.path))
    if any((d.line, d.code, d.message) not in seen for d in found):
        return None
    fmt = get_format("html")
    try:
        context, parts, wkeys = _compile(result, sigla, fmt)
        out: dict[str, str] = {}
        for witness, siglum in enumerate(sigla):
            wtoken = f" {wkeys[witness]} "
            page_parts = dict(context["parts"])
            for name, pieces in parts.items():
                chosen: list[str] = []
                _join(pieces, wtoken, witness, chosen)
                page_parts[name] = Markup("".join(chosen))
            extra = options.page_extra(str(doc.path))  # as publish() gives them to page.render
            out[siglum] = page.render_context({**context, "parts": page_parts, **extra}, fmt, options.user_templates)
    except _Unsure:
        return None
    return out


def _compile(result, sigla: list[str], fmt):
    """The page context of the variants run, its parts that hold slots as
    [text, slot, text, ...], and the key of each witness."""
    root = result.getroot()
    if root is None or root.tag != "variants" or len(root) != len(sigla) + 1 or root[0].tag != "edition":
        raise _Unsure("unexpected result")
    edition, witnesses = root[0], root[1:]
    if any(w.tag != _WITNESS or w.get("s") != s for w, s in zip(witnesses, sigla)):
        raise _Unsure("unexpected witness parts")
    slots: list = []
    given = {tag: [_fragment(w.find(tag), slots) for w in witnesses] for tag in (_CURRENT, _LIST)}
    marked = _mark(edition, slots, given)
    root.remove(edition)  # serialized alone, as the edition root of a page
    context = page.result_context(etree.ElementTree(edition), fmt)
    if _OPEN in context["title"] + "".join(context["meta"].values()):
        raise _Unsure("a marker outside the parts")
    parts = {name: _split(str(html), None, slots) for name, html in context["parts"].items()}
    if sum(len(p) // 2 for p in parts.values()) != marked:
        raise _Unsure("markers do not match")
    # the parts every witness shares, as _split gives the others: in NFC already
    context["parts"] = {
        name: Markup(p[0]) if len(p) == 1 else html for (name, html), p in zip(context["parts"].items(), parts.values())
    }
    return context, {name: p for name, p in parts.items() if len(p) > 1}, [w.get("wkey", "") for w in witnesses]


def _join(pieces: list, wtoken: str, witness: int, out: list[str]) -> None:
    """Append to `out` the html of `pieces` ([text, slot, text, ...]) for one witness."""
    append = out.append
    append(pieces[0])
    for i in range(1, len(pieces), 2):
        chosen = pieces[i].choice(wtoken, witness)
        if chosen is not None:
            if len(chosen) == 1:
                append(chosen[0])
            else:
                _join(chosen, wtoken, witness, out)
        append(pieces[i + 1])


def _mark(parent, slots: list, given: dict) -> int:
    """Put a marker for each outermost slot below `parent`; return how many."""
    count = 0
    children = list(parent)
    for index in range(len(children) - 1, -1, -1):  # right to left: `index` stays right
        child = children[index]
        tag = child.tag
        if isinstance(tag, str) and tag.startswith(CLARK):
            slots.append(_slot(child, tag, slots, given))
            _put_text(parent, child, index, f"{_OPEN}{len(slots) - 1}{_CLOSE}")
            count += 1
        elif len(child):
            if tag in _RAW_TEXT:
                raise _Unsure("a slot in raw text")
            count += _mark(child, slots, given)
    return count


def _slot(element, tag: str, slots: list, given: dict):
    if tag == _APP:
        slot = _App()
        slot.readings = [(o.get("rn", ""), o.get("w", "")) for o in element.iterchildren(_O)]
        slot.lacking = [lacking.get("w", "") for lacking in element.iterchildren(_L)]
        slot.lem, slot.lem_rank = bool(element.get("lem")), element.get("lem-rn", "")
        slot.by_rank = {}
        for v in element.iterchildren(_V):
            rank = v.get("r", "")
            if rank not in slot.by_rank:
                slot.by_rank[rank] = _fragment(v, slots)
    elif tag == _IF:
        slot = _If()
        slot.w, slot.w2 = element.get("w", ""), element.get("w2", "")
        slot.content = _fragment(element, slots)
    elif tag == _UNLESS:
        slot = _Unless()
        slot.w = element.get("w", "")
        slot.content = _fragment(element, slots)
    elif tag in given:
        slot = _Given()
        slot.per_witness = given[tag]
    else:
        raise _Unsure(tag)
    return slot


def _fragment(element, slots: list) -> list:
    """The content of `element` as html: [text, slot index, text, ...]."""
    if element is None:
        raise _Unsure("a witness part is missing")
    marked = _mark(element, slots, {})
    element.attrib.clear()
    element.tag = "span"  # its content serializes as inside any element of the page
    html = etree.tostring(element, method="html", encoding="unicode", with_tail=False)
    start, end = html.index(">") + 1, len(html) - len("</span>")
    if not html.endswith("</span>"):
        raise _Unsure("unexpected serialization")
    return _split(html[start:end], marked, slots)


def _split(html: str, expected: int | None, slots: list) -> list:
    """[text, slot, text, ...] from html with markers (`expected` of them, if given)."""
    pieces: list = _MARKER.split(html)
    found = len(pieces) // 2
    if html.count(_OPEN) != found or html.count(_CLOSE) != found or (expected is not None and found != expected):
        raise _Unsure("markers do not match")
    for i in range(1, len(pieces), 2):
        pieces[i] = slots[int(pieces[i])]
    # NFC once per piece here, not once per witness on the whole page: the page
    # layer's NFC of a joined page is then a quick check. The same result: NFC
    # depends only on canonical equivalence, which joining preserves.
    for i in range(0, len(pieces), 2):
        pieces[i] = unicodedata.normalize("NFC", pieces[i])
    return pieces


def _put_text(parent, child, index: int, marker: str) -> None:
    """Replace `child` (at `index` of `parent`) by the text `marker`."""
    text = marker + (child.tail or "")
    child.tail = None
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    parent.remove(child)
