"""Build a corpus with two revisions of editio and compare the outputs byte for byte.

For changes that must not change what editio writes (a reorganisation, a speed-up): every
file of the build folder (HTML, text, witness pages, index) and the diagnostics each build
printed are compared. Each revision runs from its own `git worktree` with `PYTHONPATH=src`,
so neither needs installing.

Usage: python tools/compare_builds.py [--before REV] [--after REV] [CORPUS]
       (defaults: HEAD~1, the work tree as it is, ../shared/corpus, else tests/corpus)
Exit 0 when identical, 1 with the differing files listed.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The build state names editio's version and hashes of its stylesheets; it is not output.
NOT_OUTPUT = {".editio-build.json"}


def run_build(checkout: Path, corpus: Path, out: Path) -> bytes:
    """Build every document of corpus with the editio of checkout; return its diagnostics."""
    env = dict(os.environ, PYTHONPATH=str(checkout / "src"), CI="1")
    cmd = [
        sys.executable,
        "-m",
        "editio",
        "build",
        str(corpus),
        "-o",
        str(out),
        "--force",
        "--xinclude",
        "-q",
        "-j",
        "2",
    ]
    done = subprocess.run(cmd, env=env, capture_output=True, cwd=checkout)
    return b"exit %d\n" % done.returncode + done.stderr


def tree_files(top: Path) -> set[str]:
    return {str(p.relative_to(top)) for p in top.rglob("*") if p.is_file() and p.name not in NOT_OUTPUT}


def differences(a: Path, b: Path) -> list[str]:
    fa, fb = tree_files(a), tree_files(b)
    diff = [f"only before: {n}" for n in sorted(fa - fb)] + [f"only after: {n}" for n in sorted(fb - fa)]
    diff += [f"differs: {n}" for n in sorted(fa & fb) if not filecmp.cmp(a / n, b / n, shallow=False)]
    return diff


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = ROOT.parent / "shared" / "corpus"
    parser.add_argument(
        "corpus", nargs="?", type=Path, default=shared if shared.is_dir() else ROOT / "tests" / "corpus"
    )
    parser.add_argument("--before", default="HEAD~1", help="a git revision (default HEAD~1)")
    parser.add_argument("--after", default=None, help="a git revision (default: the work tree)")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    if not corpus.is_dir():
        print(f"compare_builds: no corpus at {corpus}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="editio-compare-") as tmp:
        tmp = Path(tmp)
        checkouts = {}
        for label, rev in (("before", args.before), ("after", args.after)):
            if rev is None:
                checkouts[label] = ROOT
                continue
            checkouts[label] = tmp / f"src-{label}"
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(checkouts[label]), rev], check=True
            )
        try:
            logs = {}
            for label, checkout in checkouts.items():
                logs[label] = run_build(checkout, corpus, tmp / f"out-{label}")
            diff = differences(tmp / "out-before", tmp / "out-after")
            if logs["before"] != logs["after"]:
                diff.append("differs: the diagnostics (stderr) of the two builds")
            files = len(tree_files(tmp / "out-after"))
        finally:
            for checkout in checkouts.values():
                if checkout != ROOT:
                    subprocess.run(
                        ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(checkout)], check=False
                    )
    if diff:
        print("\n".join(diff))
        return 1
    print(
        f"identical: {files} files and the diagnostics "
        f"({len(logs['after'].splitlines())} lines), {args.before} vs {args.after or 'work tree'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
