"""The posts of each platform's data export, read from the files that hold them.

Each reader takes an open (binary) file and the name it is shown under and yields
`ArchivePost`s in file order; a file that is not what it should be raises `ExportError`
naming the file, the line and column, and what was expected.

- X: `data/tweets.js` (`tweets-part1.js`, ... in large archives; `tweet.js` in older
  ones): `window.YTD.tweets.part0 = [{"tweet": {...}}, ...]`; the text is `full_text`,
  HTML-escaped (`&amp;`). Retweets start "RT @"; a reply to someone else has
  `in_reply_to_user_id_str` other than the account's own (from `data/account.js`).
- LinkedIn: `Shares.csv` (Date, ShareLink, ShareCommentary, SharedUrl, MediaUrl,
  Visibility) and `Comments.csv` (Date, Link, Message: replies).
- Facebook: `your_posts*.json` (a list of {timestamp, data: [{post}], title}) and
  `comments.json` ({comments_v2: [...]}: replies); Instagram: `posts_*.json` (a list of
  {media: [{uri, creation_timestamp, title}], title?}), `reels.json`, `stories.json`, and
  `post_comments_*.json` (replies). Both spell UTF-8 bytes as separate characters; the
  text is repaired (`textmap.mojibake`).
- Mastodon: `outbox.json`, an ActivityPub OrderedCollection; `Create` activities hold the
  Note (HTML `content`), `Announce` activities are boosts (no text of the user's).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import BinaryIO, Iterator
from urllib.parse import unquote

from . import textmap
from .jsonstream import Item, JsonError, JsonLists
from .post import ArchivePost

PLATFORMS = {"x": "X (Twitter)", "linkedin": "LinkedIn", "facebook": "Facebook",
             "instagram": "Instagram", "mastodon": "Mastodon"}
CSV_LIMIT = 256 << 20  # bytes of a LinkedIn CSV file (a large one is a few megabytes)


class ExportError(Exception):
    """An export file that cannot be read: `file:line:col: message`."""

    def __init__(self, file: str, message: str, line: int | None = None,
                 column: int | None = None):
        where = f"{file}:{line}:{column}" if line else file
        super().__init__(f"{where}: {message}")
        self.file, self.message, self.line, self.column = file, message, line, column


def _lists(stream: BinaryIO, file: str, what: str, prefix=None, hint="") -> Iterator[tuple]:
    """(reader, item) for each item, with a JSON problem turned into an ExportError."""
    reader = JsonLists(stream, what, prefix, hint)
    try:
        for item in reader:
            yield reader, item
    except JsonError as exc:
        raise ExportError(file, exc.message, exc.line, exc.column) from None


def _bad(reader: JsonLists, item: Item, file: str, message: str):
    line, column = reader.position(item.start)
    raise ExportError(file, message, line, column)


def _utc(seconds) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(seconds), timezone.utc)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _unique(seen: dict, key: str) -> str:
    """`key`, or `key-2`, `key-3`... when it was handed out before."""
    count = seen.get(key, 0) + 1
    seen[key] = count
    return key if count == 1 else f"{key}-{count}"


# -- X ---------------------------------------------------------------------------------

YTD = re.compile(r"window\.YTD\.[A-Za-z0-9_]+\.part[0-9]+[ \t\r\n]*=[ \t\r\n]*")
_MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}


def x_date(text: str) -> datetime | None:
    """X's `created_at`, "Sat Feb 18 12:33:11 +0000 2023" (parsed by hand: strptime is
    ten times slower and depends on the locale)."""
    try:
        _, month, day, clock, zone, year = text.split()
        hour, minute, second = clock.split(":")
        sign = -1 if zone[0] == "-" else 1
        offset = sign * (int(zone[1:3]) * 60 + int(zone[3:5]))
        moment = datetime(int(year), _MONTHS[month], int(day), int(hour), int(minute),
                          int(second), tzinfo=timezone.utc)
        return moment - timedelta(minutes=offset)
    except (ValueError, KeyError, IndexError):
        return None


def x_account(stream: BinaryIO, file: str) -> tuple[str | None, str | None]:
    """(username, account id) from `data/account.js`."""
    for _, item in _lists(stream, file, "the account", YTD, "window.YTD.account.part0 = ["):
        account = item.value.get("account") if isinstance(item.value, dict) else None
        if isinstance(account, dict):
            return account.get("username"), account.get("accountId")
    return None, None


def x_posts(stream: BinaryIO, file: str, username: str | None = None,
            account_id: str | None = None) -> Iterator[ArchivePost]:
    """The tweets of a `tweets.js` (or `tweet.js`) file."""
    for reader, item in _lists(stream, file, "a list of tweets", YTD,
                               "window.YTD.tweets.part0 = ["):
        value = item.value
        tweet = value.get("tweet", value) if isinstance(value, dict) else None
        text = tweet.get("full_text", tweet.get("text")) if isinstance(tweet, dict) else None
        post_id = tweet.get("id_str", tweet.get("id")) if isinstance(tweet, dict) else None
        if not isinstance(text, str) or not isinstance(post_id, (str, int)):
            _bad(reader, item, file, "expected a tweet (an object with 'full_text' and "
                                     "'id_str') in the list of tweets")
        raw = reader.locate(item, "full_text" if "full_text" in tweet else "text", text)
        if raw is None:  # (a parsed string is always found; this is a safety net)
            line, column = reader.position(item.start)
            raw_text, decode = text, "plain"
        else:
            raw_text, decode, line, column = raw.text, "json+entities", raw.line, raw.column
        post_id = str(post_id)
        replied = tweet.get("in_reply_to_user_id_str") or tweet.get("in_reply_to_user_id")
        url = (f"https://x.com/{username}/status/{post_id}" if username
               else f"https://x.com/i/web/status/{post_id}")
        yield ArchivePost(
            "x", post_id, x_date(str(tweet.get("created_at", ""))), url,
            textmap.entities(text), file, line, column, raw_text, decode,
            reply=bool(replied) and str(replied) != str(account_id),
            repost=text.startswith("RT @") or tweet.get("retweeted") is True)


# -- LinkedIn --------------------------------------------------------------------------

class CsvCell:
    __slots__ = ("raw", "quoted", "line", "column")

    def __init__(self, raw: str, quoted: bool, line: int, column: int):
        self.raw, self.quoted, self.line, self.column = raw, quoted, line, column

    @property
    def value(self) -> str:
        return textmap.csv_cell(self.raw, self.quoted)


def csv_rows(text: str) -> Iterator[list[CsvCell]]:
    """The rows of a CSV text as cells that know their raw spelling and position.

    As LinkedIn writes it: comma-separated, `"` quotes a cell (a quote inside one is
    doubled; a lone quote that does not end the cell is kept, as lenient readers do),
    and a quoted cell may span lines."""
    index, line, line_start, size = 0, 1, 0, len(text)
    if text.startswith("\ufeff"):
        index = line_start = 1
    row: list[CsvCell] = []
    while index < size or row:
        column = index - line_start + 1
        if index < size and text[index] == '"':
            start = index + 1
            end = start
            while True:
                end = text.find('"', end)
                if end < 0:
                    raise ValueError(f"line {line}: a quoted cell is never closed"
                                     " (the file is cut short?)")
                if text.startswith('""', end):
                    end += 2
                    continue
                if end + 1 >= size or text[end + 1] in ",\r\n":
                    break
                end += 1  # a lone quote inside the cell
            row.append(CsvCell(text[start:end], True, line, column + 1))
            newlines = text.count("\n", start, end)
            if newlines:
                line += newlines
                line_start = text.rfind("\n", start, end) + 1
            index = end + 1
        else:
            end = index
            while end < size and text[end] not in ",\r\n":
                end += 1
            row.append(CsvCell(text[index:end], False, line, column))
            index = end
        if index < size and text[index] == ",":
            index += 1
            continue
        if index < size and text[index] == "\r":
            index += 1
        if index < size and text[index] == "\n":
            index += 1
        line += 1
        line_start = index
        if any(cell.raw for cell in row) or len(row) > 1:
            yield row
        row = []
        if index >= size:
            break


def _csv_text(stream: BinaryIO, file: str) -> str:
    data = stream.read(CSV_LIMIT + 1)
    if len(data) > CSV_LIMIT:
        raise ExportError(file, f"more than {CSV_LIMIT >> 20} MB; that is no LinkedIn export")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ExportError(file, f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", line) from None


LINKEDIN_SHARES = ("Date", "ShareLink", "ShareCommentary")
LINKEDIN_COMMENTS = ("Date", "Link", "Message")


def linkedin_header(first_line: str) -> str | None:
    """"shares" or "comments" when a CSV header line is LinkedIn's, else None."""
    names = [name.strip().strip('"') for name in first_line.lstrip("\ufeff").split(",")]
    if all(n in names for n in LINKEDIN_SHARES):
        return "shares"
    if all(n in names for n in LINKEDIN_COMMENTS):
        return "comments"
    return None


