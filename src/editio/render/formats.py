"""Output formats are data: a name, an entry stylesheet, a file suffix, a page template."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    name: str
    stylesheet: str  # entry point inside xslt/
    suffix: str
    template: str  # page template inside templates/


FORMATS: dict[str, Format] = {
    "html": Format("html", "html.xsl", ".html", "page.html"),
    "text": Format("text", "text.xsl", ".txt", "page.txt"),
}


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown format '{name}' (known: {', '.join(FORMATS)})") from None
