"""Fuzz (issue 8): mutants of real TEI run through load, validate, html and
text, in-process and through the CLI's error handling. Every run must end in
output or diagnostics: never an uncaught exception, never a hang.

Deterministic: a seeded RNG; a failure names the mutant's number, so
`EDITIO_FUZZ_ONLY=<n>` replays it. `EDITIO_FUZZ_MUTANTS` changes the count
(default 2,000). The longer, coverage-guided harness is fuzz/ (atheris).
"""

from __future__ import annotations

import os
import random
import re
import signal
import traceback
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, ROOT
from lxml import etree

from editio.check import schemas
from editio.check.validate import ValidateOptions, validate_document
from editio.cli import main
from editio.core.diagnostics import Diagnostic
from editio.load.document import parse_bytes
from editio.render.formats import get_format
from editio.render.publish import publish

MUTANTS = int(os.environ.get("EDITIO_FUZZ_MUTANTS", "2000"))
PER_MUTANT_SECONDS = 10  # a hang, not a slow run: a mutant takes milliseconds
SEED = 20240608
# Big corpus files are pruned to a few children per element: the same
# structures (apparatus, drama, notes, RTL) in a mutant that stays small.
MAX_SEED_BYTES = 160_000
KEEP_CHILDREN = 3

HOSTILE_VALUES = [
    "javascript:alert(1)",
    '"><script>alert(1)</script>',
    "java\tscript:x",
    "data:text/html,<b>",
    "../../../../etc/passwd",
    "file:///etc/passwd",
    "#nowhere",
    "#",
    "",
    " ",
    "\u202e\u0000x",
    "color: red; background: url(x)",
    "x" * 300,
    "\U0001f600",
    "&amp;",
    "-1",
    "999999999999",
]
ATTRIBUTES = [
    "xml:id",
    "n",
    "rend",
    "style",
    "target",
    "ref",
    "url",
    "facs",
    "wit",
    "corresp",
    "xml:lang",
    "type",
    "when",
    "from",
    "to",
    "synch",
    "prev",
    "next",
    "sameAs",
    "copyOf",
    "place",
    "hand",
    "rendition",
]
ENTITIES = [
    "&amp;",
    "&lt;",
    "&nope;",
    "&#0;",
    "&#x110000;",
    "&#xD800;",
    "&#65;",
    "&#x1F600;",
    "&",
    "&#;",
    "<![CDATA[x]]>",
    "<!-- c -->",
    "<?pi x?>",
    "]]>",
    "<",
    "\u0000",
    "\ufeff",
    "\udcff",
]
DOCTYPES = [
    '<!DOCTYPE TEI [<!ENTITY e "expanded">]>',
    '<!DOCTYPE TEI [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE TEI SYSTEM "tei.dtd">',
    '<!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY e "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
]


def _prune(data: bytes) -> bytes:
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    for el in list(root.iter()):
        kids = [k for k in el if isinstance(k.tag, str)]
        for extra in kids[KEEP_CHILDREN:]:
            el.remove(extra)
    return etree.tostring(root, encoding="utf-8", xml_declaration=True)


def seeds() -> list[tuple[str, bytes]]:
    found = []
    for path in sorted(CORPUS.glob("*.xml")):
        data = path.read_bytes()
        if len(data) > MAX_SEED_BYTES:
            continue
        found.append((path.name, data if len(data) < 20_000 else _prune(data)))
    for path in sorted((ROOT / "tests" / "cases" / "hostile").glob("bom_*.xml")):
        found.append((path.name, path.read_bytes()))
    assert len(found) >= 10, "too few corpus files to fuzz"
    return found


# --- mutations: each takes (rng, bytes) and returns bytes -------------------------------


def truncate(rng, data):
    return data[: rng.randrange(len(data))]


def swap_bytes(rng, data):
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        i, j = rng.randrange(len(b)), rng.randrange(len(b))
        b[i], b[j] = b[j], b[i]
    return bytes(b)


def flip_bytes(rng, data):
    b = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


_TAG = re.compile(rb"<[A-Za-z][^<>]*>|</[A-Za-z][^<>]*>")
_START = re.compile(rb"<([A-Za-z][\w:.-]*)(?=[\s/>])")


def delete_tags(rng, data):
    tags = list(_TAG.finditer(data))
    for m in sorted(rng.sample(tags, min(len(tags), rng.randint(1, 3))), key=lambda m: -m.start()):
        data = data[: m.start()] + data[m.end() :]
    return data


def _insert_attribute(rng, data, name, value):
    starts = list(_START.finditer(data))
    if not starts:
        return data
    m = rng.choice(starts)
    quoted = value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    return data[: m.end()] + f' {name}="{quoted}"'.encode("utf-8", "surrogatepass") + data[m.end() :]


def duplicate_ids(rng, data):
    ids = re.findall(rb'xml:id="([^"]+)"', data)
    value = rng.choice(ids).decode("utf-8", "replace") if ids else "dup"
    for _ in range(rng.randint(1, 3)):
        data = _insert_attribute(rng, data, "xml:id", value)
    return data


def random_attributes(rng, data):
    for _ in range(rng.randint(1, 4)):
        data = _insert_attribute(rng, data, rng.choice(ATTRIBUTES), rng.choice(HOSTILE_VALUES))
    return data


