"""ISO Schematron engine (src/editio/schematron.py): XPath 2 rules, first-match rule
semantics, let, messages, roles, abstract rules and patterns, rules embedded in
RelaxNG (tei_all), and the validate integration."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, SHARED_SCHEMAS, TEI_ALL, shared

from editio.check import schematron
from editio.check.schematron.xpath import requirements
from editio.check.validate import ValidateOptions
from editio.load.document import Document, load

TEI = "http://www.tei-c.org/ns/1.0"


def doc_from(tmp_path: Path, body: str, name: str = "doc.xml", before: str = "") -> Document:
    source = (
        f'{before}<TEI xmlns="{TEI}">\n<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
        "<publicationStmt><publisher>P</publisher></publicationStmt><sourceDesc><bibl>S</bibl></sourceDesc>"
        "</fileDesc></teiHeader>\n"
        f"<text><body>\n{body}\n</body></text>\n</TEI>\n"
    )
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    return load(path)


def sch(tmp_path: Path, body: str, binding: str = "xslt2", name: str = "rules.sch") -> Path:
    path = tmp_path / name
    path.write_text(
        f'<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="{binding}">\n'
        f'<ns prefix="tei" uri="{TEI}"/>\n{body}\n</schema>\n',
        encoding="utf-8",
    )
    return path


def run(tmp_path, rules: str, body: str, binding: str = "xslt2"):
    doc = doc_from(tmp_path, body)
    return schematron.run(schematron.compile_schematron(sch(tmp_path, rules, binding)), doc)


def test_xpath2_assert_and_report_with_lines_and_roles(tmp_path):
    rules = """
    <pattern>
      <rule context="tei:p">
        <let name="words" value="tokenize(normalize-space(.), ' ')"/>
        <assert test="count($words) le 3" role="warning"><name/> has <value-of select="count($words)"/> words</assert>
        <report test="some $w in $words satisfies $w eq 'bad'" role="info">'bad' in <name/></report>
      </rule>
    </pattern>"""
    found = run(tmp_path, rules, "<p>one two</p>\n<p>one two three four</p>\n<p>bad</p>")
    assert [(d.line, d.col, d.severity.value, d.message, d.code) for d in found] == [
        (5, 1, "warning", "p has 4 words", "schematron.assert"),
        (6, 1, "info", "'bad' in p", "schematron.report"),
    ]


def test_first_matching_rule_per_pattern_wins(tmp_path):
    rules = """
    <pattern>
      <rule context="tei:p[@n]"><report test="true()">specific</report></rule>
      <rule context="tei:p"><report test="true()">general</report></rule>
    </pattern>
    <pattern>
      <rule context="tei:*[@n eq '2']"><report test="true()">other pattern</report></rule>
    </pattern>"""
    found = run(tmp_path, rules, '<p n="2">a</p><p>b</p>')
    assert sorted(d.message for d in found) == ["general", "other pattern", "specific"]


def test_default_severity_is_error_and_fatal_is_error(tmp_path):
    rules = """<pattern><rule context="tei:body">
      <assert test="false()">plain</assert><assert test="false()" role="fatal">fatal</assert>
    </rule></pattern>"""
    assert {d.severity.value for d in run(tmp_path, rules, "<p/>")} == {"error"}


def test_current_and_variables_at_every_level(tmp_path):
    rules = """
    <let name="limit" value="2"/>
    <pattern>
      <let name="all" value="count(//tei:p)"/>
      <rule context="tei:p">
        <assert test="count(//tei:p[. = current()]) eq 1">duplicate paragraph '<value-of select="."/>'</assert>
        <assert test="$all le $limit">more than <value-of select="$limit"/> paragraphs</assert>
      </rule>
    </pattern>"""
    found = run(tmp_path, rules, "<p>same</p><p>same</p><p>other</p>")
    messages = [d.message for d in found]
    assert messages.count("duplicate paragraph 'same'") == 2
    assert messages.count("more than 2 paragraphs") == 3


def test_abstract_rules_and_patterns(tmp_path):
    rules = """
    <pattern abstract="true" id="needs">
      <rule context="$element"><assert test="$attribute"><name/> needs an attribute</assert></rule>
    </pattern>
    <pattern is-a="needs"><param name="element" value="tei:hi"/><param name="attribute" value="@rend"/></pattern>
    <pattern>
      <rule abstract="true" id="not-empty"><assert test="normalize-space(.)">empty <name/></assert></rule>
      <rule context="tei:p"><extends rule="not-empty"/></rule>
    </pattern>"""
    found = run(tmp_path, rules, "<p>a <hi>b</hi></p><p> </p>")
    assert sorted(d.message for d in found) == ["empty p", "hi needs an attribute"]


def test_diagnostics_are_appended_to_the_message(tmp_path):
    rules = """
    <pattern><rule context="tei:p"><assert test="@n" diagnostics="d1">no number</assert></rule></pattern>
    <diagnostics><diagnostic id="d1">(text: <value-of select="."/>)</diagnostic></diagnostics>"""
    [d] = run(tmp_path, rules, "<p>x</p>")
    assert d.message == "no number (text: x)"


def test_attribute_contexts_and_xpath1_binding(tmp_path):
    rules = """<pattern><rule context="tei:p/@n"><assert test=". &gt; 0"><name/>=<value-of select="."/></assert></rule></pattern>"""
    [d] = run(tmp_path, rules, '<p n="1">a</p>\n<p n="0">b</p>', binding="xslt")
    assert (d.line, d.message) == (5, "n=0")


def test_rules_are_skipped_only_where_their_context_cannot_match(tmp_path):
    # Each rule reports every node it matches: a rule skipped by the element and
    # attribute names the document holds must be one that would report nothing.
    rules = """
    <pattern><rule context="tei:*[@when]"><report test="true()">when</report></rule></pattern>
    <pattern><rule context="tei:*[@when and @to]"><report test="true()">when and to</report></rule></pattern>
    <pattern><rule context="tei:*[@when and @to or @n]"><report test="true()">or</report></rule></pattern>
    <pattern><rule context="tei:*[starts-with(@ref, '#')]"><report test="true()">ref</report></rule></pattern>
    <pattern><rule context="tei:*[starts-with(@n, '')]"><report test="true()">empty prefix</report></rule></pattern>
    <pattern><rule context="tei:l//tei:p | tei:lg"><report test="true()">p in l</report></rule></pattern>
    <pattern><rule context="tei:*[@xml:id]"><report test="true()">id</report></rule></pattern>"""
    found = run(tmp_path, rules, '<p n="1" xml:id="a">x</p><p when="2000">y</p>')
    assert sorted({d.message for d in found}) == ["empty prefix", "id", "or", "when"]
    assert schematron.may_match(requirements("tei:l//tei:p | tei:lg", {"tei": TEI}), {f"{{{TEI}}}lg"}, set())
    assert requirements("tei:a[if (@b) then 1 else 0 and @c]", {"tei": TEI}) == ((f"{{{TEI}}}a", frozenset()),)
    assert requirements("tei:a/@b", {"tei": TEI}) is None


def test_a_rule_that_cannot_be_compiled_is_reported_where_it_applies(tmp_path):
    rules = """<pattern><rule context="tei:p"><assert test="tei:no-such-function(.)">x</assert></rule></pattern>
    <pattern><rule context="tei:list"><assert test="unknown-fn()">y</assert></rule></pattern>"""
    found = run(tmp_path, rules, "<p>a</p>")
    assert len(found) == 1 and found[0].code == "schematron.unsupported" and found[0].line == 4


def test_tei_all_embedded_rules():
    schema = schematron.embedded_rules(TEI_ALL)
    assert schema is not None and schema.rule_count >= 90
    # every one of tei_all's rules compiles (XPath 2/3, current())
    assert not [r.context for p in schema.patterns for r in p.rules if r.problem]


def test_tei_all_rules_find_what_they_should(tmp_path):
    doc = doc_from(tmp_path, '<p><ptr target="#a" cRef="x"/><addSpan/></p>')
    found = schematron.run(schematron.embedded_rules(TEI_ALL), doc)
    messages = " | ".join(d.message for d in found)
    assert "Only one of the attributes @target and @cRef may be supplied on ptr" in messages
    assert any(d.line == 4 for d in found)


def test_tei_all_rules_on_corpus_files():
    schema = schematron.embedded_rules(TEI_ALL)
    # teiphy's relation elements lack @name/@ref/@key, a real finding; the ELTeC novel is clean.
    teiphy = schematron.run(schema, load(CORPUS / "crit_teiphy_ubs_ephesians.xml"))
    assert teiphy and all(d.code == "schematron.assert" for d in teiphy)
    assert schematron.run(schema, load(CORPUS / "ita_eltec_collodi_pinocchio.xml")) == []


@shared("tei-pta.rng is GPL-3.0 and eltec-1.rng's repository states no licence: neither is copied into the repository")
def test_other_odd_generated_schemas_compile():
    for name in ("tei-pta.rng", "eltec-1.rng"):
        schema = schematron.embedded_rules(SHARED_SCHEMAS / name)
        assert schema is not None and schema.rule_count > 10
        assert not [r.context for p in schema.patterns for r in p.rules if r.problem], name


def test_validate_runs_schematron_files_and_embedded_rules(tmp_path):
    rules = sch(tmp_path, '<pattern><rule context="tei:p"><report test="true()">seen</report></rule></pattern>')
    doc = doc_from(tmp_path, '<p><ptr target="#a" cRef="x"/></p>')
    found = schematron.check(doc, ValidateOptions(schematron=(str(rules),), schema=str(TEI_ALL)))
    messages = [d.message for d in found]
    assert "seen" in messages
    assert any("@cRef" in m for m in messages)


def test_xml_model_schematron_is_run(tmp_path):
    sch(tmp_path, '<pattern><rule context="tei:p"><report test="true()">from the model</report></rule></pattern>')
    before = '<?xml-model href="rules.sch" schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
    doc = doc_from(tmp_path, "<p>a</p>", before=before)
    assert [d.message for d in schematron.check(doc, ValidateOptions())] == ["from the model"]
    missing = doc_from(
        tmp_path,
        "<p>a</p>",
        name="other.xml",
        before='<?xml-model href="nope.sch" schematypens="http://purl.oclc.org/dsdl/schematron"?>\n',
    )
    assert [d.code for d in schematron.check(missing, ValidateOptions())] == ["schematron.not-found"]


def test_unusable_schematron_file_is_reported(tmp_path):
    bad = tmp_path / "bad.sch"
    bad.write_text("<notschematron/>", encoding="utf-8")
    doc = doc_from(tmp_path, "<p>a</p>")
    [d] = schematron.check(doc, ValidateOptions(schematron=(str(bad),)))
    assert d.code == "schematron.load"
