"""XInclude, only of files inside the document's folder (or --xinclude-root), nested includes and loops included.

Before libxml2 expands anything, every include is followed here, file by
file, down to the last nested one: each target must be a local file inside
the folder (else `xml.xinclude-outside`), must exist and parse (else
`xml.xinclude`, naming the file and its problem), and must not include a file
that is including it (a loop: `xml.xinclude-loop`, with the chain of files
and lines). Each finding is placed at the include in the document that leads
to it. Only then are the targets allowed through the parser's resolver and
`tree.xinclude()` runs once, nested includes and all.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from editio.core.diagnostics import Diagnostic, error
from editio.core.namespaces import XI_NS

INCLUDE = f"{{{XI_NS}}}include"
FALLBACK = f"{{{XI_NS}}}fallback"
MAX_FILES = 1000  # distinct files one document may include, nested ones counted


def local_path(url: str | None) -> Path | None:
    """The local file a URL names, or None for anything that is not a local file."""
    if not url:
        return None
    parsed = urlparse(url)
    if parsed.scheme not in ("", "file") or parsed.netloc not in ("", "localhost"):
        return None
    return Path(unquote(parsed.path)).resolve()


def _target(inc, including: Path) -> Path | None:
    """The file an xi:include names, resolved against the file it stands in; None if not local."""
    href = inc.get("href", "")
    scheme = urlparse(href).scheme
    if not href or (scheme and scheme != "file" and len(scheme) != 1):
        return None
    return local_path(href) if scheme == "file" else (including.parent / unquote(href)).resolve()


def _rel(path: Path, folder: Path) -> str:
    return path.relative_to(folder).as_posix() if path.is_relative_to(folder) else str(path)


class _Walk:
    """`strict`: stop at the first problem (loading); else note it and walk on (the build's
    list of a document's parts: every local file it names, inside the folder or not)."""

    def __init__(self, folder: Path, parser_for, shown: str, strict: bool = True, hint: str = "") -> None:
        self.folder = folder
        self.hint = hint
        self.parser_for = parser_for
        self.shown = shown
        self.strict = strict
        self.done: set[Path] = set()
        self.found: list[Path] = []
        self.problems: list[Diagnostic] = []

    def _problem(self, found: Diagnostic) -> Diagnostic | None:
        self.problems.append(found)
        return found if self.strict else None

    def visit(self, root, path: Path, chain: list[tuple[Path, int]], top_line: int | None) -> Diagnostic | None:
        """Follow the includes of `root` (the file `path`); `chain`: the files including it, with lines."""
        for inc in root.iter(INCLUDE):
            line = inc.sourceline or 0
            at = top_line if top_line is not None else line  # where the document shows the problem
            where = "" if top_line is None else f" (in {_rel(path, self.folder)}, line {line})"
            href = inc.get("href", "")
            target = _target(inc, path)
            if target is None or not target.is_relative_to(self.folder):
                if self._problem(
                    error(
                        self.shown,
                        at,
                        1,
                        f"XInclude of '{href}'{where} refused: only files "
                        f"inside {self.folder} may be included{self.hint}",
                        "xml.xinclude-outside",
                    )
                ):
                    return self.problems[-1]
                if target is None:
                    continue
            if target in [p for p, _ in chain] + [path]:
                if inc.get("xpointer"):
                    continue  # a part of a file on the way (libxml2 refuses a real recursion itself)
                steps = [f"{_rel(p, self.folder)} line {ln}" for p, ln in [*chain, (path, line)]]
                loop = " -> ".join([*steps, _rel(target, self.folder)])
                if self._problem(
                    error(
                        self.shown,
                        at,
                        1,
                        f"XInclude loop: {loop}, which is already being included",
                        "xml.xinclude-loop",
                    )
                ):
                    return self.problems[-1]
                continue
            if target in self.done:
                continue
            self.done.add(target)
            self.found.append(target)
            fallback = inc.find(FALLBACK) is not None  # libxml2 uses it if the file cannot be included
            if not target.is_file():
                self.found.pop()  # nothing to hash or to call a part
                if fallback or not self._problem(
                    error(self.shown, at, 1, f"XInclude of '{href}'{where}: no such file", "xml.xinclude")
                ):
                    continue
                return self.problems[-1]
            if len(self.found) > MAX_FILES:
                return error(self.shown, at, 1, f"more than {MAX_FILES} files included: refused", "xml.xinclude")
            if inc.get("parse", "xml") == "text":
                continue
            try:
                # The bytes read here: the parser's resolver lets nothing through by name.
                sub = etree.fromstring(target.read_bytes(), self.parser_for(), base_url=target.as_uri())
            except (etree.XMLSyntaxError, OSError) as exc:
                if fallback or not self._problem(
                    error(
                        self.shown,
                        at,
                        1,
                        f"XInclude of '{href}'{where}: {_rel(target, self.folder)} is not well-formed XML: {exc}",
                        "xml.xinclude",
                    )
                ):
                    continue
                return self.problems[-1]
            problem = self.visit(sub, target, [*chain, (path, line)], at)
            if problem:
                return problem
        return None


def closure(
    root, path: Path, parser_for, shown: str, strict: bool = True, folder: Path | None = None, hint: str = ""
) -> tuple[list[Path], Diagnostic | None]:
    """Every file `root` (the document at the resolved `path`) includes, directly or not, and the first problem.

    `folder`: where included files must be (default: the document's folder).
    `strict=False`: every local file named, wherever it is, problems or not (the build's view)."""
    walk = _Walk(folder or path.parent, parser_for, shown, strict, hint)
    walk.visit(root, path, [], None)
    return sorted(walk.found), (walk.problems[0] if walk.problems else None)


def expand(
    tree, path: Path, shown: str, allowed: set[Path], parser_for, folder: Path | None = None, named: bool = False
) -> list[Diagnostic]:
    """Expand the XIncludes of `tree` (the document at the resolved `path`), after checking them all.

    `folder`: the allowed root (resolved; default the document's folder; `named`: the user
    gave it with --xinclude-root). `allowed` is the set the parser's resolver lets through:
    the checked targets are added to it.
    """
    root = tree.getroot()
    first = next(root.iter(INCLUDE), None)
    if first is None:
        return []
    hint = "" if named else " (--xinclude-root DIR allows a wider folder)"
    targets, problem = closure(root, path, parser_for, shown, folder=folder, hint=hint)
    if problem:
        return [problem]
    allowed.update(targets)
    try:
        tree.xinclude()
    except etree.XIncludeError as exc:
        entry = exc.error_log.last_error if exc.error_log else None
        line = entry.line if entry is not None and entry.filename and local_path(entry.filename) == path else 0
        return [error(shown, line or first.sourceline or 0, 1, f"XInclude failed: {exc}", "xml.xinclude")]
    return []
