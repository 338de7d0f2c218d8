"""The simplified grammar in the schema cache: reused when current, rebuilt when stale or corrupt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from editio.check import schemas
from editio.check.relaxng import cache
from editio.check.validate import ValidateOptions, validate_paths

RNG = "http://relaxng.org/ns/structure/1.0"
TEI = "http://www.tei-c.org/ns/1.0"
LIB = (
    f'<grammar xmlns="{RNG}"><start><ref name="doc"/></start>'
    '<define name="doc"><element name="doc"><oneOrMore><ref name="item"/></oneOrMore></element></define>'
    '<define name="item"><element name="{name}"><text/></element></define></grammar>'
)
MAIN = f'<grammar xmlns="{RNG}"><include href="lib.rng"/></grammar>'


@pytest.fixture()
def grammar(tmp_path):
    (tmp_path / "lib.rng").write_text(LIB.format(name="item"), encoding="utf-8")
    main = tmp_path / "main.rng"
    main.write_text(MAIN, encoding="utf-8")
    return main


@pytest.fixture()
def calls(monkeypatch):
    """The simplifications done (each a new entry in the cache)."""
    done = []
    real = cache.simplify

    def counting(path):
        done.append(path)
        return real(path)

    monkeypatch.setattr(cache, "simplify", counting)
    return done


def verdict(path, folder, xml: str) -> bool:
    return cache.relaxng(path, folder).validate(etree.fromstring(xml))


def entry(folder: Path) -> Path:
    (found,) = (folder / "relaxng").iterdir()
    return found


def test_made_once_then_reused(grammar, tmp_path, calls):
    folder = tmp_path / "cache"
    assert verdict(grammar, folder, "<doc><item>a</item></doc>")
    manifest = json.loads((entry(folder) / cache.MANIFEST).read_text())
    assert manifest["files"] == {"lib.rng": cache._digest((tmp_path / "lib.rng").read_bytes())}
    assert verdict(grammar, folder, "<doc><item>a</item></doc>")
    assert not verdict(grammar, folder, "<doc><other/></doc>")
    assert len(calls) == 1


def test_an_included_file_changed_is_stale(grammar, tmp_path, calls):
    folder = tmp_path / "cache"
    assert verdict(grammar, folder, "<doc><item>a</item></doc>")
    (tmp_path / "lib.rng").write_text(LIB.format(name="entry"), encoding="utf-8")
    assert not verdict(grammar, folder, "<doc><item>a</item></doc>")
    assert verdict(grammar, folder, "<doc><entry>a</entry></doc>")
    assert len(calls) == 2


def test_another_editio_version_is_stale(grammar, tmp_path, calls, monkeypatch):
    folder = tmp_path / "cache"
    verdict(grammar, folder, "<doc><item>a</item></doc>")
    monkeypatch.setattr(cache, "__version__", "99.0")
    assert verdict(grammar, folder, "<doc><item>a</item></doc>")
    assert len(calls) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda e: (e / cache.GRAMMAR).write_bytes((e / cache.GRAMMAR).read_bytes()[:100]),  # truncated
        # well-formed, but not what the manifest vouches for: a grammar that accepts anything
        lambda e: (e / cache.GRAMMAR).write_text(
            f'<grammar xmlns="{RNG}"><start><element><anyName/><text/></element></start></grammar>'
        ),
        lambda e: (e / cache.MANIFEST).write_text("{not json"),
        lambda e: (e / cache.MANIFEST).write_text('{"editio": 1}'),
        lambda e: (e / cache.GRAMMAR).unlink(),
    ],
)
def test_a_corrupt_entry_is_rebuilt_never_trusted(grammar, tmp_path, calls, damage):
    folder = tmp_path / "cache"
    verdict(grammar, folder, "<doc><item>a</item></doc>")
    damage(entry(folder))
    assert not verdict(grammar, folder, "<other/>")
    assert verdict(grammar, folder, "<doc><item>a</item></doc>")
    assert len(calls) == 2
    verdict(grammar, folder, "<doc><item>a</item></doc>")
    assert len(calls) == 2  # rebuilt whole: trusted again


def test_a_grammar_it_cannot_simplify_is_compiled_as_written(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("EDITIO_SCHEMA_CACHE", str(folder))
    path = tmp_path / "cyclic.rng"
    # A reference to a define that holds only itself: simplify.py refuses it, libxml2 too.
    path.write_text(
        f'<grammar xmlns="{RNG}"><start><element name="r"><ref name="a"/></element></start>'
        '<define name="a"><ref name="a"/></define></grammar>'
    )
    assert cache.relaxng(path, folder) is None
    assert json.loads((entry(folder) / cache.MANIFEST).read_text())["grammar"] is None
    with pytest.raises(schemas.SchemaError, match="cannot compile"):
        schemas.compiled(schemas.SchemaRef(str(path), "rng"))


def _schema_and_documents(tmp_path):
    grammar = tmp_path / "main.rng"
    grammar.write_text(
        f'<grammar xmlns="{RNG}" ns="{TEI}"><start><element name="TEI">'
        '<oneOrMore><element name="p"><text/></element></oneOrMore></element></start></grammar>'
    )
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(4):
        (docs / f"d{i}.xml").write_text(f'<?xml-model href="../main.rng"?>\n<TEI xmlns="{TEI}"><p>{i}</p><bad/></TEI>')
    return grammar, docs


@pytest.fixture()
def logged(tmp_path, monkeypatch):
    """Simplifications, logged in a file: forked workers' calls show too."""
    monkeypatch.setenv("EDITIO_SCHEMA_CACHE", str(tmp_path / "cache"))
    log = tmp_path / "simplified.log"
    real = cache.simplify

    def logging(path):
        with open(log, "a") as fh:
            fh.write(f"{path}\n")
        return real(path)

    monkeypatch.setattr(cache, "simplify", logging)
    monkeypatch.setattr(schemas, "_COMPILED", {})
    return log


