"""Nested and looping XIncludes (issue 17, points 8 and 12): nested includes inside the folder work,
a loop is reported as a loop at the including line, every XInclude problem has a place, and an
included part is not counted as a failed document."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from editio.build.run import BuildOptions, build
from editio.load.document import LoadOptions, load

DOC = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">
  <teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
    <publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>
  <text><body>
    <xi:include href="{href}"/>
  </body></text>
</TEI>
"""
MID = """<div xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">
  <p>Middle words.</p>
  <xi:include href="{href}"/>
</div>
"""
LEAF = '<p xmlns="http://www.tei-c.org/ns/1.0">Leaf words.</p>\n'


def make(folder: Path, leaf_href: str = "leaf.xml", doc_href: str = "parts/mid.xml") -> Path:
    (folder / "parts").mkdir(parents=True, exist_ok=True)
    (folder / "doc.xml").write_text(DOC.format(href=doc_href), encoding="utf-8")
    (folder / "parts" / "mid.xml").write_text(MID.format(href=leaf_href), encoding="utf-8")
    (folder / "parts" / "leaf.xml").write_text(LEAF, encoding="utf-8")
    return folder / "doc.xml"


def problems(path: Path) -> list[tuple[str, int, int, str]]:
    doc = load(path, LoadOptions(xinclude=True))
    assert not doc.ok
    return [(d.code, d.line, d.col, d.message) for d in doc.diagnostics]


def test_nested_includes_inside_the_folder_work(tmp_path):
    doc = load(make(tmp_path), LoadOptions(xinclude=True))
    assert doc.ok, doc.diagnostics
    text = " ".join(doc.tree.getroot().itertext())
    assert "Middle words." in text and "Leaf words." in text


def test_a_loop_is_reported_as_a_loop_at_the_including_line(tmp_path):
    found = problems(make(tmp_path, leaf_href="../doc.xml"))
    assert found == [
        (
            "xml.xinclude-loop",
            6,
            1,
            "XInclude loop: doc.xml line 6 -> parts/mid.xml line 3 -> doc.xml, which is already being included",
        )
    ]


def test_a_file_including_itself_is_a_loop(tmp_path):
    found = problems(make(tmp_path, doc_href="doc.xml"))
    assert [(c, ln) for c, ln, _col, _m in found] == [("xml.xinclude-loop", 6)]


def test_a_nested_include_outside_the_folder_is_refused_where_the_document_includes_it(tmp_path):
    (tmp_path / "secret.xml").write_text(LEAF, encoding="utf-8")
    found = problems(make(tmp_path / "ed", leaf_href="../../secret.xml"))
    assert [(c, ln) for c, ln, _col, _m in found] == [("xml.xinclude-outside", 6)]
    assert "in parts/mid.xml, line 3" in found[0][3]


def test_a_missing_nested_file_is_named(tmp_path):
    found = problems(make(tmp_path, leaf_href="nowhere.xml"))
    assert found == [("xml.xinclude", 6, 1, "XInclude of 'nowhere.xml' (in parts/mid.xml, line 3): no such file")]


def test_a_broken_nested_file_is_named(tmp_path):
    make(tmp_path)
    (tmp_path / "parts" / "leaf.xml").write_text("<p>unclosed", encoding="utf-8")
    found = problems(tmp_path / "doc.xml")
    assert [(c, ln) for c, ln, _col, _m in found] == [("xml.xinclude", 6)]
    assert "parts/leaf.xml is not well-formed XML" in found[0][3]


def test_included_parts_are_parts_in_the_progress_and_the_summary(tmp_path):
    src = tmp_path / "src"
    make(src)
    # the parts are found too (parts/*.xml): each is part of doc.xml, not a failed edition
    run = subprocess.run(
        [sys.executable, "-m", "editio", "build", str(src), "-o", str(tmp_path / "out"), "-j", "1", "--xinclude"],
        capture_output=True,
        text=True,
        env={**os.environ, "CI": "1"},
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    progress = sorted(ln.split("] ", 1)[1] for ln in run.stderr.splitlines() if ln.startswith("["))
    assert progress == [
        f"built: {src}/doc.xml",
        f"part of another document: {src}/parts/leaf.xml",
        f"part of another document: {src}/parts/mid.xml",
    ], run.stderr
    assert "1 built, 0 up to date, 0 failed" in run.stderr.splitlines()[-1]


@pytest.mark.parametrize("edit", ["parts/leaf.xml", "parts/mid.xml"])
def test_a_changed_nested_file_rebuilds_the_document(tmp_path, edit):
    src = tmp_path / "src"
    doc = make(src)
    out = tmp_path / "out"
    options = BuildOptions(out_dir=out, check=False, load=LoadOptions(xinclude=True), formats=("text",))
    build([doc], options)
    (src / edit).write_text((src / edit).read_text().replace("words", "changed words"), encoding="utf-8")
    result = build([doc], options)
    assert [p.name for p in result.built] == ["doc.xml"]
    assert "changed words" in (out / "doc.txt").read_text(encoding="utf-8")


def test_a_missing_file_with_a_fallback_gets_the_fallback(tmp_path):
    make(tmp_path)
    mid = tmp_path / "parts" / "mid.xml"
    mid.write_text(
        mid.read_text().replace(
            '<xi:include href="leaf.xml"/>',
            '<xi:include href="gone.xml"><xi:fallback><p>Instead.</p></xi:fallback></xi:include>',
        ),
        encoding="utf-8",
    )
    doc = load(tmp_path / "doc.xml", LoadOptions(xinclude=True))
    assert doc.ok, doc.diagnostics
    assert "Instead." in " ".join(doc.tree.getroot().itertext())
