"""Compiled `regex` patterns, kept between runs.

The `regex` module parses, optimises and compiles a pattern in Python: for a long word
list that takes tens of milliseconds, and a short run spends about a quarter of its time
on it. What it then hands its engine (the data a compiled pattern pickles to) is kept
in the cache (`cache`) under the pattern's text, its flags and the default version,
stamped with the code of `regex`, so a later run builds the pattern from it at once.
Patterns that depend on more than their text are compiled as usual: named lists, the
locale (`(?L)`, `regex.LOCALE`), debugging output.

`keep()` (called on `import postlint`) routes every `regex` compilation in the process
through this module; the patterns come out the same, only sooner.
"""

from __future__ import annotations

import binascii

import regex
from regex import _main, _regex, _regex_core

from . import cache

LIMIT = 1_000  # patterns kept between runs (a run with many more starts the file afresh)
_SKIP = regex.DEBUG | regex.LOCALE
_made: dict[str, object] = {}  # this process's patterns, by key
_original = _main._compile
_store = cache.Store("regex", f"regex {regex.__version__} "
                              f"{cache.code_stamp(_main.__file__, _regex_core.__file__)}",
                     limit=LIMIT)


_SIGNATURE = ("pattern", "flags", "ignore_unused", "kwargs", "cache_it")


def keep() -> None:
    """Compile every `regex` pattern through `_compile` from now on (unless `regex`
    compiles in a way this module does not know)."""
    code = getattr(_original, "__code__", None)
    if code is not None and code.co_varnames[:code.co_argcount] == _SIGNATURE and \
            hasattr(regex.Pattern, "_pickled_data"):
        _main._compile = _compile


def kept(pattern: str, flags: int = 0) -> bool:
    """Whether `regex.compile(pattern, flags)` would take the pattern ready-made: made
    in this process or kept (in the cache or the seed)."""
    key = f"{int(flags)} {int(regex.DEFAULT_VERSION)} {pattern}"
    return _main._compile is _compile and not flags & _SKIP and (
        key in _made or _store.get(key) is not cache.MISSING)


def _compile(pattern, flags, ignore_unused, kwargs, cache_it):
    if kwargs or not cache_it or type(pattern) is not str or flags & _SKIP:
        return _original(pattern, flags, ignore_unused, kwargs, cache_it)
    key = f"{int(flags)} {int(regex.DEFAULT_VERSION)} {pattern}"
    found = _made.get(key)
    if found is None:
        found = _revived(pattern, _store.get(key))
        if found is None:
            found = _original(pattern, flags, ignore_unused, kwargs, cache_it)
            data = _frozen(found)
            if data is not None:
                _store.put(key, data)
        if len(_made) >= LIMIT:
            _made.clear()
        _made[key] = found
    return found


def _frozen(compiled) -> list | None:
    """What the engine was given, as JSON holds it; None for a pattern not to keep."""
    try:
        (_, flags, code, group_index, index_group, named_lists, named_list_indexes,
         req_offset, req_chars, req_flags, group_count) = compiled._pickled_data
    except (AttributeError, TypeError, ValueError):  # (another version of `regex`)
        return None
    if flags & regex.LOCALE or named_lists or named_list_indexes or \
            not isinstance(code, bytes):  # (an inline `(?L)`)
        return None
    return [flags, binascii.b2a_base64(code, newline=False).decode("ascii"), group_index,
            req_offset, list(req_chars), req_flags, group_count]


def _revived(pattern: str, kept):
    """The pattern built from a kept entry; None when there is none, or it is damaged."""
    try:
        flags, code, group_index, req_offset, req_chars, req_flags, group_count = kept
        if not (isinstance(group_index, dict) and isinstance(req_chars, list)
                and all(type(v) is int for v in (flags, req_offset, req_flags, group_count))
                and all(type(n) is str and type(i) is int for n, i in group_index.items())
                and all(type(c) is int for c in req_chars)):
            return None
        return _regex.compile(pattern, flags, binascii.a2b_base64(code), group_index,
                              {i: n for n, i in group_index.items()}, {}, [], req_offset,
                              tuple(req_chars), req_flags, group_count)
    except (TypeError, ValueError, binascii.Error, RuntimeError, OverflowError, SystemError):
        return None
