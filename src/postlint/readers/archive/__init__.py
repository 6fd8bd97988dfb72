"""Archive audit: the posts of a platform's data export, as drafts to lint.

`source.open_export` recognises an export (zip, folder or one file); `read_posts` yields
its posts (`post.ArchivePost`), filtered, in file order; `exports` reads each
platform's files, `jsonstream` large JSON files a block at a time, and `textmap` maps
each character of a post's text back to where the file spells it.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from .post import ArchivePost
    from .source import Export

__all__ = ["ArchivePost", "Export", "ExportError", "Filters", "open_export", "read_posts"]
# the modules that read exports load when first used: a run of drafts needs none of them
_LAZY = {"ArchivePost": "post", "Export": "source", "ExportError": "exports",
         "open_export": "source"}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class Filters:
    """Which posts to read: replies and reposts or not, and a date range (inclusive, by
    each post's UTC date; an undated post is kept only without a range)."""

    replies: bool = True
    reposts: bool = True
    since: date | None = None
    until: date | None = None

    def keep(self, post: ArchivePost) -> bool:
        if (post.reply and not self.replies) or (post.repost and not self.reposts):
            return False
        if self.since is None and self.until is None:
            return True
        if post.date is None:
            return False
        day = post.date.date()
        return (self.since is None or day >= self.since) and \
            (self.until is None or day <= self.until)


def read_posts(export: Export, filters: Filters = Filters()) -> Iterator[ArchivePost]:
    """The posts of an export that pass `filters`, file by file in export order.
    Posts without text (a repost that only shares, a photo without caption) are left out."""
    from .exports import READERS, ExportError, x_account

    username = account_id = None
    if export.account:
        with export.open(export.account) as handle:
            try:
                username, account_id = x_account(handle, export.display(export.account))
            except ExportError:
                pass  # without it, links use x.com/i/web and self-replies count as replies
    for member, platform in export.members:
        shown = export.display(member)
        with export.open(member) as handle:
            reader = READERS[platform]
            posts = (reader(handle, shown, username, account_id) if platform == "x"
                     else reader(handle, shown))
            for post in posts:
                if post.text.strip() and filters.keep(post):
                    yield post
