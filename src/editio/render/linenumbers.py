"""Line numbers of a critical edition's text edition, and its apparatus keyed to them.

The numbers count the lines of the text edition as printed, after wrapping at
the width: what a reader sees in the margin (every fifth number) is what the
apparatus cites, `12 ἀδελφοὶ M O] ἀδελφοί V | τὸ M V] om. O`. Each division
with an apparatus of its own numbers its lines from 1 (a subdivision numbers its
own; the division's count resumes after it). Verse lines are never wrapped, so
in verse a line is a verse line; headings count, blank lines and underlines do
not. A lemma over two lines is cited as a range (`12–13`); an empty lemma (an
addition in some witnesses) by the line of the word before it.

The text stylesheets mark, with the contract's markers (editio.contract):
- LINES_START / LINES_END, each a line of its own: a numbered division;
- LABEL_START APP_START n LABEL_END ... LABEL_START APP_END n LABEL_END around
  the lemma of app n (labels, so `textlayout.reading_text` drops them);
- APP_REF n FIELD_END host FIELD_END fallback FIELD_END at the start of an
  apparatus line: the line of app n goes there (else of app `host`, the
  outermost app of one inside a reading the text does not show; else the
  fallback, the paragraph reference);
- UNNUMBERED at the start of a line that is not counted (the apparatus heading).
`textlayout.finish` hands a text with numbered divisions to `finish_numbered`.
"""

from __future__ import annotations

import re
import unicodedata

from editio.contract import marker
from editio.render import textlayout as tl

LINES_START, LINES_END = marker("LINES_START"), marker("LINES_END")
UNNUMBERED, APP_REF, FIELD_END = marker("UNNUMBERED"), marker("APP_REF"), marker("FIELD_END")
APP_START, APP_END = marker("APP_START"), marker("APP_END")
MARGIN = 7  # five digits and two spaces, as the verse numbers of other editions
RANGE = "\u2013"  # en dash

_APP_MARK = re.compile(f"{tl.LABEL_START}([{APP_START}{APP_END}])(\\d+){tl.LABEL_END}")
_ENTRY = re.compile(
    f"^[{tl.LABEL_START}{tl.LABEL_END}]*{APP_REF}(\\d+){FIELD_END}(\\d*){FIELD_END}([^{FIELD_END}]*){FIELD_END} ?"
)
# While a line is laid out, each app marker stands as one character of a private
# plane (no width): where it ends up says on which printed line the lemma starts or ends.
_FIRST = 0xF0000
_HOLDERS = re.compile("[\U000f0000-\U000ffffd]+")


def finish_numbered(text: str, width: int) -> str:
    text = unicodedata.normalize("NFC", text)
    lines = text.split("\n")
    out: list = []  # printed lines, and lists of apparatus lines resolved at the end
    counts: list[int] = []  # lines printed so far in each open numbered division
    where: dict[int, list[int]] = {}  # app number -> [line of its start, line of its end]
    inner = width - MARGIN if width > 0 else width
    i, total = 0, len(lines)
    while i < total:
        line = lines[i]
        i += 1
        if line == LINES_START:
            counts.append(0)
        elif line == LINES_END:
            if counts:
                counts.pop()
        elif _ENTRY.match(line):
            entries = [line]
            while i < total and _ENTRY.match(lines[i]):
                entries.append(lines[i])
                i += 1
            out.append(entries)
        elif not counts:
            if line and line[0] == tl.CELL:
                j = i
                while j < total and lines[j].startswith(tl.CELL):
                    j += 1
                out.extend(tl._table([_APP_MARK.sub("", r) for r in lines[i - 1 : j]], width))
                i = j
            else:
                out.extend(tl._line(_APP_MARK.sub("", line), width) if line else [""])
        elif not line:
            out.append("")
        elif line.startswith(UNNUMBERED):
            out.extend(tl._line(line[1:], width))
        elif line[0] == tl.CELL:
            j = i
            while j < total and lines[j].startswith(tl.CELL):
                j += 1
            rows = lines[i - 1 : j]
            i = j
            first = counts[-1] + 1
            for kind, n in ((m.group(1), int(m.group(2))) for r in rows for m in _APP_MARK.finditer(r)):
                _record(where, kind, n, first)
            _number(tl._table([_APP_MARK.sub("", r) for r in rows], inner), counts, out, underline=False)
        else:
            laid, found = _line_tracked(line, inner)
            heading = line.startswith(tl.HEADING) and len(laid) > 1 and set(laid[-1]) == {line[1:2]}
            numbers = _number(laid, counts, out, underline=heading)
            for kind, n, k in found:
                _record(where, kind, n, numbers[k])
    page = [x for item in out for x in (_apparatus(item, where, width) if isinstance(item, list) else (item,))]
    result = "\n".join(page)
    return tl._blank_lines_at_most_one(result).strip("\n") + "\n"


def _number(laid: list[str], counts: list[int], out: list, underline: bool) -> list[int]:
    """Print laid-out lines with their margin; returns each line's number (0: not counted)."""
    numbers = []
    last = len(laid) - 1
    for k, printed in enumerate(laid):
        if not printed.strip() or (underline and k == last):
            out.append(" " * MARGIN + printed if printed.strip() else printed)
            numbers.append(numbers[-1] if numbers else counts[-1])
            continue
        counts[-1] += 1
        n = counts[-1]
        numbers.append(n)
        out.append((f"{n:>5}  " if n % 5 == 0 else " " * MARGIN) + printed)
    return numbers


