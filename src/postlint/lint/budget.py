"""A time budget for every rule on every text, built-in rules included.

A check that takes longer than its budget on one post or draft (SECONDS, plus
PER_MILLION for each million characters: wall-clock time, generous enough for a loaded CI
machine, since it is there to end hangs, not to judge speed) is stopped with
`Spent`, a TimeoutError, wherever it is: in a pattern search of `re` or `regex` (both
look at signals while they search) or in a loop of Python. The engine then reports the
rule and stops it for the run, so a case nobody foresaw ends with a clear error instead
of a hang.

How: while drafts are checked, an interval timer (SIGALRM) ticks every TICK seconds;
before each check the engine notes the tick it starts at (`start`, an attribute write,
cheap enough for every check of every post) and the tick raises `Spent` once a check has
run for more ticks than its budget. The timer is armed only while checks run, in the
main thread, and only if nothing else uses it; elsewhere (another thread, Windows)
user patterns keep their own search time limit and built-in rules run unwatched.
"""

from __future__ import annotations

import math
import signal
import threading
from contextlib import contextmanager

TICK = 0.25  # seconds between ticks: how late past its budget a check may be stopped
SECONDS = 10.0  # a check's budget on one post or draft ...
PER_MILLION = 10.0  # ... plus this for each million characters of it


def allowed(characters: int) -> float:
    """The seconds a check may take on a text of so many characters."""
    return SECONDS + PER_MILLION * characters / 1e6


class Spent(TimeoutError):
    """A check ran past its time budget."""


class Budget:
    """The watch over the checks of one linter."""

    def __init__(self):
        self.ticks = 0
        self.since: int | None = None  # the tick the running check started at
        self.characters = 0  # of the text the running check reads
        self._depth = 0
        self._previous = None

    def start(self, characters: int) -> None:
        """A check starts on a text of so many characters (its budget: `allowed`)."""
        self.characters = characters
        self.since = self.ticks

    def stop(self) -> None:
        self.since = None

    def _tick(self, signum, frame) -> None:
        self.ticks += 1
        if self.since is None:
            return
        seconds = allowed(self.characters)
        if self.ticks - self.since > math.ceil(seconds / TICK) + 1:
            self.since = None
            raise Spent(f"took more than {seconds:.3g} s")

    @contextmanager
    def watching(self):
        """Tick while the block runs (nested blocks share the outer one's timer)."""
        if self._depth == 0 and not self._arm():
            yield
            return
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._disarm()

    def _arm(self) -> bool:
        if (not hasattr(signal, "setitimer")
                or threading.current_thread() is not threading.main_thread()
                or signal.getitimer(signal.ITIMER_REAL) != (0.0, 0.0)):  # someone else's
            return False
        self._previous = signal.signal(signal.SIGALRM, self._tick)
        signal.setitimer(signal.ITIMER_REAL, TICK, TICK)
        return True

    def _disarm(self) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self._previous or signal.SIG_DFL)
        self.since = None
