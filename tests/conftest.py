"""Shared paths and expensive fixtures for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SCHEMAS = SHARED / "schema"
TEI_ALL = SCHEMAS / "tei_all.rng"
SAMPLE = ROOT / "tei" / "trattato-di-berlino-1926.xml"

# The corpus files that are TEI P5 documents of their own (issue texts: the P4
# file is refused as hostile input, testxi-inc.xml is only an XInclude target).
NOT_P5 = {"edge_p4_teistylesheets_testp4.xml", "testxi-inc.xml"}


def corpus_p5_files() -> list[Path]:
    files = sorted(CORPUS.glob("*.xml"))
    assert files, f"no corpus at {CORPUS}"
    return [f for f in files if f.name not in NOT_P5]


_TEI = "{http://www.tei-c.org/ns/1.0}"
# Lines of a letter: each is a line of its own in both editions, so the words at
# their ends are apart even when the source has no whitespace between them
# (<addrLine>Herrn Arthur Schnitzler</addrLine><addrLine>Wien</addrLine>).
LETTER_LINES = {f"{_TEI}{n}" for n in ("addrLine", "salute", "signed", "dateline", "address")}
# A seg in these is a line too (a letterhead's segments, a dateline's left and right parts).
LETTER_FRAMES = {f"{_TEI}{n}" for n in ("dateline", "opener", "closer", "address", "salute", "signed", "postscript")}


def is_letter_line(el) -> bool:
    if el.tag in LETTER_LINES:
        return True
    parent = el.getparent()
    return el.tag == f"{_TEI}seg" and parent is not None and parent.tag in LETTER_FRAMES


# MathML and SVG: the HTML edition passes them to the browser, the text edition
# writes a formula linearly (x = (−b ± √(b^2 − 4ac))/(2a)) as a label; neither is
# the source's run of token texts ("x=−b±b2−4ac2a"), so the reading text leaves them out.
FOREIGN_NAMESPACES = ("{http://www.w3.org/1998/Math/MathML}", "{http://www.w3.org/2000/svg}")


def is_foreign(el) -> bool:
    return isinstance(el.tag, str) and el.tag.startswith(FOREIGN_NAMESPACES)


def first_missing(needles: list[str], haystack: list[str]) -> int | None:
    """Index of the first needle not found, in order, in haystack (a greedy
    subsequence match), or None when every word is there in order."""
    j = 0
    for i, w in enumerate(needles):
        while j < len(haystack) and haystack[j] != w:
            j += 1
        if j == len(haystack):
            return i
        j += 1
    return None


@pytest.fixture(scope="session")
def tei_all_schema():
    """tei_all compiled once for the whole run (lxml needs ~7 s for it)."""
    from lxml import etree

    return etree.RelaxNG(etree.parse(str(TEI_ALL)))
