"""One document through editio's stages: load -> check -> render (prepare, transform, page, finish).

`editio html` and `editio text`, the build's worker and the profiler all take a
document through these functions, so a document is published the same way
everywhere. Each stage adds to one `DocumentRun`; a stage is skipped once the
run has failed. `lap(name)` is called after each named stage (the profiler
times them; everyone else passes nothing).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from editio.check.validate import ValidateOptions, validate_document
from editio.core.diagnostics import Diagnostic, Severity, error
from editio.load.document import Document, LoadOptions, load
from editio.render.formats import Format
from editio.render.publish import PUBLISHED_DESPITE, PublishOptions, publish

Lap = Callable[[str], None]


def _no_lap(_name: str) -> None:
    pass


@dataclass
class DocumentRun:
    source: str  # as the user named it: diagnostics show this
    doc: Document | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)  # format name -> text
    failed: bool = False  # not readable, or stopped by --strict, or an error while rendering
    checked: bool = False  # the check stage ran (its findings are warnings for publishing)

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)


def load_stage(source: str | Path, options: LoadOptions = LoadOptions(), lap: Lap = _no_lap) -> DocumentRun:
    doc = load(source, options)
    lap("load")
    run = DocumentRun(str(source), doc, list(doc.diagnostics))
    run.failed = not doc.ok
    return run


def check_stage(run: DocumentRun, options: ValidateOptions | None, strict: bool = False, lap: Lap = _no_lap) -> None:
    """Schemas, Schematron and integrity rules. For publishing, findings are warnings
    (real corpora follow their own schemas and must still publish); --strict makes
    them errors and stops the document before it is rendered."""
    if run.failed:
        return
    if options is not None:
        run.checked = True
        found = validate_document(run.doc, options)
        lap("checks")
        severity = Severity.ERROR if strict else Severity.WARNING
        run.diagnostics += [
            dataclasses.replace(d, severity=severity) if d.severity is not Severity.INFO else d for d in found
        ]
    if strict and any(d.severity is not Severity.INFO for d in run.diagnostics):
        run.failed = True


def render_stage(
    run: DocumentRun, fmt: Format, options: PublishOptions, lap: Lap = _no_lap, release: bool = False
) -> None:
    """`release`: this is the document's last rendering: its tree may go as soon as it is transformed."""
    if run.failed:
        return
    published = publish(run.doc, fmt, options, lap, release=release)
    run.diagnostics += _once(run, published.diagnostics)
    if published.output is None:
        run.diagnostics.append(
            error(run.source, 0, 0, f"the {fmt.name} edition could not be produced", "build.no-output")
        )
    else:
        run.outputs[fmt.name] = published.output


# Said once per document however many formats find them (the count of lost words may
# differ by one between the formats; the first format's stands).
_ONCE_PER_LINE = PUBLISHED_DESPITE | {"render.lost-text", "render.empty"}


def _once(run: DocumentRun, found: list[Diagnostic]) -> list[Diagnostic]:
    """What rendering found, the findings of the check for lost text and of repeated ids
    once per document (each format finds them). A repeated xml:id is an integrity
    finding: where the checks ran they said it (else it is said here), and like
    theirs it is a warning for publishing."""
    said = {(d.code, d.line) for d in run.diagnostics if d.code in _ONCE_PER_LINE}
    new = []
    for d in found:
        if d.code in _ONCE_PER_LINE:
            if (d.code, d.line) in said:
                continue
            said.add((d.code, d.line))
        if d.code in PUBLISHED_DESPITE and run.checked and d.severity is Severity.ERROR:
            d = dataclasses.replace(d, severity=Severity.WARNING)
        new.append(d)
    return new


def conclude(run: DocumentRun, strict: bool = False) -> DocumentRun:
    """A document is published whole or not at all: an error fails it, except one that
    leaves an edition to publish (a repeated xml:id: the command still exits 1)."""
    if strict:
        run.diagnostics = [
            dataclasses.replace(d, severity=Severity.ERROR) if d.severity is not Severity.INFO else d
            for d in run.diagnostics
        ]
    if any(d.severity is Severity.ERROR and (strict or d.code not in PUBLISHED_DESPITE) for d in run.diagnostics):
        run.failed = True
    return run


def publish_document(
    source: str | Path,
    formats: Iterable[tuple[Format, PublishOptions]],
    load_options: LoadOptions = LoadOptions(),
    checks: ValidateOptions | None = None,
    strict: bool = False,
    lap: Lap = _no_lap,
    release: bool = False,
) -> DocumentRun:
    """Every stage for one document, in every format asked for.

    `release`: nothing needs the document afterwards (`editio html`, `text`): the
    last rendering lets go of its tree (memory of a very large document)."""
    run = load_stage(source, load_options, lap)
    check_stage(run, checks, strict, lap)
    formats = list(formats)
    for i, (fmt, options) in enumerate(formats):
        render_stage(run, fmt, options, lap, release=release and i == len(formats) - 1)
    return conclude(run, strict)