def insert_entities(rng, data):
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(data))
        data = data[:i] + rng.choice(ENTITIES).encode("utf-8", "surrogatepass") + data[i:]
    return data


def insert_doctype(rng, data):
    decl = re.match(rb"(\xef\xbb\xbf)?<\?xml[^>]*\?>", data)
    at = decl.end() if decl else 0
    refs = data.replace(b"</p>", b"&e;</p>", 1)
    return refs[:at] + rng.choice(DOCTYPES).encode() + refs[at:]


def duplicate_slice(rng, data):
    i = rng.randrange(len(data))
    j = min(len(data), i + rng.randint(1, 400))
    k = rng.randrange(len(data))
    return data[:k] + data[i:j] + data[k:]


MUTATIONS = [
    truncate,
    swap_bytes,
    flip_bytes,
    delete_tags,
    duplicate_ids,
    random_attributes,
    insert_entities,
    insert_doctype,
    duplicate_slice,
]
GENTLE = [random_attributes, random_attributes, insert_doctype, duplicate_ids]


def mutant(n: int, corpus: list[tuple[str, bytes]]) -> tuple[str, bytes]:
    rng = random.Random(SEED * 1_000_003 + n)
    name, data = rng.choice(corpus)
    # Half the mutants keep the file well-formed, so the stylesheets get hostile input too.
    pool = GENTLE if rng.random() < 0.5 else MUTATIONS
    ops = [rng.choice(pool) for _ in range(rng.randint(1, 3))]
    for op in ops:
        if data:
            data = op(rng, data)
    return f"{name} <- {'+'.join(op.__name__ for op in ops)}", data


# --- running one mutant ------------------------------------------------------------------


class Hang(Exception):
    pass


def _alarm(_signum, _frame):
    raise Hang(f"no result after {PER_MUTANT_SECONDS} s")


def _check_diagnostics(found) -> None:
    for d in found:
        assert isinstance(d, Diagnostic), d
        assert d.code and d.message and d.line >= 0 and d.col >= 0, d


def run_library(data: bytes, path: Path) -> str:
    doc = parse_bytes(data, path)
    _check_diagnostics(doc.diagnostics)
    if not doc.ok:
        assert doc.diagnostics, "refused without a diagnostic"
        return "refused"
    _check_diagnostics(validate_document(doc, ValidateOptions()))
    for fmt in ("html", "text"):
        doc = parse_bytes(data, path)  # publish prepares the tree in place: start afresh
        result = publish(doc, get_format(fmt))
        _check_diagnostics(result.diagnostics)
        assert result.output is not None or result.diagnostics, f"{fmt}: neither output nor diagnostics"
    return "published"


def run_cli(runner: CliRunner, path: Path) -> None:
    for args in (["validate", str(path)], ["html", str(path)], ["text", str(path)]):
        result = runner.invoke(main, args, catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        assert result.exit_code in (0, 1), (args, result.exit_code, result.stderr[-500:])
        if result.exit_code == 1:
            assert result.stderr.strip(), f"{args[0]} failed without a diagnostic"
        elif args[0] != "validate":
            assert result.stdout, f"{args[0]} succeeded with no output"


def test_fuzz_mutants_end_in_output_or_diagnostics(tmp_path, capsys):
    corpus = seeds()
    only = os.environ.get("EDITIO_FUZZ_ONLY")
    numbers = [int(only)] if only else range(MUTANTS)
    runner = CliRunner()
    failures, outcomes = [], {"refused": 0, "published": 0}
    # The default schema (tei_all) compiles in seconds, once per process: before the per-mutant clock starts.
    schemas.precompile([schemas.default_schema()])
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for n in numbers:
            label, data = mutant(n, corpus)
            path = tmp_path / f"mutant{n % 50}.xml"
            path.write_bytes(data)
            signal.alarm(PER_MUTANT_SECONDS)
            try:
                outcomes[run_library(data, path)] += 1
                if n % 10 == 0:  # the CLI's handling too, on a tenth of them (it re-does the same work)
                    run_cli(runner, path)
            except BaseException as exc:  # noqa: BLE001 - every escape is a finding
                if isinstance(exc, KeyboardInterrupt):
                    raise
                failures.append(
                    f"mutant {n} ({label}): {type(exc).__name__}: {exc}\n"
                    + "".join(traceback.format_exception(exc)[-3:])
                )
            finally:
                signal.alarm(0)
    finally:
        signal.signal(signal.SIGALRM, previous)
    ran = len(numbers)
    with capsys.disabled():
        print(
            f"\nfuzz: {ran} mutants ({outcomes['published']} published, {outcomes['refused']} refused), "
            f"{len(failures)} failures"
        )
    assert ran == (1 if only else MUTANTS)
    assert outcomes["published"] > ran // 20 and outcomes["refused"] > ran // 20, outcomes  # both paths exercised
    assert not failures, f"{len(failures)} of {ran} mutants escaped:\n" + "\n".join(failures[:5])


def test_mutations_are_deterministic():
    corpus = seeds()
    assert [mutant(n, corpus) for n in range(20)] == [mutant(n, corpus) for n in range(20)]


@pytest.mark.parametrize("op", MUTATIONS, ids=lambda op: op.__name__)
def test_each_mutation_changes_the_input(op):
    rng = random.Random(1)
    name, data = seeds()[0]
    assert op(rng, data) != data, name
