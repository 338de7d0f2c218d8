"""XPath helpers of the Schematron engine (schematron.py): which rule contexts and
tests lxml's C XPath 1.0 can evaluate instead of elementpath (the fast path), and
match patterns rewritten as expressions selecting their matches from the document."""

from __future__ import annotations

import re

from lxml import etree

# A test made only of paths (axes, name and node tests), `|`, `and`, `or`,
# not() and parentheses has the same boolean value in XPath 1 and 2 (a node
# set is true when not empty), and lxml's C XPath evaluates it ~10x faster than
# elementpath: TEI's rules test every <p> (tei:p: ancestor::tei:p ...).
# Anything else (literals, comparisons, arithmetic, variables, other functions)
# stays with elementpath.
_TEST_TOKEN = re.compile(
    r"""\s+|(?:ancestor|ancestor-or-self|attribute|child|descendant|descendant-or-self|following
    |following-sibling|parent|preceding|preceding-sibling|self)::|(?:not|boolean|node|text)\s*\(|//|\.\.|[/@()\[\]|.*]
    |(?:[A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*(?![\w.:(-])|[A-Za-z_][\w.-]*:\*""",
    re.X,
)


def lxml_test(test: str, namespaces: dict[str, str]) -> etree.XPath | None:
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


def lxml_context(context: str, namespaces: dict[str, str]) -> etree.XPath | None:
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
        pieces[i] = re.sub(
            r"(?<=[\s)\]])(eq|ne|lt|le|gt|ge)(?=[\s(@$'\"])", lambda m: _VALUE_COMPARISON[m.group(1)], pieces[i]
        )
    return "".join(pieces)


def rooted(context: str) -> str | None:
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
            return "(" + " | ".join(rooted) + ")" + branch[i + 1 :]
    return None


def prefilter(context: str, namespaces: dict[str, str]) -> etree.XPath | None:
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
    branches = [b.strip() for b in _split_outside(expr, "|")]
    if any(not b for b in branches):
        return None
    if not xpath1:
        return branches
    # XPath 2 constructs in a pattern (eq, for, if...) make lxml fail to compile or differ: keep those for elementpath.
    if any(
        re.search(r"\s(eq|ne|lt|le|gt|ge|is|instance|treat|castable|cast|to|except|intersect)\s", b) for b in branches
    ):
        return None
    return branches


# What a match pattern needs of a document to match anything: checked against the
# names a document holds, it spares a walk of the whole tree per rule (editio's own
# schema has 32 rules; most name elements or attributes a given document lacks).
_NAME = r"[A-Za-z_][\w.-]*"
_ELEMENT_STEP = re.compile(rf"(?:child::)?(?:({_NAME}):)?({_NAME}|\*)\s*((?:\[.*\])?)\s*$", re.S)
_REQUIRED_ATTRIBUTE = re.compile(
    rf"""(?:@|attribute::)(?:({_NAME}):)?({_NAME})
        |starts-with\(\s*(?:@|attribute::)(?:({_NAME}):)?({_NAME})\s*,\s*(?:'[^']+'|"[^"]+")\s*\)""",
    re.X,
)
# Operators and constructs binding looser than `and`: with any of them a predicate's
# `and` parts are not its necessary conditions.
_LOOSER_THAN_AND = re.compile(r"\b(?:or|if|then|else|some|every|for|let|return|satisfies)\b|,")

Requirement = tuple[str | None, frozenset[str]]  # (element name or None for any, attribute names)


def requirements(context: str, namespaces: dict[str, str]) -> tuple[Requirement, ...] | None:
    """For each union branch of the pattern: the element its last step names (Clark
    notation; None for `prefix:*`) and attributes that step's predicates require to
    exist (`@a` or `starts-with(@a, 'non-empty')` as an `and` operand). A branch can
    match only in a document holding that element and those attributes. None when a
    branch is not that plain (any other axis, an unprefixed name, ...): no shortcut."""
    branches = _split_union(context, xpath1=False)
    if branches is None:
        return None
    found = []
    for branch in branches:
        last = _steps(branch)[-1]
        m = _ELEMENT_STEP.fullmatch(last.strip())
        if m is None or m.group(1) is None or m.group(1) not in namespaces:
            return None
        prefix, local, predicates = m.groups()
        element = None if local == "*" else f"{{{namespaces[prefix]}}}{local}"
        attributes = set()
        groups = _predicates(predicates)
        if groups is None:
            return None
        for predicate in groups:
            if _LOOSER_THAN_AND.search(_top_level(predicate)):
                continue
            for operand in _split_outside(predicate, " and "):
                hit = _REQUIRED_ATTRIBUTE.fullmatch(operand.strip())
                if hit is None:
                    continue
                attr_prefix, attr_local = (hit.group(1), hit.group(2)) if hit.group(2) else (hit.group(3), hit.group(4))
                if attr_prefix is None:
                    attributes.add(attr_local)
                elif attr_prefix in namespaces:
                    attributes.add(f"{{{namespaces[attr_prefix]}}}{attr_local}")
                # an undeclared prefix requires nothing we can name
        found.append((element, frozenset(attributes)))
    return tuple(found)


def may_match(requirements: tuple[Requirement, ...], elements: set[str], attributes: set[str]) -> bool:
    return any((element is None or element in elements) and needed <= attributes for element, needed in requirements)


def _top_level(expr: str) -> str:
    """The expression without strings and without what brackets and parentheses enclose."""
    out, depth = [], 0
    for ch in _without_strings(expr):
        if ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def _steps(branch: str) -> list[str]:
    """A path split at its `/` separators outside brackets, parentheses and strings."""
    return _split_outside(branch, "/")


def _structure(text: str):
    """(index, character, depth) for each character outside string literals; `depth`
    counts the brackets and parentheses open before it (its own opening one not yet)."""
    depth, quote = 0, None
    for i, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = None
            continue
        if ch in "'\"":
            quote = ch
            continue
        if ch in "])":
            depth -= 1
        yield i, ch, depth
        if ch in "[(":
            depth += 1


def _split_outside(expr: str, sep: str) -> list[str]:
    """`expr` split at `sep` where it stands outside brackets, parentheses and strings."""
    parts, start = [], 0
    for i, _ch, depth in _structure(expr):
        if depth == 0 and i >= start and expr.startswith(sep, i):
            parts.append(expr[start:i])
            start = i + len(sep)
    parts.append(expr[start:])
    return parts


def _predicates(text: str) -> list[str] | None:
    """`[a][b]` -> ["a", "b"]; None if the text is not a sequence of predicates."""
    found, start, inside = [], 0, False
    for i, ch, depth in _structure(text):
        if depth == 0 and ch in "[(":
            if ch != "[" or text[start:i].strip():
                return None
            start, inside = i + 1, True
        elif depth == 0 and ch in "])":
            if ch != "]":
                return None
            found.append(text[start:i])
            start, inside = i + 1, False
    # an unclosed bracket or string leaves `inside` set or text after the last "]"
    if inside or text[start:].strip():
        return None
    return found
