"""Odd input the loader must name right (issue 17, point 12): UTF-8 bytes declared as a one-byte
encoding, a file of only a byte-order mark, the depth limit with --huge; and a single-document
command that lets go of the document's tree once it is transformed (memory of `html --huge`)."""

from __future__ import annotations

from click.testing import CliRunner

from editio.cli import main
from editio.load.document import LoadOptions, load
from editio.render.formats import get_format
from editio.render.publish import publish

HEAD = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>{title}</title></titleStmt>'
    "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
    "<text><body><p>{body}</p></body></text></TEI>\n"
)


def tei(title: str = "T", body: str = "x", encoding: str = "UTF-8") -> str:
    return f'<?xml version="1.0" encoding="{encoding}"?>\n' + HEAD.format(title=title, body=body)


def findings(path, **options) -> list[tuple[str, int, int, str, str]]:
    return [
        (d.code, d.line, d.col, d.severity.value, d.message) for d in load(path, LoadOptions(**options)).diagnostics
    ]


def test_utf8_bytes_declared_latin1_are_named(tmp_path):
    path = tmp_path / "mojibake.xml"
    path.write_bytes(tei(title="Café", encoding="ISO-8859-1").encode("utf-8"))
    doc = load(path)
    assert doc.ok  # read as the declaration says, but not without a word
    [(code, line, col, severity, message)] = findings(path)
    assert (code, line, severity) == ("xml.encoding", 2, "warning")
    assert col == HEAD.index("{title}") + len("Caf") + 1
    assert "'é' is read as 'Ã©'" in message
    result = CliRunner().invoke(main, ["validate", "--no-integrity", str(path)])
    assert "[xml.encoding]" in result.stderr


def test_latin1_declared_latin1_is_quiet(tmp_path):
    path = tmp_path / "latin1.xml"
    path.write_bytes(tei(title="Café", encoding="ISO-8859-1").encode("latin-1"))
    assert findings(path) == []


def test_a_file_of_only_a_byte_order_mark_is_empty(tmp_path):
    for name, data in {
        "bom.xml": b"\xef\xbb\xbf",
        "bom-space.xml": b"\xef\xbb\xbf \n\n",
        "bom32.xml": b"\xff\xfe\x00\x00",
    }.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert findings(path) == [("xml.empty", 1, 1, "error", "the file is empty (only a byte-order mark)")], name


def test_the_depth_limit_does_not_suggest_huge_when_it_was_given(tmp_path):
    path = tmp_path / "deep.xml"
    path.write_text(tei(body="<hi>" * 3000 + "x" + "</hi>" * 3000), encoding="utf-8")
    [(code, _line, _col, _severity, plain)] = findings(path)
    assert code == "xml.limit" and "use --huge" in plain
    [(code, _line, _col, _severity, huge)] = findings(path, huge=True)
    assert code == "xml.limit"
    assert "use --huge" not in huge and "XML_PARSE_HUGE" not in huge and "even with --huge" in huge


def test_a_single_document_command_lets_go_of_the_tree(tmp_path):
    path = tmp_path / "doc.xml"
    path.write_text(tei(body="words " * 1000), encoding="utf-8")
    doc = load(path)
    kept = publish(doc, get_format("html"))
    assert doc.tree is not None  # a build publishes the same document in several formats
    released = publish(doc, get_format("html"), release=True)
    assert doc.tree is None and released.output == kept.output
