"""`editio build`: many documents, checks first, incremental, deterministic, an index."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS
from lxml import html as lxml_html

from editio.build.run import BuildOptions, build
from editio.load.document import LoadOptions

# Small real TEI files (TEI Stylesheets' tests): quick to build, varied markup.
GOOD = [
    "proc_teistylesheets_testWhitespace1.xml",
    "proc_teistylesheets_testtranscr.xml",
    "proc_teistylesheets_testnotes1.xml",
]
BROKEN = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>Broken</title></titleStmt></fileDesc></teiHeader>
  <text><body><p>An unclosed <hi>paragraph</p></body></text>
</TEI>
"""


def editio(*args, cwd=None, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "editio", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "CI": "1", **(env or {})},
    )


@pytest.fixture
def corpus(tmp_path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    for name in GOOD:
        shutil.copy(CORPUS / name, src / name)
    (src / "broken.xml").write_text(BROKEN, encoding="utf-8")
    return src


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_broken_file_is_reported_and_skipped_the_others_are_built(corpus, tmp_path):
    out = tmp_path / "out"
    run = editio("build", corpus, "-o", out, "-j", "1")
    assert run.returncode == 1, run.stderr
    broken = [line for line in run.stderr.splitlines() if "broken.xml:" in line and ": error:" in line]
    assert broken and broken[0].startswith(f"{corpus / 'broken.xml'}:4:"), run.stderr
    for name in GOOD:
        stem = Path(name).stem
        assert (out / f"{stem}.html").stat().st_size > 0
        assert (out / f"{stem}.txt").stat().st_size > 0
    assert not (out / "broken.html").exists() and not (out / "broken.txt").exists()
    assert "3 built, 0 up to date, 1 failed" in run.stderr


def test_rebuild_skips_unchanged_documents_and_rebuilds_a_changed_one(corpus, tmp_path):
    out = tmp_path / "out"
    options = BuildOptions(out_dir=out, jobs=1)
    first = build([corpus], options)
    assert sorted(p.name for p in first.built) == sorted(GOOD)
    assert [p.name for p in first.failed] == ["broken.xml"]
    stamp = {p: p.stat().st_mtime_ns for p in out.glob("*.*")}

    second = build([corpus], options)
    assert second.built == [] and sorted(p.name for p in second.current) == sorted(GOOD)
    assert [p.name for p in second.failed] == ["broken.xml"]  # an unreadable file is retried, and reported again
    assert {p: p.stat().st_mtime_ns for p in out.glob("*.*")} == stamp
    # An unchanged document reports the same findings as when it was built.
    assert sorted(map(str, second.diagnostics)) == sorted(map(str, first.diagnostics))

    changed = corpus / GOOD[1]
    changed.write_bytes(changed.read_bytes().replace(b"</TEI>", b"<!-- edited --></TEI>"))
    third = build([corpus], options)
    assert [p.name for p in third.built] == [GOOD[1]]
    assert sorted(p.name for p in third.current) == sorted(set(GOOD) - {GOOD[1]})

    (out / (Path(GOOD[0]).stem + ".txt")).unlink()  # an output gone: that document is built again
    assert [p.name for p in build([corpus], options).built] == [GOOD[0]]
    assert sorted(p.name for p in build([corpus], BuildOptions(out_dir=out, jobs=1, force=True)).built) == sorted(GOOD)


def test_a_malformed_state_record_is_rebuilt_never_trusted(corpus, tmp_path):
    import json

    out = tmp_path / "out"
    options = BuildOptions(out_dir=out, jobs=1)
    build([corpus], options)
    state_file = out / ".editio-build.json"
    data = json.loads(state_file.read_text(encoding="utf-8"))
    key = next(k for k in data["documents"] if k.endswith(GOOD[0]))
    data["documents"][key]["outputs"] = 5  # a record of the wrong shape (the dict-based state crashed on it)
    state_file.write_text(json.dumps(data), encoding="utf-8")
    again = build([corpus], options)
    assert [p.name for p in again.built] == [GOOD[0]]
    assert sorted(p.name for p in again.current) == sorted(set(GOOD) - {GOOD[0]})


def test_outputs_of_a_deleted_source_are_removed(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], BuildOptions(out_dir=out, jobs=1))
    gone = Path(GOOD[0]).stem
    assert (out / f"{gone}.html").is_file()
    (corpus / GOOD[0]).unlink()
    build([corpus], BuildOptions(out_dir=out, jobs=1))
    assert not (out / f"{gone}.html").exists() and not (out / f"{gone}.txt").exists()
    assert f"{gone}.html" not in (out / "index.html").read_text(encoding="utf-8")
    assert (out / (Path(GOOD[1]).stem + ".html")).is_file()


