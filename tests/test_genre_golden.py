"""Golden tests of the genres on real files (issue 14): letters, parliamentary
speech, dictionaries, rendering, mathematics.

Each `tests/cases/<genre>/NAME.xml` (byte-identical copies of corpus files, or
cases written for editio; provenance in the folder's README.md) is published as
a user publishes it (`editio html NAME.xml`, `editio text NAME.xml`, with its
`<?editio-test?>` options if any; tests/golden.py). HTML: the diagnostics (as
HTML comments), the rules the document adds to the page's style (its CSS
renditions), then the page's <body> must equal `NAME.html`; text: what
`editio text` prints must equal `NAME.txt`. On a mismatch the unified diff is
shown; EDITIO_REGENERATE=1 rewrites the expected files (read the diff before
committing them).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from golden import ROOT, assert_golden, case_args, diagnostics_as_comments, run_cli
from html_support import page_body

CASES = Path(__file__).parent / "cases"
GENRES = ("correspondence", "speech", "dictionary", "rendering", "math")
FILES = sorted(f for g in GENRES for f in (CASES / g).glob("*.xml"))
EDITIO_CSS = (ROOT / "templates" / "editio.css").read_text(encoding="utf-8")


def test_every_genre_has_cases():
    for genre in GENRES:
        assert list((CASES / genre).glob("*.xml")), f"no case in tests/cases/{genre}"
        assert (CASES / genre / "README.md").is_file(), f"tests/cases/{genre} has no README.md (provenance)"


@pytest.mark.parametrize("case", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_html_golden(case: Path):
    result = run_cli(["html", *case_args(case), case.name], cwd=case.parent)
    assert result.exit_code == 0, result.stderr
    lines = diagnostics_as_comments(result.stderr)
    style = re.search(r"<style>\n(.*?)</style>", result.stdout, re.S).group(1).replace(EDITIO_CSS, "").strip()
    extra = [f"<style>\n{style}\n</style>"] if style else []
    got = "\n".join([*lines, *extra, page_body(result.stdout)]) + "\n"
    assert_golden(got, case.with_suffix(".html"), f"the page of {case.name}")


@pytest.mark.parametrize("case", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_text_golden(case: Path):
    result = run_cli(["text", *case_args(case), case.name], cwd=case.parent)
    assert result.exit_code == 0, result.stderr
    assert_golden(result.stdout, case.with_suffix(".txt"), f"the text edition of {case.name}")
