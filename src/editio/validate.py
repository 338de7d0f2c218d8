"""Validation: from a loaded document to a list of diagnostics.

Levels, each optional: schema (RelaxNG/XSD/DTD), Schematron, editorial
integrity. Well-formedness and hostile-input problems come from `load`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from editio.diagnostics import Diagnostic
from editio.load import Document


@dataclass(frozen=True)
class ValidateOptions:
    schema: str | None = None
    schematron: tuple[str, ...] = ()
    disabled: tuple[str, ...] = ()
    use_document_schemas: bool = True


def validate_document(doc: Document, options: ValidateOptions = ValidateOptions()) -> list[Diagnostic]:
    if not doc.ok:
        return list(doc.diagnostics)
    return []


def find_xml_files(paths: list[str | Path]) -> list[Path]:
    """Files as given, folders searched (recursively, sorted) for *.xml."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(sorted(q for q in p.rglob("*.xml") if q.is_file()))
        else:
            found.append(p)
    return found
