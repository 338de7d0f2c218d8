"""The command line: a thin click layer. Logic lives in the stage modules."""

from __future__ import annotations

import sys
from dataclasses import replace
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


def _emit(diagnostics: Diagnostics, fmt: str = "text", summary: bool = False) -> None:
    text = format_diagnostics(diagnostics, fmt, summary=summary)
    if text:
        click.echo(text, err=fmt == "text", nl=not text.endswith("\n"))


def _parse_params(values) -> tuple[tuple[str, str], ...]:
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


def _load_options(xinclude: bool, xinclude_root: Path | None, huge: bool) -> LoadOptions:
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
            list(paths), options, _load_options(xinclude, xinclude_root, huge), jobs=jobs
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
            params=_parse_params(params),
            user_xslt=user_xslt,
            user_templates=tuple(user_templates),
            **extra,
        )
        run = publish_document(
            file, [(get_format(fmt_name), options)], _load_options(xinclude, xinclude_root, huge), release=True
        )
        found = Diagnostics(run.diagnostics)
        if run.failed:
            _emit(found)
            sys.exit(EXIT_ERRORS)
        result = run.outputs[fmt_name]
        try:
            if output:
                write_atomic(output, result)
            else:
                click.echo(result, nl=False)
        except OSError as exc:
            _emit(found)
            click.echo(f"editio: cannot write {output}: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_USAGE)
        _emit(found)
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


class _BuildProgress:
    """A progress bar on a terminal; one plain line per document in CI or a pipe; nothing with -q."""

    def __init__(self, quiet: bool) -> None:
        import os

        self.quiet = quiet
        self.bar_wanted = sys.stderr.isatty() and not os.environ.get("CI")
        self.bar = None

    def __call__(self, event) -> None:
        if self.quiet:
            return
        if not self.bar_wanted:
            status = {"current": "up to date", "part": "part of another document"}.get(event.status, event.status)
            click.echo(f"[{event.done}/{event.total}] {status}: {escape(event.source)}", err=True)
            return
        if self.bar is None:
            self.bar = click.progressbar(
                length=event.total,
                label="editio build",
                file=sys.stderr,
                show_pos=True,
                item_show_func=lambda item: item,
            )
            self.bar.__enter__()
        self.bar.update(1, escape(event.source))

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _xslt_by_format(values, names) -> dict[str, str]:
    chosen = {}
    for value in values:
        fmt, sep, path = value.partition("=")
        if not sep:
            if len(names) != 1:
                raise click.BadParameter("with several formats, say which: --xslt html=FILE", param_hint="--xslt")
            fmt, path = names[0], value
        if fmt not in names:
            raise click.BadParameter(f"'{fmt}' is not a chosen format", param_hint="--xslt")
        if not Path(path).is_file():
            raise click.BadParameter(f"no such file: {path}", param_hint="--xslt")
        chosen[fmt] = path
    return chosen


def _build_like(default_out: Path):
    """The options `editio build` and `editio serve` share (serve builds the same way)."""
    decorators = [
        click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path)),
        click.option(
            "-o",
            "--output",
            "out_dir",
            type=click.Path(file_okay=False, path_type=Path),
            default=default_out,
            show_default=True,
        ),
        click.option("-f", "--formats", default="html,text", show_default=True, help="Comma-separated formats."),
        click.option(
            "-j", "--jobs", type=click.IntRange(min=0), default=0, help="Worker processes (default 0: one per CPU)."
        ),
        click.option("-q", "--quiet", is_flag=True, help="No progress and no summary; diagnostics only."),
        click.option("--force", is_flag=True, help="Rebuild documents that are up to date."),
        click.option("--strict", is_flag=True, help="Findings are errors: stop at the first document with one."),
        click.option(
            "--schema",
            type=click.Path(exists=True, dir_okay=False),
            help="Check against this schema (else each document's <?xml-model?>).",
        ),
        click.option("--no-checks", "checks", flag_value=False, default=True, help="No schema or integrity checks."),
        click.option(
            "--disable", multiple=True, metavar="CODE", help="Switch off a diagnostic code (or a group: integrity)."
        ),
        click.option("--view", type=click.Choice(["reading", "diplomatic"]), default="reading"),
        click.option("--witness", default="", metavar="SIGLUM", help="The text as this witness reads it."),
        click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="Stylesheet parameter."),
        click.option(
            "--xslt",
            "user_xslt",
            multiple=True,
            metavar="[FORMAT=]FILE",
            help="Your stylesheet for a format (imports editio's).",
        ),
        click.option(
            "--templates",
            "user_templates",
            multiple=True,
            type=click.Path(exists=True, file_okay=False),
            help="Your template folder (wins by name).",
        ),
        click.option(
            "--width", type=click.IntRange(min=0), default=78, help="Text edition: wrap at N columns (0: no wrapping)."
        ),
        click.option(
            "--no-header", "header", flag_value=False, default=True, help="Text edition: leave out the header block."
        ),
        *load_options,
    ]

    def apply(func):
        for decorator in reversed(decorators):
            func = decorator(func)
        return func

    return apply


