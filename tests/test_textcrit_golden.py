"""Golden cases for the critical apparatus, one per concern (tests/cases/textcrit).

For each case: the text edition (no header) and the HTML edition's apparatus
and app markup, in the edited text and in the text of every declared witness.
Regenerate deliberately with EDITIO_REGENERATE=1 and read the diff.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree, html

from conftest import ROOT
from golden import assert_golden
from editio.render.formats import get_format
from editio.load.document import load
from editio.render.publish import PublishOptions, publish

CASES = sorted((ROOT / "tests" / "cases" / "textcrit").glob("*.xml"))
SIGLA = ("", "A", "B", "C", "D")


def _text(path: Path, witness: str) -> str:
    out = publish(load(path), get_format("text"), PublishOptions(witness=witness, header=False))
    return out.output


def _html_fragments(path: Path, witness: str) -> str:
    """The parts of the HTML page this module makes: apps in the text and apparatus lists."""
    page = publish(load(path), get_format("html"), PublishOptions(witness=witness)).output
    tree = html.fromstring(page)
    parts = tree.xpath("//ol[@class='apparatus'] | //span[contains(concat(' ', @class, ' '), ' app ')][not(ancestor::span[contains(concat(' ', @class, ' '), ' app ')])]"
                       " | //span[contains(@class, 'app-span')] | //span[contains(@class, 'lacuna')]")
    return "\n".join(etree.tostring(p, encoding="unicode", method="html", with_tail=False) for p in parts) + "\n"


def _check(expected: Path, actual: str) -> None:
    assert_golden(actual, expected, "the apparatus output")


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
@pytest.mark.parametrize("witness", SIGLA, ids=lambda w: w or "edited")
def test_text_golden(case: Path, witness: str):
    suffix = f".wit-{witness}" if witness else ""
    _check(case.with_name(case.stem + suffix + ".txt"), _text(case, witness))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
@pytest.mark.parametrize("witness", SIGLA, ids=lambda w: w or "edited")
def test_html_golden(case: Path, witness: str):
    suffix = f".wit-{witness}" if witness else ""
    _check(case.with_name(case.stem + suffix + ".html"), _html_fragments(case, witness))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_latex_golden(case: Path):
    """The print edition's body: \\edtext, \\lemma, \\Afootnote per app (xslt/latex/textcrit.xsl)."""
    tex = publish(load(case), get_format("latex"), PublishOptions()).output
    body = tex.split("\\beginnumbering", 1)[1].split("\\endnumbering", 1)[0]
    _check(case.with_name(case.stem + ".tex"), body.strip("\n") + "\n")


def test_cases_cover_each_concern():
    names = {c.stem for c in CASES}
    assert {"parallel-segmentation", "double-end-point", "lacunae", "readings-without-lem"} <= names


def test_witness_known_by_id_only_gets_a_siglum():
    out = _text(ROOT / "tests" / "cases" / "textcrit" / "parallel-segmentation.xml", "")
    # witness D has no abbr and no @n; C is known by @n only
    assert re.search(r"erat A D\] fuit B; herat C", out)


def test_hidden_reading_types_leave_the_apparatus():
    case = ROOT / "tests" / "cases" / "textcrit" / "parallel-segmentation.xml"
    opts = PublishOptions(header=False, params=(("hide-reading-types", "orthographic"),))
    out = publish(load(case), get_format("text"), opts).output
    assert "herat" not in out and "fuit B" in out
    page = publish(load(case), get_format("html"), PublishOptions(params=(("hide-reading-types", "orthographic"),))).output
    assert "herat" not in page.split('class="apparatus"', 1)[1]


def test_initial_gap_lists_witnesses_in_the_same_order_in_every_process():
    # The witnesses come out of a set: unsorted, their order would follow the
    # process's string hashing. Eight witnesses: an accidental sorted order is unlikely.
    sigla = "HGFEDCBA"
    witnesses = "".join(f'<witness xml:id="{s}"/>' for s in sigla)
    source = (f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><sourceDesc><listWit>{witnesses}</listWit>'
              f'</sourceDesc></teiHeader><text><body><p><lacunaEnd wit="{" ".join("#" + s for s in sigla)}"/>'
              "text</p></body></text></TEI>")
    root = etree.fromstring(source)
    from editio.prepare.annotate import prepare
    prepare(root.getroottree())
    marker = root.find(".//{http://www.tei-c.org/ns/1.0}lacunaEnd")
    assert marker.get("{urn:editio}initial-gap").split() == sorted(sigla)
