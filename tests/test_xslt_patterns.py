"""No match pattern of ours puts a predicate on a wildcard or a text() step.

libxslt tests such a predicate by computing the node's position among its
preceding siblings, for every node it dispatches: a division of 20,000
paragraphs took 180 s (HTML) and 13 s (text) instead of under a second.
A predicate on a named element step (tei:seg[...]) is tested on that name
only, in constant time. Keys are not concerned (libxslt evaluates their
match once per document as one path expression).
"""

from __future__ import annotations

import re

from lxml import etree

from editio.core.resources import xslt_dir

XSL = "{http://www.w3.org/1999/XSL/Transform}"
# the last step of a pattern alternative: `*`, `prefix:*`, `node()` or `text()`, with a predicate
SLOW_STEP = re.compile(r"(^|[/|(\s])(\*|[\w.-]+:\*|node\(\)|text\(\))\s*\[")
# Patterns that only ever see a handful of siblings.
ALLOWED = {
    "tei:sourceDesc/*/*[tei:p]",  # header-text mode: the parts of one source description
}


def _alternatives(pattern: str) -> list[str]:
    """Split a pattern at top-level `|` (not inside predicates or strings)."""
    parts, depth, quote, current = [], 0, "", []
    for ch in pattern:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts]


def _last_step(alternative: str) -> str:
    depth, _quote = 0, ""
    for i in range(len(alternative) - 1, -1, -1):
        ch = alternative[i]
        if ch == "]":
            depth += 1
        elif ch == "[":
            depth -= 1
        elif ch == "/" and depth == 0:
            return alternative[i + 1 :]
    return alternative


def slow_patterns() -> list[str]:
    found = []
    for path in sorted(xslt_dir().rglob("*.xsl")):
        for template in etree.parse(str(path)).iter(f"{XSL}template"):
            pattern = template.get("match")
            if not pattern:
                continue
            for alternative in _alternatives(pattern):
                if alternative not in ALLOWED and SLOW_STEP.match(" " + _last_step(alternative).lstrip("/")):
                    found.append(f"{path.relative_to(xslt_dir())}:{template.sourceline}: {alternative}")
    return found


def test_no_template_pattern_has_a_predicate_on_a_wildcard_or_text_step():
    assert slow_patterns() == []


def test_the_check_finds_such_patterns():
    for pattern in (
        "tei:*[@a]",
        "*[@editio:level]",
        "text()[../@x]",
        "node()[1]",
        "tei:p | tei:*[@b]",
        "tei:div/*[@c]",
    ):
        last = [_last_step(a) for a in _alternatives(pattern)]
        assert any(SLOW_STEP.match(" " + step.lstrip("/")) for step in last), pattern
    for pattern in ("tei:seg[@type]", "tei:text//tei:note[@n]", "text()", "*", "tei:p[@rend = '*[x]']"):
        last = [_last_step(a) for a in _alternatives(pattern)]
        assert not any(SLOW_STEP.match(" " + step.lstrip("/")) for step in last), pattern


def test_app_target_patterns_cover_every_tei_element_of_tei_all():
    # xslt/common/app-targets.xsl is generated (tools/make_app_target_patterns.py): one
    # named alternative per element instead of tei:*[...]; none may be missing.
    import importlib.util
    from pathlib import Path

    from conftest import TEI_ALL

    tool = Path(__file__).resolve().parents[1] / "tools" / "make_app_target_patterns.py"
    spec = importlib.util.spec_from_file_location("make_app_target_patterns", tool)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    names = module.tei_element_names(TEI_ALL)
    assert len(names) > 500
    pattern = etree.parse(str(xslt_dir() / "common" / "app-targets.xsl")).find(f"{XSL}template").get("match")
    assert [a.strip() for a in _alternatives(pattern)] == [f"tei:{n}{module.PREDICATE}" for n in names]
