"""Diagnostics are values: every stage returns them, only the CLI prints them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

# What must not reach a terminal, a log or a report raw: control characters (a
# newline in a value or a file name would print a forged diagnostic line, ESC
# drives the terminal), the bytes of a non-UTF-8 file name (surrogates after
# os.fsdecode: not valid in JSON or XML), line and paragraph separators, and
# the bidirectional controls that reorder what is shown.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_one(match: re.Match) -> str:
    char = match.group(0)
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str) -> str:
    """`text` on one line, printable, valid in JSON and XML: `\\n`, `\\x1b`, `\\xff` (a raw byte)..."""
    return _UNPRINTABLE.sub(_escape_one, text) if _UNPRINTABLE.search(text) else text


@dataclass(frozen=True)
class Diagnostic:
    """One finding about one place in one file.

    `line` and `col` are 1-based; 0 means unknown (a whole-file finding).
    `code` is a stable dotted name (`xml.syntax`, `integrity.pointer`) that
    users can switch off and tests can match.
    """

    path: str
    line: int
    col: int
    severity: Severity
    message: str
    code: str

    def __str__(self) -> str:
        """One line, whatever the file name or the values quoted in the message hold."""
        return (
            f"{escape(self.path)}:{self.line}:{self.col}: {self.severity.value}: {escape(self.message)} [{self.code}]"
        )

    def as_dict(self) -> dict:
        """For JSON, JUnit, SARIF: path and message escaped as in the text form."""
        data = asdict(self)
        data["severity"] = self.severity.value
        data["path"] = escape(self.path)
        data["message"] = escape(self.message)
        return data

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.col, _RANK[self.severity], self.code, self.message)


def error(path, line, col, message, code) -> Diagnostic:
    return Diagnostic(str(path), line or 0, col or 0, Severity.ERROR, message, code)


def warning(path, line, col, message, code) -> Diagnostic:
    return Diagnostic(str(path), line or 0, col or 0, Severity.WARNING, message, code)


def info(path, line, col, message, code) -> Diagnostic:
    return Diagnostic(str(path), line or 0, col or 0, Severity.INFO, message, code)


def unique(found: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Each finding once, in first-seen order (libxml2 repeats itself as it recovers)."""
    seen: set[tuple] = set()
    out = []
    for d in found:
        key = (d.line, d.col, d.code, d.message)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


@dataclass
class Diagnostics:
    """An ordered collection with the questions the CLI asks of it."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.items.extend(diagnostics)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.items if d.severity is severity)

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=lambda d: d.sort_key)

    def without(self, codes: Iterable[str]) -> Diagnostics:
        """Drop diagnostics whose code is, or lies below, one of `codes` (--disable)."""
        prefixes = tuple(codes)
        return Diagnostics([d for d in self.items if not switched_off(d.code, prefixes)])


def switched_off(code: str, disabled: Iterable[str]) -> bool:
    """--disable CODE switches off CODE and every code below it (`integrity` -> `integrity.pointer`)."""
    return any(code == p or code.startswith(p + ".") for p in disabled)
