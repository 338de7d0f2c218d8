"""The print edition (editio latex, issue 18): a LuaLaTeX document with reledmac.

- escaping: no text of a document becomes TeX (render/latex.py): a document full
  of TeX commands gives a .tex whose only commands are editio's, and a PDF that
  prints them as text;
- the homily and a verse edition compile with lualatex (twice, as reledmac
  needs) and the PDF's text (pdftotext) holds every lemma and siglum of the
  apparatus. These tests need lualatex with reledmac and pdftotext (Debian:
  texlive-luatex, texlive-humanities, texlive-latex-extra, poppler-utils;
  .ci/run installs them) and skip, saying so, where lualatex is absent.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS
from lxml import etree

from editio.cli import main
from editio.core.namespaces import TEI
from editio.load.document import load
from editio.prepare.annotate import prepare
from editio.render.formats import get_format
from editio.render.latex import escape, to_tex
from editio.render.publish import PublishOptions, publish

LUALATEX = shutil.which("lualatex")
PDFTOTEXT = shutil.which("pdftotext")
needs_tex = pytest.mark.skipif(
    not (LUALATEX and PDFTOTEXT),
    reason="lualatex or pdftotext is absent (Debian: texlive-luatex texlive-humanities "
    "texlive-latex-extra poppler-utils; .ci/run installs them)",
)
E = "{urn:editio}"
WORD = re.compile(r"\w+")
# TeX primitives and commands a hostile document would like to run.
DANGEROUS = re.compile(
    r"\\(input|include|write|immediate|openout|openin|read|directlua|luaexec|catcode|def|edef"
    r"|gdef|let|csname|special|usepackage|documentclass|end|begin)(?![A-Za-z])"
)
HOSTILE = (
    r"\input{/etc/passwd} \write18{touch pwned} \directlua{os.exit(1)} } { % $x^2$ # & _ ~ ^^5c \end{document} [opt]"
)


def test_escape_every_special_character():
    assert escape("\\") == r"\textbackslash{}"
    assert escape("{}$&#_%~^") == r"\{\}\$\&\#\_\%\textasciitilde{}\textasciicircum{}"
    assert escape("[a]") == "{[}a{]}"
    assert escape("two\n\n  paragraphs") == "two paragraphs"  # a blank line would end a paragraph
    assert not DANGEROUS.search(escape(HOSTILE))


def test_tex_elements_and_unknown_names():
    part = etree.fromstring(
        '<part>a<c n="textit"><a>b</a></c><c n="bad name"><a>\\x</a></c>'
        '<c n="section*"><o>[s]</o><a>t</a></c><e n="quote">q</e><g>g</g><c n="par"/>z<nl/></part>'
    )
    assert to_tex(part) == "a\\textit{b}\\textbackslash{}x\\section*[{[}s{]}]{t}\\begin{quote}q\\end{quote}{g}\\par z\n"


def _hostile_document(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.xml"
    t = HOSTILE.replace("&", "&amp;").replace("<", "&lt;")
    path.write_text(
        f"""<TEI xmlns="{TEI[1:-1]}"><teiHeader><fileDesc><titleStmt><title>{t}</title><author>{t}</author></titleStmt>
