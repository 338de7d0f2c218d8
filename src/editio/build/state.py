"""What an incremental build remembers: `DIR/.editio-build.json`.

A document is up to date when the bytes of its source (and of every file it
XIncludes, if XInclude is on) hash the same as last time, the build's
fingerprint (editio version, the content of editio's `xslt/` and `templates/`,
the user's stylesheets and templates, every option) is the same, and every
output it wrote is still there. The state also keeps each document's
diagnostics and index entry, so an unchanged document reports the same
findings and appears in the index without being parsed again.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from lxml import etree

from editio import __version__
from editio.core.diagnostics import Diagnostic, Severity
from editio.load.document import make_parser
from editio.core.namespaces import XI_NS
from editio.core.resources import templates_dir, xslt_dir
from editio.core.write import write_atomic

STATE_NAME = ".editio-build.json"
STATE_VERSION = 1


def hash_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def hash_file(path: Path) -> str | None:
    try:
        return hash_bytes(path.read_bytes())
    except OSError:
        return None


def hash_tree(folder: Path, suffixes: tuple[str, ...] = ()) -> str:
    """One hash for the names and contents of every file below `folder`."""
    digest = hashlib.sha256()
    if folder.is_file():
        files = [folder]
        folder = folder.parent
    elif folder.is_dir():
        files = sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    else:
        files = []
    for path in files:
        if suffixes and path.suffix.lower() not in suffixes:
            continue
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def fingerprint(options_repr: str, user_xslt: tuple[str, ...], user_templates: tuple[str, ...],
                schema: str | None) -> str:
    """Everything besides the sources that decides what a build writes and reports."""
    parts = [
        f"editio {__version__}",
        f"state {STATE_VERSION}",
        options_repr,
        "xslt " + hash_tree(xslt_dir()),
        "templates " + hash_tree(templates_dir()),
    ]
    for path in user_xslt:
        # A user stylesheet may include its neighbours: hash the stylesheets of its folder.
        parts.append("user-xslt " + path + " " + hash_tree(Path(path).resolve().parent, (".xsl", ".xslt", ".xml")))
    for path in user_templates:
        parts.append("user-templates " + path + " " + hash_tree(Path(path)))
    if schema:
        parts.append("schema " + str(hash_file(Path(schema))))
    return hash_bytes("\n".join(parts).encode())


def xinclude_targets(source: Path, data: bytes, limit: int = 200) -> list[Path]:
    """The files `source` XIncludes, directly or through other included files.

    Only used to decide whether a document changed, so anything unreadable is
    simply left out: loading the document reports the real problem.
    """
    if XI_NS.encode() not in data:
        return []
    found: list[Path] = []
    pending = [(source, data)]
    seen = {source.resolve()}
    while pending and len(found) < limit:
        path, content = pending.pop()
        if XI_NS.encode() not in content:
            continue
        try:
            root = etree.fromstring(content, make_parser())
        except etree.XMLSyntaxError:
            continue
        for inc in root.iter(f"{{{XI_NS}}}include"):
            href = inc.get("href")
            if not href or "://" in href:
                continue
            target = (path.resolve().parent / href).resolve()
            if target in seen or not target.is_file():
                continue
            seen.add(target)
            found.append(target)
            try:
                pending.append((target, target.read_bytes()))
            except OSError:
                pass
    return sorted(found)


def diagnostic_to_json(d: Diagnostic) -> list:
    return [d.path, d.line, d.col, d.severity.value, d.message, d.code]


def diagnostic_from_json(item: list) -> Diagnostic:
    path, line, col, severity, message, code = item
    return Diagnostic(path, line, col, Severity(severity), message, code)


class BuildState:
    """Per-document records, keyed by the source's absolute path."""

    def __init__(self, fingerprint: str, documents: dict | None = None) -> None:
        self.fingerprint = fingerprint
        self.documents: dict[str, dict] = documents or {}

    @classmethod
    def load(cls, out_dir: Path, fingerprint: str) -> "BuildState":
        """The previous state, or an empty one if it is missing, unreadable or from other options."""
        try:
            data = json.loads((out_dir / STATE_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(fingerprint)
        if not isinstance(data, dict) or data.get("fingerprint") != fingerprint:
            return cls(fingerprint)
        documents = data.get("documents")
        return cls(fingerprint, documents if isinstance(documents, dict) else {})

    def is_current(self, key: str, source_hash: str, included: dict[str, str | None], out_dir: Path) -> bool:
        record = self.documents.get(key)
        if not record or record.get("hash") != source_hash:
            return False
        if record.get("included", {}) != included:
            return False
        return all((out_dir / rel).is_file() for rel in record.get("outputs", []))

    def save(self, out_dir: Path) -> None:
        data = {"editio": __version__, "fingerprint": self.fingerprint, "documents": self.documents}
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        target = out_dir / STATE_NAME
        try:
            if target.read_text(encoding="utf-8") == text:
                return  # a build that changed nothing touches nothing
        except (OSError, ValueError):
            pass
        write_atomic(target, text)
