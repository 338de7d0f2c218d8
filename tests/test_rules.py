"""Editorial integrity rules (src/editio/rules/): each rule on small documents, the
sample edition, the corpus (no crash, no false positives on known-good files)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, SAMPLE, corpus_groups
from lxml import etree

from editio.check.rules import registered, run_rules
from editio.check.rules.dates import parse, parse_iso
from editio.check.rules.pointer_attributes import EVERYWHERE, NOT_TEMPORAL, ON_ELEMENTS
from editio.core.locate import Locator
from editio.load.document import Document, load

HEADER = (
    "<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>P</p>"
    "</publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>"
)


def make(tmp_path: Path, body: str, header: str = HEADER) -> Document:
    """A document from source text; parsed without lxml's ID table so duplicate ids reach the rules."""
    source = f'<TEI xmlns="http://www.tei-c.org/ns/1.0">\n{header}\n<text><body>\n{body}\n</body></text>\n</TEI>\n'
    path = tmp_path / "doc.xml"
    path.write_text(source, encoding="utf-8")
    tree = etree.parse(str(path), etree.XMLParser(collect_ids=False))
    return Document(path, tree)


def found(doc: Document, code: str) -> list:
    return [d for d in run_rules(doc) if d.code == code]


def test_every_rule_module_registers_its_codes():
    codes = {code for code, _ in registered()}
    for code in (
        "integrity.id",
        "integrity.pointer",
        "integrity.pointer.file",
        "integrity.pointer.prefixdef",
        "integrity.note.numbering",
        "integrity.note.anchor",
        "integrity.date",
        "integrity.date.order",
        "integrity.flag",
    ):
        assert code in codes


def test_duplicate_ids_reported_with_both_lines(tmp_path):
    doc = make(tmp_path, '<p xml:id="a">one</p>\n<p xml:id="b">two</p>\n<p xml:id="a">three</p>')
    [d] = found(doc, "integrity.id")
    assert (d.line, d.col) == (6, 1)
    assert "'a'" in d.message and "line 4" in d.message


def test_ids_inside_egxml_examples_are_not_the_documents(tmp_path):
    example = (
        '<p xml:id="a">text</p><egXML xmlns="http://www.tei-c.org/ns/Examples">'
        '<p xml:id="a">quoted</p><ptr target="#missing"/></egXML>'
    )
    doc = make(tmp_path, example)
    assert found(doc, "integrity.id") == []
    assert found(doc, "integrity.pointer") == []


def test_pointer_table_is_derived_from_tei_all():
    assert {
        "target",
        "corresp",
        "ref",
        "wit",
        "source",
        "resp",
        "hand",
        "ana",
        "who",
        "sameAs",
        "copyOf",
        "next",
        "prev",
        "synch",
        "facs",
        "rendition",
        "scribeRef",
    } <= EVERYWHERE
    # from/to are pointers on span but dates on date and page numbers on biblScope
    assert "span" in ON_ELEMENTS["from"] and "date" not in ON_ELEMENTS["from"]
    assert "biblScope" in NOT_TEMPORAL["from"] and "date" not in NOT_TEMPORAL["from"]


def test_dangling_pointers_in_several_attributes(tmp_path):
    doc = make(
        tmp_path,
        '<p xml:id="p1" corresp="#p1 #gone">a <ref target="#p1">b</ref>'
        '<seg ana="#nothing">c</seg><span from="#p1" to="#far"/></p>',
    )
    messages = sorted(d.message for d in found(doc, "integrity.pointer"))
    assert len(messages) == 3
    assert any("@corresp" in m and "'gone'" in m for m in messages)
    assert any("@ana" in m and "'nothing'" in m for m in messages)
    assert any("@to" in m and "'far'" in m for m in messages)


def test_external_and_xpointer_pointers_are_not_checked(tmp_path):
    doc = make(
        tmp_path,
        '<p><ref target="https://example.org/#x">a</ref><ref target="#xpath(//p)">b</ref>'
        '<ref target="mailto:a@b.c">c</ref></p>',
    )
    assert found(doc, "integrity.pointer") == []


