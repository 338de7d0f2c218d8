"""`editio build` and `editio serve`: many documents, one set of options."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from editio.cli import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    REPORT_FORMATS,
    emit,
    load_options,
    load_options_from,
    main,
    parse_params,
)
from editio.core.diagnostics import Diagnostics, escape
from editio.core.interrupt import Interrupted
from editio.render.formats import get_format
from editio.render.publish import PublishOptions


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
        params=parse_params(params),
        width=width,
        header=header,
        user_templates=tuple(user_templates),
    )
    per_format = tuple((f, replace(base, user_xslt=x)) for f, x in _xslt_by_format(user_xslt, names).items())
    options = BuildOptions(
        out_dir=out_dir,
        formats=names,
        load=load_options_from(xinclude, xinclude_root, huge),
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
        emit(Diagnostics(stop.result.diagnostics).without(disable), out_format)
        click.echo("editio: build interrupted; finished documents are kept, no partial file was left", err=True)
        sys.exit(128 + stop.signum)
    except OSError as exc:
        progress.close()
        click.echo(f"editio: cannot write in {escape(str(out_dir))}: {escape(exc.strerror or str(exc))}", err=True)
        sys.exit(EXIT_USAGE)
    progress.close()
    found = Diagnostics(result.diagnostics).without(disable)
    emit(found, out_format)
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
