"""Reading YAML files into values that remember the line of every key, for one-line
error messages. Parsing is safe (plain data only) and limited in size and aliases; PyYAML
is imported only when a file is parsed, and what a file holds is kept between runs until
it changes (see `cache`)."""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
from pathlib import Path

from . import cache, filesystem
from .filesystem import printable

MAX_BYTES = 2 * 1024 * 1024


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
        # one line, whatever a file name, key or value holds
        return printable(f"{where}: {self.key + ': ' if self.key else ''}{self.message}")


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


MAX_ALIASES = 100
MAX_VALUES = 1_000_000  # values the document holds once every alias is expanded


def _char_at(text: str, line: int, column: int) -> str:
    """The character at 0-based `line` and `column` of `text`, or ''."""
    lines = text.split("\n", line + 1)
    return lines[line][column:column + 1] if line < len(lines) else ""


def loads(text: str, path: str = "<string>", line_offset: int = 0):
    """Parse one YAML document into Maps, Seqs and plain values; raise ConfigError with
    file and line on any problem."""
    import yaml  # (only when a file is parsed: a run whose files are all kept never needs it)

    if len(text) > MAX_BYTES:
        raise ConfigError(f"file is larger than {MAX_BYTES // 1024} KiB", path)
    loader = _loader_class()(text, line_offset)
    try:
        node = loader.get_single_node()
        if node is not None and _expanded_size(node, {}) > MAX_VALUES:
            raise ConfigError(f"invalid YAML: its aliases expand to more than {MAX_VALUES:,}"
                              " values (an alias bomb?)", path)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        problem = exc.problem or exc.context
        if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
            problem = "a tab, where YAML indents with spaces only; indent with spaces"
        raise ConfigError(f"invalid YAML: {problem}", path, line) from None
    except _Duplicate as exc:
        where = f"line {exc.first}" if exc.first != exc.line else "this line"
        raise ConfigError(f"duplicate key '{exc.key}' (also on {where}); give each key once",
                          path, exc.line) from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise ConfigError(f"invalid YAML: {exc}", path) from None
    finally:
        loader.dispose()
    return data


class _Duplicate(Exception):
    """A key given twice in one mapping."""

    def __init__(self, key: str, first: int, line: int):
        self.key, self.first, self.line = key, first, line


@functools.cache
def _loader_class():
    """A safe PyYAML loader (plain data only, no objects; libyaml's when available, 10x
    faster) that records lines and limits alias references."""
    import yaml

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        def __init__(self, stream, offset: int = 0):
            super().__init__(stream)
            self._aliases = 0
            self._offset = offset + 1

        def construct_object(self, node, deep=False):
            if node in self.constructed_objects:  # a reference to an anchor: count it
                self._aliases += 1
                if self._aliases > MAX_ALIASES:
                    raise yaml.YAMLError(f"line {node.start_mark.line + 1}: more than "
                                         f"{MAX_ALIASES} alias references")
            return super().construct_object(node, deep)

        def construct_mapping(self, node, deep=False):
            seen: dict = {}
            for key, _ in node.value:  # (before merge keys `<<` add theirs, which may repeat)
                if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                    line = key.start_mark.line + self._offset
                    if (key.tag, key.value) in seen:
                        raise _Duplicate(key.value, seen[key.tag, key.value], line)
                    seen[key.tag, key.value] = line
            result = Map(super().construct_mapping(node, deep=True))
            result.line = node.start_mark.line + self._offset
            # (the keys again, as made above: not counted as alias references)
            result.lines = {super(Loader, self).construct_object(k, deep=True):
                            k.start_mark.line + self._offset for k, _ in node.value}
            return result

        def construct_sequence(self, node, deep=False):
            result = Seq(self.construct_object(child, deep=True) for child in node.value)
            result.line = node.start_mark.line + self._offset
            result.lines = [child.start_mark.line + self._offset for child in node.value]
            return result

        def construct_yaml_timestamp(self, node):
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError as exc:  # 2026-02-30
                raise yaml.constructor.ConstructorError(
                    None, None, f"{node.value!r} is not a date ({exc})", node.start_mark) from None

    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
    Loader.add_constructor("tag:yaml.org,2002:map", Loader.construct_mapping)
    Loader.add_constructor("tag:yaml.org,2002:seq", Loader.construct_sequence)
    return Loader


def _expanded_size(node, sizes: dict) -> int:
    """How many values `node` stands for with aliases expanded (each shared node counted
    once per reference, computed once). A node that contains itself counts as too many."""
    key = id(node)
    if key in sizes:
        return sizes[key] if sizes[key] is not None else MAX_VALUES + 1
    sizes[key] = None  # being counted
    size = 1
    if isinstance(node.value, list):
        for item in node.value:
            for child in (item if isinstance(item, tuple) else (item,)):
                size += _expanded_size(child, sizes)
                if size > MAX_VALUES:
                    break
    sizes[key] = size
    return size


