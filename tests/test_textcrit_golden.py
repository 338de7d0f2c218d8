"""Golden cases for the critical apparatus, one per concern (tests/cases/textcrit).

For each case: `editio text --no-header` and the apparatus and app markup of
`editio html`, in the edited text and with `--witness SIGLUM` for every witness
the case declares (NAME.wit-SIGLUM.txt/.html). Regenerate deliberately with
EDITIO_REGENERATE=1 and read the diff.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from golden import assert_golden, case_args, run_cli
from lxml import etree, html

from editio.load.document import load
from editio.render.formats import get_format
from editio.render.publish import PublishOptions, publish

CASES = sorted((ROOT / "tests" / "cases" / "textcrit").glob("*.xml"))


def _sigla(case: Path) -> list[str]:
    from editio.build.witnesses import declared_sigla

    return declared_sigla(load(case))


# (case, witness): the edited text ("") and each witness the case declares.
READINGS = [(case, w) for case in CASES for w in ["", *_sigla(case)]]


def _id(value) -> str:
    return value.stem if isinstance(value, Path) else (value or "edited")


def _cli(command: str, path: Path, witness: str, *options: str) -> str:
    args = [command, *options, *case_args(path), *(["--witness", witness] if witness else []), path.name]
    result = run_cli(args, cwd=path.parent)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _text(path: Path, witness: str) -> str:
    return _cli("text", path, witness, "--no-header")


def _html_fragments(path: Path, witness: str) -> str:
    """The parts of the HTML page this module makes: apps in the text and apparatus lists."""
    page = _cli("html", path, witness)
    tree = html.fromstring(page)
    parts = tree.xpath(
        "//ol[@class='apparatus'] | //span[contains(concat(' ', @class, ' '), ' app ')][not(ancestor::span[contains(concat(' ', @class, ' '), ' app ')])]"
        " | //span[contains(@class, 'app-span')] | //span[contains(@class, 'lacuna')]"
    )
    return "\n".join(etree.tostring(p, encoding="unicode", method="html", with_tail=False) for p in parts) + "\n"


def _check(expected: Path, actual: str) -> None:
    assert_golden(actual, expected, "the apparatus output")


@pytest.mark.parametrize(("case", "witness"), READINGS, ids=_id)
def test_text_golden(case: Path, witness: str):
    suffix = f".wit-{witness}" if witness else ""
    _check(case.with_name(case.stem + suffix + ".txt"), _text(case, witness))


@pytest.mark.parametrize(("case", "witness"), READINGS, ids=_id)
def test_html_golden(case: Path, witness: str):
    suffix = f".wit-{witness}" if witness else ""
    _check(case.with_name(case.stem + suffix + ".html"), _html_fragments(case, witness))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_latex_golden(case: Path):
    """The print edition's body: \\edtext, \\lemma, \\Afootnote per app (xslt/latex/textcrit.xsl)."""
    tex = _cli("latex", case, "")
    body = tex.split("\\beginnumbering", 1)[1].split("\\endnumbering", 1)[0]
    _check(case.with_name(case.stem + ".tex"), body.strip("\n") + "\n")


def test_cases_cover_each_concern():
    names = {c.stem for c in CASES}
    assert {"parallel-segmentation", "double-end-point", "lacunae", "readings-without-lem"} <= names


def test_every_expected_file_belongs_to_a_reading():
    """An expected file of a witness the case no longer declares would never be compared."""
    wanted = {
        case.with_name(case.stem + (f".wit-{w}" if w else "") + suffix).name
        for case, w in READINGS
        for suffix in (".txt", ".html")
    }
    present = {p.name for p in (ROOT / "tests" / "cases" / "textcrit").glob("*") if p.suffix in (".txt", ".html")}
    assert present == wanted


def test_witness_known_by_id_only_gets_a_siglum():
    out = _text(ROOT / "tests" / "cases" / "textcrit" / "parallel-segmentation.xml", "")
    # witness D has no abbr and no @n; C is known by @n only
    assert re.search(r"erat A D\] fuit B; herat C", out)


def test_hidden_reading_types_leave_the_apparatus():
    case = ROOT / "tests" / "cases" / "textcrit" / "parallel-segmentation.xml"
    opts = PublishOptions(header=False, params=(("hide-reading-types", "orthographic"),))
    out = publish(load(case), get_format("text"), opts).output
    assert "herat" not in out and "fuit B" in out
    page = publish(
        load(case), get_format("html"), PublishOptions(params=(("hide-reading-types", "orthographic"),))
    ).output
    assert "herat" not in page.split('class="apparatus"', 1)[1]


def test_initial_gap_lists_witnesses_in_the_same_order_in_every_process():
    # The witnesses come out of a set: unsorted, their order would follow the
    # process's string hashing. Eight witnesses: an accidental sorted order is unlikely.
    sigla = "HGFEDCBA"
    witnesses = "".join(f'<witness xml:id="{s}"/>' for s in sigla)
    source = (
        f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><sourceDesc><listWit>{witnesses}</listWit>'
        f'</sourceDesc></teiHeader><text><body><p><lacunaEnd wit="{" ".join("#" + s for s in sigla)}"/>'
        "text</p></body></text></TEI>"
    )
    root = etree.fromstring(source)
    from editio.prepare.annotate import prepare

    prepare(root.getroottree())
    marker = root.find(".//{http://www.tei-c.org/ns/1.0}lacunaEnd")
    assert marker.get("{urn:editio}initial-gap").split() == sorted(sigla)
