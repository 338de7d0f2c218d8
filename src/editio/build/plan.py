"""A build's plan: the sources, their output names, and the jobs for those not up to date.

Each source keeps its path relative to the PATH it was found under, so
`a/x.xml` and `b/x.xml` do not collide; its file name is bounded (a 255-byte
source name still gets its `.html`, see `core/names.py`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from editio.build.state import BuildState, hash_bytes, hash_file, xinclude_targets
from editio.build.worker import Job
from editio.core import interrupt
from editio.core.diagnostics import Diagnostic, warning
from editio.core.discover import discover
from editio.core.names import NAME_BYTES, bounded
from editio.render.formats import FORMATS, get_format

# Room for the longest suffix a format adds.
STEM_BYTES = NAME_BYTES - max(len(os.fsencode(f.suffix)) for f in FORMATS.values())


class BuildError(Exception):
    """A usage problem: nothing was built (exit status 2)."""


@dataclass(frozen=True)
class Source:
    key: str  # absolute path
    path: Path  # as the user named it
    rel: str  # output name without suffix, relative to the output folder
    root: str = ""  # the PATH it was found under (its folder if a file): XIncludes may reach inside it


def find_sources(paths: list[Path], out_dir: Path, walk_problems: list[Diagnostic] | None = None) -> list[Source]:
    """Sources in a stable order, each with a collision-free output name.

    Problems met while searching folders (a folder link loop) go to `walk_problems`.
    """
    walk_problems = [] if walk_problems is None else walk_problems
    out_abs = out_dir.resolve()
    found: list[tuple[Path, Path, Path]] = []  # (path, absolute, root it is relative to)
    for given in map(Path, paths):
        if given.is_dir():
            given_abs = given.resolve()
            if given_abs == out_abs:
                raise BuildError(f"the output folder {out_dir} is the source folder {given}: choose another with -o")
            if given_abs.is_relative_to(out_abs):
                raise BuildError(
                    f"the output folder {out_dir} contains the source folder {given}: choose another with -o"
                )
            out_inside = out_abs.is_relative_to(given_abs)
            files, problems = discover([given])  # follows folder links, never in a loop
            walk_problems.extend(problems)
            for path in files:
                rel_parts = path.relative_to(given).parts
                if any(part.startswith(".") for part in rel_parts):
                    continue  # hidden folders (.git, editors' backups)
                if not path.is_file():
                    continue
                absolute = path.resolve()
                if out_inside and absolute.is_relative_to(out_abs):
                    continue  # the output folder inside a source folder
                found.append((path, absolute, given))
        elif given.is_file():
            found.append((given, given.resolve(), given.parent))
        else:
            raise BuildError(f"{given}: no such file or folder")
    sources: dict[str, tuple[Path, Path, Path]] = {}
    for path, absolute, root in found:
        if absolute.is_relative_to(out_abs):
            raise BuildError(f"the output folder {out_dir} contains the source {path}: choose another with -o")
        sources.setdefault(str(absolute), (path, absolute, root))
    names = {key: _stem(p.relative_to(r)) for key, (p, _a, r) in sources.items()}
    if len(set(names.values())) < len(names):
        # The same name under two PATHs: name every output after the sources' common folder.
        common = Path(os.path.commonpath([str(a.parent) for _p, a, _r in sources.values()]))
        names = {key: _stem(a.relative_to(common)) for key, (_p, a, _r) in sources.items()}
    return [Source(key, p, names[key], str(r)) for key, (p, _a, r) in sources.items()]


def _stem(rel: Path) -> str:
    stem = PurePosixPath(rel.with_suffix("").as_posix())
    return str(stem.with_name(bounded(stem.name, STEM_BYTES)))


def plan(sources: list[Source], options, state: BuildState, out_dir: Path, notes: dict[str, list[Diagnostic]]):
    """Jobs for the documents that must be built; the hashes that will mark them built."""
    jobs: list[tuple[int, Job]] = []
    hashes: dict[str, tuple[str, dict]] = {}
    parts_of: dict[str, str] = {}  # XInclude target -> the document including it
    for source in sources:
        interrupt.check()
        try:
            data = source.path.read_bytes()
        except OSError:
            data = b""  # the worker's load reports it
        targets = xinclude_targets(source.path, data)
        for target in targets:
            parts_of.setdefault(str(target), str(source.path))
        if targets and not options.load.xinclude:
            notes.setdefault(source.key, []).append(
                warning(
                    source.path,
                    0,
                    0,
                    f"this document XIncludes {len(targets)} file(s) that are left out: build with --xinclude",
                    "build.xinclude-off",
                )
            )
        included = {str(t): hash_file(t) for t in targets} if options.load.xinclude else {}
        digest = hash_bytes(data)
        if data and state.is_current(source.key, digest, included, out_dir):
            continue
        hashes[source.key] = (digest, included)
        outputs = tuple((f, source.rel + get_format(f).suffix) for f in options.formats)
        jobs.append((len(data), Job(source.key, str(source.path), outputs, source.root)))
    # Largest first, so a big document does not start last and keep one worker busy alone.
    ordered = [job for _size, job in sorted(jobs, key=lambda j: -j[0])]
    return ordered, hashes, parts_of
