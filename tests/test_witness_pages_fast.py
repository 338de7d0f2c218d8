"""editio build's witness pages from one transformation (src/editio/witness_splice.py)
are byte for byte the pages of the whole transformation per witness
(`editio html --witness SIGLUM`), for every witness of every critical edition of
the corpus and of the critical golden cases; where the fast path cannot be
sure, the build falls back to the whole transformation.

Athanasius (45 witnesses, ~0.7 s per whole page) makes this file take ~40 s.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, corpus_files, params

from editio.build.witnesses import file_tokens, with_witness_pages, witness_pages
from editio.load.document import LoadOptions, load
from editio.render import witness_splice
from editio.render.formats import get_format
from editio.render.publish import PublishOptions, publish

CASES = ROOT / "tests" / "cases" / "textcrit"
CRITICAL = corpus_files("crit_*.xml") + [CORPUS / "pta0013.pta003.pta-grc1.xml"] + sorted(CASES.glob("*.xml"))
OUTPUTS = (("html", "x.html"),)


def _edition(path: Path, **html):
    """A loaded document, its HTML options as editio build gives them, and the edition's findings."""
    doc = load(str(path), LoadOptions(xinclude=True))
    options = with_witness_pages(doc, {"html": PublishOptions(**html)}, OUTPUTS)
    edition = publish(doc, get_format("html"), options["html"])
    return doc, options, edition.diagnostics


def _sigla(doc) -> list[str]:
    """The witnesses that get a page, as witness_pages picks them (one per siglum)."""
    return list(file_tokens(doc))


def _whole(doc, options, name: str) -> str:
    return publish(doc, get_format("html"), dataclasses.replace(options["html"], witness=name)).output


def _seen(found) -> set:
    return {(d.line, d.code, d.message) for d in found}


@pytest.mark.parametrize("path", params(CRITICAL))
def test_every_witness_page_is_the_whole_transformations(path):
    doc, options, found = _edition(path)
    sigla = _sigla(doc)
    if not sigla:  # an apparatus without declared witnesses: no pages
        assert witness_pages(doc, OUTPUTS, options, list(found)) == []
        return
    fast = witness_splice.pages(doc, options["html"], sigla, _seen(found))
    assert fast is not None, "the fast path must serve these editions"
    assert list(fast) == sigla
    for name in sigla:
        assert fast[name] == _whole(doc, options, name), f"witness {name}"


def test_the_build_writes_the_fast_pages():
    doc, options, found = _edition(CASES / "lacunae.xml")
    fast = witness_splice.pages(doc, options["html"], _sigla(doc), _seen(found))
    written = witness_pages(doc, OUTPUTS, options, list(found))
    assert written == [(f"x.{file_tokens(doc)[n]}.html", fast[n]) for n in _sigla(doc)]


def test_a_user_stylesheet_gets_the_whole_transformation(tmp_path):
    user = tmp_path / "mine.xsl"
    user.write_text(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:import href="editio:html.xsl"/></xsl:stylesheet>'
    )
    doc, options, found = _edition(CASES / "lacunae.xml", user_xslt=str(user))
    assert witness_splice.pages(doc, options["html"], _sigla(doc), _seen(found)) is None
    written = dict(witness_pages(doc, OUTPUTS, options, list(found)))
    assert written == {f"x.{file_tokens(doc)[n]}.html": _whole(doc, options, n) for n in _sigla(doc)}


def test_a_witness_parameter_gets_the_whole_transformation():
    # -p witness=... overrides each page's witness in the whole transformation
    doc, options, found = _edition(CASES / "lacunae.xml", params=(("witness", "B"),))
    assert witness_splice.pages(doc, options["html"], _sigla(doc), _seen(found)) is None
    written = dict(witness_pages(doc, OUTPUTS, options, list(found)))
    assert written["x.A.html"] == _whole(doc, options, "A") == _whole(doc, options, "B")


def _variant(tmp_path, reading: str = "", app: str = "") -> Path:
    """lacunae.xml with one more app (`app`, or one whose reading for B is `reading`)."""
    text = (CASES / "lacunae.xml").read_text(encoding="utf-8")
    extra = app or f'<app><lem wit="#A #C">flumen</lem><rdg wit="#B">{reading}</rdg></app>'
    path = tmp_path / "variant.xml"
    path.write_text(text.replace("Garumna flumen", "Garumna " + extra), encoding="utf-8")
    return path


# What the goldens and the corpus lack: a lacuna stated by witDetail, groups
# of readings, an app inside a reading, a reading that cites no declared
# witness, a witness two readings cite.
APPS = {
    "witDetail": '<app><lem wit="#A">flumen</lem><rdg wit="#B">flumine</rdg><witDetail wit="#C" type="lac"/></app>',
    "rdgGrp": '<app><lem wit="#A">flumen</lem><rdgGrp type="orth"><rdg wit="#B">flumen.</rdg>'
    '<rdg wit="#C #X">fluuius</rdg></rdgGrp></app>',
    "nested": '<app><lem wit="#A #C">magnum <app><lem wit="#A">flumen</lem><rdg wit="#C">fluuius</rdg></app></lem>'
    '<rdg wit="#B">flumen <lacunaStart/></rdg></app>',
    "no-lemma": '<app><rdg wit="#A #B">flumen</rdg><rdg wit="#D">fluuius</rdg></app>',
    "cited-twice": '<app><lem wit="#A #B">flumen</lem><rdg wit="#B #C">fluuius</rdg></app>',
}


@pytest.mark.parametrize("case", APPS)
def test_other_kinds_of_app(tmp_path, case):
    doc, options, found = _edition(_variant(tmp_path, app=APPS[case]))
    sigla = _sigla(doc)
    fast = witness_splice.pages(doc, options["html"], sigla, _seen(found))
    assert fast is not None
    for name in sigla:
        assert fast[name] == _whole(doc, options, name), f"witness {name}"


def test_a_finding_only_a_witness_page_makes_falls_back(tmp_path):
    # the element is rendered (and reported) only on the page of B
    doc, options, found = _edition(_variant(tmp_path, "flu<unknownThing>men</unknownThing>"))
    assert not [d for d in found if d.code == "xslt.unhandled"]
    assert witness_splice.pages(doc, options["html"], _sigla(doc), _seen(found)) is None
    findings = list(found)
    written = dict(witness_pages(doc, OUTPUTS, options, findings))
    assert [d.code for d in findings[len(found) :]] == ["xslt.unhandled"]
    assert written["x.B.html"] == _whole(doc, options, "B")


def test_text_with_the_markers_signs_falls_back(tmp_path):
    marker = f"{witness_splice._OPEN}0{witness_splice._CLOSE}"
    doc, options, found = _edition(_variant(tmp_path, f"flu{marker}men"))
    assert witness_splice.pages(doc, options["html"], _sigla(doc), _seen(found)) is None
    written = dict(witness_pages(doc, OUTPUTS, options, list(found)))
    assert written == {f"x.{file_tokens(doc)[n]}.html": _whole(doc, options, n) for n in _sigla(doc)}
