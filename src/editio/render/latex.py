"""The print edition: TeX from the latex stylesheets' elements, escaped so that
no text of a document can become a TeX command.

The stylesheets (xslt/latex.xsl) write TeX as elements:

    <c n="name"><o>optional</o><a>argument</a></c>   \\name[optional]{argument}
    <e n="name">...</e>                               \\begin{name}...\\end{name}
    <g>...</g>                                        {...}
    <nl/>                                             a line break in the .tex file

Every text node is escaped (`escape`): TeX's special characters become the
commands that print them, brackets are braced (so a text never ends up as an
optional argument) and whitespace runs are one space (a blank line would end a
paragraph). A command or environment name must be letters, with an optional
final `*`; any other name is left out and its content kept, escaped.

The page template (`templates/page.tex`) is Jinja2 with TeX-friendly delimiters
(`\\VAR{...}`, `\\BLOCK{...}`, `\\#{...}`); every value it prints is escaped the
same way unless it is TeX this module made (`TeX`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import jinja2
from lxml import etree

_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "^": r"\textasciicircum{}",
    "_": r"\_",
    "%": r"\%",
    "~": r"\textasciitilde{}",
    "[": "{[}",
    "]": "{]}",
}
_ESCAPE = str.maketrans(_SPECIALS)
_SPACES = re.compile(r"\s+")
_NAME = re.compile(r"[A-Za-z]+\*?")


class TeX(str):
    """TeX made by this module: printed by the page template as it is."""


def escape(text: str) -> str:
    """Plain text as TeX that prints it."""
    return _SPACES.sub(" ", text).translate(_ESCAPE)


def to_tex(element: etree._Element) -> TeX:
    """The content of a stylesheet result element (a `<part>`) as TeX."""
    out: list[str] = []
    _content(element, out)
    return TeX("".join(out))


def _content(element, out: list[str]) -> None:
    if element.text:
        out.append(escape(element.text))
    for child in element:
        _node(child, out)
        if child.tail:
            out.append(escape(child.tail))


def _node(el, out: list[str]) -> None:
    tag = el.tag
    if not isinstance(tag, str):
        return  # comments, processing instructions
    name = el.get("n", "")
    if tag == "nl":
        out.append("\n")
    elif tag == "g":
        out.append("{")
        _content(el, out)
        out.append("}")
    elif tag == "c" and _NAME.fullmatch(name):
        out.append("\\" + name)
        args = [a for a in el if isinstance(a.tag, str) and a.tag in ("o", "a")]
        for arg in args:
            out.append("[" if arg.tag == "o" else "{")
            _content(arg, out)
            out.append("]" if arg.tag == "o" else "}")
        if not args:
            out.append(" ")  # ends the command's name (TeX drops it): the next letter is text
    elif tag == "e" and _NAME.fullmatch(name):
        out.append(f"\\begin{{{name}}}")
        _content(el, out)
        out.append(f"\\end{{{name}}}")
    else:
        _content(el, out)  # an element this vocabulary lacks: its words, escaped


def finalize(value):
    """What a `\\VAR{...}` of the page template prints: TeX as it is, anything else escaped."""
    if isinstance(value, TeX):
        return value
    return escape("" if value is None else str(value))


@lru_cache(maxsize=8)
def environment(search: tuple[str, ...]) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(search)),
        block_start_string=r"\BLOCK{",
        block_end_string="}",
        variable_start_string=r"\VAR{",
        variable_end_string="}",
        comment_start_string=r"\#{",
        comment_end_string="}",
        line_comment_prefix="%#",
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
    )
