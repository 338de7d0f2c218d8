"""`editio serve`: build, serve the build folder, watch, rebuild what changed, tell the pages.

The first build runs like `editio build` (its `-j` workers). Every later build
calls the same `editio.build.run.build()` in this process with one job: the
build state decides which documents changed, and the stylesheets, templates
and schemas stay compiled in this process from one build to the next (they
are cached per process; `watch.forget_compiled` drops them when their files
change). A document that no longer loads is reported and its last good page
stays on disk, as with `editio build`; the server shows the diagnostics over
it. Nothing here writes into the build folder but the build itself.
"""

from __future__ import annotations

import json
import signal
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from pathlib import Path

from editio.build.run import BuildError, BuildOptions, BuildResult, build
from editio.build.state import STATE_NAME
from editio.core.diagnostics import Diagnostic, Diagnostics, Severity, error
from editio.core.interrupt import Interrupted
from editio.core.report import format_diagnostics
from editio.serve import server as http
from editio.serve.server import Broadcast, PageSource, Snapshot
from editio.serve.watch import WatchSet, declared_schemas, forget_compiled, watch_set

Echo = Callable[[str], None]


class Session:
    """The builds of one `editio serve`, and the snapshot the server shows."""

    def __init__(
        self,
        paths: list[Path],
        options: BuildOptions,
        broadcast: Broadcast,
        echo: Echo = lambda line: None,
        quiet: bool = False,
    ) -> None:
        self.paths = list(paths)
        self.options = options
        self.out_dir = Path(options.out_dir)
        self.broadcast = broadcast
        self.echo = echo
        self.quiet = quiet
        self.included: set[str] = set()  # every file a document XIncluded, while serving
        self.schemas: dict[str, set[Path]] = {}  # document -> the schema files it names
        self.pages: dict[str, PageSource] = {}
        self.builds = 0
        self.last: BuildResult | None = None  # the last build's result
        self.problem: Diagnostic | None = None  # the last build could not run (a usage error)
        self._signature: tuple | None = None
        self._failing: dict[str, tuple[Diagnostic, ...]] = {}  # what was said about failing documents
        self.watching = threading.Event()  # set when a watcher is about to run (tests wait for it)
        self._watch_set = WatchSet(self.out_dir.resolve())  # what the running watcher watches

    # ------------------------------------------------------------------ building
    def build(self, force: bool = False, progress=None) -> BuildResult | None:
        """One build; publishes a new snapshot (and so reloads the pages) if anything changed."""
        first = self.builds == 0
        options = self.options if first else replace(self.options, jobs=1, force=force)
        started = time.perf_counter()
        problem = None
        result = None
        try:
            result = build(self.paths, options, progress)
        except BuildError as exc:
            problem = error("", 0, 0, str(exc), "serve.build")
        except OSError as exc:
            problem = error(str(self.out_dir), 0, 0, f"cannot write: {exc.strerror or exc}", "serve.build")
        seconds = time.perf_counter() - started
        self.builds += 1
        self.last = result
        self.problem = problem
        if result is not None:
            self._learn(result, first)
        self._report(result, problem, seconds, first)
        self._publish(result, problem)
        return result

    def warm_up(self) -> None:
        """Make the first rebuild as quick as the next ones.

        The first build's workers compiled the stylesheets, templates and schemas, imported
        the checks, and took all of it with them when they exited. Here the smallest built
        document is built once more, in this process, into a throwaway folder (the build
        folder is not touched), and the schemas the documents name are compiled.
        """
        import tempfile

        from editio.check import schemas

        if self.last is not None and self.last.built:
            smallest = min(self.last.built, key=_size)
            # Only a warm-up: the real builds report any problem.
            with tempfile.TemporaryDirectory(prefix="editio-serve-warm-") as scratch, suppress(Exception):
                build([smallest], replace(self.options, out_dir=Path(scratch), jobs=1, force=True))
        if self.options.check:
            for path in sorted({p for found in self.schemas.values() for p in found}):
                kind = schemas.kind_of(str(path))
                if kind and path.is_file():
                    schemas.precompile([schemas.SchemaRef(str(path), kind)])

    def _learn(self, result: BuildResult, first: bool) -> None:
        """From the build state: which page shows which document, what each document includes."""
        try:
            data = json.loads((self.out_dir / STATE_NAME).read_text(encoding="utf-8"))
            documents = data.get("documents") or {}
        except (OSError, ValueError, AttributeError):
            documents = {}
        pages: dict[str, PageSource] = {}
        for key, record in documents.items():
            included = frozenset(record.get("included") or {})
            self.included.update(included)
            for rel in record.get("outputs") or []:
                pages[rel] = PageSource(record.get("source") or key, key, included)
        # A document that failed has left the state; its last good pages are still on disk.
        for rel, source in self.pages.items():
            if (
                rel not in pages
                and source.key not in documents
                and Path(source.key).exists()
                and (self.out_dir / rel).is_file()
            ):
                pages[rel] = source
        self.pages = pages
        rebuilt = [*result.built, *result.failed, *(result.current if first else ())]
        for path in rebuilt:
            self.schemas[str(Path(path).resolve())] = declared_schemas(Path(path))

    def _publish(self, result: BuildResult | None, problem: Diagnostic | None) -> None:
        diagnostics = tuple(self._diagnostics(result))
        index = "index.html"
        if result is not None and result.index is not None:
            index = Path(result.index).resolve().relative_to(self.out_dir.resolve()).as_posix()
        failed = tuple(map(str, result.failed)) if result else ()
        signature = (diagnostics, failed, tuple(sorted(self.pages)), index, problem)
        if signature == self._signature and result is not None and not result.built:
            return  # nothing a page shows has changed: no reload
        self._signature = signature
        previous = self.broadcast.snapshot.generation
        self.broadcast.publish(Snapshot.make(previous + 1, diagnostics, dict(self.pages), index, problem))

    def _diagnostics(self, result: BuildResult | None) -> list[Diagnostic]:
        if result is None:
            return []
        return Diagnostics(result.diagnostics).without(self.options.disabled).sorted()

    def _report(self, result: BuildResult | None, problem: Diagnostic | None, seconds: float, first: bool) -> None:
        if problem is not None:
            self.echo(f"editio serve: {problem.message}")
            return
        assert result is not None
        shown = self._diagnostics(result)
        failing = {str(p): tuple(d for d in shown if d.path == str(p)) for p in result.failed}
        news = True
        if not first:
            # After a change: the findings of the documents just built, not the whole corpus again,
            # and a failing document's again only when they changed (it is retried at every build).
            said = {p for p, found in failing.items() if self._failing.get(p) == found}
            touched = {str(p) for p in result.built} | (set(failing) - said)
            shown = [d for d in shown if d.path in touched]
            news = bool(touched)
            for path in result.built:
                self.echo(f"editio serve: built {path}")
            for path in result.failed:
                if str(path) not in said:
                    self.echo(f"editio serve: failed {path} (its last good page stays)")
        self._failing = failing
        text = format_diagnostics(Diagnostics(shown))
        if text:
            self.echo(text.rstrip("\n"))
        if news and not self.quiet:
            errors = sum(1 for d in shown if d.severity is Severity.ERROR)
            self.echo(
                f"editio serve: {len(result.built)} built, {len(result.current)} up to date, "
                f"{len(result.failed)} failed, {errors} error(s) in {seconds:.2f} s"
            )

    # ------------------------------------------------------------------ watching
    def watched(self) -> WatchSet:
        publish = [self.options.options_for(f) for f in self.options.formats]
        schema_files = {p for found in self.schemas.values() for p in found}
        return watch_set(
            self.paths,
            self.out_dir,
            self.included,
            schema_files,
            tuple(p.user_xslt for p in publish if p.user_xslt),
            tuple(t for p in publish for t in p.user_templates),
            self.options.schema if self.options.check else None,
        )

    def watch(self, stop: threading.Event | None = None, step_ms: int = 50) -> None:
        """Rebuild on every change until `stop` is set (or Ctrl-C / SIGTERM, raised to the caller)."""
        import watchfiles

        def relevant(_change, name: str) -> bool:
            return self._watch_set.classify(name) is not None

        while stop is None or not stop.is_set():
            self._watch_set = self.watched()
            roots = self._watch_set.roots()
            # Catch what changed while no watcher ran (the first build, a watcher's restart).
            self.build()
            if not roots:  # every watched folder is gone: wait for one to come back
                if stop is None:
                    time.sleep(0.5)
                elif stop.wait(0.5):
                    return
                continue
            restart = False
            self.watching.set()
            for changes in watchfiles.watch(
                *roots,
                watch_filter=relevant,
                step=step_ms,
                stop_event=stop,
                raise_interrupt=True,
                rust_timeout=1000,
            ):
                kinds = {self._watch_set.classify(name) for _change, name in changes} - {None}
                if not kinds:
                    continue
                forget_compiled(kinds)
                self.build(force="schema" in kinds)
                updated = self.watched()
                if updated.roots() != roots:
                    restart = True  # a new folder to watch (an XInclude or a schema elsewhere)
                    self.watching.clear()
                    break
                self._watch_set = updated
            if not restart:
                return


