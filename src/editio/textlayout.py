"""Final layout of the plain-text edition: wrapping, NFC, no trailing spaces.

The text stylesheets emit one logical line per paragraph; lines that must not
be re-flowed (verse, tables, headings) start with the no-wrap mark U+E000,
which is removed here. Wrapping keeps a line's leading indentation.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

NO_WRAP = "\ue000"
_INDENT = re.compile(r"^[ ]*")


def finish(text: str, width: int = 78) -> str:
    lines = []
    for line in text.split("\n"):
        if line.startswith(NO_WRAP) or width <= 0 or len(line) <= width:
            lines.append(line.replace(NO_WRAP, "").rstrip())
            continue
        indent = _INDENT.match(line).group(0)
        wrapped = textwrap.wrap(
            line.strip(), width=width, initial_indent=indent, subsequent_indent=indent,
            break_long_words=False, break_on_hyphens=False,
        )
        lines.extend(w.rstrip() for w in wrapped or [""])
    out = "\n".join(lines)
    out = re.sub(r"\n{3,}", "\n\n", out).strip("\n") + "\n"
    return unicodedata.normalize("NFC", out)
