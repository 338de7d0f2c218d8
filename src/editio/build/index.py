"""The edition's front page: `index.html`, one entry per document.

`entry_for` reads what the index shows from a document's teiHeader (it runs in
the build workers, so it returns plain data); `render_index` puts the entries
into `templates/index.html` (user template folders first, as for pages).
"""

from __future__ import annotations

import unicodedata

from lxml import etree

from editio import __version__
from editio.core.diagnostics import escape
from editio.core.names import href
from editio.core.namespaces import TEI as _T
from editio.core.namespaces import TEI_NS
from editio.core.namespaces import XML_LANG as _XML_LANG
from editio.render.page import environment

NS = {"t": TEI_NS}
# Inside names and titles these carry no reading text (ids, notes).
_SKIP = {f"{_T}note", f"{_T}idno", f"{_T}ptr"}


def _plain(element) -> str:
    parts = []

    def walk(el):
        if el.text:
            parts.append(el.text)
        for child in el:
            if isinstance(child.tag, str) and child.tag not in _SKIP:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return " ".join("".join(parts).split())


_XPATHS: dict[str, etree.XPath] = {}


def _xpath(path: str) -> etree.XPath:
    """Compiled once per process (element.xpath() compiles on every call)."""
    compiled = _XPATHS.get(path)
    if compiled is None:
        compiled = _XPATHS[path] = etree.XPath(path, namespaces=NS)
    return compiled


def _first(root, *paths: str):
    for path in paths:
        found = _xpath(path)(root)
        if found:
            return found[0]
    return None


def _people(element) -> list[str]:
    """An author or editor: one person, or several names in one element
    (<editor><name>A</name><name>B</name></editor> is two people, not "A B")."""
    names = _xpath("t:name | t:persName | t:orgName")(element)
    if len(names) > 1:
        return [_plain(n) for n in names]
    return [_plain(element)]


def entry_for(tree) -> dict:
    """Title, responsibility, date, place (of a letter's sending) and language of a document, as plain strings."""
    root = tree.getroot()
    stmt = _first(root, "t:teiHeader/t:fileDesc/t:titleStmt")
    title, responsibility = "", ""
    if stmt is not None:
        # the document's own title before a series title (as xslt/common/titles.xsl)
        main = _first(
            stmt,
            "t:title[@type='main'][not(@level='s' or @level='j')]",
            "t:title[@level='a' or @level='m']",
            "t:title[not(@type)][not(@level='s' or @level='j')]",
            "t:title",
        )
        title = _plain(main) if main is not None else ""
        people = [p for a in _xpath("t:author")(stmt) for p in _people(a)]
        people += [f"{p} (ed.)" for e in _xpath("t:editor")(stmt) for p in _people(e)]
        if not people:
            for resp in _xpath("t:respStmt")(stmt):
                names = [_plain(n) for n in resp if isinstance(n.tag, str) and n.tag != f"{_T}resp"]
                people += [n for n in names if n]
        responsibility = "; ".join(dict.fromkeys(p for p in people if p))
    # a letter's date and place are those of its sending (correspDesc), not of archival notes
    sent = _first(
        root,
        "t:teiHeader/t:profileDesc/t:correspDesc/t:correspAction[@type='sent']",
        "t:teiHeader/t:profileDesc/t:correspDesc/t:correspAction",
    )
    date_el = _first(
        root,
        "t:teiHeader/t:profileDesc/t:correspDesc/t:correspAction[@type='sent']/t:date",
        "t:teiHeader/t:profileDesc/t:correspDesc/t:correspAction/t:date",
        "t:teiHeader/t:profileDesc/t:creation//t:date",
        "t:teiHeader/t:fileDesc/t:sourceDesc//t:date",
        "t:teiHeader/t:fileDesc/t:publicationStmt/t:date",
    )
    date = ""
    if date_el is not None:
        date = _plain(date_el) or date_el.get("when") or date_el.get("notBefore") or ""
    place = ""
    if sent is not None:
        place_el = _first(sent, "t:placeName", "t:settlement", "t:*[t:placeName]")
        place = _plain(place_el) if place_el is not None else ""
    text = _first(root, "t:text")
    lang = (text.get(_XML_LANG) if text is not None else None) or root.get(_XML_LANG) or ""
    entry = {"title": title, "responsibility": responsibility, "date": date, "place": place, "lang": lang}
    return {k: unicodedata.normalize("NFC", v) for k, v in entry.items()}


def render_index(
    entries: list[dict], index_name: str, user_templates: tuple[str, ...] = (), title: str = "Editions"
) -> str:
    """`entries`: dicts from `entry_for` plus `source` and `links` ({format: path in DIR}).

    Links are percent-encoded (`names.href`); a source's name is shown escaped
    (control characters, the bytes of a non-UTF-8 name), as in diagnostics.
    """
    base = index_name.rpartition("/")[0]
    documents = []
    for entry in entries:
        links = {fmt: href(path, base) for fmt, path in entry["links"].items()}
        documents.append({**entry, "source": escape(entry["source"]), "links": links})
    # The labels are English; each title carries its document's language.
    page = (
        environment(tuple(user_templates))
        .get_template("index.html")
        .render(
            title=title,
            lang="en",
            dir="ltr",
            documents=documents,
            editio_version=__version__,
        )
    )
    return unicodedata.normalize("NFC", page)
