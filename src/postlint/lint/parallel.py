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

import bisect
import dataclasses
import gc
import operator
import os
from collections.abc import Mapping, Sequence
from typing import Iterable, Iterator

from ..load import cache
from ..text import suppress
from ..text.draft import Draft, DraftError
from . import files
from .engine import key_of, sort_findings
from .report import Finding, Report

THRESHOLD = 200  # files; below this, starting workers costs more than it saves
CHUNK = 100  # files a worker reads and checks at a time
JOBS_VARIABLE = "POSTLINT_JOBS"  # number of worker processes (1: no workers)

RECORDS_THRESHOLD = 2_000  # drafts held in memory (records); below this, one process
RECORD_CHUNK = 500  # records a worker checks at a time

_linter = None  # the parent's Linter, inherited by the forked workers
_names: list[str] = []  # the files `lint` lints, inherited by the workers
_shown = None  # gives a file's shown path (see `lint`)
_held: Sequence | None = None  # the drafts `lint_held` lints, inherited by the workers


_FIELDS = operator.attrgetter(*(f.name for f in dataclasses.fields(Finding)))


def packed(findings: list[Finding]) -> list[tuple]:
    """Findings as plain tuples, which pass between processes several times faster than
    the objects (see `unpacked`)."""
    return list(map(_FIELDS, findings))


def unpacked(rows: list[tuple], messages: dict[str, str], path: str | None = None
             ) -> list[Finding]:
    """The findings of `packed` rows; many findings share a message: one copy is kept
    of each (in `messages`), and those on `path` (the draft's) share that string."""
    findings = [Finding(*row) for row in rows]
    for finding in findings:
        finding.message = messages.setdefault(finding.message, finding.message)
        if finding.path == path:
            finding.path = path
    return findings


def read(linter, path: str, display: str) -> Draft:
    """A draft the linter accepts (known profile and platforms); DraftError or ValueError."""
    draft = files.read(path, None, display)
    linter.accept(draft)
    return draft


class Drafts:
    """The readable drafts of files, each shown as `shown(path)` says, read again on
    each pass over them (a re-iterable sequence that never holds more than one parsed
    draft)."""

    def __init__(self, paths, linter, shown):
        self.paths, self.linter, self.shown = paths, linter, shown

    def __len__(self) -> int:
        return len(self.paths)

    def __iter__(self) -> Iterator[Draft]:
        for path in self.paths:
            try:
                yield read(self.linter, path, self.shown(path))
            except (DraftError, ValueError):
                continue  # the workers report it


class Own(Mapping):
    """Shown path -> file of the files read, in order, when every file is shown by its
    own path (the usual case): a view of the file list, less the files that could not be
    read, with no entry for each file until one is looked up."""

    def __init__(self, paths: list[str]):
        self._paths, self.unread = paths, set()
        self._index: set[str] | None = None

    def __getitem__(self, shown: str) -> str:
        if self._index is None:
            self._index = set(self)
        if shown not in self._index:
            raise KeyError(shown)
        return shown

    def __iter__(self) -> Iterator[str]:
        unread = self.unread
        return (path for path in self._paths if path not in unread)

    def __len__(self) -> int:
        return len(self._paths) - len(self.unread)


class Texts(Mapping):
    """Each draft's decoded text by shown path, read back from its file when asked for
    (the last one is kept: formats ask finding by finding, file by file)."""

    def __init__(self, sources: Mapping[str, str]):
        self._files = sources  # shown path -> file (the report's own, not a copy)
        self._gone: set[str] = set()  # deleted from this view only
        self._last: tuple[str | None, str] = (None, "")

    def __getitem__(self, display: str) -> str:
        if display in self._gone:
            raise KeyError(display)
        if self._last[0] != display:
            try:
                self._last = (display, files.read(self._files[display], None, display).text)
            except DraftError:  # gone or changed since it was linted
                raise KeyError(display) from None
        return self._last[1]

    def __contains__(self, display) -> bool:
        return display in self._files and display not in self._gone

    def __delitem__(self, display: str) -> None:
        if display not in self:
            raise KeyError(display)
        self._gone.add(display)

    def __iter__(self) -> Iterator[str]:
        return (display for display in self._files if display not in self._gone)

    def __len__(self) -> int:
        return len(self._files) - len(self._gone)


