"""One document of a build, in a worker process (`core/pool.py`).

lxml trees and compiled stylesheets cannot be pickled, so a worker gets only
plain data (a `Job`: source path and output names), uses the stylesheets
`init_worker` compiled in the parent before the workers were forked, loads
its own documents, writes their outputs, and returns a `DocResult` of plain
data (diagnostics, written paths and their hashes, index entry).

A worker has no signal handling of its own: the pool stops it with SIGTERM
and the build removes any temporary file it leaves (`write.sweep_temps`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from editio.check import schematron
from editio.render import page, transform
from editio.build.index import entry_for
from editio.build.witnesses import witness_pages, with_witness_pages
from editio.core.diagnostics import Diagnostic, Severity, error
from editio.core.pool import Lost
from editio.render.formats import get_format
from editio.load.document import LoadOptions, load
from editio.render.publish import PublishOptions, publish
from editio.check.rules import run_rules
from editio.check.validate import ValidateOptions, validate_document
from editio.core.write import LinkInOutput, write_inside


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
    return DocResult(job.key, job.source, "failed", diagnostics=[
        error(job.source, 0, 0, f"internal error while building: {what.reason.splitlines()[0]}", "build.internal"),
    ])


def _as(severity: Severity, found: list[Diagnostic]) -> list[Diagnostic]:
    return [dataclasses.replace(d, severity=severity) if d.severity is not Severity.INFO else d for d in found]


def _build(job: Job, config: WorkerConfig) -> DocResult:
    failed = DocResult(job.key, job.source, "failed")
    doc = load(job.source, config.load)
    if not doc.ok:
        failed.diagnostics = list(doc.diagnostics)
        return failed
    found: list[Diagnostic] = list(doc.diagnostics)
    if config.validate is not None:
        checks = _check(doc, config.validate)
        # Real corpora follow their own schemas and must still publish: findings
        # are warnings, unless --strict makes every finding an error.
        found += _as(Severity.ERROR if config.strict else Severity.WARNING, checks)
    if config.strict and any(d.severity is not Severity.INFO for d in found):
        failed.diagnostics = found
        return failed
    entry = entry_for(doc.tree)
    options = dict(config.publish)
    options = with_witness_pages(doc, options, job.outputs)  # a critical edition: pages per witness
    rendered: list[tuple[str, str]] = []
    for name, rel in job.outputs:
        published = publish(doc, get_format(name), options[name])
        found += published.diagnostics
        if published.output is None:
            found.append(error(job.source, 0, 0, f"the {name} edition could not be produced", "build.no-output"))
        else:
            rendered.append((rel, published.output))
    rendered += witness_pages(doc, job.outputs, options, found)  # after the editions: the index reads those first
    if config.strict:
        found = _as(Severity.ERROR, found)
    if any(d.severity is Severity.ERROR for d in found):
        # A document is published whole or not at all.
        failed.diagnostics = found
        return failed
    data = [(rel, text.encode("utf-8")) for rel, text in rendered]
    try:
        write_inside(Path(config.out_dir), data)  # all of the document's files, or none
    except LinkInOutput as exc:
        failed.diagnostics = [*found, error(job.source, 0, 0, exc.strerror, "build.output-link")]
        return failed
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        failed.diagnostics = [*found, error(job.source, 0, 0, f"cannot write{where}: {exc.strerror or exc}",
                                            "build.write")]
        return failed
    hashes = {rel: hashlib.sha256(content).hexdigest() for rel, content in data}
    return DocResult(job.key, job.source, "built", [rel for rel, _ in rendered], found, entry, hashes)


def _check(doc, options: ValidateOptions) -> list[Diagnostic]:
    """Schema checks only where a schema applies (--schema or the document's <?xml-model?>).

    editio's own fallback schema is for `editio validate`: in a build it would
    cost more than the transformation itself, on documents that chose no schema.
    """
    if options.schema or _declares_schema(doc.tree):
        return validate_document(doc, options)
    found = list(schematron.check(doc, options))
    if options.integrity:
        found += run_rules(doc, options.disabled)
    return found


def _declares_schema(tree) -> bool:
    for node in tree.getroot().itersiblings(preceding=True):
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            if "schematron" not in (node.get("schematypens") or "") + (node.get("type") or ""):
                return True
    return False
