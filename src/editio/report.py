"""Format diagnostics for people (text) and machines (JSON, JUnit XML)."""

from __future__ import annotations

import json

from editio.diagnostics import Diagnostics, Severity


def format_diagnostics(diagnostics: Diagnostics, fmt: str = "text", summary: bool = False) -> str:
    ordered = diagnostics.sorted()
    if fmt == "json":
        return json.dumps({
            "diagnostics": [d.as_dict() for d in ordered],
            "summary": _counts(diagnostics),
        }, ensure_ascii=False, indent=2) + "\n"
    if fmt == "junit":
        raise NotImplementedError("junit output")
    lines = [str(d) for d in ordered]
    if summary:
        counts = _counts(diagnostics)
        lines.append(f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info")
    return "\n".join(lines) + ("\n" if lines else "")


def _counts(diagnostics: Diagnostics) -> dict[str, int]:
    return {s.value: diagnostics.count(s) for s in Severity}
