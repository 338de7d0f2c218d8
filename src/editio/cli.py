"""The command line: a thin click layer. Logic lives in the stage modules."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from editio import __version__
from editio.diagnostics import Diagnostics, Severity
from editio.formats import get_format
from editio.load import LoadOptions, load
from editio.publish import PublishOptions, publish
from editio.report import format_diagnostics
from editio.validate import ValidateOptions, find_xml_files, validate_document
from editio.write import write_atomic

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def _emit(diagnostics: Diagnostics, fmt: str = "text", summary: bool = False) -> None:
    text = format_diagnostics(diagnostics, fmt, summary=summary)
    if text:
        click.echo(text, err=True, nl=not text.endswith("\n"))


def _parse_params(values) -> tuple[tuple[str, str], ...]:
    pairs = []
    for value in values:
        name, sep, val = value.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"'{value}' is not name=value", param_hint="-p")
        pairs.append((name, val))
    return tuple(pairs)


load_options = [
    click.option("--xinclude", is_flag=True, help="Expand XIncludes (only files inside the document's folder)."),
    click.option("--huge", is_flag=True, help="Allow very large documents (libxml2 huge_tree)."),
]


def with_load_options(func):
    for option in reversed(load_options):
        func = option(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="editio")
def main() -> None:
    """Validate and publish TEI P5 editions as HTML and plain text."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--schema", type=click.Path(exists=True, dir_okay=False), help="Schema file (.rng, .rnc, .xsd, .dtd).")
@click.option("--schematron", multiple=True, type=click.Path(exists=True, dir_okay=False), help="ISO Schematron file.")
@click.option("--disable", multiple=True, metavar="CODE", help="Switch off a diagnostic code (or a group: integrity).")
@click.option("--format", "out_format", type=click.Choice(["text", "json", "junit"]), default="text")
@click.option("--strict", is_flag=True, help="Warnings count as errors.")
@with_load_options
def validate(paths, schema, schematron, disable, out_format, strict, xinclude, huge):
    """Check TEI files: well-formedness, schemas, Schematron, editorial integrity."""
    options = ValidateOptions(schema=schema, schematron=tuple(schematron), disabled=tuple(disable))
    found = Diagnostics()
    for path in find_xml_files(list(paths)):
        doc = load(path, LoadOptions(xinclude=xinclude, huge=huge))
        found.extend(validate_document(doc, options))
    found = found.without(disable)
    _emit(found, out_format, summary=True)
    failed = found.has_errors or (strict and found.count(Severity.WARNING) > 0)
    sys.exit(EXIT_ERRORS if failed else EXIT_OK)


def _publish_command(fmt_name: str):
    @click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
    @click.option("--view", type=click.Choice(["reading", "diplomatic"]), default="reading")
    @click.option("--witness", default="", metavar="SIGLUM", help="The text as this witness reads it.")
    @click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="Stylesheet parameter.")
    @click.option("--xslt", "user_xslt", type=click.Path(exists=True, dir_okay=False), help="Your stylesheet (imports editio's).")
    @click.option("--templates", "user_templates", multiple=True, type=click.Path(exists=True, file_okay=False), help="Your template folder (wins by name).")
    @with_load_options
    def command(file, output, view, witness, params, user_xslt, user_templates, xinclude, huge, **extra):
        doc = load(file, LoadOptions(xinclude=xinclude, huge=huge))
        found = Diagnostics(list(doc.diagnostics))
        if not doc.ok:
            _emit(found)
            sys.exit(EXIT_ERRORS)
        options = PublishOptions(
            view=view, witness=witness, params=_parse_params(params), user_xslt=user_xslt,
            user_templates=tuple(user_templates), **extra,
        )
        result = publish(doc, get_format(fmt_name), options)
        found.extend(result.diagnostics)
        if found.has_errors or result.output is None:
            _emit(found)
            sys.exit(EXIT_ERRORS)
        try:
            if output:
                write_atomic(output, result.output)
            else:
                click.echo(result.output, nl=False)
        except OSError as exc:
            _emit(found)
            click.echo(f"editio: cannot write {output}: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_USAGE)
        _emit(found)
        sys.exit(EXIT_OK)

    return command


html = main.command(name="html", help="Publish FILE as a standalone HTML page.")(_publish_command("html"))

text = main.command(name="text", help="Publish FILE as a plain-text edition.")(
    click.option("--width", type=click.IntRange(min=0), default=78, help="Wrap at N columns (0: no wrapping).")(
        click.option("--no-header", "header", flag_value=False, default=True, help="Leave out the header block.")(
            _publish_command("text")
        )
    )
)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("_build"), show_default=True)
@click.option("-f", "--formats", default="html,text", show_default=True, help="Comma-separated formats.")
@with_load_options
def build(paths, out_dir, formats, xinclude, huge):
    """Build editions of PATHs (default: tei/) into a folder (default: _build/)."""
    from editio.build import BuildOptions, build as run_build

    names = tuple(f.strip() for f in formats.split(",") if f.strip())
    for name in names:
        try:
            get_format(name)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="-f") from None
    sources = list(paths) or [Path("tei")]
    if not paths and not Path("tei").is_dir():
        raise click.UsageError("no PATH given and no tei/ folder here")
    result = run_build(sources, BuildOptions(out_dir=out_dir, formats=names, load=LoadOptions(xinclude=xinclude, huge=huge)))
    _emit(Diagnostics(result.diagnostics))
    sys.exit(EXIT_ERRORS if result.failed else EXIT_OK)
