"""Parliamentary speech (issue 14): ParlaMint's plain and linguistically
annotated files give the same reading text; speakers are named; comments are
bracketed where they stand; a teiCorpus is published member by member, and
one whose members are unexpanded XIncludes is an error, not an empty page.
Goldens: tests/cases/speech."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from conftest import CORPUS
from test_editions_agree import html_reading_text

from editio.load.document import LoadOptions, load
from editio.render.formats import get_format
from editio.render.publish import PublishOptions, publish
from editio.render.textlayout import reading_text

CASES = Path(__file__).parent / "cases" / "speech"
PLAIN = CASES / "speech_parlamint_esct_0501.xml"
ANA = CASES / "speech_parlamint_esct_0501.ana.xml"
WORD = re.compile(r"\w+")
# Where the annotated file's own words differ from the plain file's (upstream: the
# tokenizer split "pels" into "per els" and "als" into "al" without a multiword token).
UPSTREAM = {("pels",): ("per", "els"), ("als",): ("al",)}


def _publish(path: Path, fmt: str):
    doc = load(path, LoadOptions())
    assert doc.ok, doc.diagnostics
    return publish(doc, get_format(fmt), PublishOptions(header=False, width=0))


def _words(text: str) -> list[str]:
    return WORD.findall(text)


def _plain_with_upstream_differences(words: list[str]) -> list[str]:
    out = []
    for w in words:
        out.extend(UPSTREAM.get((w,), (w,)))
    return out


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_annotated_file_reads_as_the_plain_one(fmt):
    def body_words(path):
        out = _publish(path, fmt).output
        return _words(reading_text(out) if fmt == "text" else html_reading_text(out))

    plain, ana = body_words(PLAIN), body_words(ANA)
    assert len(plain) > 300
    assert _plain_with_upstream_differences(plain) == ana


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_tokens_are_spaced_as_join_says(fmt):
    out = _publish(ANA, fmt).output
    text = " ".join(
        (out if fmt == "text" else lxml.html.document_fromstring(out).find(".//main").text_content()).split()
    )
    for phrase in (
        "Bon dia, comença la sessió.",
        "Lamento comunicar-los que s'ha mort l'il·lustre senyor Esteve Orriols, que",
        "(Llei 6/2010, que".lstrip("("),
        "«Els candidats",
        "són els següents: Elisabeth",
        "Xavier García Albiol.",
        "per a votar... –",
    ):
        assert phrase in text, phrase
    assert " ," not in text and " ." not in text.replace(" ...", "")


def test_syntax_links_are_not_shown():
    out = _publish(ANA, "html").output
    assert "ud-syn" not in out and "tei-linkGrp" not in out and "tei-link" not in out
    assert not [d for d in _publish(ANA, "html").diagnostics if d.code == "xslt.unhandled"]


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_comments_are_bracketed_once_where_they_stand(fmt):
    out = _publish(PLAIN, fmt).output
    assert out.count("(Pausa.)") == 1 and out.count("(rialles)") == 1
    assert "((" not in out
    if fmt == "text":
        assert "\nNotes" not in out  # no note is listed apart
        assert "La presidenta (ForcadellCarme)\n    Bon dia, comença la sessió.\n    (Pausa.)" in out


def test_speakers_are_named_from_the_corpus_list_of_persons():
    page = lxml.html.document_fromstring(_publish(CASES / "corpus.xml", "html").output)
    assert [s.text_content() for s in page.find_class("editio-speaker")] == ["Jane Smith", "John Doe", "NoSuchPerson"]


def test_corpus_of_unexpanded_xincludes_is_an_error_not_an_empty_page():
    path = CORPUS / "speech_parlamint_esga_root.xml"
    if not path.is_file():
        pytest.skip(f"{path} is not here (../shared/corpus)")
    for fmt in ("html", "text"):
        found = _publish(path, fmt).diagnostics
        errors = [d for d in found if d.severity.value == "error"]
        assert [d.code for d in errors] == ["xslt.corpus-empty.error"], found
        assert "306 of its members are XIncludes that were not expanded" in errors[0].message
    # with XIncludes expanded, the missing files are a load error (exit 1), not a crash
    doc = load(path, LoadOptions(xinclude=True))
    assert not doc.ok and any(d.code == "xml.xinclude" for d in doc.diagnostics)
