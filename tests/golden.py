"""The one golden harness: a case's options, running the command, comparing with the expected file.

A golden case is `tests/cases/<concern>/NAME.xml`. Its options are the command-line
arguments of the command the test runs (`editio html`, `text`, `validate`, `build`),
written in the case itself, in one processing instruction:

    <?editio-test --view diplomatic --no-header --width 30?>

(shlex-split; `{ROOT}` stands for the repository root: a case needs nothing outside it.)
The expected output sits beside the case. `EDITIO_REGENERATE=1` rewrites the
expected files from what was produced: read the diff (git diff) before committing.
"""

from __future__ import annotations

import difflib
import os
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
_OPTIONS = re.compile(rb"<\?editio-test(?:\s+([^?]*))?\?>")


def regenerating() -> bool:
    return os.environ.get("EDITIO_REGENERATE") == "1"


def case_args(case: Path) -> list[str]:
    """The command-line arguments the case asks for (its `<?editio-test ...?>`)."""
    match = _OPTIONS.search(case.read_bytes())
    if not match or not match.group(1):
        return []
    text = match.group(1).decode("utf-8").replace("{ROOT}", str(ROOT))
    return shlex.split(text)


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(args: list[str], cwd: Path | None = None, env: dict | None = None) -> CliResult:
    """`editio ARGS` in this process, as a user would run it (stdout and stderr apart)."""
    from editio.cli import main

    old = os.getcwd()
    if cwd:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, args, env=env, catch_exceptions=False)
    finally:
        os.chdir(old)
    return CliResult(result.exit_code, result.stdout, result.stderr)


_DIAGNOSTIC = re.compile(r"^[^:]+:(\d+):\d+: (\w+): (.*)$")


def diagnostics_as_comments(stderr: str) -> list[str]:
    """What a command printed on stderr, as HTML comments (line, severity, message [code]) to put
    before a golden page: the file name is the case's, the column is left out."""
    return [
        f"<!-- {m.group(1)}: {m.group(2)}: {m.group(3)} -->" for m in map(_DIAGNOSTIC.match, stderr.splitlines()) if m
    ]


def assert_golden(got: str, expected_path: Path, what: str) -> None:
    """`got` must equal the file's text; on a mismatch, fail with a unified diff."""
    if regenerating():
        expected_path.write_text(got, encoding="utf-8")
    assert expected_path.is_file(), f"no {expected_path.name}: run with EDITIO_REGENERATE=1 and read it"
    expected = expected_path.read_text(encoding="utf-8")
    if got != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                got.splitlines(keepends=True),
                fromfile=f"expected/{expected_path.name}",
                tofile=f"got/{expected_path.name}",
            )
        )
        pytest.fail(f"{what} differs from {expected_path.name}\n{diff}", pytrace=False)
