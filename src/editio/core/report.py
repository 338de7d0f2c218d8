"""Format diagnostics for people (text) and machines (JSON, JUnit XML)."""

from __future__ import annotations

import json
from collections import defaultdict

from lxml import etree

from editio.core.diagnostics import Diagnostics, Severity


def format_diagnostics(diagnostics: Diagnostics, fmt: str = "text", summary: bool = False,
                       files: list[str] | None = None) -> str:
    """`files`: every file checked (JSON and JUnit list clean files too)."""
    ordered = diagnostics.sorted()
    if fmt == "json":
        data = {"diagnostics": [d.as_dict() for d in ordered], "summary": _counts(diagnostics)}
        if files is not None:
            data["summary"]["files"] = len(files)
            data["files"] = sorted(files)
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
        by_file[d.path].append(d)
    names = sorted(set(files or []) | set(by_file))
    failed_cases = sum(1 for n in names if any(d.severity is Severity.ERROR for d in by_file[n]))
    suites = etree.Element("testsuites", name="editio validate", tests=str(len(names)), failures=str(failed_cases), errors="0")
    suite = etree.SubElement(suites, "testsuite", name="editio validate", tests=str(len(names)),
                             failures=str(failed_cases), errors="0", skipped="0")
    for name in names:
        case = etree.SubElement(suite, "testcase", classname="editio.validate", name=name, file=name)
        others = []
        for d in by_file[name]:
            if d.severity is Severity.ERROR:
                failure = etree.SubElement(case, "failure", message=f"{d.line}:{d.col}: {d.message}", type=d.code)
                failure.text = str(d)
            else:
                others.append(str(d))
        if others:
            etree.SubElement(case, "system-out").text = "\n".join(others)
    return etree.tostring(suites, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")
