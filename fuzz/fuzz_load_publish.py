"""Coverage-guided fuzzing of editio's loader and stylesheets (atheris).

Not part of the test suite: run it for minutes or hours outside CI (see
fuzz/README.md). Any exception other than the diagnostics editio returns is
a crash; atheris saves the input that caused it.
"""

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from editio.check.validate import ValidateOptions, validate_document
    from editio.load.document import parse_bytes
    from editio.render.formats import get_format
    from editio.render.publish import publish

PATH = Path("fuzz-input.xml")


def one_input(data: bytes) -> None:
    doc = parse_bytes(data, PATH)
    if not doc.ok:
        assert doc.diagnostics, "refused without a diagnostic"
        return
    validate_document(doc, ValidateOptions())
    for fmt in ("html", "text"):
        result = publish(parse_bytes(data, PATH), get_format(fmt))
        assert result.output is not None or result.diagnostics


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
