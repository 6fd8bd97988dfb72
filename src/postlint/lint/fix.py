"""`--fix` and `--diff`: apply the replacements of fixable findings to the files.

Only the spans of fixed findings change: the draft was decoded losslessly (strict UTF-8,
BOM and CRLF kept in `Draft.text` or its `bom` flag), so re-encoding the edited text gives
back every other byte as it was. Fixes are applied in passes (a fix may reveal or settle
another) until nothing is left to fix, so a second run changes nothing. Files are written
atomically: a temporary file in the same folder, flushed to disk, then renamed over the
draft, with the draft's permissions, owner and group. A file with nothing to fix is never
opened for writing.

Nothing is lost or written where it should not be: a draft that changed since it was
read (another program saved it) is planned again from what it holds now, or left as it
is; a symbolic link that leads outside the folder being linted is not followed; a draft
whose owner or group cannot be kept, one that is read-only and one with several hard
links (which a rename would split) are left as they are, with a message, unless
`read_only` or `hard_links` allow them.
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from dataclasses import dataclass, field

from ..load import filesystem
from ..readers import Source
from ..text.draft import BOM, Draft, DraftError
from . import discovery, files
from .report import Finding

MAX_PASSES = 10  # rules that undo each other's fixes stop here instead of looping
ATTEMPTS = 3  # times a draft that keeps changing while it is fixed is planned again


class Changed(Exception):
    """The draft is no longer what was read."""


@dataclass
class Change:
    """What fixing one draft would do: its bytes before and after, and how many fixes."""

    display: str
    path: str
    before: bytes
    after: bytes
    fixes: int

    def diff(self) -> str:
        """A unified diff of the decoded text, named like `git diff` does."""
        old = _decode(self.before).splitlines(keepends=True)
        new = _decode(self.after).splitlines(keepends=True)
        lines = difflib.unified_diff(old, new, f"a/{self.display}", f"b/{self.display}")
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                       for line in lines)


@dataclass
class Outcome:
    """The changes of a run, and the files that could not be fixed (path, message)."""

    changes: list[Change] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def fixes(self) -> int:
        return sum(c.fixes for c in self.changes)

    def summary(self, written: bool) -> str:
        n, files = self.fixes, len(self.changes)
        verb = "Fixed" if written else "Would fix"
        return f"{verb} {n} problem{'s' * (n != 1)} in {files} file{'s' * (files != 1)}."


def choose(findings: list[Finding]) -> list[Finding]:
    """The fixes to apply together: no two overlap. Earlier spans win, then shorter ones,
    then the lower rule code, so the choice never depends on the order of the input."""
    chosen: list[Finding] = []
    end = -1
    for f in sorted(findings, key=lambda f: (f.start, f.end, f.code, f.replacement)):
        if f.replacement is None:
            continue
        if chosen and (f.start, f.end, f.replacement) == (chosen[-1].start, chosen[-1].end,
                                                          chosen[-1].replacement):
            continue  # two rules asking for the same edit
        if f.start < end or (chosen and f.start == f.end == chosen[-1].start == chosen[-1].end):
            continue  # overlaps the previous fix, or a second insertion at the same place
        chosen.append(f)
        end = f.end
    return chosen


def apply(text: str, findings: list[Finding]) -> tuple[str, int]:
    """`text` with the chosen fixes applied, and how many were applied."""
    parts, pos, count = [], 0, 0
    for f in choose(findings):
        if text[f.start:f.end] == f.replacement:
            continue
        parts += [text[pos:f.start], f.replacement]
        pos, count = f.end, count + 1
    parts.append(text[pos:])
    return "".join(parts), count


def plan(linter, display: str, path: str, data: bytes) -> Change | None:
    """What fixing one draft (read as `data`) would change; None when nothing."""
    draft = Draft.from_bytes(display, data)
    text, total = draft.text, 0
    for _ in range(MAX_PASSES):
        fixable = [f for f in linter.lint([draft]) if f.replacement is not None]
        text, count = apply(draft.text, fixable)
        if not count:
            break
        total += count
        draft = Draft.from_bytes(display, _encode(text, draft.bom))
    after = _encode(text, draft.bom)
    return Change(display, path, data, after, total) if after != data else None


def plan_records(linter, reader, display: str, path: str, data: bytes) -> Change | None:
    """What fixing a file of records (a CSV calendar) would change, written back by its
    reader (which refuses when it never writes its files); None when nothing."""
    if not reader.writable:
        raise DraftError(f"{reader.name} files are never written")
    before, total = data, 0
    for _ in range(MAX_PASSES):
        records = reader.read(Source(path, display, files.MAX_BYTES, data))
        edits = []
        for record in records:  # each alone, as `plan` lints each draft alone
            try:
                found = linter.lint([record])
            except ValueError:  # an unknown profile or platform: reported, not fixed
                continue
            text, count = apply(record.text, [f for f in found if f.replacement is not None])
            if count:
                edits.append((record, text))
                total += count
        if not edits:
            break
        data = reader.write(Source(path, display, files.MAX_BYTES, data), edits)
    return Change(display, path, before, data, total) if data != before else None


def run(linter, candidates: dict[str, str], write: bool, hard_links: bool = False,
        read_only: bool = False) -> Outcome:
    """Plan (and with `write`, apply) the fixes of each `display -> path` draft."""
    outcome = Outcome()
    cwd = os.getcwd()
    for display, path in candidates.items():
        try:
            if discovery.outside(path, cwd):
                raise DraftError("it is a symbolic link to a file outside the folder being "
                                 "linted; the file was left as it was")
            reader = files.reader_of(path, getattr(linter, "readers", ()))
            for _ in range(ATTEMPTS):
                data, info = _read(path)
                if reader is not None:
                    change = plan_records(linter, reader, display, path, data)
                else:
                    change = plan(linter, display, path, data)
                if not (change and write):
                    break
                _may_write(info, hard_links, read_only)
                try:
                    write_atomic(path, change.after, (data, info))
                    break
                except Changed:
                    continue
            else:
                raise DraftError("the file kept changing while it was fixed (another program "
                                 "is writing it); it was left as it was: run again")
        except (DraftError, ValueError) as exc:
            outcome.errors.append((display, f"cannot fix: {exc}"))
            continue
        except OSError as exc:
            outcome.errors.append((display, f"cannot fix: {exc.strerror or exc}; "
                                            "the file was left as it was"))
            continue
        if change:
            outcome.changes.append(change)
    return outcome


def _read(path: str) -> tuple[bytes, os.stat_result]:
    """A draft's bytes and what the system says of the file they were read from."""
    try:
        handle = filesystem.open_regular(path)
    except filesystem.NotRegular as exc:
        raise DraftError(str(exc)) from None
    with handle:
        return handle.read(files.MAX_BYTES + 1), os.fstat(handle.fileno())