def _linkedin_date(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.strip()).replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def _urn_id(link: str) -> str | None:
    """The number at the end of a LinkedIn post link (`urn:li:share:123` or
    `urn:li:activity:123`, escaped or not)."""
    match = re.search(r"urn:li:[A-Za-z]+:([0-9]+)", unquote(link))
    return match.group(1) if match else None


def linkedin_posts(stream: BinaryIO, file: str) -> Iterator[ArchivePost]:
    """The posts of `Shares.csv` and the comments (replies) of `Comments.csv`."""
    try:
        rows = csv_rows(_csv_text(stream, file))
        header = next(rows, None)
        if header is None:
            raise ExportError(file, "empty file; expected LinkedIn's Shares.csv or "
                                    "Comments.csv with a header line")
        names = [cell.value.strip() for cell in header]
        kind = linkedin_header(",".join(names))
        if kind is None:
            raise ExportError(file, "expected LinkedIn's header (Date, ShareLink, "
                                    "ShareCommentary, ... or Date, Link, Message); found "
                                    + ", ".join(names[:6]), 1, 1)
        column = {name: i for i, name in enumerate(names)}
        text_column = column["ShareCommentary" if kind == "shares" else "Message"]
        link_column = column["ShareLink" if kind == "shares" else "Link"]
        seen: dict = {}
        for number, row in enumerate(rows, 2):
            if len(row) <= text_column:
                cell = row[0]
                raise ExportError(file, f"row {number} has {len(row)} cells; expected "
                                        f"{len(names)} as the header names", cell.line,
                                  cell.column)
            cell = row[text_column]
            text = cell.value
            link = row[link_column].value if len(row) > link_column else ""
            date = _linkedin_date(row[column["Date"]].value)
            if kind == "shares":
                post_id = _urn_id(link) or f"row-{number}"
            else:
                post_id = f"comment-{date.strftime('%Y%m%dT%H%M%S') if date else number}"
            yield ArchivePost(
                "linkedin", _unique(seen, post_id), date, link or None, text, file,
                cell.line, cell.column, cell.raw, "csv-quoted" if cell.quoted else "csv",
                reply=kind == "comments",
                repost=kind == "shares" and not text.strip() and bool(
                    len(row) > column.get("SharedUrl", 99) and row[column["SharedUrl"]].value))
    except ValueError as exc:
        raise ExportError(file, f"not a CSV file LinkedIn writes: {exc}") from None


