"""Secure loading of TEI documents: the one entry point every command uses.

Safe by default: no network, no DTD loading, no external entities, libxml2's
entity-amplification guard on (huge_tree off unless asked), XInclude only on
request and only inside the document's folder tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from editio.diagnostics import Diagnostic, error

TEI_NS = "http://www.tei-c.org/ns/1.0"
XI_NS = "http://www.w3.org/2001/XInclude"
TEI_ROOTS = {f"{{{TEI_NS}}}TEI", f"{{{TEI_NS}}}teiCorpus"}


@dataclass(frozen=True)
class LoadOptions:
    xinclude: bool = False
    huge: bool = False
    require_tei: bool = True


@dataclass
class Document:
    """A parsed source, or the diagnostics that say why it could not be."""

    path: Path
    tree: etree._ElementTree | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.tree is not None


class _RefuseEverything(etree.Resolver):
    """Any URL libxml2 would fetch (DTD, entity, XInclude) resolves to nothing."""

    def resolve(self, url, pubid, context):
        return self.resolve_string("", context)


def make_parser(huge: bool = False) -> etree.XMLParser:
    parser = etree.XMLParser(
        resolve_entities="internal",
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=huge,
        remove_comments=False,
        remove_pis=False,
        strip_cdata=True,
    )
    parser.resolvers.add(_RefuseEverything())
    return parser


def load(path: str | Path, options: LoadOptions = LoadOptions()) -> Document:
    path = Path(path)
    shown = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Document(path, None, [error(shown, 0, 0, f"cannot read file: {exc.strerror or exc}", "io.read")])
    return parse_bytes(data, path, options)


def parse_bytes(data: bytes, path: Path, options: LoadOptions = LoadOptions()) -> Document:
    shown = str(path)
    problem = _refuse_before_parsing(data, shown)
    if problem:
        return Document(path, None, [problem])
    parser = make_parser(options.huge)
    try:
        root = etree.fromstring(data, parser, base_url=path.resolve().as_uri())
    except etree.XMLSyntaxError as exc:
        return Document(path, None, _syntax_diagnostics(exc, parser, shown))
    tree = root.getroottree()
    problems = _refuse_after_parsing(tree, shown)
    if not problems and options.xinclude:
        problems = _expand_xincludes(tree, path, shown)
    if not problems and options.require_tei:
        problems = _check_root(tree.getroot(), shown)
    if problems:
        return Document(path, None, problems)
    return Document(path, tree)


def _refuse_before_parsing(data: bytes, shown: str) -> Diagnostic | None:
    if not data.strip():
        return error(shown, 1, 1, "the file is empty", "xml.empty")
    head = data[:4096]
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in head and not utf16:
        return error(shown, 1, 1, "the file is binary, not XML text", "xml.binary")
    return None


def _syntax_diagnostics(exc: etree.XMLSyntaxError, parser, shown: str) -> list[Diagnostic]:
    found = []
    for entry in parser.error_log:
        if entry.level_name in ("ERROR", "FATAL"):
            found.append(error(shown, entry.line, entry.column, entry.message.strip(), _syntax_code(entry.message)))
    if not found:
        line, col = getattr(exc, "position", (exc.lineno or 0, 0))
        found.append(error(shown, line, col, str(exc.msg if hasattr(exc, "msg") else exc), _syntax_code(str(exc))))
    # libxml2 repeats the same complaint as it recovers; report each place once.
    unique, seen = [], set()
    for d in found:
        key = (d.line, d.col, d.message)
        if key not in seen:
            seen.add(key)
            unique.append(d)
    return unique


def _syntax_code(message: str) -> str:
    lowered = message.lower()
    if "amplification" in lowered or "entity loop" in lowered or "huge" in lowered:
        return "xml.entity-expansion"
    if "encoding" in lowered or "utf-8" in lowered or "bytes" in lowered and "char" in lowered:
        return "xml.encoding"
    return "xml.syntax"


def _refuse_after_parsing(tree: etree._ElementTree, shown: str) -> list[Diagnostic]:
    problems = []
    docinfo = tree.docinfo
    if docinfo.system_url or docinfo.public_id:
        problems.append(error(
            shown, 1, 1,
            f"external DTD '{docinfo.system_url or docinfo.public_id}' refused: editio never loads DTDs",
            "xml.external-dtd",
        ))
    dtd = docinfo.internalDTD
    if dtd is not None:
        for entity in dtd.iterentities():
            if entity.system_url:
                problems.append(error(
                    shown, 1, 1,
                    f"external entity '{entity.name}' ({entity.system_url}) refused: editio never reads external entities",
                    "xml.external-entity",
                ))
    return problems


def _check_root(root, shown: str) -> list[Diagnostic]:
    if root.tag in TEI_ROOTS:
        return []
    line = root.sourceline or 1
    if root.tag == "TEI.2":
        return [error(
            shown, line, 1,
            "this is TEI P4 (root TEI.2), not TEI P5: convert it first, e.g. with the TEI "
            "Stylesheets' p4top5.xsl (https://github.com/TEIC/Stylesheets/tree/released/profiles/default/p4)",
            "tei.p4",
        )]
    name = etree.QName(root).localname if isinstance(root.tag, str) else str(root.tag)
    ns = etree.QName(root).namespace if isinstance(root.tag, str) else None
    where = f" in namespace {ns}" if ns else " in no namespace"
    return [error(
        shown, line, 1,
        f"root element <{name}>{where} is not a TEI P5 document (expected <TEI> or <teiCorpus> in {TEI_NS})",
        "tei.root",
    )]


def _expand_xincludes(tree, path: Path, shown: str) -> list[Diagnostic]:
    """Expand XIncludes, but only of files inside the document's folder tree."""
    folder = path.resolve().parent
    for _round in range(20):
        includes = list(tree.iter(f"{{{XI_NS}}}include"))
        if not includes:
            return []
        for inc in includes:
            href = inc.get("href", "")
            base = Path(inc.base.removeprefix("file://")) if inc.base else path.resolve()
            target = (base.parent / href).resolve() if href else None
            if target is None or not target.is_relative_to(folder):
                return [error(shown, inc.sourceline, 1,
                              f"XInclude of '{href}' refused: only files inside {folder} may be included",
                              "xml.xinclude-outside")]
        try:
            tree.xinclude()
        except etree.XIncludeError as exc:
            return [error(shown, 1, 1, f"XInclude failed: {exc}", "xml.xinclude")]
    return [error(shown, 1, 1, "XInclude nesting too deep (a loop?)", "xml.xinclude")]
