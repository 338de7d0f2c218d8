"""The render stage: one document in one format (prepare, transform, page, finish).

No I/O beyond reading stylesheets and templates; `editio.pipeline` runs it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from editio.render import page, transform
from editio.prepare.annotate import prepare
from editio.core.diagnostics import Diagnostic
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
        """What the page templates get beside the stylesheet's result."""
        return {"width": self.width, "header": self.header, "source_name": Path(source).name}

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
            lap: Callable[[str], None] = _no_lap) -> Published:
    """prepare, transform, page, finish; `lap(name)` after each (the profiler times them)."""
    source = str(doc.path)
    prepare(doc.tree)
    lap("prepare")
    result, found = transform.run(
        doc.tree, fmt.stylesheet, options.stylesheet_params(),
        source=source, user_xslt=options.user_xslt,
    )
    lap(f"{fmt.name}: transform")
    text = page.render(result, fmt, options.user_templates, options.page_extra(source))
    lap(f"{fmt.name}: page")
    text = fmt.finish(text, options.width)
    lap(f"{fmt.name}: finish")
    return Published(text, found)
