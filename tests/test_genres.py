"""The genres of issue 14: drama, epigraphy (EpiDoc, Leiden conventions), documentary and genetic
transcription (sourceDoc).

Golden cases in tests/cases/<genre>/ (real files, or excerpts of them, with their provenance in the
folder's README): both editions, in the views that differ for the genre, compared with
NAME.VIEW.html (the page's body) and NAME.VIEW.txt (the text edition without its header).
EDITIO_REGENERATE=1 rewrites them: read the diff.

Beside the goldens, what the issue asks of each genre is checked directly, on the cases, on the
whole SGA notebooks of tests/corpus/genetic_sga, and on the files of ../shared/corpus that may not be
copied (the Shakespeare play and the Faust page are CC BY-NC: those tests are marked `shared`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, SHARED_CORPUS, first_missing, shared
from golden import assert_golden, run_cli
from html_support import page_body
from lxml import etree, html
from test_editions_agree import html_reading_text

from editio.load.document import LoadOptions, load, parse_bytes
from editio.prepare.annotate import prepare
from editio.render import page, transform
from editio.render.formats import get_format
from editio.render.publish import PublishOptions, publish
from editio.render.textlayout import reading_text

CASES = ROOT / "tests" / "cases"
VIEWS = {"drama": ("reading",), "epigraphy": ("reading", "diplomatic"), "genetic": ("reading", "diplomatic")}
GOLDEN = [
    (case, view) for genre, views in VIEWS.items() for case in sorted((CASES / genre).glob("*.xml")) for view in views
]
TEI = "{http://www.tei-c.org/ns/1.0}"
WORD = re.compile(r"\w+")
SGA = CORPUS / "genetic_sga"
_DIAGNOSTIC = re.compile(r"^[^:]+:(\d+):\d+: (\w+): (.*)$")


def document(path: Path, xinclude: bool = False):
    if xinclude:  # the SGA notebooks include ../shared/classDecl.xml: resolved here, outside the loader's gate
        tree = etree.parse(str(path))
        tree.xinclude()
        doc = parse_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"), path, LoadOptions())
    else:
        doc = load(path)
    assert doc.ok, doc.diagnostics
    return doc


def published(path: Path, fmt: str, view: str = "reading", xinclude: bool = False):
    return publish(document(path, xinclude), get_format(fmt), PublishOptions(view=view, header=False))


def text_reading(path: Path, view: str = "reading", xinclude: bool = False) -> str:
    """The text edition's body without its labels (signs, headings of editio's), before layout."""
    doc = document(path, xinclude)
    prepare(doc.tree)
    result, _ = transform.run(doc.tree, get_format("text").stylesheet, {"view": view}, source=str(path))
    return reading_text(page.result_context(result, get_format("text"))["parts"]["body"])


@pytest.mark.parametrize("case,view", GOLDEN, ids=[f"{c.parent.name}/{c.stem}.{v}" for c, v in GOLDEN])
def test_golden(case: Path, view: str):
    page = run_cli(["html", "--view", view, case.name], cwd=case.parent)
    assert page.exit_code == 0, page.stderr
    notes = [
        f"<!-- {m.group(1)}: {m.group(2)}: {m.group(3)} -->"
        for m in map(_DIAGNOSTIC.match, page.stderr.splitlines())
        if m
    ]
    assert_golden(
        "\n".join([*notes, page_body(page.stdout)]) + "\n",
        case.with_suffix(f".{view}.html"),
        f"the page of {case.name}",
    )
    text = run_cli(["text", "--view", view, "--no-header", case.name], cwd=case.parent)
    assert text.exit_code == 0, text.stderr
    assert_golden(text.stdout, case.with_suffix(f".{view}.txt"), f"the text of {case.name}")


def test_every_genre_has_cases_and_provenance():
    for genre in VIEWS:
        assert list((CASES / genre).glob("*.xml")), genre
        assert (CASES / genre / "README.md").is_file(), genre


def words(text: str) -> list[str]:
    import unicodedata

    return WORD.findall(unicodedata.normalize("NFC", text))


def main_of(page: str):
    return html.fromstring(page).xpath("//main")[0]


# --- epigraphy ------------------------------------------------------------------------------

EPI = CASES / "epigraphy"


def test_leiden_signs_in_the_reading_view():
    out = published(EPI / "epidoc_isicily_ISic000810.xml", "text").output
    lines = out.split("\n")
    assert "       [rec]tori [orbis ...]" in lines  # supplied and a gap of 3 letters share brackets
    assert "       [d(omino) n(ostro) Fl(avio)] Val(erio) Constantino" in lines  # one bracket over three words
    assert "    5  [- - -]" in lines  # gap of unknown extent; every fifth line numbered
    assert "       [Domitiu?]s Latronianus" in lines  # cert="low"
    i = lines.index("       [devo]ṭu[s] numini maie-")  # unclear: a dot below; lb break="no": hyphen
    assert lines[i + 1] == "       [stat]ique eius"
    # xml:space="preserve": the file's indentation is not the inscription's
    assert not [line for line in lines if line.startswith(" " * 8)]
    assert re.search(r"^Edition\n=+$", out, re.M) and re.search(r"^Apparatus\n=+$", out, re.M)
    assert "Translation" not in out  # an empty division gets no heading
    # the words stay whole for readers that compare texts (signs and the broken line are labels)
    assert "devotus numini maiestatique eius" in " ".join(text_reading(EPI / "epidoc_isicily_ISic000810.xml").split())


def test_leiden_brackets_run_over_words_and_names():
    out = published(EPI / "epidoc_iospe_3-86.xml", "text").output
    assert "[βασιλ]ευούσας Παρθένο̣υ̣, [ἔτεος ... ἱερέος]" in out  # <w><supplied/></w> <gap/> <w><supplied/></w>
    assert "[δὲ - - -]ου Ζήθου" in out  # into a persName/name
    assert "[καὶ θέμεν ἐν τῶι ἐπισαμοτάτωι τᾶς ἀκρο]-" in out  # a word broken over the line
    assert "       - - - - - -" in out  # lines lost


def test_apparatus_takes_loc_and_lists_each_entry_once():
    page = published(EPI / "epidoc_isicily_ISic000810.xml", "html").output
    refs = main_of(page).xpath("//ol[@class='apparatus']/li/*[@class='app-ref']/text()")
    assert refs == ["1", "4"]  # app/@loc, not a running number
    assert page.count("Puccia in EDR") == 1
    assert re.search(r"ol\.apparatus \{ list-style: none", page)  # no second number from the list
    text = published(EPI / "epidoc_isicily_ISic000810.xml", "text").output
    assert re.search(r"^4 Puccia in EDR", text, re.M)


def test_leiden_in_the_html_edition():
    page = published(EPI / "epidoc_isicily_ISic000810.xml", "html").output
    main = main_of(page)
    assert [h.text for h in main.xpath(".//h2[contains(@class, 'editio-division-title')]")] == [
        "Edition",
        "Apparatus",
        "Bibliography",
    ]
    lbs = main.xpath(".//span[contains(@class, 'editio-lb')]")
    assert len(lbs) == 9 and [lb.get("data-n") for lb in lbs if lb.get("data-n")] == ["5"]
    assert "editio-lb-first" in lbs[0].get("class") and "editio-lb-hyphen" in lbs[8].get("class")
    signs = "".join(main.xpath(".//span[contains(@class, 'editio-sign') or contains(@class, 'tei-gap')]/text()"))
    assert signs.count("[") == signs.count("]") and "\u0323" in signs
    # the editions agree word for word (signs and line numbers are editorial)
    assert words(html_reading_text(page)) == words(text_reading(EPI / "epidoc_isicily_ISic000810.xml"))


# --- documentary and genetic transcription ------------------------------------------------------

GEN = CASES / "genetic"


def source_words(path: Path, xinclude: bool = False) -> list[str]:
    """Every word of sourceDoc, deletions and additions included (notes and app readings apart)."""
    tree = etree.parse(str(path))
    if xinclude:
        tree.xinclude()
    parts: list[str] = []

    def layout(s: str | None, el) -> str:
        # indentation directly inside a mod is the file's (<mod>\n<del>h</del>\n<add>d</add>\n</mod>ead)
        return "" if s and el.tag == f"{TEI}mod" and "\n" in s and not s.strip() else (s or "")

    def walk(el):
        for child in el:
            if isinstance(child.tag, str) and child.tag not in (f"{TEI}rdg", f"{TEI}note", f"{TEI}graphic"):
                parts.append(" " if child.tag in (f"{TEI}line", f"{TEI}zone") else "")
                parts.append(layout(child.text, child))
                walk(child)
                parts.append(" " if child.tag in (f"{TEI}line", f"{TEI}zone") else "")
            parts.append(layout(child.tail, el))

    for doc in tree.getroot().iter(f"{TEI}sourceDoc"):
        walk(doc)
    return words("".join(parts))


@pytest.mark.parametrize("view", ["reading", "diplomatic"])
def test_a_sourcedoc_is_published_page_by_page_in_both_editions(view):
    path = GEN / "sga-hu-hm-2177.xml"
    src = source_words(path)
    assert len(src) > 150
    assert first_missing(src, words(text_reading(path, view))) is None
    html_page = published(path, "html", view).output
    assert first_missing(src, words(html_reading_text(html_page))) is None
    text = published(path, "text", view).output
    # each surface a page headed by its label
    assert re.findall(r"^\[(hu-hm_2177-fb04\w+)\]\n-+$", text, re.M) == [
        "hu-hm_2177-fb045v",
        "hu-hm_2177-fb046r",
        "hu-hm_2177-fb046v",
    ]
    assert len(main_of(html_page).xpath(".//section[contains(@class, 'tei-surface')]/h2")) == 3


def test_deletions_struck_and_additions_placed():
    path = GEN / "sga-hu-hm-2177.xml"
    tree = etree.parse(str(path))
    dels = len(list(tree.iter(f"{TEI}del")))
    text = published(path, "text").output
    assert text.count("⟦") == dels == text.count("⟧")
    assert "    Which its ⟦gentle lus⟧\\lustre faintly/ hid" in text.split("\n")  # superlinear
    assert "⟦flowers⟧ /& weeds\\" in text  # sublinear
    main = main_of(published(path, "html").output)
    assert len(main.xpath(".//del")) == dels
    assert main.xpath(".//ins[contains(@class, 'place-above')]") and main.xpath(
        ".//ins[contains(@class, 'place-below')]"
    )


def test_hands_and_marks_in_a_notebook_page():
    path = GEN / "sga-frankenstein-c58-0043-0058.xml"
    text = published(path, "text").output
    assert "[hand: " in text and "⟦" in text
    page = main_of(published(path, "html").output)
    assert page.xpath(".//span[contains(@class, 'tei-metamark')][@title='insert']")
    assert page.xpath(".//span[contains(@class, 'tei-retrace')]")


@pytest.mark.parametrize("main_file", ["ox/genetic_sga_frankenstein-notebook-c2.xml", "hu/genetic_sga_hu-hm-2177.xml"])
def test_whole_sga_notebooks(main_file):
    path = SGA / main_file
    src = source_words(path, xinclude=True)
    assert first_missing(src, words(text_reading(path, xinclude=True))) is None
    html_page = published(path, "html", xinclude=True).output
    assert first_missing(src, words(html_reading_text(html_page))) is None
    surfaces = len(etree.parse(str(path)).xpath("//*[local-name()='sourceDoc']/*[local-name()='include']"))
    assert len(main_of(html_page).xpath(".//section[contains(@class, 'tei-surface')]")) == surfaces


@shared("the Faust page (CC BY-NC-SA) is not copied into tests/corpus")
def test_faust_page_with_its_apparatus():
    path = SHARED_CORPUS / "genetic_faust_gsa-390020-0002.xml"
    text = published(path, "text").output
    assert "Wer langer Jahre mannigfaltges Glück genoß" in text
    assert re.search(r"^6 erwachſene\] erwachſen$", text, re.M)  # the page's apparatus, by line
    page = main_of(published(path, "html").output)
    assert len(page.xpath(".//section[contains(@class, 'tei-surface')]//ol[@class='apparatus']/li")) == 11


# --- drama ----------------------------------------------------------------------------------------

DRAMA = CASES / "drama"


def test_a_break_opening_a_speech_makes_no_empty_line():
    main = main_of(published(DRAMA / "folger-style.xml", "html").output)
    for p in main.xpath(".//div[contains(@class, 'tei-sp')]/p"):
        first = p.xpath("node()[not(self::text()[normalize-space() = ''])][1]")[0]
        assert not (isinstance(first.tag, str) and first.tag == "br"), etree.tostring(p)[:80]
    assert main.xpath(".//p[@id='p-1']/span[@id='ftln-1514']")  # the break's id is kept


def test_milestone_prints_neither_unit_nor_number():
    page = published(DRAMA / "folger-style.xml", "html").output
    (ms,) = main_of(page).xpath(".//span[@id='ms-1']")
    assert ms.get("data-label") is None and not ms.text_content()
    assert ".tei-milestone::before" not in page
    assert "ftln" not in published(DRAMA / "folger-style.xml", "text").output


def test_nested_stage_directions_keep_their_layout():
    lines = published(DRAMA / "folger-style.xml", "text").output.split("\n")
    assert "        Shout within. Wind horns. They all start up." in lines
    assert "        Wind horn. Enter Theseus and all his train." in lines
    assert "        Music." in lines
    assert any("(Cobweb exits.) Where’s" in line for line in lines)


MIDSUMMER = SHARED_CORPUS / "drama_shakedracor_midsummer.xml"


@shared("the Folger/DraCor play (CC BY-NC) is not copied into tests/corpus")
def test_shakespeare_from_shared():
    main = main_of(published(MIDSUMMER, "html").output)
    opening_breaks = [
        p.get("id")
        for p in main.xpath(".//div[contains(@class, 'tei-sp')]/p")
        if p.xpath("node()[not(self::text()[normalize-space() = ''])][1][self::br]")
    ]
    assert opening_breaks == []
    lines = published(MIDSUMMER, "text").output.split("\n")
    assert "        Wind horn. Enter Theseus and all his train, Hippolyta, Egeus." in lines
    assert "        Enter Oberon, who anoints Titania’s eyelids with the nectar." in lines
