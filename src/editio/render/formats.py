"""Output formats: what each does with the stylesheet's result.

A format names its entry stylesheet (in xslt/), the suffix of its files and its
page template (in templates/), and decides the two things that differ between
outputs: how a `<part>` of the stylesheet's result enters the page template
(`part`), and what is done to the page afterwards (`finish`). Adding a format
is adding a class and an entry in FORMATS; nothing else asks a format its name.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from markupsafe import Markup


@dataclass(frozen=True)
class Format:
    name: str
    stylesheet: str  # entry point inside xslt/
    suffix: str
    template: str  # page template inside templates/
    syntax: str = "jinja"  # of the page template: "jinja", or "tex" (render/latex.py: \VAR{...}, every value escaped)

    def part(self, element: etree._Element):
        """A `<part name="...">` of the result as the page template receives it."""
        return element.text or ""

    def finish(self, page: str, width: int) -> str:
        """The page as written (after the template)."""
        return page


class HtmlFormat(Format):
    def part(self, element: etree._Element):
        if element.get("name") == "style":
            # CSS a stylesheet adds to the page's <style> (plain text, not markup);
            # "</" could end the style element, so it never passes.
            return Markup((element.text or "").replace("</", "<\\/"))
        return Markup(_inner_html(element))


class TextFormat(Format):
    def finish(self, page: str, width: int) -> str:
        from editio.render.textlayout import finish

        return finish(page, width)


class LatexFormat(Format):
    """The print edition: the stylesheets write TeX as elements; render/latex.py escapes every text."""

    def part(self, element: etree._Element):
        from editio.render.latex import to_tex

        return to_tex(element)


def _inner_html(element) -> str:
    parts = [element.text and _escape_text(element.text) or ""]
    for child in element:
        parts.append(etree.tostring(child, method="html", encoding="unicode", with_tail=True))
    return "".join(parts)


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


FORMATS: dict[str, Format] = {
    "html": HtmlFormat("html", "html.xsl", ".html", "page.html"),
    "text": TextFormat("text", "text.xsl", ".txt", "page.txt"),
    "latex": LatexFormat("latex", "latex.xsl", ".tex", "page.tex", syntax="tex"),
}


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown format '{name}' (known: {', '.join(FORMATS)})") from None
