"""The text edition of a critical edition numbers its printed lines, and its
apparatus cites them (issue 18): every reference is a line that exists in the
margin's numbering of its division, the lemma stands on that line (the first
word on the first line of a range, the last on the last), every app has one
entry, and the margin shows every fifth number.

The numbers count the lines as printed, after wrapping (render/linenumbers.py);
the layout with numbers wraps exactly as the layout without them, narrower by
the margin.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from conftest import CORPUS, first_missing

from editio.contract import marker
from editio.core.namespaces import TEI
from editio.load.document import load
from editio.render.formats import get_format
from editio.render.publish import PublishOptions, publish
from editio.render.textlayout import finish

WORD = re.compile(r"\w+")
MARGIN = re.compile(r"^([ \d]{5})  (.*)$")
ENTRY = re.compile(r"^(\d+)(?:–(\d+))? (.*)$")
RANGE = re.compile(r"^(\d+)–(\d+) (.*)$")
FILES = ["crit_pta_homilia-de-dominica-die.xml", "crit_teistylesheets_testapp2.xml"]


def words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFC", text))


def parse(text: str):
    """[(numbered lines, [(first, last, entry text)])] per apparatus block, in order."""
    blocks, region, lines, i = [], [], text.split("\n"), 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line == "Apparatus":
            entries = []
            i += 1  # the blank line after the heading
            while i < len(lines) and lines[i].strip():
                if lines[i].startswith(" ") and entries:
                    first, last, said = entries[-1]
                    entries[-1] = (first, last, said + " " + lines[i].strip())
                else:
                    m = ENTRY.match(lines[i])
                    assert m, f"an apparatus line without a line number: {lines[i]!r}"
                    entries.append((int(m.group(1)), int(m.group(2) or m.group(1)), m.group(3)))
                i += 1
            blocks.append((region, entries))
            region = []
            continue
        m = MARGIN.match(line)
        if line.strip() and m:
            region.append((m.group(1), m.group(2)))
    return blocks


def lemma_words(entry: str, sigla: set[str]) -> list[str]:
    head = entry.split("]", 1)[0]
    while re.search(r"\([^()]*\)", head):  # notes in parentheses, innermost first
        head = re.sub(r"\([^()]*\)", " ", head)
    head = head.split()
    while head and head[-1] in sigla:
        head.pop()
    return words(" ".join(head))


def shown_in_text(app) -> bool:
    """Whether the app's lemma is printed: every reading around it is the one its app shows."""
    el = app
    for reading in app.iterancestors(f"{TEI}lem", f"{TEI}rdg"):
        outer = next(reading.iterancestors(f"{TEI}app"))
        own = [r for r in outer.iter(f"{TEI}lem", f"{TEI}rdg") if next(r.iterancestors(f"{TEI}app")) is outer]
        shown = next((r for r in own if r.tag == f"{TEI}lem"), own[0])
        if reading is not shown:
            return False
        el = outer
    return el is not None


def apps_in_print_order(root) -> list:
    """Apps as the apparatus blocks list them: by division (in document order), then in document order."""
    order = {el.get("{urn:editio}sect"): i for i, el in enumerate(root.iter()) if el.get("{urn:editio}sect")}
    apps = list(root.iter(f"{TEI}app"))
    return sorted(apps, key=lambda a: order[a.get("{urn:editio}section")])  # stable: document order within


