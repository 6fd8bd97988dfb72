"""The line of every key, table and array item of a TOML text, for one-line messages
(tomllib gives values without positions).

`lines(text)` maps dotted paths to 1-based lines: `("tool", "postlint", "select")` is the
line of the key, `("tool", "postlint", "select", 1)` that of its second item, a table's
path the line of its header. A scan, not a parser: it follows strings (multi-line too),
comments, arrays and inline tables as far as the positions need, and the values are
tomllib's. `with_lines(value, lines)` gives a parsed value those lines (Maps and Seqs).
"""

from __future__ import annotations

import re
import sys

from .yamlfile import Map, Seq

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_SPACE = " \t"


class _Scan:
    def __init__(self, text: str):
        self.text, self.at, self.line = text, 0, 1
        self.found: dict[tuple, int] = {}
        self.tables: dict[tuple, int] = {}  # array-of-tables path -> items so far

    def peek(self) -> str:
        return self.text[self.at] if self.at < len(self.text) else ""

    def step(self, count: int = 1) -> None:
        part = self.text[self.at:self.at + count]
        self.line += part.count("\n")
        self.at += count

    def skip_space(self, newlines: bool = False) -> None:
        """Spaces (and, inside arrays, newlines and comments)."""
        while self.at < len(self.text):
            char = self.text[self.at]
            if char in _SPACE or (newlines and char in "\r\n"):
                self.step()
            elif char == "#" and newlines:
                self.skip_comment()
            else:
                return

    def skip_comment(self) -> None:
        end = self.text.find("\n", self.at)
        self.at = len(self.text) if end < 0 else end

    def skip_line(self) -> None:
        end = self.text.find("\n", self.at)
        self.step((len(self.text) if end < 0 else end + 1) - self.at)

    def key(self) -> tuple:
        """A dotted key: its parts."""
        parts = []
        while True:
            self.skip_space()
            char = self.peek()
            if char in "\"'":
                start = self.at + 1
                end = self.text.find(char, start)
                while char == '"' and end > 0 and self.text[end - 1] == "\\":
                    end = self.text.find(char, end + 1)
                if end < 0:
                    raise ValueError
                raw = self.text[start:end]
                parts.append(_unescaped(raw) if char == '"' and "\\" in raw else raw)
                self.step(end + 1 - self.at)
            else:
                bare = _BARE.match(self.text, self.at)
                if not bare:
                    raise ValueError
                parts.append(bare.group(0))
                self.step(bare.end() - self.at)
            self.skip_space()
            if self.peek() != ".":
                return tuple(parts)
            self.step()

    def string(self) -> None:
        quote = self.peek()
        if self.text.startswith(quote * 3, self.at):
            end = self.text.find(quote * 3, self.at + 3)
            while quote == '"' and end > 0 and _escaped(self.text, end):
                end = self.text.find(quote * 3, end + 1)
            if end < 0:
                raise ValueError
            while self.text.startswith(quote, end + 3):  # (up to two quotes end the value)
                end += 1
            self.step(end + 3 - self.at)
            return
        end = self.text.find(quote, self.at + 1)
        while quote == '"' and end > 0 and _escaped(self.text, end):
            end = self.text.find(quote, end + 1)
        if end < 0:
            raise ValueError
        self.step(end + 1 - self.at)

    def value(self, path: tuple) -> None:
        self.skip_space()
        char = self.peek()
        if char in "\"'":
            self.string()
        elif char == "[":
            self.step()
            index = 0
            while True:
                self.skip_space(newlines=True)
                if self.peek() in ("]", ""):
                    self.step()
                    return
                self.found.setdefault(path + (index,), self.line)
                before = self.at
                self.value(path + (index,))
                if self.at == before:  # (not TOML: never loop on it)
                    raise ValueError
                index += 1
                self.skip_space(newlines=True)
                if self.peek() == ",":
                    self.step()
        elif char == "{":
            self.step()
            while True:
                self.skip_space(newlines=True)
                if self.peek() in ("}", ""):
                    self.step()
                    return
                if self.peek() == ",":
                    self.step()
                    continue
                self.pair(path)
        else:
            while self.at < len(self.text) and self.text[self.at] not in ",]}\r\n#":
                self.step()

    def pair(self, table: tuple) -> None:
        line = self.line
        parts = self.key()
        for depth in range(1, len(parts) + 1):
            self.found.setdefault(table + parts[:depth], line)
        if self.peek() != "=":
            raise ValueError
        self.step()
        self.value(table + parts)

    def run(self) -> dict[tuple, int]:
        table: tuple = ()
        while self.at < len(self.text):
            self.skip_space(newlines=True)
            if self.at >= len(self.text):
                break
            try:
                if self.peek() == "[":  # [a.b], or [[a.b]]: an item of an array of tables
                    double = self.text.startswith("[[", self.at)
                    self.step(2 if double else 1)
                    table = self.key()
                    if double:
                        index = self.tables.get(table, 0)
                        self.tables[table] = index + 1
                        self.found.setdefault(table, self.line)
                        table += (index,)
                    for depth in range(1, len(table) + 1):
                        self.found.setdefault(table[:depth], self.line)
                    self.skip_line()
                else:
                    self.pair(table)
                    self.skip_line()
            except (ValueError, UnicodeDecodeError):  # not TOML as scanned: lines so far
                self.skip_line()
        return self.found


