"""Editorial flags ("citation needed", "clarification needed") counted and reported as information.

A flag is any TEI element whose @type, @subtype or @ana names one of them, in
any of the usual spellings: `citation-needed`, `citation_needed`,
`citationNeeded`, `#citation-needed` (a pointer to a category), ...
Each flag is one `info` diagnostic, numbered "k of n" for its kind.
"""

from __future__ import annotations

import re

from editio.check.rules import Context, rule
from editio.core.diagnostics import info

KINDS = {"citationneeded": "citation needed", "clarificationneeded": "clarification needed"}
_EXCERPT = 60


_KEYS: dict[str, str | None] = {}  # token -> its kind (None: not a flag)


def _kind(el) -> str | None:
    for attribute in ("type", "subtype", "ana"):
        for token in (el.get(attribute) or "").split():
            kind = _KEYS.get(token, "")
            if kind == "":
                if len(_KEYS) > 10_000:
                    _KEYS.clear()  # bounded over a long build
                key = re.sub(r"[^a-z]", "", token.rsplit("#", 1)[-1].lower())
                kind = _KEYS[token] = KINDS.get(key)
            if kind:
                return kind
    return None


def _excerpt(el) -> str:
    text = " ".join("".join(el.itertext()).split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1].rstrip() + "…"


@rule("integrity.flag")
def editorial_flags(ctx: Context):
    flags = []
    for el in ctx.attributed:
        kind = _kind(el)
        if kind:
            flags.append((kind, el))
    totals: dict[str, int] = {}
    for kind, _ in flags:
        totals[kind] = totals.get(kind, 0) + 1
    counted: dict[str, int] = {}
    for kind, el in flags:
        counted[kind] = counted.get(kind, 0) + 1
        line, col = ctx.at(el)
        excerpt = _excerpt(el)
        about = f': "{excerpt}"' if excerpt else ""
        yield info(ctx.path, line, col, f"{kind} ({counted[kind]} of {totals[kind]}){about}", "integrity.flag")
