"""Reading drafts without ever failing the whole run (which files are drafts: `discovery`)."""

from __future__ import annotations

from ..text.draft import Draft, DraftError
from ..readers import Source

MAX_BYTES = 5 * 1024 * 1024  # a long thread is well under 1 MB; more is not a draft


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
    data = Source(path, name, MAX_BYTES, most="a draft may be").data()
    return Draft.from_bytes(name, data)
