"""Hostile and broken input (issue 8): every case is refused with a located
diagnostic, exit status 1 and no output, by every command.

The small cases are files under tests/cases/hostile/; bombs, canaries and
sockets are made here, in the test's temporary folder.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from editio.cli import main
from editio.load.document import LoadOptions, load

CASES = Path(__file__).parent / "cases" / "hostile"

# file -> (code, line, col): the first error the loader must report.
REFUSED = {
    "xxe_file.xml": ("xml.external-entity", 3, 3),
    "xxe_http.xml": ("xml.external-entity", 3, 3),
    "xxe_parameter.xml": ("xml.external-entity", 3, 3),
    "external_dtd_entity.xml": ("xml.dtd-entity", 14, 17),
    "billion_laughs.xml": ("xml.entity-expansion", 24, 10),
    "truncated.xml": ("xml.syntax", 12, 54),
    "encoding_latin1_declared_utf8.xml": ("xml.encoding", 12, 13),
    "encoding_utf16_declared_latin1.xml": ("xml.encoding", 1, 31),
    "encoding_utf8_declared_utf16.xml": ("xml.encoding", 1, 31),
    "empty.xml": ("xml.empty", 1, 1),
    "binary.xml": ("xml.binary", 1, 1),
    "not_tei.xml": ("tei.root", 2, 1),
    "tei_p4.xml": ("tei.p4", 2, 1),
}

BOMS = [
    "bom_utf8.xml",
    "bom_utf8_no_declaration.xml",
    "bom_utf16.xml",
    "bom_utf16_no_declaration.xml",
    "bom_utf16be.xml",
]


def run_cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def assert_refused(result, code: str, line: int, col: int) -> None:
    assert result.exit_code == 1, result.output
    located = [ln for ln in result.stderr.splitlines() if f"[{code}]" in ln]
    assert located, result.stderr
    assert f":{line}:{col}: error: " in located[0], located[0]


def _refuse_everywhere(path: Path, tmp_path: Path, code: str, line: int, col: int, *extra: str) -> None:
    """html -o, text -o, html/text to stdout, validate: all refuse, none writes."""
    for command in ("html", "text"):
        target = tmp_path / f"out.{command}"
        result = run_cli(command, *extra, "-o", str(target), str(path))
        assert_refused(result, code, line, col)
        assert not target.exists(), f"{command} wrote {target}"
        result = run_cli(command, *extra, str(path))
        assert_refused(result, code, line, col)
        assert result.stdout == "", f"{command} printed output for a refused document"
    assert_refused(run_cli("validate", *extra, str(path)), code, line, col)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_by_every_command(name, tmp_path):
    code, line, col = REFUSED[name]
    _refuse_everywhere(CASES / name, tmp_path, code, line, col)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_loader_reports_once(name):
    """One diagnostic per problem: libxml2's repeats are merged."""
    doc = load(CASES / name)
    assert not doc.ok
    code, line, col = REFUSED[name]
    assert [(d.code, d.line, d.col) for d in doc.diagnostics] == [(code, line, col)]


