"""What `editio serve` watches, and what a change means for the next build.

Watched: the sources (`*.xml` under a source folder, or the files named), the
files they XInclude (from the build state, `build/state.py`), the schemas their
`<?xml-model?>` and `--schema` name, the user's stylesheets (the folder of
each `--xslt`, as the build's fingerprint counts it) and templates, and
editio's own `xslt/` and `templates/` (they change in an editable install).
The build folder is never watched: the build writes there.

A change of kind `stylesheet` drops the compiled stylesheets (they are kept
compiled between builds, keyed by path); `template` drops the template
environments; `schema` rebuilds every document, since a document's own schema
is not part of the build's fingerprint. Compiled schemas are keyed by their
file's mtime and recompile by themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from editio.core.resources import templates_dir, xslt_dir

STYLESHEET_SUFFIXES = (".xsl", ".xslt", ".xml")
_XML_MODEL = re.compile(rb"<\?xml-model\s([^?]*)\?>")
_HREF = re.compile(rb"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')""")


@dataclass(frozen=True)
class WatchSet:
    out_dir: Path
    source_dirs: tuple[Path, ...] = ()
    files: frozenset[Path] = frozenset()  # sources named one by one, XInclude targets
    schemas: frozenset[Path] = frozenset()
    stylesheet_dirs: tuple[Path, ...] = ()
    template_dirs: tuple[Path, ...] = ()

    def roots(self) -> tuple[Path, ...]:
        """The folders to watch (recursively), none inside another, only existing ones."""
        wanted = {
            *self.source_dirs,
            *self.stylesheet_dirs,
            *self.template_dirs,
            *(f.parent for f in self.files),
            *(s.parent for s in self.schemas),
        }
        existing = sorted(p for p in wanted if p.is_dir())
        roots: list[Path] = []
        for path in existing:
            if not any(path.is_relative_to(r) for r in roots):
                roots.append(path)
        return tuple(roots)

    def classify(self, name: str) -> str | None:
        """`source`, `schema`, `stylesheet`, `template`, or None for a change that does not matter."""
        path = Path(name)
        if path.is_relative_to(self.out_dir):
            return None
        if path in self.schemas:
            return "schema"
        if path.name.startswith(".") or path.name.endswith("~"):
            return None  # editors' swap and backup files
        if path.suffix.lower() in STYLESHEET_SUFFIXES and _under(path, self.stylesheet_dirs):
            return "stylesheet"
        if _under(path, self.template_dirs):
            return "template"
        if path in self.files:
            return "source"
        for folder in self.source_dirs:
            if path.is_relative_to(folder):
                rel = path.relative_to(folder).parts
                if any(part.startswith(".") for part in rel):
                    return None  # the build skips hidden folders too
                # A folder (no suffix) may have been removed or renamed with its documents.
                if path.suffix.lower() in (".xml", ""):
                    return "source"
        return None


def _under(path: Path, folders: tuple[Path, ...]) -> bool:
    return any(path.is_relative_to(f) for f in folders)


def watch_set(
    paths: list[Path],
    out_dir: Path,
    included: set[str],
    schemas: set[Path],
    user_xslt: tuple[str, ...],
    user_templates: tuple[str, ...],
    schema: str | None,
) -> WatchSet:
    source_dirs, files = [], set()
    for given in paths:
        resolved = Path(given).resolve()
        (source_dirs.append(resolved) if resolved.is_dir() else files.add(resolved))
    files.update(Path(p) for p in included)
    schema_files = set(schemas)
    if schema:
        schema_files.add(Path(schema).resolve())
    return WatchSet(
        out_dir=Path(out_dir).resolve(),
        source_dirs=tuple(source_dirs),
        files=frozenset(files),
        schemas=frozenset(schema_files),
        stylesheet_dirs=tuple(sorted({Path(x).resolve().parent for x in user_xslt} | {xslt_dir().resolve()})),
        template_dirs=tuple(sorted({Path(t).resolve() for t in user_templates} | {templates_dir().resolve()})),
    )


def declared_schemas(source: Path, head_bytes: int = 16384) -> set[Path]:
    """The local files a document's `<?xml-model?>` instructions name (a URL: its cached copy)."""
    try:
        with open(source, "rb") as fh:
            head = fh.read(head_bytes)
    except OSError:
        return set()
    found = set()
    for model in _XML_MODEL.finditer(head):
        href = _HREF.search(model.group(1))
        if not href:
            continue
        value = (href.group(1) if href.group(1) is not None else href.group(2)).decode("utf-8", "replace")
        if "://" in value:
            from editio.check.schemas import lookup_cached

            local = lookup_cached(value)
            if local is not None:
                found.add(Path(local).resolve())
        elif value:
            found.add((source.resolve().parent / value).resolve())
    return found


def forget_compiled(kinds: set[str]) -> None:
    """Drop what the process keeps compiled that a change of these kinds makes stale."""
    if "stylesheet" in kinds:
        from editio.render import transform

        transform.forget_compiled()
    if "template" in kinds:
        from editio.render import page

        page.environment.cache_clear()
