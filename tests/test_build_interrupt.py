"""An interrupted `editio build` (Ctrl-C, SIGTERM) leaves no partial file and no worker behind.

The build runs in a subprocess through tests/editio_slow.py, which makes every
write pause with its temporary file on disk, so the signal reliably lands
while files are half-way; then the output folder is compared with a build
that was not interrupted. (Random moments: tests/test_faults_signals.py.)
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CORPUS
from process_support import alive, children

FILES = [
    "proc_teistylesheets_testWhitespace1.xml",
    "proc_teistylesheets_testtranscr.xml",
    "proc_teistylesheets_testnotes1.xml",
    "pta0013.pta003.pta-deu1.xml",
    "crit_teistylesheets_testapp2.xml",
]


SLOW = Path(__file__).with_name("editio_slow.py")


def command(src: Path, out: Path, jobs: int, delay: float = 0.0) -> list[str]:
    return [sys.executable, str(SLOW), str(delay), "build", str(src), "-o", str(out), "-j", str(jobs)]


def outputs(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.suffix in (".html", ".txt")
    }


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:
    base = tmp_path_factory.mktemp("interrupt")
    src = base / "src"
    src.mkdir()
    for name in FILES:
        shutil.copy(CORPUS / name, src / name)
    reference = base / "reference"
    run = subprocess.run(command(src, reference, 1), capture_output=True, text=True)
    assert run.returncode in (0, 1), run.stderr
    expected = outputs(reference)
    assert len(expected) >= 2 * len(FILES)
    return src, expected


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
@pytest.mark.parametrize("jobs", [1, 2])
def test_interrupted_build_leaves_no_partial_file(sources, tmp_path, how, jobs):
    src, expected = sources
    out = tmp_path / "out"
    env = {**os.environ, "CI": "1"}
    # Ctrl-C as a terminal gives it: a run started in the background (`cmd &` without job control, nohup)
    # inherits SIGINT ignored, and Python then never raises KeyboardInterrupt.
    proc = subprocess.Popen(
        command(src, out, jobs, delay=0.4),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not list(out.rglob(".editio-*.tmp")):
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "no write started"
            time.sleep(0.02)
        workers = children(proc.pid)
        if how == "ctrl-c":
            os.killpg(proc.pid, signal.SIGINT)  # a terminal sends Ctrl-C to the whole process group
        else:
            os.kill(proc.pid, signal.SIGTERM)  # `kill PID`: only the main process hears it
        _stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == (130 if how == "ctrl-c" else 143), stderr
    assert "interrupted" in stderr
    assert not list(out.rglob(".editio-*.tmp"))
    assert not list(out.rglob("*.tmp"))
    written = outputs(out)
    assert len(written) < len(expected)  # it really was interrupted
    for name, data in written.items():
        assert data == expected[name], f"{name} is not the whole file"
    if jobs > 1:
        assert workers, "the build started no worker processes"
    for pid in workers:
        deadline = time.monotonic() + 10
        while alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive(pid), f"worker {pid} survived the build"
    # The next build finishes the job, and its result is the uninterrupted one.
    rerun = subprocess.run(command(src, out, jobs), capture_output=True, text=True)
    assert rerun.returncode in (0, 1), rerun.stderr
    assert outputs(out) == expected
