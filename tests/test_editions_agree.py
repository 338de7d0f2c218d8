"""The text edition and the HTML edition print the same reading text.

For the sample edition and every TEI P5 file of the corpus, the words of the
text edition's body and of the HTML edition's `main` agree, in order. What is
compared is the reading text proper: both editions add editorial matter that is
not part of it, and each marks it:

* text: labels between U+E005/U+E006 (note markers, flag labels, signs, line
  numbers; `textlayout.reading_text` drops them); the header and the notes are
  parts of their own, not the body;
* HTML: elements whose class names editorial matter (EDITORIAL below: note
  references and the note list, flag labels and their descriptions, table of
  contents, index, apparatus, controls, hidden screen-reader text) and the
  sectioning elements for such matter (nav, aside, header, footer). Generated
  text (a gap's sign, a note's number, a pointer's link text) has the class
  `editio-label`; in the text edition it is a label too.

Notes follow one rule in both editions (xslt/common/notes.xsl `note-placement`):
foot and end notes leave a marker and are listed apart; inline notes are read
where they stand; block notes (between blocks, pointing nowhere) are a block
where they stand. Margin notes (and top/bottom-of-page notes) are not part of
the running text in either edition: the text edition leaves a marker and lists
them with the notes, the HTML edition sets them beside the text (class
`note-margin`, floated); so both leave them out of the body's words here (their
own words are checked as notes by test_html_corpus and test_text_edition).

On a difference the test prints the first word where the editions part, with
context from both.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from conftest import SAMPLE, corpus_p5_files, params
from lxml import html as lxml_html
from test_text_edition import load_options, text_parts

from editio.load.document import load
from editio.render.formats import get_format
from editio.render.publish import PublishOptions, publish
from editio.render.textlayout import reading_text

WORD = re.compile(r"\w+")
EDITORIAL = {
    "editio-label",
    "editio-noteref",
    "editio-footnotes",
    "editio-endnotes",
    "editio-notes",
    "editio-flag-label",
    "editio-flag-descriptions",
    "editio-toc",
    "editio-index",
    "editio-controls",
    "editio-backlink",
    "editio-metadata",
    "visually-hidden",
    "apparatus",
    "app-ref",
    "editio-apparatus",
    "witness-switch",
    "witness-list",
    "witnesses",
}
# Not editorial, but apart from the running text in both editions (see above).
APART = {"note-margin"}
EDITORIAL_TAGS = {"nav", "aside", "header", "footer", "script", "style"}
# MathML and SVG: passed to the browser as they are; the text edition writes them
# as a label (a linear formula), left out of its reading text too.
EDITORIAL_TAGS |= {"math", "svg"}
BLOCKS = {
    "p",
    "div",
    "section",
    "li",
    "ul",
    "ol",
    "td",
    "th",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "dd",
    "dt",
    "dl",
    "blockquote",
    "figure",
    "figcaption",
    "pre",
    "article",
    "hr",
}


def html_reading_text(page: str) -> str:
    root = lxml_html.document_fromstring(page)
    mains = root.xpath("//main")
    assert mains, "the HTML edition has no <main>"
    parts: list[str] = []

    def walk(el):
        if not isinstance(el.tag, str):
            return
        classes = set((el.get("class") or "").split())
        if el.tag in EDITORIAL_TAGS or classes & (EDITORIAL | APART):
            return
        # (an inline note is read where it stands, apart from the word before it: "word (note)")
        block = el.tag in BLOCKS or "note-inline" in classes
        if block:
            parts.append(" ")
        parts.append(el.text or "")
        for child in el:
            walk(child)
            parts.append(child.tail or "")
        if block:
            parts.append(" ")

    walk(mains[0])
    return "".join(parts)


def words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFC", text))


def first_difference(a: list[str], b: list[str]) -> int | None:
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return None if len(a) == len(b) else min(len(a), len(b))


# The small case of the rules above (the same TEI in both golden folders).
CASE = Path(__file__).parent / "cases" / "text" / "agreement.xml"


@pytest.mark.parametrize("path", params([CASE, SAMPLE, *corpus_p5_files()]))
def test_text_and_html_editions_agree(path: Path):
    text_words = words(reading_text(text_parts(path)["body"]))
    doc = load(path, load_options(path))
    assert doc.ok, doc.diagnostics
    page = publish(doc, get_format("html"), PublishOptions()).output
    html_words = words(html_reading_text(page))
    i = first_difference(text_words, html_words)
    if i is not None:
        pytest.fail(
            f"{path.name}: the editions part at word #{i} (text has {len(text_words)} words, HTML {len(html_words)})\n"
            f"  text: {' '.join(text_words[max(0, i - 8) : i + 8])}\n"
            f"  html: {' '.join(html_words[max(0, i - 8) : i + 8])}",
            pytrace=False,
        )