@pytest.mark.parametrize("name", FILES)
def test_apparatus_references_are_lines_of_the_margin(name):
    doc = load(CORPUS / name)
    text = publish(doc, get_format("text"), PublishOptions(header=False)).output
    root = doc.tree.getroot()
    sigla = {w.get("{urn:editio}siglum") for w in root.iter(f"{TEI}witness")}
    apps = iter(apps_in_print_order(root))
    blocks = parse(text)
    assert blocks, "no apparatus"
    count = 0
    for region, entries in blocks:
        # only printed lines are counted: an underline is not a line of text
        printed = [(shown, content) for shown, content in region if not set(content.strip()) <= {"=", "-"}]
        for n, (shown, _content) in enumerate(printed, 1):
            assert shown.strip() == (str(n) if n % 5 == 0 else ""), f"line {n} shows {shown.strip()!r} in the margin"
        for group_first, group_last, said in entries:
            for k, entry in enumerate(said.split(" | ")):
                count += 1
                app = next(apps)
                first, last = (group_first, group_last) if k == 0 else (group_first, group_first)
                inline = RANGE.match(entry)  # an entry over several lines in the group of its first line
                if inline:
                    first, last, entry = int(inline.group(1)), int(inline.group(2)), inline.group(3)
                    assert first == group_first
                assert 1 <= first <= last <= len(printed), f"{first}–{last} is no line: {entry}"
                lemma = lemma_words(entry, sigla)
                if not lemma or not shown_in_text(app):
                    continue  # an empty lemma (an addition), or the lemma of a reading the text does not show
                span = [w for _s, content in printed[first - 1 : last] for w in words(content)]
                assert first_missing(lemma, span) is None, f"{lemma} not on lines {first}–{last}"
                assert lemma[0] in words(printed[first - 1][1]), f"{entry}: does not start on line {first}"
                assert lemma[-1] in words(printed[last - 1][1]), f"{entry}: does not end on line {last}"
    assert count == len(list(root.iter(f"{TEI}app")))


def test_ranges_and_one_reference_per_line():
    text = publish(load(CORPUS / FILES[0]), get_format("text"), PublishOptions(header=False)).output
    blocks = parse(text)
    said = [entry for _region, entries in blocks for _f, _l, group in entries for entry in group.split(" | ")]
    assert any(RANGE.match(entry) for entry in said), "a lemma over two lines is cited as a range"
    # the entries of one line follow its number once, in the order of the lines
    for _region, entries in blocks:
        starts = [first for first, _last, _said in entries]
        assert starts == sorted(set(starts))


def test_without_line_numbers_the_apparatus_cites_paragraphs():
    text = publish(
        load(CORPUS / FILES[0]), get_format("text"), PublishOptions(header=False, params=(("line-numbers", "no"),))
    ).output
    assert "\n1.1 Ἀκούσατε O V] Ἀκοῦσατε M\n" in text
    assert "tit. Λόγος" in text


S, E, L0, L1 = marker("APP_START"), marker("APP_END"), marker("LABEL_START"), marker("LABEL_END")
START, END = marker("LINES_START"), marker("LINES_END")


def _mark(n: int, kind: str) -> str:
    return f"{L0}{kind}{n}{L1}"


def test_markers_take_no_room():
    """The numbered layout wraps as the plain one does at the width less the margin."""
    words_ = [f"word{i}" for i in range(120)]
    marked = " ".join(f"{_mark(i, S)}{w}{_mark(i, E)}" if i % 7 == 3 else w for i, w in enumerate(words_))
    plain = finish(" ".join(words_), 50).split("\n")
    numbered = finish(f"{START}\n{marked}\n{END}\n", 57).split("\n")
    assert [line[7:] for line in numbered if line] == [line for line in plain if line]
    assert numbered[4].startswith("    5  ")


def test_reference_of_an_empty_lemma_and_of_a_range():
    text = "\n".join(
        [
            START,
            " ".join(["alpha"] * 10)
            + f" {_mark(1, S)}{_mark(1, E)} "
            + " ".join(["beta"] * 10)
            + f" {_mark(2, S)}gamma "
            + " ".join(["delta"] * 12)
            + f"{_mark(2, E)} end",
            f"{marker('UNNUMBERED')}Apparatus",
            "",
            f"{marker('APP_REF')}1{marker('FIELD_END')}1{marker('FIELD_END')}x{marker('FIELD_END')} —] add. A",
            f"{marker('APP_REF')}2{marker('FIELD_END')}2{marker('FIELD_END')}x{marker('FIELD_END')} gamma … delta] om. B",
            END,
        ]
    )
    out = finish(text, 40).split("\n")
    # 33 columns hold five alphas: the addition after the tenth is cited by its line, 2
    assert out[1] == "       " + " ".join(["alpha"] * 5) and "beta" in out[2]
    assert "2 —] add. A" in out
    # the range: from the line of gamma to the line of the last delta
    first = next(i for i, line in enumerate(out, 1) if "gamma" in line)
    last = next(i for i, line in enumerate(out, 1) if line.endswith("delta end"))
    assert first < last
    assert f"{first}–{last} gamma … delta] om. B" in out
