"""What a file's bytes say before it is parsed: binary data, byte-order marks, encodings.

A file that is not XML text, or whose declared encoding contradicts its bytes, is
refused (or warned about) here with a clear message, before libxml2 would give a
confusing one or read the text as mojibake.
"""

from __future__ import annotations

import re

from editio.core.diagnostics import Diagnostic, error, warning

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (a .docx or .odt?)",
    b"\x1f\x8b": "a gzip archive",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
}
_BOMS = [
    (b"\xef\xbb\xbf", "UTF-8"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
]
# XML spec, appendix F: the first bytes of '<?xm' tell the encoding family.
_SNIFF = [(b"<\x00?\x00", "UTF-16", "utf-16-le"), (b"\x00<\x00?", "UTF-16", "utf-16-be")]
_DECL = re.compile(r"""<\?xml\s[^>]*?encoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1""")
_CONTROL = re.compile(rb"[\x01-\x08\x0b\x0c\x0e-\x1f]")


def _family(encoding: str) -> str:
    name = encoding.upper().replace("_", "-")
    if name in ("UTF-16", "UTF-16LE", "UTF-16BE", "UCS-2", "ISO-10646-UCS-2", "UNICODE"):
        return "UTF-16"
    if name.startswith(("UTF-32", "UCS-4", "ISO-10646-UCS-4")):
        return "UTF-32"
    if name.startswith(("EBCDIC", "IBM0", "CP037", "CP500")):
        return "EBCDIC"
    return "UTF-8" if name in ("UTF-8", "UTF8") else "ASCII"


def refuse_before_parsing(data: bytes, shown: str) -> Diagnostic | None:
    head = data[:4096]
    bom = next(((mark, fam) for mark, fam in _BOMS if head.startswith(mark)), None)
    sniffed = next(((fam, codec) for mark, fam, codec in _SNIFF if head.startswith(mark)), None)
    if bom is None and sniffed is None:
        if not data.strip():
            return error(shown, 1, 1, "the file is empty", "xml.empty")
        for magic, kind in _MAGIC.items():
            if head.startswith(magic):
                return error(shown, 1, 1, f"the file is binary ({kind}), not XML text", "xml.binary")
        if b"\x00" in head or len(_CONTROL.findall(head)) > max(2, len(head) // 100):
            return error(shown, 1, 1, "the file is binary, not XML text", "xml.binary")
    if bom and not data[len(bom[0]) :].strip(b"\x00 \t\r\n"):
        return error(shown, 1, 1, "the file is empty (only a byte-order mark)", "xml.empty")
    return _encoding_problem(head, bom, sniffed, shown)


def _encoding_problem(head: bytes, bom, sniffed, shown: str) -> Diagnostic | None:
    """The bytes' own evidence (a BOM, UTF-16 '<?') against the declared encoding."""
    if bom:
        family, text = bom[1], head[len(bom[0]) :]
        codec = {"UTF-8": "utf-8", "UTF-16": "utf-16", "UTF-32": "utf-32"}[family]
        text = head.decode(codec, errors="replace").lstrip("\ufeff")
        evidence = f"a {family} byte-order mark"
    elif sniffed:
        family, codec = sniffed
        text = head.decode(codec, errors="replace")
        evidence = "UTF-16 bytes (without a byte-order mark)"
    else:
        family, text, evidence = "ASCII", head.decode("latin-1"), "ASCII-compatible bytes (UTF-8?)"
    match = _DECL.match(text)
    if not match:
        return None
    declared = match.group(2)
    fam = _family(declared)
    clash = (
        (fam != family)
        and not (family == "ASCII" and fam in ("UTF-8", "ASCII"))
        and not (family == "UTF-8" and fam == "UTF-8")
    )
    if family == "UTF-8" and fam == "ASCII" and declared.upper() not in ("US-ASCII", "ASCII"):
        clash = True  # a UTF-8 BOM before encoding="ISO-8859-1"
    if not clash:
        return None
    col = match.start(2) + 1  # 1-based, at the declared name
    return error(
        shown,
        1,
        col,
        f'the XML declaration says encoding="{declared}" but the file starts with {evidence}: '
        "re-save the file in the declared encoding or correct the declaration",
        "xml.encoding",
    )


_SINGLE_BYTE = re.compile(r"(ISO[-_]?8859|LATIN|WINDOWS-125|CP125|CP8|IBM8|MAC|KOI8)", re.IGNORECASE)
_UTF8_PAIR = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")


def looks_like_utf8(data: bytes, declared: str | None, shown: str) -> list[Diagnostic]:
    """A warning when a file declared in a one-byte encoding holds UTF-8 bytes (é read as Ã©)."""
    if not declared or not _SINGLE_BYTE.match(declared):
        return []
    first = _UTF8_PAIR.search(data)
    if first is None:
        return []
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return []  # not UTF-8: the declaration is likely right
    pos = first.start()
    line = data.count(b"\n", 0, pos) + 1
    col = len(data[data.rfind(b"\n", 0, pos) + 1 : pos].decode("utf-8")) + 1
    sample = data[pos : pos + 4].decode("utf-8", "ignore")[:1]
    return [
        warning(
            shown,
            line,
            col,
            f"the XML declaration says encoding=\"{declared}\" but the bytes are UTF-8: '{sample}' is read as "
            f"'{sample.encode('utf-8').decode(declared, 'replace')}'; if the file is UTF-8, correct the declaration",
            "xml.encoding",
        )
    ]


# --- parse errors ------------------------------------------------------------
