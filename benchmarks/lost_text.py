"""What the check for lost text (src/editio/render/lost.py) costs, per document.

    python benchmarks/lost_text.py [FILES...]      (default: tests/corpus, and ../shared/corpus's other files)

For each document, in one run: `publish` in both formats (the check included)
and the check alone (the source's reading text once, then each format's
comparison), best of 3; then the share of publishing the check takes. Documents
whose edition lacks words take the slower path (words, not text nodes): they
are marked `*`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from editio.load.document import LoadOptions, load
from editio.render import lost, transform
from editio.render.formats import get_format
from editio.render.publish import publish

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [ROOT / "tests" / "corpus", ROOT.parent / "shared" / "corpus"]
SKIP = {"edge_p4_teistylesheets_testp4.xml", "testxi-inc.xml", "speech_parlamint_esga_root.xml"}


def best(fn, repeat: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def measure(path: Path) -> tuple[float, float, bool] | None:
    sga = next((p for p in path.parents if p.name == "genetic_sga"), None)
    doc = load(path, LoadOptions(xinclude=True, xinclude_root=str(sga or path.parent)))
    if not doc.ok:
        doc = load(path)
    if not doc.ok:
        return None
    publish_time = sum(best(lambda f=f: publish(doc, get_format(f)), 2)[0] for f in ("html", "text"))
    source_time, source = best(lambda: lost.SourceText(doc.tree))
    check_time, slow = source_time, False
    for fmt in ("html", "text"):
        result, _ = transform.run(doc.tree, get_format(fmt).stylesheet, {"view": "reading"}, source=str(path))
        seconds, found = best(lambda r=result, f=fmt: lost.check(source, r, f, str(path)))
        check_time += seconds
        slow = slow or bool(found)
    return publish_time, check_time, slow


def main(paths: list[Path]) -> None:
    total_publish = total_check = 0.0
    print(f"{'document':48} {'publish s':>10} {'check s':>9} {'share':>7}")
    for path in paths:
        measured = measure(path)
        if measured is None:
            continue
        publish_time, check_time, slow = measured
        total_publish += publish_time
        total_check += check_time
        print(
            f"{path.name[:47] + ('*' if slow else ''):48} {publish_time:10.3f} {check_time:9.3f} "
            f"{check_time / publish_time:7.1%}"
        )
    print(f"{'all':48} {total_publish:10.3f} {total_check:9.3f} {total_check / total_publish:7.1%}")


if __name__ == "__main__":
    given = [Path(p) for p in sys.argv[1:]]
    if not given:
        seen: set[str] = set()
        for corpus in CORPORA:
            for p in sorted(corpus.glob("*.xml")) + sorted(corpus.glob("genetic_sga/*/genetic_sga_*.xml")):
                if p.name not in SKIP and p.name not in seen:
                    seen.add(p.name)
                    given.append(p)
    main(given)
