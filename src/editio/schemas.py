"""Schema validation (RelaxNG, W3C XML Schema, DTD), compiled once per run.

Which schema: --schema; else the document's <?xml-model?> instructions; else
editio's own schema (tei/schema/).
"""

from __future__ import annotations

from editio.diagnostics import Diagnostic
from editio.load import Document


def check(doc: Document, options) -> list[Diagnostic]:
    # Filled in by the schema work (issue 3): not yet implemented.
    return []