def _compiled_here(grammar) -> bool:
    return any(key[0] == str(grammar) for key in schemas._COMPILED)


def test_validate_workers_share_one_simplification(tmp_path, logged):
    """validate -j 2: the parent simplifies and compiles before forking; no worker does it again."""
    grammar, docs = _schema_and_documents(tmp_path)
    files, found = validate_paths([docs], ValidateOptions(integrity=False), jobs=2)
    assert len(files) == 4
    assert sorted({d.path for d in found if d.code.startswith("schema.")}) == sorted(str(f) for f in files)
    assert _compiled_here(grammar)
    simplified = logged.read_text().splitlines()
    assert str(grammar) in simplified  # (with editio's own schema, compiled ahead too)
    assert len(simplified) == len(set(simplified))  # each once


def test_build_workers_share_one_simplification(tmp_path, logged):
    """editio build -j 2 without --schema: the documents' schemas are compiled in the parent."""
    from editio.build.run import BuildOptions, build

    grammar, docs = _schema_and_documents(tmp_path)
    result = build([docs], BuildOptions(out_dir=tmp_path / "out", jobs=2, formats=("text",)))
    assert any(d.code == "schema.element" for d in result.diagnostics)
    assert _compiled_here(grammar)
    assert logged.read_text().splitlines() == [str(grammar)]


def test_a_schema_named_by_url_in_xml_model_takes_the_same_path(tmp_path, monkeypatch):
    """tei_all named by <?xml-model href="https://..."?> (a copy in the schema cache) is simplified too."""
    from conftest import TEI_ALL

    from editio.load.document import load

    folder = tmp_path / "cache"
    monkeypatch.setenv("EDITIO_SCHEMA_CACHE", str(folder))
    monkeypatch.setattr(schemas, "_COMPILED", {})
    url = "https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"
    local = schemas.add_to_cache(url, TEI_ALL)
    doc = tmp_path / "doc.xml"
    doc.write_text(
        f'<?xml-model href="{url}" schematypens="{RNG}"?>\n'
        f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>"
        "</teiHeader><text><body><p>x<frobnicate/></p></body></text></TEI>"
    )
    found = schemas.check(load(doc), ValidateOptions(integrity=False))
    assert [d.code for d in found] == ["schema.element"]
    manifest = json.loads((entry(folder) / cache.MANIFEST).read_text())
    assert manifest["source"] == str(local.resolve()) and manifest["grammar"]
