"""The `editio-validate` hook (.pre-commit-hooks.yaml), run by pre-commit itself.

`pre-commit try-repo` installs editio from this repository (its working tree, uncommitted
changes to tracked files included) into an environment of its own, as a project using the
hook would get it, then runs the hook in a temporary git repository holding one valid and
one invalid TEI file. Installing takes pip a while (lxml and the rest come from the
package index or pip's cache); the environment is made once for the module.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT
from serve_support import BROKEN, tei

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    if shutil.which("git") is None:
        pytest.skip("needs git, which is not installed (Debian package git; .ci/run installs it as root)")
    home = tmp_path_factory.mktemp("pre-commit-home")
    repo = tmp_path_factory.mktemp("project")
    (repo / "valid.xml").write_text(tei("Un testo valido."), encoding="utf-8")
    (repo / "invalid.xml").write_text(BROKEN, encoding="utf-8")
    (repo / "style.xsl").write_text("<not-tei/>\n", encoding="utf-8")  # not *.xml: not the hook's
    git = ["git", "-c", "user.name=editio tests", "-c", "user.email=tests@editio.invalid"]
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "TEI files"], cwd=repo, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("CI", None)  # CI=true changes nothing here; kept out so the output is the same everywhere

    def hook(*files: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*PRE_COMMIT, "try-repo", str(ROOT), "editio-validate", "--verbose", "--files", *files],
            check=False,
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    return hook


def test_the_hook_passes_a_valid_file(project):
    run = project("valid.xml")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "editio validate (TEI P5)" in run.stdout and "Passed" in run.stdout
    assert "1 file(s) checked: 0 error(s)" in run.stdout


def test_the_hook_fails_on_an_invalid_file_and_names_its_error(project):
    run = project("valid.xml", "invalid.xml")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Failed" in run.stdout
    assert "invalid.xml:6:40: error: Opening and ending tag mismatch: hi line 6 and p [xml.syntax]" in run.stdout
    assert "valid.xml:" not in run.stdout.replace("invalid.xml:", "")
    assert "2 file(s) checked" in run.stdout


def test_the_hook_takes_only_xml_files(project):
    run = project("style.xsl")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "(no files to check)" in run.stdout and "Skipped" in run.stdout


def test_hook_manifest_is_what_the_readme_documents():
    manifest = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: editio-validate" in manifest and "language: python" in manifest
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "id: editio-validate" in readme
