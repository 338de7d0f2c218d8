"""xml:id values are unique (outside egXML examples, which quote other documents)."""

from __future__ import annotations

from lxml import etree

from editio.check.rules import XML_ID, Context, rule
from editio.core.diagnostics import error

_WITH_XML_ID = etree.XPath("descendant-or-self::*[@xml:id]")


@rule("integrity.id")
def unique_ids(ctx: Context):
    first: dict[str, object] = {}
    for el in ctx.select(_WITH_XML_ID):
        value = el.get(XML_ID)
        if value in first:
            line, col = ctx.at(el)
            earlier = ctx.at(first[value])[0]
            yield error(
                ctx.path, line, col, f"xml:id '{value}' is used again (first on line {earlier})", "integrity.id"
            )
        else:
            first[value] = el
