"""Reading YAML files into values that remember the line of every key, for one-line
error messages; what a file holds is kept between runs until it changes (see `cache`).
The parsing itself is in `yamlparse`."""

from __future__ import annotations

import importlib.util
import json
import os
import time
from pathlib import Path

from . import cache

MAX_BYTES = 2 * 1024 * 1024
SETTLED = 2.0  # seconds since a file last changed before what it holds is kept


class ConfigError(Exception):
    """A problem in a config, rule or profile file: `file:line: key.path: message`."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 key: str | None = None):
        self.message, self.path, self.line, self.key = message, path, line, key
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or "<config>"
        if self.line:
            where += f":{self.line}"
        return f"{where}: {self.key + ': ' if self.key else ''}{self.message}"


class Errors(Exception):
    """Several ConfigErrors found at once; the run stops after reporting all of them."""

    def __init__(self, errors: list[ConfigError]):
        self.errors = errors
        super().__init__("\n".join(map(str, errors)))


class Map(dict):
    """A dict that knows its own line and the line of each key (1-based)."""

    line = 0
    lines: dict = {}


class Seq(list):
    """A list that knows its own line and the line of each item (1-based)."""

    line = 0
    lines: list = []


def loads(text: str, path: str = "<string>", line_offset: int = 0):
    """Parse one YAML document; raise ConfigError with file and line on any problem."""
    from . import yamlparse  # (PyYAML is imported only when a file is parsed)

    return yamlparse.loads(text, path, line_offset)


def load(path: Path, keep: bool = False):
    """Read and parse a YAML file; `keep`: keep what it holds between runs (see `cache`)
    for as long as the file keeps its size and time. A file changed in the last seconds
    is not kept: a second change within the same tick of the clock could leave its time
    as it was."""
    try:
        stat = path.stat()
        if stat.st_size > MAX_BYTES:
            raise ConfigError(f"file is larger than {MAX_BYTES // 1024} KiB", str(path))
        version = [stat.st_size, stat.st_mtime_ns]
        if keep:
            kept = _thawed(_KEPT.get(os.path.abspath(path)), version)
            if kept is not cache.MISSING:
                return kept
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", str(path)) from None
    data = loads(text, str(path))
    if keep and time.time() - stat.st_mtime > SETTLED:
        try:
            _KEPT.put(os.path.abspath(path), version + [json.dumps(_frozen(data))])
        except (TypeError, ValueError):  # more than JSON holds (a date, a number as key)
            pass
    return data


def load_each(paths, errors: list):
    """(path, data) for each file that parses, kept between runs; the others'
    ConfigErrors go to `errors`."""
    for path in paths:
        try:
            yield path, load(path, keep=True)
        except ConfigError as exc:
            errors.append(exc)


# Parsed files, kept between runs as JSON: a Map or Seq is an object with its lines under
# the key _LINES (a Seq's items too); stamped with the code that parses (this module,
# `yamlparse` and PyYAML, found but not imported).
_KEPT = cache.Store("yaml", cache.code_stamp(
    __file__, os.path.join(os.path.dirname(__file__), "yamlparse.py"),
    getattr(importlib.util.find_spec("yaml"), "origin", None) or ""), 1_000)
_LINES = "\0"


def _frozen(value):
    """`value` with the lines of its Maps and Seqs, as JSON can hold it; TypeError if it
    holds more (JSON would turn a key such as 1 or null into a string)."""
    if isinstance(value, dict):
        if not all(type(key) is str and key != _LINES for key in value):
            raise TypeError("a key that is not text")
        frozen = {key: _frozen(item) for key, item in value.items()}
        frozen[_LINES] = [getattr(value, "line", 0), getattr(value, "lines", {})]
        return frozen
    if isinstance(value, list):
        return {_LINES: [getattr(value, "line", 0), getattr(value, "lines", []),
                         [_frozen(item) for item in value]]}
    if value is None or type(value) in (str, int, float, bool):
        return value
    raise TypeError(f"a value of type {type(value).__name__}")


def _thawed(kept, version: list):
    """What a kept entry holds if it was made from this `version` of the file, else
    MISSING (also for an entry that is damaged)."""
    try:
        if kept[:2] == version:
            return json.loads(kept[2], object_hook=_revive)
    except (TypeError, ValueError, KeyError, IndexError):
        pass
    return cache.MISSING


def _revive(thawed: dict):
    if _LINES not in thawed:  # the lines of a Map's keys
        return thawed
    line, lines, *items = thawed.pop(_LINES)
    value = Seq(items[0]) if items else Map(thawed)
    value.line, value.lines = line, lines
    return value


def line_of(container, key, default: int = 0) -> int:
    """The line of `key` in a Map or index in a Seq, else the container's own line."""
    if isinstance(container, Map):
        return container.lines.get(key, container.line)
    if isinstance(container, Seq) and isinstance(key, int) and key < len(container.lines):
        return container.lines[key]
    return getattr(container, "line", default)


def without(mapping: dict, *keys) -> Map:
    """A copy of `mapping` without `keys`, keeping line information."""
    result = Map({k: v for k, v in mapping.items() if k not in keys})
    result.line = getattr(mapping, "line", 0)
    result.lines = dict(getattr(mapping, "lines", {}))
    return result