def read(path: Path) -> bytes:
    """The bytes of a config or rule file (a regular file of at most MAX_BYTES)."""
    try:
        return filesystem.read_bytes(path, MAX_BYTES)
    except filesystem.TooLarge:
        raise ConfigError(f"file is larger than {MAX_BYTES // 1024} KiB", str(path)) from None
    except FileNotFoundError:
        raise ConfigError("cannot read: no such file", str(path)) from None
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", str(path)) from None


def decode(data: bytes, path: Path) -> str:
    """A file's text (UTF-8, with or without a BOM); ConfigError naming the line of the
    first byte that is not UTF-8."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # (PowerShell's `>` and Notepad's "Unicode")
        raise ConfigError("saved as UTF-16, not UTF-8; save the file as UTF-8", str(path), 1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ConfigError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file "
                          "as UTF-8", str(path), line) from None


def digest(data: bytes) -> str:
    """The key a file's parsed content is kept under: a hash of its bytes."""
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def load(path: Path, keep: bool = False):
    """Read and parse a YAML file; `keep`: keep what it holds between runs (see `cache`),
    keyed by a hash of the file's bytes, so an entry can only ever stand for the bytes
    it was made from."""
    data = read(path)
    if not keep:
        return loads(decode(data, path), str(path))
    return _kept(_KEPT, digest(data), lambda: loads(decode(data, path), str(path)))


def loads_kept(text: str, path: str, line_offset: int = 0):
    """`loads`, with what the text holds kept between runs, keyed by a hash of the text
    and the line it starts on: the few lines of front matter that head many drafts are
    parsed once (and PyYAML is not imported at all when every one is kept)."""
    key = f"{line_offset} {digest(text.encode('utf-8', 'surrogatepass'))}"
    return _kept(_HEADS, key, lambda: loads(text, path, line_offset))


def _kept(store: cache.Store, key: str, parse):
    """What `store` keeps under `key`, else `parse()`, kept there when JSON can hold it
    (not a date, nor a number as a key: those are parsed each time)."""
    kept = _thawed(store.get(key))
    if kept is not cache.MISSING:
        return kept
    value = parse()
    try:
        store.put(key, [_frozen(value)])
    except TypeError:
        pass
    return value


def load_each(paths, errors: list, folder: Path | None = None):
    """(path, data) for each file that parses, kept between runs; the others'
    ConfigErrors go to `errors`, as does a file that a symbolic link takes outside
    `folder` (a repository's rule folder must not make postlint read files elsewhere)."""
    top = os.path.realpath(folder) if folder is not None else None
    for path in paths:
        if top is not None and not os.path.realpath(path).startswith(top + os.sep):
            errors.append(ConfigError("a symbolic link to a file outside the rule folder; "
                                      "not read", str(path)))
            continue
        try:
            yield path, load(path, keep=True)
        except ConfigError as exc:
            errors.append(exc)


# Parsed files, kept between runs as plain values that JSON can hold too (the seed is
# JSON), each in a list of one: a Map or Seq is an object with its lines under the key
# _LINES (a Seq's items too); stamped with the code that parses (this module and PyYAML,
# found but not imported).
_KEPT = cache.Store("yaml", cache.code_stamp(
    __file__, getattr(importlib.util.find_spec("yaml"), "origin", None) or ""), 1_000)
# Drafts' front matter, in a store of its own: many drafts must not push the rule files'
# entries out.
_HEADS = cache.Store("front-matter", _KEPT.stamp, 5_000)
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


def _thawed(kept):
    """What a kept entry holds, as new Maps and Seqs (the entry itself is not changed),
    else MISSING (also for an entry that is damaged)."""
    if type(kept) is not list or len(kept) != 1:
        return cache.MISSING
    try:
        return _revived(kept[0])
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, RecursionError):
        return cache.MISSING


def _revived(kept):
    if type(kept) is not dict:
        if type(kept) in _SCALARS:
            return kept
        raise TypeError(f"a value of type {type(kept).__name__}")
    line, lines, *items = kept[_LINES]  # (KeyError: a mapping without its lines)
    if items:
        value = Seq([item if type(item) in _SCALARS else _revived(item) for item in items[0]])
        lines = list(lines) if type(lines) is list else None
    else:
        value = Map({key: item if type(item) in _SCALARS else _revived(item)
                     for key, item in kept.items() if key != _LINES})
        lines = dict(lines) if type(lines) is dict else None
    if lines is None or type(line) is not int:
        raise TypeError("lines")
    value.line, value.lines = line, lines
    return value


_SCALARS = frozenset({str, int, float, bool, type(None)})


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
