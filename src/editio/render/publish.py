"""The render stage: one document in one format (prepare, transform, page, finish).

No I/O beyond reading stylesheets and templates; `editio.pipeline` runs it.
After rendering, what the edition lost is checked (lost.py): words of the
source's text that did not reach it are warnings, an edition that holds (almost)
none of them is an error. A repeated xml:id is an error too, but the edition is
still produced: the first element keeps the id, the later ones lose it
(prepare), so the page's ids stay unique.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from editio.core.diagnostics import Diagnostic, Severity, escape
from editio.load.document import Document
from editio.prepare.annotate import prepare
from editio.render import lost, page, transform
from editio.render.formats import Format

# Errors that still leave an edition to publish (the CLI writes it, and exits 1).
PUBLISHED_DESPITE = frozenset({"integrity.id"})


@dataclass(frozen=True)
class PublishOptions:
    view: str = "reading"  # reading | diplomatic
    witness: str = ""  # a siglum: the text as that witness reads it
    width: int = 78  # text edition line width; 0 = no wrapping
    header: bool = True  # text edition header block
    params: tuple[tuple[str, str], ...] = ()  # -p name=value, passed to the stylesheets
    user_xslt: str | None = None
    user_templates: tuple[str, ...] = ()

    def page_extra(self, source: str) -> dict:
        """What the page templates get beside the stylesheet's result (the file name shown as diagnostics show it)."""
        return {"width": self.width, "header": self.header, "source_name": escape(Path(source).name)}

    def stylesheet_params(self) -> dict[str, str]:
        params = {"view": self.view, "witness": self.witness}
        params.update(dict(self.params))
        return params


@dataclass
class Published:
    output: str | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def withheld(self) -> bool:
        """No output, or an error that keeps the output from being published."""
        return self.output is None or any(
            d.severity is Severity.ERROR and d.code not in PUBLISHED_DESPITE for d in self.diagnostics
        )


def _no_lap(_name: str) -> None:
    pass


def publish(
    doc: Document,
    fmt: Format,
    options: PublishOptions = PublishOptions(),
    lap: Callable[[str], None] = _no_lap,
    release: bool = False,
) -> Published:
    """prepare, transform, page, finish; `lap(name)` after each (the profiler times them).

    `release`: the document is not needed afterwards (`editio html`, `text`): its tree is
    let go once transformed, and each stage's data as soon as the next has it, so a
    very large document does not hold its tree, the result tree and the page at once.
    """
    source = str(doc.path)
    prepare(doc.tree)
    lap("prepare")
    result, found = transform.run(
        doc.tree,
        fmt.stylesheet,
        options.stylesheet_params(),
        source=source,
        user_xslt=options.user_xslt,
    )
    lap(f"{fmt.name}: transform")
    if not options.witness and options.view != "synoptic":
        # A witness's page, or the synoptic page, shows other text on purpose; the edition itself is checked.
        found += duplicate_ids(doc)
        lost_text = lost.check(source_text(doc, options), result, fmt.name, source)
        if options.user_xslt:
            # The user's stylesheet decides what is published: what it leaves out is said, not refused.
            lost_text = [dataclasses.replace(d, severity=Severity.WARNING) for d in lost_text]
        found += lost_text
        lap(f"{fmt.name}: lost text")
    if release:
        doc.tree = None
        doc.derived.clear()  # what was derived from the tree holds it too
        _give_back_memory()
    context = page.result_context(result, fmt)
    del result
    if release:
        _give_back_memory()
    context.update(options.page_extra(source))
    text = page.render_context(context, fmt, options.user_templates)
    del context
    lap(f"{fmt.name}: page")
    text = fmt.finish(text, options.width)
    lap(f"{fmt.name}: finish")
    return Published(text, found)


def source_text(doc: Document, options: PublishOptions) -> lost.SourceText:
    """The source's reading text, once per document and view (after prepare)."""
    hidden = frozenset(dict(options.params).get("hide-reading-types", "").split())
    key = ("source-text", options.view, hidden)
    if key not in doc.derived:
        doc.derived[key] = lost.SourceText(doc.tree, options.view, hidden)
    return doc.derived[key]


def duplicate_ids(doc: Document) -> list[Diagnostic]:
    """Each repeated xml:id, naming both lines (the integrity rule's finding)."""
    key = ("duplicate-ids",)
    if key not in doc.derived:
        from editio.check.rules import Context
        from editio.check.rules.ids import unique_ids

        doc.derived[key] = list(unique_ids(Context(doc)))
    return list(doc.derived[key])


def _give_back_memory() -> None:
    """Return the freed trees' memory to the system (glibc keeps it otherwise, and the page's
    strings then take new memory). `editio html --huge` of a 20 MB document: peak 523 -> 461 MB,
    `text`: 419 -> 304 MB; what is left is the transformation itself (source and result trees)."""
    name = ctypes.util.find_library("c")
    try:
        trim = ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        trim = None
    if trim is not None:
        trim(0)