def jobs_problem() -> str | None:
    """Why POSTLINT_JOBS is no number of workers (checked as a run starts, since only a
    large run reads it), or None."""
    given = os.environ.get(JOBS_VARIABLE, "").strip()
    if given and not (given.isdigit() and int(given) > 0):
        return (f"expected a whole number of worker processes, 1 or more (1: none), "
                f"got {given!r}")
    return None


def jobs() -> int:
    """Worker processes to use: POSTLINT_JOBS, else the cores this process may run on."""
    given = os.environ.get(JOBS_VARIABLE, "").strip()
    if given.isdigit() and int(given) > 0:
        return int(given)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worth_it(names: list[str]) -> bool:
    return "-" not in names and len(names) >= THRESHOLD


def lint(linter, paths: list[str], shown) -> Report:
    """Lint files in chunks, on workers when there are cores to use; `shown(path)` is
    the path a file is reported by (one string with `path` when they are equal).

    The checks that compare drafts take the drafts they want as each chunk comes back,
    while the workers go on with the next chunks (see `Arriving`). A chunk is a range
    of `paths`, which the workers inherit."""
    global _names, _shown
    _names, _shown = paths, shown
    chunks = [(i, min(i + CHUNK, len(paths))) for i in range(0, len(paths), CHUNK)]
    arriving = Arriving(linter, chunks, _map(linter, chunks), paths, shown)
    outer, linter.errors = linter.errors, []  # (the run checks' own)
    try:
        runs = linter.check_runs(arriving)
        arriving.drain()
    finally:
        arriving.results.close()  # (stops the workers if a run check failed)
        linter.errors = outer + arriving.linter_errors + linter.errors
        _names, _shown = [], None
    found, unfinished, sources = arriving.found, arriving.unfinished, arriving.sources
    findings: list = []
    for display in sources:
        own, text = found.pop(display, ()), unfinished.pop(display, None)
        more = runs.pop(display, ())
        if not own and not more and text is None:  # (most drafts)
            continue
        if text is None:  # finished by the worker: no comment can silence `more`
            own = sort_findings([*own, *more]) if more else own
        else:
            own = linter.finish(Draft.from_bytes(display, text.encode("utf-8")),
                                [*own, *more])
        for finding in own:  # (the run checks' and suppression checks' too)
            finding.message = arriving.messages.setdefault(finding.message, finding.message)
        findings += own
    return Report(findings, len(sources), arriving.errors + linter.errors, texts=Texts(sources),
                  sources=sources, unread=len(arriving.errors))


class _Passes:
    """Passes over what the checks that compare drafts want, as results come back: the
    first takes each chunk's as it arrives (`_arrivals`), while the workers go on with
    the next; a later pass takes them all again (`again`), once every chunk is in."""

    again: list
    _passes = 0

    def _arrivals(self) -> Iterator:
        raise NotImplementedError

    def drain(self) -> None:
        """Take every chunk not taken yet."""
        for _ in self._arrivals():
            pass

    def _pass(self) -> Iterable:
        self._passes += 1
        if self._passes == 1:
            return self._arrivals()
        self.drain()
        return self.again

    def __len__(self) -> int:
        self.drain()
        return len(self.again)


class Arriving(_Passes):
    """The chunks' results as they come back, and the files the checks that compare
    drafts want, read again on each pass (see `_Passes`)."""

    def __init__(self, linter, chunks: list[tuple[int, int]], results, paths: list[str],
                 shown):
        self.linter, self.chunks, self.results = linter, chunks, results
        self.paths, self.shown = paths, shown
        self.found, self.errors, self.linter_errors = {}, [], []
        # (a file shown by another path may share it with another file: the first counts)
        self.own = all(shown(path) is path for path in paths)
        self.sources: Mapping[str, str] = Own(paths) if self.own else {}
        self.unfinished: dict[str, str] = {}  # shown path -> text, of drafts to finish here
        self.again: list[str] = []  # the paths wanted again
        self.messages: dict[str, str] = {}  # many findings share a message: one copy each

    def _take(self, span, results, linter_errors) -> list[str]:
        """Keep the results of one chunk (a range of the paths); the paths wanted again.
        (Only a draft with findings or to finish here is noted beyond its name.)"""
        wanted_here = []
        for path, (outcome, error, wanted) in zip(self.paths[span[0]:span[1]], results):
            display = self.shown(path)
            if error is not None:
                self.errors.append((display, error))
                if self.own:
                    self.sources.unread.add(path)
            elif self.own or display not in self.sources:
                if not self.own:
                    self.sources[display] = path
                if outcome[0]:
                    self.found[display] = unpacked(outcome[0], self.messages, display)
                if outcome[1] is not None:
                    self.unfinished[display] = outcome[1]
                if wanted:
                    wanted_here.append(path)
        self.again += wanted_here
        self.linter_errors += linter_errors
        return wanted_here

    def _arrivals(self) -> Iterator[str]:
        for span, chunk in zip(self.chunks, self.results):
            yield from self._take(span, *chunk)

    def __iter__(self) -> Iterator[Draft]:
        return iter(Drafts(self._pass(), self.linter, self.shown))