def test_build_skips_refused_documents(tmp_path):
    """`editio build` reports each refused file, writes nothing for it, exits 1."""
    out = tmp_path / "site"
    names = sorted(REFUSED)
    result = subprocess.run(
        [sys.executable, "-m", "editio", "build", "-q", "-j", "1", "-o", str(out), *(str(CASES / n) for n in names)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    for name in names:
        code, line, col = REFUSED[name]
        assert f"{name}:{line}:{col}: error: " in result.stderr and f"[{code}]" in result.stderr, name
        stem = Path(name).stem
        assert not list(out.rglob(f"{stem}.*")), f"build wrote output for {name}"


def test_bombs_refused_even_with_huge(tmp_path):
    # --huge lifts libxml2's size limits; its amplification guard must still hold.
    _refuse_everywhere(CASES / "billion_laughs.xml", tmp_path, "xml.entity-expansion", 24, 10, "--huge")


def _quadratic(tmp_path: Path, size: int, refs: int) -> Path:
    """One big internal entity referenced many times: no nesting, so only the
    total size gives it away (a 'quadratic blow-up')."""
    body = "&a;" * refs
    path = tmp_path / "quadratic.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE TEI [\n<!ENTITY a "' + "A" * size + '">\n]>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/>\n<text><body><p>' + body + "</p></body></text></TEI>\n"
    )
    return path


@pytest.mark.parametrize("huge", [False, True])
def test_quadratic_blowup_refused(tmp_path, huge):
    # 100 KB x 100,000 references would be 10 GB expanded.
    path = _quadratic(tmp_path, 100_000, 100_000)
    extra = ("--huge",) if huge else ()
    doc = load(path, LoadOptions(huge=huge))
    assert not doc.ok
    [found] = doc.diagnostics
    assert found.code == "xml.entity-expansion"
    assert found.line == 6 and found.col > 0  # at the references, not in the entity's text
    _refuse_everywhere(path, tmp_path, "xml.entity-expansion", found.line, found.col, *extra)


def test_small_internal_entities_still_expand(tmp_path):
    """The guard must not refuse ordinary use of internal entities."""
    path = tmp_path / "entities.xml"
    path.write_text(
        '<!DOCTYPE TEI [<!ENTITY mdash "&#x2014;"><!ENTITY ed "the editor&mdash;">]>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p>by &ed; and &ed;</p></body></text></TEI>'
    )
    doc = load(path)
    assert doc.ok, doc.diagnostics
    assert "by the editor\u2014 and the editor\u2014" in "".join(doc.tree.getroot().itertext())


@pytest.mark.parametrize("name", BOMS)
def test_byte_order_marks_simply_work(name, tmp_path):
    doc = load(CASES / name)
    assert doc.ok, doc.diagnostics
    for command in ("html", "text"):
        target = tmp_path / f"out.{command}"
        result = run_cli(command, "-o", str(target), str(CASES / name))
        assert result.exit_code == 0, result.stderr
        assert "Café «crème» — ἀρχή" in target.read_text(encoding="utf-8")
    result = run_cli("validate", str(CASES / name))
    assert not [ln for ln in result.stderr.splitlines() if "[xml." in ln or "[tei." in ln], result.stderr


def test_p4_message_says_how_to_convert():
    [found] = load(CASES / "tei_p4.xml").diagnostics
    assert "TEI P4" in found.message and "p4top5" in found.message


# --- nothing is read, nothing is fetched ------------------------------------------

CANARY = "CANARY-7f3a9c-do-not-leak"


@pytest.fixture
def listener():
    """A local port that counts connections: nobody may connect to it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield server
    server.close()


def _nobody_connected(server: socket.socket) -> bool:
    try:
        conn, _ = server.accept()
    except BlockingIOError:
        return True
    conn.close()
    return False


def _hostile_files(tmp_path: Path, port: int) -> dict[str, tuple[str, str]]:
    """name -> (prolog, body): every way a document could make the parser fetch."""
    canary = tmp_path / "secret.txt"
    canary.write_text(CANARY)
    # A DTD that would smuggle the canary through a parameter entity.
    (tmp_path / "evil.dtd").write_text(f'<!ENTITY leak "{CANARY}">')
    url = f"http://127.0.0.1:{port}"
    return {
        "file_entity": (f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "{canary.as_uri()}">]>', "&x;"),
        "relative_entity": ('<!DOCTYPE TEI [<!ENTITY x SYSTEM "secret.txt">]>', "&x;"),
        "http_entity": (f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "{url}/x.xml">]>', "&x;"),
        "parameter_entity": (
            f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{(tmp_path / "evil.dtd").as_uri()}"> %p;]>',
            "&leak;",
        ),
        "http_parameter_entity": (f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{url}/p.dtd"> %p;]>', "x"),
        "http_dtd": (f'<!DOCTYPE TEI SYSTEM "{url}/tei.dtd">', "x"),
        "file_dtd": (f'<!DOCTYPE TEI SYSTEM "{(tmp_path / "evil.dtd").as_uri()}">', "&leak;"),
        "public_dtd": (f'<!DOCTYPE TEI PUBLIC "-//TEI//DTD TEI P5//EN" "{url}/tei.dtd">', "x"),
        "xinclude_file": (
            "",
            f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{canary.as_uri()}" parse="text"/>',
        ),
        "xinclude_http": (
            "",
            f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{url}/x.xml" parse="text"/>',
        ),
    }


def test_nothing_read_nothing_fetched(tmp_path, listener):
    port = listener.getsockname()[1]
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, (prolog, body) in _hostile_files(tmp_path, port).items():
        path = docs / f"{name}.xml"
        path.write_text(
            f'<?xml version="1.0"?>\n{prolog}\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/>'
            f"<text><body><p>{body}</p></body></text></TEI>\n"
        )
        for xinclude in ((), ("--xinclude",)):
            for command in ("html", "text", "validate"):
                result = run_cli(command, *xinclude, str(path))
                seen = result.stdout + result.stderr
                assert CANARY not in seen, f"{name}: {command} leaked the file"
                if name in ("http_dtd", "public_dtd"):
                    # A DTD the document does not need is not loaded: a warning, and the text published.
                    assert "[xml.external-dtd]" in seen and ": warning: " in seen, seen
                    if command != "validate":
                        assert result.exit_code == 0, f"{name} {command} {xinclude}: {seen}"
                elif not (name.startswith("xinclude") and not xinclude):
                    # Without --xinclude an xi:include is just an element; with it, it is refused.
                    assert result.exit_code == 1, f"{name} {command} {xinclude}: {seen}"
                    assert "[xml.external-" in seen or "[xml.xinclude-outside]" in seen or "[xml.dtd-entity]" in seen, (
                        seen
                    )
    assert _nobody_connected(listener), "editio opened a network connection"


# --- folders that loop through symbolic links ----------------------------------------


def _looping_tree(tmp_path: Path) -> Path:
    top = tmp_path / "tei"
    (top / "a").mkdir(parents=True)
    (top / "a" / "doc.xml").write_bytes((CASES / "bom_utf8.xml").read_bytes())
    (top / "a" / "up").symlink_to("..")  # a/up -> tei: a loop through the parent
    (top / "self").symlink_to(".")  # tei/self -> tei: a loop through itself
    return top


def test_validate_folder_loop_is_reported_and_walk_goes_on(tmp_path):
    top = _looping_tree(tmp_path)
    result = run_cli("validate", str(top))
    assert result.exit_code == 1
    loops = [ln for ln in result.stderr.splitlines() if "[fs.symlink-loop]" in ln]
    assert sorted(ln.split(":")[0] for ln in loops) == [str(top / "a" / "up"), str(top / "self")]
    assert all(":0:0: error: " in ln for ln in loops)  # a folder: no line, no column
    # The real document was still validated, once.
    assert "2 error(s)" in result.stderr  # the two loops; doc.xml itself is fine


def test_discover_lists_each_file_once(tmp_path):
    from editio.core.discover import discover

    top = _looping_tree(tmp_path)
    (tmp_path / "alias").symlink_to(top / "a")
    files, problems = discover([top, tmp_path / "alias"])
    assert files == [top / "a" / "doc.xml"]
    assert {(Path(d.path).name, d.code) for d in problems} == {("up", "fs.symlink-loop"), ("self", "fs.symlink-loop")}


def test_build_folder_loop_terminates(tmp_path):
    top = _looping_tree(tmp_path)
    out = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "editio", "build", "-q", "-j", "1", "-o", str(out), str(top)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    built = sorted(p.relative_to(out).as_posix() for p in out.rglob("doc.*"))
    assert built == ["a/doc.html", "a/doc.txt"], (built, result.stderr)
