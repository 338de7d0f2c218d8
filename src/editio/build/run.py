"""Build whole editions: every document of the given paths, in every chosen format.

The plan: find the sources, name their outputs (each keeps its path relative
to the PATH it was found under, so `a/x.xml` and `b/x.xml` do not collide),
skip documents that are up to date (`build_state.py`), build the others in
parallel (`build_worker.py`: compiled once per worker), then write the index
(`build_index.py`) and the new state. Every file is written atomically inside
the output folder; sources are never written.
"""

from __future__ import annotations

import dataclasses

import os
import signal
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from editio.build.index import render_index
from editio.build.pool import Terminated, install_sigterm, restore_sigterm, run_jobs
from editio.build.state import BuildState, diagnostic_from_json, diagnostic_to_json, fingerprint, hash_bytes, hash_file, xinclude_targets
from editio.build.worker import DocResult, Job, WorkerConfig
from editio.core.diagnostics import Diagnostic, info, warning
from editio.core.discover import discover
from editio.render.formats import get_format
from editio.load.document import LoadOptions
from editio.render.publish import PublishOptions
from editio.core.resources import templates_dir
from editio.check.validate import ValidateOptions
from editio.core.write import write_atomic

INDEX_NAME = "index.html"
ASSETS_DIR = "assets"  # templates/assets/* is copied once to DIR/assets/


@dataclass(frozen=True)
class BuildOptions:
    out_dir: Path = Path("_build")
    formats: tuple[str, ...] = ("html", "text")
    load: LoadOptions = LoadOptions()
    publish: PublishOptions = PublishOptions()
    # Per-format options (e.g. a user stylesheet for html only); a format not named uses `publish`.
    publish_by_format: tuple[tuple[str, PublishOptions], ...] = ()
    check: bool = True  # schema (--schema or <?xml-model?>) and integrity checks
    schema: str | None = None
    disabled: tuple[str, ...] = ()
    strict: bool = False  # findings are errors; stop at the first document with one
    force: bool = False  # rebuild up-to-date documents too
    jobs: int = 0  # worker processes; 0: one per CPU

    def options_for(self, fmt: str) -> PublishOptions:
        return dict(self.publish_by_format).get(fmt, self.publish)


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    failed: list[Path] = field(default_factory=list)
    built: list[Path] = field(default_factory=list)
    current: list[Path] = field(default_factory=list)  # up to date, not rebuilt
    stopped: bool = False  # --strict stopped the build early
    index: Path | None = None


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    source: str
    status: str  # built | current | failed


class BuildError(Exception):
    """A usage problem: nothing was built (exit status 2)."""


class BuildInterrupted(BaseException):
    """Ctrl-C or SIGTERM: workers stopped, no partial file left; `result` holds what was finished."""

    def __init__(self, result: BuildResult, signum: int = signal.SIGINT) -> None:
        super().__init__("build interrupted")
        self.result = result
        self.signum = signum


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
                raise BuildError(f"the output folder {out_dir} contains the source folder {given}: choose another with -o")
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
    return rel.with_suffix("").as_posix()


