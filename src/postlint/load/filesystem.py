"""Reading files that someone else may have made, and printing their names.

Every file postlint reads (drafts, config, rule, profile, platform and cache files) goes
through `read_bytes`: it opens without blocking (a FIFO would wait for a writer forever),
checks that what it opened is a regular file (not a FIFO, socket, device or folder, which
a symbolic link may point to: `/dev/zero` never ends), and never reads more than a cap.
`printable` makes a file name safe to print in any format: a newline in a name cannot
start a line of its own (`::error` in a GitHub log), nor a byte that is not UTF-8 break
a JSON or XML report.
"""

from __future__ import annotations

import os
import re
import stat

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"))
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
    | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


class NotRegular(OSError):
    """What was opened is not a regular file; the message says what it is."""


class TooLarge(OSError):
    """The file holds more than the cap; `size` is its size when known, else None."""

    def __init__(self, size: int | None):
        super().__init__(f"file is larger than allowed ({size} bytes)")
        self.size = size


def kind(mode: int) -> str | None:
    """What a file of this `st_mode` is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def open_regular(path):
    """The regular file at `path` (links followed), opened to read bytes, without
    blocking on a FIFO; NotRegular when it is none."""
    handle = os.open(path, _FLAGS)
    try:
        what = kind(os.fstat(handle).st_mode)
        if what is not None:
            raise NotRegular(f"is {what}, not a regular file")
    except BaseException:
        os.close(handle)
        raise
    return os.fdopen(handle, "rb")


def read_bytes(path, limit: int) -> bytes:
    """The bytes of the regular file at `path` (links followed), at most `limit` of them.

    Raises NotRegular (a folder, FIFO, socket or device), TooLarge (more than `limit`
    bytes, also when the file grows while it is read) or another OSError."""
    handle = os.open(path, _FLAGS)
    try:
        info = os.fstat(handle)
        what = kind(info.st_mode)
        if what is not None:
            raise NotRegular(f"is {what}, not a regular file")
        if info.st_size > limit:
            raise TooLarge(info.st_size)
        # (not read(limit + 1) at once: that allocates the whole cap for every file)
        chunks, total = [], 0
        want = info.st_size + 1
        while total <= limit:
            chunk = os.read(handle, min(want, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            want = 64 * 1024  # it has grown since it was looked at: read on, to the cap
        if total > limit:
            raise TooLarge(None)
        return b"".join(chunks)
    finally:
        os.close(handle)


def read_text(path, limit: int, encoding: str = "utf-8-sig") -> str:
    """`read_bytes` decoded (strictly: UnicodeDecodeError for bytes that are not text)."""
    return read_bytes(path, limit).decode(encoding)


# Characters that must not reach a terminal, a log or a report as they are: control
# characters (a newline forges a line), line and paragraph separators, the controls that
# reorder text (bidirectional overrides), and lone surrogates (bytes of a name that are
# not UTF-8, as Python decodes them).
_UNSAFE = ("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
           "\u2066-\u2069\ud800-\udfff]")  # (compiled when a name needs it)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(name: str) -> str:
    """`name` with every character that could forge output or break a format escaped
    (`\\n`, `\\x1b`, `\\xe9` for a byte that is not UTF-8, `\\u202e`)."""
    if name.isascii() and name.isprintable():  # (most names: no pattern to compile)
        return name
    unsafe = re.compile(_UNSAFE)  # (kept by `re`)
    if unsafe.search(name) is None:
        return name
    return unsafe.sub(_escape, name)
