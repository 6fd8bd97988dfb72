"""Which files are drafts, and reading them without ever failing the whole run."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

from ..text.draft import Draft, DraftError
from ..readers import Source

DRAFT_GLOBS = ("*.md", "*.markdown", "*.txt")
MAX_BYTES = 5 * 1024 * 1024  # a long thread is well under 1 MB; more is not a draft


def discover(paths: list[str], include=(), exclude=(), root: Path | None = None,
             readers=()) -> list[str]:
    """Files to lint: named files as given, and drafts found below named folders (a
    folder a reader claims, such as an unpacked data export, is one input).

    Folders are walked in sorted order without following links; hidden folders are
    skipped. `include`/`exclude` are globs matched against paths relative to `root`
    and against file names; without `include`, drafts and the files of the `readers`
    that want to be found in folders (`Reader.in_folders`).
    """
    include = tuple(include) or DRAFT_GLOBS + tuple(
        p for reader in readers if reader.in_folders() for p in reader.patterns)
    cwd = os.getcwd()  # (once: each call is a system call)
    top = os.path.abspath(root or cwd)
    found: list[str] = []
    for given in paths:
        if given == "-" or not os.path.isdir(given) or any(
                reader.claims(given) for reader in readers):  # (an unpacked data export)
            found.append(given)
            continue
        for folder, dirs, files in os.walk(given):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                             and not _matches(os.path.join(folder, d), exclude, top, cwd))
            for name in sorted(files):
                path = os.path.join(folder, name)
                if _matches(path, include, top, cwd) and not _matches(path, exclude, top, cwd):
                    found.append(path)
    return list(dict.fromkeys(found))


def _matches(path: str, globs, top: str, cwd: str) -> bool:
    """Whether `path` (relative to the folder `top`, else as given) or its name fits a glob."""
    if not globs:
        return False
    name = os.path.basename(path)
    if any(fnmatch.fnmatch(name, g) for g in globs):  # (the usual case: no path needed)
        return True
    relative = os.path.relpath(os.path.normpath(os.path.join(cwd, path)), top)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        relative = path
    relative = relative.replace(os.sep, "/")
    return any(fnmatch.fnmatch(relative, g) or fnmatch.fnmatch(relative, g.rstrip("/") + "/*")
               for g in globs)


def reader_of(path: str, readers):
    """The reader that claims `path` (standard input is always a draft), else None."""
    if not path or path == "-":
        return None
    return next((reader for reader in readers if reader.claims(path)), None)


def read_all(path: str, stdin_bytes: bytes | None = None, display: str | None = None,
             readers=()) -> list[Draft]:
    """The drafts of a file: the records of the reader that claims it, else the draft."""
    reader = reader_of(path, readers)
    if reader is None:
        return [read(path, stdin_bytes, display)]
    return reader.read(Source(path, display or path, MAX_BYTES))


def read(path: str, stdin_bytes: bytes | None = None, display: str | None = None) -> Draft:
    """A Draft from a file (or standard input); DraftError with a clear message otherwise."""
    name = display or path
    if path == "-":
        if len(stdin_bytes or b"") > MAX_BYTES:
            raise DraftError(f"standard input is more than the {MAX_BYTES // 1024 // 1024} MB"
                             " a draft may be")
        return Draft.from_bytes(name, stdin_bytes or b"")
    try:
        if os.path.isdir(path):
            raise DraftError("is a folder")
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise DraftError(f"file is {size // 1024 // 1024} MB, more than the "
                             f"{MAX_BYTES // 1024 // 1024} MB a draft may be")
        with open(path, "rb") as handle:
            # (not read(MAX_BYTES + 1) at once: that allocates 5 MB for every draft)
            data = handle.read(size + 1)
            if len(data) > size:  # it has grown since: read on, up to the limit
                data += handle.read(MAX_BYTES + 1 - len(data))
        if len(data) > MAX_BYTES:
            raise DraftError(f"file is more than the {MAX_BYTES // 1024 // 1024} MB a draft may be")
    except FileNotFoundError:
        raise DraftError("no such file") from None
    except OSError as exc:
        raise DraftError(f"cannot read: {exc.strerror or exc}") from None
    return Draft.from_bytes(name, data)