def build(paths: list[Path], options: BuildOptions = BuildOptions(),
          progress: Callable[[Progress], None] | None = None) -> BuildResult:
    """Build `paths` into `options.out_dir`. Raises BuildError (usage) or BuildInterrupted."""
    for name in options.formats:
        get_format(name)  # ValueError for an unknown format
    out_dir = Path(options.out_dir)
    walk_problems: list[Diagnostic] = []
    sources = find_sources(paths, out_dir, walk_problems)
    config = _worker_config(options)
    state = _load_state(options, config, out_dir)
    result = BuildResult(diagnostics=walk_problems)
    notes: dict[str, list[Diagnostic]] = {}
    jobs, hashes, parts_of = _plan(sources, options, state, out_dir, notes)
    total, done = len(sources), 0

    for source in sources:
        if source.key not in hashes:  # up to date
            done += 1
            result.current.append(source.path)
            if progress:
                progress(Progress(done, total, str(source.path), "current"))

    if jobs and options.check and options.schema:
        _compile_schema(options.schema)
    elif jobs and options.check:
        _compile_document_schemas(jobs, config)

    finished: dict[str, DocResult] = {}

    def record(doc: DocResult) -> bool:
        nonlocal done
        done += 1
        finished[doc.key] = doc
        if progress:
            progress(Progress(done, total, doc.source, doc.status))
        return options.strict and doc.status == "failed" and not _only_part(doc, parts_of)

    previous = install_sigterm()
    try:
        result.stopped = run_jobs(jobs, config, options.jobs, record)
    except (KeyboardInterrupt, Terminated) as stop:
        _update_state(state, sources, finished, hashes, out_dir)
        _save_quietly(state, out_dir)
        _collect(result, sources, state, finished, notes, parts_of, out_dir, hashes)
        signum = signal.SIGTERM if isinstance(stop, Terminated) else signal.SIGINT
        raise BuildInterrupted(result, signum) from None
    finally:
        restore_sigterm(previous)

    _update_state(state, sources, finished, hashes, out_dir)
    _collect(result, sources, state, finished, notes, parts_of, out_dir, hashes)
    if not result.stopped:
        result.index = _write_index(sources, state, options, out_dir, result)
    _write_assets(options, out_dir)
    state.save(out_dir)
    return result


def _compile_schema(path: str) -> None:
    """Compile --schema here: an unusable one is a usage error, and forked workers inherit it."""
    from editio.check import schemas

    try:
        schemas.compiled(schemas.SchemaRef(str(path), schemas.kind_of(str(path)) or "rng"))
    except schemas.SchemaError as exc:
        raise BuildError(str(exc)) from None


def _compile_document_schemas(jobs, config: WorkerConfig) -> None:
    """The schemas the documents name, compiled here once: forked workers
    inherit them (and the schema cache gets their simplified grammar once)."""
    from editio.check import schemas
    from editio.check.validate import likely_schemas

    # (as the workers check: a document that names no schema gets none in a build)
    checks = dataclasses.replace(config.validate, default_schema=False)
    schemas.precompile(likely_schemas([Path(job.source) for job in jobs], checks))


def _worker_config(options: BuildOptions) -> WorkerConfig:
    validate = None
    if options.check:
        validate = ValidateOptions(schema=options.schema, disabled=options.disabled)
    return WorkerConfig(
        out_dir=str(options.out_dir),
        formats=tuple(options.formats),
        load=options.load,
        publish=tuple((f, options.options_for(f)) for f in options.formats),
        validate=validate,
        strict=options.strict,
    )


def _load_state(options: BuildOptions, config: WorkerConfig, out_dir: Path) -> BuildState:
    user_xslt = tuple(sorted({p.user_xslt for _f, p in config.publish if p.user_xslt}))
    user_templates = tuple(sorted({t for _f, p in config.publish for t in p.user_templates}))
    # The worker configuration names every option that changes what is written or reported.
    # (not the output folder's name: it does not change what is written)
    settings = repr((config.formats, config.load, config.publish, config.validate, config.strict))
    fp = fingerprint(settings, user_xslt, user_templates, options.schema)
    if options.force:
        return BuildState(fp)
    return BuildState.load(out_dir, fp)


def _plan(sources, options, state, out_dir, notes):
    """Jobs for the documents that must be built; the hashes that will mark them built."""
    jobs: list[tuple[int, Job]] = []
    hashes: dict[str, tuple[str, dict]] = {}
    parts_of: dict[str, str] = {}  # XInclude target -> the document including it
    for source in sources:
        try:
            data = source.path.read_bytes()
        except OSError:
            data = b""  # the worker's load reports it
        targets = xinclude_targets(source.path, data)
        for target in targets:
            parts_of.setdefault(str(target), str(source.path))
        if targets and not options.load.xinclude:
            notes.setdefault(source.key, []).append(warning(
                source.path, 0, 0,
                f"this document XIncludes {len(targets)} file(s) that are left out: build with --xinclude",
                "build.xinclude-off",
            ))
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


