"""What Python and the stylesheets agree on, written down once.

`prepare` annotates the TEI tree with attributes in the editio namespace, and the
text layout reads marker characters the text stylesheets write. Both sides must
use the same names and the same characters; this module is the one list.

- Python builds every `editio:*` name through `attr()` (a name missing here is a
  KeyError at import time, not a silent mismatch).
- `xslt/common/contract.xsl` is generated from this module (`python -m
  editio.contract`): the stylesheets name the markers `$HANG`, `$BREAK`, ...
- `tests/test_contract.py` fails when `xslt/` reads an `editio:*` attribute this
  list lacks, when this list names one the stylesheets never read, when prepare
  sets one it lacks, or when a private-use character appears outside the
  generated module.
"""

from __future__ import annotations

EDITIO_NS = "urn:editio"
# The Clark-notation prefix of every editio:* name (`{urn:editio}`).
CLARK = f"{{{EDITIO_NS}}}"

# Attributes prepare sets (local name -> what it means to the stylesheets).
ATTRIBUTES: dict[str, str] = {
    # prepare/annotate.py
    "id": "a stable id: the element's xml:id, else derived from its place (d2.1-p3, n5 ...)",
    "n": "a note's marker (its @n, else its number within its type); an app's entry number",
    "level": "a division's nesting depth (1 for a top-level division)",
    "ref": "the id of a note's marker in the text (fn1-ref)",
    "block": "'1' on elements HTML renders as blocks (blocks and elements holding one)",
    "index-r": "'r|' + the index key of a name the reading view indexes",
    "index-d": "'d|' + the index key of a name the diplomatic view indexes",
    "first-reading": "on the first name of each index key, reading view",
    "first-diplomatic": "on the first name of each index key, diplomatic view",
    "prepared": "on the root: the tree is annotated (prepare is idempotent)",
    # prepare/textcrit.py
    "wkey": "a witness's canonical key (xml:id, else siglum, else @n, else wN)",
    "siglum": "a witness's siglum as printed (abbr[@type='siglum'], else @n, else xml:id)",
    # prepare/witness_files.py
    "file": "a declared witness's part of its page's file name (bounded, unique), percent-encoded for a link",
    "wits": "' key1 key2 ': the witnesses a reading (or marker) cites",
    "sigla": "the sigla to print for a reading",
    "rn": "a reading's rank among its app's readings",
    "sect": "the id of the division (or body/front/back) whose apparatus lists an app",
    "section": "on an app: the editio:sect of the division whose apparatus lists it",
    "appref": "on an app: where a reader finds it: the division's citation and the paragraph or line (3.1.12, tit.)",
    "apps": "on the root: the number of apps (a critical edition: its text edition numbers its lines)",
    "target": "on an app with @from: the xml:id it names",
    "lemma": "on an app with @from/@to: the words of the span",
    "ws": "on an app: 'lead', 'trail', 'gap': where its own whitespace separates words",
    "hide": "' key ... ': witnesses whose text is not shown from the element's start",
    "hide-after": "' key ... ': witnesses whose text is not shown after the element's end",
    "initial-gap": "on an end marker: witnesses whose text was missing from the start",
    "moved": "a lacuna/witness marker inside a reading, acting at the reading's edge",
    "gap-after": "on a reading: witnesses with a gap sign after it",
    "gap-before": "on a reading: witnesses whose text is missing before it",
    "app-target": "on an element an app's @from names: the apps starting there",
    "app-end": "on an element an app's @to names: the apps ending there",
    "reading-types": "on the root: the @type values of readings (space-separated)",
    "reading-causes": "on the root: the @cause values of readings (space-separated)",
}

# Elements `xslt/witness-variants.xsl` writes around witness-dependent spots and
# src/editio/render/witness_splice.py reads to join each witness's page.
ELEMENTS: dict[str, str] = {
    "witness": "one witness's variant set (s: siglum, wkey: key)",
    "current": "the witness-dependent part of the page header for that witness",
    "list": "the list of sigla, as that witness's page shows it",
    "app": "an apparatus spot: its readings' data and one editio:v per rank",
    "v": "the rendering of one reading rank",
    "if": "a part shown only for the witnesses named",
    "unless": "a part shown for all but the witnesses named",
    "o": "a part of output the same for every witness",
    "l": "a label naming the witness",
}

# Extension functions editio gives the stylesheets (render/transform.py).
FUNCTIONS: dict[str, str] = {
    "line": "editio:line(node): the source line of a node, for diagnostics",
}

# Marker characters the text stylesheets write and the text layout reads (private-use
# area, never in a TEI text editio publishes: the layout removes every one it knows).
MARKERS: dict[str, tuple[str, str]] = {
    "NO_WRAP": ("\ue000", "start of a line the layout must not wrap"),
    "HANG": ("\ue001", "ends a hanging prefix (a note number): continuation lines indent past it"),
    "KEEP_SPACE": ("\ue003", "a space the layout keeps (xml:space='preserve')"),
    "BREAK": ("\ue004", "a line break inside a paragraph"),
    "LABEL_START": ("\ue005", "start of a generated label (kept on one line)"),
    "LABEL_END": ("\ue006", "end of a generated label"),
    "CELL": ("\ue007", "separates the cells of a table row"),
    "HEADING": ("\ue008", "starts a heading; the next character is its underline ('=' or '-')"),
    "APP_START": ("\ue009", "inside a label, before an app's number: its lemma starts here"),
    "APP_END": ("\ue00b", "inside a label, before an app's number: its lemma ends here"),
    "APP_REF": ("\ue00c", "starts an apparatus entry line: app number, FIELD_END, fallback reference, FIELD_END"),
    "FIELD_END": ("\ue00a", "ends a field of an APP_REF entry line"),
    "LINES_START": ("\ue00d", "a line of its own: a division's line numbering starts (divisions nest)"),
    "LINES_END": ("\ue00e", "a line of its own: the innermost division's line numbering ends"),
    "UNNUMBERED": ("\ue00f", "start of a line inside numbered lines that is not counted (the apparatus heading)"),
    "CATALOGUE_SEPARATOR": ("\ue010", "separates the fields of the message catalogue table"),
}


def attr(local: str) -> str:
    """The Clark name (`{urn:editio}local`) of an attribute of the contract."""
    if local not in ATTRIBUTES:
        raise KeyError(f"editio:{local} is not in the contract (src/editio/contract.py)")
    return CLARK + local


def element(local: str) -> str:
    """The Clark name of an element of the witness-variants result."""
    if local not in ELEMENTS:
        raise KeyError(f"<editio:{local}> is not in the contract (src/editio/contract.py)")
    return CLARK + local


def marker(name: str) -> str:
    return MARKERS[name][0]


def stylesheet() -> str:
    """`xslt/common/contract.xsl`: the markers as global variables, with their meaning."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<!-- Generated by `python -m editio.contract` from src/editio/contract.py: do not edit.",
        "     The marker characters the text stylesheets write and src/editio/render/textlayout.py",
        "     reads. The editio:* attributes prepare sets are listed there too. -->",
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">',
    ]
    for name, (char, meaning) in MARKERS.items():
        lines.append(f"  <!-- {meaning} -->")
        lines.append(f'  <xsl:variable name="{name}" select="\'&#x{ord(char):X};\'"/>')
    lines.append("</xsl:stylesheet>")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    from editio.core.resources import xslt_dir

    (xslt_dir() / "common" / "contract.xsl").write_text(stylesheet(), encoding="utf-8")
