"""Golden tests of the genres on real files (issue 14): letters, parliamentary
speech, dictionaries, rendering, mathematics.

Each `tests/cases/<genre>/NAME.xml` (byte-identical copies of corpus files,
provenance in the folder's README.md) is published as HTML (the page's <body>,
the diagnostics first, as tests/test_html_golden.py does) and as text, and
compared with `NAME.html` and `NAME.txt` beside it. On a mismatch the unified
diff is shown; EDITIO_REGENERATE=1 rewrites the expected files (read the diff
before committing them).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from editio.load.document import LoadOptions, load
from editio.render.formats import get_format
from editio.render.publish import PublishOptions, publish
from golden import assert_golden
from html_support import page_body

CASES = Path(__file__).parent / "cases"
EDITIO_CSS = (Path(__file__).resolve().parents[1] / "templates" / "editio.css").read_text(encoding="utf-8")
GENRES = ("correspondence", "speech", "dictionary", "rendering", "math")
FILES = sorted(f for g in GENRES for f in (CASES / g).glob("*.xml"))


def _diagnostics(result) -> list[str]:
    return [f"<!-- {d.line}: {d.severity.value}: {d.message} [{d.code}] -->" for d in result.diagnostics]


def render(path: Path, fmt: str) -> str:
    doc = load(path, LoadOptions())
    assert doc.ok, doc.diagnostics
    result = publish(doc, get_format(fmt), PublishOptions())
    if fmt == "html":
        # the rules the document adds to the page's style (its CSS renditions), then the body
        style = re.search(r"<style>\n(.*?)</style>", result.output, re.S).group(1).replace(EDITIO_CSS, "").strip()
        extra = [f"<style>\n{style}\n</style>"] if style else []
        return "\n".join([*_diagnostics(result), *extra, page_body(result.output)]) + "\n"
    return result.output


def test_every_genre_has_cases():
    for genre in GENRES:
        assert list((CASES / genre).glob("*.xml")), f"no case in tests/cases/{genre}"
        assert (CASES / genre / "README.md").is_file(), f"tests/cases/{genre} has no README.md (provenance)"


@pytest.mark.parametrize("case", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_html_golden(case: Path):
    assert_golden(render(case, "html"), case.with_suffix(".html"), f"the page of {case.name}")


@pytest.mark.parametrize("case", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_text_golden(case: Path):
    assert_golden(render(case, "text"), case.with_suffix(".txt"), f"the text edition of {case.name}")
