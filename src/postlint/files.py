"""Which files are drafts, and reading them without ever failing the whole run."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

from .draft import Draft, DraftError

DRAFT_GLOBS = ("*.md", "*.markdown", "*.txt")
MAX_BYTES = 5 * 1024 * 1024  # a long thread is well under 1 MB; more is not a draft


def discover(paths: list[str], include=(), exclude=(), root: Path | None = None) -> list[str]:
    """Files to lint: named files as given, and drafts found below named folders.

    Folders are walked in sorted order without following links; hidden folders are
    skipped. `include`/`exclude` are globs matched against paths relative to `root`
    and against file names.
    """
    include = tuple(include) or DRAFT_GLOBS
    top = os.path.abspath(root or os.getcwd())
    found: list[str] = []
    for given in paths:
        if given == "-" or not os.path.isdir(given):
            found.append(given)
            continue
        for folder, dirs, files in os.walk(given):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                             and not _matches(os.path.join(folder, d), exclude, top))
            for name in sorted(files):
                path = os.path.join(folder, name)
                if _matches(path, include, top) and not _matches(path, exclude, top):
                    found.append(path)
    return list(dict.fromkeys(found))


def _matches(path: str, globs, top: str) -> bool:
    """Whether `path` (relative to the folder `top`, else as given) or its name fits a glob."""
    if not globs:
        return False
    relative = os.path.relpath(os.path.abspath(path), top)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        relative = path
    relative = relative.replace(os.sep, "/")
    name = os.path.basename(path)
    return any(fnmatch.fnmatch(relative, g) or fnmatch.fnmatch(name, g)
               or fnmatch.fnmatch(relative, g.rstrip("/") + "/*") for g in globs)


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
            data = handle.read(MAX_BYTES + 1)  # the file may have grown since
        if len(data) > MAX_BYTES:
            raise DraftError(f"file is more than the {MAX_BYTES // 1024 // 1024} MB a draft may be")
    except FileNotFoundError:
        raise DraftError("no such file") from None
    except OSError as exc:
        raise DraftError(f"cannot read: {exc.strerror or exc}") from None
    return Draft.from_bytes(name, data)
