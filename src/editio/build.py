"""Build whole editions: every document of the given paths, in every chosen format."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from editio.diagnostics import Diagnostic
from editio.formats import get_format
from editio.load import LoadOptions, load
from editio.publish import PublishOptions, publish
from editio.validate import find_xml_files
from editio.write import write_atomic


@dataclass(frozen=True)
class BuildOptions:
    out_dir: Path = Path("_build")
    formats: tuple[str, ...] = ("html", "text")
    load: LoadOptions = LoadOptions()
    publish: PublishOptions = PublishOptions()


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    failed: list[Path] = field(default_factory=list)


def build(paths: list[Path], options: BuildOptions = BuildOptions()) -> BuildResult:
    result = BuildResult()
    for source in find_xml_files(paths):
        doc = load(source, options.load)
        result.diagnostics.extend(doc.diagnostics)
        if not doc.ok:
            result.failed.append(source)
            continue
        for name in options.formats:
            fmt = get_format(name)
            published = publish(doc, fmt, options.publish)
            result.diagnostics.extend(published.diagnostics)
            target = options.out_dir / (source.stem + fmt.suffix)
            write_atomic(target, published.output)
            result.written.append(target)
    return result
