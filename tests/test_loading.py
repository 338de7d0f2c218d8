"""Loading real files (issue 14, point 4): a DOCTYPE naming a DTD, XIncludes that
reach above the document's folder, a repeated xml:id.

Each is published (with a warning, or an error that still leaves the edition),
refused only where the document needs what editio will not read.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS
from lxml import html as lxml_html

from editio.cli import main
from editio.load.document import LoadOptions, load

HEADER = (
    "<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p>"
    "</publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>"
)


def run_cli(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def tei(body: str, prolog: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}'
        f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">{HEADER}\n'
        f"<text><body>\n{body}\n</body></text></TEI>\n"
    )


# --- a DOCTYPE with a SYSTEM or PUBLIC identifier ------------------------------------


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE TEI SYSTEM "tei_all.dtd">\n',
        '<!DOCTYPE TEI PUBLIC "-//TEI P5//DTD Main Document Type//EN" "http://www.tei-c.org/release/xml/tei/custom/schema/dtd/tei_all.dtd">\n',
    ],
)
def test_a_dtd_the_document_does_not_need_is_skipped_with_a_warning(tmp_path, doctype):
    # A DTD beside the file that would declare an entity: never read.
    (tmp_path / "tei_all.dtd").write_text('<!ENTITY leak "LEAKED">')
    path = tmp_path / "doc.xml"
    path.write_text(tei("<p>Words of the text.</p>", doctype))
    for command in ("html", "text"):
        out = tmp_path / f"out.{command}"
        result = run_cli(command, "-o", out, path)
        assert result.exit_code == 0, result.stderr
        assert "Words of the text." in out.read_text(encoding="utf-8")
        [line] = [ln for ln in result.stderr.splitlines() if "[xml.external-dtd]" in ln]
        assert f"{path}:2:1: warning: " in line and "parsed without it" in line
    assert "LEAKED" not in (tmp_path / "out.text").read_text(encoding="utf-8")


def test_a_dtd_entity_the_document_uses_refuses_it_at_the_reference(tmp_path):
    path = tmp_path / "doc.xml"
    path.write_text(
        tei("<p>One</p>\n<p>Two &amp; three&hellip; and &hellip;</p>", '<!DOCTYPE TEI SYSTEM "tei_all.dtd">\n')
    )
    doc = load(path)
    assert not doc.ok
    [found] = doc.diagnostics
    assert (found.code, found.line, found.col) == ("xml.dtd-entity", 6, 19)
    assert "'&hellip;'" in found.message and "tei_all.dtd" in found.message and "1 more" in found.message


def test_the_internal_subset_still_serves_beside_an_external_dtd(tmp_path):
    path = tmp_path / "doc.xml"
    path.write_text(tei("<p>By &ed;.</p>", '<!DOCTYPE TEI SYSTEM "tei_all.dtd" [\n<!ENTITY ed "the editor">\n]>\n'))
    doc = load(path)
    assert doc.ok, doc.diagnostics
    assert [d.code for d in doc.diagnostics] == ["xml.external-dtd"]
    assert "By the editor." in "".join(doc.tree.getroot().itertext())


# --- XInclude inside a root the user names ----------------------------------------------


def _project(tmp_path: Path) -> Path:
    """project/shared/names.xml, included by project/docs/doc.xml as ../shared/names.xml."""
    (tmp_path / "project" / "shared").mkdir(parents=True)
    (tmp_path / "project" / "docs").mkdir()
    (tmp_path / "project" / "shared" / "names.xml").write_text(
        '<p xmlns="http://www.tei-c.org/ns/1.0">Included from the shared folder.</p>'
    )
    (tmp_path / "outside.xml").write_text('<p xmlns="http://www.tei-c.org/ns/1.0">SECRET outside the root</p>')
    doc = tmp_path / "project" / "docs" / "doc.xml"
    doc.write_text(tei('<p>Own text.</p>\n<xi:include href="../shared/names.xml"/>'))
    return doc


def test_xinclude_above_the_folder_needs_a_root(tmp_path):
    doc = _project(tmp_path)
    refused = load(doc, LoadOptions(xinclude=True))
    assert not refused.ok and refused.diagnostics[0].code == "xml.xinclude-outside"
    assert "--xinclude-root" in refused.diagnostics[0].message
    result = run_cli("text", "--xinclude-root", tmp_path / "project", doc)
    assert result.exit_code == 0, result.stderr
    assert "Included from the shared folder." in result.stdout


def test_xinclude_root_is_a_limit_not_an_invitation(tmp_path):
    doc = _project(tmp_path)
    doc.write_text(tei('<xi:include href="../../outside.xml"/>'))
    result = run_cli("text", "--xinclude-root", tmp_path / "project", doc)
    assert result.exit_code == 1
    assert "[xml.xinclude-outside]" in result.stderr and "SECRET" not in result.stdout + result.stderr


def test_build_lets_xincludes_reach_inside_its_path(tmp_path):
    doc = _project(tmp_path)
    out = tmp_path / "site"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "editio",
            "build",
            "-q",
            "-j",
            "1",
            "--xinclude",
            "-o",
            str(out),
            str(tmp_path / "project"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Included from the shared folder." in (out / "docs" / "doc.txt").read_text(encoding="utf-8")
    # The same document built alone: its PATH is its folder, which does not hold ../shared.
    alone = subprocess.run(
        [
            sys.executable,
            "-m",
            "editio",
            "build",
            "-q",
            "-j",
            "1",
            "--xinclude",
            "-o",
            str(tmp_path / "alone"),
            str(doc),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert alone.returncode == 1 and "[xml.xinclude-outside]" in alone.stderr


def test_shelley_godwin_notebook_includes_its_shared_class_declarations(tmp_path):
    """The corpus's layout: genetic_sga/ox/notebook.xml includes ../shared/classDecl.xml."""
    sga = CORPUS / "genetic_sga"
    if not sga.is_dir():
        pytest.skip(f"no {sga}")
    main_file = sga / "ox" / "genetic_sga_frankenstein-notebook-c2.xml"
    assert load(main_file, LoadOptions(xinclude=True)).diagnostics[0].code == "xml.xinclude-outside"
    doc = load(main_file, LoadOptions(xinclude=True, xinclude_root=str(sga)))
    assert doc.ok, doc.diagnostics
    root = doc.tree.getroot()
    assert root.find(".//{http://www.tei-c.org/ns/1.0}classDecl") is not None
    assert len(root.findall(".//{http://www.tei-c.org/ns/1.0}surface")) == 26


