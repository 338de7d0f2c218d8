"""editio's RELAX NG simplification accepts exactly what the grammar as written accepts.

Each small grammar below uses one feature of RELAX NG the simplifier
rewrites (include and its overrides, externalRef, combine, nested grammars,
div, namespaces, datatypes, ...); every instance document gets the same
verdict from libxml2 with the original and with the simplified grammar.
The TEI-scale checks (the whole corpus, jing) are in test_jing_agreement.py.
"""

from __future__ import annotations

import pytest
from lxml import etree

from editio.check.relaxng import patterns
from editio.check.relaxng.simplify import SimplifyError, simplify

RNG = "http://relaxng.org/ns/structure/1.0"


def grammar(tmp_path, text: str, name: str = "main.rng"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def g(body: str, extra: str = "") -> str:
    return f'<grammar xmlns="{RNG}" {extra}>{body}</grammar>'


def same_verdicts(path, docs: list[str]) -> list[bool]:
    original = etree.RelaxNG(etree.parse(str(path)))
    simple = etree.RelaxNG(simplify(path).tree)
    verdicts = []
    for doc in docs:
        tree = etree.fromstring(doc)
        expected = original.validate(tree)
        assert simple.validate(tree) == expected, doc
        verdicts.append(expected)
    assert True in verdicts and False in verdicts, "each grammar needs a valid and an invalid document"
    return verdicts


def test_include_with_overridden_define_and_start(tmp_path):
    grammar(
        tmp_path,
        g(
            '<start><ref name="a"/></start>'
            '<define name="a"><element name="a"><ref name="b"/></element></define>'
            '<define name="b"><element name="b"><text/></element></define>'
        ),
        "lib.rng",
    )
    path = grammar(
        tmp_path, g('<include href="lib.rng"><define name="b"><element name="c"><empty/></element></define></include>')
    )
    assert same_verdicts(path, ["<a><c/></a>", "<a><b>x</b></a>"]) == [True, False]
    assert len(simplify(path).files) == 2


def test_external_ref_inherits_the_namespace(tmp_path):
    grammar(tmp_path, f'<element xmlns="{RNG}" name="leaf"><text/></element>', "leaf.rng")
    path = grammar(
        tmp_path, g('<start><element name="root"><externalRef href="leaf.rng"/></element></start>', 'ns="urn:x"')
    )
    same_verdicts(
        path, ['<root xmlns="urn:x"><leaf>t</leaf></root>', '<root xmlns="urn:x"><leaf xmlns="">t</leaf></root>']
    )


def test_combine_choice_and_interleave(tmp_path):
    path = grammar(
        tmp_path,
        g(
            '<start><element name="r"><ref name="c"/><ref name="i"/></element></start>'
            '<define name="c"><element name="a"><empty/></element></define>'
            '<define name="c" combine="choice"><element name="b"><empty/></element></define>'
            '<define name="i"><element name="x"><empty/></element></define>'
            '<define name="i" combine="interleave"><element name="y"><empty/></element></define>'
        ),
    )
    same_verdicts(path, ["<r><a/><x/><y/></r>", "<r><b/><y/><x/></r>", "<r><a/><b/><x/><y/></r>", "<r><a/><x/></r>"])


def test_nested_grammar_and_parent_ref(tmp_path):
    path = grammar(
        tmp_path,
        g(
            '<start><element name="r"><grammar><start><ref name="a"/></start>'
            '<define name="a"><element name="a"><parentRef name="a"/></element></define></grammar></element></start>'
            '<define name="a"><element name="outer"><text/></element></define>'
        ),
    )
    same_verdicts(path, ["<r><a><outer>t</outer></a></r>", "<r><a><a/></a></r>"])


def test_div_prefixes_datatypes_and_values(tmp_path):
    path = grammar(
        tmp_path,
        g(
            '<div><start><element name="p:r"><attribute name="when"><data type="date"/></attribute>'
            '<attribute name="p:k"><choice><value>a</value><value type="string">b </value></choice></attribute>'
            '<oneOrMore><element><name>p:i</name><data type="integer"/></element></oneOrMore></element></start></div>',
            'xmlns:p="urn:p" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"',
        ),
    )
    same_verdicts(
        path,
        [
            '<r xmlns="urn:p" when="2020-01-02" xmlns:p="urn:p" p:k="a"><i>3</i></r>',
            '<r xmlns="urn:p" when="2020-01-02" xmlns:p="urn:p" p:k="b "><i>3</i></r>',
            '<r xmlns="urn:p" when="2020-13-02" xmlns:p="urn:p" p:k="a"><i>3</i></r>',
            '<r xmlns="urn:p" when="2020-01-02" xmlns:p="urn:p" k="a"><i>3</i></r>',
            '<r xmlns="urn:p" when="2020-01-02" xmlns:p="urn:p" p:k="b"><i>3</i></r>',
            '<r xmlns="urn:p" when="2020-01-02" xmlns:p="urn:p" p:k="a"><i>x</i></r>',
        ],
    )


def test_mixed_list_anyname_except_and_empty_classes(tmp_path):
    path = grammar(
        tmp_path,
        g(
            '<start><element name="r"><mixed><zeroOrMore><ref name="m"/></zeroOrMore></mixed>'
            '<optional><attribute name="l"><list><oneOrMore><data type="token"/></oneOrMore></list></attribute></optional>'
            '<zeroOrMore><element><anyName><except><name>r</name><nsName ns="urn:no"/></except></anyName><text/></element></zeroOrMore>'
            "</element></start>"
            '<define name="m"><choice><ref name="nothing"/><element name="m"><empty/></element></choice></define>'
            '<define name="nothing"><notAllowed/></define>',
            'datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"',
        ),
    )
    same_verdicts(
        path,
        [
            '<r l="a b">x<m/>y<m/></r>',
            "<r><other>t</other></r>",
            "<r><r/></r>",
            '<r><o xmlns="urn:no"/></r>',
            '<r l="">x</r>',
        ],
    )


@pytest.mark.parametrize(
    "content, docs",
    [
        # (X+ Y*)+ and (X+ Y*)*: TEI's listPerson and its kind
        (
            "<oneOrMore><oneOrMore><choice><ref name='x'/><ref name='x2'/></choice></oneOrMore>"
            "<zeroOrMore><ref name='y'/></zeroOrMore></oneOrMore>",
            ["<r><x/></r>", "<r><x/><y/><x2/><y/><y/></r>", "<r/>", "<r><y/><x/></r>", "<r><x/><z/></r>"],
        ),
        (
            "<zeroOrMore><oneOrMore><ref name='x'/></oneOrMore><zeroOrMore><ref name='y'/></zeroOrMore></zeroOrMore>",
            ["<r/>", "<r><x/><y/><x/></r>", "<r><y/></r>"],
        ),
        # (Y* X+)+
        (
            "<oneOrMore><zeroOrMore><ref name='y'/></zeroOrMore><oneOrMore><ref name='x'/></oneOrMore></oneOrMore>",
            ["<r><x/></r>", "<r><y/><x/><x/><y/><x/></r>", "<r><x/><y/></r>", "<r/>"],
        ),
        # (A | B*)+ and (A | C+)+
        (
            "<oneOrMore><choice><ref name='x'/><zeroOrMore><ref name='y'/></zeroOrMore></choice></oneOrMore>",
            ["<r/>", "<r><y/><x/><y/></r>", "<r><z/></r>"],
        ),
        (
            "<oneOrMore><choice><ref name='x'/><oneOrMore><ref name='y'/></oneOrMore></choice></oneOrMore>",
            ["<r><y/><x/><y/></r>", "<r/>"],
        ),
    ],
)
def test_ambiguous_repetitions_keep_their_language(tmp_path, content, docs):
    elements = "".join(
        f'<define name="{n}"><element name="{n}"><empty/></element></define>' for n in ("x", "x2", "y", "z")
    )
    path = grammar(tmp_path, g(f'<start><element name="r">{content}</element></start>{elements}'))
    same_verdicts(path, docs)
    original = etree.parse(str(path)).iter(f"{{{RNG}}}oneOrMore", f"{{{RNG}}}zeroOrMore")
    assert any(patterns.ambiguous(r) for r in original)
    simplified = simplify(path).tree.iter(f"{{{RNG}}}oneOrMore", f"{{{RNG}}}zeroOrMore")
    assert not any(patterns.ambiguous(r) for r in simplified)


def test_repetitions_of_attributes_are_left_alone():
    attribute = patterns.new("attribute", patterns.new("text"))
    attribute.set("name", "a")
    ref = patterns.new("ref")
    ref.set("name", "x")
    parts = [patterns.new("oneOrMore", attribute), patterns.new("zeroOrMore", ref)]
    elements_only = lambda p: patterns.element_refs_only(p, {"x"}.__contains__)  # noqa: E731
    assert patterns.linear("oneOrMore", parts, elements_only) is None
    parts[0] = patterns.new("oneOrMore", etree.Element(f"{{{RNG}}}ref", name="x"))
    assert patterns.linear("oneOrMore", parts, elements_only) is not None


@pytest.mark.parametrize(
    "text, problem",
    [
        (g('<start><externalRef href="http://example.org/x.rng"/></start>'), "only local files"),
        (g('<start><ref name="missing"/></start>'), "undefined"),
        (
            g('<start><element name="r"><ref name="a"/></element></start><define name="a"><ref name="a"/></define>'),
            "itself",
        ),
        (
            g(
                '<start><element name="r"><ref name="a"/></element></start>'
                '<define name="a"><empty/></define><define name="a"><empty/></define>'
            ),
            "combined",
        ),
        # not even where unused: libxml2 refuses the grammar, so editio must not accept it
        (
            g('<start><element name="r"><empty/></element></start><define name="unused"><frobnicate/></define>'),
            "unknown",
        ),
    ],
)
def test_what_it_does_not_simplify_is_refused(tmp_path, text, problem):
    with pytest.raises(SimplifyError, match=problem):
        simplify(grammar(tmp_path, text))


def test_wide_choices_are_nested_once():
    refs = [patterns.new("ref") for _ in range(5)]
    for i, r in enumerate(refs):
        r.set("name", f"e{i}")
    built = patterns.choice([patterns.new("text"), *refs])
    assert [patterns.local(c) for c in built] == ["text", "choice"]
    assert len(built[1]) == 5
    assert [patterns.key(a) for a in patterns.alternatives(built)][1:] == [f"e{i}" for i in range(5)]
