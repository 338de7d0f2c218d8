"""editio's command line with every file rename paused (tests only): `python editio_slow.py SECONDS ARGS...`.

Tests that interrupt a build need it to spend time with temporary files on
disk. The pause is patched in here, from the test side, before editio is
imported; forked workers inherit it. Production code has no such hook.
"""

from __future__ import annotations

import os
import sys
import time


def main() -> None:
    delay = float(sys.argv.pop(1))
    real_replace = os.replace

    def slow_replace(*args, **kwargs):
        time.sleep(delay)
        return real_replace(*args, **kwargs)

    os.replace = slow_replace
    from editio.cli import main as cli

    cli(prog_name="editio")


if __name__ == "__main__":
    main()
