"""No silent loss: every word of the source's text reaches the edition, or is reported.

Run after a document is rendered (publish.py), on the stylesheet's result (HTML:
the body part; text: the body and the notes). The source's reading text is
source_text.py's: the text nodes under `text` and `sourceDoc`, as the view shows
them.

1. The quick look (the usual case, and all of it when nothing is lost): each
   source text node is looked for as it stands in the edition (its first and
   last 64 characters: XSLT copies a text node whole or not at all), from where
   the previous one of its kind was found, so the search is linear.
2. Only if a text node is not found: words. The text nodes not found are
   split into words (letters compared without diacritics and case) and looked
   up among the edition's words, less those of the text nodes that were found.
   A word that runs across text nodes counts as found as its pieces or whole
   (a label inside a word, Leiden brackets, `<l>a</l><l>b</l>` without
   whitespace).
3. Each missing word is charged to the outermost element most of whose text is
   missing (so a lost `sourceDoc` is one `<sourceDoc>`, not 4,312 `<line>`s):
   one warning per element name, at the first such element. An edition that
   holds (almost) none of the source's words is an error.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from lxml import etree

from editio.contract import MARKERS, marker
from editio.core.diagnostics import Diagnostic, error, warning
from editio.render.source_text import BOUNDARY, SEP, TEI, SourceText, fold

__all__ = ["SourceText", "check"]

_TOKEN = re.compile(r"\w+(?:\x01+\w+)*")
_HAS_WORD = re.compile(r"\w")
_LETTERS = re.compile(r"\W+")  # what is not a letter of a word
# The text edition's marks (contract.py): a label, and the others (all line layout).
_LABEL_START, _LABEL_END = marker("LABEL_START"), marker("LABEL_END")
_KEEP_SPACE, _BREAK = marker("KEEP_SPACE"), marker("BREAK")
_LABEL = re.compile(f"([{_LABEL_START}{_LABEL_END}])")
_MARKS = re.compile("[" + "".join(c for name, (c, _) in MARKERS.items() if "LABEL" not in name) + "]")
# An element is named when at least this share of its text is missing.
_MOSTLY = 0.8
# An edition with less than this share of the source's words is (almost) empty.
EMPTY_SHARE = 0.1
_WINDOW = 1 << 16  # how far ahead of the last find the next text node is looked for
_APART_WINDOW = 1 << 12  # the same for notes and readings in their lists
_MAX_FAR = 32  # searches of the whole edition (or as many characters) before the words decide
_END = 64  # characters of a text node's start and end that are looked for
_SURE = 24  # characters found far from the cursor that move it there


def check(source: SourceText, result, fmt_name: str, path: str) -> list[Diagnostic]:
    """Diagnostics for the source's words the edition (the stylesheet's `result`) lacks."""
    # HTML and LaTeX results are elements holding the text nodes as they stand; the
    # text edition's is text whose whitespace the stylesheet collapsed.
    html = fmt_name != "text"
    found = _found(source, _places(result, fmt_name), html)
    if all(found):
        return []
    missing = _missing_words(source, found, _edition_words(result, fmt_name))
    return _report(source, missing, path) if missing else []


# --- 1. text nodes ---------------------------------------------------------------------

_APART_CLASSES = {"apparatus": f"{TEI}rdg", "editio-footnotes": f"{TEI}note", "editio-endnotes": f"{TEI}note"}


def _places(result, fmt_name: str) -> dict[str, str]:
    """Where the edition prints each kind of text: "" the running text (and the
    fallback for every kind), then the apparatus and the note lists where the
    format sets them apart."""
    parts = {p.get("name"): p for p in result.getroot().iterfind("part")}
    if fmt_name == "text":
        body, notes = (_unmarked(parts[name].text or "") if name in parts else "" for name in ("body", "notes"))
        return {"": body, f"{TEI}note": notes}
    body = parts.get("body")
    if body is None:
        return {"": ""}

    def text(elements) -> str:
        return "\n".join(etree.tostring(e, method="text", encoding="unicode", with_tail=False) for e in elements)

    places = {"": text([body])}
    apart: dict[str, list] = {}
    for el in body.iter("ol", "div", "section"):  # C walk by name; the class checked here
        for name in (el.get("class") or "").split():
            kind = _APART_CLASSES.get(name)
            if kind:
                apart.setdefault(kind, []).append(el)
    for kind, elements in apart.items():
        places[kind] = text(elements)
    if f"{TEI}rdg" in places:
        places[f"{TEI}witDetail"] = places[f"{TEI}rdg"]
    return places


_XML_SPACE = re.compile(r"[ \t\r\n]+")
_OTHER_SPACE = re.compile("[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
_WS = " \t\r\n"


def _collapse(text: str) -> str:
    """XSLT's normalize-space: split() does it, unless the text has a space XML does not
    count as one (NBSP ...), which split() would take too."""
    if text.isascii() or not _OTHER_SPACE.search(text):
        return " ".join(text.split())
    return _XML_SPACE.sub(" ", text).strip(_WS)


def _unmarked(text: str) -> str:
    """xml:space="preserve" text keeps its spaces and line breaks as marks (textlayout.py)."""
    if _KEEP_SPACE in text or _BREAK in text:
        return text.replace(_KEEP_SPACE, " ").replace(_BREAK, "\n")
    return text


def _ends(chunk: str, collapse: bool) -> tuple[str, str]:
    """A text node's start and end (all of it if short), with its whitespace
    collapsed or as it stands."""
    if len(chunk) <= 3 * _END:
        return (_collapse(chunk) if collapse else chunk.strip(_WS)), ""
    head, tail = chunk[: 3 * _END], chunk[-3 * _END :]
    if collapse:
        # A space cut at the edge of a piece is dropped here, kept in the edition: the
        # head's start and the tail's end are what is looked for.
        return _collapse(head)[:_END], _collapse(tail)[-_END:]
    return head.lstrip(_WS)[:_END], tail.rstrip(_WS)[-_END:]


class _Search:
    """Text nodes of one kind looked for in one text, in order.

    Near the last find first (the window: small for text printed apart, where
    entries follow each other); else further on, where the cursor moves only if
    the text is long enough to be the same place (a short reading also occurs in
    the running text); else, a limited number of times, anywhere (out of order).
    """

    def __init__(self, text: str, window: int, back: int, budget: list[int]):
        self.find, self.rfind = text.find, text.rfind
        self.window, self.back = window, back
        self.at = 0
        self.size = len(text)
        self.budget = budget  # shared: characters the searches of whole texts may still read

    def __call__(self, head: str, tail: str, size: int) -> bool:
        find, at = self.find, self.at
        # Entries printed apart may stand a little out of order (a nested app).
        pos = find(head, at - self.back if at > self.back else 0, at + self.window + len(head))
        move = pos >= 0
        if pos < 0 and self.budget[0] > 0:
            sure = len(head) + len(tail) >= _SURE
            pos = find(head, at)
            if pos < 0:
                # Behind: the nearest. A long text found there means the cursor
                # had jumped too far (to a later copy of a text): it comes back.
                self.budget[0] -= self.size
                pos = self.rfind(head, 0, at + len(head))
            move = pos >= 0 and sure
        if pos < 0:
            return False
        end = pos + len(head)
        if tail:
            # From the head's start: collapsed whitespace may make head and tail overlap.
            end = find(tail, pos, pos + size + self.window)
            if end < 0:
                return False
            end += len(tail)
        if move:
            self.at = end
        return True


def _found(source: SourceText, places: dict[str, str], html: bool) -> list[bool]:
    """Which text nodes the edition holds (True also for those without words)."""
    flags: list[bool] = []
    budget = [_MAX_FAR * (len(places[""]) + 1) + 100 * len(source.chunks)]
    searches: dict[str, tuple[_Search, ...]] = {}
    has_word = _HAS_WORD.search
    for chunk, kind in zip(source.chunks, source.kinds):
        if chunk.isspace() or not has_word(chunk):
            flags.append(True)
            continue
        search = searches.get(kind)
        if search is None:
            own = places.get(kind) if kind else None
            search = searches[kind] = tuple(
                _Search(text, _APART_WINDOW if kind else _WINDOW, _APART_WINDOW // 4 if kind else 0, budget)
                for text in ((own, places[""]) if own is not None else (places[""],))
            )
        # HTML copies a text node as it stands, the text stylesheet collapses the
        # whitespace of one with line breaks; either may normalise a reading's.
        spaced = "\n" in chunk or "  " in chunk or "\t" in chunk or "\r" in chunk
        ok = False
        for collapse in (not html, html) if spaced else (False,):
            head, tail = _ends(chunk, collapse)
            if not has_word(head) and not has_word(tail):
                ok = True  # the words are in the middle of a long text node: its ends are enough
                break
            for one in search:
                if one(head, tail, len(chunk)):
                    ok = True
                    break
            if ok:
                break
        flags.append(ok)
    return flags


# --- 2. words ----------------------------------------------------------------------------


def _counter(folded: str) -> Counter:
    """Words of folded text; one across text nodes (SEP) counts whole and as its pieces."""
    counts = Counter(_TOKEN.findall(folded))
    if SEP in folded:
        for token in [t for t in counts if SEP in t]:
            n = counts.pop(token)
            counts[token.replace(SEP, "")] += n
            for part in token.split(SEP):
                if part:
                    counts[part] += n
    return counts


def _edition_words(result, fmt_name: str) -> Counter:
    root = result.getroot()
    counts: Counter = Counter()
    for part in root.iterfind("part"):
        name = part.get("name")
        if fmt_name != "text" and name == "body":
            counts.update(_counter(fold(SEP.join(part.itertext()))))
        elif fmt_name == "text" and name in ("body", "notes"):
            for text in _without_labels(part.text or ""):
                counts.update(_counter(fold(text)))
    return counts


def _without_labels(text: str) -> list[str]:
    """The text edition's text, and its labels (LABEL_START...LABEL_END, maybe nested) apart:
    a label inside a word (a note marker) leaves the word whole."""
    outside, inside, depth = [], [], 0
    for piece in _LABEL.split(_MARKS.sub(" ", text)):
        if piece == _LABEL_START:
            depth += 1
            outside.append(SEP)
        elif piece == _LABEL_END:
            depth = max(0, depth - 1)
        elif depth:
            inside.append(piece)
        else:
            outside.append(piece)
    return ["".join(outside), " ".join(inside)]


def _missing_words(source: SourceText, found: list[bool], have: Counter) -> list[tuple[int, int]]:
    """(chunk index, length) of each word of the text nodes not found that the edition
    lacks, once the words of the text nodes found are taken from the edition's."""
    chunks = source.chunks
    # The words of the text nodes found: all the source's (counted once per document,
    # both formats ask) less those of the text nodes not found (few).
    if source.words is None:
        source.words = _counter(fold(SEP.join(chunks)))
    found_words = source.words - _counter(fold(SEP.join(c for c, ok in zip(chunks, found) if not ok)))
    have = have - found_words
    missing = []
    i, n = 0, len(chunks)
    while i < n:
        if found[i]:
            i += 1
            continue
        j = i
        while j < n and not found[j]:
            j += 1
        missing += _missing_in_run(chunks, i, j, have)
        i = j
    return missing