def _build_options(
    *,
    paths,
    out_dir,
    formats,
    jobs,
    force,
    strict,
    schema,
    checks,
    disable,
    view,
    witness,
    params,
    user_xslt,
    user_templates,
    width,
    header,
    xinclude,
    xinclude_root,
    huge,
    quiet,
):
    """(sources, BuildOptions) from the shared options; click.UsageError / BadParameter for bad ones."""
    from editio.build.run import BuildOptions

    names = tuple(dict.fromkeys(f.strip() for f in formats.split(",") if f.strip()))
    if not names:
        raise click.BadParameter("no format given", param_hint="-f")
    for name in names:
        try:
            get_format(name)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="-f") from None
    if not paths and not Path("tei").is_dir():
        raise click.UsageError("no PATH given and no tei/ folder here")
    sources = list(paths) or [Path("tei")]
    base = PublishOptions(
        view=view,
        witness=witness,
        params=_parse_params(params),
        width=width,
        header=header,
        user_templates=tuple(user_templates),
    )
    per_format = tuple((f, replace(base, user_xslt=x)) for f, x in _xslt_by_format(user_xslt, names).items())
    options = BuildOptions(
        out_dir=out_dir,
        formats=names,
        load=_load_options(xinclude, xinclude_root, huge),
        publish=base,
        publish_by_format=per_format,
        check=checks,
        schema=schema,
        disabled=tuple(disable),
        strict=strict,
        force=force,
        jobs=jobs,
    )
    return sources, options


@main.command()
@_build_like(Path("_build"))
@click.option(
    "--format",
    "out_format",
    type=click.Choice(REPORT_FORMATS),
    default="text",
    help="Diagnostics as text (stderr) or for machines (stdout).",
)
def build(out_format, **given):
    """Build the HTML and text editions of PATHs (default: tei/) into a folder (default: _build/).

    Each document keeps its path under the folder (tei/a/x.xml -> _build/a/x.html); index.html lists them.
    Unchanged documents are not rebuilt. Unreadable documents are reported and skipped (exit 1); schema
    and integrity findings are warnings unless --strict. With --xinclude, a document's XIncludes may reach
    anything inside the PATH it was found under (or inside --xinclude-root DIR). Ctrl-C leaves no partial
    file (exit 130; SIGTERM 143).
    """
    from editio.build.run import BuildError
    from editio.build.run import build as run_build

    quiet, disable, out_dir = given["quiet"], given["disable"], given["out_dir"]
    sources, options = _build_options(**given)
    progress = _BuildProgress(quiet)
    try:
        result = run_build(sources, options, progress)
    except BuildError as exc:
        progress.close()
        click.echo(f"editio: {escape(str(exc))}", err=True)
        sys.exit(EXIT_USAGE)
    except Interrupted as stop:
        progress.close()
        _emit(Diagnostics(stop.result.diagnostics).without(disable), out_format)
        click.echo("editio: build interrupted; finished documents are kept, no partial file was left", err=True)
        sys.exit(128 + stop.signum)
    except OSError as exc:
        progress.close()
        click.echo(f"editio: cannot write in {escape(str(out_dir))}: {escape(exc.strerror or str(exc))}", err=True)
        sys.exit(EXIT_USAGE)
    progress.close()
    found = Diagnostics(result.diagnostics).without(disable)
    _emit(found, out_format)
    if not quiet:
        parts = [f"{len(result.built)} built", f"{len(result.current)} up to date", f"{len(result.failed)} failed"]
        where = f"; see {result.index}" if result.index else ""
        stopped = " (stopped by --strict)" if result.stopped else ""
        click.echo(f"editio build: {', '.join(parts)}{stopped}{where}", err=True)
    sys.exit(EXIT_ERRORS if result.failed or result.stopped or found.has_errors else EXIT_OK)


@main.command()
@_build_like(Path("_serve"))
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0: any free port).")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (default: this machine only)."
)
def serve(port, host, **given):
    """Build PATHs like `editio build` (default: tei/ into _serve/), serve the folder, rebuild on every change.

    Open pages reload by themselves after a rebuild and show the last build's diagnostics over the page;
    a document that no longer loads keeps its last good page. Ctrl-C stops (exit 130).
    Needs: pip install 'editio[serve]'.
    """
    from editio.serve import missing_dependency

    problem = missing_dependency()
    if problem:
        click.echo(problem, err=True)
        sys.exit(EXIT_USAGE)
    from editio.serve.session import serve as run_serve

    sources, options = _build_options(**given)
    status = run_serve(
        sources,
        options,
        host,
        port,
        echo=lambda line: click.echo(line, err=True),
        progress=_BuildProgress(given["quiet"]),
        quiet=given["quiet"],
    )
    sys.exit(status)