def _unescaped(raw: str) -> str:
    """A basic string's escapes, as TOML reads them (`"a\\u00e9"`)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    try:
        return tomllib.loads(f'k = "{raw}"')["k"]
    except tomllib.TOMLDecodeError:
        return raw


def _escaped(text: str, at: int) -> bool:
    """Whether the quote at `at` is escaped by an odd number of backslashes."""
    count = 0
    while at - count - 1 >= 0 and text[at - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def lines(text: str, first: int = 1) -> dict[tuple, int]:
    """Path -> line of each table, key and array item of `text` (whose first line is
    numbered `first`); where one is written twice, the first."""
    found = _Scan(text).run()
    return {path: line + first - 1 for path, line in found.items()} if first != 1 else found


def with_lines(value, found: dict, path: tuple = (), line: int = 0):
    """`value` (as tomllib parsed it) with Maps and Seqs that know the lines of their
    keys and items, as `lines` found them; what it did not, the line of the nearest
    container."""
    own = found.get(path, line)
    if isinstance(value, dict):
        result = Map({k: with_lines(v, found, path + (k,), own) for k, v in value.items()})
        result.line, result.lines = own, {k: found.get(path + (k,), own) for k in value}
        return result
    if isinstance(value, list):
        result = Seq(with_lines(v, found, path + (i,), own) for i, v in enumerate(value))
        result.line = own
        result.lines = [found.get(path + (i,), own) for i in range(len(value))]
        return result
    return value


_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)|\s*\(at end of document\)")


def decode_error(text: str, message: str, first: int = 1) -> tuple[str, int | None]:
    """What a tomllib error says, in postlint's words, and its line (`text`'s first line
    numbered `first`): a key written twice names both lines; a word where a value goes
    says strings are quoted."""
    said, line = _decode_error(text, message, first - 1)
    return said, line + first - 1 if line else line


def _decode_error(text: str, message: str, shift: int) -> tuple[str, int | None]:
    where = _AT.search(message)
    said = _AT.sub("", message)
    if not where:
        return f"invalid TOML: {said}", None
    if where.group(1) is None:  # (at the end: an array or string left open)
        return f"invalid TOML: {said} at the end of the file", max(1, len(text.splitlines()))
    line, column = int(where.group(1)), int(where.group(2))
    rows = text.splitlines()
    row = rows[line - 1] if line <= len(rows) else ""
    if said.startswith("Cannot overwrite a value") or said.startswith("Cannot declare"):
        key = re.match(r"\s*\[*\s*([^=\]]+?)\s*(?:\]|=)", row)
        if key:
            name = key.group(1).strip()
            table = ()
            for before in reversed(rows[:line - 1]):  # (the table the key is in)
                if before.strip().startswith("[") and "=" not in before.split("]")[0]:
                    found = lines(before.strip())
                    table = max(found, key=len, default=())
                    table = tuple(p for p in table if not isinstance(p, int))
                    break
            known = lines("\n".join(rows[:line - 1]))
            parts = max(lines(row.strip() if row.strip().startswith("[") else
                              f"{name} = 0"), key=len, default=())
            first = known.get(parts if row.strip().startswith("[") else table + parts)
            also = f" (also on line {first + shift})" if first else ""
            if row.strip().startswith("["):
                return f"duplicate table [{name}]{also}; give each table once", line
            return f"duplicate key '{name}'{also}; give each key once", line
    if said.startswith("Invalid value") and column <= len(row) + 1 and \
            row[column - 1:column].isalpha():
        word = re.match(r"[\w-]+", row[column - 1:]).group(0)
        if word not in ("true", "false", "inf", "nan"):
            return (f"invalid TOML: {said} (column {column}): a string is written in quotes "
                    f'in TOML: "{word}"'), line
    return f"invalid TOML: {said} (column {column})", line
