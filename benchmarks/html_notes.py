"""Does the HTML edition stay linear in the number of notes, names and flags?

    python benchmarks/html_notes.py [1000 4000 16000]

Builds synthetic TEI documents with N paragraphs, each with a footnote, a
name with @ref and a citation-needed flag (one division per 200 paragraphs),
and prints, for each N, lxml parse + serialize (the baseline, same run) and
editio's html publish, with their ratio. Linear: the ratio stays flat as N
grows; quadratic: it grows with N.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

from editio.load.document import LoadOptions, load
from editio.render.formats import get_format
from editio.render.publish import PublishOptions, publish


def document(n: int) -> str:
    paras = []
    for i in range(n):
        paras.append(
            f'<p>Paragraph {i} names <persName ref="https://example.org/p{i % 50}">Person {i % 50}</persName>'
            f' and has a note.<note place="foot">Note {i}.</note> Then <seg type="citation-needed">a claim</seg>.</p>'
        )
        if i % 200 == 199:
            paras.append("</div><div><head>Part</head>")
    return (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Bench</title></titleStmt>'
        "<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>"
        f"<text><body><div><head>Part</head>{''.join(paras)}</div></body></text></TEI>"
    )


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"notes-{n}.xml"
            path.write_text(document(n), encoding="utf-8")
            base = best(lambda path=path: etree.tostring(etree.parse(str(path))))
            html = best(
                lambda path=path: publish(load(path, LoadOptions()), get_format("html"), PublishOptions()), repeat=1
            )
            print(
                f"{n:>6} notes  {path.stat().st_size / 1e6:6.2f} MB  lxml {base:6.3f} s  html {html:7.2f} s  ratio {html / base:6.1f}"
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 4000, 16000])
