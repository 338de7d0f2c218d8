"""Fault injection (issue 17): SIGTERM and SIGINT at random moments of an `editio build -j 2`.

50 runs, the moments drawn from a seeded RNG (the same every time). Each run
must end within 10 s of its signal, leave no temporary file and no worker
behind, and leave a state the next build can trust: every page on disk whole
(byte-identical to an uninterrupted build's), every document the state file
records present with the bytes it records. Every tenth run is followed by an
uninterrupted incremental build, which must give the uninterrupted result.

Writes are slowed a little (tests/editio_slow.py, 30 ms per rename) so that
signals also land while files are half-way.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CORPUS
from process_support import alive, children

SEED = 17
RUNS = 50
LIMIT = 10.0  # seconds from the signal to the end of the run
SLOW = Path(__file__).with_name("editio_slow.py")
FILES = [
    "crit_teistylesheets_testapp2.xml",  # witness pages: many files per document
    "proc_teistylesheets_testnotes1.xml",
    "proc_teistylesheets_testtranscr.xml",
    "letter_escher_K_0426.xml",
]
STATE = ".editio-build.json"


def command(src: Path, out: Path, *extra: str, delay: float = 0.03) -> list[str]:
    return [sys.executable, str(SLOW), str(delay), "build", str(src), "-o", str(out), "-j", "2", *extra]


def pages(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and p.suffix in (".html", ".txt")
    }


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    base = tmp_path_factory.mktemp("faults")
    src = base / "src"
    src.mkdir()
    for name in FILES:
        shutil.copy(CORPUS / name, src / name)
    out = base / "reference"
    started = time.monotonic()
    proc = subprocess.Popen(
        command(src, out, "-q"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "CI": "1"},
    )
    first_worker = None
    while proc.poll() is None:
        if first_worker is None and children(proc.pid):
            first_worker = time.monotonic() - started
        time.sleep(0.005)
    seconds = time.monotonic() - started
    assert proc.returncode in (0, 1), proc.stderr.read()
    assert first_worker is not None, "the build started no worker"
    expected = pages(out)
    assert len(expected) > 2 * len(FILES), sorted(expected)
    return src, expected, (first_worker, seconds - first_worker)


def check_consistent(out: Path, expected: dict[str, bytes], what: str) -> None:
    leftovers = [p for p in out.rglob("*") if p.name.endswith(".tmp")] if out.exists() else []
    assert not leftovers, f"{what}: temporary files left: {leftovers}"
    for name, data in pages(out).items():
        assert name in expected, f"{what}: unexpected page {name}"
        assert data == expected[name], f"{what}: {name} is not the whole page"
    state_file = out / STATE
    if not state_file.exists():
        return
    state = json.loads(state_file.read_text(encoding="utf-8"))  # never a torn file
    for key, record in state["documents"].items():
        for rel in record["outputs"]:
            assert rel in expected, f"{what}: the state lists {rel}, which no build writes"
            path = out / rel
            assert path.is_file(), f"{what}: the state says {key} is built, but {rel} is missing"
            recorded = record.get("hashes", {}).get(rel)
            if recorded is not None:
                assert hashlib.sha256(path.read_bytes()).hexdigest() == recorded, f"{what}: {rel} changed"


def test_signals_at_random_moments_never_hang_never_leave_a_partial_file(reference, tmp_path):
    src, expected, (startup, work) = reference
    rng = random.Random(SEED)
    out = tmp_path / "out"
    env = {**os.environ, "CI": "1"}
    outcomes: dict[str, int] = {}
    for run in range(RUNS):
        signum = rng.choice([signal.SIGTERM, signal.SIGINT])
        # Mostly while documents are built (counted from the first worker);
        # sometimes while Python and editio are still starting.
        early = rng.random() < 0.1
        moment = rng.uniform(0, startup) if early else rng.uniform(0, 1.1) * work
        fresh = rng.random() < 0.25
        force = rng.random() < 0.8
        what = (
            f"run {run} (seed {SEED}: {signal.Signals(signum).name} at {moment:.2f} s, "
            f"{'fresh' if fresh else 'reused'} folder{', --force' if force else ''})"
        )
        if fresh and out.exists():
            shutil.rmtree(out)
        # SIGINT at its default, as a terminal gives it (a suite started in the background has it ignored).
        proc = subprocess.Popen(
            command(src, out, "-q", *(["--force"] if force else [])),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        workers: set[int] = set()
        try:
            started = time.monotonic()
            while not early and not workers and proc.poll() is None and time.monotonic() < started + 60:
                workers |= children(proc.pid)
                time.sleep(0.005)
            deadline = time.monotonic() + moment
            while time.monotonic() < deadline and proc.poll() is None:
                workers |= children(proc.pid)
                time.sleep(0.005)
            workers |= children(proc.pid)
            try:
                if signum == signal.SIGINT:
                    os.killpg(proc.pid, signal.SIGINT)  # a terminal's Ctrl-C reaches the whole group
                else:
                    os.kill(proc.pid, signal.SIGTERM)  # `kill PID`, or a CI runner stopping the job
            except ProcessLookupError:
                pass  # it had finished
            try:
                _stdout, stderr = proc.communicate(timeout=LIMIT)
            except subprocess.TimeoutExpired:
                pytest.fail(f"{what}: still running {LIMIT} s after the signal (a hang)")
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        code = proc.returncode
        # Interrupted (128 + signal), finished before the signal (0/1), or stopped
        # by the signal's default action while Python was still starting (-signal).
        assert code in (0, 1, 128 + signum, -signum), f"{what}: exit status {code}\n{stderr}"
        outcomes[str(code)] = outcomes.get(str(code), 0) + 1
        if code == 128 + signum:
            assert "interrupted" in stderr, f"{what}: {stderr}"
        for pid in workers:
            limit = time.monotonic() + 5
            while alive(pid) and time.monotonic() < limit:
                time.sleep(0.02)
            assert not alive(pid), f"{what}: worker {pid} outlived the build"
        check_consistent(out, expected, what)
        if code in (0, 1):
            assert pages(out) == expected, f"{what}: a finished build is not the uninterrupted one"
        if run % 10 == 9:
            again = subprocess.run(
                command(src, out, "-q", delay=0), env=env, capture_output=True, text=True, timeout=120
            )
            assert again.returncode in (0, 1), f"after {what}: {again.stderr}"
            assert pages(out) == expected, f"after {what}: the next build did not restore the edition"
            check_consistent(out, expected, f"after {what}")
    print(f"exit statuses of {RUNS} runs: {outcomes}")
    interrupted = outcomes.get("130", 0) + outcomes.get("143", 0)
    assert interrupted >= RUNS // 2, f"too few runs were interrupted to mean anything: {outcomes}"
