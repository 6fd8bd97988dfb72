"""Where an export is: a zip as downloaded, the unpacked folder, or one posts file.

`open_export(path)` recognises an export by its structure (the files a platform's
export holds, or a file's first bytes) and says which files hold posts; None when the
path is no export (then it is linted as drafts are). A zip is read in memory, member by
member, never extracted: a member whose name would point outside the archive (absolute,
`..`, a drive) refuses the whole zip, and so does one whose size is past the limits or
that expands more than a document can (a zip bomb).
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from dataclasses import dataclass, field
from typing import BinaryIO

from ...load import filesystem
from .exports import ExportError, linkedin_header

MAX_MEMBERS = 500_000  # a large X archive holds tens of thousands of media files
MEMBER_LIMIT = 4 << 30  # bytes one posts file may expand to
MAX_RATIO = 100  # JSON and CSV compress 5-15 times; a zip bomb, thousands of times
RATIO_FLOOR = 1 << 20  # (a member smaller than this may compress as it likes)
WALK_DEPTH = 4  # folders below an unpacked export searched for its files
WALK_LIMIT = 200_000  # entries looked at in an unpacked export
SNIFF = 64 * 1024  # bytes read to recognise a single file

# member path (posix, relative) -> (platform, role), first match wins
_MEMBERS = [
    (re.compile(r"(?:^|/)data/tweets?(?:-part[0-9]+)?\.js$"), "x", "posts"),
    (re.compile(r"^tweets?(?:-part[0-9]+)?\.js$"), "x", "posts"),
    (re.compile(r"(?:^|/)data/account\.js$"), "x", "account"),
    (re.compile(r"(?:^|/)shares\.csv$", re.I), "linkedin", "posts"),
    (re.compile(r"(?:^|/)comments\.csv$", re.I), "linkedin", "posts"),
    (re.compile(r"(?:^|/)your_posts[^/]*\.json$"), "facebook", "posts"),
    (re.compile(r"(?:^|/)(?:comments_and_reactions|comments)/comments\.json$"), "facebook",
     "posts"),
    (re.compile(r"(?:^|/)(?:content|media)/(?:posts_[0-9]+|reels|stories)\.json$"),
     "instagram", "posts"),
    (re.compile(r"(?:^|/)comments/(?:post_comments_[0-9]+|reels_comments)\.json$"),
     "instagram", "posts"),
    (re.compile(r"(?:^|/)outbox\.json$"), "mastodon", "posts"),
]
EXPECTED = ("data/tweets.js (X), Shares.csv (LinkedIn), your_posts_1.json (Facebook), "
            "content/posts_1.json (Instagram) or outbox.json (Mastodon)")


def classify(name: str) -> tuple[str, str] | None:
    """(platform, role) of an export member by its path, or None."""
    for pattern, platform, role in _MEMBERS:
        if pattern.search(name):
            return platform, role
    return None


def unsafe_name(name: str) -> bool:
    """Whether a zip member's name could point outside a folder it were extracted to."""
    if not name or "\0" in name or name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return True
    return any(part == ".." for part in re.split(r"[/\\]", name))


def _sort_key(name: str):
    """Posts files in export order: posts before comments, `tweets.js` before
    `tweets-part1.js`, 2 before 10."""
    return ("comments" in name.lower(),
            [int(p) if p.isdigit() else p for p in re.split(r"([0-9]+)", name)])


