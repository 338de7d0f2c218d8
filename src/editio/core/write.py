"""Atomic, deterministic writing: a file is whole or absent, never half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write to a temporary file beside `path`, then rename it into place.

    The rename is atomic on POSIX, so a crash or Ctrl-C leaves either the old
    file or the new one, plus at worst a `.editio-*.tmp` file that is removed
    on the way out.
    """
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".editio-", suffix=".tmp", dir=path.parent)
    except FileNotFoundError:  # the folder first (not tried on every write: most exist)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".editio-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
