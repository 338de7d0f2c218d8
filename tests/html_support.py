"""Helpers of the HTML edition tests: publish a file, the page's body, words."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from editio.render.formats import get_format
from editio.load.document import LoadOptions, load
from editio.render.publish import PublishOptions, publish

_OPTION = re.compile(r'<\?editio\s+([^?]*)\?>')
_PAIR = re.compile(r'(\w+)="([^"]*)"')


def case_options(path: Path) -> PublishOptions:
    """Options a golden case asks for with `<?editio view="diplomatic" p:name="value"?>`."""
    text = path.read_text(encoding="utf-8")
    view, params = "reading", []
    for pi in _OPTION.findall(text):
        for name, value in _PAIR.findall(pi):
            if name == "view":
                view = value
            else:
                params.append((name, value))
    return PublishOptions(view=view, params=tuple(params))


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
