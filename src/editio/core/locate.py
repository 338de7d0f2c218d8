"""Columns for elements: lxml gives a line only, diagnostics want line and column.

libxml2's `sourceline` is the line where the start tag *ends* (a tag spread
over several lines reports its last one), so the column is found by looking
for `<qname` on that line and, failing that, on the lines above it. When the
same name starts several times on one line, the element's rank among its
same-named siblings-on-that-line picks the occurrence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lxml import etree

# A start tag can span many lines (TEI headers with long attribute lists).
_LOOKBACK = 40


class Locator:
    """Line and column of elements of one parsed file (the source is read once, lazily)."""

    def __init__(self, tree: etree._ElementTree, path: str | Path | None = None, text: str | None = None):
        self._tree = tree
        self._path = Path(path) if path is not None else None
        self._text = text
        self._lines: list[str] | None = None
        self._rank: dict[etree._Element, int] | None = None
        # Rules report several findings on one element (a reading citing three
        # undeclared witnesses): each element is located once.
        self._positions: dict[etree._Element, tuple[int, int]] = {}

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            text = self._text
            if text is None:
                text = _read_text(self._path, self._tree.docinfo.encoding) if self._path else ""
            self._lines = text.splitlines()
        return self._lines

    def _ranks(self) -> dict[etree._Element, int]:
        """Element -> how many same-named elements end their start tag earlier on the same line."""
        if self._rank is None:
            counts: dict[tuple[int, str], int] = {}
            rank: dict[etree._Element, int] = {}
            for el in self._tree.getroot().iter(etree.Element):
                if el.sourceline is None:
                    continue
                key = (el.sourceline, el.tag)
                n = counts.get(key, 0)
                if n:
                    rank[el] = n
                counts[key] = n + 1
            self._rank = rank
        return self._rank

    def position(self, el: etree._Element) -> tuple[int, int]:
        """(line, column), both 1-based; column 1 when the tag cannot be found, (0, 0) for no line."""
        found = self._positions.get(el)
        if found is None:
            found = self._positions[el] = self._position(el)
        return found

    def _position(self, el: etree._Element) -> tuple[int, int]:
        line = el.sourceline
        if not line:
            return (0, 0)
        if not isinstance(el.tag, str):
            return (line, 1)
        lines = self.lines
        if line > len(lines):
            return (line, 1)
        localname = el.tag.rpartition("}")[2]  # QName(el).localname, without the object
        prefix = el.prefix
        pattern = _start_tag(f"{prefix}:{localname}" if prefix else localname)
        hits = [m.start() for m in pattern.finditer(lines[line - 1])]
        # The rank picks among several hits only: with one or none, the answer is
        # the same for any rank, so the index of ranks is built only when needed.
        rank = self._ranks().get(el, 0) if len(hits) > 1 else 0
        if len(hits) > rank:
            return (line, hits[rank] + 1)
        # A start tag spread over several lines: its name is on an earlier line.
        if not hits:
            for back in range(line - 2, max(line - 1 - _LOOKBACK, -1), -1):
                found = [m.start() for m in pattern.finditer(lines[back])]
                if found:
                    return (back + 1, found[-1] + 1)
        return (line, hits[-1] + 1 if hits else 1)


@lru_cache(maxsize=512)
def _start_tag(qname: str) -> re.Pattern:
    return re.compile("<" + re.escape(qname) + r"(?=[\s/>]|$)")


def _read_text(path: Path, encoding: str | None) -> str:
    try:
        data = path.read_bytes()
    except OSError:
        return ""
    try:
        return data.decode(encoding or "utf-8")
    except (LookupError, UnicodeDecodeError):
        return data.decode("utf-8", errors="replace")
