"""Between postlint's offsets (code points into the text) and LSP positions.

LSP counts a position's `character` in the code units of the negotiated encoding:
UTF-16 unless client and server agree on another ("utf-8" bytes, "utf-32" code
points). An emoji outside the Basic Multilingual Plane is one column for postlint, two
UTF-16 units and four UTF-8 bytes. Lines end at `\\n`, `\\r\\n` or `\\r`, as LSP says.
"""

from __future__ import annotations

import bisect
import re

_BREAK = re.compile(r"\r\n|\r|\n")


def units(text: str, encoding: str = "utf-16") -> int:
    """How many code units of `encoding` `text` is."""
    if encoding == "utf-32" or text.isascii():
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


class Positions:
    """The line starts of one text, to convert offsets to (line, character) and back."""

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.text, self.encoding = text, encoding
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, character in code units) of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return line, units(self.text[start:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of a position; past a line's end means its end (as LSP says)."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.line_end(line)
        if self.encoding == "utf-32" or self.text[start:end].isascii():
            return min(start + character, end)
        count = 0
        for i in range(start, end):
            code = ord(self.text[i])
            if self.encoding == "utf-8":
                count += 1 if code < 0x80 else 2 if code < 0x800 else 3 if code <= 0xFFFF else 4
            else:
                count += 2 if code > 0xFFFF else 1
            if count > character:  # (inside a character's units: before it)
                return i
        return end

    def at_column(self, line: int, column: int) -> int:
        """The offset of a 0-based line and column counted in characters (code points),
        as postlint counts them; within the line."""
        line = min(max(line, 0), len(self.starts) - 1)
        return min(self.starts[line] + max(column, 0), self.line_end(line))

    def line_end(self, line: int) -> int:
        """The offset of the line's end, before its line break."""
        if line + 1 < len(self.starts):
            end = self.starts[line + 1]
            return end - (2 if self.text[end - 2:end] == "\r\n" else 1)
        return len(self.text)
