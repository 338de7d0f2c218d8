"""Final layout of the plain-text edition: wrapping, tables, NFC, no trailing spaces.

The text stylesheets emit logical lines and leave the layout to this module.
They speak to it with characters of the Private Use Area (named in
`editio.contract.MARKERS`, `$NAME` in the stylesheets), all removed here:

- NO_WRAP (U+E000) at the start of a line: do not wrap it (verse, headings of tables...).
- HANG (U+E001) separates a line's prefix (indentation, a list bullet, `[3] `, a verse
  number) from its content. The prefix is kept verbatim; wrapped continuation
  lines are indented by its width. A line without U+E001 has no prefix.
- KEEP_SPACE (U+E003) a space that is kept: not collapsed, not a break point (xml:space="preserve").
- BREAK (U+E004) a forced line break inside a logical line (continues with the same indentation).
- LABEL_START (U+E005) ... LABEL_END (U+E006) an editorial label (`[1]`, `[senza fonte]`, line numbers):
  kept in the edition, dropped by `reading_text` so the words of the reading text
  can be compared with other editions.
- CELL (U+E007) at the start of a line: a table row whose cells are separated by U+E007;
  consecutive rows are aligned in columns (or joined with ` | ` if too wide).
- HEADING (U+E008) followed by `=` or `-` at the start of a line: a heading, underlined with
  that character.
- LINES_START ... (a critical edition's numbered lines and its apparatus keyed to
  them): laid out by `editio.render.linenumbers`, which says what they mean.

Source whitespace (runs of spaces, tabs, newlines) inside content collapses to one
space, so the indentation of the TEI file never leaks into the edition.
"""

from __future__ import annotations

import re
import unicodedata

from editio.contract import marker

NO_WRAP, HANG, KEEP_SPACE, BREAK = (marker(n) for n in ("NO_WRAP", "HANG", "KEEP_SPACE", "BREAK"))
LABEL_START, LABEL_END, CELL, HEADING = (marker(n) for n in ("LABEL_START", "LABEL_END", "CELL", "HEADING"))

_SPACES = re.compile(r"[ \t\r\n]+")
# The line numbering of a critical edition's text (render/linenumbers.py).
_NUMBERING = tuple(
    marker(n) for n in ("LINES_START", "LINES_END", "UNNUMBERED", "APP_START", "APP_END", "APP_REF", "FIELD_END")
)
_CONTROL = str.maketrans(
    {
        LABEL_START: None,
        LABEL_END: None,
        KEEP_SPACE: " ",
        NO_WRAP: None,
        HANG: None,
        HEADING: None,
        CELL: " ",
        BREAK: " ",
        **dict.fromkeys(_NUMBERING),
    }
)
_MARK_CHARS = (LABEL_START, LABEL_END, NO_WRAP, HANG, HEADING, CELL)
_WS = " \t\r\n"


def finish(text: str, width: int = 78) -> str:
    """The stylesheet's text, laid out: one final newline, no trailing spaces, NFC."""
    if _NUMBERING[0] in text:  # a critical edition's numbered lines
        from editio.render.linenumbers import finish_numbered

        result = finish_numbered(text, width)
        # (a label between a letter and its combining mark: NFC again once the marks are gone)
        return result if unicodedata.is_normalized("NFC", result) else unicodedata.normalize("NFC", result)
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    lines = text.split("\n")
    i = 0
    count = len(lines)
    while i < count:
        line = lines[i]
        if not line:
            out.append("")  # what _line gives for an empty line
            i += 1
            continue
        if line[0] == CELL:
            j = i
            while j < count and lines[j].startswith(CELL):
                j += 1
            out.extend(_table(lines[i:j], width))
            i = j
            continue
        out.extend(_line(line, width))
        i += 1
    result = "\n".join(out)
    result = _blank_lines_at_most_one(result).strip("\n") + "\n"
    return result if unicodedata.is_normalized("NFC", result) else unicodedata.normalize("NFC", result)


def reading_text(text: str) -> str:
    """Stylesheet text without editorial labels, layout marks collapsed (for comparisons)."""
    # A label adds no word boundary: a marker inside a word leaves the word whole.
    # Labels may nest (an apparatus block holding signs).
    text = _drop_labels(text)
    for mark in (NO_WRAP, HANG, BREAK, CELL, HEADING):
        text = text.replace(mark, " ")
    return text.translate(_CONTROL)


def _drop_labels(text: str) -> str:
    out, depth = [], 0
    for piece in re.split(f"([{LABEL_START}{LABEL_END}])", text):
        if piece == LABEL_START:
            depth += 1
        elif piece == LABEL_END:
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(piece)
    return "".join(out)


