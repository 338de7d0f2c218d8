"""Run editio's XSLT 1.0 stylesheets (libxslt through lxml), compiled once per process.

Stylesheets report what they cannot render with `xsl:message`, in the form
`editio:<code>|<line>|<message>`; those become diagnostics here.
A user stylesheet imports ours as `editio:html.xsl` (or any path below xslt/),
a URI that works wherever editio is installed.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lxml import etree

from editio.contract import EDITIO_NS
from editio.core.diagnostics import Diagnostic, Severity
from editio.core.diagnostics import Diagnostic as _D
from editio.core.resources import xslt_dir
from editio.render import catalogue

MESSAGE_PREFIX = "editio:"


class _EditioScheme(etree.Resolver):
    """Resolves `editio:NAME` to editio's own stylesheet folder."""

    def resolve(self, url, pubid, context):
        if url and url.startswith("editio:"):
            target = xslt_dir() / url[len("editio:") :].lstrip("/")
            return self.resolve_filename(str(target), context)
        return None


def _source_line(_context, nodes):
    """editio:line(node): the source line of a node, for diagnostics."""
    if nodes:
        node = nodes[0]
        line = getattr(node, "sourceline", None)
        if line is None and hasattr(node, "getparent"):
            parent = node.getparent()
            line = parent.sourceline if parent is not None else None
        return float(line or 0)
    return 0.0


_EXTENSIONS = {(EDITIO_NS, "line"): _source_line}


def _stylesheet_parser() -> etree.XMLParser:
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    parser.resolvers.add(_EditioScheme())
    return parser


@lru_cache(maxsize=1)
def _catalogue_param():
    return etree.XSLT.strparam(catalogue.table())


@lru_cache(maxsize=32)
def compile_stylesheet(path: str) -> etree.XSLT:
    """Compile once per process; the compiled form is reused for every document."""
    parser = _stylesheet_parser()
    doc = etree.parse(path, parser)
    access = etree.XSLTAccessControl.DENY_WRITE
    return etree.XSLT(doc, access_control=access, extensions=_EXTENSIONS)


def forget_compiled() -> None:
    """Drop the compiled stylesheets and the catalogue table: for a process that outlives a change
    of the stylesheet files (editio serve); they are compiled again when next used."""
    compile_stylesheet.cache_clear()
    _catalogue_param.cache_clear()
    catalogue.table.cache_clear()


def stylesheet_path(entry: str, user_xslt: str | Path | None = None) -> str:
    if user_xslt:
        return str(Path(user_xslt).resolve())
    return str(xslt_dir() / entry)


def run(tree, entry: str, params: dict[str, str] | None = None, *, source: str, user_xslt: str | Path | None = None):
    """Transform `tree`; return (result tree, diagnostics)."""
    xslt = compile_stylesheet(stylesheet_path(entry, user_xslt))
    quoted = {k: etree.XSLT.strparam(str(v)) for k, v in (params or {}).items()}
    quoted.setdefault("catalogue-table", _catalogue_param())
    result = xslt(tree, **quoted)
    return result, messages_to_diagnostics(xslt.error_log, source)


def messages_to_diagnostics(log, source: str) -> list[Diagnostic]:
    found = []
    for entry in log:
        text = (entry.message or "").strip()
        if not text.startswith(MESSAGE_PREFIX):
            if entry.level_name in ("ERROR", "FATAL"):
                found.append(_D(source, 0, 0, Severity.ERROR, f"stylesheet: {text}", "xslt.error"))
            continue
        code, _, rest = text[len(MESSAGE_PREFIX) :].partition("|")
        line, _, message = rest.partition("|")
        # the code says the severity: NAME.info, NAME.error (a document that cannot be
        # published as it is), else a warning
        severity = (
            Severity.INFO if code.endswith(".info") else Severity.ERROR if code.endswith(".error") else Severity.WARNING
        )
        found.append(_D(source, int(float(line or 0)), 0, severity, message, f"xslt.{code}"))
    return found
