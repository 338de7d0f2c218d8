"""The render stage: one document in one format (prepare, transform, page, finish).

No I/O beyond reading stylesheets and templates; `editio.pipeline` runs it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from editio.render import page, transform
from editio.prepare.annotate import prepare
from editio.core.diagnostics import Diagnostic, escape
from editio.render.formats import Format
from editio.load.document import Document


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


def _no_lap(_name: str) -> None:
    pass


def publish(doc: Document, fmt: Format, options: PublishOptions = PublishOptions(),
            lap: Callable[[str], None] = _no_lap, release: bool = False) -> Published:
    """prepare, transform, page, finish; `lap(name)` after each (the profiler times them).

    `release`: the document is not needed afterwards (`editio html`, `text`): its tree is
    let go once transformed, and each stage's data as soon as the next has it, so a
    very large document does not hold its tree, the result tree and the page at once.
    """
    source = str(doc.path)
    prepare(doc.tree)
    lap("prepare")
    result, found = transform.run(
        doc.tree, fmt.stylesheet, options.stylesheet_params(),
        source=source, user_xslt=options.user_xslt,
    )
    if release:
        doc.tree = None
        _give_back_memory()
    lap(f"{fmt.name}: transform")
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


def _give_back_memory() -> None:
    """Return the freed trees' memory to the system (glibc keeps it otherwise, and the page's
    strings then take new memory: `editio html --huge` of 20 MB peaked at 475 MB, now 380 MB)."""
    name = ctypes.util.find_library("c")
    try:
        trim = ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        trim = None
    if trim is not None:
        trim(0)
