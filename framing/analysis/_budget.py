"""A CPU-time budget for analysing one article.

Every extractor is linear in an article's length (a million characters take a few
seconds), yet a text no test has met may still find a slow path; one such article must
become a row of the errors table, not hold a corpus run for an hour.

Where it can, :class:`Budget` asks the kernel for a profiling timer (``ITIMER_PROF``:
this process's CPU time, so a busy shared machine does not count against the article)
and stops the article from the signal's handler, wherever its code is. That needs a
POSIX system and the main thread (a process-pool worker, ``n_jobs=1``, a notebook), and
leaves ``SIGPROF`` alone when something else (a profiler) has a handler on it. Elsewhere
(a Dask worker's thread, Windows) the budget is checked between the stages of the
article, on the thread's CPU time: an article is then stopped after the stage that
overran it, not inside it.
"""

from __future__ import annotations

import signal
import threading
import time
from types import FrameType

__all__ = ["ArticleTimeout", "Budget"]


class ArticleTimeout(BaseException):  # not an error for a caller to catch: no "Error"
    """Raised inside an article's analysis when its budget runs out.

    A BaseException, as KeyboardInterrupt is, so that a feature's ``except Exception``
    does not swallow it; :func:`~framing.analysis._article.analyse_article` turns it
    into an error row.
    """


class Budget:
    """The CPU time one article may take: ``start()``, then ``stop()`` in a ``finally``.

    ``budget.check(stage)`` between stages raises :class:`ArticleTimeout` once the time
    is spent (all the budget does where no timer can be set) and records the stage, for
    the error row. ``stop()`` may be called again: it is what the caller does first when
    it catches the timeout, so that no timer is left behind.
    """

    __slots__ = ("_armed", "_start", "_timer", "seconds", "stage")

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.stage = "analyse"
        self._armed = False
        self._timer = False
        self._start = 0.0

    def start(self) -> None:
        if self.seconds is None:
            return
        self._start = time.thread_time()
        self._timer = _install()
        self._armed = True
        if self._timer:
            _ACTIVE.budget = self
            signal.setitimer(signal.ITIMER_PROF, self.seconds)

    def stop(self) -> None:
        # Disarmed before the timer is stopped: a signal already on its way then finds
        # nothing to stop (the handler returns) instead of raising after the article.
        self._armed = False
        if self._timer:
            signal.setitimer(signal.ITIMER_PROF, 0)
            _ACTIVE.budget = None

    def check(self, stage: str) -> None:
        """Say which stage starts; raise :class:`ArticleTimeout` if the time is spent."""
        if self._armed and time.thread_time() - self._start > self.seconds:  # type: ignore[operator]
            raise ArticleTimeout
        self.stage = stage


class _Active:
    budget: Budget | None = None


_ACTIVE = _Active()


#: CPU seconds after which the timer fires again, should its exception not get through.
_AGAIN = 0.05


def _on_timer(signum: int, frame: FrameType | None) -> None:
    budget = _ACTIVE.budget
    if budget is None or not budget._armed:
        return
    # Python prints and drops an exception raised in a finalizer ('Exception ignored
    # in ... __del__'), and the article would then run on without a limit: there the
    # timer is set to fire again shortly instead, as it is in case the exception is
    # swallowed anywhere else.
    signal.setitimer(signal.ITIMER_PROF, _AGAIN)
    while frame is not None:
        if frame.f_code.co_name == "__del__":
            return
        frame = frame.f_back
    raise ArticleTimeout


def _install() -> bool:
    """Whether the timer can be used here: put framing's handler on SIGPROF if the
    signal is free (its default, which would end the process) or has it already."""
    if not hasattr(signal, "setitimer"):
        return False
    if threading.current_thread() is not threading.main_thread():
        return False
    current = signal.getsignal(signal.SIGPROF)
    if current is _on_timer:
        return signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    if current is not signal.SIG_DFL:
        return False  # a profiler's, or the user's
    if signal.getitimer(signal.ITIMER_PROF) != (0.0, 0.0):
        return False
    try:
        signal.signal(signal.SIGPROF, _on_timer)
    except (ValueError, OSError):
        return False
    return True
