"""One document of a build, in a worker process (`core/pool.py`).

lxml trees and compiled stylesheets cannot be pickled, so a worker gets only
plain data (a `Job`: source path and output names), uses the stylesheets
`init_worker` compiled in the parent before the workers were forked, takes
its own documents through the pipeline (`editio.pipeline`), writes their
outputs, and returns a `DocResult` of plain data (diagnostics, written paths
and their hashes, index entry).

A worker has no signal handling of its own: the pool stops it with SIGTERM
and the build removes any temporary file it leaves (`write.sweep_temps`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from editio import pipeline
from editio.build.index import entry_for
from editio.build.witnesses import synoptic_page, with_witness_pages, witness_pages
from editio.check.validate import ValidateOptions
from editio.core.diagnostics import Diagnostic, error
from editio.core.pool import Lost
from editio.core.write import LinkInOutput, write_inside
from editio.load.document import LoadOptions
from editio.render import page, transform
from editio.render.formats import get_format
from editio.render.publish import PublishOptions


@dataclass(frozen=True)
class WorkerConfig:
    out_dir: str
    formats: tuple[str, ...]
    load: LoadOptions
    publish: tuple[tuple[str, PublishOptions], ...]  # per format
    validate: ValidateOptions | None  # None: no schema/integrity checks
    strict: bool = False


@dataclass(frozen=True)
class Job:
    key: str  # the source's absolute path
    source: str  # as the user named it: diagnostics show this
    outputs: tuple[tuple[str, str], ...]  # (format, path relative to out_dir)
    root: str = ""  # the build PATH the source was found under: the XInclude root unless one is named


@dataclass
class DocResult:
    key: str
    source: str
    status: str  # built | failed
    written: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    entry: dict | None = None
    hashes: dict[str, str] = field(default_factory=dict)  # written path -> sha256 of its bytes
    seconds: float = 0.0


_config: WorkerConfig | None = None


def init_worker(config: WorkerConfig) -> None:
    """Compile the stylesheets and templates once, in the parent: forked workers inherit them."""
    global _config
    _config = config
    for name, options in config.publish:
        try:
            transform.compile_stylesheet(transform.stylesheet_path(get_format(name).stylesheet, options.user_xslt))
            page.environment(tuple(options.user_templates))
        except Exception:  # noqa: BLE001 - reported per document when it is used
            pass


def build_one(job: Job) -> DocResult:
    started = time.perf_counter()
    try:
        result = _build(job, _config)
    except Exception as exc:  # noqa: BLE001 - one broken document must not stop the build
        result = lost(job, Lost(f"{type(exc).__name__}: {exc}"))
    result.seconds = time.perf_counter() - started
    return result


def lost(job: Job, what: Lost) -> DocResult:
    """The result of a document whose building raised or whose worker died."""
    return DocResult(
        job.key,
        job.source,
        "failed",
        diagnostics=[
            error(job.source, 0, 0, f"internal error while building: {what.reason.splitlines()[0]}", "build.internal"),
        ],
    )


def _build(job: Job, config: WorkerConfig) -> DocResult:
    load_options = config.load
    if load_options.xinclude and load_options.xinclude_root is None and job.root:
        load_options = dataclasses.replace(load_options, xinclude_root=job.root)  # the build's PATH
    run = pipeline.load_stage(job.source, load_options)
    checks = dataclasses.replace(config.validate, default_schema=False) if config.validate else None
    pipeline.check_stage(run, checks, config.strict)
    if run.failed:
        return DocResult(job.key, job.source, "failed", diagnostics=run.diagnostics)
    entry = entry_for(run.doc.tree)
    options = with_witness_pages(run.doc, dict(config.publish), job.outputs)  # a critical edition: pages per witness
    for name, _rel in job.outputs:
        pipeline.render_stage(run, get_format(name), options[name])
    rendered = [(rel, run.outputs[name]) for name, rel in job.outputs if name in run.outputs]
    rendered += witness_pages(
        run.doc, job.outputs, options, run.diagnostics
    )  # after the editions: the index reads those first
    synoptic = synoptic_page(run.doc, job.outputs, options, run.diagnostics)
    if synoptic:
        rendered += synoptic
        entry = {**entry, "synoptic": synoptic[0][0]}
    if pipeline.conclude(run, config.strict).failed:
        return DocResult(job.key, job.source, "failed", diagnostics=run.diagnostics)
    data = [(rel, text.encode("utf-8")) for rel, text in rendered]
    try:
        write_inside(Path(config.out_dir), data)  # all of the document's files, or none
    except LinkInOutput as exc:
        return DocResult(
            job.key,
            job.source,
            "failed",
            diagnostics=[*run.diagnostics, error(job.source, 0, 0, exc.strerror, "build.output-link")],
        )
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        return DocResult(
            job.key,
            job.source,
            "failed",
            diagnostics=[
                *run.diagnostics,
                error(job.source, 0, 0, f"cannot write{where}: {exc.strerror or exc}", "build.write"),
            ],
        )
    hashes = {rel: hashlib.sha256(content).hexdigest() for rel, content in data}
    return DocResult(job.key, job.source, "built", [rel for rel, _ in rendered], run.diagnostics, entry, hashes)