def test_option_change_rebuilds_everything(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], BuildOptions(out_dir=out, jobs=1))
    again = build([corpus], BuildOptions(out_dir=out, jobs=1, load=LoadOptions(xinclude=True)))
    assert sorted(p.name for p in again.built) == sorted(GOOD)


def test_output_is_byte_identical_across_builds_and_job_counts(corpus, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert editio("build", corpus, "-o", one, "-j", "1").returncode == 1
    first = tree_bytes(one)
    assert editio("build", corpus, "-o", one, "-j", "1", "--force").returncode == 1
    assert tree_bytes(one) == first
    assert editio("build", corpus, "-o", two, "-j", "2").returncode == 1
    assert tree_bytes(two) == first
    assert {"index.html", ".editio-build.json"} <= set(first)


def test_index_lists_every_document_with_links_that_exist(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], BuildOptions(out_dir=out, jobs=1))
    page = lxml_html.parse(str(out / "index.html")).getroot()
    items = page.findall(".//li")
    assert len(items) == len(GOOD)
    titles = [" ".join(li.find("div").text_content().split()) for li in items]
    assert "The title" in titles  # testnotes1.xml's titleStmt
    hrefs = [a.get("href") for a in page.iter("a")]
    assert sum(h.endswith(".html") for h in hrefs) >= len(GOOD)
    assert sum(h.endswith(".txt") for h in hrefs) == len(GOOD)
    for href in hrefs:
        assert (out / href).is_file(), href