<publicationStmt><p>{t}</p></publicationStmt><sourceDesc><listWit>
<witness xml:id="A"><abbr type="siglum">{t}</abbr>{t}</witness><witness xml:id="B">{t}</witness></listWit></sourceDesc></fileDesc></teiHeader>
<text><body><div n="{t}"><head>{t}</head><p>{t}<note>{t}</note> <app><lem wit="#A">{t}</lem><rdg wit="#B">{t}<note>{t}</note></rdg></app>
<hi rend="{t}">{t}</hi></p></div></body></text></TEI>""",
        encoding="utf-8",
    )
    return path


def test_a_document_never_writes_tex(tmp_path):
    doc = load(_hostile_document(tmp_path))
    tex = publish(doc, get_format("latex"), PublishOptions(params=(("latex-font", "DejaVu Serif}\\input{x"),))).output
    body = tex.split("\\beginnumbering", 1)[1]
    assert not DANGEROUS.search(body.replace("\\end{document}", "", 1).replace("\\endnumbering", "")), body
    head = tex.split("\\begin{document}", 1)[1].split("\\beginnumbering", 1)[0]
    assert not DANGEROUS.search(
        head.replace("\\begin{titlepage}", "")
        .replace("\\end{titlepage}", "")
        .replace("\\begin{description}", "")
        .replace("\\end{description}", "")
    )
    assert tex.count("\\directlua") == 1  # the template's font fallback, nothing else
    assert "\\setmainfont{DejaVu Serif\\}\\textbackslash{}input\\{x}" in tex
    assert "\\textbackslash{}input\\{/etc/passwd\\}" in body


@needs_tex
def test_hostile_document_compiles_and_prints_its_text(tmp_path):
    tex = publish(load(_hostile_document(tmp_path)), get_format("latex"), PublishOptions()).output
    text = _compile(tmp_path, "hostile", tex)
    flat = " ".join(text.split())
    assert "\\input{/etc/passwd}" in flat and "\\write18{touch pwned}" in flat and "^^5c" in flat
    assert not (tmp_path / "pwned").exists()


def _compile(folder: Path, name: str, tex: str) -> str:
    """lualatex twice (reledmac places its notes on the second run), then the PDF's text."""
    (folder / f"{name}.tex").write_text(tex, encoding="utf-8")
    for _ in range(2):
        done = subprocess.run(
            [LUALATEX, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", f"{name}.tex"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stdout[-3000:]
    text = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", f"{name}.pdf", "-"], cwd=folder, capture_output=True, text=True, check=True
    ).stdout
    return unicodedata.normalize("NFC", text)


def _edited_text(el) -> str:
    """The words of an element as the edited text reads them: an app by its lemma (else its first reading)."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == f"{TEI}app":
            shown = child.find(f"{TEI}lem")
            parts.append(" " + _edited_text(shown if shown is not None else child.find(f"{TEI}rdg")) + " ")
        elif child.tag in (f"{TEI}note", f"{TEI}witDetail"):
            pass
        elif child.tag in (f"{TEI}gap", f"{TEI}lb", f"{TEI}pb"):
            parts.append(" ")
        elif isinstance(child.tag, str):
            parts.append(_edited_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _words(text: str) -> set[str]:
    # a word broken at a line end is one word again
    return set(WORD.findall(re.sub(r"-\n\s*", "", text)))


@needs_tex
@pytest.mark.parametrize("name", ["crit_pta_homilia-de-dominica-die.xml", "crit_teistylesheets_testapp2.xml"])
def test_the_edition_compiles_with_every_lemma_and_siglum(tmp_path, name):
    doc = load(CORPUS / name)
    tex = publish(doc, get_format("latex"), PublishOptions()).output
    text = _compile(tmp_path, "edition", tex)
    found = _words(text)
    root = doc.tree.getroot()
    apps = list(root.iter(f"{TEI}app"))
    missing_sigla = {s for r in root.iter(f"{TEI}lem", f"{TEI}rdg") for s in (r.get(f"{E}sigla") or "").split()} - found
    assert not missing_sigla, f"sigla not in the PDF: {missing_sigla}"
    ids = {el.get("{http://www.w3.org/XML/1998/namespace}id"): el for el in root.iter()}
    for app in apps:
        lemmata = app.findall(f"{TEI}lem") or [
            ids[t] for t in [app.get(f"{E}target")] if t
        ]  # or the words it points to
        assert lemmata or app.find(f"{TEI}rdg") is not None
        for reading in lemmata:
            lemma = WORD.findall(unicodedata.normalize("NFC", _edited_text(reading)))
            assert set(lemma) <= found, f"lemma of app line {app.sourceline} not in the PDF: {set(lemma) - found}"
    # reledmac prints one ']' per entry (more where a reading has a gap sign [...])
    assert text.count("]") >= len(apps)
    assert "Sigla" in text and root.findtext(f".//{TEI}title").split()[0] in text


def test_cli_latex_and_the_build_format(tmp_path):
    out = tmp_path / "h.tex"
    result = CliRunner().invoke(main, ["latex", str(CORPUS / "crit_pta_homilia-de-dominica-die.xml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    tex = out.read_text(encoding="utf-8")
    assert (
        "\\usepackage[series={A,B}" in tex
        and "\\edtext{ἀδελφοὶ}{\\lemma{ἀδελφοὶ \\siglum{M O}}\\Afootnote{ἀδελφοί \\siglum{V}}}" in tex
    )
    # an empty lemma (an addition) is cited by the word before it
    assert "\\lemma{\\textit{post} ἡμῶν}" in tex
    # notes of the edition: series B
    doc = load(CORPUS / "crit_pta_athanasius_contra-gentes.xml")
    prepare(doc.tree)
    assert "\\Bfootnote[nosep]" in publish(doc, get_format("latex"), PublishOptions()).output
