"""The one golden-file comparison every golden test uses.

`EDITIO_REGENERATE=1` rewrites the expected file from what was produced:
read the diff (git diff) before committing it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest


def regenerating() -> bool:
    return os.environ.get("EDITIO_REGENERATE") == "1"


def assert_golden(got: str, expected_path: Path, what: str) -> None:
    """`got` must equal the file's text; on a mismatch, fail with a unified diff."""
    if regenerating():
        expected_path.write_text(got, encoding="utf-8")
    assert expected_path.is_file(), f"no {expected_path.name}: run with EDITIO_REGENERATE=1 and read it"
    expected = expected_path.read_text(encoding="utf-8")
    if got != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), got.splitlines(keepends=True),
            fromfile=f"expected/{expected_path.name}", tofile=f"got/{expected_path.name}",
        ))
        pytest.fail(f"{what} differs from {expected_path.name}\n{diff}", pytrace=False)
