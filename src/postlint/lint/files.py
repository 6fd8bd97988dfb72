"""Which files are drafts, and reading them without ever failing the whole run."""

from __future__ import annotations

import fnmatch
import os
import stat
from pathlib import Path

from ..load import filesystem
from ..text.draft import Draft, DraftError

DRAFT_GLOBS = ("*.md", "*.markdown", "*.txt")
MAX_BYTES = 5 * 1024 * 1024  # a long thread is well under 1 MB; more is not a draft


def discover(paths: list[str], include=(), exclude=(), root: Path | None = None,
             skipped: list | None = None) -> list[str]:
    """Files to lint: named files as given, and drafts found below named folders.

    Folders are walked in sorted order without following links; hidden folders are
    skipped. `include`/`exclude` are globs matched against paths relative to `root`
    and against file names. What is not a draft to read is left out, with the reason
    in `skipped` as `(path, reason)`: below a folder, what is not a regular file (a
    FIFO, socket or device); anywhere, a symbolic link to a file outside the folder
    being linted (the folder named, or the current folder for a named file).
    """
    include = tuple(include) or DRAFT_GLOBS
    cwd = os.getcwd()  # (once: each call is a system call)
    top = os.path.abspath(root or cwd)
    found: list[str] = []
    for given in paths:
        if given == "-" or not os.path.isdir(given):
            reason = given != "-" and outside(given, cwd)
            if reason:
                _skip(skipped, given, reason)
            else:
                found.append(given)
            continue
        for folder, dirs, files in os.walk(given):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                             and not _matches(os.path.join(folder, d), exclude, top, cwd))
            for name in sorted(files):
                path = os.path.join(folder, name)
                if _matches(path, include, top, cwd) and not _matches(path, exclude, top, cwd):
                    reason = _not_a_draft(path, given)
                    if reason:
                        _skip(skipped, path, reason)
                    else:
                        found.append(path)
    return list(dict.fromkeys(found))


def _skip(skipped: list | None, path: str, reason: str) -> None:
    if skipped is not None:
        skipped.append((path, reason))


def _not_a_draft(path: str, folder: str) -> str | None:
    """Why a file found below `folder` is no draft to read (None: it may be one; one
    that cannot be looked at is read, and the reading reports it)."""
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):  # (a walk meets few links: look at those only)
            reason = outside(path, folder)
            if reason:
                return reason
            info = os.stat(path)
    except OSError:
        return None
    what = filesystem.kind(info.st_mode)
    return what and f"{what}, not a regular file"


def outside(path: str, folder: str) -> str | None:
    """Why `path` is not read: it is a symbolic link to a file outside `folder` (and
    outside its own folder), which a draft from someone else must not make postlint
    show or rewrite."""
    if not os.path.islink(path):
        return None
    real = os.path.realpath(path)
    for top in {os.path.realpath(folder), os.path.realpath(os.path.dirname(path) or ".")}:
        if real.startswith(top.rstrip(os.sep) + os.sep):
            return None
    return "a symbolic link to a file outside the folder being linted"


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
        data = filesystem.read_bytes(path, MAX_BYTES)
    except filesystem.TooLarge as exc:
        size = f" {exc.size // 1024 // 1024} MB," if exc.size else ""
        raise DraftError(f"file is{size} more than the {MAX_BYTES // 1024 // 1024} MB a "
                         "draft may be") from None
    except filesystem.NotRegular as exc:
        raise DraftError(str(exc)) from None
    except FileNotFoundError:
        raise DraftError("no such file") from None
    except OSError as exc:
        raise DraftError(f"cannot read: {exc.strerror or exc}") from None
    return Draft.from_bytes(name, data)
