"""Golden tests of the HTML edition: one small TEI case per concern.

tests/cases/html/NAME.xml is published (options from an `<?editio ...?>`
processing instruction) and the page's <body>, preceded by the diagnostics,
must equal NAME.html. On a mismatch the unified diff is shown.
EDITIO_REGENERATE=1 rewrites the expected files: read the diff before committing.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from html_support import case_options, page_body, publish_html

CASES = Path(__file__).parent / "cases" / "html"
XML_CASES = sorted(CASES.glob("*.xml"))


def render_case(path: Path) -> str:
    result = publish_html(path, case_options(path))
    lines = [f"<!-- {d.line}: {d.severity.value}: {d.message} [{d.code}] -->" for d in result.diagnostics]
    return "\n".join([*lines, page_body(result.output)]) + "\n"


def test_there_are_cases():
    assert len(XML_CASES) >= 10


@pytest.mark.parametrize("case", XML_CASES, ids=[c.stem for c in XML_CASES])
def test_golden(case: Path):
    got = render_case(case)
    expected_path = case.with_suffix(".html")
    if os.environ.get("EDITIO_REGENERATE") == "1":
        expected_path.write_text(got, encoding="utf-8")
    assert expected_path.is_file(), f"no expected output {expected_path.name} (EDITIO_REGENERATE=1 writes it)"
    expected = expected_path.read_text(encoding="utf-8")
    if got != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), got.splitlines(keepends=True),
            fromfile=f"expected/{expected_path.name}", tofile=f"got/{expected_path.name}",
        ))
        pytest.fail(f"{case.name}: the page differs from {expected_path.name}\n{diff}", pytrace=False)
