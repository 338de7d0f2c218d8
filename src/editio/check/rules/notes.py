"""Note numbering and anchors.

Numbered notes (`@n` a number, possibly bracketed: `3`, `[3]`, `3)`) of one
type run 1, 2, 3... in the text: a repeated number or a gap is reported. A
note numbered 1 starts a new sequence (footnotes restarting per chapter or
page). Notes in the header and in the apparatus are not numbered notes.
An `anchor` that nothing points to is reported: it anchors nothing.
"""

from __future__ import annotations

import re

from lxml import etree

from editio.check.rules import XML_ID, Context, rule
from editio.check.rules.pointers import references
from editio.core.diagnostics import warning
from editio.core.namespaces import TEI_NS

_NUMBER = re.compile(r"^[\[(]?\s*(\d+)\s*[\])\.]?$")


# Notes with an @n, except in the header and the apparatus (not numbered notes).
_NOTES_WITH_N = etree.XPath(
    "descendant-or-self::tei:note[@n][not(ancestor::tei:teiHeader or ancestor::tei:app or ancestor::tei:listApp"
    " or ancestor::tei:rdg or ancestor::tei:lem)]",
    namespaces={"tei": TEI_NS},
)
_ANCHORS = etree.XPath("descendant-or-self::tei:anchor[@xml:id]", namespaces={"tei": TEI_NS})


def _numbered_notes(ctx: Context):
    """(type, number, note) for the numbered notes of the text, in document order."""
    for el in ctx.select(_NOTES_WITH_N):
        m = _NUMBER.match((el.get("n") or "").strip())
        if m:
            yield el.get("type") or "", int(m.group(1)), el


@rule("integrity.note.numbering")
def note_numbering(ctx: Context):
    last: dict[str, tuple[int, object]] = {}
    for kind, number, note in _numbered_notes(ctx):
        previous = last.get(kind)
        last[kind] = (number, note)
        if previous is None or number == 1:
            continue
        before, before_note = previous
        if number == before + 1:
            continue
        label = f"note (type '{kind}')" if kind else "note"
        line, col = ctx.at(note)
        was = ctx.at(before_note)[0]
        if number == before:
            message = f"{label} n='{note.get('n')}' repeats the number of the note on line {was}"
        elif number > before + 1:
            missing = f"{before + 1}" if number == before + 2 else f"{before + 1}-{number - 1}"
            message = f"{label} n='{note.get('n')}' follows note {before} (line {was}): {missing} missing"
        else:
            message = f"{label} n='{note.get('n')}' follows note {before} (line {was}): out of sequence"
        yield warning(ctx.path, line, col, message, "integrity.note.numbering")


@rule("integrity.note.anchor")
def anchors_are_pointed_to(ctx: Context):
    pointed = {ref.target for ref in references(ctx) if ref.target}
    for el in ctx.select(_ANCHORS):
        ident = el.get(XML_ID)
        if ident is None or ident in pointed:
            continue
        line, col = ctx.at(el)
        yield warning(
            ctx.path,
            line,
            col,
            f"anchor '{ident}' is not pointed to by any note or pointer (@target, @spanTo, ...)",
            "integrity.note.anchor",
        )