def _missing_in_run(chunks: list[str], i: int, j: int, have: Counter) -> list[tuple[int, int]]:
    """The words of chunks[i:j] the edition lacks (taken from `have` as they are found).
    A word the run shares with the text node before or after it is read whole."""
    pieces = chunks[i:j]
    first = i
    if i > 0 and chunks[i - 1] != BOUNDARY and _glued(chunks[i - 1], chunks[i]):
        pieces.insert(0, re.search(r"\w+$", chunks[i - 1]).group())
        first -= 1
    if j < len(chunks) and chunks[j] != BOUNDARY and _glued(chunks[j - 1], chunks[j]):
        pieces.append(re.match(r"\w+", chunks[j]).group())
    folded = fold(SEP.join(pieces))
    starts, at = [], 0
    for piece in folded.split(SEP):
        starts.append(at)
        at += len(piece) + 1
    missing = []
    for match in _TOKEN.finditer(folded):
        token = match.group()
        if SEP in token:
            # Its pieces first: they are what is particular to this place (a
            # reading's `ἐγγυτέρω<add>ν</add>` must not take another's ἐγγυτέρων).
            parts = [p for p in token.split(SEP) if p]
            if all(have[p] >= k for p, k in Counter(parts).items()):
                for p in parts:
                    have[p] -= 1
                continue
            token = token.replace(SEP, "")
        if have[token] > 0:
            have[token] -= 1
            continue
        where = max(i, min(j - 1, first + bisect_right(starts, match.start()) - 1))
        missing.append((where, len(token)))
    return missing


