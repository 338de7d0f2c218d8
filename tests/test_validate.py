"""`editio validate`: golden diagnostic cases, exit codes, output formats.

Golden cases: tests/cases/validate/NAME.xml is validated (from inside that
folder, so paths print as NAME.xml) and the diagnostic lines must equal
NAME.expected exactly (the summary line is not part of it). Extra command-line
arguments stand in the case's `<?editio-test ...?>` (tests/golden.py). Drop a new
case in the folder and regenerate its expected file deliberately with
EDITIO_REGENERATE=1, then read the diff. The JSON and JUnit reports of a few
cases are goldens too (tests/cases/report/).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLE, needs_java
from golden import assert_golden, case_args, run_cli
from lxml import etree

from editio.cli import main

CASES = ROOT / "tests" / "cases" / "validate"
CASE_FILES = sorted(CASES.glob("*.xml"))


def run(args, cwd: Path | None = None, env: dict | None = None):
    result = run_cli(["validate", "-j", "1", *args], cwd=cwd, env=env)
    return result, result.stdout, result.stderr


@pytest.fixture()
def empty_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("EDITIO_SCHEMA_CACHE", str(tmp_path / "schema-cache"))
    return tmp_path / "schema-cache"


def test_there_are_cases():
    assert len(CASE_FILES) >= 15


def _case_param(case: Path):
    # a RELAX NG compact schema is converted by trang, which runs on Java
    rnc = ".rnc" in case.read_text(encoding="utf-8", errors="replace")
    return pytest.param(case, id=case.stem, marks=[needs_java] if rnc else [])


@pytest.mark.parametrize("case", [_case_param(c) for c in CASE_FILES])
def test_golden_case(case, empty_cache):
    result, _out, err = run([*case_args(case), case.name], cwd=CASES)
    lines = [line for line in err.splitlines() if "file(s) checked:" not in line]
    got = "\n".join(lines) + "\n" if lines else ""
    # Absolute paths in messages depend on where the repository is checked out.
    got = got.replace(str(CASES.resolve()), "{CASES}")
    assert_golden(got, case.with_suffix(".expected"), f"the diagnostics of {case.name}")
    has_error = any(": error: " in line for line in lines)
    assert result.exit_code == (1 if has_error else 0), err


def test_every_case_is_reported_as_a_problem():
    # A case that reports nothing would be a test that cannot fail.
    for case in CASE_FILES:
        assert case.with_suffix(".expected").read_text(encoding="utf-8").strip(), case.name


# ------------------------------------------------------------------ exit codes
def test_exit_0_for_the_sample_edition():
    result, out, err = run(["--no-integrity", str(SAMPLE)])
    assert result.exit_code == 0, err
    assert out == ""
    assert err == "1 file(s) checked: 0 error(s), 0 warning(s), 0 info\n"


def test_exit_1_for_errors_and_every_file_reported():
    result, _out, err = run(["schema-element.xml", "schema-value.xml", "not-well-formed.xml"], cwd=CASES)
    assert result.exit_code == 1
    for name in ("schema-element.xml", "schema-value.xml", "not-well-formed.xml"):
        assert f"{name}:" in err
    assert "3 file(s) checked" in err


def test_warnings_fail_only_with_strict(empty_cache):
    result, _out, err = run(["xml-model-not-cached.xml"], cwd=CASES)
    assert result.exit_code == 0
    assert "xml-model-not-cached.xml:1:1: warning: schema https://" in err and "[schema.not-cached]" in err
    strict, _out, strict_err = run(["--strict", "xml-model-not-cached.xml"], cwd=CASES)
    assert strict.exit_code == 1
    assert strict_err == err  # the same findings; only the verdict changes


def test_exit_2_for_a_missing_path():
    result, out, err = run(["no/such/file.xml"])
    assert result.exit_code == 2
    assert out == ""
    assert "no/such/file.xml" in err and "does not exist" in err


def test_exit_2_for_an_unreadable_schema(tmp_path):
    broken = tmp_path / "broken.rng"
    broken.write_text(
        "<grammar xmlns='http://relaxng.org/ns/structure/1.0'><start><ref name='nowhere'/></start></grammar>"
    )
    result, _out, err = run(["--schema", str(broken), str(CASES / "schema-value.xml")])
    assert result.exit_code == 2
    assert "broken.rng" in err


def test_disable_switches_a_code_off():
    result, _out, err = run(["--disable", "schema.value", "--disable", "integrity", "schema-value.xml"], cwd=CASES)
    assert "schema.value" not in err
    assert result.exit_code == 0, err


# ------------------------------------------------------------------ formats
def test_json_format_parses():
    result, out, _err = run(["--format", "json", "schema-value.xml", "schema-order.xml"], cwd=CASES)
    data = json.loads(out)
    assert result.exit_code == 1
    codes = {d["code"] for d in data["diagnostics"]}
    assert {"schema.value", "schema.element"} <= codes
    assert data["summary"]["error"] == len([d for d in data["diagnostics"] if d["severity"] == "error"])
    assert data["summary"]["files"] == 2
    for d in data["diagnostics"]:
        assert set(d) == {"path", "line", "col", "severity", "message", "code"}


def test_junit_format_is_one_suite_with_a_case_per_file():
    result, out, _err = run(
        ["--no-integrity", "--format", "junit", "schema-value.xml", "schema-order.xml", "xml-model-local-rng.xml"],
        cwd=CASES,
    )
    assert result.exit_code == 1
    root = etree.fromstring(out.encode("utf-8"))
    suites = root.findall("testsuite")
    assert len(suites) == 1
    cases = suites[0].findall("testcase")
    assert [c.get("name") for c in cases] == sorted(["schema-value.xml", "schema-order.xml", "xml-model-local-rng.xml"])
    failures = [f for c in cases for f in c.findall("failure")]
    assert failures and all(f.get("type").startswith("schema.") for f in failures)
    assert suites[0].get("tests") == "3"
    assert suites[0].get("failures") == str(sum(1 for c in cases if c.find("failure") is not None))


def test_junit_lists_clean_files_as_passing():
    result, out, _err = run(["--no-integrity", "--format", "junit", str(SAMPLE)])
    case = etree.fromstring(out.encode("utf-8")).find("testsuite/testcase")
    assert case is not None and case.find("failure") is None


REPORTED = [
    "schema-value.xml",
    "schema-order.xml",
    "integrity-pointer.xml",
    "not-well-formed.xml",
    "xml-model-local-rng.xml",
]


@pytest.mark.parametrize("fmt", ["json", "junit", "sarif", "github"])
def test_machine_report_golden(fmt):
    """What a CI system reads, byte for byte: the report of five files of every kind of finding."""
    result, out, _err = run(["--format", fmt, *REPORTED], cwd=CASES)
    assert result.exit_code == 1
    assert_golden(out, ROOT / "tests" / "cases" / "report" / f"five-files.{fmt}", f"the {fmt} report")


# ------------------------------------------------------------------ the schema cache
def test_schema_add_then_the_document_is_checked(empty_cache):
    url = "https://example.org/schemas/project.rng"
    runner = CliRunner()
    added = runner.invoke(main, ["schema", "add", url, str(CASES / "schemas" / "only-p.rng")])
    assert added.exit_code == 0, added.output
    listed = runner.invoke(main, ["schema", "list"])
    assert url in listed.output
    result, _out, err = run(["xml-model-not-cached.xml"], cwd=CASES)
    # Now checked against the cached copy: only-p.rng has no teiHeader.
    assert "schema.not-cached" not in err
    assert result.exit_code == 1
    assert "schema.element" in err


def test_schema_add_refuses_a_non_url(empty_cache):
    result = run_cli(["schema", "add", "not-a-url", str(CASES / "schemas" / "only-p.rng")])
    assert result.exit_code == 2
    assert result.stderr.startswith("editio: ") and "not-a-url" in result.stderr


# ------------------------------------------------------------------ parallel runs
def test_parallel_run_gives_the_same_result():
    from editio.check.validate import ValidateOptions, validate_paths

    files = [str(c) for c in CASE_FILES if not case_args(c)]
    _f1, serial = validate_paths(files, ValidateOptions(), jobs=1)
    _f2, parallel = validate_paths(files, ValidateOptions(), jobs=2)
    assert serial == parallel
    assert serial


# ------------------------------------------------------------------ the default schema
VALID_TEI_OUTSIDE_EDITIO = """<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>P</p></publicationStmt><sourceDesc><biblFull><titleStmt><title>S</title></titleStmt><publicationStmt><p>P</p></publicationStmt></biblFull></sourceDesc></fileDesc></teiHeader>
  <text><body><p>A formula: <formula notation="tex">E = mc^2</formula>.</p></body></text>
