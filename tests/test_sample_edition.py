"""The sample edition `tei/trattato-di-berlino-1926.xml` against its source.

The source is the scraped Italian Wikipedia article "Trattato di Berlino (1926)"
(`tei/source/000_2e74f0d3a1d7c6a6.txt`, one paragraph a line; see its README).
The encoding must keep every word and punctuation mark of the source, in order, apart
from three kinds of scrape artefacts:

* the leaked stylesheet of the "chiarimento" template (removed),
* the eight bare footnote markers 1-8 (become `note` elements at the same place),
* the two "senza fonte" flag labels (become `seg type="citation-needed"` around the claim).

Editorial additions (`supplied`, `corr`) and note content are not reading text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tei" / "source" / "000_2e74f0d3a1d7c6a6.txt"
TEI_ALL = ROOT / "tei" / "schema" / "tei_all.rng"
SAMPLE = ROOT / "tei" / "trattato-di-berlino-1926.xml"

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NS = {"t": TEI_NS}


def T(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


# --- the scrape artefacts of the source -----------------------------------------------

CSS_RESIDUE = ".mw-parser-output .chiarimento.mw-parser-output .chiarimento-apice"
FLAG = "senza fonte"
# A footnote marker is a bare number 1-8 that follows sentence or clause punctuation
# and a space, and is followed by a space or the end of the line ("firmato nel 1922. 1").
# Years ("1922."), "articolo 2," and "Articolo 1" lines do not match.
MARKER = r"(?<=[.,]) (?P<marker>[1-8])(?= |$)"
ARTEFACTS = re.compile(
    "|".join(
        [
            f"(?P<css>{re.escape(CSS_RESIDUE)})",
            f"(?P<flag>{re.escape(FLAG)})",
            MARKER,
        ]
    ),
    re.MULTILINE,
)

# Elements whose content is not reading text of the source: note texts, editorial additions.
NOT_READING = {T("note"), T("supplied"), T("corr")}
# Block-level elements: each holds one line of the source.
BLOCKS = {T("p"), T("head"), T("salute"), T("signed")}

WORD = re.compile(r"\w+")
PUNCT = re.compile(r"[^\w\s]")


def norm(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Seed:
    """The source with its artefacts removed, and where each artefact stood."""

    lines: list[str]
    text: str  # the cleaned lines joined by newlines
    markers: list[tuple[int, int]] = field(default_factory=list)  # (number, offset in text)
    flags: list[int] = field(default_factory=list)  # offsets in text
    css: list[int] = field(default_factory=list)  # offsets in text


def clean_seed(raw: str) -> Seed:
    out: list[str] = []
    length = 0
    markers, flags, css = [], [], []
    last = 0
    for m in ARTEFACTS.finditer(raw):
        chunk = raw[last : m.start()]
        out.append(chunk)
        length += len(chunk)
        if m.group("css"):
            css.append(length)
        elif m.group("flag"):
            flags.append(length)
        else:
            # the match is " N": the space before the number goes with it
            markers.append((int(m.group("marker")), length))
        last = m.end()
    out.append(raw[last:])
    text = "".join(out)
    return Seed(lines=text.split("\n"), text=text, markers=markers, flags=flags, css=css)


class Reading:
    """The reading text of an element, with the offset where each element starts and ends.

    Content of NOT_READING elements is skipped (their tails are read); a space stands at
    the start and end of each block-level element, as a renderer would break the line.
    """

    def __init__(self, root: etree._Element):
        self.parts: list[str] = []
        self.length = 0
        self.start: dict[etree._Element, int] = {}
        self.end: dict[etree._Element, int] = {}
        self._walk(root)
        self.text = "".join(self.parts)

    def _add(self, s: str | None) -> None:
        if s:
            self.parts.append(s)
            self.length += len(s)

    def _walk(self, el: etree._Element) -> None:
        self.start[el] = self.length
        if isinstance(el.tag, str) and el.tag not in NOT_READING:
            block = el.tag in BLOCKS
            if block:
                self._add(" ")
            self._add(el.text)
            for child in el:
                self._walk(child)
                self._add(child.tail)
            if block:
                self._add(" ")
        self.end[el] = self.length

    def before(self, el: etree._Element) -> str:
        return norm(self.text[: self.start[el]])

    def through(self, el: etree._Element) -> str:
        return norm(self.text[: self.end[el]])

    def of(self, el: etree._Element) -> str:
        return norm(self.text[self.start[el] : self.end[el]])


def first_difference(a: list[str], b: list[str]) -> str:
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"at token {i}: source {a[max(0, i - 5) : i + 5]!r} != TEI {b[max(0, i - 5) : i + 5]!r}"
    return (
        f"lengths differ: source {len(a)} tokens, TEI {len(b)} tokens; tail {a[len(b) :][:10]!r} / {b[len(a) :][:10]!r}"
    )


# --- fixtures ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Seed:
    assert SEED.is_file(), f"the seed is missing: {SEED}"
    return clean_seed(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def doc() -> etree._ElementTree:
    assert SAMPLE.is_file(), f"the sample edition is missing: {SAMPLE}"
    return etree.parse(str(SAMPLE))


@pytest.fixture(scope="module")
def text_el(doc) -> etree._Element:
    (text,) = doc.getroot().findall(T("text"))
    return text


@pytest.fixture(scope="module")
def reading(text_el) -> Reading:
    return Reading(text_el)


@pytest.fixture(scope="module")
def schema(request):
    """tei_all compiled once: the suite-wide fixture of conftest.py when there is one."""
    try:
        return request.getfixturevalue("tei_all_schema")
    except pytest.FixtureLookupError:
        assert TEI_ALL.is_file(), f"the schema is missing: {TEI_ALL}"
        return etree.RelaxNG(etree.parse(str(TEI_ALL)))


def xp(node, path: str):
    return node.xpath(path, namespaces=NS)


# --- the source and its artefacts ---------------------------------------------------------


def test_seed_artefacts_are_found_exactly(seed):
    assert [n for n, _ in seed.markers] == list(range(1, 9)), "expected the markers 1..8, in order"
    assert len(seed.flags) == 2
    assert len(seed.css) == 1
    assert FLAG not in seed.text and "mw-parser-output" not in seed.text
    # A year before a full stop is not a marker; the marker follows it.
    assert "firmato nel 1922." in seed.text


# --- 1. the words, punctuation and lines of the source ---------------------------------


def test_words_equal_source(seed, reading):
    src = WORD.findall(seed.text)
    tei = WORD.findall(reading.text)
    assert src == tei, first_difference(src, tei)


def test_punctuation_equal_source(seed, reading):
    src = PUNCT.findall(seed.text)
    tei = PUNCT.findall(reading.text)
    assert src == tei, first_difference(src, tei)


def test_each_source_line_is_one_block(seed, text_el, reading):
    body = text_el.find(T("body"))
    blocks = [el for el in body.iter(*BLOCKS) if not any(a.tag in NOT_READING for a in el.iterancestors())]
    src = [norm(line) for line in seed.lines if line.strip()]
    tei = [reading.of(el) for el in blocks]
    assert len(src) == 22
    assert src == tei, first_difference(src, tei)


def test_no_artefact_left_in_text(text_el):
    everything = "".join(text_el.itertext())
    assert FLAG not in everything
    assert "chiarimento" not in everything
    assert "mw-parser-output" not in SAMPLE.read_text(encoding="utf-8")


def test_root_and_text_language(doc, text_el):
    assert doc.getroot().get(f"{{{XML_NS}}}lang") == "it"
    assert text_el.get(f"{{{XML_NS}}}lang") == "it"


# --- 2. the footnotes ------------------------------------------------------------------


def test_eight_notes_at_the_markers(seed, text_el, reading):
    notes = xp(text_el, ".//t:note")
    assert [n.get("n") for n in notes] == [str(i) for i in range(1, 9)]
    for note, (number, offset) in zip(notes, seed.markers):
        assert note.get(f"{{{XML_NS}}}id") == f"fn{number}"
        assert note.get("type") == "footnote"
        assert note.get("place") == "foot"
        expected = norm(seed.text[:offset])
        got = reading.before(note)
        # same words and same punctuation before the note as before the marker
        assert got == expected, f"note {number}: TEI ends {got[-40:]!r}, source {expected[-40:]!r}"
        assert WORD.findall(got)[-1] == WORD.findall(expected)[-1]


def test_notes_have_no_invented_text(text_el):
    for note in xp(text_el, ".//t:note"):
        assert not "".join(note.itertext()).strip(), f"note {note.get('n')} has text"
        children = list(note)
        assert len(children) == 1 and children[0].tag == T("gap")
        gap = children[0]
        assert gap.get("reason") == "not-in-source"
        assert len(gap) == 0 and not (gap.text or "").strip()


# --- 3. flags, structure, dates, names --------------------------------------------------


def test_citation_needed_flags_wrap_the_flagged_claims(seed, text_el, reading):
    segs = xp(text_el, ".//t:seg[@type='citation-needed']")
    assert len(segs) == 2
    for seg, offset in zip(segs, seed.flags):
        # the claim ends where the flag stood
        assert reading.through(seg) == norm(seed.text[:offset])
    credits, cicerin = (reading.of(s) for s in segs)
    assert credits.startswith("Nel mese di giugno 1926, le banche tedesche concessero crediti")
    assert credits.endswith('"grazie alla collaborazione del governo tedesco".')
    assert cicerin.startswith("Georgij Čičerin, durante una visita a Berlino")
    assert cicerin.endswith("in confronto con il 1925.")


def test_clarification_span(seed, text_el, reading):
    segs = xp(text_el, ".//t:seg[@type='clarification-needed']")
    assert len(segs) == 1
    (seg,) = segs
    assert reading.of(seg).strip('"') == "grazie alla collaborazione del governo tedesco"
    # it starts where the template's stylesheet stood
    assert reading.before(seg) == norm(seed.text[: seed.css[0]])
    assert xp(seg, "ancestor::t:seg[@type='citation-needed']"), "the span lies inside the first flagged claim"


def test_seg_types_are_only_the_flags(text_el):
    types = sorted(s.get("type") for s in xp(text_el, ".//t:seg"))
    assert types == ["citation-needed", "citation-needed", "clarification-needed"]


def test_divisions_in_reading_order(text_el):
    divs = xp(text_el, "t:body/t:div")
    assert [(d.get("type"), d.get("n")) for d in divs] == [
        ("commentary", "1"),
        ("treaty", None),
        ("commentary", "2"),
    ]
    assert len(xp(divs[0], "t:p")) == 3
    assert len(xp(divs[2], "t:p")) == 2
    treaty = divs[1]
    (preamble,) = xp(treaty, "t:div[@type='preamble']")
    lines = [norm("".join(p.itertext())) for p in xp(preamble, "t:p")]
    assert len(lines) == 4
    assert lines[0].startswith("Il governo tedesco e il governo")
    assert lines[-1].endswith("hanno convenuto le seguenti disposizioni:")


def test_four_articles(text_el):
    articles = xp(text_el, ".//t:div[@type='treaty']/t:div[@type='article']")
    assert [a.get("n") for a in articles] == ["1", "2", "3", "4"]
    for a in articles:
        heads = xp(a, "t:head")
        assert len(heads) == 1 and norm("".join(heads[0].itertext())) == f"Articolo {a.get('n')}"
    assert [len(xp(a, "t:p")) for a in articles] == [2, 1, 1, 2]


def test_closer_with_formula_and_two_signatures(text_el, reading):
    (closer,) = xp(text_el, ".//t:div[@type='treaty']/t:closer")
    assert xp(closer, "following-sibling::*") == [], "the closer ends the treaty"
    text = reading.of(closer)
    assert text.startswith("In fede dei plenipotenziari che hanno firmato il presente trattato.")
    signed = xp(closer, "t:signed")
    assert [reading.of(s) for s in signed] == ["Firmato: Herr Stresemann", "Firmato: M Krestinski"]
    for s in signed:
        assert xp(s, "t:persName[starts-with(@ref, 'https://')]")


EXPECTED_DATES = [
    ("24 aprile 1926", "1926-04-24"),
    ("1922", "1922"),
    ("29 giugno 1926", "1926-06-29"),
    ("stesso giorno", "1926-06-29"),
    ("3 agosto 1926", "1926-08-03"),
    ("24 giugno 1931", "1931-06-24"),
    ("5 maggio 1933", "1933-05-05"),
    ("15 febbraio 1935", "1935-02-15"),
    ("1887", "1887"),
    ("giugno 1926", "1926-06"),
    ("ottobre 1926", "1926-10"),
    ("dicembre 1926", "1926-12"),
    ("1925", "1925"),
    ("1933", "1933"),
    ("24 giugno 1931", "1931-06-24"),
    ("stesso anno", "1931"),
]
MONTHS = "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split()


def parse_when(when: str) -> tuple[int, ...]:
    if re.fullmatch(r"\d{4}", when):
        return (int(when),)
    if re.fullmatch(r"\d{4}-\d{2}", when):
        d = dt.date.fromisoformat(when + "-01")
        return (d.year, d.month)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", when):
        d = dt.date.fromisoformat(when)
        return (d.year, d.month, d.day)
    raise AssertionError(f"@when is not an ISO 8601 date: {when!r}")


def test_dates(text_el, reading):
    dates = xp(text_el, ".//t:date")
    got = [(reading.of(d), d.get("when")) for d in dates]
    assert got == EXPECTED_DATES
    for text, when in got:
        parts = parse_when(when)
        assert 1887 <= parts[0] <= 1935
        # the normalisation agrees with the words of the date
        m = re.fullmatch(r"(?:(\d{1,2}) )?(?:(\w+) )?(\d{4})", text)
        if m:
            day, month, year = m.groups()
            expected = (int(year),)
            if month:
                expected += (MONTHS.index(month) + 1,)
            if day:
                expected += (int(day),)
            assert parts == expected, (text, when)


def test_every_year_is_inside_a_date(text_el, reading):
    years_in_text = re.findall(r"\b1[89]\d\d\b", reading.text)
    years_in_dates = [y for d in xp(text_el, ".//t:date") for y in re.findall(r"\b1[89]\d\d\b", reading.of(d))]
    assert years_in_text == years_in_dates
    assert not xp(text_el, ".//t:date[contains(., 'anni')]"), "durations are not dates"


@pytest.mark.parametrize(
    "element, name",
    [
        ("persName", "Herr Stresemann"),
        ("persName", "M Krestinski"),
        ("persName", "Bismarck"),
        ("persName", "Georgij Čičerin"),
        ("persName", "Hitler"),
        ("placeName", "Berlino"),
        ("placeName", "Mosca"),
        ("placeName", "Germania"),
        ("placeName", "Russia"),
        ("placeName", "Unione Sovietica"),
        ("placeName", "Unione delle Repubbliche Socialiste Sovietiche"),
        ("placeName", "Repubblica di Weimar"),
        ("orgName", "Reichstag"),
        ("orgName", "League of Nations"),
    ],
)
def test_names_are_marked_and_identified(text_el, reading, element, name):
    hits = [e for e in xp(text_el, f".//t:{element}") if reading.of(e) == name]
    assert hits, f"no {element} {name!r}"
    for e in hits:
        assert (e.get("ref") or "").startswith("https://"), f"{element} {name!r} without @ref"
    # every occurrence of the name is marked, except inside the name of a treaty
    marked = [(reading.start[e], reading.end[e]) for e in xp(text_el, f".//t:{element}")]
    exempt = [(reading.start[e], reading.end[e]) for e in xp(text_el, ".//t:name[@type='treaty']")]
    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", reading.text):
        within = lambda spans, m=m: any(s <= m.start() and m.end() <= e for s, e in spans)  # noqa: E731
        assert within(marked) or within(exempt), f"{name!r} unmarked near {reading.text[m.start() - 30 : m.end()]!r}"


def test_corrections_are_marked_not_silent(seed, text_el, reading):
    supplied = xp(text_el, ".//t:supplied")
    assert len(supplied) == 1
    (s,) = supplied
    assert s.text == '"' and s.get("reason") == "unbalanced-quotation-mark"
    # the source's own text is kept: the supplied mark closes "per l'acquisto ... tedeschi
    assert reading.before(s).endswith("\"per l'acquisto di beni industriali tedeschi")
    assert (s.tail or "").startswith(".")
    last_line = [line for line in seed.lines if line.strip()][-1]
    assert last_line.count('"') % 2 == 1, "the source's quotation mark is unbalanced"
    gaps = xp(text_el, ".//t:gap[not(ancestor::t:note)]")
    assert len(gaps) == 1 and gaps[0].get("reason") == "lost-in-scrape"
    assert reading.before(gaps[0]) == "Il trattato di Berlino"
    assert norm(reading.text[reading.end[gaps[0]] :]).startswith("è un trattato del 24 aprile 1926")
    assert "Il trattato di Berlino  è" in seed.text, "the double space of the source"


# --- 4. the header ----------------------------------------------------------------------


def test_header_bibliography_and_licence(doc):
    h = doc.getroot().find(T("teiHeader"))
    assert xp(h, "t:fileDesc/t:titleStmt/t:title[normalize-space()]")
    assert xp(h, "t:fileDesc/t:titleStmt/t:author[contains(., 'Wikipedia contributors')]")
    assert xp(h, "t:fileDesc/t:titleStmt/t:respStmt[t:resp][contains(., 'editio')]")
    (licence,) = xp(h, "t:fileDesc/t:publicationStmt/t:availability/t:licence")
    assert licence.get("target") == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert norm("".join(licence.itertext())) == "CC BY-SA 4.0"
    (bibl,) = xp(h, "t:fileDesc/t:sourceDesc/t:bibl")
    assert [norm(t) for t in xp(bibl, "t:title/text()")] == ["Trattato di Berlino (1926)"]
    assert norm("".join(xp(bibl, "t:publisher")[0].itertext())) == "Wikipedia, l'enciclopedia libera"
    assert xp(bibl, ".//t:ref[@target='https://it.wikipedia.org/']")
    assert xp(bibl, "t:ptr/@target") == ["https://it.wikipedia.org/wiki/Trattato_di_Berlino_(1926)"]
    assert xp(h, "t:profileDesc/t:langUsage/t:language[@ident='it']")
    (change,) = xp(h, "t:revisionDesc/t:change")
    assert change.get("when") == "2026-11-29"
    assert "CSS" in "".join(change.itertext())


# Each editorial decision: the element in editorialDecl that states it, and words it must use.
DECISIONS = {
    "decl-structure": ("segmentation", ["commentary", "treaty", "preamble", "article", "closer", "signed", "Firmato:"]),
    "decl-footnotes": ("p", ["eight", "footnote", "not-in-source", "gap", "nothing has been supplied"]),
    "decl-flags": ("interpretation", ["citation-needed", "clarification-needed", "not reproduced"]),
    "decl-css": ("correction", ["CSS", "removed", "chiarimento"]),
    "decl-quotation": ("correction", ["unbalanced-quotation-mark", "supplied", "closing"]),
    "decl-lost-text": ("p", ["double space", "lost-in-scrape", "not reconstructed"]),
    "decl-whitespace": ("normalization", ["Whitespace", "normalised"]),
    "decl-names": ("interpretation", ["persName", "placeName", "orgName", "ref"]),
    "decl-dates": ("stdVals", ["when", "ISO 8601", "Durations"]),
}


@pytest.mark.parametrize("decl_id", sorted(DECISIONS))
def test_editorial_decl_states_each_decision(doc, decl_id):
    gi, words = DECISIONS[decl_id]
    found = xp(doc, f"//t:teiHeader/t:encodingDesc/t:editorialDecl/t:{gi}[@xml:id='{decl_id}']")
    assert len(found) == 1, f"no {gi} {decl_id} in editorialDecl"
    text = norm("".join(found[0].itertext()))
    for w in words:
        assert w in text, f"{decl_id} does not mention {w!r}"


def test_tags_decl_counts_match_the_text(doc, text_el):
    usages = xp(doc, f"//t:encodingDesc/t:tagsDecl/t:namespace[@name='{TEI_NS}']/t:tagUsage")
    declared = {u.get("gi"): u for u in usages}
    for gi in ["note", "gap", "seg", "supplied"]:
        assert gi in declared, f"no tagUsage for {gi}"
        assert int(declared[gi].get("occurs")) == len(xp(text_el, f".//t:{gi}")), gi
    seg_doc = "".join(declared["seg"].itertext())
    assert "citation-needed" in seg_doc and "clarification-needed" in seg_doc


# --- 5. validity ------------------------------------------------------------------------


def test_valid_against_tei_all(schema, doc):
    ok = schema.validate(doc)
    errors = "\n".join(f"{e.line}: {e.message}" for e in schema.error_log)
    assert ok, errors