@dataclass
class Export:
    """An export found at `path` (shown as `shown`): its platform and posts files."""

    path: str
    shown: str
    kind: str  # zip, folder, file
    platform: str  # (several joined by "+" when one download holds two platforms' files)
    members: list[tuple[str, str]] = field(default_factory=list)  # (posts file, platform)
    account: str | None = None  # X's data/account.js
    _zip: zipfile.ZipFile | None = None
    _file: BinaryIO | None = None  # the zip file's own handle

    def display(self, member: str) -> str:
        """How findings name a posts file: `archive.zip/data/tweets.js`."""
        if self.kind == "file":
            return self.shown
        return f"{self.shown.rstrip('/')}/{member}"

    def open(self, member: str) -> BinaryIO:
        """A posts file, opened for reading in blocks."""
        if self._zip is not None:
            info = self._zip.getinfo(member)
            _check_member(info, self.shown)
            try:
                return self._zip.open(info)
            except (RuntimeError, NotImplementedError, zipfile.BadZipFile) as exc:
                raise ExportError(self.display(member), f"cannot read it from the zip: {exc}")
        path = self.path if self.kind == "file" else os.path.join(self.path, member)
        return _open_regular(path, self.display(member))

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
        if self._file is not None:
            self._file.close()


def _open_regular(path: str, shown: str) -> BinaryIO:
    try:
        return filesystem.open_regular(path)
    except filesystem.NotRegular as exc:
        raise ExportError(shown, str(exc)) from None
    except OSError as exc:
        raise ExportError(shown, f"cannot read: {exc.strerror or exc}") from None


def _check_member(info: zipfile.ZipInfo, shown: str) -> None:
    where = f"{shown}/{info.filename}"
    if info.flag_bits & 0x1:
        raise ExportError(where, "the member is encrypted; download the export again "
                                 "without a password")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise ExportError(where, "the member is a symbolic link, not a file; refusing it")
    if info.file_size > MEMBER_LIMIT:
        raise ExportError(where, f"the member expands to {info.file_size >> 20} MB, more "
                                 f"than the {MEMBER_LIMIT >> 30} GB a posts file may be")
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise ExportError(where, f"the member expands {info.file_size // max(info.compress_size, 1)}"
                                 f" times (to {info.file_size >> 20} MB); no export compresses"
                                 f" more than {MAX_RATIO} times, so this looks like a zip "
                                 "bomb; refusing it")


def _platform_of(found: list[tuple[str, str, str]], shown: str) -> tuple[str, list, str | None]:
    """The platform(s) of an export's classified members, its posts files (in reading
    order, with their platform) and X's account file."""
    members = sorted(((name, platform) for name, platform, role in found if role == "posts"),
                     key=lambda m: _sort_key(m[0]))
    if not members:
        raise ExportError(shown, f"no posts file found; expected {EXPECTED}")
    platform = "+".join(sorted({platform for _, platform in members}))
    account = next((name for name, _, role in found if role == "account"), None)
    return platform, members, account


def open_zip(path: str, shown: str) -> Export:
    """An export downloaded as a zip; ExportError when it is unsafe or holds no posts."""
    try:
        handle = filesystem.open_regular(path)  # (not a FIFO, which would block)
    except FileNotFoundError:
        raise ExportError(shown, "no such file") from None
    except filesystem.NotRegular as exc:
        raise ExportError(shown, str(exc)) from None
    except OSError as exc:
        raise ExportError(shown, f"cannot read: {exc.strerror or exc}") from None
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        handle.close()
        raise ExportError(shown, f"not a readable zip file ({exc}); download the export "
                                 "again, or unpack it and give the folder") from None
    try:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ExportError(shown, f"the zip holds {len(infos)} members, more than the "
                                     f"{MAX_MEMBERS} an export may; refusing it")
        found = []
        for info in infos:
            if unsafe_name(info.filename):
                raise ExportError(shown, f"the member {info.filename!r} would point outside "
                                         "the archive (absolute path or '..'); refusing the zip")
            kind = classify(info.filename) if not info.is_dir() else None
            if kind:
                found.append((info.filename, *kind))
        platform, members, account = _platform_of(found, shown)
        for name in [m for m, _ in members] + ([account] if account else []):
            _check_member(archive.getinfo(name), shown)
    except Exception:
        archive.close()
        handle.close()
        raise
    return Export(path, shown, "zip", platform, members, account, archive, handle)


