"""Derive the TEI attributes of datatype teidata.pointer (and where date attributes are dates) from tei_all.rng.

TEI ODD processing inlines teidata.pointer as
`<data type="anyURI"><param name="pattern">\\S+</param></data>` (possibly in a
`<list>` for several pointers), so the attributes are found by that shape.
Some names are pointers on some elements only (`from`/`to` are pointers on
`span` but dates on `date`), hence the per-element table. The same goes for
dates (`from`/`to` are page numbers on `biblScope`): NOT_TEMPORAL lists, for
each name that is a date somewhere, the elements where it is not.

Usage: python tools/make_pointer_attributes.py [tei_all.rng, default tei/schema/tei_all.rng]
writes src/editio/check/rules/pointer_attributes.py.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from lxml import etree

RNG = "http://relaxng.org/ns/structure/1.0"
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "editio" / "check" / "rules" / "pointer_attributes.py"


def is_pointer(attribute: etree._Element) -> bool:
    for data in attribute.iter(f"{{{RNG}}}data"):
        if data.get("type") == "anyURI":
            params = [p.text for p in data.findall(f"{{{RNG}}}param") if p.get("name") == "pattern"]
            if params == [r"\S+"]:
                return True
    return False


TEMPORAL_TYPES = {"date", "gYear", "gMonth", "gDay", "gYearMonth", "gMonthDay", "time", "dateTime"}


def is_temporal(attribute: etree._Element) -> bool:
    return any(d.get("type") in TEMPORAL_TYPES for d in attribute.iter(f"{{{RNG}}}data"))


def kind(attribute: etree._Element) -> str:
    return "pointer" if is_pointer(attribute) else "temporal" if is_temporal(attribute) else "other"


def attribute_name(attribute: etree._Element) -> str | None:
    name = attribute.get("name")
    if name is None:
        return None
    ns = attribute.get("ns", "")
    return f"{{{ns}}}{name}" if ns else name


def main(schema: Path) -> None:
    tree = etree.parse(str(schema))
    defines: dict[str, list[etree._Element]] = defaultdict(list)
    for d in tree.iter(f"{{{RNG}}}define"):
        defines[d.get("name")].append(d)

    cache: dict[str, dict[str, set[str]]] = {}

    def attributes_of(node: etree._Element, seen: frozenset[str]) -> dict[str, set[str]]:
        """name -> kinds, for every attribute reachable without entering a child element."""
        found: dict[str, set[str]] = defaultdict(set)
        for child in node:
            if not isinstance(child.tag, str):
                continue
            if child.tag == f"{{{RNG}}}element":
                continue
            if child.tag == f"{{{RNG}}}attribute":
                name = attribute_name(child)
                if name:
                    found[name].add(kind(child))
                continue
            if child.tag == f"{{{RNG}}}ref":
                target = child.get("name")
                if target in seen:
                    continue
                if target not in cache:
                    sub: dict[str, set[str]] = defaultdict(set)
                    for d in defines.get(target, []):
                        for k, v in attributes_of(d, seen | {target}).items():
                            sub[k] |= v
                    cache[target] = sub
                for k, v in cache[target].items():
                    found[k] |= v
                continue
            for k, v in attributes_of(child, seen).items():
                found[k] |= v
        return found

    pointer_on: dict[str, set[str]] = defaultdict(set)
    other_on: dict[str, set[str]] = defaultdict(set)
    temporal_on: dict[str, set[str]] = defaultdict(set)
    not_temporal_on: dict[str, set[str]] = defaultdict(set)
    for el in tree.iter(f"{{{RNG}}}element"):
        name = el.get("name")
        if not name or el.get("ns", "http://www.tei-c.org/ns/1.0") != "http://www.tei-c.org/ns/1.0":
            continue
        for attr, kinds in attributes_of(el, frozenset()).items():
            (pointer_on if "pointer" in kinds else other_on)[attr].add(name)
            (temporal_on if "temporal" in kinds else not_temporal_on)[attr].add(name)

    everywhere = sorted(a for a in pointer_on if not other_on.get(a))
    some = {a: sorted(pointer_on[a]) for a in sorted(pointer_on) if other_on.get(a)}
    lines = [
        '"""TEI attributes of datatype teidata.pointer (generated: do not edit).',
        "",
        f"Made by tools/make_pointer_attributes.py from {schema.name}; {len(pointer_on)} attribute names.",
        '"""',
        "",
        "# Pointers on every TEI element that has them.",
        "EVERYWHERE: frozenset[str] = frozenset({",
        *[f"    {a!r}," for a in everywhere],
        "})",
        "",
        "# Names that are pointers on these elements only (elsewhere another datatype).",
        "ON_ELEMENTS: dict[str, frozenset[str]] = {",
    ]
    for a, els in some.items():
        lines.append(f"    {a!r}: frozenset({{")
        lines.extend(f"        {e!r}," for e in els)
        lines.append("    }),")
    lines.append("}")
    lines += [
        "",
        "# Date attributes (teidata.temporal.w3c somewhere) and the elements where they are not dates.",
        "NOT_TEMPORAL: dict[str, frozenset[str]] = {",
    ]
    for a in sorted(temporal_on):
        lines.append(f"    {a!r}: frozenset({{")
        lines.extend(f"        {e!r}," for e in sorted(not_temporal_on.get(a, ())))
        lines.append("    }),")
    lines.append("}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(pointer_on)} pointer attributes ({len(everywhere)} everywhere, {len(some)} on some elements) -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tei" / "schema" / "tei_all.rng")
