"""Which files are drafts, and reading them without ever failing the whole run."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

from ..text.draft import Draft, DraftError

DRAFT_GLOBS = ("*.md", "*.markdown", "*.txt")
MAX_BYTES = 5 * 1024 * 1024  # a long thread is well under 1 MB; more is not a draft


def discover(paths: list[str], include=(), exclude=(), root: Path | None = None) -> list[str]:
    """Files to lint: named files as given, and drafts found below named folders.

    Folders are walked in sorted order without following links; hidden folders are
    skipped. `include`/`exclude` are globs matched against paths relative to `root`
    and against file names.
    """
    include = tuple(include) or DRAFT_GLOBS
    cwd = os.getcwd()  # (once: each call is a system call)
    top = os.path.abspath(root or cwd)
    found: list[str] = []
    for given in paths:
        if given == "-" or not os.path.isdir(given):
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
