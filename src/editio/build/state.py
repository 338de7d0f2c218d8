"""What an incremental build remembers: `DIR/.editio-build.json`.

A document is up to date when the bytes of its source (and of every file it
XIncludes, if XInclude is on) hash the same as last time, the build's
fingerprint (editio version, the content of editio's `xslt/` and `templates/`,
the user's stylesheets and templates, every option) is the same, and every
output it wrote is still there with the bytes it wrote (an edited page is
written again). The state also keeps each document's
diagnostics and index entry, so an unchanged document reports the same
findings and appears in the index without being parsed again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from editio import __version__
from editio.core.diagnostics import Diagnostic, Severity
from editio.core.namespaces import XI_NS
from editio.core.resources import templates_dir, xslt_dir
from editio.core.write import read_inside, write_inside
from editio.load import xinclude
from editio.load.document import make_parser

STATE_NAME = ".editio-build.json"
STATE_VERSION = 2  # 2: the hash of every output


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


def fingerprint(
    options_repr: str, user_xslt: tuple[str, ...], user_templates: tuple[str, ...], schema: str | None
) -> str:
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


def xinclude_targets(source: Path, data: bytes) -> list[Path]:
    """The files `source` XIncludes, directly or through other included files.

    Only used to decide whether a document changed, so a problem simply ends
    the list: loading the document reports it.
    """
    if XI_NS.encode() not in data:
        return []
    try:
        root = etree.fromstring(data, make_parser(entities=False))
    except etree.XMLSyntaxError:
        return []
    return xinclude.closure(root, source.resolve(), lambda: make_parser(entities=False), str(source), strict=False)[0]


def diagnostic_to_json(d: Diagnostic) -> list:
    return [d.path, d.line, d.col, d.severity.value, d.message, d.code]


def diagnostic_from_json(item: list) -> Diagnostic:
    path, line, col, severity, message, code = item
    return Diagnostic(path, line, col, Severity(severity), message, code)


@dataclass
class DocumentRecord:
    """What the state remembers of one document that was built."""

    source: str  # as the user named it
    hash: str  # of its bytes
    included: dict[str, str | None]  # XIncluded file -> hash of its bytes
    outputs: list[str]  # files written, relative to the output folder
    hashes: dict[str, str]  # output -> hash of what was written
    diagnostics: list[Diagnostic] = field(default_factory=list)
    entry: dict | None = None  # its index entry

    def to_json(self) -> dict:
        data = dataclasses.asdict(self)
        data["diagnostics"] = [diagnostic_to_json(d) for d in self.diagnostics]
        return data

    @classmethod
    def from_json(cls, data) -> DocumentRecord | None:
        """The record, or None for anything malformed (the document is then rebuilt)."""
        try:
            record = cls(**{**data, "diagnostics": [diagnostic_from_json(d) for d in data["diagnostics"]]})
        except (TypeError, ValueError, KeyError):
            return None
        shapes = (record.source, str), (record.hash, str), (record.included, dict), (record.outputs, list)
        if not all(isinstance(value, kind) for value, kind in shapes) or not isinstance(record.hashes, dict):
            return None
        return record


class BuildState:
    """Per-document records, keyed by the source's absolute path."""

    def __init__(self, fingerprint: str, documents: dict[str, DocumentRecord] | None = None) -> None:
        self.fingerprint = fingerprint
        self.documents: dict[str, DocumentRecord] = documents or {}

    @classmethod
    def load(cls, out_dir: Path, fingerprint: str) -> BuildState:
        """The previous state, or an empty one if it is missing, unreadable or from other options."""
        try:
            data = json.loads(read_inside(out_dir, STATE_NAME) or b"")
        except ValueError:
            return cls(fingerprint)
        if not isinstance(data, dict) or data.get("fingerprint") != fingerprint:
            return cls(fingerprint)
        documents = data.get("documents")
        records = {}
        for key, item in (documents if isinstance(documents, dict) else {}).items():
            record = DocumentRecord.from_json(item) if isinstance(item, dict) else None
            if record is not None:
                records[key] = record
        return cls(fingerprint, records)

    def is_current(self, key: str, source_hash: str, included: dict[str, str | None], out_dir: Path) -> bool:
        record = self.documents.get(key)
        if record is None or record.hash != source_hash or record.included != included:
            return False
        for rel in record.outputs:
            data = read_inside(out_dir, rel)
            if data is None or hash_bytes(data) != record.hashes.get(rel):
                return False
        return True

    def save(self, out_dir: Path) -> None:
        documents = {key: record.to_json() for key, record in self.documents.items()}
        data = {"editio": __version__, "fingerprint": self.fingerprint, "documents": documents}
        # ASCII: a non-UTF-8 file name (surrogates in Python) round-trips as \udcXX.
        text = (json.dumps(data, ensure_ascii=True, indent=1, sort_keys=True) + "\n").encode("ascii")
        if read_inside(out_dir, STATE_NAME) == text:
            return  # a build that changed nothing touches nothing
        write_inside(out_dir, [(STATE_NAME, text)])
