"""File names of any bytes (issue 17, points 3, 5, 6, 10): the torture set through `editio build`
and `editio validate` in every report format.

Control characters, a non-UTF-8 name, 255-byte names, `#?%`, a `javascript:`
name, a leading dash, a newline: every document is built, every link of the
index leads to its file, every diagnostic is one line (text) or valid JSON /
XML, and a value in a document cannot print a forged diagnostic line.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote_to_bytes

import pytest
from lxml import etree, html

TORTURE = [
    b"esc\x1bname.xml",
    b"ctl\x01.xml",
    b"tab\tname.xml",
    b"new\nline.xml",
    b"bad\xff\xfe.xml",
    b"a" * 251 + b".xml",  # 255 bytes: its .html would have 256
    "é".encode() * 125 + b"x.xml",  # 255 bytes in two-byte characters
    b"a#b?c%41.xml",
    b"javascript:alert(2).xml",
    b"-dash.xml",
    b"plain.xml",
]
FORGED = "x.xml:9:9: error: forged"
DOC = f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
    <publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>
  <text><body><p>Hello <date when="2020&#10;{FORGED}&#13;&#x85;&#x202E;">then</date>.</p></body></text>
</TEI>
"""
DIAGNOSTIC = re.compile(r"^.+:\d+:\d+: (error|warning|info): .+ \[[a-z0-9.-]+\]$")


def editio(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "editio", *args],
        capture_output=True,
        cwd=cwd,
        env={**os.environ, "CI": "1"},
        timeout=300,
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("names")
    src = base / "src"
    src.mkdir()
    for name in TORTURE:
        with open(os.path.join(os.fsencode(src), name), "wb") as f:
            f.write(DOC.encode())
    return base


@pytest.fixture(scope="module")
def built(folder) -> tuple[subprocess.CompletedProcess, Path]:
    run = editio("build", "src", "-o", "out", "-j", "2", cwd=folder)
    return run, folder / "out"


def lines_of(stderr: bytes) -> list[str]:
    text = stderr.decode("utf-8")  # valid UTF-8, whatever the file names
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]", text), "a raw control character reached the terminal"
    return text.splitlines()


def test_every_tortured_name_is_built(built):
    run, out = built
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
    lines = lines_of(run.stderr)
    assert "editio build: 11 built, 0 up to date, 0 failed" in lines[-1]
    progress = [ln for ln in lines if ln.startswith("[")]
    assert len(progress) == len(TORTURE)  # one line per document, a newline in a name included
    names = set(os.listdir(os.fsencode(out)))
    for name in TORTURE:
        stem = name[:-4]
        found = [n for n in names if n.endswith(b".html") and n.startswith(stem[:20])]
        assert found, f"no edition for {name!r}"
        assert all(len(n) <= 255 for n in names)


def test_diagnostics_are_one_line_each_and_cannot_be_forged(built):
    run, _out = built
    lines = lines_of(run.stderr)
    found = [ln for ln in lines if "[integrity.date]" in ln]
    assert len(found) == len(TORTURE)
    assert all(DIAGNOSTIC.match(ln) for ln in found), found
    assert not any(ln.startswith(FORGED) for ln in lines)
    assert r"2020\n" + FORGED + r"\r\x85\u202e" in found[0]
    assert any(ln.startswith(r"src/new\nline.xml:5:") for ln in found)
    assert any(ln.startswith(r"src/bad\xff\xfe.xml:5:") for ln in found)


def test_index_links_are_percent_encoded_and_lead_to_the_files(built):
    _run, out = built
    index = html.fromstring((out / "index.html").read_bytes())
    links = index.xpath("//a/@href")
    assert len(links) == 3 * len(TORTURE)  # the title and "HTML edition", "Text edition"
    for href in links:
        assert re.fullmatch(r"[A-Za-z0-9._~%-]+", href), f"not percent-encoded: {href!r}"
        assert (Path(os.fsdecode(os.fsencode(out) + b"/" + unquote_to_bytes(href)))).is_file(), href
    assert not [h for h in links if h.lower().startswith("javascript:")]


def test_pages_show_escaped_names(built):
    _run, out = built
    page = (out / os.fsdecode(b"bad\xff\xfe.html")).read_bytes().decode("utf-8")
    assert r"bad\xff\xfe.xml" in page
    index = (out / "index.html").read_bytes().decode("utf-8")
    assert "\x1b" not in index and "\x01" not in index


def test_an_unchanged_tortured_folder_is_up_to_date(built, folder):
    again = editio("build", "src", "-o", "out", "-j", "2", cwd=folder)
    assert again.returncode == 0
    assert "0 built, 11 up to date, 0 failed" in lines_of(again.stderr)[-1]


def test_validate_text(folder):
    run = editio("validate", "src", "--format", "text", "-j", "2", cwd=folder)
    lines = lines_of(run.stderr)
    assert len(lines) == len(TORTURE) + 1
    assert all(DIAGNOSTIC.match(ln) for ln in lines[:-1])
    assert lines[-1].startswith(f"{len(TORTURE)} file(s) checked")


def test_validate_json(folder):
    run = editio("validate", "src", "--format", "json", cwd=folder)
    data = json.loads(run.stdout.decode("utf-8"))  # valid UTF-8 and valid JSON
    assert len(data["files"]) == len(TORTURE)
    assert r"src/bad\xff\xfe.xml" in data["files"]
    assert r"src/new\nline.xml" in data["files"]
    assert {d["path"] for d in data["diagnostics"]} == set(data["files"])
    assert all("\n" not in d["message"] for d in data["diagnostics"])


def test_validate_junit(folder):
    run = editio("validate", "src", "--format", "junit", cwd=folder)
    suites = etree.fromstring(run.stdout)  # well-formed XML
    cases = suites.findall(".//testcase")
    assert len(cases) == len(TORTURE)
    assert r"src/esc\x1bname.xml" in {c.get("name") for c in cases}
    assert all("\n" not in c.get("name") for c in cases)


def test_validate_sarif(folder):
    run = editio("validate", "src", "--format", "sarif", cwd=folder)
    log = json.loads(run.stdout.decode("utf-8"))  # valid UTF-8 and valid JSON
    results = log["runs"][0]["results"]
    assert len(results) == len(TORTURE)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    # each URI is the file's own bytes, percent-encoded: it finds the file
    assert {unquote_to_bytes(u) for u in uris} == {b"src/" + name for name in TORTURE}
    assert all(re.fullmatch(r"[A-Za-z0-9._~%/-]+", u) for u in uris), uris
    assert all("\n" not in r["message"]["text"] for r in results)


def test_validate_github_annotations(folder):
    run = editio("validate", "src", "--format", "github", cwd=folder)
    lines = run.stdout.decode("utf-8").splitlines()  # valid UTF-8
    assert len(lines) == len(TORTURE)
    assert all(re.match(r"::(error|warning|notice) file=src/[^,]+,line=5,", ln) for ln in lines), lines
    assert any(ln.startswith(r"::error file=src/new\nline.xml,") for ln in lines)
    assert not re.search("[\x00-\x1f\x7f-\x9f]", run.stdout.decode("utf-8").replace("\n", ""))