def _map(linter, chunks, work=None, lost=None):
    """Results of each chunk (by `work`, default: read and check files), in order: on a
    pool of forked workers, else here; `lost` gives the results of a chunk whose worker
    died (default: a read error for each file)."""
    import multiprocessing  # only large runs pay for importing it

    global _linter
    _linter = linter
    count = min(jobs(), len(chunks))
    if count > 1 and "fork" in multiprocessing.get_all_start_methods():
        linter.prepare()
        cache.taken()  # (the workers send back only what they add)
        # what the workers inherit stays out of the collector's sight: no full collection
        # traverses it, in the workers (copying its pages) or here; the garbage goes
        # first (reading an export leaves about 100 MB in cycles, which a freeze would
        # keep for good, in every worker)
        gc.collect()
        gc.freeze()
        try:
            yield from _on_workers(chunks, count, multiprocessing.get_context("fork"), work,
                                   lost)
        finally:
            gc.unfreeze()
    else:
        yield from map(work or _chunk, chunks)


def _on_workers(chunks: list, count: int, context, work=None, lost=None):
    """Results of each chunk, in order, from `count` workers, with a few chunks in
    flight at a time (the parent never holds every chunk's results or calls at once).

    A worker that dies (killed, out of memory) breaks the pool instead of leaving the
    parent waiting for it forever: the chunks it had and those not done yet come back
    as read errors naming the cause, and the rest of the report stands."""
    import signal
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    work, lost = work or _chunk, lost or _lost
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(count, mp_context=context, initializer=signal.signal,
                               initargs=(signal.SIGINT, signal.SIG_IGN))  # (the parent stops them)
    waiting, pending = iter(chunks), deque()
    broken = False

    def submit() -> None:
        for chunk in waiting:
            try:
                pending.append((chunk, None if broken else pool.submit(_kept, work, chunk)))
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
                result, entries = future.result()
                cache.give(entries)
                yield result
            except BrokenProcessPool:
                broken = True
                yield lost(chunk)
            submit()
    finally:
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        # (idle or not: a worker left waiting for work once this process has gone would
        # wait forever, the others holding its queue open, and keep a pipe such as
        # `postlint ... | tail` open with it)
        for process in processes:
            process.terminate()


def _kept(work, chunk):
    """`work(chunk)` on a worker, and what it added to the cache (for the parent to
    keep)."""
    return work(chunk), cache.taken()


LOST = ("not linted: a worker process died while linting the files of its share "
        "(killed, or out of memory?); the other drafts were linted")


def _lost(span: tuple[int, int]) -> tuple[list, list]:
    """The results of a chunk of files no worker finished: a read error for each."""
    return [(None, LOST, False)] * (span[1] - span[0]), []


def _lost_held(span: tuple[int, int]) -> tuple[list, list]:
    """The results of a range of held drafts no worker finished: an error naming them."""
    first = _held[span[0]]
    where = f"records {span[0] + 1}-{span[1]}" if span[1] - span[0] > 1 else "a record"
    return [], [(first.path, f"{where}: {LOST}")]


