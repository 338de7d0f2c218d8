"""Is the text edition's layout linear in a paragraph's length? (issue 17, point 9)

    python benchmarks/textlayout_scale.py [--sizes 1,2,5,10,20,50] [--repeat 3] [--pipeline]

For each size (MB) one paragraph of that many bytes of words (varied word
lengths, runs of spaces, a line break marker now and then) goes through
`textlayout.finish` (wrapping at 78 columns, NFC, trailing spaces), as the
text stylesheet hands it over: one logical line with a prefix. It prints the
CPU seconds per MB (this process's time: the machine is shared), best of
--repeat runs (more for the small sizes, at least ~20 MB laid out per
size), and the ratio of the largest per-MB time to the smallest (flat:
close to 1; the target is at most 1.5).

--pipeline also times the whole `editio text --huge` of a TEI document
holding that paragraph (parse, prepare, XSLT, page, layout) in a subprocess,
per MB (wall-clock, start-up included), with the same ratio.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from editio.render import textlayout

MB = 1_000_000


def words(size: int, seed: int = 1) -> str:
    """`size` characters of words, their lengths drawn once and repeated (building it must not dominate)."""
    rng = random.Random(seed)
    block = []
    for i in range(4000):
        block.append("w" * rng.choice([1, 2, 3, 4, 5, 7, 9, 12]) + ("  " if i % 97 == 0 else " "))
    unit = "".join(block)
    return (unit * (size // len(unit) + 1))[:size]


def layout_input(size: int) -> str:
    text = words(size)
    # a forced break every ~50 KB, as the stylesheet writes for <lb/> in a paragraph
    step = 50_000
    text = textlayout.BREAK.join(text[i : i + step] for i in range(0, len(text), step))
    return f"    {textlayout.HANG}{text}\n"


def best(seconds) -> float:
    return min(seconds)


def time_layout(size_mb: float, repeat: int) -> float:
    text = layout_input(int(size_mb * MB))
    runs = []
    for _ in range(max(repeat, round(20 / size_mb))):
        started = time.process_time()
        textlayout.finish(text, 78)
        runs.append(time.process_time() - started)
    return best(runs)


TEI = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Long</title></titleStmt>
<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>
<text><body><p>{}</p></body></text></TEI>
"""


def time_pipeline(size_mb: float, repeat: int, folder: Path) -> float:
    source = folder / f"long-{size_mb}.xml"
    source.write_text(TEI.format(words(int(size_mb * MB))), encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "editio",
        "text",
        "--huge",
        "--no-header",
        str(source),
        "-o",
        str(folder / "out.txt"),
    ]
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env={**os.environ})
        runs.append(time.perf_counter() - started)
    source.unlink()
    return best(runs)


def table(title: str, sizes: list[float], seconds: list[float]) -> float:
    per_mb = [s / size for size, s in zip(sizes, seconds)]
    print(f"\n{title}")
    print(f"{'MB':>6} {'seconds':>9} {'s/MB':>8}")
    for size, s, p in zip(sizes, seconds, per_mb):
        print(f"{size:>6g} {s:>9.3f} {p:>8.4f}")
    ratio = max(per_mb) / min(per_mb)
    print(f"largest / smallest time per MB: {ratio:.2f} (target: at most 1.5)")
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,2,5,10,20,50")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pipeline", action="store_true")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    table(
        "textlayout.finish, one paragraph, width 78 (CPU seconds)",
        sizes,
        [time_layout(size, args.repeat) for size in sizes],
    )
    if args.pipeline:
        with tempfile.TemporaryDirectory() as tmp:
            table(
                "editio text --huge, one paragraph (start-up included)",
                sizes,
                [time_pipeline(size, args.repeat, Path(tmp)) for size in sizes],
            )


if __name__ == "__main__":
    main()
