"""The table of TEI elements (xslt/common/elements.xml) is complete, and the stylesheets follow it.

* every element of tei_all has an entry, and no entry names an element tei_all lacks;
* the modules the table names for an element are exactly the modules with templates of
  their own for it (tools/make_element_modules.py reads them the same way);
* the generated templates and docs/coverage.md are up to date;
* every element left to a generic template does what its kind says, in both editions:
  hidden ones publish none of their words, blocks and lines are blocks and lines,
  inline ones stay in their paragraph, milestones keep their id; none is reported as
  unhandled. An element of another namespace keeps its words and is reported.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from conftest import ROOT, TEI_ALL
from lxml import etree, html

from editio.core.elements import KINDS, table
from editio.load.document import load
from editio.render.formats import get_format
from editio.render.publish import PublishOptions, publish

_spec = importlib.util.spec_from_file_location("make_element_modules", ROOT / "tools" / "make_element_modules.py")
tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tool)

RNG = "{http://relaxng.org/ns/structure/1.0}"
SCHEMA = next((p for p in (ROOT / "tei" / "schema" / "tei_all.rng", TEI_ALL) if p.is_file()), None)


def tei_all_names() -> set[str]:
    names = set()
    for element in etree.parse(str(SCHEMA)).iter(f"{RNG}element"):
        if element.get("name"):
            names.add(element.get("name"))
    return names


@pytest.mark.skipif(SCHEMA is None, reason="no tei_all.rng (tei/schema/ or ../shared/schema/)")
def test_every_tei_all_element_has_an_entry():
    names = tei_all_names()
    assert len(names) > 500
    entries = set(table())
    assert sorted(names - entries) == [], "elements of tei_all without an entry in xslt/common/elements.xml"
    assert sorted(entries - names) == [], "entries for elements tei_all does not define"


def test_entries_are_well_formed():
    for e in table().values():
        assert e.kind in KINDS and e.text_kind in KINDS, e
        assert (e.kind == "hidden" or e.text_kind == "hidden") == bool(e.reason), f"{e.name}: a reason, only for hidden"
        assert not e.el or (e.kind == "inline" and not e.html), f"{e.name}: el is the generic inline's element"


@pytest.mark.parametrize("fmt", ["html", "text"])
def test_the_table_names_the_modules_that_handle_each_element(fmt):
    found = tool.module_templates(fmt)
    wrong = []
    for e in table().values():
        said = set(getattr(e, fmt))
        real = set(found.get(e.name, {}))
        if said != real:
            wrong.append(f"{e.name}: table says {sorted(said)}, xslt/{fmt}/ has {sorted(real)}")
    unknown = sorted(set(found) - set(table()) - FORMER_TEI)
    assert wrong == [] and unknown == []


# Names TEI no longer defines that modules still take, for older files (P4's damaged; itype, oVar,
# pVar of earlier P5 dictionaries): not in tei_all, so not in the table.
FORMER_TEI = {"damaged", "itype", "oVar", "pVar"}


def test_generated_files_are_up_to_date():
    stale = [
        str(p.relative_to(ROOT))
        for p, content in tool.outputs().items()
        if not p.is_file() or p.read_text(encoding="utf-8") != content
    ]
    assert stale == [], "run python tools/make_element_modules.py"


# --- the stylesheets do what the table says -----------------------------------------------

TEI = "http://www.tei-c.org/ns/1.0"
SHELL = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
<publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>
<text><body><div>{body}</div></body></text></TEI>"""


def generic(fmt: str, kind: str) -> list[str]:
    """The elements of `kind` in fmt that no module has a template for (in any context)."""
    handled = tool.module_templates(fmt)
    out = []
    for e in table().values():
        if handled.get(e.name) or e.ns != TEI:
            continue
        if (e.kind if fmt == "html" else e.text_kind) == kind:
            out.append(e.name)
    return out


def word(name: str) -> str:
    return f"w0rd{name}w0rd"


def render(body: str, tmp_path: Path, fmt: str):
    src = tmp_path / "doc.xml"
    src.write_text(SHELL.format(body=body), encoding="utf-8")
    result = publish(load(src), get_format(fmt), PublishOptions(header=False))
    unhandled = [d.message for d in result.diagnostics if d.code == "xslt.unhandled"]
    assert unhandled == []
    return result.output


