"""Ctrl-C and SIGTERM: a flag and a wake-up pipe, never an exception raised from a signal handler.

An exception raised from a handler lands wherever the main thread happens to
be, perhaps holding a lock (a `ProcessPoolExecutor` shutdown hung forever
that way, issue 17) or half-way through creating a temporary file. Inside
`guard()`, the handlers only note the signal and write a byte to a pipe; the
code that runs the work checks `stop_requested()` at safe points, or waits on
`wakeup_fd()` beside its workers, and raises `Interrupted` itself.

A second signal while the first is being handled gets the default action
(the process ends at once): someone who presses Ctrl-C twice means it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """The one interruption editio raises: Ctrl-C (SIGINT) or SIGTERM asked the work to stop.

    `result` holds what was finished when the caller has something to report
    (a build's finished documents); the command exits with 128 + `signum`.
    """

    def __init__(self, signum: int, result=None) -> None:
        super().__init__(f"interrupted by {signal.Signals(signum).name}")
        self.signum = signum
        self.result = result


_state = {"signum": None, "read": -1, "write": -1, "depth": 0, "previous": {}}


def _note(signum, _frame) -> None:
    if _state["signum"] is None:
        _state["signum"] = signum
        for other in _state["previous"]:
            signal.signal(other, signal.SIG_DFL)
    with contextlib.suppress(OSError):  # the pipe is full: a byte is already waiting
        os.write(_state["write"], b"\0")


@contextlib.contextmanager
def guard():
    """Signals become a request to stop while inside; nested uses share one guard.

    Outside the main thread (where handlers cannot be set) this does nothing:
    the caller's own thread owns the signals then.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if _state["depth"] == 0:
        read, write = os.pipe()
        os.set_blocking(read, False)
        os.set_blocking(write, False)
        # A signal ignored when editio started stays ignored (`nohup editio build &`: Ctrl-C in
        # that terminal is not for it), as Python itself leaves such a SIGINT alone.
        wanted = [s for s in SIGNALS if signal.getsignal(s) is not signal.SIG_IGN]
        _state.update(signum=None, read=read, write=write, previous={s: signal.signal(s, _note) for s in wanted})
    _state["depth"] += 1
    try:
        yield
    finally:
        _state["depth"] -= 1
        if _state["depth"] == 0:
            for s, handler in _state["previous"].items():
                signal.signal(s, handler if handler is not None else signal.SIG_DFL)
            os.close(_state["read"])
            os.close(_state["write"])
            _state.update(signum=None, read=-1, write=-1, previous={})  # the signal was this guard's


def stop_requested() -> int | None:
    """The signal that asked to stop, if one did."""
    return _state["signum"]


def check(result=None) -> None:
    """Raise `Interrupted` if a signal asked to stop (call it where stopping is safe)."""
    if _state["signum"] is not None:
        raise Interrupted(_state["signum"], result)


def wakeup_fd() -> int:
    """A file descriptor that becomes readable when a signal arrives (inside `guard()`)."""
    return _state["read"]


def drain() -> None:
    with contextlib.suppress(OSError):
        while os.read(_state["read"], 512):
            pass


def forget_in_child() -> None:
    """In a forked worker: the parent's guard is not the worker's (its pipe is closed here)."""
    for fd in (_state["read"], _state["write"]):
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
    _state.update(signum=None, read=-1, write=-1, depth=0, previous={})
