"""The one process pool: `editio build` and `editio validate -j` hand their work to it.

Forked workers (they inherit what the parent compiled: stylesheets, schemas;
lxml objects cannot be pickled), one pipe each, and a main loop that waits
on the pipes and on `interrupt.wakeup_fd()`: no thread, no lock, nothing a
signal can leave half-done. On Ctrl-C or SIGTERM the workers get SIGTERM
(its default action: they end at once), are waited for at most
`STOP_SECONDS`, then killed; `run` raises `Interrupted` once they are all gone.
A worker that dies on its own (a crash, the OOM killer) costs its task only:
the task's result is a `Lost`, and a new worker takes the rest.

Workers ignore SIGINT: a terminal's Ctrl-C reaches the whole process group,
and the parent decides what stops.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any

from editio.core import interrupt

STOP_SECONDS = 3.0  # how long stopped workers get before they are killed


@dataclass(frozen=True)
class Lost:
    """A task that gave no result: its worker raised or died."""

    reason: str


def cpu_count() -> int:
    """CPUs this process may use (a container's limit, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1


def run(
    tasks: list, work: Callable[[Any], Any], on_result: Callable[[Any, Any], bool], jobs: int = 0, isolate: bool = False
) -> bool:
    """`work(task)` for every task; `on_result(task, result)` in the parent as each finishes.

    `on_result` returning True stops the run: tasks already running finish,
    nothing new starts; `run` then returns True. `jobs`: workers (0: one per
    CPU). With one job the work runs in this process (checking for an
    interruption between tasks) unless `isolate`: work that writes files runs
    in a worker even alone, so an interruption can stop it at any moment.
    Raises `interrupt.Interrupted` when a signal stopped the run.
    """
    tasks = list(tasks)
    if not tasks:
        return False
    jobs = min(jobs or cpu_count(), len(tasks))
    forking = "fork" in multiprocessing.get_all_start_methods()
    with interrupt.guard():
        if not forking or (jobs == 1 and not isolate):
            return _in_process(tasks, work, on_result)
        return _Pool(jobs, work).run(tasks, on_result)


def _call(work, task):
    try:
        return work(task)
    except Exception as exc:  # noqa: BLE001 - one failed task must not stop the others
        return Lost(f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=-3)}")


def _in_process(tasks, work, on_result) -> bool:
    for task in tasks:
        interrupt.check()
        if on_result(task, _call(work, task)):
            return True
    interrupt.check()
    return False


class _Worker:
    def __init__(self, context, work) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, self.conn, work), daemon=True)
        # Blocked across the fork: a signal in between would run the parent's handler in the child.
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, interrupt.SIGNALS)
        try:
            self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        child.close()
        self.task = None

    def describe_death(self) -> str:
        self.process.join(1)
        code = self.process.exitcode
        if code is not None and code < 0:
            return f"the worker process was killed by {signal.Signals(-code).name}"
        return f"the worker process ended (exit status {code})"


def _serve(conn, parent_end, work) -> None:
    """A worker's life: tasks in, results out, until the pipe closes."""
    parent_end.close()
    interrupt.forget_in_child()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # end at once: the parent removes what is left
    signal.pthread_sigmask(signal.SIG_UNBLOCK, interrupt.SIGNALS)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            conn.send(_call(work, task))
        except (BrokenPipeError, OSError):
            return
        except Exception as exc:  # noqa: BLE001 - an unpicklable result
            conn.send(Lost(f"the result could not be sent: {type(exc).__name__}: {exc}"))


class _Pool:
    def __init__(self, jobs: int, work) -> None:
        self.context = multiprocessing.get_context("fork")
        self.work = work
        self.jobs = jobs
        self.workers: list[_Worker] = []

    def run(self, tasks, on_result) -> bool:
        queue = deque(tasks)
        stopping = False
        try:
            for _ in range(self.jobs):
                interrupt.check()
                self.workers.append(_Worker(self.context, self.work))
            while True:
                for worker in self.workers:
                    if worker.task is None and queue and not stopping:
                        self._give(worker, queue.popleft())
                busy = [w for w in self.workers if w.task is not None]
                if not busy:
                    break
                interrupt.check()
                wakeup = [interrupt.wakeup_fd()] if interrupt.wakeup_fd() >= 0 else []  # none outside the main thread
                ready = wait([w.conn for w in busy] + wakeup)
                interrupt.drain()
                finished = []
                for worker in busy:
                    if worker.conn in ready:
                        finished.append(self._receive(worker, bool(queue) and not stopping))
                for task, result in finished:
                    stopping = on_result(task, result) or stopping
            interrupt.check()
            return stopping
        except BaseException:
            self.stop()
            raise
        finally:
            self.close()

    def _give(self, worker: _Worker, task) -> None:
        worker.task = task
        try:
            worker.conn.send(task)
        except OSError:
            pass  # it died: the next wait sees its end of the pipe closed

    def _receive(self, worker: _Worker, replace: bool):
        task, worker.task = worker.task, None
        try:
            return task, worker.conn.recv()
        except (EOFError, OSError):
            reason = worker.describe_death()
            worker.conn.close()
            self.workers.remove(worker)
            if replace:
                self.workers.append(_Worker(self.context, self.work))
            return task, Lost(reason)

    def stop(self) -> None:
        """SIGTERM every worker, wait a bounded time, then SIGKILL: never waits for ever."""
        for worker in self.workers:
            if worker.process.is_alive():
                worker.process.terminate()
        deadline = time.monotonic() + STOP_SECONDS
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
        for worker in self.workers:
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(STOP_SECONDS)

    def close(self) -> None:
        """Idle workers are told to leave; every one is gone when this returns."""
        for worker in self.workers:
            if worker.process.is_alive():
                try:
                    worker.conn.send(None)
                except OSError:
                    pass
        deadline = time.monotonic() + STOP_SECONDS
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
        if any(w.process.is_alive() for w in self.workers):
            self.stop()
        for worker in self.workers:
            worker.conn.close()
        self.workers = []
