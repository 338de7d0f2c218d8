"""The text edition on real TEI: the sample edition and the corpus (tests/corpus, ../shared/corpus).

* every word of the reading text appears, in order, in the text edition;
* the sample edition shows its eight note markers after the same words as the
  source (the scraped seed file), its eight notes, both "senza fonte" flags and
  the clarification span;
* the output is NFC, without trailing spaces, with one final newline, and the
  same bytes on every build.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from conftest import CORPUS, SAMPLE, SEED, corpus_p5_files, first_missing, is_foreign, is_letter_line, params

from editio.core.elements import table
from editio.load.document import LoadOptions, load
from editio.prepare.annotate import prepare
from editio.render import page, transform
from editio.render.formats import get_format
from editio.render.publish import PublishOptions, publish
from editio.render.textlayout import reading_text

TEI = "{http://www.tei-c.org/ns/1.0}"
WORD = re.compile(r"\w+")

# --- the reading text of a TEI document, independently of the stylesheets -------------

# Not reading text: notes (listed after the text), what the reading view leaves out,
# the apparatus's readings, descriptions of figures, markup examples' attributes.
SKIP = {
    f"{TEI}{n}"
    for n in (
        "note",
        "del",
        "surplus",
        "fw",
        "rdg",
        "witDetail",
        "figDesc",
        "teiHeader",
        "interp",
        "interpGrp",
        "certainty",
        "index",
    )
} | {"{http://www.tei-c.org/ns/Examples}egXML"}
# and what the table of elements hides (xslt/common/elements.xml: coordinates, links, feature structures ...)
SKIP |= {e.clark for e in table().values() if e.text_kind == "hidden"}
# Elements whose content is a line or block of its own (a word boundary).
BLOCK = {
    f"{TEI}{n}"
    for n in (
        "p",
        "ab",
        "head",
        "l",
        "lg",
        "item",
        "label",
        "cell",
        "row",
        "sp",
        "speaker",
        "stage",
        "castItem",
        "salute",
        "signed",
        "dateline",
        "byline",
        "titlePart",
        "docAuthor",
        "docImprint",
        "docDate",
        "trailer",
        "addrLine",
        "quote",
        "bibl",
        "table",
        "list",
        "div",
        "opener",
        "closer",
        "argument",
        "epigraph",
        "surface",
        "zone",
        "line",
    )
}
# Elements without mixed content: whitespace between their children is layout (as the
# stylesheet's xsl:strip-space says).
NO_MIXED = {f"{TEI}{n}" for n in ("choice", "subst")}
DOCUMENTARY = {f"{TEI}{n}" for n in ("del", "surplus", "fw")}
MOD = f"{TEI}mod"
SOURCE_DOC = f"{TEI}sourceDoc"
BLOCK |= {f"{TEI}{n}" for n in ("line", "zone", "surface")}
MILESTONES = {f"{TEI}{n}" for n in ("lb", "pb", "cb")}
SHOWN_IN_CHOICE = (f"{TEI}corr", f"{TEI}expan", f"{TEI}reg")


def _joins(el) -> bool:
    return el.get("break") == "no" or el.get("type") == "hyphenInWord"


def reading_text_of(tree, elements=None) -> str:
    """The reading view's text of /TEI/text (or of `elements`), by the rules of xslt/common/views.xsl."""
    parts: list[str] = []
    skip = SKIP

    def walk(el, top=False):
        tag = el.tag
        if not isinstance(tag, str) or (tag in skip and not top) or is_foreign(el):  # a note asked for itself is read
            return
        if tag in MILESTONES:
            if _joins(el):
                while parts and parts[-1].strip() == "":
                    parts.pop()
                if parts:
                    parts[-1] = parts[-1].rstrip()
                parts.append("\0")  # strips the whitespace that follows
            else:
                parts.append(" ")
            return
        if tag == f"{TEI}gap":
            return
        if tag == f"{TEI}space":
            parts.append(" ")  # a space the source left blank
            return
        if tag == f"{TEI}w":
            before = el.getprevious()
            if before is not None and before.tag in (f"{TEI}w", f"{TEI}pc") and not (before.tail or ""):
                parts.append(" ")
        if tag == f"{TEI}am" and el.getparent().tag == f"{TEI}expan" and skip is SKIP:
            return
        block = tag in BLOCK or is_letter_line(el)
        if block:
            parts.append(" ")
        strip = tag in NO_MIXED or (tag == MOD and "strip-layout")
        _text(el.text, strip)
        if tag == f"{TEI}choice":
            shown = [c for c in el if c.tag in SHOWN_IN_CHOICE] or [c for c in el if isinstance(c.tag, str)][:1]
            for child in shown[:1]:
                walk(child)
        else:
            for child in el:
                walk(child)
                _text(child.tail, strip)
        if block:
            parts.append(" ")

    def _text(s, strip=False):
        # (inside a mod only whitespace holding a line break is layout: prepare drops it)
        if s and not (strip and not s.strip() and (strip is True or "\n" in s)):
            if parts and parts[-1] == "\0":
                parts[-1] = s.lstrip()
            else:
                parts.append(s)

    root = tree.getroot()
    # the text, or the texts of a teiCorpus's members (xslt/common/corpus.xsl); or the elements asked for
    if elements is None:
        elements = root.xpath("t:text | t:TEI/t:text | t:teiCorpus/t:TEI/t:text", namespaces={"t": TEI[1:-1]})
    for text in elements:
        # A documentary transcription (sourceDoc) is published as the document is, in both views:
        # what the writer deleted, and the page's furniture, are its words too.
        documentary = text.tag == SOURCE_DOC or next(text.iterancestors(SOURCE_DOC), None) is not None
        skip = SKIP - DOCUMENTARY if documentary else SKIP
        walk(text, top=True)
    return unicodedata.normalize("NFC", "".join(p for p in parts if p != "\0"))


