"""`editio serve`: what it serves and refuses, the pages' security policy, the built files untouched."""

from __future__ import annotations

import base64
import filecmp
import hashlib
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from serve_support import BROKEN, request, running, tei

from editio.build.run import BuildOptions, build
from editio.serve.inject import RELOAD_SCRIPT, SCRIPT_HASH, STYLE_HASH, widen_policy
from editio.serve.server import resolve_request


@pytest.fixture
def site(tmp_path):
    """A source folder of two documents, a secret beside the build folder, served."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "uno.xml").write_text(tei("Il primo paragrafo."), encoding="utf-8")
    (src / "due.xml").write_text(tei("Il secondo."), encoding="utf-8")
    (tmp_path / "secret.txt").write_text("SECRET-OUTSIDE", encoding="utf-8")
    (tmp_path / "secret-dir").mkdir()
    (tmp_path / "secret-dir" / "inner.txt").write_text("SECRET-OUTSIDE", encoding="utf-8")
    out = tmp_path / "out"
    with running([src], out) as served:
        yield served


REFUSED = [
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E%2Fsecret.txt",
    "/..%2fsecret.txt",
    "/uno/../../secret.txt",
    "/%252e%252e/secret.txt",  # double-encoded: a file literally named %2e%2e, which is not there
    "/..\\secret.txt",
    "/%5c..%5csecret.txt",
    "/.editio-build.json",  # hidden names: the build state (source paths), temporary files
    "/%2eeditio-build.json",
    "/uno.html%00.txt",
    "//secret.txt",
    "/link-out.txt",  # symbolic links leading out of the folder
    "/link-dir/inner.txt",
    "http://127.0.0.1/../secret.txt",  # absolute-form request target
    "*",
]


@pytest.mark.parametrize("target", REFUSED)
def test_nothing_outside_the_build_folder(site, target):
    (site.out_dir / "link-out.txt").symlink_to(site.out_dir.parent / "secret.txt")
    (site.out_dir / "link-dir").symlink_to(site.out_dir.parent / "secret-dir")
    status, _headers, body = site.get(target)
    assert status in (400, 403, 404), status
    assert b"SECRET-OUTSIDE" not in body
    assert b'"documents"' not in body


def test_resolve_request_unit(tmp_path):
    root = (tmp_path / "out").resolve()
    (root / "a").mkdir(parents=True)
    (root / "a" / "x.html").write_text("x")
    (root / "index.html").write_text("i")
    (tmp_path / "outside.txt").write_text("o")
    (root / "inside-link.html").symlink_to(root / "a" / "x.html")  # a link within the folder is fine
    assert resolve_request(root, "/a/x.html") == root / "a" / "x.html"
    assert resolve_request(root, "/a/x.html?q=1#f") == root / "a" / "x.html"
    assert resolve_request(root, "/a/%78.html") == root / "a" / "x.html"
    assert resolve_request(root, "/") == root / "index.html"
    assert resolve_request(root, "/inside-link.html") == root / "a" / "x.html"
    assert resolve_request(root, "/a/") is None  # no listing of a folder without index.html
    assert resolve_request(root, "/../outside.txt") is None
    assert resolve_request(root, "/a/../../outside.txt") is None
    assert resolve_request(root, "/" + str(tmp_path / "outside.txt")) is None
    assert resolve_request(root, str(tmp_path / "outside.txt")[1:]) is None


def test_pages_and_files_are_served(site):
    status, headers, body = site.get("/uno.html")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert "Il primo paragrafo." in body.decode("utf-8")
    status, headers, body = site.get("/uno.txt")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert b"<script" not in body  # only HTML pages get the reload script
    status, _h, body = site.get("/")
    assert status == 200 and b"uno.html" in body
    assert site.get("/nothing.html")[0] == 404
    assert request(site.port, "/uno.html", method="HEAD")[0] == 200


def test_only_loopback_names_are_answered(site):
    """DNS rebinding: a page of another site cannot read these pages through a name pointing here."""
    assert site.get("/uno.html", {"Host": "evil.example"})[0] == 403
    assert site.get("/uno.html", {"Host": f"evil.example:{site.port}"})[0] == 403
    for host in (f"localhost:{site.port}", f"127.0.0.1:{site.port}", "localhost"):
        assert site.get("/uno.html", {"Host": host})[0] == 200


def csp_of(page: str) -> str:
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert match, "no Content-Security-Policy"
    return match.group(1).replace("&#x27;", "'")


def test_policy_widened_only_for_the_reload_script_and_its_stream(site, tmp_path):
    page = site.get("/uno.html")[2].decode("utf-8")
    policy = {d.split()[0]: d.split()[1:] for d in csp_of(page).split("; ")}
    on_disk = {d.split()[0]: d.split()[1:] for d in csp_of((site.out_dir / "uno.html").read_text()).split("; ")}
    assert on_disk == {"default-src": ["'none'"], "style-src": ["'unsafe-inline'"], "img-src": ["'self'"]}
    assert policy["default-src"] == ["'none'"]
    assert policy["style-src"] == ["'unsafe-inline'"]  # the overlay's inline style is already allowed
    assert policy["img-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    # The script-src hash is the hash of the one script the page carries, and nothing else is allowed.
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    assert scripts == [RELOAD_SCRIPT]
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert policy["script-src"] == [f"'sha256-{digest}'"]


def test_widen_policy_cases():
    assert widen_policy("default-src 'none'") == (
        f"default-src 'none'; script-src {SCRIPT_HASH}; connect-src 'self'; style-src {STYLE_HASH}"
    )
    # default-src sources carry over to the directives added, so the page loses nothing.
    assert widen_policy("default-src 'self'") == (
        f"default-src 'self'; script-src 'self' {SCRIPT_HASH}; connect-src 'self'; style-src 'self' {STYLE_HASH}"
    )
    # 'unsafe-inline' without hashes already allows inline code; a hash would switch it off.
    assert widen_policy("script-src 'unsafe-inline'; style-src 'unsafe-inline'") == (
        "script-src 'unsafe-inline'; style-src 'unsafe-inline'"
    )
    assert widen_policy("script-src 'none'; connect-src https://x.example") == (
        f"script-src {SCRIPT_HASH}; connect-src https://x.example 'self'"
    )
    assert widen_policy("img-src 'self'") == "img-src 'self'"  # no policy on scripts: nothing to widen


def test_built_files_are_what_editio_build_writes(tmp_path):
    """Same sources, same options: `editio build` and `editio serve` write byte-identical folders,
    after the first build and after a rebuild on a change (the injections are in responses only)."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "uno.xml").write_text(tei("Prima."), encoding="utf-8")
    (src / "due.xml").write_text(tei("Seconda."), encoding="utf-8")
    served_dir, built_dir = tmp_path / "served", tmp_path / "built"
    with running([src], served_dir) as served:
        build([src], BuildOptions(out_dir=built_dir, jobs=1))
        assert_same_tree(served_dir, built_dir)
        served.get("/uno.html")  # a request changes nothing on disk
        before = served.generation()
        (src / "uno.xml").write_text(tei("Prima, cambiata."), encoding="utf-8")
        served.wait_past(before)
        build([src], BuildOptions(out_dir=built_dir, jobs=1))
        assert "Prima, cambiata." in (served_dir / "uno.html").read_text()
        assert_same_tree(served_dir, built_dir)
        page = served.get("/uno.html")[2].decode("utf-8")
    disk = (served_dir / "uno.html").read_text()
    assert "editio-serve" not in disk and "<script" not in disk
    assert "editio-serve-build" in page


