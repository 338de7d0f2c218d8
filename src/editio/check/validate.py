"""Validation: from a loaded document to a list of diagnostics.

Levels: well-formedness and hostile input (from `load`), schema
(`schemas.py`: RelaxNG, XSD, DTD), Schematron (`schematron.py`), editorial
integrity (`rules/`). Every level reports everything it finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from lxml import etree

from editio.check import schemas, schematron
from editio.check.rules import run_rules
from editio.core import pool
from editio.core.diagnostics import Diagnostic, error, switched_off
from editio.core.discover import discover, find_xml_files  # noqa: F401  (re-exported; the walk lives in discover.py)
from editio.load.document import Document, LoadOptions, load


@dataclass(frozen=True)
class ValidateOptions:
    schema: str | None = None  # --schema; else the document's <?xml-model?>; else TEI P5 tei_all
    schematron: tuple[str, ...] = ()  # --schematron files
    disabled: tuple[str, ...] = ()  # codes (or groups) switched off
    integrity: bool = True
    # A document that names no schema is checked against editio's default schema;
    # `editio build` says False: there it would cost more than the transformation
    # itself, on documents that chose no schema.
    default_schema: bool = True


# A schema code -> the integrity code that reports the same finding.
SAME_FINDING = {"schema.id": "integrity.id", "schema.value": "integrity.date"}


def validate_document(
    doc: Document, options: ValidateOptions = ValidateOptions(), alone: bool = False
) -> list[Diagnostic]:
    """`alone`: the only document of the run (its RELAX NG grammars are compiled
    for the elements it has: schemas.compiled)."""
    if not doc.ok:
        return [d for d in doc.diagnostics if not switched_off(d.code, options.disabled)]
    found: list[Diagnostic] = []
    found.extend(schemas.check(doc, options, schemas.element_names(doc) if alone else None))
    found.extend(schematron.check(doc, options))
    if options.integrity:
        # What the schema already said on a line (a repeated xml:id, a bad
        # date value) is not said twice by the rule that checks the same.
        said = {(SAME_FINDING[d.code], d.line) for d in found if d.code in SAME_FINDING}
        found.extend(d for d in run_rules(doc, options.disabled) if (d.code, d.line) not in said)
    return [d for d in found if not switched_off(d.code, options.disabled)]


def validate_file(path: Path, options: ValidateOptions, load_options: LoadOptions) -> list[Diagnostic]:
    return _validate_loaded(load(path, load_options), options)


def _validate_loaded(doc: Document, options: ValidateOptions, alone: bool = False) -> list[Diagnostic]:
    # What loading noted of a document it still loaded (a DTD it did not load) comes first.
    noted = [d for d in doc.diagnostics if not switched_off(d.code, options.disabled)] if doc.ok else []
    return noted + validate_document(doc, options, alone)


def validate_paths(
    paths: list[str | Path],
    options: ValidateOptions = ValidateOptions(),
    load_options: LoadOptions = LoadOptions(),
    jobs: int = 1,
) -> tuple[list[Path], list[Diagnostic]]:
    """Validate every file under `paths`: (files checked, diagnostics in a deterministic order).

    With jobs > 1 the files go to worker processes (`core/pool.py`; 0: one per
    CPU). The schemas are compiled here first, so forked workers inherit them
    instead of compiling again (lxml schemas cannot be pickled; tei_all takes
    seconds to compile). A --schema that cannot be read raises
    schemas.SchemaError; Ctrl-C or SIGTERM raises `interrupt.Interrupted`.
    """
    files, walk_problems = discover(paths)
    walked = [d for d in walk_problems if not switched_off(d.code, options.disabled)]
    if len(files) == 1:  # an encoder checking the file at hand: no time for the whole grammar
        doc = load(files[0], load_options)
        if options.schema:
            schemas.compiled(
                schemas.SchemaRef(str(options.schema), schemas.kind_of(str(options.schema)) or "rng"),
                names=schemas.element_names(doc) if doc.ok else None,
            )
        return files, sorted(walked + _validate_loaded(doc, options, alone=True), key=lambda d: d.sort_key)
    if options.schema:
        schemas.compiled(schemas.SchemaRef(str(options.schema), schemas.kind_of(str(options.schema)) or "rng"))
    if jobs != 1 and len(files) > 1:
        schemas.precompile(likely_schemas(files, options))
    results: dict[Path, list[Diagnostic]] = {}

    def record(path: Path, found) -> bool:
        if isinstance(found, pool.Lost):
            found = [
                error(path, 0, 0, f"internal error while checking: {found.reason.splitlines()[0]}", "validate.internal")
            ]
        results[path] = found
        return False

    pool.run(files, partial(validate_file, options=options, load_options=load_options), record, jobs)
    found = walked + [d for f in files for d in results[f]]
    return files, sorted(found, key=lambda d: d.sort_key)


def likely_schemas(files: list[Path], options: ValidateOptions) -> list[schemas.SchemaRef]:
    """Schemas the files will need, found cheaply (a look at each file's head)."""
    if options.schema:
        return []
    refs = set()
    for f in files:
        try:
            with open(f, "rb") as fh:
                head = fh.read(8192)
        except OSError:
            continue
        doc = _load_head(head, f)
        if doc is None:
            if options.default_schema:
                refs.add(schemas.default_schema())  # names no schema: tei_all
        else:
            found, _problems = schemas.schemas_for(doc, options)
            refs.update(found)
    return sorted(refs, key=lambda r: r.location)


def _load_head(head: bytes, path: Path) -> Document | None:
    """A Document holding only the PIs before the root, or None."""
    if b"<?xml-model" not in head:
        return None
    end = head.find(b"<", head.rfind(b"?>", 0, head.find(b"<", head.rfind(b"<?xml-model") + 2)) + 2)
    pis = b"".join(m.group(0) + b"\n" for m in re.finditer(rb"<\?xml-model[^?]*\?>", head[: max(end, 0)] or head))
    try:
        stub = etree.fromstring(
            pis + b"<stub/>", etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        )
    except etree.XMLSyntaxError:
        return None
    return Document(path, stub.getroottree())
