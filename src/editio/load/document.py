"""Secure loading of TEI documents: the one entry point every command uses.

Safe by default: no network, no DTD loading, no external entities, libxml2's
entity-amplification guard on (it holds even with huge_tree, which is off
unless asked), XInclude only on request and only inside one folder tree (the
document's folder, or the root the user names: `--xinclude-root`).

A document is parsed once with entity references kept as nodes (the scout
pass), so its internal DTD can be inspected before anything is expanded:
external entities are refused with the place they are declared. A DOCTYPE
that names an external DTD (SYSTEM or PUBLIC) is parsed without it, with a
warning; only a reference to an entity that the internal subset does not
declare (so only that DTD could) refuses the document, at the reference.
Only a document that declares internal entities is parsed a second time,
with those entities expanded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from editio.core.diagnostics import Diagnostic, error, unique, warning
from editio.core.namespaces import (
    TEI_NS,
    XI_NS,  # noqa: F401  (re-exported)
)
from editio.load import xinclude
from editio.load.encoding import looks_like_utf8, refuse_before_parsing

TEI_ROOTS = {f"{{{TEI_NS}}}TEI", f"{{{TEI_NS}}}teiCorpus"}
P4_HELP = (
    "convert it to P5 first, e.g. with the TEI Stylesheets' p4top5.xsl "
    "(https://github.com/TEIC/Stylesheets/tree/released/profiles/default/p4)"
)


@dataclass(frozen=True)
class LoadOptions:
    xinclude: bool = False
    huge: bool = False
    # XIncludes may reach files inside this folder (None: the document's folder).
    xinclude_root: str | None = None


@dataclass
class Document:
    """A parsed source, or the diagnostics that say why it could not be."""

    path: Path
    tree: etree._ElementTree | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # What later stages derive from the tree once and share (the source text the
    # editions are checked against, by view): not part of the document's value.
    derived: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.tree is not None


class _Gate(etree.Resolver):
    """Every URL libxml2 would fetch resolves to nothing, except the files
    editio has checked and allowed (XInclude targets inside the folder)."""

    def __init__(self, allowed: set[Path] | None = None):
        super().__init__()
        self.allowed = allowed if allowed is not None else set()

    def resolve(self, url, pubid, context):
        target = xinclude.local_path(url)
        if target is not None and target in self.allowed:
            return self.resolve_filename(str(target), context)
        return self.resolve_string("", context)


def make_parser(huge: bool = False, entities: bool = True, allowed: set[Path] | None = None) -> etree.XMLParser:
    """The only parser editio uses on sources. `entities=False` keeps entity
    references as nodes (the scout pass); True expands internal ones only."""
    parser = etree.XMLParser(
        resolve_entities="internal" if entities else False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=huge,
        remove_comments=False,
        remove_pis=False,
        strip_cdata=True,
        # Duplicate xml:ids are the integrity rules' to report (integrity.id),
        # with every other problem of the file; as a parse error they would
        # hide the whole document, and wrongly so inside egXML examples.
        collect_ids=False,
    )
    parser.resolvers.add(_Gate(allowed))
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
    problem = refuse_before_parsing(data, shown)
    if problem:
        return Document(path, None, [problem])
    resolved = path.resolve()
    url = resolved.as_uri()
    allowed: set[Path] = set()
    scout = make_parser(options.huge, entities=False, allowed=allowed)
    try:
        root = etree.fromstring(data, scout, base_url=url)
    except etree.XMLSyntaxError as exc:
        return Document(path, None, _syntax_diagnostics(exc, scout, shown, url, data, options.huge))
    tree = root.getroottree()
    problems, notes = _refuse_after_parsing(tree, shown, data)
    if problems:
        return Document(path, None, problems)
    if _declares_entities(tree):
        parser = make_parser(options.huge, entities=True, allowed=allowed)
        try:
            tree = etree.fromstring(data, parser, base_url=url).getroottree()
        except etree.XMLSyntaxError as exc:
            return Document(path, None, _syntax_diagnostics(exc, parser, shown, url, data, options.huge))
    # Before XInclude: a P4 or non-TEI file is refused without opening anything else.
    problems = _check_root(tree.getroot(), shown)
    if not problems and options.xinclude:
        root_dir = Path(options.xinclude_root).resolve() if options.xinclude_root else resolved.parent
        problems = xinclude.expand(
            tree,
            resolved,
            shown,
            allowed,
            lambda: make_parser(options.huge, entities=False),
            root_dir,
            named=bool(options.xinclude_root),
        )
    if problems:
        return Document(path, None, problems)
    return Document(path, tree, [*notes, *looks_like_utf8(data, tree.docinfo.encoding, shown)])


# --- before parsing: bytes that are not XML text ---------------------------


def _syntax_diagnostics(exc, parser, shown: str, url: str, data: bytes, huge: bool = False) -> list[Diagnostic]:
    found = []
    for entry in parser.error_log:
        if entry.level_name not in ("ERROR", "FATAL"):
            continue
        code, message = _classify(entry.type_name, entry.message.strip(), huge)
        line, col = entry.line, entry.column
        if entry.filename != url:
            # Raised inside an entity's replacement text: point at the first
            # reference in the document instead of a line of that text.
            line, col = _first_entity_reference(data) or (line, col)
        found.append(error(shown, line, col, message, code))
    if not found:
        line, col = getattr(exc, "position", (exc.lineno or 0, 0))
        code, message = _classify("", str(getattr(exc, "msg", exc)), huge)
        found.append(error(shown, line, col, message, code))
    return unique(found)


_HUGE_HINT = re.compile(r",?\s*use XML_PARSE_HUGE option", re.IGNORECASE)


def _classify(type_name: str, message: str, huge: bool = False) -> tuple[str, str]:
    lowered = message.lower()
    if (
        "amplification" in lowered
        or "entity loop" in lowered
        or type_name in ("ERR_ENTITY_LOOP", "ERR_ENTITY_AMPLIFICATION")
    ):
        return "xml.entity-expansion", (
            "entity expansion refused: the entities would expand far beyond the file's size "
            f"(an entity bomb?) — libxml2: {message}"
        )
    if type_name == "DTD_ID_REDEFINED" or (lowered.startswith("id ") and "already defined" in lowered):
        # libxml2 treats xml:id as an ID: a duplicate stops the parse (the ids are link targets).
        return "xml.duplicate-id", f"{message}: every xml:id must be unique in a document"
    if type_name == "ERR_RESOURCE_LIMIT" or "xml_parse_huge" in lowered:
        message = _HUGE_HINT.sub("", message)  # libxml2's option, not editio's
        if huge:
            return "xml.limit", f"{message}: beyond what libxml2 allows, even with --huge"
        return "xml.limit", f"{message} (use --huge for a very large trusted document)"
    if "encoding" in type_name.lower() or "encoding" in lowered:
        return "xml.encoding", (f"{message}: the bytes are not in the declared encoding (UTF-8 if none is declared)")
    return "xml.syntax", message


# --- after the scout pass: the internal DTD ------------------------------------


def _refuse_after_parsing(
    tree: etree._ElementTree, shown: str, data: bytes
) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """(problems that refuse the document, warnings that do not)."""
    problems, notes = [], []
    docinfo = tree.docinfo
    text = None  # the source decoded, only to point at a problem
    dtd = docinfo.internalDTD
    if docinfo.system_url or docinfo.public_id:
        text = _text(data, docinfo.encoding)
        named = docinfo.system_url or docinfo.public_id
        needed = _undeclared_references(tree, dtd)
        if needed:
            problems += _needed_from_dtd(needed, named, text, shown)
        else:
            line, col = _locate(text, re.compile(r"<!DOCTYPE\b")) or (1, 1)
            notes.append(
                warning(
                    shown,
                    line,
                    col,
                    f"the DOCTYPE names the external DTD '{named}': parsed without it (editio never loads DTDs, so "
                    "default attribute values it may declare are not applied; check with --schema or <?xml-model?>)",
                    "xml.external-dtd",
                )
            )
    if dtd is not None:
        for entity in dtd.iterentities():
            if entity.system_url:
                text = text if text is not None else _text(data, docinfo.encoding)
                pattern = re.compile(r"<!ENTITY\s+(?:%\s+)?" + re.escape(entity.name) + r"\s")
                line, col = _locate(text, pattern) or (1, 1)
                problems.append(
                    error(
                        shown,
                        line,
                        col,
                        f"external entity '{entity.name}' ({entity.system_url}) refused: editio never reads "
                        "external entities",
                        "xml.external-entity",
                    )
                )
    return problems, notes


_PREDEFINED = {"lt", "gt", "amp", "apos", "quot"}
_DOCTYPE = re.compile(r"<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>", re.DOTALL)


def _undeclared_references(tree, dtd) -> dict[str, int]:
    """Entity references (kept as nodes by the scout pass) that the internal subset
    does not declare, by name, in document order: only the external DTD could."""
    declared = {e.name for e in dtd.iterentities()} if dtd is not None else set()
    found: dict[str, int] = {}
    for node in tree.getroot().iter(etree.Entity):
        name = node.name
        if name not in declared and name not in _PREDEFINED:
            found[name] = found.get(name, 0) + 1
    return found


def _needed_from_dtd(needed: dict[str, int], named: str, text: str, shown: str) -> list[Diagnostic]:
    # References inside the DOCTYPE do not count: search after its end.
    doctype = _DOCTYPE.search(text)
    start = doctype.end() if doctype else 0
    found = []
    for name, count in needed.items():
        line, col = _locate(text, re.compile("&" + re.escape(name) + ";"), start) or (1, 1)
        more = f" (and {count - 1} more reference(s))" if count > 1 else ""
        found.append(
            error(
                shown,
                line,
                col,
                f"entity '&{name};' is declared only in the external DTD '{named}', which editio does not load{more}: "
                f'declare it in the DOCTYPE\'s internal subset (<!ENTITY {name} "...">) or write the character itself',
                "xml.dtd-entity",
            )
        )
    return found


def _declares_entities(tree) -> bool:
    dtd = tree.docinfo.internalDTD
    return dtd is not None and any(True for _ in dtd.iterentities())


def _text(data: bytes, encoding: str | None) -> str:
    try:
        return data.decode(encoding or "utf-8", errors="replace").lstrip("\ufeff")
    except LookupError:
        return data.decode("latin-1")


def _locate(text: str, pattern: re.Pattern, start: int = 0) -> tuple[int, int] | None:
    match = pattern.search(text, start)
    if not match:
        return None
    pos = match.start()
    return text.count("\n", 0, pos) + 1, pos - text.rfind("\n", 0, pos)


_ENTITY_DECL = re.compile(r"<!ENTITY\s+([^\s%\"'>]+)\s")


def _first_entity_reference(data: bytes) -> tuple[int, int] | None:
    text = _text(data[:200_000], "utf-8")
    names = _ENTITY_DECL.findall(text)
    if not names:
        return None
    last_decl = max(m.end() for m in _ENTITY_DECL.finditer(text))
    ref = re.compile("&(?:" + "|".join(map(re.escape, names)) + ");")
    match = ref.search(text, text.find(">", text.find("]", last_decl)) + 1)
    if not match:
        return None
    pos = match.start()
    return text.count("\n", 0, pos) + 1, pos - text.rfind("\n", 0, pos)


# --- the root and XInclude -------------------------------------------------------


def _check_root(root, shown: str) -> list[Diagnostic]:
    if root.tag in TEI_ROOTS:
        return []
    line = root.sourceline or 1
    if root.tag == "TEI.2" or (isinstance(root.tag, str) and etree.QName(root).localname == "TEI.2"):
        return [error(shown, line, 1, f"this is TEI P4 (root <TEI.2>), not TEI P5: {P4_HELP}", "tei.p4")]
    name = etree.QName(root).localname if isinstance(root.tag, str) else str(root.tag)
    ns = etree.QName(root).namespace if isinstance(root.tag, str) else None
    if name in ("TEI", "teiCorpus") and not ns:
        return [
            error(
                shown,
                line,
                1,
                f'root <{name}> has no namespace: TEI P5 needs xmlns="{TEI_NS}" (if this is P4, {P4_HELP})',
                "tei.root",
            )
        ]
    where = f" in namespace {ns}" if ns else " in no namespace"
    return [
        error(
            shown,
            line,
            1,
            f"root element <{name}>{where} is not a TEI P5 document (expected <TEI> or <teiCorpus> in {TEI_NS})",
            "tei.root",
        )
    ]
