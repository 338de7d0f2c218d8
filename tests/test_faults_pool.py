"""The worker pool under faults (issue 17, point 1): a signal never raises inside running code,
a dead worker costs its document only, a stuck worker is killed after a bounded time.

A hang after SIGTERM came from an exception raised by the signal handler in
the middle of code that held a lock. Here the code running when the signal
arrives is the build's own progress callback (the command line's writes to
stderr hold a lock): it must finish, and the build stop afterwards.
"""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest
from conftest import CORPUS

from editio.build import worker
from editio.build.run import BuildOptions, build
from editio.check.validate import validate_paths
from editio.core.interrupt import Interrupted

FILES = [
    "proc_teistylesheets_testnotes1.xml",
    "proc_teistylesheets_testtranscr.xml",
    "letter_escher_K_0426.xml",
    "proc_teistylesheets_testWhitespace1.xml",
]


@pytest.fixture
def src(tmp_path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    for name in FILES:
        shutil.copy(CORPUS / name, folder / name)
    return folder


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_lets_the_running_code_finish_then_stops_the_build(src, tmp_path, signum):
    out = tmp_path / "out"
    lock = threading.Lock()
    calls = {"started": 0, "finished": 0}

    def progress(event):
        calls["started"] += 1
        with lock:
            if calls["started"] == 1:
                os.kill(os.getpid(), signum)
            time.sleep(0.05)  # the handler has run by now
        calls["finished"] += 1

    with pytest.raises(Interrupted) as stopped:
        build([src], BuildOptions(out_dir=out, jobs=2, check=False), progress)
    assert calls["started"] == calls["finished"], "the signal raised inside the progress callback"
    assert not lock.locked()
    assert stopped.value.signum == signum
    assert len(stopped.value.result.built) < len(FILES)
    assert not leftovers(out)
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the handlers are given back
    # the next build finishes the job
    result = build([src], BuildOptions(out_dir=out, jobs=2, check=False))
    assert len(result.built) + len(result.current) == len(FILES)


def _dies_on(name: str, how):
    real = worker._build

    def fake(job, config):
        if job.source.endswith(name):
            how()
        return real(job, config)

    return fake


def test_a_killed_worker_costs_its_document_only(src, tmp_path, monkeypatch):
    # the OOM killer, a crash in C code: the worker is gone without a word
    monkeypatch.setattr(worker, "_build", _dies_on(FILES[0], lambda: os.kill(os.getpid(), signal.SIGKILL)))
    out = tmp_path / "out"
    result = build([src], BuildOptions(out_dir=out, jobs=2, check=False))
    assert [p.name for p in result.failed] == [FILES[0]]
    assert len(result.built) == len(FILES) - 1
    lost = [d for d in result.diagnostics if d.code == "build.internal"]
    assert lost and "SIGKILL" in lost[0].message, result.diagnostics
    assert not leftovers(out)


def test_a_killed_validation_worker_costs_its_file_only(src, monkeypatch):
    from editio.check import validate

    real = validate.validate_file

    def dies(path, options, load_options):
        if path.name == FILES[1]:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, options, load_options)

    monkeypatch.setattr(validate, "validate_file", dies)
    files, found = validate_paths([src], jobs=2)
    assert len(files) == len(FILES)
    lost = [d for d in found if d.code == "validate.internal"]
    assert [Path(d.path).name for d in lost] == [FILES[1]], found


def test_a_worker_that_ignores_sigterm_is_killed_in_bounded_time(src, tmp_path, monkeypatch):
    def stuck():
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
        time.sleep(60)

    monkeypatch.setattr(worker, "_build", _dies_on(FILES[0], stuck))
    out = tmp_path / "out"
    events = []

    def progress(event):
        events.append(event)
        if len(events) == 2:  # the others are built; the stuck one is not
            os.kill(os.getpid(), signal.SIGTERM)

    started = time.monotonic()
    with pytest.raises(Interrupted):
        build([src], BuildOptions(out_dir=out, jobs=2, check=False), progress)
    assert time.monotonic() - started < 8, "stopping the workers took too long"
    assert not leftovers(out)


def test_a_build_outside_the_main_thread_runs_without_signal_handling(src, tmp_path):
    found = {}

    def run():
        found["result"] = build([src], BuildOptions(out_dir=tmp_path / "out", jobs=2, check=False))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(120)
    assert len(found["result"].built) == len(FILES)


def test_a_signal_ignored_at_the_start_stays_ignored():
    from editio.core import interrupt

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # `nohup editio build &`
    try:
        with interrupt.guard():
            assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
            assert signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL  # SIGTERM is still caught
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)