def _may_write(info: os.stat_result, hard_links: bool, read_only: bool) -> None:
    """DraftError when replacing the file would change more than its bytes."""
    if info.st_nlink > 1 and not hard_links:
        raise DraftError(f"the file has {info.st_nlink} hard links and replacing it would "
                         "split them; it was left as it was (--fix-hard-links fixes it "
                         "anyway)")
    if not info.st_mode & stat.S_IWUSR and not read_only:
        raise DraftError("the file is read-only; it was left as it was (--fix-read-only "
                         "fixes it anyway)")


def candidates(report) -> dict[str, str]:
    """`shown path -> file` of the drafts with a fixable finding (standard input has none)."""
    return {f.path: report.sources[f.path] for f in report.findings
            if f.replacement is not None and f.path in report.sources}


def write_atomic(path: str, data: bytes, expected: tuple[bytes, os.stat_result] | None = None
                 ) -> None:
    """Replace the file at `path` (following links) with `data`, all or nothing, keeping
    its permissions, owner and group; with `expected` (the bytes read and the file's
    stat then), raise Changed instead if the file no longer holds them."""
    target = os.path.realpath(path)
    info = os.stat(target)
    folder, name = os.path.split(target)
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".postlint", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        _keep_owner(temporary, info)
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        if expected is not None and not _unchanged(target, *expected):
            raise Changed(path)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    _sync_folder(folder)


def _keep_owner(temporary: str, info: os.stat_result) -> None:
    """Give the new file the draft's owner and group; DraftError where that is not
    permitted (a rename would hand the draft to whoever runs postlint)."""
    made = os.stat(temporary)
    if (made.st_uid, made.st_gid) == (info.st_uid, info.st_gid) or not hasattr(os, "chown"):
        return
    try:
        os.chown(temporary, info.st_uid, info.st_gid)
    except PermissionError:
        raise DraftError(f"the file belongs to user {info.st_uid}, group {info.st_gid}, "
                         "which a rewritten file could not keep; it was left as it was") \
            from None


def _unchanged(path: str, data: bytes, info: os.stat_result) -> bool:
    """Whether the file at `path` is still the one read as `data` with stat `info`."""
    try:
        now = os.stat(path)
        if (now.st_ino, now.st_size, now.st_mtime_ns) != (info.st_ino, info.st_size,
                                                          info.st_mtime_ns):
            return False
        with open(path, "rb") as handle:
            return handle.read(len(data) + 1) == data
    except OSError:
        return False


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable where the platform allows it."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _encode(text: str, bom: bool) -> bytes:
    return ((BOM if bom else "") + text).encode("utf-8")


def _decode(data: bytes) -> str:
    return data.decode("utf-8", "replace")