def _walk(root: str) -> list[str]:
    """Regular files below `root` (posix paths relative to it), links not followed,
    at most WALK_DEPTH folders down and WALK_LIMIT entries in all."""
    out, seen = [], 0
    stack = [("", 0)]
    while stack:
        relative, depth = stack.pop()
        try:
            entries = list(os.scandir(os.path.join(root, relative)))
        except OSError:
            continue
        for entry in entries:
            seen += 1
            if seen > WALK_LIMIT:
                return out
            name = f"{relative}/{entry.name}" if relative else entry.name
            if entry.is_dir(follow_symlinks=False):
                if depth < WALK_DEPTH and not entry.name.startswith("."):
                    stack.append((name, depth + 1))
            elif entry.is_file(follow_symlinks=False):
                out.append(name)
    return out


# what an unpacked export holds at its top (or one folder down): a folder of drafts
# without any of these is not searched
MARKERS = ("data", "Shares.csv", "Comments.csv", "outbox.json", "your_facebook_activity",
           "your_instagram_activity", "posts", "content", "comments", "comments_and_reactions",
           "media", "tweets.js", "tweet.js")


def _may_be_export(path: str) -> bool:
    try:
        names = os.listdir(path)
    except OSError:
        return False
    if any(name in MARKERS or name.lower() in ("shares.csv", "comments.csv") for name in names):
        return True
    if len(names) > 3:
        return False
    folders = [n for n in names if os.path.isdir(os.path.join(path, n))]  # one wrapping folder
    return len(folders) == 1 and _may_be_export(os.path.join(path, folders[0]))


def open_folder(path: str, shown: str) -> Export | None:
    """An unpacked export, or None when the folder holds no export's posts files."""
    if not _may_be_export(path):
        return None
    found = [(name, *kind) for name in _walk(path) if (kind := classify(name))]
    if not any(role == "posts" for _, _, role in found):
        return None
    platform, members, account = _platform_of(found, shown)
    return Export(path, shown, "folder", platform, members, account)


def sniff(head: bytes, name: str) -> str | None:
    """The platform of one posts file from its first bytes (and name), or None."""
    text = head.decode("utf-8", "ignore").lstrip("\ufeff \t\r\n")
    if text.startswith("window.YTD.") and re.match(r"window\.YTD\.(?:tweets?|community_tweet)\.",
                                                     text):
        return "x"
    if name.lower().endswith(".csv"):
        kind = linkedin_header(text.split("\n", 1)[0])
        return "linkedin" if kind else None
    if not text.startswith(("[", "{")):
        return None
    if '"orderedItems"' in text and "OrderedCollection" in text:
        return "mastodon"
    if re.search(r'"(?:string_map_data|creation_timestamp|ig_reels_media|ig_stories)"', text):
        return "instagram"
    if re.search(r'"timestamp"\s*:', text) and re.search(r'"(?:post|comment)"\s*:', text) \
            or '"comments_v2"' in text:
        return "facebook"
    return None


def open_file(path: str, shown: str) -> Export | None:
    """One posts file given on its own, or None when its first bytes are no export's."""
    handle = _open_regular(path, shown)
    with handle:
        head = handle.read(SNIFF)
    platform = sniff(head, os.path.basename(path))
    if platform is None:
        return None
    return Export(path, shown, "file", platform, [(os.path.basename(path), platform)])


def open_export(path: str, shown: str | None = None) -> Export | None:
    """The export at `path`, or None when it is none (a draft, or a folder of drafts).

    A `.zip` is always taken for an export: one that is not (or is unsafe) is an
    ExportError."""
    shown = shown or path
    if path.lower().endswith(".zip") and not os.path.isdir(path):
        return open_zip(path, shown)
    if os.path.isdir(path):
        return open_folder(path, shown)
    if os.path.isfile(path) and path.lower().endswith((".js", ".json", ".csv")):
        return open_file(path, shown)
    return None
