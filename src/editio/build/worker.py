"""One document of a build, in a worker process (or in-process with -j 1).

lxml trees and compiled stylesheets cannot be pickled, so a worker gets only
plain data (a `Job`: source path and output names), compiles the stylesheets
once in `init_worker`, loads its own documents, writes their outputs, and
returns a `DocResult` of plain data (diagnostics, written paths, index entry).

Interruption: pool workers ignore SIGINT (the parent decides) and turn
SIGTERM into an exception while they work, so `write_atomic` removes its
temporary file before the worker exits; an idle worker just exits.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

from editio import pipeline
from editio.render import page, transform
from editio.build.index import entry_for
from editio.build.witnesses import synoptic_page, witness_pages, with_witness_pages
from editio.core.diagnostics import Diagnostic, error
from editio.render.formats import get_format
from editio.load.document import LoadOptions
from editio.render.publish import PublishOptions
from editio.check.validate import ValidateOptions
from editio.core.write import write_atomic

# Test hook: seconds to wait between writing a temporary file and renaming it,
# so a test can interrupt a build while files are half-way (see tests/test_build_interrupt.py).
SLOW_WRITE_ENV = "EDITIO_TEST_SLOW_WRITE"


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
    seconds: float = 0.0


class Interrupted(BaseException):
    """SIGTERM arrived while this worker was building a document."""


_config: WorkerConfig | None = None
_busy = False


def _on_sigterm(signum, frame):
    if _busy:
        raise Interrupted()
    os._exit(128 + signum)


def init_worker(config: WorkerConfig, in_process: bool = False) -> None:
    """Compile the stylesheets and templates once; in a pool worker, set up signals."""
    global _config
    _config = config
    if not in_process:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, _on_sigterm)
    delay = os.environ.get(SLOW_WRITE_ENV)
    if delay:
        _slow_down_writes(float(delay))
    for name, options in config.publish:
        try:
            transform.compile_stylesheet(transform.stylesheet_path(get_format(name).stylesheet, options.user_xslt))
            page.environment(tuple(options.user_templates))
        except Exception:  # noqa: BLE001 - reported per document when it is used
            pass


def build_one(job: Job) -> DocResult:
    global _busy
    _busy = True
    started = time.perf_counter()
    try:
        result = _build(job, _config)
    except Interrupted:
        # write_atomic has removed its temporary file on the way up.
        os._exit(128 + signal.SIGTERM)
    except Exception as exc:  # noqa: BLE001 - one broken document must not stop the build
        result = DocResult(job.key, job.source, "failed", diagnostics=[
            error(job.source, 0, 0, f"internal error while building: {type(exc).__name__}: {exc}", "build.internal"),
        ])
    finally:
        _busy = False
    result.seconds = time.perf_counter() - started
    return result


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
    rendered += witness_pages(run.doc, job.outputs, options, run.diagnostics)  # after the editions: the index reads those first
    synoptic = synoptic_page(run.doc, job.outputs, options, run.diagnostics)
    if synoptic:
        rendered += synoptic
        entry = {**entry, "synoptic": synoptic[0][0]}
    if pipeline.conclude(run, config.strict).failed:
        return DocResult(job.key, job.source, "failed", diagnostics=run.diagnostics)
    out_dir = Path(config.out_dir)
    for rel, text in rendered:
        write_atomic(out_dir / rel, text)
    return DocResult(job.key, job.source, "built", [rel for rel, _ in rendered], run.diagnostics, entry)


def _slow_down_writes(seconds: float) -> None:
    """Make write_atomic pause with its temporary file on disk (tests only)."""
    import editio.core.write as write_module

    class _SlowOs:
        def __getattr__(self, name):
            return getattr(os, name)

        @staticmethod
        def replace(src, dst):
            time.sleep(seconds)
            return os.replace(src, dst)

    write_module.os = _SlowOs()