</TEI>
"""


def test_a_document_naming_no_schema_is_checked_against_tei_all(tmp_path):
    """biblFull and formula are valid TEI P5 that editio's own schema leaves out."""
    path = tmp_path / "valid.xml"
    path.write_text(VALID_TEI_OUTSIDE_EDITIO)
    result, _out, err = run([str(path)])
    assert result.exit_code == 0, err
    assert "0 error(s), 0 warning(s)" in err
    # A real error is still found against tei_all.
    path.write_text(VALID_TEI_OUTSIDE_EDITIO.replace("<formula", "<formulae").replace("</formula>", "</formulae>"))
    result, _out, err = run([str(path)])
    assert result.exit_code == 1 and 'element "formulae" not allowed' in err and "editio's schema" not in err


def test_editio_schema_only_for_documents_naming_it_and_says_it_is_a_subset(tmp_path):
    own = ROOT / "tei" / "schema" / "editio.rng"
    path = tmp_path / "named.xml"
    path.write_text(
        f'<?xml-model href="{own.as_uri()}" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
        + VALID_TEI_OUTSIDE_EDITIO
    )
    result, _out, err = run([str(path)])
    assert result.exit_code == 1
    lines = [ln for ln in err.splitlines() if "[schema.element]" in ln]
    assert lines and all(
        ln.endswith(
            "(editio's schema covers the TEI that editio renders; the element may still "
            "be valid TEI P5) [schema.element]"
        )
        for ln in lines
    ), err
