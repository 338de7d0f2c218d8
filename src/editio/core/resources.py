"""Where the stylesheets, templates and schemas that editio runs are found.

A wheel carries them inside the package (see pyproject.toml); an editable
install or a source checkout reads them from the repository root, so edits to
`xslt/` or `templates/` take effect at once.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

# This module lives in editio/core/; the resources sit beside the package's top.
PACKAGE_DIR = Path(__file__).resolve().parents[1]
_REPO_ROOT = PACKAGE_DIR.parents[1]

# Installed name (inside the package) -> name at the repository root.
_LOCATIONS = {
    "xslt": "xslt",
    "templates": "templates",
    "schema": "tei/schema",
}


@cache
def resource_dir(kind: str) -> Path:
    """Return the folder holding editio's own `kind` resources."""
    inside = PACKAGE_DIR / kind
    if inside.is_dir():
        return inside
    at_root = _REPO_ROOT / _LOCATIONS[kind]
    if at_root.is_dir():
        return at_root
    raise FileNotFoundError(f"editio is installed without its {kind} folder")


def xslt_dir() -> Path:
    return resource_dir("xslt")


def templates_dir() -> Path:
    return resource_dir("templates")


def schema_dir() -> Path:
    return resource_dir("schema")


def tei_all_path() -> Path:
    """TEI P5 tei_all.rng (4.11.0), shipped with editio (tei/schema/README.md says where it comes from)."""
    return schema_dir() / "tei_all.rng"
