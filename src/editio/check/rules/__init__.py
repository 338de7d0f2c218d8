"""Editorial integrity rules: what no schema checks.

Each module in this package holds a few small rules (after EpiDoc's one-rule
files). A rule is a function taking a `Context` and yielding diagnostics,
registered with `@rule("integrity.some-code")`; users switch a rule off by its
code (`editio validate --disable integrity.some-code`) or a whole group
(`--disable integrity`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

from editio.core.diagnostics import Diagnostic, switched_off
from editio.core.locate import Locator
from editio.core.namespaces import EXAMPLES_NS, TEI_NS, XML_ID
from editio.load.document import Document

EGXML = f"{{{EXAMPLES_NS}}}egXML"
NS = {"tei": TEI_NS}


@dataclass
class Context:
    """A document under check, with lookups that several rules share."""

    doc: Document
    path: str = field(init=False)

    def __post_init__(self) -> None:
        self.path = str(self.doc.path)
        self._by_name: dict[str, list[etree._Element]] = {}

    @property
    def root(self) -> etree._Element:
        return self.doc.tree.getroot()

    @cached_property
    def ids(self) -> dict[str, etree._Element]:
        """xml:id -> first element carrying it."""
        found: dict[str, etree._Element] = {}
        for el in _WITH_XML_ID(self.root):  # C XPath, not a Python walk of every element
            value = el.get(XML_ID)
            if value not in found:
                found[value] = el
        return found

    def elements(self, local_name: str) -> list[etree._Element]:
        """The TEI elements of that name, in document order; one walk per name and
        document (several rules ask for the apps): callers must not change the list."""
        found = self._by_name.get(local_name)
        if found is None:
            found = self._by_name[local_name] = list(self.root.iter(f"{{{TEI_NS}}}{local_name}"))
        return found

    @cached_property
    def locator(self) -> Locator:
        return Locator(self.doc.tree, self.doc.path)

    def at(self, el: etree._Element) -> tuple[int, int]:
        """(line, column) of an element's start tag, for a diagnostic."""
        return self.locator.position(el)

    def select(self, xpath: etree.XPath) -> list[etree._Element]:
        """The elements `xpath` selects from the root, in document order, outside
        egXML examples: C XPath picks the few candidates, instead of a Python
        look at every element."""
        hits = xpath(self.root)
        if not self._has_examples:
            return hits
        kept = self._kept
        return [el for el in hits if el in kept]

    @cached_property
    def attributed(self) -> list[etree._Element]:
        """TEI elements with attributes, outside examples: what the attribute rules
        (pointers, dates, flags) look at, selected once for all of them."""
        return self.select(_TEI_WITH_ATTRIBUTES)

    @cached_property
    def _has_examples(self) -> bool:
        return next(self.root.iter(EGXML), None) is not None

    @cached_property
    def _kept(self) -> set[etree._Element]:
        return set(self.outside_examples)

    @cached_property
    def outside_examples(self) -> list[etree._Element]:
        """Every element in document order except egXML examples and their content
        (examples quote other documents: their ids and pointers are not this one's)."""
        if next(self.root.iter(EGXML), None) is None:
            return list(self.root.iter(etree.Element))  # elements only, filtered in C
        kept: list[etree._Element] = []
        skipped: set[etree._Element] = set()
        for el in self.root.iter():
            if not isinstance(el.tag, str):
                continue
            if el.tag == EGXML or el.getparent() in skipped:
                skipped.add(el)
            else:
                kept.append(el)
        return kept


_WITH_XML_ID = etree.XPath("descendant-or-self::*[@xml:id]")
# One test per element in C; `[@a or @b ...]` over many names costs ~20x more in libxml2.
_TEI_WITH_ATTRIBUTES = etree.XPath("descendant-or-self::tei:*[@*]", namespaces=NS)


RuleFunction = Callable[[Context], Iterable[Diagnostic]]
_RULES: list[tuple[str, RuleFunction]] = []


def rule(code: str) -> Callable[[RuleFunction], RuleFunction]:
    def register(func: RuleFunction) -> RuleFunction:
        _RULES.append((code, func))
        return func

    return register


def registered() -> list[tuple[str, RuleFunction]]:
    _load_rule_modules()
    return list(_RULES)


def run_rules(doc: Document, disabled: Iterable[str] = ()) -> list[Diagnostic]:
    disabled = tuple(disabled)
    context = Context(doc)
    found: list[Diagnostic] = []
    for code, func in registered():
        if not switched_off(code, disabled):  # a rule switched off is not run at all
            found.extend(func(context))
    return found


_loaded = False


def _load_rule_modules() -> None:
    """Import the rule modules (each registers its rules on import)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    from importlib import import_module

    for name in RULE_MODULES:
        import_module(f"editio.check.rules.{name}")


# One entry per rule module in this package.
RULE_MODULES: list[str] = [
    "ids",
    "pointers",
    "notes",
    "dates",
    "flags",
    "textcrit",
]
