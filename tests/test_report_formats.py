"""--format sarif (SARIF 2.1.0, checked against its JSON schema) and --format github (workflow annotations)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
from click.testing import CliRunner
from serve_support import BROKEN, tei

from editio.cli import main
from editio.core.diagnostics import Diagnostics, error, info, warning
from editio.core.report import format_diagnostics

SCHEMA = json.loads((Path(__file__).parent / "sarif" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)

ODD_NAME = "lettera 2, copia: 100%.xml"  # a space, a comma, a colon, a percent sign


def assert_valid_sarif(log: dict) -> None:
    errors = sorted(VALIDATOR.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


@pytest.fixture
def checked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = Path("docs")
    folder.mkdir()
    (folder / "buona.xml").write_text(tei("Un testo."), encoding="utf-8")
    (folder / "rotta.xml").write_text(BROKEN, encoding="utf-8")
    (folder / ODD_NAME).write_text(tei('Un <ref target="#manca">rinvio</ref>.'), encoding="utf-8")
    return folder


def run(*args) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(map(str, args)))
    return result.exit_code, result.stdout


def test_validate_sarif_is_valid_and_says_what_json_says(checked):
    status, out = run("validate", "--format", "sarif", checked)
    assert status == 1
    log = json.loads(out)
    assert_valid_sarif(log)
    _status, as_json = run("validate", "--format", "json", checked)
    expected = json.loads(as_json)["diagnostics"]
    (sarif_run,) = log["runs"]
    results = sarif_run["results"]
    assert len(results) == len(expected) > 0
    rules = [r["id"] for r in sarif_run["tool"]["driver"]["rules"]]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for result, d in zip(results, expected):
        assert result["ruleId"] == d["code"] == rules[result["ruleIndex"]]
        assert result["level"] == levels[d["severity"]]
        assert result["message"]["text"] == d["message"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert unquote(location["artifactLocation"]["uri"]) == Path(d["path"]).as_posix()
        assert location["region"]["startLine"] == d["line"]
        assert location["region"].get("startColumn", 0) == d["col"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "docs/lettera%202%2C%20copia%3A%20100%25.xml" in uris
    assert any(r["ruleId"] == "xml.syntax" and r["level"] == "error" for r in results)


def test_the_schema_check_can_fail(checked):
    """The schema in tests/sarif/ does refuse a log that is not SARIF 2.1.0."""
    log = json.loads(run("validate", "--format", "sarif", checked)[1])
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(VALIDATOR.iter_errors(log))
    log = json.loads(run("validate", "--format", "sarif", checked)[1])
    log["version"] = "2.0.0"
    assert list(VALIDATOR.iter_errors(log))


def test_sarif_edge_cases_are_valid():
    found = Diagnostics(
        [
            error("/abs/path/a b.xml", 0, 0, "whole file", "io.unreadable"),  # no line: no region
            warning("rel.xml", 3, 0, "line only", "integrity.x"),
            info("", 0, 0, "no file at all", "build.note"),
        ]
    )
    log = json.loads(format_diagnostics(found, "sarif"))
    assert_valid_sarif(log)
    results = log["runs"][0]["results"]
    by_rule = {r["ruleId"]: r for r in results}
    assert by_rule["io.unreadable"]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "file:///abs/path/a%20b.xml"}
    }
    assert by_rule["integrity.x"]["locations"][0]["physicalLocation"]["region"] == {"startLine": 3}
    assert "locations" not in by_rule["build.note"]
    assert_valid_sarif(json.loads(format_diagnostics(Diagnostics([]), "sarif")))


def test_build_sarif(checked, tmp_path):
    status, out = run("build", checked, "-o", tmp_path / "out", "-j", "1", "-q", "--format", "sarif")
    assert status == 1
    log = json.loads(out)
    assert_valid_sarif(log)
    assert any(r["ruleId"] == "xml.syntax" for r in log["runs"][0]["results"])


def test_github_annotations_escape_as_githubs_toolkit_does():
    found = Diagnostics(
        [
            error("a,b:c%.xml", 4, 7, "50% done\r\nnext: a, b", "xml.syntax"),
            warning("w.xml", 2, 0, "no column", "integrity.pointer"),
            info("i.xml", 0, 0, "whole file", "integrity.flag"),
        ]
    )
    assert format_diagnostics(found, "github").splitlines() == [
        # control characters escaped as in every format (one line per finding), then the toolkit's escapes
        "::error file=a%2Cb%3Ac%25.xml,line=4,col=7,title=xml.syntax::50%25 done\\r\\nnext: a, b",
        "::notice file=i.xml,title=integrity.flag::whole file",
        "::warning file=w.xml,line=2,title=integrity.pointer::no column",
    ]


def test_validate_github(checked):
    status, out = run("validate", "--format", "github", checked)
    assert status == 1
    lines = out.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert any(line.startswith("::error file=docs/rotta.xml,line=6,col=40,title=xml.syntax::") for line in lines)
    assert any("file=docs/lettera 2%2C copia%3A 100%25.xml," in line for line in lines)
    assert os.linesep not in "".join(lines)
