"""xml:id values are unique (outside egXML examples, which quote other documents)."""

from __future__ import annotations

from editio.diagnostics import error
from editio.rules import XML_ID, Context, rule


@rule("integrity.id")
def unique_ids(ctx: Context):
    first: dict[str, object] = {}
    for el in ctx.outside_examples:
        value = el.get(XML_ID)
        if value is None:
            continue
        if value in first:
            line, col = ctx.at(el)
            earlier = ctx.at(first[value])[0]
            yield error(ctx.path, line, col,
                        f"xml:id '{value}' is used again (first on line {earlier})", "integrity.id")
        else:
            first[value] = el