# -- Facebook and Instagram ------------------------------------------------------------

_SHARED = re.compile(r"\bshared (?:a post|a memory|a reel|an? (?:photo|video)|.+'s "
                     r"(?:post|photo|video|reel|memory))")


def _meta_post(reader: JsonLists, item: Item, file: str, platform: str, key: str,
               text: str, date: datetime | None, seen: dict, reply=False,
               repost=False) -> ArchivePost:
    """A post of a Meta export: the raw spelling of `text` (the value of `key`) found,
    the escaped bytes repaired."""
    raw = reader.locate(item, key, text)
    if raw is None:
        line, column = reader.position(item.start)
        raw_text, decode = textmap.mojibake(text), "plain"
    else:
        raw_text, decode, line, column = raw.text, "json+mojibake", raw.line, raw.column
    stamp = date.strftime("%Y%m%dT%H%M%S") if date else "undated"
    return ArchivePost(platform, _unique(seen, f"{'comment-' if reply else ''}{stamp}"), date,
                       None, textmap.mojibake(text), file, line, column, raw_text, decode,
                       reply=reply, repost=repost)


def _first_text(entries, key: str) -> str | None:
    for entry in entries if isinstance(entries, list) else ():
        if isinstance(entry, dict) and isinstance(entry.get(key), str):
            return entry[key]
    return None