def html_main(page: str):
    return html.fromstring(page).xpath("//main")[0]


@pytest.mark.parametrize("kind", ["inline", "pass-through", "metadata", "note", "apparatus"])
def test_inline_kinds_stay_in_their_paragraph(kind, tmp_path):
    for fmt in ("html", "text"):
        names = generic(fmt, kind)
        if not names:
            continue
        body = "<p>start " + " ".join(f"<{n}>{word(n)}</{n}>" for n in names) + " end</p>"
        out = render(body, tmp_path, fmt)
        if fmt == "html":
            (p,) = html_main(out).xpath(".//p[contains(., 'start')]")
            text = p.text_content()
        else:
            text = " ".join(out.split())  # one paragraph, wrapped
            assert "\n\n" not in out.split("start", 1)[1].split("end", 1)[0], "a block inside the paragraph"
        missing = [n for n in names if word(n) not in text]
        assert missing == [], f"{fmt}: words of {missing} not in their paragraph"


@pytest.mark.parametrize("fmt", ["html", "text"])
def test_hidden_elements_publish_none_of_their_words(fmt, tmp_path):
    names = generic(fmt, "hidden")
    assert names
    body = "<p>start " + " ".join(f"<{n}>{word(n)}</{n}>" for n in names) + " end</p>"
    out = render(body, tmp_path, fmt)
    assert "start" in out and "end" in out
    shown = [n for n in names if word(n) in out]
    assert shown == []


@pytest.mark.parametrize("kind", ["block", "line", "heading", "list", "table", "register"])
def test_block_kinds_are_blocks(kind, tmp_path):
    for fmt in ("html", "text"):
        names = generic(fmt, kind)
        if not names:
            continue
        body = "".join(f"<p>before</p><{n}>{word(n)}</{n}>" for n in names) + "<p>after</p>"
        out = render(body, tmp_path, fmt)
        if fmt == "html":
            main = html_main(out)
            for n in names:
                (el,) = main.xpath(f".//*[contains(concat(' ', @class, ' '), ' tei-{n} ')]")
                assert el.tag == "div" and el.text_content() == word(n), n
                if kind in ("line", "heading"):
                    assert f"editio-{kind}" in el.get("class").split(), n
        else:
            lines = out.split("\n")
            for n in names:
                (line,) = [i for i, s in enumerate(lines) if word(n) in s]
                assert lines[line].strip() == word(n), f"{n}: not on a line of its own: {lines[line]!r}"
                if kind in ("block", "heading", "list", "table", "register"):
                    assert lines[line - 1] == "" and lines[line + 1] == "", f"{n}: not a paragraph"


@pytest.mark.parametrize("fmt", ["html", "text"])
def test_milestones_keep_their_id_and_add_no_text(fmt, tmp_path):
    names = generic(fmt, "milestone")
    assert names
    body = "<p>start" + "".join(f'<{n} xml:id="m-{n}"/>' for n in names) + "end</p>"
    out = render(body, tmp_path, fmt)
    if fmt == "html":
        p = html_main(out).xpath(".//p[contains(., 'start')]")[0]
        assert p.text_content() == "startend"
        assert sorted(p.xpath(".//span/@id")) == sorted(f"m-{n}" for n in names)
    else:
        assert "startend" in out


def test_other_namespaces_keep_their_words_and_are_reported(tmp_path):
    body = '<p>start <x:thing xmlns:x="urn:example">inside</x:thing> end</p>'
    src = tmp_path / "doc.xml"
    src.write_text(SHELL.format(body=body), encoding="utf-8")
    for fmt in ("html", "text"):
        result = publish(load(src), get_format(fmt), PublishOptions(header=False))
        assert "inside" in result.output
        assert [d.code for d in result.diagnostics] == ["xslt.unhandled"]


def test_coverage_lists_every_element():
    doc = (ROOT / "docs" / "coverage.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([\w.-]+)` \|", doc, re.M))
    assert listed == set(table())
