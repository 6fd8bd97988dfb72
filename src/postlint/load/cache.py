"""What postlint works out from config and rule files, kept between runs so that the next
run skips it.

One file per kind of entry in the cache folder: `$POSTLINT_CACHE_DIR`, else
`$XDG_CACHE_HOME/postlint`, else `~/.cache/postlint`; an empty `POSTLINT_CACHE_DIR`
turns the cache off. Each file is stamped by the code that made its entries and keyed by
their input, so an entry is never out of date; a file that cannot be read, or that other
code made, is ignored, and one that cannot be written is not. A run writes its file once,
at exit, whole (a temporary file, then a rename): runs at the same time never see half a
file, and at worst one run's new entries are lost. An entry the folder lacks is looked
up in the seed the package ships (`SEED`: what a first run of the built-in rules
computes), so that a first run is not much slower than the next. The folder's files are
in `marshal`'s format, which a run reads many times faster than JSON (it holds only plain
values, and loading one never runs code); the seed is JSON, to be read in review.

What the cache holds decides what postlint reports, so (as ssh does with its keys) a
cache folder that another user owns, or that others may write to, is not used (the run
says so once, on standard error), nor is a file in it that others could have changed;
the folder is made readable by its owner only, and its files 0600.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import marshal
import os
import stat
import sys
from functools import cached_property

from . import filesystem

MISSING = object()
MAX_BYTES = 16 * 1024 * 1024  # a file the limits on entries keep far smaller


def folder() -> str | None:
    configured = os.environ.get("POSTLINT_CACHE_DIR")
    if configured is not None:
        return configured or None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "postlint")


_verdicts: dict[str, bool] = {}  # folder -> whether it may be used (asked once a run)


def usable(where: str) -> bool:
    """Whether the cache folder `where` may be trusted: missing (it will be made), or a
    folder the user owns that nobody else may write to. Says why not, once."""
    if where not in _verdicts:
        problem = _problem(where)
        if problem:
            print(f"postlint: not using the cache folder {filesystem.printable(where)}: "
                  f"{problem}", file=sys.stderr)
        _verdicts[where] = problem is None
    return _verdicts[where]


def _problem(where: str) -> str | None:
    try:
        info = os.stat(where)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot look at it ({exc.strerror or exc})"
    if not stat.S_ISDIR(info.st_mode):
        return "it is not a folder"
    return _unsafe(info, "folder", where)


def _unsafe(info: os.stat_result, what: str, where: str) -> str | None:
    """Why a cache folder or file (`info`) may have been changed by someone else."""
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return f"the {what} belongs to another user (uid {info.st_uid})"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return (f"others may write to the {what} (make it yours alone: chmod go-w "
                f"{filesystem.printable(where)})")
    return None


def code_stamp(*files: str) -> str:
    """A stamp for entries made by the code in `files`: a hash of each file's bytes (the
    same in every installation of that code, so the seed can carry entries)."""
    stamps = []
    for name in files:
        try:
            with open(name, "rb") as code:
                stamps.append(hashlib.blake2b(code.read(), digest_size=8).hexdigest())
        except OSError:
            stamps.append("?")
    return " ".join(stamps)


def data_stamp(*files: str) -> str:
    """A stamp for entries made from the data in `files`, by their sizes (hashing large
    data files each run would cost more than the entries save)."""
    sizes = []
    for name in files:
        try:
            sizes.append(str(os.path.getsize(name)))
        except OSError:
            sizes.append("?")
    return " ".join(sizes)


# What a first run of the built-in rules computes, shipped with the package (written by
# scripts/gen_cache_seed.py): one file per kind, as in the cache folder. An entry is
# used only when its file's stamp is the stamp of the code now installed.
SEED = os.path.join(os.path.dirname(__file__), "seed")


class Store:
    """Entries of one kind (`name`), made by code identified by `stamp`; past `limit`
    entries, a run starts the file afresh."""

    def __init__(self, name: str, stamp: str, limit: int = 5_000):
        self.name, self.stamp, self.limit = name, stamp, limit
        self._added = False
        self._new: dict = {}  # added since `taken` last asked
        _stores[name] = self

    def _path(self) -> str | None:
        where = folder()
        if not where or not usable(where):
            return None
        return os.path.join(where, f"{self.name}.marshal")

    @cached_property
    def _entries(self) -> dict:
        """The file's entries, read on first use ({} if it is missing, damaged or other
        code's)."""
        path = self._path()
        if path is None:
            return {}
        try:
            if _unsafe(os.stat(path), "file", path):
                return {}
            data = marshal.loads(filesystem.read_bytes(path, MAX_BYTES))  # (larger: not ours)
            if data.get("stamp") == self.stamp and isinstance(data.get("entries"), dict):
                return data["entries"]
        except (OSError, TypeError, ValueError, AttributeError, EOFError):
            pass
        return {}

    @cached_property
    def _seed(self) -> dict:
        """The seed's entries of this kind ({} if it has none for this code)."""
        if not SEED:
            return {}
        try:
            data = json.loads(filesystem.read_bytes(os.path.join(SEED, f"{self.name}.json"),
                                                    MAX_BYTES))
            if data.get("stamp") == self.stamp and isinstance(data.get("entries"), dict):
                return data["entries"]
        except (OSError, TypeError, ValueError, AttributeError):
            pass
        return {}

    def get(self, key: str):
        found = self._entries.get(key, MISSING)
        if found is MISSING:
            found = self._seed.get(key, MISSING)
            if found is not MISSING:  # (kept in the cache folder from now on)
                self.put(key, found)
        return found

    def put(self, key: str, value) -> None:
        if len(self._entries) >= self.limit and key not in self._entries:
            self._entries = {}
        self._entries[key] = value
        self._new[key] = value
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
            os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC
                             | getattr(os, "O_NOFOLLOW", 0), 0o600)
            with open(handle, "wb") as out:
                if os.chmod in os.supports_fd:  # (a file left over keeps its mode)
                    os.chmod(handle, 0o600)
                marshal.dump({"stamp": self.stamp, "entries": self._entries}, out)
            os.replace(temporary, path)
            self._added = False
        except OSError:
            try:
                os.unlink(temporary)
            except OSError:
                pass


_unsaved: list[Store] = []
_stores: dict[str, Store] = {}


def taken() -> dict:
    """The entries every store added since the last call (a worker process sends them
    to the parent, which keeps them: a worker never writes the cache)."""
    found = {}
    for store in _stores.values():
        if store._new:
            found[store.name], store._new = store._new, {}
    return found


def give(entries: dict) -> None:
    """Add entries that `taken` gave in another process of this run."""
    for name, added in entries.items():
        store = _stores.get(name)
        for key, value in added.items() if store is not None else ():
            store.put(key, value)
        if store is not None:
            store._new = {}


@atexit.register
def save_all() -> None:
    """Write what the stores added (at exit, or before a hard exit)."""
    while _unsaved:
        _unsaved.pop().save()
