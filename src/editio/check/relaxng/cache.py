"""The simplified grammar, kept in the schema cache folder between runs.

Simplifying tei_all takes ~0.3 s; loading the result ~20 ms. An entry is
found by the content of the grammar's main file, editio's version and the
code of the simplifier, and trusted only when every file the grammar was read
from still has the content recorded in the entry's manifest and the stored
grammar still has its own recorded hash. Anything else (stale, truncated,
edited by hand, another editio) is rebuilt, never used.

A grammar the simplifier does not handle is recorded as such (`grammar`:
null): the caller compiles the original, as editio always did.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import os
from pathlib import Path

from lxml import etree

from editio import __version__
from editio.check.relaxng.patterns import RNG
from editio.check.relaxng.simplify import SimplifyError, simplify

FORMAT = 3  # of the simplified grammar and this cache's layout
# The modules that write the simplified grammar: an entry made by other code is stale.
_WRITERS = ("simplify.py", "inline.py", "patterns.py", "libxml2.py")
GRAMMAR = "grammar.rng"
MANIFEST = "manifest.json"


def relaxng(path: Path, folder: Path, names: frozenset | None = None) -> etree.RelaxNG | None:
    """libxml2's compiled form of the simplified grammar, or None (use the original).

    `names`: compile the content of these elements only (those of the one
    document to check): any other element's content becomes notAllowed, which
    changes nothing for a document without them, and libxml2 compiles tei_all
    in a tenth of the time."""
    tree = simplified(path, folder)
    if tree is None:
        return None
    if names is not None:
        tree = _for_elements(tree, names)
    try:
        return etree.RelaxNG(tree)
    except etree.RelaxNGParseError:
        return None  # the original will say what is wrong with it


def _for_elements(tree, names: frozenset):
    tree = copy.deepcopy(tree)
    for define in tree.getroot().iterchildren(f"{{{RNG}}}define"):
        element = define[0]
        # (an element with a name class, <anyName/>..., keeps its content)
        if element.tag == f"{{{RNG}}}element" and element.get("name") is not None and element.get("name") not in names:
            for part in list(element):
                element.remove(part)
            etree.SubElement(element, f"{{{RNG}}}notAllowed")
    return tree


def simplified(path: Path, folder: Path) -> etree._ElementTree | None:
    path = Path(path).resolve()
    main = _digest(path.read_bytes())
    entry = folder / "relaxng" / _digest(f"{__version__}\0{FORMAT}\0{_code()}\0{main}".encode())[:24]
    found = _load(entry, path, main)
    if found is not None:
        return found[0]
    try:
        result = simplify(path)
    except (SimplifyError, RecursionError) as exc:
        _store(entry, path, main, {}, None, str(exc) or type(exc).__name__)
        return None
    data = etree.tostring(result.tree, xml_declaration=True, encoding="UTF-8")
    files = {_relative(f, path): _digest(f.read_bytes()) for f in result.files[1:]}
    _store(entry, path, main, files, data, "")
    return result.tree


def _load(entry: Path, path: Path, main: str):
    """(tree or None,) from a trustworthy entry; None when there is none."""
    try:
        manifest = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))
        if (manifest.get("editio"), manifest.get("format"), manifest.get("code"), manifest.get("main")) != (
            __version__,
            FORMAT,
            _code(),
            main,
        ):
            return None
        for name, digest in manifest["files"].items():
            if _digest((path.parent / name).read_bytes()) != digest:
                return None
        if manifest["grammar"] is None:
            return (None,)
        data = (entry / GRAMMAR).read_bytes()
        if _digest(data) != manifest["grammar"]:
            return None
        parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False, huge_tree=True)
        return (etree.fromstring(data, parser).getroottree(),)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, etree.XMLSyntaxError):
        return None


def _store(entry: Path, path: Path, main: str, files: dict, data: bytes | None, reason: str) -> None:
    """Best effort: a cache folder that cannot be written only costs the next run time."""
    from editio.core.write import write_atomic

    manifest = {
        "editio": __version__,
        "format": FORMAT,
        "code": _code(),
        "main": main,
        "source": str(path),
        "files": files,
        "grammar": _digest(data) if data is not None else None,
        "reason": reason,
    }
    try:
        if data is not None:
            write_atomic(entry / GRAMMAR, data)
        # The manifest last: it vouches for the grammar written before it.
        write_atomic(entry / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    except OSError:
        pass


@functools.cache
def _code() -> str:
    here = Path(__file__).parent
    try:
        return _digest(b"".join((here / name).read_bytes() for name in _WRITERS))
    except OSError:  # installed without sources: the version says it
        return ""


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _relative(file: Path, main: Path) -> str:
    return os.path.relpath(file, main.parent)
