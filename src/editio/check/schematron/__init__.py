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
from pathlib import Path

from elementpath import XPathContext, get_node_tree
from lxml import etree

# The package's interface is this module: run, check, embedded_rules, compile_schematron
# and the rule model. Reading a schema lives in reader.py, the XPath 1 fast path in xpath.py.
from editio.check.schematron.reader import (
    CURRENT_VAR,
    SCH,
    Check,
    Message,
    Pattern,
    Rule,
    Schema,
    SchematronError,
    compile_schematron,
    embedded_rules,
    resolved_path,
)
from editio.check.schematron.xpath import may_match
from editio.core.diagnostics import Diagnostic, error, warning
from editio.core.locate import Locator
from editio.load.document import Document

__all__ = [
    "SCH",
    "Check",
    "Message",
    "Pattern",
    "Rule",
    "Schema",
    "SchematronError",
    "check",
    "compile_schematron",
    "embedded_rules",
    "may_match",
    "resolved_path",
    "run",
]


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

    names = None  # the element and attribute names of the document, when a rule asks

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
            if rule.requirements is not None:
                if names is None:
                    names = _names_in(tree)
                if not may_match(rule.requirements, *names):
                    continue  # its context matches nothing here: no walk of the tree
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
                    found.append(
                        error(
                            path,
                            line,
                            col,
                            f"Schematron rule for '{rule.context}' cannot be run: {rule.problem}",
                            "schematron.unsupported",
                        )
                    )
                    break
                found.extend(_fire(rule, node, pattern_vars, context_for, locator, path))
    return found


def _names_in(tree) -> tuple[set[str], set[str]]:
    """(element names, attribute names) of a document, in Clark notation: one walk
    instead of one per rule (XPath does not look inside entity references; iter neither)."""
    elements: set[str] = set()
    attributes: set[str] = set()
    for el in tree.getroot().iter(etree.Element):
        elements.add(el.tag)
        attributes.update(el.keys())
    return elements, attributes


def _all_fast(rule: Rule) -> bool:
    """lxml alone can select the rule's nodes and run its tests (no lets, no current())."""
    return (
        rule.fast is not None
        and rule.problem is None
        and not rule.lets
        and not rule.uses_current
        and all(check.fast is not None for check in rule.checks)
    )


_PLAIN_ELEMENT = {etree._Element}


def _select_elements(rule: Rule, tree) -> list | None:
    """The rule's context elements by lxml, or None if it selects anything else (attributes, text)."""
    try:
        hits = rule.fast(tree.getroot())
    except etree.XPathError:
        return None
    # Plain elements (the usual case) are told apart in C; comments and PIs are
    # _Element subclasses, and a custom lookup makes other classes: look closer.
    if not set(map(type, hits)) <= _PLAIN_ELEMENT and any(
        not isinstance(h, etree._Element) or not isinstance(h.tag, str) for h in hits
    ):
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
        variables[CURRENT_VAR] = node
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
        found.append(
            error(
                path,
                line,
                col,
                f"Schematron rule for '{rule.context}' failed: {type(exc).__name__}: {exc}",
                "schematron.unsupported",
            )
        )
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
        resolved = resolved_path(path)
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
    from editio.check import schemas as schema_module

    if getattr(options, "schema", None):
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
                problems.append(
                    warning(
                        str(doc.path),
                        line,
                        1,
                        f"Schematron {href} is not in the local schema cache, so its rules were not "
                        f"run (editio never downloads); fetch it once and run: editio schema add {href} FILE",
                        "schematron.not-cached",
                    )
                )
                continue
            refs.append((Path(local), "model"))
        elif re.match(r"[A-Za-z][\w+.-]*:", href) and not href.startswith("file:"):
            continue
        else:
            local = doc.path.resolve().parent / href.removeprefix("file://")
            if not local.is_file():
                problems.append(
                    error(
                        str(doc.path),
                        line,
                        1,
                        f"Schematron {href} not found (looked for {local})",
                        "schematron.not-found",
                    )
                )
                continue
            refs.append((local, "model"))
    return refs, problems


def _relaxng_in_use(doc: Document, options) -> list[Path]:
    """The RelaxNG (XML syntax) schemas schemas.py checks this document against."""
    from editio.check import schemas as schema_module

    try:
        refs, _ = schema_module.schemas_for(doc, options)
    except Exception:  # schemas.py reports its own problems; here only the paths matter
        return []
    return [Path(r.location) for r in refs if r.kind == "rng" and Path(r.location).is_file()]
