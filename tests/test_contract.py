"""The contract between Python and the stylesheets (src/editio/contract.py) holds both ways."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE

from editio import contract
from editio.load.document import load
from editio.prepare.annotate import prepare

XSLT = ROOT / "xslt"
SRC = ROOT / "src" / "editio"
CASES = ROOT / "tests" / "cases"
# Private-use characters and Unicode noncharacters: the kind of character a marker is.
_PRIVATE = re.compile("[\ue000-\uf8ff\ufdd0-\ufdef]|&#x[eEfF][0-9a-fA-F]{3};")


def stylesheet_texts() -> dict[str, str]:
    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in sorted(XSLT.rglob("*.xsl"))}


def names_used(pattern: str, texts) -> dict[str, str]:
    """Each name the pattern finds -> the first file using it."""
    found: dict[str, str] = {}
    for path, text in texts.items():
        for name in re.findall(pattern, text):
            found.setdefault(name, path)
    return found


def check_attributes(texts: dict[str, str], python_sources: dict[str, str]) -> list[str]:
    problems = []
    read = names_used(r"@editio:([A-Za-z][\w.-]*)", texts)
    for name, path in sorted(read.items()):
        if name not in contract.ATTRIBUTES:
            problems.append(f"{path} reads @editio:{name}, which the contract lacks")
    python_used = names_used(
        r"\battr\(\"([\w.-]+)\"\)", {p: t for p, t in python_sources.items() if not p.endswith("contract.py")}
    )
    for name in contract.ATTRIBUTES:
        if name not in read and name not in python_used:
            problems.append(f"the contract lists editio:{name}, which nothing uses")
    return problems


def check_elements_and_functions(texts: dict[str, str]) -> list[str]:
    problems = []
    written = names_used(r"<editio:([A-Za-z][\w.-]*)", texts)
    for name, path in sorted(written.items()):
        if name not in contract.ELEMENTS:
            problems.append(f"{path} writes <editio:{name}>, which the contract lacks")
    problems += [
        f"the contract lists <editio:{n}>, which no stylesheet writes" for n in contract.ELEMENTS if n not in written
    ]
    called = names_used(r"editio:([A-Za-z][\w.-]*)\(", texts)
    problems += [
        f"{path} calls editio:{n}(), which the contract lacks"
        for n, path in sorted(called.items())
        if n not in contract.FUNCTIONS
    ]
    return problems


def python_texts() -> dict[str, str]:
    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in sorted(SRC.rglob("*.py"))}


def test_stylesheets_and_contract_agree():
    problems = check_attributes(stylesheet_texts(), python_texts()) + check_elements_and_functions(stylesheet_texts())
    assert problems == []


def test_a_misspelled_attribute_in_a_stylesheet_fails():
    texts = stylesheet_texts()
    path = "xslt/common/textcrit.xsl"
    assert "@editio:wkey" in texts[path]
    texts[path] = texts[path].replace("@editio:wkey", "@editio:wkee", 1)
    assert check_attributes(texts, python_texts()) == [f"{path} reads @editio:wkee, which the contract lacks"]


def test_an_attribute_nothing_uses_fails(monkeypatch):
    monkeypatch.setitem(contract.ATTRIBUTES, "unused-thing", "")
    assert check_attributes(stylesheet_texts(), python_texts()) == [
        "the contract lists editio:unused-thing, which nothing uses"
    ]


def test_python_builds_editio_names_only_through_the_contract():
    offenders = [
        path
        for path, text in python_texts().items()
        if not path.endswith("contract.py") and ("urn:editio" in text or "{{{EDITIO_NS}}}" in text)
    ]
    assert offenders == []
    with pytest.raises(KeyError):
        contract.attr("no-such-attribute")


def test_prepare_sets_only_contract_attributes():
    """Every editio:* attribute prepare sets on the sample and on every golden case is listed."""
    set_names: set[str] = set()
    documents = [SAMPLE, *sorted(CASES.glob("*/*.xml"))]
    for path in documents:
        doc = load(path)
        if doc.tree is None:
            continue
        prepare(doc.tree)
        for el in doc.tree.iter():
            for name in el.attrib:
                if name.startswith(contract.CLARK):
                    set_names.add(name.split("}", 1)[1])
    assert set_names - contract.ATTRIBUTES.keys() == set()
    # the golden cases exercise most of the contract (the rest is python-internal or rare)
    assert len(set_names) >= len(contract.ATTRIBUTES) - 6, sorted(contract.ATTRIBUTES.keys() - set_names)


def test_markers_only_in_the_generated_stylesheet():
    """Marker characters are named, never written as literals, outside contract.xsl / contract.py."""
    generated = XSLT / "common" / "contract.xsl"
    assert generated.read_text(encoding="utf-8") == contract.stylesheet(), (
        "xslt/common/contract.xsl is stale: run `python -m editio.contract`"
    )
    literal = [
        path for path, text in stylesheet_texts().items() if not path.endswith("contract.xsl") and _PRIVATE.search(text)
    ]
    literal += [
        path
        for path, text in python_texts().items()
        if not path.endswith("contract.py") and re.search(r"\\u(e0[0-9a-f]{2}|fdd[0-9a-f])", text, re.I)
    ]
    # witness_splice's slot markers are noncharacters private to Python (never in XSLT)
    assert literal == ["src/editio/render/witness_splice.py"]


def test_markers_are_distinct_private_use_characters():
    chars = [c for c, _ in contract.MARKERS.values()]
    assert len(set(chars)) == len(chars)
    assert all("\ue000" <= c <= "\uf8ff" for c in chars)


@pytest.mark.parametrize("entry", ["html.xsl", "text.xsl"])
def test_entry_points_include_the_contract(entry):
    assert '<xsl:include href="common/contract.xsl"/>' in (XSLT / entry).read_text(encoding="utf-8")


def test_contract_module_is_importable_alone():
    # the contract is a leaf: it imports nothing of editio at import time
    text = (SRC / "contract.py").read_text(encoding="utf-8")
    top_level = [line for line in text.splitlines() if line.startswith(("import ", "from "))]
    assert top_level == ["from __future__ import annotations"]
    assert Path(contract.__file__).name == "contract.py"
