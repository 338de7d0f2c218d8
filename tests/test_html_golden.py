"""Golden tests of the HTML edition: one small TEI case per concern.

`editio html [its <?editio-test?> options] tests/cases/html/NAME.xml` is run as a
user runs it; the page's <body>, preceded by the diagnostics it printed (as HTML
comments), must equal NAME.html. On a mismatch the unified diff is shown.
EDITIO_REGENERATE=1 rewrites the expected files: read the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from golden import assert_golden, case_args, diagnostics_as_comments, run_cli
from html_support import page_body

CASES = Path(__file__).parent / "cases" / "html"
XML_CASES = sorted(CASES.glob("*.xml"))


def render_case(path: Path) -> str:
    result = run_cli(["html", *case_args(path), path.name], cwd=path.parent)
    assert result.exit_code == 0, result.stderr
    return "\n".join([*diagnostics_as_comments(result.stderr), page_body(result.stdout)]) + "\n"


def test_there_are_cases():
    assert len(XML_CASES) >= 10


@pytest.mark.parametrize("case", XML_CASES, ids=[c.stem for c in XML_CASES])
def test_golden(case: Path):
    got = render_case(case)
    assert_golden(got, case.with_suffix(".html"), f"the page of {case.name}")
