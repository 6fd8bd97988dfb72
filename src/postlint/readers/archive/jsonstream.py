"""The items of a JSON export's lists, read a block at a time, with file positions.

An export's posts file can be hundreds of megabytes (a 60,000-post X archive's
`tweets.js` is about 100 MB; decoded whole, with one emoji in it, it would take four
times that). `JsonLists` decodes it a block at a time and hands out each item of the
top-level list (or of each list-valued key of a top-level object, as Mastodon's
`orderedItems`), parsed by the C JSON decoder, together with where it stood, so a reader
can find the raw spelling of a string inside it (`locate`) and its line and column.

Positions are absolute character offsets into the decoded file; lines and columns are
1-based and count characters. Requests for positions must come in file order (they do:
items are handed out in order), which keeps line counting linear.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from json.decoder import scanstring
from typing import Any, BinaryIO, Iterator

BLOCK = 1 << 20  # bytes read at a time
ITEM_LIMIT = 16 << 20  # characters one item may span; a post is a few kilobytes
_WS = re.compile(r"[ \t\r\n]*")
_DECODER = json.JSONDecoder()


class JsonError(Exception):
    """A file that is not the JSON it should be: message, line and column (1-based)."""

    def __init__(self, message: str, line: int, column: int):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


@dataclass(slots=True)
class Item:
    """One item of a list: the key holding the list (None for a top-level list), the
    parsed value, and its span as absolute character offsets."""

    key: str | None
    value: Any
    start: int
    end: int


@dataclass(slots=True)
class Raw:
    """A string as the file spells it (between its quotes) and where it starts."""

    text: str
    line: int
    column: int


@lru_cache(maxsize=64)
def _key_pattern(key: str) -> re.Pattern:
    return re.compile(re.escape(json.dumps(key, ensure_ascii=False)) + r'[ \t\r\n]*:[ \t\r\n]*"')


class JsonLists:
    """The items of the lists in one JSON document (see the module's docstring).

    `prefix` is a pattern the document may start with before its JSON value (X's
    `window.YTD.tweets.part0 = `); `what` names the expected content in errors.
    """

    def __init__(self, stream: BinaryIO, what: str, prefix: re.Pattern | None = None,
                 prefix_hint: str = ""):
        self.stream, self.what, self.prefix, self.prefix_hint = stream, what, prefix, prefix_hint
        self._utf8 = codecs.getincrementaldecoder("utf-8")()
        self.buf, self.base, self.eof = "", 0, False
        self._bytes = 0
        self._line, self._line_start, self._mark = 1, 0, 0  # lines are counted up to _mark

    # -- reading -------------------------------------------------------------------------

    def _more(self) -> bool:
        """Read and decode the next block; False at the end of the file."""
        if self.eof:
            return False
        data = self.stream.read(BLOCK)
        try:
            text = self._utf8.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            line, column = self.position(self.base + len(self.buf))
            raise JsonError(f"not valid UTF-8 (byte 0x{exc.object[exc.start]:02x} at byte "
                            f"{self._bytes + exc.start})", line, column) from None
        self._bytes += len(data)
        if not self.buf and self.base == 0 and text.startswith("\ufeff"):
            text = text[1:]  # (not a character of the text: columns start after it)
        self.buf += text
        self.eof = not data
        return bool(data)

    def _have(self, index: int) -> bool:
        """Whether the character at absolute `index` is read (reading on if needed)."""
        while index - self.base >= len(self.buf):
            if not self._more():
                return False
        return True

    def _char(self, index: int, expected: str) -> str:
        if not self._have(index):
            self._fail(index, f"the file ends early (cut short?): expected {expected}")
        return self.buf[index - self.base]

    def _skip(self, index: int) -> int:
        """The index of the next character that is not white space."""
        while True:
            end = _WS.match(self.buf, index - self.base).end() + self.base
            if end - self.base < len(self.buf) or not self._more():
                return end
            index = end

    def _value(self, index: int, expected: str) -> tuple[Any, int]:
        """Parse the JSON value at `index`, reading on while it is cut by the block end."""
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, index - self.base)
                return value, end + self.base
            except RecursionError:  # the decoder recurses once per level of nesting
                self._fail(index, f"{expected} is nested too deeply (more than "
                                  f"{sys.getrecursionlimit():,} levels); that is no export")
            except json.JSONDecodeError as exc:
                small = len(self.buf) - (index - self.base) < ITEM_LIMIT
                if small and self._more():
                    continue  # cut by the end of the block: read on
                if not small:
                    self._fail(index, f"{expected} is more than {ITEM_LIMIT >> 20} million "
                                      "characters long; that is no export")
                if exc.pos >= len(self.buf) - 1 or exc.msg.startswith("Unterminated"):
                    self._fail(index, f"the file ends early (cut short?) inside {expected}")
                self._fail(exc.pos + self.base, f"{exc.msg[0].lower()}{exc.msg[1:]} in {expected}")

    def _drop(self, index: int) -> None:
        """Forget what lies before `index` once it is more than a block or two."""
        if index - self.base > 2 * BLOCK:
            self.position(index)  # count its lines first
            self.buf = self.buf[index - self.base:]
            self.base = index

    # -- positions -----------------------------------------------------------------------

    def position(self, index: int) -> tuple[int, int]:
        """1-based line and column of the absolute character offset `index`."""
        buf, base = self.buf, self.base
        if index >= self._mark:
            newlines = buf.count("\n", self._mark - base, index - base)
            if newlines:
                self._line += newlines
                self._line_start = buf.rfind("\n", self._mark - base, index - base) + 1 + base
        else:  # (only for an error pointing back into an item)
            newlines = buf.count("\n", index - base, self._mark - base)
            self._line -= newlines
            last = buf.rfind("\n", 0, index - base)
            if last >= 0 or newlines:
                self._line_start = last + 1 + base
        self._mark = index
        return self._line, index - self._line_start + 1

    def _fail(self, index: int, message: str):
        line, column = self.position(min(index, self.base + len(self.buf)))
        raise JsonError(message, line, column)

    # -- the document --------------------------------------------------------------------

    def __iter__(self) -> Iterator[Item]:
        index = self._skip(0)
        if self.prefix is not None:
            self._have(index + 200)
            match = self.prefix.match(self.buf, index - self.base)
            if not match:
                self._fail(index, f"expected {self.what}, a file that starts with "
                                  f"'{self.prefix_hint}'")
            index = self._skip(match.end() + self.base)
        first = self._char(index, self.what)
        if first == "[":
            index = yield from self._list(index + 1, None)
        elif first == "{":
            index = yield from self._object(index + 1)
        else:
            self._fail(index, f"expected {self.what} (a JSON list or object)")
        index = self._skip(index)
        if self._have(index) and self.buf[index - self.base] == ";":
            index = self._skip(index + 1)
        if self._have(index):
            self._fail(index, f"unexpected text after {self.what}")

    def _list(self, index: int, key: str | None):
        index = self._skip(index)
        if self._char(index, "a list item or ']'") == "]":
            return index + 1
        while True:
            value, end = self._value(index, f"an item of {self.what}")
            yield Item(key, value, index, end)
            self._drop(end)
            index = self._skip(end)
            char = self._char(index, "',' or ']' after an item")
            if char == "]":
                return index + 1
            if char != ",":
                self._fail(index, f"expected ',' or ']' after an item of {self.what}")
            index = self._skip(index + 1)

    def _object(self, index: int):
        index = self._skip(index)
        if self._char(index, "a key or '}'") == "}":
            return index + 1
        while True:
            if self._char(index, "a key") != '"':
                self._fail(index, f"expected a quoted key in {self.what}")
            key, index = self._value(index, f"a key of {self.what}")
            index = self._skip(index)
            if self._char(index, "':'") != ":":
                self._fail(index, f"expected ':' after the key {key!r}")
            index = self._skip(index + 1)
            if self._char(index, f"the value of {key!r}") == "[":
                index = yield from self._list(index + 1, key)
            else:
                _, index = self._value(index, f"the value of {key!r}")
            index = self._skip(index)
            char = self._char(index, "',' or '}'")
            if char == "}":
                return index + 1
            if char != ",":
                self._fail(index, f"expected ',' or '}}' after the value of {key!r}")
            index = self._skip(index + 1)

    # -- strings inside an item ----------------------------------------------------------

    def locate(self, item: Item, key: str, value: str, after: int | None = None) -> Raw | None:
        """The raw spelling and position of the first string of `item` (from `after`)
        that is the value of `key` and equals `value`; None if there is none."""
        pattern = _key_pattern(key)
        buf, base = self.buf, self.base
        start = (after if after is not None else item.start) - base
        for match in pattern.finditer(buf, start, item.end - base):
            try:
                text, end = scanstring(buf, match.end())
            except (json.JSONDecodeError, ValueError):
                continue
            if text == value:
                line, column = self.position(match.end() + base)
                return Raw(buf[match.end():end - 1], line, column)
        return None