def test_prefixdef_expansion(tmp_path):
    header = HEADER.replace(
        "</fileDesc>",
        "</fileDesc><encodingDesc><listPrefixDef>"
        '<prefixDef ident="pers" matchPattern="([a-z]+)" replacementPattern="#$1"/>'
        '<prefixDef ident="web" matchPattern="(.+)" replacementPattern="https://example.org/$1"/>'
        "</listPrefixDef></encodingDesc>",
    )
    doc = make(
        tmp_path,
        '<p xml:id="anna"><persName ref="pers:anna">A</persName> <persName ref="pers:bob">B</persName>'
        ' <ref target="web:page">W</ref> <persName ref="pers:Bob9">C</persName></p>',
        header,
    )
    diagnostics = found(doc, "integrity.pointer")
    assert len(diagnostics) == 2
    assert any("pers:bob" in d.message and "'bob'" in d.message and d.severity.value == "error" for d in diagnostics)
    assert any("pers:Bob9" in d.message and d.severity.value == "warning" for d in diagnostics)


def test_prefixdef_replacement_beyond_the_pattern_groups(tmp_path):
    """$1 with a matchPattern of no group is the empty string, as in XPath replace()
    (TEI simplePrint declares such a prefixDef; the rule used to crash on it)."""
    header = HEADER.replace(
        "</fileDesc>",
        "</fileDesc><encodingDesc><listPrefixDef>"
        '<prefixDef ident="s" matchPattern="[a-z]+" replacementPattern="#a$1"/>'
        "</listPrefixDef></encodingDesc>",
    )
    doc = make(tmp_path, '<p xml:id="a"><ref target="s:x">x</ref> <ref target="s:y">y</ref></p>', header)
    assert found(doc, "integrity.pointer") == []


def test_bad_prefixdef_pattern_is_reported(tmp_path):
    header = HEADER.replace(
        "</fileDesc>",
        "</fileDesc><encodingDesc><listPrefixDef>"
        '<prefixDef ident="x" matchPattern="([a-z" replacementPattern="#$1"/>'
        "</listPrefixDef></encodingDesc>",
    )
    assert len(found(make(tmp_path, "<p>x</p>", header), "integrity.pointer.prefixdef")) == 1


def test_missing_local_file_is_information(tmp_path):
    (tmp_path / "there.xml").write_text("<x/>", encoding="utf-8")
    doc = make(tmp_path, '<p><ref target="there.xml#a">a</ref><ref target="missing.xml#b">b</ref></p>')
    [d] = found(doc, "integrity.pointer.file")
    assert d.severity.value == "info" and "missing.xml" in d.message


def test_note_numbering_gaps_duplicates_and_restarts(tmp_path):
    doc = make(
        tmp_path,
        "\n".join(
            [
                '<div><p>a<note n="1">x</note>b<note n="2">x</note>c<note n="[4]">x</note></p></div>',
                '<div><p>d<note n="1">x</note>e<note n="2">x</note>f<note n="2">x</note></p></div>',
                '<div><p>g<note n="*">x</note><note type="end" n="1">y</note><note type="end" n="2">y</note></p></div>',
                '<div><app><lem>l</lem><rdg wit="#A">r<note n="9">z</note></rdg></app></div>',
            ]
        ),
    )
    messages = [d.message for d in found(doc, "integrity.note.numbering")]
    assert len(messages) == 2, messages
    assert "3 missing" in messages[0]
    assert "repeats" in messages[1]


def test_unreferenced_anchor(tmp_path):
    doc = make(
        tmp_path, '<p>a<anchor xml:id="used"/>b<anchor xml:id="unused"/>c<anchor/><note target="#used">n</note></p>'
    )
    [d] = found(doc, "integrity.note.anchor")
    assert "'unused'" in d.message and d.severity.value == "warning"


@pytest.mark.parametrize(
    "value",
    [
        "1926",
        "-0050",
        "1926-06",
        "1926-06-24",
        "1926-06-24T10:30:00",
        "1926-06-24T10:30:00+01:00",
        "10:30:00",
        "--06-24",
        "--06",
        "---24",
        "2000-02-29",
        "12345",
    ],
)
def test_valid_w3c_dates(value):
    assert not isinstance(parse(value), str), value


@pytest.mark.parametrize(
    "value", ["50", "1926-13", "1926-02-30", "1900-02-29", "0000", "1926/06", "June 1926", "1926-6-1", "24:30:00"]
)
def test_invalid_w3c_dates(value):
    assert isinstance(parse(value), str), value


@pytest.mark.parametrize(
    "value", ["1926", "19260624", "1926-W05-3", "1926-175", "1926-06/1926-07", "P3Y2M", "1926-06-24T10:30", "19"]
)
def test_valid_iso_dates(value):
    assert not isinstance(parse_iso(value), str), value


@pytest.mark.parametrize("value", ["1926-13", "1926-02-30", "1927/1926", "soon"])
def test_invalid_iso_dates(value):
    assert isinstance(parse_iso(value), str), value


