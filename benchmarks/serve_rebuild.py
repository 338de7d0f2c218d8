"""How soon `editio serve` shows a change: a one-file edit in a 100-document tree.

    python benchmarks/serve_rebuild.py [--repeat 7]

Measured in one run, for two documents of a tree of 100 (99 generated letters, as in
make_scale_corpus.py, and the changed document):
  own build   `build([that file], jobs=1, force=True)` in this process, stylesheets already
              compiled: the document's own build (median of --repeat);
  incremental `build(tree, jobs=1)` in this process after changing that one file: what serve
              runs (the other 99 are found up to date by their hashes);
  serve       `editio serve` in a subprocess: from writing the file to the page's event stream
              announcing the new build (median of --repeat), watcher and server included;
  compile     what compiling editio's HTML and text stylesheets costs a process once, which
              serve pays once and every `editio build` pays again.
The goal: serve - own build < 0.3 s. Needs `pip install -e '.[serve]'`.
"""

from __future__ import annotations

import argparse
import http.client
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_scale_corpus import small_document

from editio.build.run import BuildOptions, build
from editio.render import transform
from editio.render.formats import get_format

WORK = HERE / "_work" / "serve"
CORPUS = HERE.parent.parent / "shared" / "corpus"
TEI_ALL = HERE.parent.parent / "shared" / "schema" / "tei_all.rng"
LARGER = "ita_eltec_collodi_pinocchio.xml"  # 316 KB of prose


def make_tree(changed: Path | None) -> tuple[Path, Path]:
    """100 documents: 99 letters and the one that will change (a letter, or a copy of `changed`)."""
    tree = WORK / "tree"
    shutil.rmtree(WORK, ignore_errors=True)
    tree.mkdir(parents=True)
    for n in range(99):
        (tree / f"letter-{n:03d}.xml").write_text(small_document(n), encoding="utf-8")
    target = tree / ("changed-" + (changed.name if changed else "letter.xml"))
    target.write_bytes(changed.read_bytes() if changed else small_document(99).encode("utf-8"))
    return tree, target


def edit(path: Path, original: bytes, i: int) -> None:
    """Change the first paragraph of the body (the text a reader would see change)."""
    body = original.index(b"<body")
    at = original.index(b"<p", body)
    at = original.index(b">", at) + 1
    path.write_bytes(original[:at] + f"Modifica {i}. ".encode() + original[at:])


def median_time(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def schema_compile_cost(schema: Path) -> float:
    from editio.check import schemas

    started = time.perf_counter()
    schemas.compiled(schemas.SchemaRef(str(schema), "rng"))
    return time.perf_counter() - started


def compile_cost() -> float:
    transform.compile_stylesheet.cache_clear()
    started = time.perf_counter()
    for name in ("html", "text"):
        transform.compile_stylesheet(transform.stylesheet_path(get_format(name).stylesheet))
    return time.perf_counter() - started


class Events(threading.Thread):
    """Reads the server's event stream; remembers when each build was announced."""

    def __init__(self, port: int) -> None:
        super().__init__(daemon=True)
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.conn.request("GET", "/__editio/events")
        self.response = self.conn.getresponse()
        self.arrived: dict[int, float] = {}
        self.ready = threading.Event()

    def run(self) -> None:
        try:
            for raw in self.response.fp:
                line = raw.decode().rstrip("\n")
                if line.startswith("data: "):
                    self.arrived[int(line[6:])] = time.perf_counter()
                    self.ready.set()
        except (OSError, ValueError):
            pass

    def wait_past(self, generation: int, timeout: float = 60) -> tuple[int, float]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            newer = [g for g in self.arrived if g > generation]
            if newer:
                return max(newer), self.arrived[max(newer)]
            time.sleep(0.002)
        raise SystemExit(f"no build announced after {timeout} s")


def measure(label: str, changed: Path | None, repeat: int, schema: Path | None = None) -> dict:
    tree, target = make_tree(changed)
    original = target.read_bytes()
    single = WORK / "single"
    options = {"jobs": 1, "schema": str(schema) if schema else None}
    # The document's own build, stylesheets compiled (one warm-up run first).
    build([target], BuildOptions(out_dir=single, force=True, **options))
    own = median_time(repeat, lambda: build([target], BuildOptions(out_dir=single, force=True, **options)))
    # What serve runs after the change: the whole tree, only the changed document rebuilt.
    out = WORK / "incremental"
    build([tree], BuildOptions(out_dir=out, **options))
    times = []
    for i in range(repeat):
        edit(target, original, 1000 + i)
        started = time.perf_counter()
        result = build([tree], BuildOptions(out_dir=out, **options))
        times.append(time.perf_counter() - started)
        assert [p.name for p in result.built] == [target.name], result.built
    incremental = statistics.median(times)
    target.write_bytes(original)

    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "editio",
            "serve",
            str(tree),
            "-o",
            str(WORK / "served"),
            "--port",
            "0",
            *(["--schema", str(schema)] if schema else []),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        port = None
        for line in process.stderr:
            found = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
            if found:
                port = int(found.group(1))
                break
        if port is None:
            raise SystemExit("editio serve did not start")
        threading.Thread(target=lambda: [None for _ in process.stderr], daemon=True).start()  # drain
        events = Events(port)
        events.start()
        events.ready.wait(30)
        time.sleep(3.0)  # the warm-up and the watcher's catch-up build
        generation = max(events.arrived)
        latencies = []
        for i in range(repeat):
            edit(target, original, i)
            started = time.perf_counter()
            generation, arrived = events.wait_past(generation)
            latencies.append(arrived - started)
            page = _get(port, "/" + target.stem + ".html")
            assert f"Modifica {i}." in page, "the page does not show the change"
            time.sleep(0.3)
        serve = statistics.median(latencies)
    finally:
        process.terminate()
        process.wait(30)
    if schema:
        label += f" (--schema {schema.name})"
    return {
        "document": label,
        "KB": len(original) / 1000,
        "own": own,
        "incremental": incremental,
        "serve": serve,
        "serve_max": max(latencies),
    }


def _get(port: int, path: str) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path)
    body = conn.getresponse().read().decode("utf-8")
    conn.close()
    return body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-tei-all", action="store_true", help="leave out the run checking against tei_all")
    args = parser.parse_args()
    cold = compile_cost()
    rows = [measure("a letter (generated)", None, args.repeat)]
    if (CORPUS / LARGER).is_file():
        rows.append(measure(LARGER, CORPUS / LARGER, args.repeat))
    tei_all = None
    if TEI_ALL.is_file() and not args.no_tei_all:
        tei_all = schema_compile_cost(TEI_ALL)
        rows.append(measure("a letter (generated)", None, args.repeat, schema=TEI_ALL))
    print(f"compiling editio's HTML and text stylesheets (once per process): {cold:.3f} s")
    if tei_all is not None:
        print(f"compiling tei_all (once per process): {tei_all:.1f} s")
    print(
        "| changed document | KB | own build | incremental build of the tree | serve: edit -> page told"
        " | serve - own build | slowest serve |"
    )
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['document']} | {r['KB']:.0f} | {r['own']:.3f} s | {r['incremental']:.3f} s | "
            f"{r['serve']:.3f} s | {r['serve'] - r['own']:+.3f} s | {r['serve_max']:.3f} s |"
        )


if __name__ == "__main__":
    main()