def _glued(before: str, after: str) -> bool:
    return bool(before) and bool(after) and before[-1].isalnum() and after[0].isalnum()


# --- 3. the report -------------------------------------------------------------------------


def _report(source: SourceText, missing: list[tuple[int, int]], path: str) -> list[Diagnostic]:
    owners, scopes = source.owners, set(source.scopes)
    words: Counter = Counter()  # missing words per owner
    letters: Counter = Counter()  # their letters, per owner and (summed) per ancestor
    for index, length in missing:
        words[owners[index]] += 1
        letters[owners[index]] += length
    summed: Counter = Counter()
    for el, n in letters.items():
        summed[el] += n
        for ancestor in el.iterancestors():
            summed[ancestor] += n
            if ancestor in scopes:
                break
    expected = _Expected(source)

    by_name: dict[str, list] = {}  # name -> [words, line of the first such element]
    for el, n in words.items():
        named = el
        while named not in scopes:
            parent = named.getparent()
            if parent is None or summed[parent] < _MOSTLY * expected(parent):
                break
            named = parent
        entry = by_name.setdefault(_name(named), [0, 0])
        entry[0] += n
        line = named.sourceline or 0
        if line and (not entry[1] or line < entry[1]):
            entry[1] = line
    found = [
        warning(path, line, 0, f"{n:,} word{'s' if n != 1 else ''} in <{name}> not published", "render.lost-text")
        for name, (n, line) in sorted(by_name.items(), key=lambda kv: (kv[1][1], kv[0]))
    ]
    lost = len(missing)
    if lost >= 0.5 * len(SEP.join(source.chunks).split()):  # a cheap estimate first
        total = len(_TOKEN.findall(fold(SEP.join(source.chunks))))
        if total - lost < EMPTY_SHARE * total:
            names = " and ".join(sorted({f"<{_name(s)}>" for s in source.scopes}))
            first = min((s.sourceline or 0 for s in source.scopes), default=0)
            found.insert(
                0,
                error(
                    path,
                    first,
                    0,
                    f"the edition is (almost) empty: it holds {max(total - lost, 0):,} of the {total:,} words "
                    f"of the source's {names}",
                    "render.empty",
                ),
            )
    return found


class _Expected:
    """Letters of the reading text an element holds (as the missing words count them), its own text
    nodes' and its descendants', asked only of the few elements a missing word
    climbs through."""

    def __init__(self, source: SourceText):
        self.chunks = source.chunks
        self.of: dict = {}  # owner -> indices of its text nodes
        for i, owner in enumerate(source.owners):
            if owner is not None:
                self.of.setdefault(owner, []).append(i)
        self.cache: dict = {}

    def __call__(self, el) -> int:
        if el not in self.cache:
            of, chunks = self.of, self.chunks
            self.cache[el] = sum(len(_LETTERS.sub("", chunks[i])) for d in el.iter() if d in of for i in of[d])
        return self.cache[el]


def _name(el) -> str:
    qname = etree.QName(el)
    if qname.namespace == TEI[1:-1] or not el.prefix:
        return qname.localname
    return f"{el.prefix}:{qname.localname}"
