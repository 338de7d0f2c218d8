"""`editio build` of a critical edition: one HTML page per declared witness
beside the edition, and every link of the witness switcher (the list of
sigla) leads to a page that was written, from the edition and from each
witness page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from conftest import CORPUS, ROOT
from lxml import html

from editio.build.run import BuildOptions, build
from editio.build.witnesses import declared_sigla, file_tokens
from editio.load.document import load

CASE = ROOT / "tests" / "cases" / "textcrit" / "lacunae.xml"


def _switch_links(page: Path) -> list[str]:
    tree = html.fromstring(page.read_bytes())
    return tree.xpath("//section[@id='editio-witnesses']//a[contains(@class, 'witness-switch')]/@href")


def _check_links(out: Path, page: Path) -> list[str]:
    links = _switch_links(page)
    for href in links:
        assert "#" not in href and "/" not in href, href
        target = page.parent / unquote(href)
        assert target.is_file(), f"{page.name}: the switcher links to {href}, which was not written"
    return links


def test_build_writes_a_page_per_witness_and_the_switcher_resolves(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    # a file name with a space: links are URL-escaped, files are not
    (src / "my edition.xml").write_bytes(CASE.read_bytes())
    out = tmp_path / "out"
    result = build([src], BuildOptions(out_dir=out, jobs=1, check=False))
    assert not result.failed, result.diagnostics
    edition = out / "my edition.html"
    pages = {p.name for p in out.glob("my edition.*.html")} - {"my edition.synoptic.html"}
    assert pages == {"my edition.A.html", "my edition.B.html", "my edition.C.html", "my edition.D.html"}
    # and the witnesses side by side, linked from the edition and the index (issue 18)
    assert (out / "my edition.synoptic.html").is_file()
    assert html.fromstring(edition.read_bytes()).xpath("//p[contains(@class, 'synoptic-link')]/a/@href") == [
        "my%20edition.synoptic.html"
    ]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "my%20edition.synoptic.html" in index or "my edition.synoptic.html" in index
    assert {str(p.relative_to(out)) for p in result.written} >= pages | {
        "my edition.html",
        "my edition.txt",
        "my edition.synoptic.html",
    }
    links = _check_links(out, edition)
    assert len(links) == 4
    for name in pages:
        page = out / name
        # the same switcher, after a link back to the edited text
        assert _check_links(out, page) == ["my%20edition.html", *links]
        tree = html.fromstring(page.read_bytes())
        # the page is the witness's text: no apparatus, says whose text it is, links back
        assert not tree.xpath("//ol[@class='apparatus']")
        assert tree.xpath("//p[contains(@class, 'witness-current')]//a/@href") == ["my%20edition.html"]
        current = tree.xpath("//a[@aria-current='page']/text()")
        assert current == [name.split(".")[1]]
    # the index lists the edition, not the witness pages as editions of their own
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "my%20edition.html" in index or "my edition.html" in index


def test_witness_pages_follow_the_text_of_each_witness(tmp_path):
    out = tmp_path / "out"
    result = build([CASE], BuildOptions(out_dir=out, jobs=1, check=False, formats=("html",)))
    assert not result.failed
    c = html.fromstring((out / "lacunae.C.html").read_bytes()).xpath("string(//main)")
    # C's lacuna: its own words before and after are kept, the text between is not
    assert "divi" in c and "alia" in c and "Belgae" not in c


def test_sigla_with_signs_get_safe_file_names(tmp_path):
    text = CASE.read_text(encoding="utf-8").replace('<abbr type="siglum">A</abbr>', '<abbr type="siglum">A/1 #?</abbr>')
    src = tmp_path / "odd.xml"
    src.write_text(text, encoding="utf-8")
    assert file_tokens(load(src))["A/1 #?"] == "A_1___"
    assert "A/1 #?" in declared_sigla(load(src))
    out = tmp_path / "out"
    result = build([src], BuildOptions(out_dir=out, jobs=1, check=False, formats=("html",)))
    assert not result.failed
    assert (out / "odd.A_1___.html").is_file()
    assert "odd.A_1___.html" in _check_links(out, out / "odd.html")


def test_no_witness_pages_without_witnesses(tmp_path):
    out = tmp_path / "out"
    plain = CORPUS / "crit_letter_pta_ad-philippenses.xml"  # apparatus, no listWit
    result = build([plain], BuildOptions(out_dir=out, jobs=1, check=False, formats=("html",)))
    assert not result.failed
    assert sorted(p.name for p in out.glob("*.html")) == ["crit_letter_pta_ad-philippenses.html", "index.html"]


def test_a_deleted_source_takes_its_witness_pages_with_it(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "ed.xml").write_bytes(CASE.read_bytes())
    out = tmp_path / "out"
    build([src], BuildOptions(out_dir=out, jobs=1, check=False, formats=("html",)))
    assert (out / "ed.B.html").is_file()
    (src / "ed.xml").unlink()
    build([src], BuildOptions(out_dir=out, jobs=1, check=False, formats=("html",)))
    assert not list(out.glob("ed*.html"))