def facebook_posts(stream: BinaryIO, file: str) -> Iterator[ArchivePost]:
    """Posts of a `your_posts*.json` file, or comments (replies) of `comments.json`."""
    seen: dict = {}
    for reader, item in _lists(stream, file, "a list of Facebook posts"):
        value = item.value
        if not isinstance(value, dict) or "timestamp" not in value:
            if item.key is not None and not isinstance(value, dict):
                continue  # a list of something else beside the posts
            _bad(reader, item, file, "expected a Facebook post (an object with "
                                     "'timestamp' and 'data')")
        date = _utc(value.get("timestamp"))
        data = value.get("data")
        text = _first_text(data, "post")
        if text is not None:
            title = textmap.mojibake(str(value.get("title", "")))
            yield _meta_post(reader, item, file, "facebook", "post", text, date, seen,
                             repost=bool(_SHARED.search(title)))
            continue
        comment = _first_text([e.get("comment") for e in data if isinstance(e, dict)]
                              if isinstance(data, list) else [], "comment")
        if comment is not None:
            yield _meta_post(reader, item, file, "facebook", "comment", comment, date, seen,
                             reply=True)


def instagram_posts(stream: BinaryIO, file: str) -> Iterator[ArchivePost]:
    """Posts of `posts_*.json`, `reels.json` or `stories.json` (captions), or comments
    (replies) of `post_comments_*.json`."""
    seen: dict = {}
    for reader, item in _lists(stream, file, "a list of Instagram posts"):
        value = item.value
        if not isinstance(value, dict):
            if item.key is not None:
                continue
            _bad(reader, item, file, "expected an Instagram post (an object with 'media')")
        comment = value.get("string_map_data")
        if isinstance(comment, dict):
            text = (comment.get("Comment") or {}).get("value")
            if isinstance(text, str) and text:
                date = _utc((comment.get("Time") or {}).get("timestamp"))
                yield _meta_post(reader, item, file, "instagram", "value", text, date, seen,
                                 reply=True)
            continue
        media = value.get("media")
        first = media[0] if isinstance(media, list) and media and isinstance(media[0], dict) \
            else value if "uri" in value else None
        if first is None:
            _bad(reader, item, file, "expected an Instagram post (an object with 'media')")
        text = value.get("title") if isinstance(value.get("title"), str) and value.get("title") \
            else first.get("title")
        if not isinstance(text, str) or not text:
            continue
        date = _utc(value.get("creation_timestamp", first.get("creation_timestamp")))
        yield _meta_post(reader, item, file, "instagram", "title", text, date, seen)


# -- Mastodon --------------------------------------------------------------------------

PUBLIC = "https://www.w3.org/ns/activitystreams#Public"


def _iso_date(text) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _audience(activity: dict, note: dict) -> list:
    out = []
    for source in (activity, note):
        for key in ("to", "cc"):
            value = source.get(key)
            out += value if isinstance(value, list) else [value] if value else []
    return out


def mastodon_posts(stream: BinaryIO, file: str) -> Iterator[ArchivePost]:
    """The posts of `outbox.json`: each `Create` activity's Note; boosts (`Announce`) are
    reposts without text of the user's, and are skipped; direct messages too (no public,
    unlisted or followers audience)."""
    seen: dict = {}
    for reader, item in _lists(stream, file, "an ActivityPub outbox (OrderedCollection)"):
        if item.key != "orderedItems":
            continue
        activity = item.value
        if not isinstance(activity, dict) or "type" not in activity:
            _bad(reader, item, file, "expected an ActivityPub activity (an object with "
                                     "'type') in 'orderedItems'")
        note = activity.get("object")
        if activity["type"] != "Create" or not isinstance(note, dict):
            continue
        content = note.get("content")
        if not isinstance(content, str) or not content:
            continue
        audience = _audience(activity, note)
        if not any(a == PUBLIC or str(a).endswith("/followers") for a in audience):
            continue  # a direct message
        raw = reader.locate(item, "content", content)
        if raw is None:
            line, column = reader.position(item.start)
            raw_text, decode = textmap.html_text(content), "plain"
        else:
            raw_text, decode, line, column = raw.text, "json+html", raw.line, raw.column
        object_id = str(note.get("id") or activity.get("id") or "")
        post_id = object_id.rstrip("/").rsplit("/", 1)[-1] or str(len(seen) + 1)
        actor = str(activity.get("actor") or note.get("attributedTo") or "")
        parent = note.get("inReplyTo")
        url = note.get("url") if isinstance(note.get("url"), str) else object_id or None
        yield ArchivePost(
            "mastodon", _unique(seen, post_id), _iso_date(note.get("published") or
                                                          activity.get("published")),
            url, textmap.html_text(content), file, line, column, raw_text, decode,
            reply=bool(parent) and not (actor and str(parent).startswith(actor + "/")))


READERS = {"x": x_posts, "linkedin": linkedin_posts, "facebook": facebook_posts,
           "instagram": instagram_posts, "mastodon": mastodon_posts}
