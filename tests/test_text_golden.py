"""Golden tests of the text edition: one small TEI case per concern.

`editio text [its <?editio-test?> options] tests/cases/text/NAME.xml` is run as a
user runs it, and what it prints must equal `NAME.txt`; no element may be left
unhandled. On a mismatch the test prints a unified diff; `EDITIO_REGENERATE=1`
rewrites the expected files (read the diff before committing them).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from golden import assert_golden, case_args, run_cli

CASES = Path(__file__).parent / "cases" / "text"


@pytest.mark.parametrize("case", sorted(CASES.glob("*.xml")), ids=lambda p: p.stem)
def test_text_golden(case: Path):
    result = run_cli(["text", *case_args(case), case.name], cwd=case.parent)
    assert result.exit_code == 0, result.stderr
    assert "[xslt.unhandled]" not in result.stderr
    assert_golden(result.stdout, case.with_suffix(".txt"), f"the text edition of {case.name}")


def test_golden_cases_exist():
    names = {p.stem for p in CASES.glob("*.xml")}
    for concern in (
        "structure",
        "notes",
        "flags",
        "transcription",
        "diplomatic",
        "whitespace",
        "verse",
        "drama",
        "header",
        "width",
        "nowrap",
    ):
        assert concern in names