def _update_state(state: BuildState, sources, finished: dict[str, DocResult], hashes, out_dir: Path) -> None:
    keys = {s.key for s in sources}
    for key in list(state.documents):
        if key not in keys:
            record = state.documents.pop(key)
            if not Path(key).exists():
                _remove_outputs(record.get("outputs", []), out_dir)
    for key, doc in finished.items():
        if doc.status != "built":
            state.documents.pop(key, None)
            continue
        digest, included = hashes[key]
        state.documents[key] = {
            "source": doc.source,
            "hash": digest,
            "included": included,
            "outputs": doc.written,
            "diagnostics": [diagnostic_to_json(d) for d in doc.diagnostics],
            "entry": doc.entry,
        }


def _remove_outputs(outputs: list[str], out_dir: Path) -> None:
    """The editions of a source that was deleted: only files this build wrote, only inside DIR."""
    base = out_dir.resolve()
    for rel in outputs:
        target = (out_dir / rel).resolve()
        if target.is_relative_to(base) and target.is_file():
            target.unlink()


def _collect(result: BuildResult, sources, state, finished, notes, parts_of, out_dir, hashes) -> None:
    """Results in source order, whatever order the workers finished in."""
    for source in sources:
        result.diagnostics.extend(notes.get(source.key, []))
        doc = finished.get(source.key)
        if doc is None:
            record = state.documents.get(source.key)
            if record and source.key not in hashes:  # up to date: its findings, as last time
                result.diagnostics.extend(diagnostic_from_json(d) for d in record["diagnostics"])
            continue
        if doc.status == "built":
            result.built.append(source.path)
            result.written.extend(out_dir / rel for rel in doc.written)
            result.diagnostics.extend(doc.diagnostics)
        elif _only_part(doc, parts_of):
            result.diagnostics.append(info(
                source.path, 0, 0,
                f"not an edition of its own: {parts_of[source.key]} XIncludes it", "build.part",
            ))
        else:
            result.failed.append(source.path)
            result.diagnostics.extend(doc.diagnostics)


def _only_part(doc: DocResult, parts_of: dict[str, str]) -> bool:
    """An XInclude target that is no TEI document (a <div>, say) is part of another one."""
    return doc.key in parts_of and bool(doc.diagnostics) and all(d.code == "tei.root" for d in doc.diagnostics)


def _write_index(sources, state: BuildState, options: BuildOptions, out_dir: Path, result: BuildResult) -> Path:
    outputs = {rel for record in state.documents.values() for rel in record["outputs"]}
    name = INDEX_NAME
    if name in outputs:
        name = "editio-index.html"
        result.diagnostics.append(info(str(out_dir / INDEX_NAME), 0, 0,
                                       f"a document's edition is called {INDEX_NAME}: the list of editions is {name}",
                                       "build.index-name"))
    entries = []
    for source in sources:
        record = state.documents.get(source.key)
        if not record:
            continue
        links = {}
        for fmt, rel in zip(options.formats, record["outputs"]):
            links[fmt] = rel
        entry = dict(record.get("entry") or {})
        if entry.get("synoptic"):
            links["synoptic"] = entry.pop("synoptic")  # a critical edition's witnesses side by side
        entries.append({**entry, "source": str(source.path), "links": links})
    user_templates = options.options_for("html").user_templates
    text = render_index(entries, name, user_templates)
    target = out_dir / name
    if _differs(target, text.encode("utf-8")):
        write_atomic(target, text)
    return target


def _write_assets(options: BuildOptions, out_dir: Path) -> None:
    """Files under templates/assets/ (a user's folder wins by name) are shared by every page: written once."""
    folders = [*options.options_for("html").user_templates, str(templates_dir())]
    chosen: dict[str, Path] = {}
    for folder in folders:
        base = Path(folder) / ASSETS_DIR
        if base.is_dir():
            for path in sorted(base.rglob("*")):
                if path.is_file():
                    chosen.setdefault(path.relative_to(base).as_posix(), path)
    for rel, path in sorted(chosen.items()):
        data = path.read_bytes()
        target = out_dir / ASSETS_DIR / rel
        if _differs(target, data):
            write_atomic(target, data)


def _differs(target: Path, data: bytes) -> bool:
    try:
        return target.read_bytes() != data
    except OSError:
        return True


def _save_quietly(state: BuildState, out_dir: Path) -> None:
    try:
        state.save(out_dir)
    except (OSError, KeyboardInterrupt, Terminated):
        pass  # the next build rebuilds what this one could not record