# --- a repeated xml:id --------------------------------------------------------------------

DUPLICATES = tei(
    '<p xml:id="a">First paragraph.</p>\n<p xml:id="a">Second paragraph.</p>\n'
    '<p>See <ref target="#a">the first</ref>.</p>'
)


def test_a_repeated_id_is_an_error_and_the_edition_is_still_written(tmp_path):
    path = tmp_path / "dup.xml"
    path.write_text(DUPLICATES)
    out = tmp_path / "dup.html"
    result = run_cli("html", "-o", out, path)
    assert result.exit_code == 1
    [line] = [ln for ln in result.stderr.splitlines() if "[integrity.id]" in ln]
    assert f"{path}:5:" in line and ": error: " in line and "first on line 4" in line
    page = lxml_html.fromstring(out.read_bytes())
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids)), "HTML ids must stay unique"
    first, second = page.xpath("//p[contains(., 'paragraph.')]")[:2]
    assert first.get("id") == "a" and second.get("id") != "a"
    assert "Second paragraph." in page.text_content()
    text = run_cli("text", path)
    assert text.exit_code == 1 and "Second paragraph." in text.stdout


def test_build_publishes_a_document_with_a_repeated_id(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "dup.xml").write_text(DUPLICATES)
    out = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "editio", "build", "-q", "-j", "1", "-o", str(out), str(src)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    found = [ln for ln in result.stderr.splitlines() if "[integrity.id]" in ln]
    assert len(found) == 1 and "first on line 4" in found[0], result.stderr  # once, not once per format
    assert (out / "dup.html").is_file() and (out / "dup.txt").is_file()
    strict = subprocess.run(
        [
            sys.executable,
            "-m",
            "editio",
            "build",
            "-q",
            "-j",
            "1",
            "--strict",
            "--force",
            "-o",
            str(tmp_path / "strict"),
            str(src),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert strict.returncode == 1 and "[integrity.id]" in strict.stderr


@pytest.fixture(autouse=True)
def _no_leftovers(tmp_path):
    yield
    shutil.rmtree(tmp_path, ignore_errors=True)
