"""ISO Schematron, with XPath 2 rules (queryBinding xslt2) as TEI ODDs generate them."""

from __future__ import annotations

from editio.diagnostics import Diagnostic
from editio.load import Document


def check(doc: Document, options) -> list[Diagnostic]:
    # Filled in by the Schematron work (issue 3): not yet implemented.
    return []
