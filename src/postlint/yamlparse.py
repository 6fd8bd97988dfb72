"""Parsing YAML text with PyYAML: safe (plain data only), with the line of every key and
item, and limits on size and aliases."""

from __future__ import annotations

import yaml

from .yamlfile import MAX_BYTES, ConfigError, Map, Seq

MAX_ALIASES = 100
MAX_VALUES = 1_000_000  # values the document holds once every alias is expanded

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10x faster


class _Duplicate(Exception):
    """A key given twice in one mapping."""

    def __init__(self, key: str, first: int, line: int):
        self.key, self.first, self.line = key, first, line


class _Loader(_Base):
    """A safe loader (plain data only, no objects) with line tracking and an alias limit."""

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
        result.lines = {self.construct_object(k, deep=True): k.start_mark.line + self._offset
                        for k, _ in node.value}
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


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_sequence)


def loads(text: str, path: str = "<string>", line_offset: int = 0):
    """Parse one YAML document into Maps, Seqs and plain values; raise ConfigError with
    file and line on any problem."""
    if len(text) > MAX_BYTES:
        raise ConfigError(f"file is larger than {MAX_BYTES // 1024} KiB", path)
    loader = _Loader(text, line_offset)
    try:
        node = loader.get_single_node()
        if node is not None and _expanded_size(node, {}) > MAX_VALUES:
            raise ConfigError(f"invalid YAML: its aliases expand to more than {MAX_VALUES:,}"
                              " values (an alias bomb?)", path)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        raise ConfigError(f"invalid YAML: {exc.problem or exc.context}", path, line) from None
    except _Duplicate as exc:
        where = f"line {exc.first}" if exc.first != exc.line else "this line"
        raise ConfigError(f"duplicate key '{exc.key}' (also on {where}); give each key once",
                          path, exc.line) from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise ConfigError(f"invalid YAML: {exc}", path) from None
    finally:
        loader.dispose()
    return data


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