def words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFC", text))


# --- building the text edition ----------------------------------------------------------


def load_options(path: Path) -> LoadOptions:
    return LoadOptions(xinclude=True) if "xinclude" in path.name else LoadOptions()


@cache
def text_parts(path: Path) -> dict[str, str]:
    """The stylesheet's parts (header, body, notes) for a file, before layout."""
    doc = load(path, load_options(path))
    assert doc.ok, doc.diagnostics
    prepare(doc.tree)
    result, _ = transform.run(doc.tree, get_format("text").stylesheet, {"view": "reading"}, source=str(path))
    return page.result_context(result, get_format("text"))["parts"]


@cache
def text_edition(path: Path, **kw) -> str:
    doc = load(path, load_options(path))
    assert doc.ok, doc.diagnostics
    return publish(doc, get_format("text"), PublishOptions(**kw)).output


DOCUMENTS = [SAMPLE, *corpus_p5_files()]


@pytest.mark.parametrize("path", params(DOCUMENTS))
def test_every_reading_word_in_order(path: Path):
    doc = load(path, load_options(path))
    expected = words(reading_text_of(doc.tree))
    if not expected:  # a transcription: the sourceDoc is its text
        expected = words(reading_text_of(doc.tree, doc.tree.getroot().findall(f"{TEI}sourceDoc")))
    if not expected:
        # a document with nothing to publish (a teiCorpus of unexpanded XIncludes) is an error, never an empty page
        found = publish(load(path, load_options(path)), get_format("text")).diagnostics
        assert any(d.severity.value == "error" for d in found), (
            f"{path.name}: no reading text, and publishing it reports no error"
        )
        return
    actual = words(reading_text(text_parts(path)["body"]))
    missing = first_missing(expected, actual)
    if missing is not None:
        context = " ".join(expected[max(0, missing - 8) : missing + 8])
        pytest.fail(
            f"{path.name}: reading word #{missing} {expected[missing]!r} is missing from the text "
            f"edition (or out of order); around it: {context}",
            pytrace=False,
        )


@pytest.mark.parametrize("path", params(DOCUMENTS))
def test_layout_invariants(path: Path):
    out = text_edition(path)
    assert out.endswith("\n") and not out.endswith("\n\n")
    assert unicodedata.is_normalized("NFC", out)
    bad = [i for i, line in enumerate(out.split("\n"), 1) if line != line.rstrip()]
    assert not bad, f"trailing spaces on lines {bad[:5]}"
    assert not re.search("[\ue000-\ue00f]", out), "a layout mark leaked"


def test_byte_identical_on_rebuild():
    for path in (SAMPLE, CORPUS / "drama_verse_gerdracor_goethe-faust.xml"):
        doc1, doc2 = load(path), load(path)
        fmt = get_format("text")
        assert publish(doc1, fmt).output.encode() == publish(doc2, fmt).output.encode()


# --- the sample edition against its source -------------------------------------------------

MARKER = re.compile(r"(?<=[.,]) (?P<n>[1-8])(?= |$)", re.MULTILINE)


def _words_before(text: str, end: int, k: int = 3) -> list[str]:
    return words(text[:end])[-k:]


def test_sample_markers_follow_the_source_words():
    seed = SEED.read_text(encoding="utf-8")
    seed = seed.replace(".mw-parser-output .chiarimento.mw-parser-output .chiarimento-apice", " ")
    seed_markers = [(int(m["n"]), _words_before(seed, m.start())) for m in MARKER.finditer(seed)]
    assert [n for n, _ in seed_markers] == list(range(1, 9))
    body = text_edition(SAMPLE, header=False, width=0).split("\nNote\n")[0]
    found = [(int(m[1]), _words_before(body, m.start())) for m in re.finditer(r"\[([1-8])\]", body)]
    assert found == seed_markers


def test_sample_notes_flags_and_span():
    out = text_edition(SAMPLE, width=0)
    body, sep, notes = out.partition("\nNote\n====\n")
    assert sep, "no notes heading in the document's language"
    empty = "La fonte non riporta il testo di questa nota."
    assert [line for line in notes.split("\n") if line] == [f"[{n}] {empty}" for n in range(1, 9)]
    assert body.count("[senza fonte]") == 2
    assert '300 milioni di marchi ⸢"grazie alla collaborazione del governo tedesco"⸣[chiarimento].[senza fonte]' in body
    assert "rispetto al 1925" not in body and "con il 1925.[senza fonte]" in body
    seed_flags = SEED.read_text(encoding="utf-8").count("senza fonte")
    assert body.count("[senza fonte]") == seed_flags
