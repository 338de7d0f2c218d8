"""The witness pages' file names, decided once: the build names the pages, the stylesheets link to them.

A declared witness (teiHeader or standOff) with a siglum gets a page
`x.{token}.html` in `editio build`; its token is the siglum made safe for a
file name and a URL, bounded and unique (`core/names.py`). `prepare` puts it,
percent-encoded, on the witness as `editio:file`, and the list of sigla links
with it (xslt/html/textcrit.xsl), so Python and XSLT never compute it twice.
"""

from __future__ import annotations

from lxml import etree

from editio.contract import attr
from editio.core.names import file_names, href
from editio.core.namespaces import TEI as _T
from editio.prepare.textcrit import WITNESS, siglum

E_FILE = attr("file")


def declared_sigla(root: etree._Element) -> list[str]:
    """The sigla of the witnesses the HTML list of sigla shows (teiHeader, standOff), in its order."""
    found = []
    for place in (f"{_T}teiHeader", f"{_T}standOff"):
        for container in root.iterchildren(place):
            for w in container.iter(WITNESS):
                name = " ".join(siglum(w).split())
                if name:
                    found.append(name)
    return found


def witness_file_tokens(root: etree._Element) -> dict[str, str]:
    """Siglum -> its part of the witness pages' file names: bounded and unique (`core/names.py`).

    The one place it is decided: the build names the pages with it, and
    `mark_witness_files` gives it to the stylesheets, which link with it.
    """
    return file_names(declared_sigla(root))


def mark_witness_files(root: etree._Element) -> None:
    """`editio:file` on each declared witness with a siglum: its file token, percent-encoded for a link."""
    tokens = witness_file_tokens(root)
    if not tokens:
        return
    for place in (f"{_T}teiHeader", f"{_T}standOff"):
        for container in root.iterchildren(place):
            for w in container.iter(WITNESS):
                name = " ".join(siglum(w).split())
                if name:
                    w.set(E_FILE, href(tokens[name]))