def _record(where: dict[int, list[int]], kind: str, n: int, line: int) -> None:
    span = where.setdefault(n, [0, 0])
    if kind == APP_START:
        span[0] = line
    else:
        span[1] = line


def _lines(where: dict[int, list[int]], n: int, host: str) -> tuple[int, int]:
    """(first, last) printed line of app n's lemma (else of its host app); (0, 0) if it has none."""
    if n not in where and host:
        n = int(host)
    start, end = where.get(n, (0, 0))
    if not end:
        return (start, start)
    if not start or start >= end:
        return (end, end)  # an empty lemma: the line of the word before it
    return (start, end)


def _apparatus(entries: list[str], where: dict[int, list[int]], width: int) -> list[str]:
    """Apparatus lines in the order of the text's lines (an app inside a
    longer lemma after the longer one): the entries of one line joined with
    ' | ' after its number; an entry over several lines says its range."""
    cited = []
    for raw in entries:
        m = _ENTRY.match(raw)
        first, last = _lines(where, int(m.group(1)), m.group(2))
        cited.append((first or float("inf"), last, m.group(3), raw[m.end() :].strip()))
    cited.sort(key=lambda c: c[0])  # stable: document order within a line
    printed: list[str] = []
    i = 0
    while i < len(cited):
        first = cited[i][0]
        group = []
        while i < len(cited) and cited[i][0] == first:
            start, last, fallback, text = cited[i]
            if start == float("inf"):
                group.append((fallback, text))
            else:
                group.append((str(start) if last == start else f"{start}{RANGE}{last}", text))
            i += 1
            if start == float("inf"):
                break  # no line: each entry with its own reference
        said = [
            text if not k or ref == group[0][0].split(RANGE)[0] else f"{ref} {text}"
            for k, (ref, text) in enumerate(group)
        ]
        printed.extend(tl._line(f"{group[0][0]} {tl.HANG}" + " | ".join(said), width))
    return printed


def _line_tracked(line: str, width: int) -> tuple[list[str], list[tuple[str, int, int]]]:
    """`textlayout._line` for a line holding app markers: the same printed lines
    (the markers have no width), and for each marker (kind, app, printed line index)."""
    kinds: list[tuple[str, int]] = []

    def hold(m):
        kinds.append((m.group(1), int(m.group(2))))
        return chr(_FIRST + len(kinds) - 1)

    line = _APP_MARK.sub(hold, line)
    if not kinds:
        return tl._line(line, width), []
    heading = ""
    if line.startswith(tl.HEADING):
        heading, line = line[1:2], line[2:]
    no_wrap = line.startswith(tl.NO_WRAP)
    if no_wrap:
        line = line[1:]
    prefix, sep, content = line.partition(tl.HANG)
    if not sep:
        prefix, content = "", line
    elif prefix:
        prefix = tl._clean(prefix.replace(tl.NO_WRAP, ""))
    hang = " " * (len(prefix) if width <= 0 or len(prefix) <= width // 3 else 4)
    result: list[str] = []
    lead = prefix
    for segment in tl._segments(content):
        segment = _glue(tl._collapse(segment), kinds)
        if no_wrap or width <= 0:
            result.append(lead + segment)
        else:
            result.extend(_wrap_tokens(segment, lead, hang, width))
        lead = hang
    found = []
    for k, printed in enumerate(result):
        for run in _HOLDERS.findall(printed):
            found.extend((*kinds[ord(c) - _FIRST], k) for c in run)
    result = [_HOLDERS.sub("", r).replace(tl.KEEP_SPACE, " ").rstrip() for r in result]
    if heading and result and any(r.strip() for r in result):
        result.append(heading * max(len(r) for r in result))
    return result, found


def _glue(text: str, kinds: list[tuple[str, int]]) -> str:
    """A marker between spaces joins a word, so it takes no space of its own:
    the next word for a lemma's start, the word before for an end (and for an
    empty lemma, whose start and end stand together)."""
    words: list[str] = []
    waiting = ""  # markers for the next word
    for word in text.split(" "):
        if word and _HOLDERS.fullmatch(word):
            if words and kinds[ord(word[-1]) - _FIRST][0] == APP_END:
                words[-1] += word
            else:
                waiting += word
        else:
            words.append(waiting + word)
            waiting = ""
    if waiting:
        if words:
            words[-1] += waiting
        else:
            words.append(waiting)
    return " ".join(words)


def _width(word: str) -> int:
    return len(_HOLDERS.sub("", word))


def _wrap_tokens(text: str, first: str, hang: str, width: int) -> list[str]:
    """`textlayout._wrap` word by word, markers without width: greedy, a word
    longer than the width alone on its line."""
    lines, lead, current, used = [], first, [], 0
    for word in text.split(" "):
        w = _width(word)
        room = width - len(lead)
        if current and used + 1 + w > room:
            lines.append((lead + " ".join(current)).rstrip())
            lead, current, used = hang, [], 0
        used = used + 1 + w if current else w
        current.append(word)
    lines.append((lead + " ".join(current)).rstrip())
    return lines
