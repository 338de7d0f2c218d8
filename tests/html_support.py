"""Helpers of the HTML edition tests: publish a file, the page's body, words."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from editio.load.document import LoadOptions, load
from editio.render.formats import get_format
from editio.render.publish import PublishOptions, publish


def publish_html(path: Path, options: PublishOptions | None = None, xinclude: bool = False):
    doc = load(path, LoadOptions(xinclude=xinclude))
    assert doc.ok, doc.diagnostics
    return publish(doc, get_format("html"), options or PublishOptions())


def page_body(page: str) -> str:
    """The <body> of a page, without the generator line (it names editio's version)."""
    start = page.index("<body")
    end = page.rindex("</body>") + len("</body>")
    body = page[start:end]
    return re.sub(r'<p class="generator">.*?</p>\n?', "", body)


WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFC", text))