def assert_same_tree(a: Path, b: Path) -> None:
    names_a = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    names_b = sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    assert names_a == names_b
    assert names_a, "nothing was built"
    _match, mismatch, errors = filecmp.cmpfiles(a, b, names_a, shallow=False)
    assert not mismatch and not errors, (mismatch, errors)


def test_overlay_lists_the_last_builds_errors_over_the_last_good_page(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "uno.xml").write_text(tei("Il testo buono."), encoding="utf-8")
    with running([src], tmp_path / "out") as served:
        page = served.get("/uno.html")[2].decode("utf-8")
        assert 'id="editio-serve-overlay"' not in page
        before = served.generation()
        (src / "uno.xml").write_text(BROKEN, encoding="utf-8")
        served.wait_past(before)
        page = served.get("/uno.html")[2].decode("utf-8")
        assert "Il testo buono." in page  # the last good page stays
        overlay = re.search(r'<details id="editio-serve-overlay".*?</details>', page, re.DOTALL).group(0)
        assert "open" in overlay.split(">")[0]
        # BROKEN's <hi> on line 6 is closed by </p>: libxml2's first error, at line 6, column 40
        assert re.search(
            r'editio-serve-file">[^<]*uno\.xml</span>:<span class="editio-serve-line">6</span>:'
            r'<span class="editio-serve-col">40</span>: <span class="editio-serve-error">error'
            r'</span>: <span class="editio-serve-message">Opening and ending tag mismatch: hi line 6',
            overlay,
        ), overlay
        assert "[xml.syntax]" in overlay
        index = served.get("/")[2].decode("utf-8")
        assert "[xml.syntax]" in index  # the index lists every document's findings
        before = served.generation()
        (src / "uno.xml").write_text(tei("Il testo corretto."), encoding="utf-8")
        served.wait_past(before)
        page = served.get("/uno.html")[2].decode("utf-8")
        assert "Il testo corretto." in page
        assert 'id="editio-serve-overlay"' not in page


def test_serve_without_watchfiles_says_how_to_install(monkeypatch, tmp_path):
    from editio.cli import main

    monkeypatch.setitem(sys.modules, "watchfiles", None)  # import watchfiles -> ImportError
    (tmp_path / "a.xml").write_text(tei(), encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", str(tmp_path / "a.xml"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "pip install 'editio[serve]'" in lines[0]
    assert not (tmp_path / "out").exists()


def test_port_in_use_is_a_usage_error(tmp_path):
    import socket

    from editio.cli import main

    (tmp_path / "a.xml").write_text(tei(), encoding="utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(
            main, ["serve", str(tmp_path / "a.xml"), "-o", str(tmp_path / "out"), "--port", str(port)]
        )
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.output


def test_a_usage_error_in_the_first_build_exits_2(tmp_path):
    from editio.cli import main

    (tmp_path / "a.xml").write_text(tei(), encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", str(tmp_path), "-o", str(tmp_path), "--port", "0"])
    assert result.exit_code == 2
    assert "is the source folder" in result.output
