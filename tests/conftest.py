"""Shared paths and expensive fixtures for the test suite.

The suite needs nothing outside the repository: real TEI in tests/corpus/, the
TEI P5 schema in tei/schema/, the sample's source in tei/source/. On the
project's machines `../shared` (beside the repository) holds more: files that
cannot be redistributed here (non-commercial licences) and large ones. When it
is there, tests over "the whole corpus" cover its files too, and the tests
marked `shared` that need one of them run; without it those skip and say why.
EDITIO_NO_SHARED=1 ignores `../shared` (what a fresh clone sees);
`pytest -m shared` runs only what `../shared` adds.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
TEI_ALL = ROOT / "tei" / "schema" / "tei_all.rng"
SAMPLE = ROOT / "tei" / "trattato-di-berlino-1926.xml"
SEED = ROOT / "tei" / "source" / "000_2e74f0d3a1d7c6a6.txt"

SHARED = ROOT.parent / "shared"
SHARED_CORPUS = SHARED / "corpus"
SHARED_SCHEMAS = SHARED / "schema"
SHARED_IGNORED = os.environ.get("EDITIO_NO_SHARED", "") not in ("", "0")
HAVE_SHARED = not SHARED_IGNORED and SHARED_CORPUS.is_dir()

# The corpus files that are TEI P5 documents of their own (issue texts: the P4
# file is refused as hostile input, testxi-inc.xml is only an XInclude target).
NOT_P5 = {"edge_p4_teistylesheets_testp4.xml", "testxi-inc.xml"}


def shared(reason: str):
    """Mark a test (or a parameter) that needs ../shared; `reason` says what it needs from there."""
    return pytest.mark.shared(reason)


def pytest_configure(config):
    config.addinivalue_line("markers", "shared(reason): needs ../shared (skipped without it, with the reason)")


def pytest_runtest_setup(item):
    marker = item.get_closest_marker("shared")
    if marker is not None and not HAVE_SHARED:
        why = "EDITIO_NO_SHARED is set" if SHARED_IGNORED else f"{SHARED} is absent"
        reason = marker.args[0] if marker.args else "files not in the repository"
        pytest.skip(f"needs ../shared ({why}): {reason}")


# Whole-corpus tests known to fail on a file: (test name, file) -> why, marked xfail. Empty now: every
# document of the corpus passes them. Strict: when a fix makes one pass, the run fails until its entry goes.
KNOWN_FAILURES: dict[tuple[str, str], str] = {}


def pytest_collection_modifyitems(items):
    for item in items:
        callspec = getattr(item, "callspec", None)
        reason = callspec and KNOWN_FAILURES.get((getattr(item, "originalname", ""), callspec.id))
        if reason:
            item.add_marker(pytest.mark.xfail(reason=f"known, issue 14: {reason}", strict=True))


def corpus_files(pattern: str = "*.xml") -> list[Path]:
    """The repository's corpus files matching `pattern`, then (when ../shared is
    used) those of ../shared/corpus that are not copied here, by file name."""
    files = sorted(CORPUS.glob(pattern))
    assert files, f"no corpus at {CORPUS}"
    if HAVE_SHARED:
        here = {f.name for f in files}
        files += [f for f in sorted(SHARED_CORPUS.glob(pattern)) if f.name not in here]
    return files


@pytest.fixture(scope="session", autouse=True)
def _schema_cache(tmp_path_factory):
    """The tests' schema cache (simplified grammars, trang's conversions): never the user's."""
    import os

    if not os.environ.get("EDITIO_SCHEMA_CACHE"):
        os.environ["EDITIO_SCHEMA_CACHE"] = str(tmp_path_factory.mktemp("schema-cache"))
    yield


def corpus_p5_files() -> list[Path]:
    """Every TEI P5 document of the corpus (tests/corpus, and ../shared/corpus when used)."""
    return [f for f in corpus_files() if f.name not in NOT_P5]


def in_shared(path: Path) -> bool:
    return SHARED_CORPUS in path.parents


SHARED_FILE = "a file of ../shared/corpus that is not copied into tests/corpus"


def param(path: Path, *values, **kw):
    """pytest.param of `values` (default: the path) with the file name as id; a
    file of ../shared gets the `shared` mark, so `-m shared` selects it."""
    marks = [shared(SHARED_FILE)] if in_shared(path) else []
    return pytest.param(*(values or (path,)), id=kw.pop("id", path.name), marks=marks)


def params(paths) -> list:
    return [param(p) for p in paths]


def corpus_groups() -> list:
    """For the tests that take the whole corpus at once: the repository's files
    always, and the files only ../shared has as a second, `shared` group."""
    files = corpus_p5_files()
    groups = [pytest.param([f for f in files if not in_shared(f)], id="tests-corpus")]
    extra = [f for f in files if in_shared(f)]
    if extra:
        groups.append(pytest.param(extra, id="shared-corpus", marks=shared(SHARED_FILE)))
    return groups


# Tools outside Python that some tests drive; .ci/run installs them on Debian as root.
needs_java = pytest.mark.skipif(
    shutil.which("java") is None,
    reason="needs Java, which is not installed (Debian package default-jre-headless; .ci/run installs it as root)",
)


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
