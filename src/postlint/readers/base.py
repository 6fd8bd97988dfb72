"""The reader contract: `Reader` (a plugin's `postlint_readers` hook returns subclasses),
`Source` (a file to read) and `Record` (one post read from it, a `Draft` of one post
whose positions are those of the source file). See docs/plugins.md."""

from __future__ import annotations

import bisect
import fnmatch
import os
from dataclasses import dataclass, field
from typing import Callable, ClassVar

from ..load import filesystem
from ..text.draft import Draft, DraftError, Post


class Source:
    """A file a reader reads: `path` to open, `display` to show, `data()` its bytes
    (at most `limit`: "the N MB `most`")."""

    def __init__(self, path: str, display: str, limit: int, data: bytes | None = None,
                 most: str = "postlint reads"):
        self.path, self.display, self.limit, self.most = path, display, limit, most
        self._data = data  # given: nothing is read from disk

    def data(self) -> bytes:
        """The file's bytes (read once); DraftError when missing, unreadable or too large."""
        if self._data is not None and len(self._data) > self.limit:
            raise DraftError(f"more than the {self.limit // 1024 // 1024} MB {self.most}")
        if self._data is None:
            try:
                self._data = filesystem.read_bytes(self.path, self.limit)
            except filesystem.TooLarge as exc:
                size = f" {exc.size // 1024 // 1024} MB," if exc.size else ""
                raise DraftError(f"file is{size} more than the {self.limit // 1024 // 1024} MB "
                                 f"{self.most}") from None
            except filesystem.NotRegular as exc:
                raise DraftError(str(exc)) from None
            except FileNotFoundError:
                raise DraftError("no such file") from None
            except OSError as exc:
                raise DraftError(f"cannot read: {exc.strerror or exc}") from None
        return self._data


@dataclass(eq=False)
class Record(Draft):
    """One post read by a reader. `text` is the post as the platform shows it; `locate`
    maps an offset in it to the (line, column) of that character in the source file;
    `fields` are shown by the formats (JSON, SARIF, HTML), `note` by text output;
    `key` is unique in the run; `source_text` is the file's text (for --show-source).

    `spans` are other values of the post a check may point at (a calendar row's date
    cell): name -> `Span`; a Match whose values hold `at: NAME` has offsets into that
    span's value. `data` is the reader's own (never shown). `published`: a post that
    went out long ago (an export's), not a draft to fix before posting."""

    key: str = ""
    locate: Callable[[int], tuple[int, int]] | None = None
    fields: dict = field(default_factory=dict)
    note: str | None = None
    source_text: str | None = None
    reader: str = ""
    spans: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)
    published: bool = False

    def __post_init__(self):
        self.key = self.key or self.path
        self.posts = [Post(self, 0, 0, len(self.text))]

    def position(self, offset: int) -> tuple[int, int]:
        if self.locate is None:
            return super().position(offset)
        return self.locate(offset)



@dataclass
class Span:
    """A value of a record besides its text, where it is, and what findings on it show."""

    value: str
    locate: Callable[[int], tuple[int, int]]
    fields: dict = field(default_factory=dict)
    note: str | None = None
    expected: str = ""  # what the value should look like (a date's formats), for messages
    doubt: dict | None = None  # why the value may be misread (a date that reads both ways)


def runs_locator(source_text: str, runs: list[tuple[int, int]],
                 line_starts: list[int] | None = None) -> Callable[[int], tuple[int, int]]:
    """A `locate` for text copied from `source_text` in runs: each `(text_offset,
    source_offset)` anchor starts a stretch in which both advance one character at a time.
    Pass `line_starts` (from `line_starts(source_text)`) to share them between records."""
    starts = line_starts if line_starts is not None else line_starts_of(source_text)
    text_offsets = [t for t, _ in runs]

    def locate(offset: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(text_offsets, offset) - 1)
        text_at, source_at = runs[i]
        where = source_at + offset - text_at
        line = bisect.bisect_right(starts, where) - 1
        return line + 1, where - starts[line] + 1

    return locate


def line_starts_of(text: str) -> list[int]:
    """The offset of the first character of each line of `text`."""
    starts, pos = [0], text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


class Reader:
    """Reads one kind of file into records. Subclasses set `name` and `patterns` and
    implement `read`; a reader that `--fix` may write sets `writable` and `write`."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    patterns: ClassVar[tuple[str, ...]] = ()  # file names it claims (fnmatch)
    writable: ClassVar[bool] = False

    def __init__(self, config):
        """Once per run with the checked `Config`; raise ConfigError/Errors for mistakes."""
        self.config = config

    def claims(self, path: str) -> bool:
        """Whether this reader reads `path` (by default: its name fits a pattern)."""
        name = os.path.basename(path)
        return any(fnmatch.fnmatch(name.lower(), p) for p in self.patterns)

    def in_folders(self) -> bool:
        """Whether folders are searched for files of `patterns` (named files always are)."""
        return False

    def read(self, source: Source) -> list[Record]:
        raise NotImplementedError

    def write(self, source: Source, edits: list[tuple[Record, str]]) -> bytes:
        """The file's new bytes, with each `(record, new text)` of `edits` written in
        place of the record's text and every other byte as it was."""
        raise DraftError(f"{self.name} files are never written")
