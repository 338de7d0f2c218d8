"""Golden tests of the HTML edition: one small TEI case per concern.

tests/cases/html/NAME.xml is published (options from an `<?editio ...?>`
processing instruction) and the page's <body>, preceded by the diagnostics,
must equal NAME.html. On a mismatch the unified diff is shown.
EDITIO_REGENERATE=1 rewrites the expected files: read the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from golden import assert_golden
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
    assert_golden(got, case.with_suffix(".html"), f"the page of {case.name}")
