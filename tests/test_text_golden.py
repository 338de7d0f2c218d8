"""Golden tests of the text edition: one small TEI case per concern.

Each `tests/cases/text/NAME.xml` is published as text and compared with
`NAME.txt`. Options come from a processing instruction in the case:
`<?editio-test view="diplomatic" width="40" header="no"?>`.
On a mismatch the test prints a unified diff; `EDITIO_REGENERATE=1` rewrites
the expected files (read the diff before committing them).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from editio.render.formats import get_format
from golden import assert_golden
from editio.load.document import LoadOptions, load
from editio.render.publish import PublishOptions, publish

CASES = Path(__file__).parent / "cases" / "text"
_PI = re.compile(r"<\?editio-test\s+([^?]*)\?>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def case_options(path: Path) -> PublishOptions:
    match = _PI.search(path.read_text(encoding="utf-8"))
    attrs = dict(_ATTR.findall(match.group(1))) if match else {}
    return PublishOptions(
        view=attrs.get("view", "reading"),
        width=int(attrs.get("width", "78")),
        header=attrs.get("header", "yes") != "no",
    )


def render_case(path: Path) -> tuple[str, list]:
    doc = load(path, LoadOptions())
    assert doc.ok, doc.diagnostics
    result = publish(doc, get_format("text"), case_options(path))
    return result.output, result.diagnostics


@pytest.mark.parametrize("case", sorted(CASES.glob("*.xml")), ids=lambda p: p.stem)
def test_text_golden(case: Path):
    actual, diagnostics = render_case(case)
    assert not [d for d in diagnostics if d.code == "xslt.unhandled"], diagnostics
    assert_golden(actual, case.with_suffix(".txt"), f"the text edition of {case.name}")


def test_golden_cases_exist():
    names = {p.stem for p in CASES.glob("*.xml")}
    for concern in ("structure", "notes", "flags", "transcription", "diplomatic", "whitespace",
                    "verse", "drama", "header", "width", "nowrap"):
        assert concern in names
