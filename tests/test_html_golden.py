"""Golden tests of the HTML edition: one small TEI case per concern.

`editio html [its <?editio-test?> options] tests/cases/html/NAME.xml` is run as a
user runs it; the page's <body>, preceded by the diagnostics it printed (as HTML
comments), must equal NAME.html. On a mismatch the unified diff is shown.
EDITIO_REGENERATE=1 rewrites the expected files: read the diff before committing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from golden import assert_golden, case_args, run_cli
from html_support import page_body

CASES = Path(__file__).parent / "cases" / "html"
XML_CASES = sorted(CASES.glob("*.xml"))
_DIAGNOSTIC = re.compile(r"^[^:]+:(\d+):\d+: (\w+): (.*)$")


def render_case(path: Path) -> str:
    result = run_cli(["html", *case_args(path), path.name], cwd=path.parent)
    assert result.exit_code == 0, result.stderr
    lines = [
        f"<!-- {m.group(1)}: {m.group(2)}: {m.group(3)} -->"
        for m in map(_DIAGNOSTIC.match, result.stderr.splitlines())
        if m
    ]
    return "\n".join([*lines, page_body(result.stdout)]) + "\n"


def test_there_are_cases():
    assert len(XML_CASES) >= 10


@pytest.mark.parametrize("case", XML_CASES, ids=[c.stem for c in XML_CASES])
def test_golden(case: Path):
    got = render_case(case)
    assert_golden(got, case.with_suffix(".html"), f"the page of {case.name}")
