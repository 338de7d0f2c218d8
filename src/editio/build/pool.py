"""Running a build's jobs: in this process, or in a pool of forked workers; SIGTERM as an exception.

`run_jobs` hands each document to `build_worker.build_one` and each result to
`record`, in source order per batch; `record` returning True stops the build
(--strict): documents already running finish whole, nothing new starts. On
Ctrl-C or SIGTERM the workers are terminated (each removes its temporary file).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

from editio.build.worker import Job, WorkerConfig, build_one, init_worker


def run_jobs(jobs: list[Job], config: WorkerConfig, workers: int, record) -> bool:
    """Run the jobs; `record(result)` returns True to stop (--strict). Returns whether stopped."""
    if not jobs:
        return False
    workers = min(workers or cpu_count(), len(jobs))
    if workers == 1:
        init_worker(config, in_process=True)
        for job in jobs:
            if record(build_one(job)):
                return True
        return False
    # fork: workers inherit what the parent compiled (--schema); lxml objects cannot be pickled.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=init_worker, initargs=(config,))
    try:
        pending = {pool.submit(build_one, job) for job in jobs}
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            stop = False
            for future in sorted(done, key=lambda f: f.result().source):
                stop = record(future.result()) or stop
            if stop:
                for future in pending:
                    future.cancel()
                # Documents already running finish whole; nothing new starts.
                for future in wait(pending).done:
                    if not future.cancelled():
                        record(future.result())
                return True
        return False
    except BaseException:
        _stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def cpu_count() -> int:
    """CPUs this process may use (a container's limit, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """SIGTERM each worker: a busy one removes its temporary file, then exits."""
    processes = list((pool._processes or {}).values())  # no public way to reach the workers
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(10)
        if process.is_alive():
            process.kill()
            process.join()


class Terminated(BaseException):
    pass


def _raise_terminated(signum, frame):
    raise Terminated()


def install_sigterm():
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, _raise_terminated)


def restore_sigterm(previous) -> None:
    if previous is not None:
        signal.signal(signal.SIGTERM, previous)
