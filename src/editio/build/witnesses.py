"""The pages of the witnesses of a critical edition, in `editio build`.

For a document that declares witnesses (listWit/witness in the teiHeader or
standOff), the HTML edition `x.html` gets one page per witness beside it,
`x.{siglum}.html`, the text as that witness reads it (`--witness SIGLUM`);
the edition and every witness page get the parameters `witness-pages`
(`x.{siglum}.html`: the list of sigla links to them) and `edition-page`
(`x.html`: a witness page links back). The `{siglum}` part is the
witness's file token, decided once (`prepare.witness_files.witness_file_tokens`:
signs that mean something in a path or URL become '_', long sigla are
shortened, distinct sigla get distinct names) and given to the stylesheets
as `editio:file`; `x` is shortened too when the whole name would not fit.

A user who sets `witness-pages` with -p names the pages: then nothing is
generated here.

A critical edition (witnesses and apps) also gets `x.synoptic.html`, its
witnesses side by side (`--view synoptic`), which the edition links to
(parameter `synoptic-page`) and the index lists.

The pages come from one transformation for all the witnesses
(witness_splice.py); where that cannot be sure of giving the same bytes, from
the whole transformation per witness, as `editio html --witness` does.
"""

from __future__ import annotations

import dataclasses
from pathlib import PurePosixPath

from editio.core.diagnostics import Diagnostic, error
from editio.core.names import NAME_BYTES, TOKEN_BYTES, bounded, href
from editio.core.namespaces import TEI
from editio.load.document import Document
from editio.prepare import witness_files
from editio.render import witness_splice
from editio.render.formats import get_format
from editio.render.publish import PublishOptions, publish

PAGE_SUFFIX = ".html"
# `x.{token}.html` within a file name's bytes, whatever the token.
_STEM_BYTES = NAME_BYTES - len(".") - TOKEN_BYTES - len(PAGE_SUFFIX)


def declared_sigla(doc: Document) -> list[str]:
    """The sigla of the witnesses the HTML list of sigla shows, in its order."""
    return witness_files.declared_sigla(doc.tree.getroot())


def file_tokens(doc: Document) -> dict[str, str]:
    """Siglum -> its part of its page's file name."""
    return witness_files.witness_file_tokens(doc.tree.getroot())


def _names(rel: str) -> tuple[PurePosixPath, str]:
    """The edition's folder, and the start of its witness pages' names."""
    path = PurePosixPath(rel)
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    return path.parent, bounded(stem, _STEM_BYTES)


def with_witness_pages(
    doc: Document, options: dict[str, PublishOptions], outputs: tuple[tuple[str, str], ...]
) -> dict[str, PublishOptions]:
    """Per-format options, the HTML edition's with the witness-page parameters."""
    html_rel = dict(outputs).get("html")
    html = options.get("html")
    if html_rel is None or html is None or "witness-pages" in dict(html.params) or not declared_sigla(doc):
        return options
    _folder, stem = _names(html_rel)
    params = (
        *html.params,
        ("witness-pages", href(stem) + ".{siglum}" + PAGE_SUFFIX),
        ("edition-page", href(PurePosixPath(html_rel).name)),
    )
    if "synoptic-page" not in dict(html.params) and _has_apps(doc):
        params += (("synoptic-page", href(_synoptic_name(doc, stem))),)
    return {**options, "html": dataclasses.replace(html, params=params)}


def _has_apps(doc: Document) -> bool:
    return next(doc.tree.getroot().iter(f"{TEI}app"), None) is not None


def _synoptic_name(doc: Document, stem: str) -> str:
    """`x.synoptic.html`, unless a witness's page has that name (a siglum 'synoptic')."""
    taken = set(file_tokens(doc).values())
    name = "synoptic"
    while name in taken:
        name += "_"
    return f"{stem}.{name}.html"


def synoptic_page(
    doc: Document, outputs: tuple[tuple[str, str], ...], options: dict[str, PublishOptions], found: list[Diagnostic]
) -> list[tuple[str, str]]:
    """The synoptic page of a critical edition, `x.synoptic.html` beside `x.html`
    (the witnesses side by side, xslt/html/synoptic.xsl), if `with_witness_pages`
    named one."""
    html_rel = dict(outputs).get("html")
    html = options.get("html")
    if html_rel is None or html is None or "synoptic-page" not in dict(html.params):
        return []
    folder, stem = _names(html_rel)
    name = _synoptic_name(doc, stem)
    if dict(html.params)["synoptic-page"] != href(name):
        return []  # the user named another page: not ours to write
    seen = {(d.line, d.code, d.message) for d in found}
    published = publish(doc, get_format("html"), dataclasses.replace(html, view="synoptic", witness=""))
    found.extend(d for d in published.diagnostics if (d.line, d.code, d.message) not in seen)
    if published.output is None:
        found.append(error(str(doc.path), 0, 0, "the synoptic page could not be produced", "build.no-output"))
        return []
    return [((folder / name).as_posix(), published.output)]


def witness_pages(
    doc: Document, outputs: tuple[tuple[str, str], ...], options: dict[str, PublishOptions], found: list[Diagnostic]
) -> list[tuple[str, str]]:
    """The witness pages to write, (path relative to the output folder, text).

    `options` are those from `with_witness_pages`; new findings go to `found`
    (a finding the edition itself already reported is not repeated per page).
    """
    html_rel = dict(outputs).get("html")
    html = options.get("html")
    if html_rel is None or html is None or "edition-page" not in dict(html.params):
        return []
    folder, stem = _names(html_rel)
    seen_findings = {(d.line, d.code, d.message) for d in found}
    tokens = file_tokens(doc)  # one page per distinct siglum
    # One transformation for all the pages; the whole one per witness where it cannot be sure.
    fast = witness_splice.pages(doc, html, list(tokens), seen_findings) if len(tokens) > 1 else None
    pages: list[tuple[str, str]] = []
    for name, token in tokens.items():
        rel = (folder / f"{stem}.{token}{PAGE_SUFFIX}").as_posix()
        if fast is not None:
            pages.append((rel, fast[name]))
            continue
        published = publish(doc, get_format("html"), dataclasses.replace(html, witness=name))
        for d in published.diagnostics:
            if (d.line, d.code, d.message) not in seen_findings:
                seen_findings.add((d.line, d.code, d.message))
                found.append(d)
        if published.output is None:
            found.append(
                error(str(doc.path), 0, 0, f"the page of witness {name} could not be produced", "build.no-output")
            )
            continue
        pages.append((rel, published.output))
    return pages
