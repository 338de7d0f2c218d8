"""RELAX NG validation with lxml, and messages as useful as jing's.

lxml (libxml2) gives a line, no column, no list of what was expected; it
repeats itself; and it often stops at the first structural error. So:

- each round validates a working copy of the tree, keeps the deepest errors
  (ancestors' "failed to validate content" are consequences: problems.py),
  explains each one with the grammar analysis (explain.py, grammar.py), then
  repairs the copy (drops
  the rejected element, attribute or text) and validates again, until the
  copy is valid or nothing more can be repaired. Every problem is reported,
  not just the first.
- columns come from scanning the source line of the start tag.

The verdict (valid or not) is always lxml's first answer; the loop only
finds more messages.
"""

from __future__ import annotations

import copy

from lxml import etree

from editio.check.relaxng.explain import Explainer
from editio.check.relaxng.grammar import Grammar
from editio.check.relaxng.problems import Problem, find_problems, is_cascade, rename_duplicate_ids, repair
from editio.core.diagnostics import Diagnostic, error, unique
from editio.core.namespaces import XML_ID

MAX_ROUNDS = 500  # a file this broken has told its story


def validate(
    relaxng: etree.RelaxNG,
    grammar: Grammar | None,
    tree,
    path: str,
    source: bytes | None,
    isolation: etree.RelaxNG | None = None,
    _origin: dict | None = None,
) -> list[Diagnostic]:
    """`isolation`: the same grammar with any element as start, to check a subtree alone."""
    if relaxng.validate(tree):
        return []
    tree, repeats = rename_duplicate_ids(tree)
    located = Explainer(None, {}, path, source)
    id_found = [
        error(
            path,
            el.sourceline or 0,
            located.attribute_column(el, XML_ID),
            f'duplicate ID "{value}" (first on line {first.sourceline})',
            "schema.id",
        )
        for el, first, value in repeats
    ]
    if _origin is None and relaxng.validate(tree):
        return id_found
    work = copy.deepcopy(tree)
    origin = dict(zip(work.iter(), tree.iter()))
    if _origin is not None:
        origin = {w: _origin.get(o, o) for w, o in origin.items()}
    explainer = Explainer(grammar, origin, path, source)
    found: list[Diagnostic] = []
    given_up: set = set()
    first = True
    for _round in range(MAX_ROUNDS):
        if not first and relaxng.validate(work):
            break
        first = False
        problems = find_problems(relaxng.error_log, work)
        problems = [p for p in problems if not is_cascade(p, given_up)]
        if not problems:
            break
        for p in problems:
            inner = _inside(p, isolation, grammar, path, source, origin) if p.kind == "content" else []
            if inner:
                found.extend(inner)
                continue
            d = explainer.explain(p)
            if d is not None:
                found.append(d)
        if not repair(problems, work, given_up):
            break
    if not found and _origin is None:  # never leave an invalid file without a message
        entries = list(relaxng.error_log) or []
        e = entries[0] if entries else None
        found.append(
            error(path, e.line if e else 0, 0, e.message if e else "not valid against the schema", "schema.content")
        )
    return unique(id_found + found)


def _alone(element) -> etree._ElementTree:
    """A copy of `element` as a document of its own, without its tail (text
    after the element, which a document cannot have after its root)."""
    alone = copy.deepcopy(element)
    alone.tail = None
    return etree.ElementTree(alone)


def _inside(p: Problem, isolation, grammar, path, source, origin) -> list[Diagnostic]:
    """libxml2's compiled content models blame the parent for a child that is
    wrong inside: check each child element alone to find the real place."""
    if isolation is None:
        return []
    found: list[Diagnostic] = []
    for child in p.target:
        if isinstance(child.tag, str) and grammar is not None and not grammar.knows(child.tag):
            d = Explainer(grammar, origin, path, source).explain(Problem("element", child))
            found.extend([d] if d else [])
        elif isinstance(child.tag, str) and not isolation.validate(alone := _alone(child)):
            mapping = dict(zip(alone.iter(), child.iter()))
            mapping = {a: origin.get(c, c) for a, c in mapping.items()}
            inner = validate(isolation, grammar, alone, path, source, isolation, _origin=mapping)
            if not inner:  # wrong as a whole (e.g. a name the schema lacks)
                d = Explainer(grammar, origin, path, source).explain(Problem("element", child))
                inner = [d] if d else []
            found.extend(inner)
    return found
