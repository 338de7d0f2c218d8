"""Format diagnostics for people (text) and machines (JSON, JUnit XML, SARIF 2.1.0, GitHub annotations)."""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import PurePath
from urllib.parse import quote

from lxml import etree

from editio import __version__
from editio.core.diagnostics import Diagnostic, Diagnostics, Severity, escape


def format_diagnostics(
    diagnostics: Diagnostics, fmt: str = "text", summary: bool = False, files: list[str] | None = None
) -> str:
    """`files`: every file checked (JSON and JUnit list clean files too)."""
    ordered = diagnostics.sorted()
    if fmt == "sarif":
        return _sarif(ordered)
    if fmt == "github":
        return "".join(_github(d) + "\n" for d in ordered)
    if fmt == "json":
        data = {"diagnostics": [d.as_dict() for d in ordered], "summary": _counts(diagnostics)}
        if files is not None:
            data["summary"]["files"] = len(files)
            data["files"] = sorted(escape(f) for f in files)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "junit":
        return _junit(ordered, files)
    lines = [str(d) for d in ordered]
    if summary:
        counts = _counts(diagnostics)
        checked = f"{len(files)} file(s) checked: " if files is not None else ""
        lines.append(f"{checked}{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info")
    return "\n".join(lines) + ("\n" if lines else "")


def _counts(diagnostics: Diagnostics) -> dict[str, int]:
    return {s.value: diagnostics.count(s) for s in Severity}


def _junit(ordered, files: list[str] | None) -> str:
    """One testsuite, one testcase per file, one <failure> per error.

    Warnings and info go to the testcase's <system-out>, so CI shows them
    without failing the build.
    """
    by_file = defaultdict(list)
    for d in ordered:
        by_file[escape(d.path)].append(d)
    names = sorted({escape(f) for f in files or []} | set(by_file))
    failed_cases = sum(1 for n in names if any(d.severity is Severity.ERROR for d in by_file[n]))
    suites = etree.Element(
        "testsuites", name="editio validate", tests=str(len(names)), failures=str(failed_cases), errors="0"
    )
    suite = etree.SubElement(
        suites,
        "testsuite",
        name="editio validate",
        tests=str(len(names)),
        failures=str(failed_cases),
        errors="0",
        skipped="0",
    )
    for name in names:
        case = etree.SubElement(suite, "testcase", classname="editio.validate", name=name, file=name)
        others = []
        for d in by_file[name]:
            if d.severity is Severity.ERROR:
                failure = etree.SubElement(
                    case, "failure", message=f"{d.line}:{d.col}: {escape(d.message)}", type=d.code
                )
                failure.text = str(d)
            else:
                others.append(str(d))
        if others:
            etree.SubElement(case, "system-out").text = "\n".join(others)
    return etree.tostring(suites, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")


# ------------------------------------------------------------------ SARIF 2.1.0 (code scanning)
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _sarif(ordered: list[Diagnostic]) -> str:
    """One run; one rule per diagnostic code; paths as URIs relative to the folder editio ran in."""
    codes = sorted({d.code for d in ordered})
    rule_index = {code: i for i, code in enumerate(codes)}
    results = []
    for d in ordered:
        result = {
            "ruleId": d.code,
            "ruleIndex": rule_index[d.code],
            "level": _SARIF_LEVEL[d.severity],
            "message": {"text": escape(d.message)},
        }
        if d.path:
            physical: dict = {"artifactLocation": _sarif_artifact(d.path)}
            if d.line > 0:  # SARIF lines and columns start at 1; 0 is editio's "unknown"
                physical["region"] = {"startLine": d.line, **({"startColumn": d.col} if d.col > 0 else {})}
            result["locations"] = [{"physicalLocation": physical}]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "editio",
                        "version": __version__,
                        "rules": [{"id": code} for code in codes],
                    }
                },
                "columnKind": "unicodeCodePoints",  # lxml counts characters, not UTF-16 units
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _sarif_artifact(path: str) -> dict:
    """The file's own bytes, percent-encoded: a URI finds the file whatever its name holds."""
    pure = PurePath(path)
    uri = quote(os.fsencode(pure.as_posix()), safe="/")
    if pure.is_absolute():
        return {"uri": "file://" + uri}
    # %SRCROOT%: the checkout the paths are relative to (GitHub code scanning resolves it).
    return {"uri": uri, "uriBaseId": "%SRCROOT%"}


# ------------------------------------------------------------------ GitHub workflow annotations
_GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _github(d: Diagnostic) -> str:
    """`::error file=F,line=L,col=C,title=CODE::message`, escaped as GitHub's toolkit does."""
    props = [f"file={_github_property(escape(d.path))}"] if d.path else []
    if d.line > 0:
        props.append(f"line={d.line}")
        if d.col > 0:
            props.append(f"col={d.col}")
    props.append(f"title={_github_property(d.code)}")
    return f"::{_GITHUB_COMMAND[d.severity]} {','.join(props)}::{_github_data(escape(d.message))}"


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")