def _clean(s: str) -> str:
    return s.translate(_CONTROL)


def _without(text: str, marks: list[str]) -> str:
    for mark in marks:
        text = text.replace(mark, "")
    return text


def _collapse(segment: str) -> str:
    """Runs of spaces, tabs and newlines as one space, none at the ends (as _SPACES.sub, then strip)."""
    if "\t" in segment or "\r" in segment or "\n" in segment:
        segment = segment.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    while "  " in segment:  # each pass halves every run: runs are short
        segment = segment.replace("  ", " ")
    return segment.strip(" ")


def _segments(content: str) -> list[str]:
    """A logical line's content cut at its forced breaks, label marks dropped.

    Breaks at the edges of the content, or doubled, would make empty lines:
    they go. Labels have no width: their marks go before measuring (kept spaces
    stay unbreakable until the line is cut). Str methods, not regular
    expressions: a paragraph may be 50 MB. Each segment is still to be
    `_collapse`d.
    """
    if BREAK in content:
        segments = [piece for piece in (p.strip(_WS) for p in content.split(BREAK)) if piece] or [""]
    else:
        segments = [content]
    marks = [m for m in _MARK_CHARS if m in content]
    if marks:
        # (a label between a letter and its combining mark: NFC again once the marks are gone)
        segments = [unicodedata.normalize("NFC", _without(segment, marks)) for segment in segments]
    return segments


def _blank_lines_at_most_one(result: str) -> str:
    """At most one blank line in a row (as a regex \\n{3,} -> \\n\\n would, without one)."""
    while "\n\n\n" in result:
        result = result.replace("\n\n\n", "\n\n")
    return result


def _line(line: str, width: int) -> list[str]:
    heading = ""
    if line.startswith(HEADING):
        heading, line = line[1:2], line[2:]
    no_wrap = line.startswith(NO_WRAP)
    if no_wrap:
        line = line[1:]
    prefix, sep, content = line.partition(HANG)
    if not sep:
        prefix, content = "", line
    elif prefix:
        prefix = _clean(prefix.replace(NO_WRAP, ""))
    # A long prefix (a header label) would leave no room: hang by 4 instead.
    hang = " " * (len(prefix) if width <= 0 or len(prefix) <= width // 3 else 4)
    segments = _segments(content)
    result = []
    kept = KEEP_SPACE in content
    lead = prefix
    for segment in segments:
        segment = _collapse(segment)
        if no_wrap or width <= 0:
            lines = [(lead + segment).rstrip()]
        elif len(segment) + len(lead) <= width:
            lines = [(lead + segment).rstrip()]  # what _wrap returns for a line that fits
        else:
            lines = _wrap(segment, lead, hang, width)
        if kept:
            result.extend(line.replace(KEEP_SPACE, " ").rstrip() for line in lines)
        else:
            result.extend(lines)
        lead = hang
    if heading and result and any(r.strip() for r in result):
        result.append(heading * max(len(r) for r in result))
    return result


def _wrap(text: str, first: str, hang: str, width: int) -> list[str]:
    """Greedy wrapping of collapsed text; a word longer than the width stands alone.

    Linear in the length of `text`: positions move through it, the rest of
    the paragraph is never copied (a 50 MB paragraph is one line here).
    """
    lines, lead, start, size = [], first, 0, len(text)
    while True:
        room = width - len(lead)
        if size - start <= room:
            lines.append((lead + text[start:]).rstrip())
            return lines
        # Where a break may go, as str.rfind would take (..., 0, room + 1) on the rest:
        # a negative end counts from the end of the rest (a lead wider than the line).
        end = room + 1 if room + 1 >= 0 else max(0, size - start + room + 1)
        cut = text.rfind(" ", start, start + end)
        if cut <= start:
            cut = text.find(" ", start + max(room, 1))
            if cut == -1:
                lines.append((lead + text[start:]).rstrip())
                return lines
        lines.append((lead + text[start:cut]).rstrip())
        start, lead = cut + 1, hang


def _table(rows: list[str], width: int) -> list[str]:
    cells = [[_clean(" ".join(c.split(BREAK)).replace(NO_WRAP, "")) for c in row[1:].split(CELL)] for row in rows]
    cells = [[" ".join(w for w in _SPACES.split(c) if w) for c in row] for row in cells]
    columns = max(len(r) for r in cells)
    widths = [max((len(r[k]) for r in cells if k < len(r)), default=0) for k in range(columns)]
    total = sum(widths) + 3 * (columns - 1)
    if width > 0 and total > width:
        return [x for r in cells for x in _wrap(" | ".join(r), "", "    ", width)]
    return [" | ".join(c.ljust(widths[k]) for k, c in enumerate(r)).rstrip() for r in cells]
