"""Linting many files on every core, in bounded memory, with the output one process gives.

Large runs are cut into chunks of files, in order. Each worker (a forked copy of the
process, so the compiled rules come along) reads its chunk and runs the post and draft
checks. A draft without suppression comments is finished there (its findings sorted,
the checks that report on suppressions run); only a draft with such comments comes back
with its text, to be finished once the checks that compare drafts (`scope = "run"`) are
in, since a comment may silence those too. Meanwhile the parent runs those checks over
the drafts read again one at a time. So no process holds every draft: the report reads a
draft's text back from its file only when a format asks for it (`Texts`). Chunks come
back in order, so findings and errors are in the same order as a serial run.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Iterator

from ..text import suppress
from ..text.draft import Draft, DraftError
from . import files
from .engine import sort_findings
from .report import Report

THRESHOLD = 200  # files; below this, starting workers costs more than it saves
CHUNK = 100  # files a worker reads and checks at a time
JOBS_VARIABLE = "POSTLINT_JOBS"  # number of worker processes (1: no workers)

_linter = None  # the parent's Linter, inherited by the forked workers


def read(linter, path: str, display: str) -> Draft:
    """A draft the linter accepts (known profile and platforms); DraftError or ValueError."""
    draft = files.read(path, None, display)
    linter.profile_of(draft)
    linter.platforms_of(draft)
    return draft


class Drafts:
    """The readable drafts of `(path, shown path)` items, read again on each pass over
    them (a re-iterable sequence that never holds more than one parsed draft)."""

    def __init__(self, items: list[tuple[str, str]], linter):
        self.items, self.linter = items, linter

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Draft]:
        for path, display in self.items:
            try:
                yield read(self.linter, path, display)
            except (DraftError, ValueError):
                continue  # the workers report it


class Texts(Mapping):
    """Each draft's decoded text by shown path, read back from its file when asked for
    (the last one is kept: formats ask finding by finding, file by file)."""

    def __init__(self, sources: dict[str, str]):
        self._files = dict(sources)  # shown path -> file
        self._last: tuple[str | None, str] = (None, "")

    def __getitem__(self, display: str) -> str:
        if self._last[0] != display:
            try:
                self._last = (display, files.read(self._files[display], None, display).text)
            except DraftError:  # gone or changed since it was linted
                raise KeyError(display) from None
        return self._last[1]

    def __contains__(self, display) -> bool:
        return display in self._files

    def __delitem__(self, display: str) -> None:
        del self._files[display]

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)


def jobs() -> int:
    """Worker processes to use: POSTLINT_JOBS, else the cores this process may run on."""
    given = os.environ.get(JOBS_VARIABLE, "")
    if given.isdigit() and int(given) > 0:
        return int(given)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worth_it(names: list[str]) -> bool:
    return "-" not in names and len(names) >= THRESHOLD


def lint(linter, items: list[tuple[str, str]]) -> Report:
    """Lint `(path, shown path)` items in chunks, on workers when there are cores to use."""
    chunks = [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]
    sources, found, errors, again = {}, {}, [], []
    messages: dict[str, str] = {}  # many findings share a message: keep one copy of each
    for results, linter_errors in _map(linter, chunks):
        for display, path, outcome, error, wanted in results:
            if error is not None:
                errors.append((display, error))
            elif display not in sources:
                for finding in outcome[0]:
                    finding.message = messages.setdefault(finding.message, finding.message)
                sources[display], found[display] = path, outcome
                if wanted:
                    again.append((path, display))
        linter.errors += linter_errors
    runs = linter.check_runs(Drafts(again, linter))
    findings: list = []
    for display in list(found):
        own, text = found.pop(display)
        more = runs.get(display, [])
        if text is None:  # finished by the worker: no comment can silence `more`
            own = sort_findings(own + more) if more else own
        else:
            own = linter.finish(Draft.from_bytes(display, text.encode("utf-8")), own + more)
        for finding in own:
            finding.message = messages.setdefault(finding.message, finding.message)
        findings += own
    return Report(findings, len(sources), errors + linter.errors, texts=Texts(sources),
                  sources=sources)


def _map(linter, chunks):
    """Results of each chunk, in order: on a pool of forked workers, else here."""
    import multiprocessing  # only large runs pay for importing it

    global _linter
    _linter = linter
    count = min(jobs(), len(chunks))
    if count > 1 and "fork" in multiprocessing.get_all_start_methods():
        linter.prepare()
        yield from _on_workers(chunks, count, multiprocessing.get_context("fork"))
    else:
        yield from map(_chunk, chunks)


def _on_workers(chunks: list, count: int, context):
    """Results of each chunk, in order, from `count` workers, with a few chunks in
    flight at a time (the parent never holds every chunk's results or calls at once).

    A worker that dies (killed, out of memory) breaks the pool instead of leaving the
    parent waiting for it forever: the chunks it had and those not done yet come back
    as read errors naming the cause, and the rest of the report stands."""
    import signal
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(count, mp_context=context, initializer=signal.signal,
                               initargs=(signal.SIGINT, signal.SIG_IGN))  # (the parent stops them)
    waiting, pending = iter(chunks), deque()
    broken = False

    def submit() -> None:
        for chunk in waiting:
            try:
                pending.append((chunk, None if broken else pool.submit(_chunk, chunk)))
            except (BrokenProcessPool, RuntimeError):
                pending.append((chunk, None))
            return

    try:
        for _ in range(2 * count):
            submit()
        while pending:
            chunk, future = pending.popleft()
            try:
                if future is None:
                    raise BrokenProcessPool
                yield future.result()
            except BrokenProcessPool:
                broken = True
                yield _lost(chunk), []
            submit()
    finally:
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        if broken or pending:  # (stopped early: Ctrl-C, or a worker died)
            for process in processes:
                process.terminate()


LOST = ("not linted: a worker process died while linting the files of its share "
        "(killed, or out of memory?); the other drafts were linted")


def _lost(items: list[tuple[str, str]]) -> list:
    """The results of a chunk no worker finished: a read error for each file."""
    return [(display, path, None, LOST, False) for path, display in items]


def _chunk(items: list[tuple[str, str]]):
    """Read and check one chunk: (shown path, path, (findings, text or None), read error,
    whether the checks that compare drafts want it) per file; the text comes back only
    for a draft the parent must finish."""
    linter = _linter
    outer, linter.errors = linter.errors, []
    results = []
    for path, display in items:
        try:
            draft = read(linter, path, display)
        except (DraftError, ValueError) as exc:
            results.append((display, path, None, str(exc), False))
            continue
        found = linter.check_draft(draft)
        if suppress.parse(draft):
            outcome = (found, draft.text)
        else:
            outcome = (linter.finish(draft, found), None)
        results.append((display, path, outcome, None, linter.wanted_again(draft)))
    errors, linter.errors = linter.errors, outer
    return results, errors
