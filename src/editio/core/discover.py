"""Find the XML files a command works on, safely.

Folders are searched recursively and symbolic links to folders are followed,
but every folder is entered once (by device and inode): a link back to a
parent or to itself is reported and skipped instead of looping forever.
"""

from __future__ import annotations

import os
from pathlib import Path

from editio.core.diagnostics import Diagnostic, error, info, warning


def discover(paths: list[str | Path]) -> tuple[list[Path], list[Diagnostic]]:
    """Files as given; folders searched (recursively, sorted) for *.xml.

    Returns the files and the diagnostics about the walk (symlink loops,
    unreadable folders). A file reached twice (through a link) is listed once.
    """
    found: list[Path] = []
    problems: list[Diagnostic] = []
    seen_files: set[tuple[int, int]] = set()
    for p in map(Path, paths):
        if p.is_dir():
            files = _walk(p, problems)
        else:
            files = [p]
        for f in files:
            key = _key(f)
            if key is None or key not in seen_files:
                if key is not None:
                    seen_files.add(key)
                found.append(f)
    return found, problems


def find_xml_files(paths: list[str | Path]) -> list[Path]:
    """The files only (for callers that do not report the walk's findings)."""
    return discover(paths)[0]


def _key(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _walk(top: Path, problems: list[Diagnostic]) -> list[Path]:
    top_key = _key(top)
    visited = {top_key} if top_key else set()
    files: list[Path] = []

    def unreadable(exc: OSError) -> None:
        problems.append(
            warning(exc.filename or str(top), 0, 0, f"cannot read folder: {exc.strerror or exc}", "fs.unreadable")
        )

    top_real = Path(os.path.realpath(top))
    for root, dirs, names in os.walk(top, followlinks=True, onerror=unreadable):
        here = Path(root)
        keep = []
        for name in sorted(dirs):
            sub = here / name
            key = _key(sub)
            if key is None:
                continue
            target = Path(os.path.realpath(sub))
            if _is_ancestor(target, here, top) or (key in visited and not sub.is_symlink()):
                problems.append(
                    error(
                        sub,
                        0,
                        0,
                        f"folder link to {target} leads back into a folder being searched (a loop): skipped",
                        "fs.symlink-loop",
                    )
                )
                continue
            if sub.is_symlink() and target.is_relative_to(top_real):
                problems.append(
                    info(
                        sub, 0, 0, f"folder link to {target}, which is searched anyway: skipped", "fs.symlink-duplicate"
                    )
                )
                continue
            if key in visited:  # reached twice through links that lead outside
                problems.append(
                    info(sub, 0, 0, f"folder {target} was already searched: skipped", "fs.symlink-duplicate")
                )
                continue
            visited.add(key)
            keep.append(name)
        dirs[:] = keep
        files.extend(here / n for n in names if n.endswith(".xml") and (here / n).is_file())
    return sorted(files)


def _is_ancestor(target: Path, here: Path, top: Path) -> bool:
    """Is `target` one of the folders on the way from `top` down to `here`
    (compared as real paths: the way may pass through links)?"""
    way = [here, *here.relative_to(top).parents]
    reals = {Path(os.path.realpath(here if w is here else top / w)) for w in way}
    return any(r.is_relative_to(target) for r in reals)
