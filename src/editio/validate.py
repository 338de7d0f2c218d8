"""Validation: from a loaded document to a list of diagnostics.

Levels: well-formedness and hostile input (from `load`), schema
(`schemas.py`: RelaxNG, XSD, DTD), Schematron (`schematron.py`), editorial
integrity (`rules/`). Every level reports everything it finds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from editio import schemas, schematron
from editio.diagnostics import Diagnostic
from editio.discover import discover, find_xml_files  # noqa: F401  (re-exported; the walk lives in discover.py)
from editio.load import Document
from editio.rules import run_rules


@dataclass(frozen=True)
class ValidateOptions:
    schema: str | None = None  # --schema; else the document's <?xml-model?>; else editio's own
    schematron: tuple[str, ...] = ()  # --schematron files
    disabled: tuple[str, ...] = ()  # codes (or groups) switched off
    use_document_schemas: bool = True
    integrity: bool = True


def validate_document(doc: Document, options: ValidateOptions = ValidateOptions()) -> list[Diagnostic]:
    if not doc.ok:
        return list(doc.diagnostics)
    found: list[Diagnostic] = []
    found.extend(schemas.check(doc, options))
    found.extend(schematron.check(doc, options))
    if options.integrity:
        found.extend(run_rules(doc, options.disabled))
    return found
