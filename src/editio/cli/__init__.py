"""The command line: a thin click layer. Logic lives in the stage modules.

This module holds the group and the one-document commands (validate, html, text,
latex, schema); `build.py` the commands over many documents (build, serve).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from editio import __version__
from editio.check.validate import ValidateOptions
from editio.core.diagnostics import Diagnostics, Severity, escape
from editio.core.interrupt import Interrupted
from editio.core.report import format_diagnostics
from editio.core.write import write_atomic
from editio.load.document import LoadOptions
from editio.pipeline import publish_document
from editio.render.formats import get_format
from editio.render.publish import PublishOptions

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


# Diagnostics formats: text for people (stderr); the others for machines (stdout, to be redirected):
# sarif for code scanning, github for workflow annotations.
REPORT_FORMATS = ["text", "json", "junit", "sarif", "github"]


def emit(diagnostics: Diagnostics, fmt: str = "text", summary: bool = False) -> None:
    text = format_diagnostics(diagnostics, fmt, summary=summary)
    if text:
        click.echo(text, err=fmt == "text", nl=not text.endswith("\n"))


def parse_params(values) -> tuple[tuple[str, str], ...]:
    pairs = []
    for value in values:
        name, sep, val = value.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"'{value}' is not name=value", param_hint="-p")
        pairs.append((name, val))
    return tuple(pairs)


load_options = [
    click.option(
        "--xinclude",
        is_flag=True,
        help="Expand XIncludes (only files inside the document's folder, or --xinclude-root).",
    ),
    click.option(
        "--xinclude-root",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        metavar="DIR",
        help="XIncludes may reach files anywhere inside DIR (implies --xinclude).",
    ),
    click.option("--huge", is_flag=True, help="Allow very large documents (libxml2 huge_tree)."),
]


def load_options_from(xinclude: bool, xinclude_root: Path | None, huge: bool) -> LoadOptions:
    return LoadOptions(
        xinclude=xinclude or xinclude_root is not None,
        huge=huge,
        xinclude_root=str(xinclude_root) if xinclude_root else None,
    )


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
@click.option(
    "--schema",
    type=click.Path(exists=True, dir_okay=False),
    help="Schema file (.rng, .rnc, .xsd, .dtd); overrides the documents' <?xml-model?>.",
)
@click.option("--schematron", multiple=True, type=click.Path(exists=True, dir_okay=False), help="ISO Schematron file.")
@click.option(
    "--disable", multiple=True, metavar="CODE", help="Switch off a diagnostic code (or a group: integrity, schema)."
)
@click.option("--no-integrity", is_flag=True, help="Skip the editorial integrity rules.")
@click.option(
    "--format",
    "out_format",
    type=click.Choice(REPORT_FORMATS),
    default="text",
    help="text (stderr), or json, junit, sarif (code scanning), github (workflow annotations) on stdout.",
)
@click.option("--strict", is_flag=True, help="Warnings count as errors.")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=0), default=0, help="Files checked in parallel (default 0: one per CPU)."
)
@with_load_options
def validate(paths, schema, schematron, disable, no_integrity, out_format, strict, jobs, xinclude, xinclude_root, huge):
    """Check TEI files: well-formedness, schemas, Schematron, editorial integrity."""
    from editio.check.schemas import SchemaError
    from editio.check.validate import validate_paths

    options = ValidateOptions(
        schema=schema, schematron=tuple(schematron), disabled=tuple(disable), integrity=not no_integrity
    )
    try:
        files, diagnostics = validate_paths(
            list(paths), options, load_options_from(xinclude, xinclude_root, huge), jobs=jobs
        )
    except SchemaError as exc:
        click.echo(f"editio: {escape(str(exc))}", err=True)
        sys.exit(EXIT_USAGE)
    except Interrupted as stop:
        click.echo("editio: validation interrupted", err=True)
        sys.exit(128 + stop.signum)
    found = Diagnostics(diagnostics)  # --disable applied by validate_document
    text = format_diagnostics(found, out_format, summary=True, files=[str(f) for f in files])
    # Machine formats go to stdout (to be redirected into a report file); text to stderr.
    click.echo(text, err=out_format == "text", nl=False)
    if any(d.code.startswith("io.") for d in found):
        sys.exit(EXIT_USAGE)
    failed = found.has_errors or (strict and found.count(Severity.WARNING) > 0)
    sys.exit(EXIT_ERRORS if failed else EXIT_OK)


@main.group()
def schema():
    """The local schema cache: editio never downloads a schema a document names."""


@schema.command(name="add")
@click.argument("url")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def schema_add(url, file):
    """Use FILE wherever a document's <?xml-model?> names URL."""
    from editio.check.schemas import add_to_cache

    try:
        target = add_to_cache(url, file)
    except (ValueError, OSError) as exc:
        click.echo(f"editio: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"{url} -> {target}")


@schema.command(name="list")
def schema_list():
    """The URLs the cache answers, and their local files."""
    from editio.check.schemas import cache_dir, cached_schemas

    for url, name in sorted(cached_schemas().items()):
        click.echo(f"{url}\t{cache_dir() / name}")


def _publish_command(fmt_name: str, views: tuple[str, ...] = ("reading", "diplomatic")):
    @click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option(
        "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout."
    )
    @click.option(
        "--view",
        type=click.Choice(list(views)),
        default="reading",
        help="synoptic (HTML): the witnesses of a critical edition side by side." if "synoptic" in views else None,
    )
    @click.option("--witness", default="", metavar="SIGLUM", help="The text as this witness reads it.")
    @click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="Stylesheet parameter.")
    @click.option(
        "--xslt", "user_xslt", type=click.Path(exists=True, dir_okay=False), help="Your stylesheet (imports editio's)."
    )
    @click.option(
        "--templates",
        "user_templates",
        multiple=True,
        type=click.Path(exists=True, file_okay=False),
        help="Your template folder (wins by name).",
    )
    @with_load_options
    def command(file, output, view, witness, params, user_xslt, user_templates, xinclude, xinclude_root, huge, **extra):
        if output is not None and _same_file(file, output):
            click.echo(
                f"editio: -o {escape(str(output))} is the document itself: it would be overwritten; "
                "choose another file",
                err=True,
            )
            sys.exit(EXIT_USAGE)
        if view == "synoptic" and witness:
            raise click.UsageError("--view synoptic shows every witness: leave out --witness")
        options = PublishOptions(
            view=view,
            witness=witness,
            params=parse_params(params),
            user_xslt=user_xslt,
            user_templates=tuple(user_templates),
            **extra,
        )
        run = publish_document(
            file, [(get_format(fmt_name), options)], load_options_from(xinclude, xinclude_root, huge), release=True
        )
        found = Diagnostics(run.diagnostics)
        if run.failed:
            emit(found)
            sys.exit(EXIT_ERRORS)
        result = run.outputs[fmt_name]
        try:
            if output:
                write_atomic(output, result)
            else:
                click.echo(result, nl=False)
        except OSError as exc:
            emit(found)
            click.echo(f"editio: cannot write {output}: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_USAGE)
        emit(found)
        # Published despite an error (a repeated xml:id): the error still fails the command.
        sys.exit(EXIT_ERRORS if found.has_errors else EXIT_OK)

    return command


def _same_file(source: Path, output: Path) -> bool:
    """Is `output` the source, by any name (a link, a relative path)?"""
    try:
        return output.exists() and output.samefile(source)
    except OSError:
        return output.resolve() == source.resolve()


html = main.command(name="html", help="Publish FILE as a standalone HTML page.")(
    _publish_command("html", ("reading", "diplomatic", "synoptic"))
)

latex = main.command(name="latex", help="Publish FILE as a LuaLaTeX document (reledmac): the print edition.")(
    _publish_command("latex")
)

text = main.command(name="text", help="Publish FILE as a plain-text edition.")(
    click.option("--width", type=click.IntRange(min=0), default=78, help="Wrap at N columns (0: no wrapping).")(
        click.option("--no-header", "header", flag_value=False, default=True, help="Leave out the header block.")(
            _publish_command("text")
        )
    )
)


# build and serve register themselves on `main` (they share its helpers above).
from editio.cli import build as _build_commands  # noqa: E402, F401
