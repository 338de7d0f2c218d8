"""ISO Schematron, with XPath 2/3 rules (queryBinding xslt2) as TEI ODDs generate them.

A small engine of our own over lxml and elementpath (lxml.isoschematron
refuses xslt2; a Saxon skeleton would add a second XML stack). A schema is
compiled once per process (`compile_schematron`, `embedded_rules`), then run
on each document:

- rule contexts are XSLT match patterns; each pattern fires the first rule whose
  context matches a node. Contexts that XPath 1.0 can express are selected
  with lxml's C XPath (fast); the rest, and every test, with elementpath.
- `let` at schema, pattern and rule level; `current()` (an XSLT function TEI's
  rules use) is the rule's context node; abstract rules (`extends`) and
  abstract patterns (`is-a` with `param`) are expanded when compiling.
- messages keep `name` and `value-of`, and the `diagnostics` they refer to.
- severity from @role: error/fatal -> error, warning/warn -> warning,
  info/information -> info; default error. Phases are not supported: every
  pattern runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from elementpath import XPathContext, get_node_tree
from elementpath.xpath31 import XPath31Parser
from lxml import etree

from editio.diagnostics import Diagnostic, Severity, error, warning
from editio.load import Document, make_parser
from editio.locate import Locator

SCH = "http://purl.oclc.org/dsdl/schematron"
_S = f"{{{SCH}}}"
_CURRENT = re.compile(r"\bcurrent\(\s*\)")
_CURRENT_VAR = "editio-current"
_SEVERITY = {
    "error": Severity.ERROR, "fatal": Severity.ERROR,
    "warning": Severity.WARNING, "warn": Severity.WARNING,
    "info": Severity.INFO, "information": Severity.INFO,
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
    fast: etree.XPath | None = None  # the test in lxml's C XPath, when both languages agree on it (_lxml_test)


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


def embedded_rules(rng_path: str | Path) -> Schema | None:
    """The sch:pattern elements a RelaxNG schema carries (TEI ODD output), or None if it has none."""
    path = Path(rng_path).resolve()
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
            expr = re.sub(rf"\${re.escape(name)}\b", lambda _m: value, expr)
        return self.parser.parse(_CURRENT.sub(f"${_CURRENT_VAR}", expr))

    def let(self, el, params):
        return (el.get("name"), self.xpath(el.get("value") or ".", params))

    def pattern(self, el, params, ident):
        lets = [self.let(x, params) for x in el if x.tag == f"{_S}let"]
        rules = [self.rule(r, params) for r in el if r.tag == f"{_S}rule" and r.get("abstract") != "true"]
        return Pattern(ident or el.get("id"), lets, rules)

    def rule(self, el, params) -> Rule:
        context = el.get("context") or ""
        for name, value in params.items():
            context = re.sub(rf"\${re.escape(name)}\b", lambda _m: value, context)
        body = list(el)
        for ext in el.iter(f"{_S}extends"):
            base = self.abstract_rules.get(ext.get("rule"))
            if base is None:
                raise SchematronError(f"rule extends '{ext.get('rule')}': no such abstract rule")
            body.extend(base)
        lets, checks, problem = [], [], None
        try:
            slow = self.xpath(_rooted(context) or f"//({context})", params)
            for child in body:
                if child.tag == f"{_S}let":
                    lets.append(self.let(child, params))
                elif child.tag in (f"{_S}assert", f"{_S}report"):
                    checks.append(self.check(child, params))
        except Exception as exc:  # elementpath raises many kinds; the rule is then reported, not run
            slow, problem = None, f"{type(exc).__name__}: {exc}"
        uses_current = "current(" in etree.tostring(el, encoding="unicode")
        return Rule(context, _lxml_context(context, self.namespaces), slow, _prefilter(context, self.namespaces),
                    lets, checks, uses_current, problem)

    def check(self, el, params) -> Check:
        message = self.message(el, params)
        for ref in (el.get("diagnostics") or "").split():
            if ref in self.diagnostics:
                message.parts.append(" ")
                message.parts.extend(self.message(self.diagnostics[ref], params).parts)
        role = (el.get("role") or "").lower()
        test = el.get("test") or "true()"
        for name, value in params.items():
            test = re.sub(rf"\${re.escape(name)}\b", lambda _m: value, test)
        return Check(el.tag == f"{_S}report", self.xpath(el.get("test") or "true()", params), el.get("test") or "",
                     _SEVERITY.get(role, Severity.ERROR), message, el.get("id"), _lxml_test(test, self.namespaces))

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


# A test made only of paths (axes, name and node tests), `|`, `and`, `or`,
# not() and parentheses has the same boolean value in XPath 1 and 2 (a node
# set is true when not empty), and lxml's C XPath evaluates it ~10x faster than
# elementpath: TEI's rules test every <p> (tei:p: ancestor::tei:p ...).
# Anything else (literals, comparisons, arithmetic, variables, other functions)
# stays with elementpath.
_TEST_TOKEN = re.compile(r"""\s+|(?:ancestor|ancestor-or-self|attribute|child|descendant|descendant-or-self|following
    |following-sibling|parent|preceding|preceding-sibling|self)::|(?:not|boolean|node|text)\s*\(|//|\.\.|[/@()\[\]|.*]
    |(?:[A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*(?![\w.:(-])|[A-Za-z_][\w.-]*:\*""", re.X)


def _lxml_test(test: str, namespaces: dict[str, str]) -> etree.XPath | None:
    pos = 0
    while pos < len(test):
        m = _TEST_TOKEN.match(test, pos)
        if m is None or m.end() == pos:
            return None
        pos = m.end()
    try:
        return etree.XPath(f"boolean({test})", namespaces=namespaces)
    except (etree.XPathSyntaxError, etree.XPathEvalError):
        return None


def _lxml_context(context: str, namespaces: dict[str, str]) -> etree.XPath | None:
    """The match pattern as an lxml XPath 1.0 selecting every node it matches, if XPath 1 can say it."""
    if "$" in context or "current(" in context:
        return None
    context = _value_comparisons_as_general(context)
    branches = _split_union(context)
    if branches is None:
        return None
    rooted = [_root_branch(b) for b in branches]
    if None in rooted:
        return None
    try:
        return etree.XPath(" | ".join(rooted), namespaces=namespaces)
    except etree.XPathSyntaxError:
        return None


_VALUE_COMPARISON = {"eq": "=", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}


def _value_comparisons_as_general(expr: str) -> str:
    """XPath 2 `eq`, `ne`, ... as XPath 1 `=`, `!=`, ... outside string literals: on the
    single values of a pattern's predicates they select the same nodes (where XPath 2
    would raise an error on a sequence, XPath 1 compares existentially)."""
    pieces = re.split(r"('[^']*'|\"[^\"]*\")", expr)
    for i in range(0, len(pieces), 2):
        pieces[i] = re.sub(r"(?<=[\s)\]])(eq|ne|lt|le|gt|ge)(?=[\s(@$'\"])",
                           lambda m: _VALUE_COMPARISON[m.group(1)], pieces[i])
    return "".join(pieces)


def _rooted(context: str) -> str | None:
    """The pattern as an expression selecting its matches from the document: each
    branch under `//`, except branches already starting at the root."""
    branches = _split_union(context, xpath1=False)
    if branches is None:
        return None
    rooted = [_root_branch(b) for b in branches]
    return None if None in rooted else " | ".join(rooted)


def _root_branch(branch: str) -> str | None:
    """One union branch of a pattern as a path from the document: `a/b` -> `//a/b`,
    `/a` stays, `(a|b)/c` -> `(//a | //b)/c` (XPath 1 allows a parenthesised start)."""
    if branch.startswith("/"):
        return branch
    if not branch.startswith("("):
        return "//" + branch
    depth = 0
    for i, ch in enumerate(branch):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            inner = _split_union(branch[1:i], xpath1=False)
            if inner is None:
                return None
            rooted = [_root_branch(b) for b in inner]
            if None in rooted:
                return None
            return "(" + " | ".join(rooted) + ")" + branch[i + 1:]
    return None


def _prefilter(context: str, namespaces: dict[str, str]) -> etree.XPath | None:
    """A cheap lxml test for "this pattern can match something here": the last
    step of each branch, without predicates (they only narrow the match). Most
    ODD-specific rules of tei_all find no candidates in a document and are
    skipped at C speed."""
    stripped, depth = [], 0
    for ch in _without_strings(context):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        elif depth == 0:
            stripped.append(ch)
    last_steps = _last_steps("".join(stripped))
    if not last_steps:
        return None
    try:
        return etree.XPath(" | ".join(last_steps), namespaces=namespaces)
    except etree.XPathSyntaxError:
        return None


def _last_steps(expr: str, depth: int = 0) -> list[str] | None:
    """`//step` for the last step of each union branch of a predicate-free pattern."""
    steps = []
    for branch in _top_level_split(expr, "|"):
        step = _top_level_split(branch, "/")[-1].strip()
        if step.startswith("(") and step.endswith(")") and _balanced(step[1:-1]) and depth < 5:
            inner = _last_steps(step[1:-1], depth + 1)
            if inner is None:
                return None
            steps.extend(inner)
        elif not step or "(" in step.replace("()", ""):
            return None
        else:
            steps.append("//" + step)
    return steps


def _top_level_split(expr: str, sep: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(expr):
        depth += ch == "("
        depth -= ch == ")"
        if ch == sep and depth == 0:
            parts.append(expr[start:i])
            start = i + 1
    parts.append(expr[start:])
    return parts


def _without_strings(expr: str) -> str:
    return re.sub(r"'[^']*'|\"[^\"]*\"", "''", expr)


def _balanced(expr: str) -> bool:
    depth = 0
    for ch in expr:
        depth += ch == "("
        depth -= ch == ")"
        if depth < 0:
            return False
    return depth == 0


def _split_union(expr: str, xpath1: bool = True) -> list[str] | None:
    """Top-level `|` branches (outside brackets and quotes); None for anything unusual."""
    branches, depth, quote, start = [], 0, None, 0
    for i, ch in enumerate(expr):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append(expr[start:i].strip())
            start = i + 1
    branches.append(expr[start:].strip())
    if any(not b for b in branches):
        return None
    if not xpath1:
        return branches
    # XPath 2 constructs in a pattern (eq, for, if...) make lxml fail to compile or differ: keep those for elementpath.
    if any(re.search(r"\s(eq|ne|lt|le|gt|ge|is|instance|treat|castable|cast|to|except|intersect)\s", b) for b in branches):
        return None
    return branches


def run(schema: Schema, doc: Document, locator: Locator | None = None) -> list[Diagnostic]:
    """Every failed assert and successful report of `schema` on `doc`."""
    tree = doc.tree
    locator = locator or Locator(tree, doc.path)
    path = str(doc.path)
    found: list[Diagnostic] = []
    # elementpath's node tree costs as much as the rest of a run: built only
    # when a rule needs elementpath (see _all_fast), not for rules whose
    # context and tests lxml evaluates and no test fails.
    node_tree = None

    def get_root():
        nonlocal node_tree
        if node_tree is None:
            node_tree = get_node_tree(tree)
        return node_tree

    def context_for(item, variables):
        return XPathContext(get_root(), item=item, variables=variables)

    variables: dict = {}
    for name, expr in schema.lets:
        variables[name] = expr.evaluate(context_for(get_root(), variables))
    for pattern in schema.patterns:
        pattern_vars = dict(variables)
        for name, expr in pattern.lets:
            pattern_vars[name] = expr.evaluate(context_for(get_root(), pattern_vars))
        # Keys are the lxml elements themselves (kept alive here, so identity is
        # stable), or the elementpath node of anything else.
        fired: set = set()
        for rule in pattern.rules:
            if rule.fast is not None and rule.problem is None:
                elements = _select_elements(rule, tree)
                if elements == []:
                    continue  # nothing to check: no node tree needed
                if elements is not None and _all_fast(rule):
                    for el in elements:
                        if el in fired:
                            continue
                        fired.add(el)
                        if any((check.fast(el) == check.report) for check in rule.checks):
                            node = get_root().elements.get(el)
                            found.extend(_fire(rule, node, pattern_vars, context_for, locator, path))
                    continue
            root = get_root()
            nodes = _select(rule, root, pattern_vars)
            for node in nodes:
                key = node.value if node.node_kind == "element" else node
                if key in fired:
                    continue
                fired.add(key)
                if rule.problem:
                    line, col = _where(node, locator)
                    found.append(error(path, line, col,
                                       f"Schematron rule for '{rule.context}' cannot be run: {rule.problem}",
                                       "schematron.unsupported"))
                    break
                found.extend(_fire(rule, node, pattern_vars, context_for, locator, path))
    return found


def _all_fast(rule: Rule) -> bool:
    """lxml alone can select the rule's nodes and run its tests (no lets, no current())."""
    return (rule.fast is not None and rule.problem is None and not rule.lets and not rule.uses_current
            and all(check.fast is not None for check in rule.checks))


def _select_elements(rule: Rule, tree) -> list | None:
    """The rule's context elements by lxml, or None if it selects anything else (attributes, text)."""
    try:
        hits = rule.fast(tree.getroot())
    except etree.XPathError:
        return None
    if any(not isinstance(h, etree._Element) or not isinstance(h.tag, str) for h in hits):
        return None
    return hits


def _select(rule: Rule, root, variables) -> list:
    if rule.slow is None and rule.fast is None:
        return []
    if rule.fast is not None:
        try:
            hits = rule.fast(root.value)
        except etree.XPathError:
            hits = None
        if hits is not None:
            nodes = []
            for hit in hits:
                node = _node_of(hit, root)
                if node is None:  # a text node or the like: let elementpath do all of it
                    break
                nodes.append(node)
            else:
                return nodes
    if rule.slow is None:
        return []
    if rule.prefilter is not None:
        try:
            if not rule.prefilter(root.value):
                return []
        except etree.XPathError:
            pass
    return [n for n in rule.slow.select(XPathContext(root, variables=variables)) if hasattr(n, "node_kind")]


def _node_of(hit, root):
    if isinstance(hit, etree._Element):
        return root.elements.get(hit) if isinstance(hit.tag, str) else None
    if getattr(hit, "is_attribute", False):
        parent = root.elements.get(hit.getparent())
        if parent is not None:
            name = hit.attrname
            for attribute in parent.attributes:
                if attribute.name == name:  # both in Clark notation
                    return attribute
    return None


def _fire(rule: Rule, node, pattern_vars, context_for, locator, path) -> list[Diagnostic]:
    variables = dict(pattern_vars)
    if rule.uses_current:
        variables[_CURRENT_VAR] = node
    found = []
    try:
        for name, expr in rule.lets:
            variables[name] = expr.evaluate(context_for(node, variables))
        for check in rule.checks:
            if check.fast is not None and node.node_kind == "element":
                fails = check.fast(node.value) == check.report
            else:
                result = check.test.evaluate(context_for(node, variables))
                fails = check.test.boolean_value(result) == check.report
            if fails:
                line, col = _where(node, locator)
                text = _render(check.message, node, variables, context_for)
                code = "schematron.report" if check.report else "schematron.assert"
                where = f" ({check.ident})" if check.ident else ""
                found.append(Diagnostic(path, line, col, check.severity, text + where, code))
    except Exception as exc:  # a dynamic error in a rule is the rule's fault, not the document's
        line, col = _where(node, locator)
        found.append(error(path, line, col,
                           f"Schematron rule for '{rule.context}' failed: {type(exc).__name__}: {exc}",
                           "schematron.unsupported"))
    return found


def _render(message: Message, node, variables, context_for) -> str:
    out = []
    for part in message.parts:
        if isinstance(part, str):
            out.append(part)
        elif part[0] == "name":
            target = node
            if part[1] is not None:
                selected = part[1].evaluate(context_for(node, variables))
                target = selected[0] if isinstance(selected, list) and selected else selected
            out.append(_name_of(target))
        else:
            value = part[1].evaluate(context_for(node, variables))
            items = value if isinstance(value, list) else [value]
            out.append(" ".join(_string(i) for i in items if i is not None))
    return " ".join("".join(out).split())


def _name_of(node) -> str:
    el = getattr(node, "value", None)
    if node is not None and getattr(node, "node_kind", None) == "element" and isinstance(el, etree._Element):
        q = etree.QName(el)
        return f"{el.prefix}:{q.localname}" if el.prefix else q.localname
    name = getattr(node, "name", None)
    return str(name) if name else ""


def _string(item) -> str:
    if hasattr(item, "string_value"):
        return str(item.string_value)
    return str(item)


def _where(node, locator: Locator) -> tuple[int, int]:
    while node is not None and getattr(node, "node_kind", None) != "element":
        node = getattr(node, "parent", None)
    if node is None:
        return (1, 1)
    return locator.position(node.value)


def check(doc: Document, options) -> list[Diagnostic]:
    """Schematron level of `editio validate`: --schematron files, Schematron named by the
    document's <?xml-model?> (schematypens ISO Schematron), and the rules embedded in
    every RelaxNG schema the document is checked against (each schema file once)."""
    found: list[Diagnostic] = []
    sources: list[tuple[Path, str]] = [(Path(f), "user") for f in (getattr(options, "schematron", ()) or ())]
    refs, problems = _schematron_models(doc, options)
    sources += refs
    found += problems
    sources += [(path, "rng") for path in _relaxng_in_use(doc, options)]
    schemas: list[Schema] = []
    seen: set[Path] = set()
    for path, origin in sources:
        resolved = path.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        try:
            if resolved.suffix in (".rng", ".xml") or origin == "rng":
                schema = embedded_rules(resolved)
            else:
                schema = compile_schematron(resolved)
        except (SchematronError, OSError) as exc:
            where = str(path) if origin == "user" else str(doc.path)
            found.append(error(where, 0, 0, f"cannot use Schematron {path}: {exc}", "schematron.load"))
            continue
        if schema is not None:
            schemas.append(schema)
    if schemas:
        locator = Locator(doc.tree, doc.path)
        for schema in schemas:
            found.extend(run(schema, doc, locator))
    return found


def _schematron_models(doc: Document, options) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
    """<?xml-model schematypens="...schematron"?> of the document (unless --schema overrides them)."""
    from editio import schemas as schema_module

    if getattr(options, "schema", None) or not getattr(options, "use_document_schemas", True):
        return [], []
    refs, problems = [], []
    for pi in doc.tree.getroot().itersiblings(preceding=True):
        if not isinstance(pi, etree._ProcessingInstruction) or pi.target != "xml-model":
            continue
        attrs = dict(re.findall(r"([\w:-]+)\s*=\s*[\"']([^\"']*)[\"']", pi.text or ""))
        if attrs.get("schematypens") not in (SCH, "http://www.ascc.net/xml/schematron") or not attrs.get("href"):
            continue
        href = attrs["href"]
        line = pi.sourceline or 1
        if re.match(r"https?://", href):
            local = schema_module.lookup_cached(href)
            if local is None:
                problems.append(warning(str(doc.path), line, 1,
                                        f"Schematron {href} is not in the local schema cache, so its rules were not "
                                        f"run (editio never downloads); fetch it once and run: editio schema add {href} FILE",
                                        "schematron.not-cached"))
                continue
            refs.append((Path(local), "model"))
        elif re.match(r"[A-Za-z][\w+.-]*:", href) and not href.startswith("file:"):
            continue
        else:
            local = doc.path.resolve().parent / href.removeprefix("file://")
            if not local.is_file():
                problems.append(error(str(doc.path), line, 1, f"Schematron {href} not found (looked for {local})",
                                      "schematron.not-found"))
                continue
            refs.append((local, "model"))
    return refs, problems


def _relaxng_in_use(doc: Document, options) -> list[Path]:
    """The RelaxNG (XML syntax) schemas schemas.py checks this document against."""
    from editio import schemas as schema_module

    try:
        refs, _ = schema_module.schemas_for(doc, options)
    except Exception:  # schemas.py reports its own problems; here only the paths matter
        return []
    return [Path(r.location) for r in refs if r.kind == "rng" and Path(r.location).is_file()]