def _size(path: Path) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 1 << 62


_terminated = threading.Event()


def _raise_stopped(signum, frame):
    # watchfiles turns any exception a signal handler raises while it waits into KeyboardInterrupt:
    # remember that this one was SIGTERM.
    _terminated.set()
    raise Interrupted(signum)


def serve(
    paths: list[Path], options: BuildOptions, host: str, port: int, echo: Echo, progress=None, quiet: bool = False
) -> int:
    """The command: returns its exit status (0 never: it runs until stopped)."""
    broadcast = Broadcast()
    try:
        httpd = http.start(Path(options.out_dir), host, port, broadcast)
    except OSError as exc:
        echo(f"editio serve: cannot listen on {host}:{port}: {exc.strerror or exc}")
        return 2
    _terminated.clear()
    previous = signal.signal(signal.SIGTERM, _raise_stopped)
    thread = None
    session = Session(paths, options, broadcast, echo, quiet)
    try:
        session.build(progress=progress)
        if progress is not None and hasattr(progress, "close"):
            progress.close()
        if session.problem is not None:
            return 2  # as `editio build` would: nothing to serve (already said on the console)
        thread = http.run_in_thread(httpd)
        echo(f"editio serve: serving {options.out_dir} at {httpd.url} (Ctrl-C to stop)")
        if not httpd.loopback:
            echo(f"editio serve: warning: listening on {host}: other machines can read these pages")
        session.warm_up()
        session.watch()
        return 0
    except Interrupted as stop:
        if stop.result is not None:  # a build stopped (build() raises it only once its workers are gone)
            if progress is not None and hasattr(progress, "close"):
                progress.close()
            echo("editio serve: stopped during a build; finished documents are kept, no partial file was left")
        else:
            echo("editio serve: stopped")
        return 128 + stop.signum
    except KeyboardInterrupt:
        echo("editio serve: stopped")
        return 128 + (signal.SIGTERM if _terminated.is_set() else signal.SIGINT)
    finally:
        signal.signal(signal.SIGTERM, previous)
        http.stop(httpd, thread)
