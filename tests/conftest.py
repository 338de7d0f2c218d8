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


@pytest.fixture(scope="session", autouse=True)
def _schema_cache(tmp_path_factory):
    """The tests' schema cache (simplified grammars, trang's conversions): never the user's."""
    import os

    if not os.environ.get("EDITIO_SCHEMA_CACHE"):
        os.environ["EDITIO_SCHEMA_CACHE"] = str(tmp_path_factory.mktemp("schema-cache"))
    yield


def corpus_p5_files() -> list[Path]:
    files = sorted(CORPUS.glob("*.xml"))
    assert files, f"no corpus at {CORPUS}"
    return [f for f in files if f.name not in NOT_P5]


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