def _chunk(span: tuple[int, int]):
    """Read and check one chunk, a range of the paths: ((findings, text or None), read
    error, whether the checks that compare drafts want it) for each file, in order; the
    text comes back only for a draft the parent must finish."""
    linter = _linter
    outer, linter.errors = linter.errors, []
    results = []
    with linter.budget.watching():  # (the timer armed once for the chunk, not per draft)
        for path in _names[span[0]:span[1]]:
            try:
                draft = read(linter, path, _shown(path))
            except (DraftError, ValueError) as exc:
                results.append((None, str(exc), False))
                continue
            found = linter.check_draft(draft)
            if suppress.parse(draft):
                outcome = (packed(found), draft.text)
            else:
                outcome = (packed(linter.finish(draft, found)), None)
            results.append((outcome, None, linter.wanted_again(draft)))
    errors, linter.errors = linter.errors, outer
    return results, errors


class Chain(Sequence):
    """Several sequences of drafts as one, without copying them (an export's records
    are made one at a time as they are asked for; see `readers.archive`)."""

    def __init__(self, groups: list[Sequence], has_records: bool = False):
        self.groups = [g for g in groups if len(g)]
        self.has_records = has_records  # (whether some are records: see Linter.check_runs)
        self._starts, total = [], 0
        for group in self.groups:
            self._starts.append(total)
            total += len(group)
        self._len = total

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, index: int):
        if index < 0:
            index += self._len
        if not 0 <= index < self._len:
            raise IndexError(index)
        group = bisect.bisect_right(self._starts, index) - 1
        return self.groups[group][index - self._starts[group]]

    def __iter__(self):
        for group in self.groups:
            yield from group


def worth_holding(drafts: Sequence) -> bool:
    """Whether drafts held in memory are many enough to lint on workers."""
    return len(drafts) >= RECORDS_THRESHOLD and jobs() > 1


def lint_held(linter, drafts: Sequence) -> list:
    """The findings of drafts held in memory (records of calendars and exports), the same
    and in the same order as `linter.lint(drafts)` gives: workers forked after reading
    inherit `drafts` and check index ranges of it, finishing each record without
    suppression comments; the parent runs the checks that compare drafts over the ones
    they want as the ranges come back (`HeldArriving`), then finishes the rest."""
    global _held
    _held = drafts
    chunks = [(i, min(i + RECORD_CHUNK, len(drafts))) for i in range(0, len(drafts),
                                                                    RECORD_CHUNK)]
    arriving = HeldArriving(linter, drafts, _map(linter, chunks, _held_chunk, _lost_held))
    try:
        runs = linter.check_runs(arriving)
        arriving.drain()
    finally:
        arriving.results.close()  # (stops the workers if a run check failed)
        _held = None
    findings: list = []
    for index, key, own, finished in arriving.done:
        more = runs.pop(key, [])
        if finished:
            findings += sort_findings(own + more) if more else own
        else:
            findings += linter.finish(drafts[index], own + more)
    return findings


class HeldArriving(_Passes):
    """The held drafts the checks that compare drafts want, as their index ranges come
    back from the workers (see `_Passes`; a later pass makes them again from their
    indexes)."""

    def __init__(self, linter, drafts: Sequence, results):
        self.linter, self.drafts, self.results = linter, drafts, results
        self.has_records = getattr(drafts, "has_records", None)
        self.done: list = []  # (index, key, findings, finished) of drafts to report
        self.again: list[int] = []  # the indexes wanted again
        self.messages: dict[str, str] = {}  # many findings share a message: one copy each

    def _arrivals(self) -> Iterator[int]:
        for results, linter_errors in self.results:
            wanted = []
            for index, key, own, finished, want in results:
                if own or not finished or want:  # (else it has nothing to report)
                    self.done.append((index, key, unpacked(own, self.messages), finished))
                if want:
                    wanted.append(index)
            self.again += wanted
            self.linter.errors += linter_errors
            yield from wanted

    def __iter__(self):
        return (self.drafts[index] for index in self._pass())


def _held_chunk(span: tuple[int, int]):
    """Check the held drafts of one index range: (index, key, findings, finished,
    whether the checks that compare drafts want it) each."""
    linter, drafts = _linter, _held
    outer, linter.errors = linter.errors, []
    results = []
    for index in range(*span):
        draft = drafts[index]
        found = linter.check_draft(draft)
        finished = not suppress.parse(draft)
        if finished:
            found = linter.finish(draft, found)
        results.append((index, key_of(draft), packed(found), finished,
                        linter.wanted_again(draft)))
    errors, linter.errors = linter.errors, outer
    return results, errors
