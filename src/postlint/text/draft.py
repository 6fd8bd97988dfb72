"""A draft file: decoding, front matter, the posts of a thread, and positions.

Offsets everywhere are code-point offsets into `Draft.text` (the decoded file without
its BOM), so a finding's line and column are those of the original file.

A file may hold a thread: posts are separated by a line that holds only `---`
(front matter, which also uses `---`, is recognised only at the very start).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

from ..load import yamlfile
from . import markup

BOM = "\ufeff"
SEPARATOR = "---"
FRONT_MATTER_KEYS = {"profile": str, "platform": str, "platforms": list,
                     "disable": list, "title": str}


class DraftError(Exception):
    """A draft that cannot be read or whose front matter is wrong (one line, with position)."""


@dataclass
class Post:
    """One post of a draft: `text` and `prose` are slices of the draft at [start, end)."""

    draft: "Draft"
    index: int
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.draft.text[self.start:self.end]

    @property
    def prose(self) -> str:
        """The text with code, URLs, comments, HTML and link targets blanked out."""
        return self.draft.prose[self.start:self.end]


@dataclass
class Draft:
    """A decoded draft with its front matter and posts."""

    path: str
    text: str
    front_matter: dict = field(default_factory=dict)
    body_start: int = 0
    bom: bool = False
    posts: list[Post] = field(default_factory=list)
    # Set by the linter after the checks ran, for the checks that report on suppressions.
    suppressions: list = field(default_factory=list)
    active_rules: set = field(default_factory=set)
    known_rules: set = field(default_factory=set)

    @classmethod
    def from_bytes(cls, path: str, data: bytes) -> "Draft":
        if b"\0" in data:
            raise DraftError("binary file (contains NUL bytes), not a draft")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[:exc.start].count(b"\n") + 1
            raise DraftError(f"line {line}: not valid UTF-8 (byte 0x{data[exc.start]:02x});"
                             " save the file as UTF-8") from None
        bom = text.startswith(BOM)
        draft = cls(path, text[1:] if bom else text, bom=bom)
        draft._parse_front_matter()
        draft._split_posts()
        return draft

    @classmethod
    def from_text(cls, text: str, path: str = "<text>") -> "Draft":
        return cls.from_bytes(path, text.encode("utf-8"))

    def _parse_front_matter(self) -> None:
        if not self.text.startswith(SEPARATOR):
            return
        lines = self.text.splitlines(keepends=True)
        if not lines or lines[0].rstrip("\r\n") != SEPARATOR:
            return
        offset = len(lines[0])
        for line in lines[1:]:
            if line.rstrip("\r\n") in (SEPARATOR, "..."):
                source = self.text[len(lines[0]):offset]
                self.body_start = offset + len(line)
                self.front_matter = self._check_front_matter(source)
                return
            offset += len(line)
        raise DraftError("line 1: front matter opened with '---' is never closed;"
                         " end it with a line '---'")

    def _check_front_matter(self, source: str) -> dict:
        try:
            data = yamlfile.loads(source, self.path, line_offset=1)
        except yamlfile.ConfigError as exc:
            raise DraftError(f"line {exc.line or 1}: front matter: {exc.message}") from None
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise DraftError("line 2: front matter must be a mapping of keys to values")
        for key, value in data.items():
            expected = FRONT_MATTER_KEYS.get(key)
            line = yamlfile.line_of(data, key)
            if expected is None:
                known = ", ".join(sorted(FRONT_MATTER_KEYS))
                raise DraftError(f"line {line}: front matter: unknown key '{key}' (known: {known})")
            if expected is list and isinstance(value, str):
                data[key] = [value]
            elif not isinstance(value, expected):
                raise DraftError(f"line {line}: front matter: '{key}' must be a"
                                 f" {'list' if expected is list else 'string'}")
        return data

    def _split_posts(self) -> None:
        starts, ends = [self.body_start], []
        offset = self.body_start
        fence = None
        for line in self.text[self.body_start:].splitlines(keepends=True):
            stripped = line.strip()
            fence = markup.fence_state(stripped, fence)
            if fence is None and stripped == SEPARATOR:
                ends.append(offset)
                starts.append(offset + len(line))
            offset += len(line)
        ends.append(len(self.text))
        self.posts = [Post(self, i, s, e) for i, (s, e) in enumerate(zip(starts, ends))]

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    @cached_property
    def prose(self) -> str:
        """The whole text with front matter and non-prose blanked, same length as `text`."""
        return markup.blank(self.text[:self.body_start]) + markup.prose(self.body)

    @cached_property
    def _line_starts(self) -> list[int]:
        starts, pos = [0], self.text.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = self.text.find("\n", pos + 1)
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in characters of a code-point offset."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1
