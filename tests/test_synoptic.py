"""The synoptic view of a critical edition (--view synoptic, issue 18).

The homily: its 3 witnesses in columns, each headed by its siglum (and what
listWit says of it), and every reading of every app once in the column of each
witness it cites (the lemma also in the columns of witnesses the app does not
cite, and in the edited text's column); an app nested in a reading is read,
inside a cell, as that column's witness reads it. A wide tradition (73
witnesses) shows the first six and names the others, or the ones asked for.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from click.testing import CliRunner
from conftest import CORPUS, SHARED_CORPUS, SHARED_FILE, shared
from lxml import html

from editio.cli import main
from editio.core.namespaces import TEI
from editio.load.document import load
from editio.render.formats import get_format
from editio.render.publish import PublishOptions, publish

E = "{urn:editio}"
HOMILY = CORPUS / "crit_pta_homilia-de-dominica-die.xml"


def synoptic(path, *params):
    doc = load(path)
    page = publish(doc, get_format("html"), PublishOptions(view="synoptic", params=tuple(params))).output
    return doc.tree.getroot(), html.fromstring(page)


def readings(app):
    return [
        r for r in app.iter(f"{TEI}lem", f"{TEI}rdg") if r.get(f"{E}rn") and next(r.iterancestors(f"{TEI}app")) is app
    ]


def test_homily_witnesses_in_columns_with_every_reading_once():
    root, page = synoptic(HOMILY)
    heads = page.xpath("//table[@class='synopsis']/thead//th[@data-wit]")
    assert [th.xpath("string(span[@class='siglum'])") for th in heads] == ["O", "M", "V"]
    columns = [th.get("data-wit") for th in heads]
    # where each reading is shown: (app id, rank) -> column -> how often
    shown: dict = defaultdict(lambda: defaultdict(int))
    for span in page.xpath("//span[contains(concat(' ', @class, ' '), ' syn-r ')]"):
        column = span.xpath("ancestor::td[1]")[0].get("data-wit") or "edition"
        shown[(span.get("data-app"), span.get("data-rn"))][column] += 1
    rows = {tr.get("data-app") for tr in page.xpath("//tr[@class='syn-app']")}

    def columns_of(reading) -> set[str]:
        """The columns whose text holds this reading's app."""
        outer = next(reading.iterancestors(f"{TEI}app"))
        enclosing = next(outer.iterancestors(f"{TEI}lem", f"{TEI}rdg"), None)
        if enclosing is None:
            return set(columns)
        return {
            c
            for c, n in shown[
                (next(enclosing.iterancestors(f"{TEI}app")).get(f"{E}id"), enclosing.get(f"{E}rn"))
            ].items()
            if n and c != "edition"
        }

    apps = list(root.iter(f"{TEI}app"))
    assert len(apps) == 654
    for app in apps:
        aid = app.get(f"{E}id")
        if next(app.iterancestors(f"{TEI}app"), None) is None:
            assert aid in rows, f"app {aid} (line {app.sourceline}) has no row"
        own = readings(app)
        cited = {w for r in own for w in (r.get(f"{E}wits") or "").split()}
        lem = next((r for r in own if r.tag == f"{TEI}lem"), None)
        for r in own:
            where = shown[(aid, r.get(f"{E}rn"))]
            assert sum(where.values()) >= 1, (
                f"reading {r.get(f'{E}rn')} of app {aid} (line {r.sourceline}) is shown nowhere"
            )
            reach = columns_of(r)
            expected = {w for w in (r.get(f"{E}wits") or "").split() if w in reach}
            if r is lem:  # a witness the app does not cite reads the lemma
                expected |= {c for c in reach if c not in cited and c not in (app.get(f"{E}hide") or "").split()}
            assert {c for c, n in where.items() if c != "edition"} == expected, (
                f"app {aid} line {r.sourceline}: reading {r.get(f'{E}rn')} in {dict(where)}, expected {expected}"
            )
            assert all(n == 1 for n in where.values()), f"app {aid}: a reading twice in one column {dict(where)}"


def test_variants_are_shaded_and_rows_link_to_the_edition():
    _root, page = synoptic(HOMILY, ("edition-page", "homilia.html"))
    row = page.xpath("//tr[@class='syn-app'][td[@class='syn-ed']//span[.='ἀδελφοὶ']]")[0]
    cells = {td.get("data-wit"): td for td in row.xpath("td[@data-wit]")}
    assert "syn-variant" in cells["V"].get("class") and "syn-variant" not in cells["M"].get("class")
    assert cells["V"].text_content().strip() == "ἀδελφοί"
    assert row.xpath("th/a/@href")[0] == f"homilia.html#app-{row.get('data-app')}"
    assert page.xpath("//p[@class='synopsis-note']/a/@href") == ["homilia.html"]


def test_a_wide_tradition_shows_the_first_witnesses_and_names_the_others():
    root, page = synoptic(CORPUS / "crit_teiphy_ubs_ephesians.xml")
    sigla = [w.get(f"{E}siglum") for w in root.iter(f"{TEI}witness")]
    assert len(sigla) == 73
    heads = [th.xpath("string(span[@class='siglum'])") for th in page.xpath("//thead//th[@data-wit]")]
    assert heads == sigla[:6]
    note = page.xpath("string(//p[@class='synopsis-note'])")
    assert "6 / 73" in note and sigla[6] in note and sigla[-1] in note
    # readings of the witnesses not shown are not lost: they stand with the edited text
    assert page.xpath("//td[@class='syn-ed']//span[@class='syn-other']")


def test_the_witnesses_asked_for():
    _root, page = synoptic(CORPUS / "crit_teiphy_ubs_ephesians.xml", ("synoptic-witnesses", "Byz, 1739 P46"))
    heads = [th.xpath("string(span[@class='siglum'])") for th in page.xpath("//thead//th[@data-wit]")]
    assert heads == ["Byz", "P46", "1739"]  # in the order of the list of witnesses


def test_cli_view_synoptic(tmp_path):
    out = tmp_path / "syn.html"
    result = CliRunner().invoke(main, ["html", "--view", "synoptic", str(HOMILY), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert 'class="synopsis"' in out.read_text(encoding="utf-8")
    refused = CliRunner().invoke(main, ["html", "--view", "synoptic", "--witness", "O", str(HOMILY)])
    assert refused.exit_code == 2
    assert CliRunner().invoke(main, ["text", "--view", "synoptic", str(HOMILY)]).exit_code == 2


@pytest.mark.parametrize(
    "name",
    [
        "crit_pta_athanasius_contra-gentes.xml",
        "crit_teistylesheets_testapp2.xml",
        pytest.param("crit_pta_syriac_rtl.xml", marks=shared(SHARED_FILE)),
    ],
)
def test_other_editions_have_a_row_per_app_in_the_text(name):
    path = CORPUS / name if (CORPUS / name).is_file() else SHARED_CORPUS / name
    root, page = synoptic(path)
    rows = {tr.get("data-app") for tr in page.xpath("//tr[@class='syn-app']")}
    # every app of the text that is not inside another app's reading, or that points into the text
    for app in root.iter(f"{TEI}app"):
        nested = next(app.iterancestors(f"{TEI}app"), None) is not None
        in_text = next(app.iterancestors(f"{TEI}text"), None) is not None
        if app.get(f"{E}target") or (
            in_text and not nested and not app.get("from") and next(app.iterancestors(f"{TEI}listApp"), None) is None
        ):
            assert app.get(f"{E}id") in rows, f"{name}: app line {app.sourceline} has no row"
