"""Reading ISO Schematron for schematron.py: patterns, abstract patterns and rules,
lets, namespaces, diagnostics, and the rules embedded in a RelaxNG schema, compiled
once per process into `Schema` values that `schematron.run` evaluates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from elementpath.xpath31 import XPath31Parser
from lxml import etree

from editio.check.schematron.xpath import lxml_context, lxml_test, prefilter, requirements, rooted
from editio.core.diagnostics import Severity
from editio.core.namespaces import SCHEMATRON_NS as SCH
from editio.load.document import make_parser

_S = f"{{{SCH}}}"
_CURRENT = re.compile(r"\bcurrent\(\s*\)")
CURRENT_VAR = "editio-current"
_SEVERITY = {
    "error": Severity.ERROR,
    "fatal": Severity.ERROR,
    "warning": Severity.WARNING,
    "warn": Severity.WARNING,
    "info": Severity.INFO,
    "information": Severity.INFO,
}


class SchematronError(Exception):
    """A schema that cannot be compiled (not Schematron, bad XPath in a context...)."""


@dataclass
class Message:
    """Message text: strings, and ("value-of", expr) / ("name", expr or None) parts."""

    parts: list


@dataclass
class Check:
    report: bool  # sch:report (fires when true) or sch:assert (fires when false)
    test: object  # compiled XPath
    source: str
    severity: Severity
    message: Message
    ident: str | None
    fast: etree.XPath | None = None  # the test in lxml's C XPath, when both languages agree on it (lxml_test)


@dataclass
class Rule:
    context: str
    fast: etree.XPath | None  # the context as lxml XPath 1.0, when it can be
    slow: object  # the context as elementpath
    prefilter: etree.XPath | None  # lxml XPath for a superset of the matches (predicates dropped)
    lets: list[tuple[str, object]]
    checks: list[Check]
    uses_current: bool
    problem: str | None = None  # why it cannot run
    # Per union branch, the element and attributes a document must hold for the
    # context to match (schematron_xpath.requirements); None: no such shortcut.
    requirements: tuple | None = None


@dataclass
class Pattern:
    ident: str | None
    lets: list[tuple[str, object]]
    rules: list[Rule]


@dataclass
class Schema:
    source: str
    namespaces: dict[str, str]
    lets: list[tuple[str, object]]
    patterns: list[Pattern] = field(default_factory=list)

    @property
    def rule_count(self) -> int:
        return sum(len(p.rules) for p in self.patterns)


_compiled: dict[tuple[str, float], Schema | None] = {}


def compile_schematron(path: str | Path) -> Schema:
    """A standalone ISO Schematron file (root sch:schema), compiled once per process."""
    path = Path(path).resolve()
    key = (str(path), path.stat().st_mtime)
    if key not in _compiled:
        tree = _parse(path)
        root = tree.getroot()
        if root.tag != f"{_S}schema":
            raise SchematronError(f"{path.name}: root element is not an ISO Schematron <schema>")
        binding = (root.get("queryBinding") or "xslt").lower()
        if binding not in ("xslt", "xslt1", "xpath", "xslt2", "xslt3", "xpath2", "xpath3", "xpath31"):
            raise SchematronError(f"{path.name}: queryBinding '{binding}' is not supported")
        _compiled[key] = _compile(root, str(path))
    schema = _compiled[key]
    assert schema is not None
    return schema


def resolved_path(path: str | Path) -> Path:
    """Path.resolve(), remembered for absolute paths (schemas are looked up for every
    document of a build; a relative path depends on the working folder: not kept)."""
    path = Path(path)
    return _resolved_absolute(str(path)) if path.is_absolute() else path.resolve()


@lru_cache(maxsize=256)
def _resolved_absolute(path: str) -> Path:
    return Path(path).resolve()


def embedded_rules(rng_path: str | Path) -> Schema | None:
    """The sch:pattern elements a RelaxNG schema carries (TEI ODD output), or None if it has none."""
    path = resolved_path(rng_path)
    key = (str(path), path.stat().st_mtime)
    if key not in _compiled:
        root = _parse(path).getroot()
        _compiled[key] = _compile(root, str(path)) if root.find(f".//{_S}pattern") is not None else None
    return _compiled[key]


def _parse(path: Path) -> etree._ElementTree:
    try:
        # From bytes: the safe parser's resolver would refuse the file's own URL.
        return etree.fromstring(path.read_bytes(), make_parser(), base_url=path.as_uri()).getroottree()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise SchematronError(f"{path.name}: {exc}") from exc


def _compile(root: etree._Element, source: str) -> Schema:
    namespaces = {n.get("prefix"): n.get("uri") for n in root.iter(f"{_S}ns") if n.get("prefix")}
    namespaces.setdefault("xml", "http://www.w3.org/XML/1998/namespace")
    parser = XPath31Parser(namespaces=namespaces)
    compiler = _Compiler(parser, namespaces, source)
    abstract_rules = {r.get("id"): r for r in root.iter(f"{_S}rule") if r.get("abstract") == "true"}
    abstract_patterns = {p.get("id"): p for p in root.iter(f"{_S}pattern") if p.get("abstract") == "true"}
    diagnostics = {d.get("id"): d for d in root.iter(f"{_S}diagnostic") if d.get("id")}
    compiler.abstract_rules, compiler.diagnostics = abstract_rules, diagnostics
    # Only schema-level lets are global (lets inside patterns and rules are theirs).
    global_lets = [el for el in root if el.tag == f"{_S}let"] if root.tag == f"{_S}schema" else []
    schema = Schema(source, namespaces, [compiler.let(el, {}) for el in global_lets])
    for pattern in root.iter(f"{_S}pattern"):
        if pattern.get("abstract") == "true":
            continue
        params: dict[str, str] = {}
        body = pattern
        if pattern.get("is-a"):
            body = abstract_patterns.get(pattern.get("is-a"))
            if body is None:
                raise SchematronError(f"pattern is-a '{pattern.get('is-a')}': no such abstract pattern")
            params = {p.get("name"): p.get("value", "") for p in pattern.iter(f"{_S}param")}
        schema.patterns.append(compiler.pattern(body, params, pattern.get("id")))
    return schema


class _Compiler:
    def __init__(self, parser, namespaces: dict[str, str], source: str):
        self.parser = parser
        self.namespaces = namespaces
        self.source = source
        self.abstract_rules: dict = {}
        self.diagnostics: dict = {}

    def xpath(self, expr: str, params: dict[str, str]):
        for name, value in params.items():
            expr = re.sub(rf"\${re.escape(name)}\b", lambda _m, value=value: value, expr)
        return self.parser.parse(_CURRENT.sub(f"${CURRENT_VAR}", expr))

    def let(self, el, params):
        return (el.get("name"), self.xpath(el.get("value") or ".", params))

    def pattern(self, el, params, ident):
        lets = [self.let(x, params) for x in el if x.tag == f"{_S}let"]
        rules = [self.rule(r, params) for r in el if r.tag == f"{_S}rule" and r.get("abstract") != "true"]
        return Pattern(ident or el.get("id"), lets, rules)

    def rule(self, el, params) -> Rule:
        context = el.get("context") or ""
        for name, value in params.items():
            context = re.sub(rf"\${re.escape(name)}\b", lambda _m, value=value: value, context)
        body = list(el)
        for ext in el.iter(f"{_S}extends"):
            base = self.abstract_rules.get(ext.get("rule"))
            if base is None:
                raise SchematronError(f"rule extends '{ext.get('rule')}': no such abstract rule")
            body.extend(base)
        lets, checks, problem = [], [], None
        try:
            slow = self.xpath(rooted(context) or f"//({context})", params)
            for child in body:
                if child.tag == f"{_S}let":
                    lets.append(self.let(child, params))
                elif child.tag in (f"{_S}assert", f"{_S}report"):
                    checks.append(self.check(child, params))
        except Exception as exc:  # elementpath raises many kinds; the rule is then reported, not run
            slow, problem = None, f"{type(exc).__name__}: {exc}"
        uses_current = "current(" in etree.tostring(el, encoding="unicode")
        return Rule(
            context,
            lxml_context(context, self.namespaces),
            slow,
            prefilter(context, self.namespaces),
            lets,
            checks,
            uses_current,
            problem,
            requirements(context, self.namespaces),
        )

    def check(self, el, params) -> Check:
        message = self.message(el, params)
        for ref in (el.get("diagnostics") or "").split():
            if ref in self.diagnostics:
                message.parts.append(" ")
                message.parts.extend(self.message(self.diagnostics[ref], params).parts)
        role = (el.get("role") or "").lower()
        test = el.get("test") or "true()"
        for name, value in params.items():
            test = re.sub(rf"\${re.escape(name)}\b", lambda _m, value=value: value, test)
        return Check(
            el.tag == f"{_S}report",
            self.xpath(el.get("test") or "true()", params),
            el.get("test") or "",
            _SEVERITY.get(role, Severity.ERROR),
            message,
            el.get("id"),
            lxml_test(test, self.namespaces),
        )

    def message(self, el, params) -> Message:
        parts: list = [el.text or ""]
        for child in el:
            if child.tag == f"{_S}value-of":
                parts.append(("value-of", self.xpath(child.get("select") or ".", params)))
            elif child.tag == f"{_S}name":
                parts.append(("name", self.xpath(child.get("path"), params) if child.get("path") else None))
            elif isinstance(child.tag, str):  # emph, dir, span, foreign markup: their text
                parts.append("".join(child.itertext()))
            parts.append(child.tail or "")
        return Message(parts)
