"""What postlint works out from config and rule files, kept between runs so that the next
run skips it.

One JSON file per kind of entry in the cache folder: `$POSTLINT_CACHE_DIR`, else
`$XDG_CACHE_HOME/postlint`, else `~/.cache/postlint`; an empty `POSTLINT_CACHE_DIR`
turns the cache off. Each file is stamped by the code that made its entries and keyed by
their input, so an entry is never out of date; a file that cannot be read, or that other
code made, is ignored, and one that cannot be written is not. A run writes its file once,
at exit, whole (a temporary file, then a rename): runs at the same time never see half a
file, and at worst one run's new entries are lost.
"""

from __future__ import annotations

import atexit
import json
import os
from functools import cached_property

MISSING = object()
MAX_BYTES = 16 * 1024 * 1024  # a file the limits on entries keep far smaller


def folder() -> str | None:
    configured = os.environ.get("POSTLINT_CACHE_DIR")
    if configured is not None:
        return configured or None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "postlint")


def code_stamp(*files: str) -> str:
    """A stamp for entries made by the code in `files`: the size and time of each."""
    stamps = []
    for name in files:
        try:
            code = os.stat(name)
            stamps.append(f"{code.st_size}:{code.st_mtime_ns}")
        except OSError:
            stamps.append("?")
    return " ".join(stamps)


class Store:
    """Entries of one kind (`name`), made by code identified by `stamp`; past `limit`
    entries, a run starts the file afresh."""

    def __init__(self, name: str, stamp: str, limit: int = 5_000):
        self.name, self.stamp, self.limit = name, stamp, limit
        self._added = False

    def _path(self) -> str | None:
        where = folder()
        return where and os.path.join(where, f"{self.name}.json")

    @cached_property
    def _entries(self) -> dict:
        """The file's entries, read on first use ({} if it is missing, damaged or other
        code's)."""
        path = self._path()
        if path is None:
            return {}
        try:
            with open(path, encoding="utf-8") as handle:
                if os.fstat(handle.fileno()).st_size > MAX_BYTES:  # not one of ours
                    return {}
                data = json.load(handle)
            if data.get("stamp") == self.stamp and isinstance(data.get("entries"), dict):
                return data["entries"]
        except (OSError, TypeError, ValueError, AttributeError):
            pass
        return {}

    def get(self, key: str):
        return self._entries.get(key, MISSING)

    def put(self, key: str, value) -> None:
        if len(self._entries) >= self.limit and key not in self._entries:
            self._entries = {}
        self._entries[key] = value
        if not self._added:
            self._added = True
            _unsaved.append(self)

    def save(self) -> None:
        """Write the entries if this run added some; say nothing if that fails."""
        path = self._path()
        if not self._added or path is None:
            return
        temporary = f"{path}.{os.getpid()}.tmp"  # (this process's own)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(temporary, "w", encoding="utf-8") as out:
                json.dump({"stamp": self.stamp, "entries": self._entries}, out)
            os.replace(temporary, path)
            self._added = False
        except OSError:
            try:
                os.unlink(temporary)
            except OSError:
                pass


_unsaved: list[Store] = []


@atexit.register
def save_all() -> None:
    """Write what the stores added (at exit, or before a hard exit)."""
    while _unsaved:
        _unsaved.pop().save()
