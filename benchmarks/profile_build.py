"""Where a build's time goes, stage by stage, and which XSLT templates cost most.

    python benchmarks/profile_build.py FILE_OR_FOLDER... [--formats html,text] [--templates 15]

Stages (editio.pipeline, as `editio build` runs them): load, checks, then per
format prepare, transform (libxslt), page (Jinja + serialisation), finish (the
text layout). With
--templates N it reruns each transform with libxslt's profiler and prints the
N templates with the most time of their own, summed over the files (the
profiler slows everything down; read its numbers as shares, not times).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

from editio import pipeline
from editio.check.validate import ValidateOptions
from editio.core.discover import find_xml_files
from editio.load.document import LoadOptions
from editio.render import transform
from editio.render.formats import get_format
from editio.render.publish import PublishOptions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--formats", default="html,text")
    parser.add_argument("--xinclude", action="store_true")
    parser.add_argument("--templates", type=int, default=0, metavar="N")
    args = parser.parse_args()
    formats = [get_format(f) for f in args.formats.split(",")]
    options = PublishOptions()
    for fmt in formats:
        transform.compile_stylesheet(transform.stylesheet_path(fmt.stylesheet))
    stages: dict[str, float] = defaultdict(float)
    own: dict[tuple[str, str], float] = defaultdict(float)
    calls: dict[tuple[str, str], int] = defaultdict(int)
    running: dict[tuple[str, str], tuple[float, int]] = {}
    files = find_xml_files(args.paths)
    size = sum(f.stat().st_size for f in files) / 1e6
    for path in files:
        clock = time.perf_counter()

        def lap(name: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            stages[name] += now - clock
            clock = now

        # The build's own stages (editio.pipeline), timed by lap().
        run = pipeline.load_stage(path, LoadOptions(xinclude=args.xinclude), lap)
        pipeline.check_stage(run, ValidateOptions(default_schema=False), lap=lap)
        if run.failed:
            continue
        doc = run.doc
        for fmt in formats:
            pipeline.render_stage(run, fmt, options, lap)
            if args.templates:
                xslt = transform.compile_stylesheet(transform.stylesheet_path(fmt.stylesheet))
                params = {k: xslt.strparam(v) for k, v in options.stylesheet_params().items()}
                profiled = xslt(doc.tree, profile_run=True, **params)
                # libxslt keeps adding to a compiled stylesheet's counters run after
                # run: the profile of this run is the difference from the last one.
                for t in profiled.xslt_profile.getroot():
                    key = (fmt.name, f"{t.get('match') or ''} {t.get('name') or ''} {t.get('mode') or ''}".strip())
                    total_time, total_calls = float(t.get("time", 0)), int(t.get("calls", 0))
                    last_time, last_calls = running.get(key, (0.0, 0))
                    running[key] = (total_time, total_calls)
                    own[key] += total_time - last_time
                    calls[key] += total_calls - last_calls
                clock = time.perf_counter()
    total = sum(stages.values())
    print(f"{len(files)} file(s), {size:.2f} MB, {total:.2f} s ({total / size:.3f} s/MB)")
    for name, seconds in stages.items():
        print(f"  {name:<18}{seconds:8.3f} s {seconds / size:8.4f} s/MB {100 * seconds / total:5.1f}%")
    if own:
        print(f"top {args.templates} templates by own time (libxslt profiler units):")
        for (fmt, template), t in sorted(own.items(), key=lambda kv: -kv[1])[: args.templates]:
            print(f"  {fmt:<5}{t:10.0f} {calls[(fmt, template)]:8d} calls  {template}")


if __name__ == "__main__":
    sys.exit(main())
