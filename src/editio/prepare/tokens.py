"""The spacing of token-annotated text (w, pc), decided once before the stylesheets run.

Linguistically annotated TEI (ParlaMint's `.ana` files, TEI Lex-0 entries) puts
each token in its own element and indents them, one per line: the whitespace
between the elements is the file's layout, and the spacing of the text is
given by `@join` ("right": no space after the token, "left": none before,
"both"). Read as it is, "Bon dia, comença" comes out "Bon dia , comença".
XSLT 1.0 would have to test every text node's neighbours; here one pass over
the w and pc elements sets each gap between two tokens (or between a token
and the element next to it) to what the text needs:

- no space when the tokens join (@join), before closing punctuation (a pc
  ",", ".", ")" ...) and after opening punctuation ("(", "«" ...) when the gap
  is the file's indentation (it holds a line break);
- one space for a gap of indentation otherwise;
- no indentation just inside an etymology (etym), which editions print in
  brackets: "[De ante- + passado]".

Only gaps made of whitespace are changed, never a text with words, and a gap
without a line break (a space the encoder typed) is kept unless @join says
otherwise. The whitespace at the end of an element before the gap (the
indentation before `</name>`) belongs to the gap.
"""

from __future__ import annotations

from editio.load.document import TEI_NS

_T = f"{{{TEI_NS}}}"
W, PC = f"{_T}w", f"{_T}pc"
# Printed between brackets (a dictionary's etymology): the indentation inside them is not a space.
BRACKETED = (f"{_T}etym",)
_CLOSING = tuple(",.;:!?)]}»”’…%")
_OPENING = tuple("([{«“‘¿¡„")
_JOIN_AFTER = ("right", "both")
_JOIN_BEFORE = ("left", "both")


def _blank(s: str | None) -> bool:
    return not s or not s.strip()


def _last_token(el):
    """The token an element ends with: itself, or the token inside it that
    nothing with words follows (<name><w>Esteve</w> <w>Orriols</w> </name>)."""
    while el.tag not in (W, PC):
        if not len(el) or not isinstance(el[-1].tag, str) or not _blank(el[-1].tail):
            return None
        el = el[-1]
    return el


def _first_token(el):
    """The token an element starts with, with no words before it."""
    while el.tag not in (W, PC):
        if not len(el) or not _blank(el.text) or not isinstance(el[0].tag, str):
            return None
        el = el[0]
    return el


def _ends_blank(el) -> bool:
    """True when the element's text ends with whitespace only (a trailing tail
    chain of its last descendants), which then belongs to the gap after it."""
    while len(el):
        last = el[-1]
        if not _blank(last.tail):
            return False
        if last.tail:
            return True
        el = last
    return False


def _clear_end(el) -> None:
    while len(el):
        last = el[-1]
        if not _blank(last.tail):
            return
        last.tail = None
        el = last


def _clear_start(el) -> None:
    while True:
        if not _blank(el.text):
            return
        el.text = None
        if not len(el):
            return
        el = el[0]


def _joins(before, after, gap: str) -> bool | None:
    """True: no space; False: one space; None: leave the gap as it is."""
    a, b = _last_token(before), _first_token(after)
    if a is None and b is None:
        return None
    if (a is not None and a.get("join") in _JOIN_AFTER) or (b is not None and b.get("join") in _JOIN_BEFORE):
        return True
    if "\n" not in gap and "\r" not in gap and not (gap == "" and _ends_blank(before)):
        return None  # no layout here: the source's own spacing
    if _punctuation(b) and (b.text or "").strip().startswith(_CLOSING) and (a is None or a.get("join") is None):
        return True
    if _punctuation(a) and (a.text or "").strip().endswith(_OPENING):
        return True
    return False


def _punctuation(token) -> bool:
    """A pc, or a w that holds only punctuation (taggers write «, – as w)."""
    if token is None:
        return False
    text = (token.text or "").strip()
    return token.tag == PC or (bool(text) and not len(token) and not any(ch.isalnum() for ch in text))


def space_tokens(root) -> None:
    """Set the gaps between the elements of every element that holds tokens."""
    parents = {}
    for token in root.iter(W, PC):
        parent = token.getparent()
        if parent is None:
            continue
        if parent.tag == W:
            _tidy_multiword(parent)
            continue
        parents.setdefault(id(parent), parent)
    for el in root.iter(BRACKETED):
        _clear_start(el)
        _clear_end(el)
    for parent in parents.values():
        for before in parent:
            after = before.getnext()
            if after is not None and isinstance(before.tag, str) and isinstance(after.tag, str):
                _set_gap(before, after)


def _tidy_multiword(token) -> None:
    """<w> comunicar-los <w norm="comunicar"/><w norm="-los"/> </w>: the word without its indentation."""
    if token.text and not all(isinstance(c.tag, str) and c.tag == W and _blank(c.text) and not len(c) for c in token):
        return
    if token.text:
        token.text = token.text.strip()
    for part in token:
        if _blank(part.tail):
            part.tail = None


def _set_gap(before, after) -> None:
    gap = before.tail or ""
    if not _blank(gap):
        return
    decision = _joins(before, after, gap)
    if decision is None:
        return
    _clear_end(before)
    if decision:
        _clear_start(after)
    before.tail = None if decision else " "
