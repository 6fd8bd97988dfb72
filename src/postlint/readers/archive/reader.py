"""The `archive` reader: a platform's data export, read as one record per post.

It claims a `.zip`, a folder or one file that `source.open_export` recognises, and
returns its posts as a lazy sequence of records (`Posts`): an X archive may hold 60,000
posts, kept as compact `ArchivePost`s and made into a `Record` each time one is asked
for. Each record's front matter carries the export's platform and the post's date (the
date rules' publish date); its fields (`post_id`, `date`, `url`, `reply`, `repost`) go
to the JSON, SARIF and HTML output, and its note (date and link) to the text output.
Nothing is ever written to an export.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from ...hookspecs import hookimpl
from ...load.suggest import unknown_key
from ...load.yamlfile import ConfigError, line_of
from ...text.draft import DraftError
from ..base import Reader, Record, Source
from . import Filters, read_posts

if TYPE_CHECKING:
    from .post import ArchivePost

CONFIG_KEYS = {"replies": bool, "reposts": bool, "since": date, "until": date}


class Posts(Sequence):
    """An export's posts as records, each made when asked for (see the module)."""

    def __init__(self, posts: list[ArchivePost], reader: str = "archive"):
        self.posts, self.reader = posts, reader
        self.files = list(dict.fromkeys(p.file for p in posts))  # as findings name them

    def __len__(self) -> int:
        return len(self.posts)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [record(p, self.reader) for p in self.posts[index]]
        return record(self.posts[index], self.reader)


def record(post: ArchivePost, reader: str = "archive") -> Record:
    """The record of one post: its text, for its platform, dated, placed in the file."""
    when = post.date
    fields = {"post_id": post.id, "date": when.isoformat() if when else None,
              "url": post.url}
    if post.reply:
        fields["reply"] = True
    if post.repost:
        fields["repost"] = True
    front = {"platforms": [post.platform]}
    if when is not None:
        front.update(date=when.date(), datetime=when)
    note = " ".join(filter(None, [when.date().isoformat() if when else None, post.url])) or \
        f"post {post.id}"
    return Record(path=post.file, text=post.text, key=f"{post.file}#{post.id}",
                  front_matter=front, locate=post.position, fields=fields, note=note,
                  reader=reader, published=True)


class ArchiveReader(Reader):
    """Platform data exports: X, LinkedIn, Facebook, Instagram and Mastodon."""

    name = "archive"
    description = "platform data exports (X, LinkedIn, Facebook, Instagram, Mastodon)"
    patterns = ("*.zip",)
    writable = False

    def __init__(self, config):
        super().__init__(config)
        self.filters = Filters(**self._configured(config))
        self._found: dict[str, object] = {}  # path -> its Export (recognised in `claims`)

    @staticmethod
    def _configured(config) -> dict:
        """The config's `archive:` section: replies, reposts (true/false), since, until
        (dates); a mistake is a ConfigError with its line."""
        section = config.get("archive") if config is not None else None
        if section is None:
            return {}
        path = getattr(config, "path", None) or "<config>"
        if not isinstance(section, dict):
            raise ConfigError("expected a mapping (replies, reposts, since, until)", path,
                              config.line("archive"), "archive")
        out = {}
        for key, value in section.items():
            kind = CONFIG_KEYS.get(key)
            if kind is None:
                raise ConfigError(unknown_key(key, list(CONFIG_KEYS)), path,
                                  line_of(section, key), f"archive.{key}")
            if kind is date and isinstance(value, str):
                try:
                    value = date.fromisoformat(value)
                except ValueError:
                    pass
            if not isinstance(value, kind) or (kind is bool) != isinstance(value, bool):
                what = "true or false" if kind is bool else "a date (YYYY-MM-DD)"
                raise ConfigError(f"expected {what}, got {value!r}", path,
                                  line_of(section, key), f"archive.{key}")
            out[key] = value
        if "since" in out and "until" in out and out["since"] > out["until"]:
            raise ConfigError(f"{out['since']} is after archive.until {out['until']}, so no "
                              "post would be linted", path, line_of(section, "since"),
                              "archive.since")
        return out

    def restrict(self, since=None, until=None, replies=None, reposts=None) -> None:
        """Command-line filters, over the config's."""
        given = {k: v for k, v in dict(since=since, until=until, replies=replies,
                                       reposts=reposts).items() if v is not None}
        self.filters = Filters(**{**self.filters.__dict__, **given})

    def claims(self, path: str) -> bool:
        if path in self._found:
            return self._found[path] is not None
        if not (path.lower().endswith((".zip", ".js", ".json", ".csv")) or os.path.isdir(path)):
            return False
        from .exports import ExportError  # (the modules that read exports, on first use)
        from .source import open_export

        try:
            self._found[path] = open_export(path, path)
        except ExportError as exc:
            self._found[path] = exc  # claimed: `read` reports it
        return self._found[path] is not None

    def read(self, source: Source) -> Posts:
        import zipfile
        import zlib

        from .exports import ExportError
        from .source import open_export

        found = self._found.pop(source.path, None)
        try:
            if found is None or isinstance(found, ExportError):  # (its error, named as shown)
                found = open_export(source.path, source.display)
            if found is None:
                raise ExportError(source.display, "not a data export")
            found.shown = source.display
            try:
                posts = list(read_posts(found, self.filters))
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
                raise ExportError(source.display, f"cannot read the export: {exc}") from None
            finally:
                found.close()
        except ExportError as exc:
            raise DraftError(_relative(str(exc), source.display)) from None
        return Posts(posts, self.name)


def _relative(message: str, display: str) -> str:
    """An error about a file inside the export, said without repeating the export's name
    (the command prints `display: error: ` before it)."""
    if message.startswith(display + ": "):
        return message[len(display) + 2:]
    if message.startswith(display + "/"):
        return message[len(display) + 1:]
    return message


@hookimpl
def postlint_readers():
    return [ArchiveReader]
