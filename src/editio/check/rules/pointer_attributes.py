"""TEI attributes of datatype teidata.pointer (generated: do not edit).

Made by tools/make_pointer_attributes.py from tei_all.rng; 77 attribute names.
"""

# Pointers on every TEI element that has them.
EVERYWHERE: frozenset[str] = frozenset(
    {
        "adj",
        "adjFrom",
        "adjTo",
        "ana",
        "calendar",
        "change",
        "children",
        "code",
        "copyOf",
        "corresp",
        "datcat",
        "datingMethod",
        "datingPoint",
        "decls",
        "domains",
        "edRef",
        "end",
        "exclude",
        "fVal",
        "facs",
        "feats",
        "filter",
        "follow",
        "fromUnit",
        "given",
        "hand",
        "inst",
        "lemmaRef",
        "mergedIn",
        "mutual",
        "next",
        "ns",
        "nymRef",
        "origin",
        "parent",
        "parts",
        "perf",
        "period",
        "prev",
        "property",
        "ref",
        "rendition",
        "replyTo",
        "require",
        "resp",
        "sameAs",
        "scribeRef",
        "scriptRef",
        "select",
        "since",
        "source",
        "spanTo",
        "synch",
        "target",
        "targetDatcat",
        "targetEnd",
        "toUnit",
        "toWhom",
        "unitRef",
        "uri",
        "url",
        "valueDatcat",
        "where",
        "who",
        "wit",
        "xml:base",
    }
)

# Names that are pointers on these elements only (elsewhere another datatype).
ON_ELEMENTS: dict[str, frozenset[str]] = {
    "active": frozenset(
        {
            "relation",
        }
    ),
    "class": frozenset(
        {
            "msContents",
            "msItem",
            "msItemStruct",
        }
    ),
    "from": frozenset(
        {
            "app",
            "arc",
            "rt",
            "span",
        }
    ),
    "location": frozenset(
        {
            "case",
            "colloc",
            "def",
            "entryFree",
            "etym",
            "form",
            "gen",
            "gram",
            "gramGrp",
            "hom",
            "hyph",
            "iType",
            "lang",
            "lbl",
            "mood",
            "number",
            "oRef",
            "orth",
            "pRef",
            "per",
            "pos",
            "pron",
            "re",
            "sense",
            "subc",
            "syll",
            "tns",
            "usg",
            "xr",
        }
    ),
    "name": frozenset(
        {
            "namespace",
        }
    ),
    "new": frozenset(
        {
            "handShift",
        }
    ),
    "passive": frozenset(
        {
            "relation",
        }
    ),
    "scheme": frozenset(
        {
            "catRef",
            "classCode",
            "keywords",
            "locus",
            "locusGrp",
            "occupation",
            "socecStatus",
        }
    ),
    "start": frozenset(
        {
            "annotationBlock",
            "binaryObject",
            "ellipsis",
            "gap",
            "incident",
            "kinesic",
            "line",
            "media",
            "path",
            "pause",
            "post",
            "surface",
            "u",
            "vocal",
            "writing",
            "zone",
        }
    ),
    "to": frozenset(
        {
            "app",
            "arc",
            "rt",
            "span",
        }
    ),
    "value": frozenset(
        {
            "eLeaf",
            "eTree",
            "iNode",
            "leaf",
            "node",
            "root",
            "triangle",
        }
    ),
}

# Date attributes (teidata.temporal.w3c somewhere) and the elements where they are not dates.
NOT_TEMPORAL: dict[str, frozenset[str]] = {
    "absolute": frozenset({}),
    "from": frozenset(
        {
            "app",
            "arc",
            "biblScope",
            "citedRange",
            "locus",
            "rt",
            "span",
        }
    ),
    "from-iso": frozenset({}),
    "notAfter": frozenset({}),
    "notAfter-iso": frozenset({}),
    "notBefore": frozenset({}),
    "notBefore-iso": frozenset({}),
    "to": frozenset(
        {
            "app",
            "arc",
            "biblScope",
            "citedRange",
            "locus",
            "rt",
            "span",
        }
    ),
    "to-iso": frozenset({}),
    "validUntil": frozenset({}),
    "versionDate": frozenset({}),
    "when": frozenset({}),
    "when-iso": frozenset({}),
}
