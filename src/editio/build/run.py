"""Build whole editions: every document of the given paths, in every chosen format.

The plan (`plan.py`): find the sources, name their outputs, skip documents
that are up to date (`state.py`); build the others in worker processes
(`core/pool.py`, `worker.py`: compiled once, in this process, before the
workers are forked), then write the index (`index.py`) and the new state.
Every file is written atomically inside the output folder, never through a
link (`core/write.py`); sources are never written.

Ctrl-C and SIGTERM (`core/interrupt.py`) stop the workers, keep what was
finished, record it, remove temporary files, and raise `Interrupted`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from editio.build.index import render_index
from editio.build.plan import BuildError, Source, find_sources, plan  # noqa: F401  (BuildError, Source: part of this API)
from editio.build.state import BuildState, DocumentRecord, fingerprint
from editio.build.worker import DocResult, Job, WorkerConfig, build_one, init_worker, lost
from editio.check.validate import ValidateOptions
from editio.core import interrupt, pool
from editio.core.diagnostics import Diagnostic, info
from editio.core.interrupt import Interrupted
from editio.core.resources import templates_dir
from editio.core.write import read_inside, remove_inside, sweep_temps, write_inside
from editio.load.document import LoadOptions
from editio.render.formats import get_format
from editio.render.publish import PublishOptions

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
    # -j 1 in this process (benchmarks, debugging): an interruption then waits
    # for the document being built; otherwise even one job runs in a worker.
    in_process: bool = False

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
    status: str  # built | current | failed | part (an XInclude target, not an edition of its own)


def build(
    paths: list[Path], options: BuildOptions = BuildOptions(), progress: Callable[[Progress], None] | None = None
) -> BuildResult:
    """Build `paths` into `options.out_dir`. Raises BuildError (usage) or Interrupted (with the result so far)."""
    for name in options.formats:
        get_format(name)  # ValueError for an unknown format
    with interrupt.guard():
        return _build(paths, options, progress)


def _build(paths, options: BuildOptions, progress) -> BuildResult:
    out_dir = Path(options.out_dir)
    walk_problems: list[Diagnostic] = []
    sources = find_sources(paths, out_dir, walk_problems)
    if out_dir.is_dir():
        sweep_temps(out_dir)  # left by a build that was killed
    config = _worker_config(options)
    state = _load_state(options, config, out_dir)
    result = BuildResult(diagnostics=walk_problems)
    notes: dict[str, list[Diagnostic]] = {}
    finished: dict[str, DocResult] = {}
    hashes: dict[str, tuple[str, dict]] = {}
    parts_of: dict[str, str] = {}
    collected = False
    try:
        jobs, hashes, parts_of = plan(sources, options, state, out_dir, notes)
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
        if jobs:
            init_worker(config)  # compiled here: the workers inherit it

        def record(job: Job, doc: DocResult | pool.Lost) -> bool:
            nonlocal done
            if isinstance(doc, pool.Lost):
                doc = lost(job, doc)
            done += 1
            finished[doc.key] = doc
            part = doc.status == "failed" and _only_part(doc, parts_of)
            if progress:
                progress(Progress(done, total, doc.source, "part" if part else doc.status))
            return options.strict and doc.status == "failed" and not part

        workers = 1 if options.in_process else options.jobs
        result.stopped = pool.run(jobs, build_one, record, workers, isolate=not options.in_process)
        interrupt.check()
        _update_state(state, sources, finished, hashes, out_dir)
        _collect(result, sources, state, finished, notes, parts_of, out_dir, hashes)
        collected = True
        if not result.stopped:
            result.index = _write_index(sources, state, options, out_dir, result)
        _write_assets(options, out_dir)
        state.save(out_dir)  # a signal from here on comes too late to stop anything: the build is complete
    except Interrupted as stop:
        # The workers are gone: what they finished is recorded, what they left half-way removed.
        if not collected:
            _update_state(state, sources, finished, hashes, out_dir)
            _collect(result, sources, state, finished, notes, parts_of, out_dir, hashes)
        _save_quietly(state, out_dir)
        if out_dir.is_dir():
            sweep_temps(out_dir)
        raise Interrupted(stop.signum, result) from None
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


def _update_state(state: BuildState, sources, finished: dict[str, DocResult], hashes, out_dir: Path) -> None:
    keys = {s.key for s in sources}
    for key in list(state.documents):
        if key not in keys:
            record = state.documents.pop(key)
            if not Path(key).exists():
                _remove_outputs(record.outputs, out_dir)
    for key, doc in finished.items():
        if doc.status != "built":
            state.documents.pop(key, None)
            continue
        digest, included = hashes[key]
        state.documents[key] = DocumentRecord(
            doc.source, digest, included, doc.written, doc.hashes, list(doc.diagnostics), doc.entry
        )


def _remove_outputs(outputs: list[str], out_dir: Path) -> None:
    """The editions of a source that was deleted: only files this build wrote, only inside DIR, never through a link."""
    for rel in outputs:
        remove_inside(out_dir, rel)


def _collect(result: BuildResult, sources, state, finished, notes, parts_of, out_dir, hashes) -> None:
    """Results in source order, whatever order the workers finished in."""
    for source in sources:
        result.diagnostics.extend(notes.get(source.key, []))
        doc = finished.get(source.key)
        if doc is None:
            record = state.documents.get(source.key)
            if record and source.key not in hashes:  # up to date: its findings, as last time
                result.diagnostics.extend(record.diagnostics)
            continue
        if doc.status == "built":
            result.built.append(source.path)
            result.written.extend(out_dir / rel for rel in doc.written)
            result.diagnostics.extend(doc.diagnostics)
        elif _only_part(doc, parts_of):
            result.diagnostics.append(
                info(
                    source.path,
                    0,
                    0,
                    f"not an edition of its own: {parts_of[source.key]} XIncludes it",
                    "build.part",
                )
            )
        else:
            result.failed.append(source.path)
            result.diagnostics.extend(doc.diagnostics)


def _only_part(doc: DocResult, parts_of: dict[str, str]) -> bool:
    """An XInclude target that is no TEI document (a <div>, say) is part of another one."""
    return doc.key in parts_of and bool(doc.diagnostics) and all(d.code == "tei.root" for d in doc.diagnostics)


def _write_index(sources, state: BuildState, options: BuildOptions, out_dir: Path, result: BuildResult) -> Path:
    outputs = {rel for record in state.documents.values() for rel in record.outputs}
    name = INDEX_NAME
    if name in outputs:
        name = "editio-index.html"
        result.diagnostics.append(
            info(
                str(out_dir / INDEX_NAME),
                0,
                0,
                f"a document's edition is called {INDEX_NAME}: the list of editions is {name}",
                "build.index-name",
            )
        )
    entries = []
    for source in sources:
        record = state.documents.get(source.key)
        if not record:
            continue
        links = dict(zip(options.formats, record.outputs))
        entry = dict(record.entry or {})
        if entry.get("synoptic"):
            links["synoptic"] = entry.pop("synoptic")  # a critical edition's witnesses side by side
        entries.append({**entry, "source": str(source.path), "links": links})
    user_templates = options.options_for("html").user_templates
    data = render_index(entries, name, user_templates).encode("utf-8")
    if read_inside(out_dir, name) != data:
        write_inside(out_dir, [(name, data)])
    return out_dir / name


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
    changed = []
    for rel, path in sorted(chosen.items()):
        data = path.read_bytes()
        if read_inside(out_dir, f"{ASSETS_DIR}/{rel}") != data:
            changed.append((f"{ASSETS_DIR}/{rel}", data))
    if changed:
        write_inside(out_dir, changed)


def _save_quietly(state: BuildState, out_dir: Path) -> None:
    try:
        state.save(out_dir)
    except OSError:
        pass  # the next build rebuilds what this one could not record
