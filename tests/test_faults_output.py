"""The output folder under faults (issue 17, points 2, 4, 7, 11, 12): links inside it, names too
long for a file system, a document published whole or not at all, edited pages, leftovers of a
killed build, `-o` naming the source itself."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest
from conftest import CORPUS, ROOT
from lxml import html

from editio.build.run import BuildOptions, build

CASE = ROOT / "tests" / "cases" / "textcrit" / "lacunae.xml"
SMALL = CORPUS / "letter_escher_K_0426.xml"


def editio(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "editio", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "CI": "1"},
        timeout=300,
    )


def switch_links(page: Path) -> list[str]:
    tree = html.fromstring(page.read_bytes())
    return tree.xpath("//section[@id='editio-witnesses']//a[contains(@class, 'witness-switch')]/@href")


def with_sigla(tmp_path: Path, *sigla: str) -> Path:
    """lacunae.xml with the sigla of A and B replaced."""
    text = CASE.read_text(encoding="utf-8")
    for old, new in zip(("A", "B"), sigla):
        text = text.replace(f'<abbr type="siglum">{old}</abbr>', f'<abbr type="siglum">{new}</abbr>')
    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    (src / "ed.xml").write_text(text, encoding="utf-8")
    return src / "ed.xml"


def test_a_linked_folder_inside_the_output_is_refused(tmp_path):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    shutil.copy(SMALL, src / "top.xml")
    shutil.copy(SMALL, src / "sub" / "doc.xml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(elsewhere, target_is_directory=True)
    run = editio("build", src, "-o", out, "-j", "1")
    assert run.returncode == 1, run.stderr
    assert list(elsewhere.iterdir()) == [], "the build wrote through the link"
    refused = [ln for ln in run.stderr.splitlines() if "[build.output-link]" in ln]
    assert len(refused) == 1 and refused[0].startswith(f"{src}/sub/doc.xml:0:0: error: "), run.stderr
    assert "symbolic link" in refused[0] and str(out / "sub") in refused[0]
    assert (out / "top.html").is_file() and (out / "sub").is_symlink()


def test_a_linked_assets_folder_is_refused(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SMALL, src / "top.xml")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "assets").symlink_to(elsewhere, target_is_directory=True)
    templates = tmp_path / "templates"
    (templates / "assets").mkdir(parents=True)
    (templates / "assets" / "logo.svg").write_text("<svg/>")
    run = editio("build", src, "-o", out, "--templates", templates)
    assert run.returncode == 2, run.stderr
    assert "symbolic link" in run.stderr
    assert list(elsewhere.iterdir()) == []


def test_a_linked_file_inside_the_output_is_replaced_not_written_through(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SMALL, src / "top.xml")
    target = tmp_path / "target.html"
    target.write_text("keep")
    out = tmp_path / "out"
    out.mkdir()
    (out / "top.html").symlink_to(target)
    result = build([src], BuildOptions(out_dir=out, check=False))
    assert not result.failed
    assert target.read_text() == "keep"
    assert not (out / "top.html").is_symlink() and (out / "top.html").stat().st_size > 1000


def test_a_document_is_published_whole_or_not_at_all(tmp_path):
    src = with_sigla(tmp_path, "A", "B")
    out = tmp_path / "out"
    (out / "ed.C.html").mkdir(parents=True)  # one of its pages cannot be written
    result = build([src.parent], BuildOptions(out_dir=out, check=False))
    assert [p.name for p in result.failed] == ["ed.xml"]
    assert [d.code for d in result.diagnostics if d.severity.value == "error"] == ["build.write"]
    assert sorted(p.name for p in out.iterdir() if p.name.startswith("ed")) == ["ed.C.html"]
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_a_long_siglum_gets_a_bounded_page_name_and_a_working_link(tmp_path):
    long = "Codex " + "longissimus " * 22  # ~270 characters
    src = with_sigla(tmp_path, long.strip(), "B")
    out = tmp_path / "out"
    result = build([src.parent], BuildOptions(out_dir=out, check=False))
    assert not result.failed, result.diagnostics
    assert all(len(os.fsencode(p.name)) <= 255 for p in out.iterdir())
    links = switch_links(out / "ed.html")
    assert len(links) == 4
    for href in links:
        assert (out / unquote(href)).is_file(), href
    index = html.fromstring((out / "index.html").read_bytes())
    assert [a for a in index.xpath("//a/@href") if not (out / unquote(a)).is_file()] == []


def test_sigla_that_share_a_file_token_get_a_page_each(tmp_path):
    src = with_sigla(tmp_path, "A/1", "A 1")
    out = tmp_path / "out"
    result = build([src.parent], BuildOptions(out_dir=out, check=False, formats=("html",)))
    assert not result.failed, result.diagnostics
    links = switch_links(out / "ed.html")
    assert len(set(links)) == 4
    pages = [(out / unquote(h)).read_bytes() for h in links]
    assert all(pages) and len(set(pages)) == 4


def test_an_edited_page_is_restored_by_the_next_build(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SMALL, src / "top.xml")
    out = tmp_path / "out"
    build([src], BuildOptions(out_dir=out, check=False))
    page = out / "top.html"
    original = page.read_bytes()
    page.write_bytes(original.replace(b"</body>", b"<script>edited</script></body>"))
    result = build([src], BuildOptions(out_dir=out, check=False))
    assert [p.name for p in result.built] == ["top.xml"]
    assert page.read_bytes() == original


def test_temporary_files_of_a_killed_build_are_removed_by_the_next(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SMALL, src / "top.xml")
    out = tmp_path / "out"
    build([src], BuildOptions(out_dir=out, check=False))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = [out / f".editio-{dead.stdout.strip()}-0badc0de.tmp", out / ".editio-k2x8_q1z.tmp"]  # new and old names
    running = out / f".editio-{os.getpid()}-12345678.tmp"  # a build that still runs: not touched
    for path in [*left, running]:
        path.write_bytes(b"")
    build([src], BuildOptions(out_dir=out, check=False))
    assert [p for p in left if p.exists()] == []
    assert running.exists()


@pytest.mark.parametrize("command", ["html", "text"])
def test_output_that_is_the_source_is_refused(tmp_path, command):
    source = tmp_path / "doc.xml"
    shutil.copy(SMALL, source)
    (tmp_path / "alias.xml").symlink_to(source)
    for output in (source, tmp_path / "alias.xml", Path("./doc.xml")):
        run = editio(command, source, "-o", output, cwd=tmp_path)
        assert run.returncode == 2, run.stderr
        assert "the document itself" in run.stderr
        assert source.read_bytes() == SMALL.read_bytes()


@pytest.mark.parametrize("descriptors", [True, False], ids=["openat", "by-path"])
def test_the_writer_never_follows_a_link_below_the_output_folder(tmp_path, monkeypatch, descriptors):
    from editio.core import write

    monkeypatch.setattr(write, "_SAFE", descriptors)  # by-path: systems without *at() calls
    root = tmp_path / "out"
    root.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.html").write_bytes(b"theirs")
    (root / "sub").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(write.LinkInOutput) as refused:
        write.write_inside(root, [("ok.html", b"mine"), ("sub/a.html", b"mine")])
    assert refused.value.link == str(root / "sub")
    assert not (root / "ok.html").exists()  # nothing of the set was written
    assert write.read_inside(root, "sub/a.html") is None
    write.remove_inside(root, "sub/a.html")
    assert (elsewhere / "a.html").read_bytes() == b"theirs"
    write.write_inside(root, [("deep/er/b.html", b"mine"), ("c.html", "é")])
    assert write.read_inside(root, "deep/er/b.html") == b"mine"
    assert (root / "c.html").read_text(encoding="utf-8") == "é"
    assert not [p for p in root.rglob("*") if p.name.endswith(".tmp")]
    with pytest.raises(ValueError):
        write.write_inside(root, [("../escape.html", b"x")])
