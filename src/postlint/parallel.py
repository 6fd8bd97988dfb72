"""Linting many files on every core, in bounded memory, with the output one process gives.

Large runs are cut into chunks of files, in order. Each worker (a forked copy of the
process, so the compiled rules come along) reads its chunk and runs the post and draft
checks, then drops the drafts and returns the texts and findings. The parent keeps only
the texts: the checks that compare drafts (`scope = "run"`) and the suppression comments
then run over drafts rebuilt from them one at a time, so no run holds every parsed draft.
Chunks come back in order, so findings and errors are in the same order as a serial run.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from typing import Iterator

from . import files
from .draft import Draft, DraftError
from .report import Report

THRESHOLD = 200  # files; below this, starting workers costs more than it saves
CHUNK = 100  # files a worker reads and checks at a time
JOBS_VARIABLE = "POSTLINT_JOBS"  # number of worker processes (1: no workers)

_linter = None  # the parent's Linter, inherited by the forked workers


class Drafts:
    """The readable drafts of `(path, shown path)` items, read again on each pass over
    them (a re-iterable sequence that never holds more than one parsed draft)."""

    def __init__(self, items: list[tuple[str, str]]):
        self.items = items

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Draft]:
        for path, display in self.items:
            try:
                yield files.read(path, None, display)
            except DraftError:
                continue  # the workers report it


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
    texts, sources, found, errors = {}, {}, {}, []
    results = _map(linter, chunks)
    first = next(results)  # the workers are busy now: compare the drafts meanwhile
    runs = linter.check_runs(Drafts(items))
    for results, linter_errors in itertools.chain([first], results):
        for display, path, text, findings, error in results:
            if error is not None:
                errors.append((display, error))
            elif display not in texts:
                texts[display], sources[display], found[display] = text, path, findings
        linter.errors += linter_errors
    findings = []
    for display, text in texts.items():
        draft = Draft.from_bytes(display, text.encode("utf-8"))
        findings += linter.finish(draft, found.pop(display) + runs.get(display, []))
    return Report(findings, len(texts), errors + linter.errors, texts=texts, sources=sources)


def _map(linter, chunks):
    """Results of each chunk, in order: on a pool of forked workers, else here."""
    global _linter
    _linter = linter
    count = min(jobs(), len(chunks))
    if count > 1 and "fork" in multiprocessing.get_all_start_methods():
        with multiprocessing.get_context("fork").Pool(count) as pool:
            yield from pool.imap(_chunk, chunks)
    else:
        yield from map(_chunk, chunks)


def _chunk(items: list[tuple[str, str]]):
    """Read and check one chunk: (shown path, path, text, findings, read error) per file."""
    linter = _linter
    outer, linter.errors = linter.errors, []
    results = []
    for path, display in items:
        try:
            draft = files.read(path, None, display)
            linter.profile_of(draft)
        except (DraftError, ValueError) as exc:
            results.append((display, path, None, None, str(exc)))
            continue
        results.append((display, path, draft.text, linter.check_draft(draft), None))
    errors, linter.errors = linter.errors, outer
    return results, errors