def test_index_shows_responsibility_and_date(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(CORPUS / "drama_notes_gerdracor_kotzebue.xml", src)
    out = tmp_path / "out"
    build([src], BuildOptions(out_dir=out, jobs=1, formats=("text",)))
    text = " ".join(lxml_html.parse(str(out / "index.html")).getroot().text_content().split())
    assert "Der Hyperboreische Esel, oder Die heutige Bildung" in text
    assert "August von Kotzebue" in text and "Q57242" not in text  # the author's name, not his ids


def test_no_path_builds_tei_into__build(tmp_path):
    (tmp_path / "tei").mkdir()
    shutil.copy(CORPUS / GOOD[0], tmp_path / "tei" / "edition.xml")
    run = editio("build", "-j", "1", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "_build" / "edition.html").is_file()
    assert (tmp_path / "_build" / "edition.txt").is_file()
    assert (tmp_path / "_build" / "index.html").is_file()
    empty = tmp_path / "elsewhere"
    empty.mkdir()
    assert editio("build", cwd=empty).returncode == 2


def test_outputs_keep_the_source_folders_so_equal_names_do_not_collide(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / "src" / folder).mkdir(parents=True)
        shutil.copy(CORPUS / GOOD[0], tmp_path / "src" / folder / "letter.xml")
    out = tmp_path / "out"
    build([tmp_path / "src"], BuildOptions(out_dir=out, jobs=1))
    assert (out / "a" / "letter.html").is_file() and (out / "b" / "letter.html").is_file()
    links = [a.get("href") for a in lxml_html.parse(str(out / "index.html")).getroot().iter("a")]
    assert "a/letter.html" in links and "b/letter.html" in links
    # Two PATHs holding the same name: named after their common folder.
    out2 = tmp_path / "out2"
    build([tmp_path / "src" / "a", tmp_path / "src" / "b"], BuildOptions(out_dir=out2, jobs=1))
    assert (out2 / "a" / "letter.txt").is_file() and (out2 / "b" / "letter.txt").is_file()


def test_refuses_an_output_folder_that_holds_sources(corpus, tmp_path):
    before = tree_bytes(corpus)
    run = editio("build", corpus, "-o", corpus)
    assert run.returncode == 2 and "output folder" in run.stderr
    run = editio("build", corpus, "-o", tmp_path)
    assert run.returncode == 2 and "contains the source" in run.stderr
    assert tree_bytes(corpus) == before
    # An output folder inside the source folder is fine: it is not searched for sources.
    assert editio("build", corpus, "-o", corpus / "_site", "-j", "1").returncode == 1  # broken.xml
    assert editio("build", corpus, "-o", corpus / "_site", "-j", "1").returncode == 1
    assert {k: v for k, v in tree_bytes(corpus).items() if not k.startswith("_site/")} == before
    assert (corpus / "_site" / (Path(GOOD[0]).stem + ".html")).is_file()


def test_xinclude_target_is_part_of_its_document_not_an_error(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("edge_xinclude_teistylesheets_testxi.xml", "testxi-inc.xml"):
        shutil.copy(CORPUS / name, src / name)
    out = tmp_path / "out"
    run = editio("build", src, "-o", out, "-j", "1", "--xinclude")
    assert run.returncode == 0, run.stderr
    assert "[build.part]" in run.stderr
    assert not (out / "testxi-inc.html").exists()
    # A sentence of the included file is in the including document's edition.
    assert "comes up for renewal by February 2011" in " ".join(
        (out / "edge_xinclude_teistylesheets_testxi.txt").read_text().split()
    )
    run = editio("build", src, "-o", tmp_path / "plain", "-j", "1")
    assert "[build.xinclude-off]" in run.stderr


SCHEMA = """<element name="TEI" ns="http://www.tei-c.org/ns/1.0" xmlns="http://relaxng.org/ns/structure/1.0">
  <element name="nothing-like-tei"><empty/></element>
</element>
"""


def test_schema_findings_are_warnings_unless_strict(corpus, tmp_path):
    (corpus / "broken.xml").unlink()
    schema = tmp_path / "strict.rng"
    schema.write_text(SCHEMA, encoding="utf-8")
    out = tmp_path / "out"
    run = editio("build", corpus, "-o", out, "-j", "1", "--schema", schema)
    assert run.returncode == 0, run.stderr
    assert ": warning:" in run.stderr and "[schema." in run.stderr
    assert len(list(out.glob("*.html"))) == len(GOOD) + 1  # and the index
    strict_out = tmp_path / "strict"
    run = editio("build", corpus, "-o", strict_out, "-j", "1", "--schema", schema, "--strict")
    assert run.returncode == 1
    assert ": error:" in run.stderr and "stopped by --strict" in run.stderr
    assert not list(strict_out.glob("*.txt"))  # it stopped at the first document, and wrote nothing for it


def test_progress_lines_in_ci_and_quiet(corpus, tmp_path):
    run = editio("build", corpus, "-o", tmp_path / "out", "-j", "1")
    assert "[4/4]" in run.stderr
    run = editio("build", corpus, "-o", tmp_path / "out", "-j", "1", "-q")
    assert "[1/4]" not in run.stderr and "built" not in run.stderr
    assert "broken.xml:4:" in run.stderr  # diagnostics are never silenced


def test_build_tree_index_and_messages_golden(corpus, tmp_path):
    """What a user gets from `editio build`: the files written, index.html and the messages."""
    from conftest import SAMPLE
    from golden import assert_golden
    from html_support import page_body

    (corpus / "sub").mkdir()
    shutil.copy(SAMPLE, corpus / "sub" / SAMPLE.name)
    out = tmp_path / "out"
    run = editio("build", "src", "-o", "out", "-j", "1", cwd=tmp_path)  # -j 1: progress lines in a fixed order
    assert run.returncode == 1  # broken.xml
    files = "\n".join(sorted(tree_bytes(out)))
    index = page_body((out / "index.html").read_text(encoding="utf-8"))
    messages = run.stderr.replace(str(tmp_path), "{TMP}")
    got = f"# files\n{files}\n# stderr\n{messages}# index.html\n{index}\n"
    assert_golden(got, Path(__file__).parent / "cases" / "build" / "tree.expected", "the build")