def test_dates_on_elements(tmp_path):
    doc = make(
        tmp_path,
        '<p><date when="1926-02-30">x</date><date from="1930" to="1926">y</date>'
        '<date from="1926" to="1926-06">ok</date><date notBefore="1926-06" notAfter="1926-06-15">ok'
        '</date><bibl><biblScope unit="page" from="7" to="145">7-145</biblScope></bibl></p>',
    )
    assert [d.message for d in found(doc, "integrity.date")] == [
        "@when='1926-02-30': day 30 does not exist in month 02"
    ]
    [order] = found(doc, "integrity.date.order")
    assert "@from='1930'" in order.message


def test_flags_counted_as_information(tmp_path):
    doc = make(
        tmp_path,
        '<p><seg type="citation-needed">a</seg><seg ana="#clarification_needed">b</seg>'
        '<note type="citationNeeded">c</note><seg type="other">d</seg></p>',
    )
    flags = found(doc, "integrity.flag")
    assert [d.message for d in flags] == [
        'citation needed (1 of 2): "a"',
        'clarification needed (1 of 1): "b"',
        'citation needed (2 of 2): "c"',
    ]
    assert {d.severity.value for d in flags} == {"info"}


def test_codes_switch_off_singly_and_as_a_group(tmp_path):
    doc = make(tmp_path, '<p xml:id="a"><ref target="#b">x</ref></p><p xml:id="a"><date when="1926-13"/></p>')
    codes = {d.code for d in run_rules(doc)}
    assert {"integrity.id", "integrity.pointer", "integrity.date"} <= codes
    assert "integrity.pointer" not in {d.code for d in run_rules(doc, ["integrity.pointer"])}
    assert "integrity.id" in {d.code for d in run_rules(doc, ["integrity.pointer"])}
    assert not [d for d in run_rules(doc, ["integrity"]) if d.code.startswith("integrity.")]


def test_columns_point_at_start_tags(tmp_path):
    source = '<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<a/><b/><a/>\n<c\n  x="1"\n  y="2"/>\n</TEI>\n'
    path = tmp_path / "cols.xml"
    path.write_text(source, encoding="utf-8")
    tree = etree.parse(str(path))
    locator = Locator(tree, path)
    a1, b, a2, c = list(tree.getroot())
    assert locator.position(a1) == (2, 1)
    assert locator.position(b) == (2, 5)
    assert locator.position(a2) == (2, 9)
    assert locator.position(c) == (3, 1)  # libxml2 says line 5, where the start tag ends


def test_sample_edition_has_no_integrity_errors():
    doc = load(SAMPLE)
    assert doc.ok, doc.diagnostics
    diagnostics = run_rules(doc)
    assert not [d for d in diagnostics if d.severity.value != "info"], diagnostics
    assert len([d for d in diagnostics if d.code == "integrity.flag"]) == 3  # two citation-needed, one clarification


# Files of the corpus the rules must find nothing wrong in (checked by hand: their
# pointers, notes and dates are sound); the others have real findings.
CLEAN = {
    "crit_letter_pta_ad-philippenses.xml",
    "drama_notes_gerdracor_kotzebue.xml",
    "drama_verse_gerdracor_goethe-faust.xml",
    "ita_eltec_manzoni_promessi-sposi.xml",
    "ita_eltec_nievo_confessioni.xml",
    "proc_teistylesheets_test32.xml",
}


@pytest.mark.parametrize("corpus", corpus_groups())
def test_corpus_runs_and_known_good_files_are_clean(corpus):
    for f in corpus:
        tree = etree.parse(str(f), etree.XMLParser(collect_ids=False, resolve_entities=False, no_network=True))
        diagnostics = run_rules(Document(f, tree))
        for d in diagnostics:
            assert d.line > 0 and d.col > 0, d
        if f.name in CLEAN:
            assert [d for d in diagnostics if d.severity.value != "info"] == [], f.name


def test_real_findings_in_the_corpus():
    # crit_pta_athanasius cites witnesses as wit="#58" where the witness is xml:id="m58"
    f = CORPUS / "crit_pta_athanasius_contra-gentes.xml"
    tree = etree.parse(str(f), etree.XMLParser(collect_ids=False))
    pointers = [d for d in run_rules(Document(f, tree)) if d.code == "integrity.pointer"]
    assert any("'#58'" in d.message for d in pointers)
    # teiphy's dates are two-digit years
    f = CORPUS / "crit_teiphy_ubs_ephesians.xml"
    dates = [d for d in run_rules(load(f)) if d.code == "integrity.date"]
    assert dates and all("four digits" in d.message for d in dates)
