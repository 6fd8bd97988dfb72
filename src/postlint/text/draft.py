"""A draft file: decoding, front matter, the posts of a thread, and positions.

Offsets everywhere are code-point offsets into `Draft.text` (the decoded file without
its BOM), so a finding's line and column are those of the original file.

A file may hold a thread: posts are separated by a line that holds only `---`
(front matter, which also uses `---`, is recognised only at the very start).
"""

from __future__ import annotations

import bisect
import datetime
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property

from ..load import languages, yamlfile
from . import markup

BOM = "\ufeff"
SEPARATOR = "---"
TOML_FENCE = "+++"  # Hugo's TOML front matter opens and closes with this line
# Front-matter keys postlint reads. Other keys (title, tags, slug... of Hugo, Jekyll,
# Astro, Netlify CMS or Notion) belong to other tools and are left alone, except one so
# close to a key here that it must be a typo (`profle:`).
FRONT_MATTER_KEYS = {"profile": str, "platform": str, "platforms": list, "disable": list,
                     "packs": list, "objective": str, "lang": str}
FRONT_MATTER_CHOICES = {"objective": ("traffic", "engagement", "awareness")}
# The publish date: the first of these keys a draft gives (postlint's own, then Hugo's,
# Astro's and the common `date`). YAML reads 2026-03-01 as a date. `publish` and `date`
# must hold a date; the other tools' keys count only when they do.
DATE_KEYS = ("publish", "publishDate", "pubDate", "date")
OWN_DATE_KEYS = ("publish", "date")
# The draft's language: `lang`, else another tool's key for it when it holds a language
# tag (`language: de`, `locale: es_MX`); `language: English` is left to its tool.
OTHER_LANG_KEYS = ("language", "locale")
READ_KEYS = DATE_KEYS + OTHER_LANG_KEYS  # (keys of other tools postlint reads: not foreign)
# Keys no other tool uses that say what `disable` does (the config's `ignore`, flake8's
# `noqa`): errors that name `disable`, not keys left alone with the rules still on. So is
# a key that names postlint (`postlint: {disable: ...}`, `postlint-disable:`): its keys
# go at the top, without a namespace.
MEANT_DISABLE = ("ignore", "extend-ignore", "noqa", "disable-rules", "disabled-rules",
                 "rules-disabled", "lint-disable")
# Keys that would turn rules on, or set what only the config sets: a draft's front matter
# turns rules off alone, and these were left as another tool's keys, the rules unchanged.
MEANT_ENABLE = ("enable", "enabled", "enable-rules", "enabled-rules", "rules-enabled",
                "select", "extend-select", "extend-enable")
CONFIG_ONLY = ("fail-on", "rules")  # (`rules` only when it holds a mapping, as the config's)
TYPO_CUTOFF = 0.8
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?=$|[T ])")
# The time that may follow it: 24-hour or with am/pm, then a zone (Z, +01:00, CET,
# Europe/Berlin), as scheduling tools and static site generators write them.
_TIME = re.compile(r"[T ]\s*(?:(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?"
                   r"(?:\s*[AaPp]\.?[Mm]\.?)?|(?:0?[1-9]|1[0-2])\s*[AaPp]\.?[Mm]\.?)"
                   r"(?:\s*(?:Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,5}|[A-Za-z]+/[A-Za-z_]+))?\s*")


class DraftError(Exception):
    """A draft that cannot be read or whose front matter is wrong (one line, with position)."""


def decode(data: bytes, what: str = "a draft", fix: str = "save the file as UTF-8") -> str:
    """The text of a file's bytes (strict UTF-8, a BOM kept); DraftError naming the line of
    the first bad byte, or saying the file is binary, and what to do (`fix`)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # (PowerShell's `>` and Notepad's "Unicode")
        raise DraftError(f"line 1: saved as UTF-16, not UTF-8; {fix}")
    if b"\0" in data:
        raise DraftError(f"binary file (contains NUL bytes), not {what}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise DraftError(f"line {line}: not valid UTF-8 (byte 0x{data[exc.start]:02x}); "
                         f"{fix}") from None


@dataclass
class Post:
    """One post of a draft: `text` and `prose` are slices of the draft at [start, end)."""

    draft: "Draft"
    index: int
    start: int
    end: int

    @cached_property
    def text(self) -> str:
        return self.draft.text[self.start:self.end]

    @cached_property
    def prose(self) -> str:
        """The text with code, URLs, comments, HTML and link targets blanked out."""
        return self.draft.prose[self.start:self.end]

    @property
    def literal(self) -> str:
        """The text with only code and HTML comments blanked out."""
        return self.draft.literal[self.start:self.end]


@dataclass
class PostView(Post):
    """A post with only the spans `keep` (offsets into the post) left, the rest blanked
    (newlines kept): what a rule reads of a post that mixes languages it knows with
    others. Offsets are those of the post."""

    keep: tuple = ()

    def _kept(self, text: str) -> str:
        parts, done = [], 0
        for start, end in self.keep:
            parts += [markup.blank(text[done:start]), text[start:end]]
            done = end
        return "".join(parts) + markup.blank(text[done:])

    @cached_property
    def text(self) -> str:
        return self._kept(self.draft.text[self.start:self.end])

    @cached_property
    def prose(self) -> str:
        return self._kept(self.draft.prose[self.start:self.end])


@dataclass
class Draft:
    """A decoded draft with its front matter and posts."""

    path: str
    text: str
    front_matter: dict = field(default_factory=dict)
    body_start: int = 0
    bom: bool = False
    posts: list[Post] = field(default_factory=list)
    publish_date: datetime.date | None = None  # from the front matter (see DATE_KEYS)
    publish_date_line: int = 0  # the line of its key, for messages
    foreign_keys: dict = field(default_factory=dict)  # front-matter keys postlint ignored: line
    # Set by the linter after the checks ran, for the checks that report on suppressions.
    suppressions: list = field(default_factory=list)
    active_rules: set = field(default_factory=set)
    known_rules: set = field(default_factory=set)

    @classmethod
    def from_bytes(cls, path: str, data: bytes) -> "Draft":
        text = decode(data)
        bom = text.startswith(BOM)
        draft = cls(path, text[1:] if bom else text, bom=bom)
        draft._parse_front_matter()
        draft._split_posts()
        return draft

    @classmethod
    def from_text(cls, text: str, path: str = "<text>") -> "Draft":
        return cls.from_bytes(path, text.encode("utf-8"))

    def _parse_front_matter(self) -> None:
        opener = next((o for o in (SEPARATOR, TOML_FENCE) if self.text.startswith(o)), None)
        if opener is None:
            return
        lines = markup.lines(self.text)
        # (white space after a fence is allowed, as Jekyll allows it and as a thread's
        # separators allow it: `--- ` was read as a separator, its keys as post text)
        if not lines or lines[0].rstrip(" \t\r\n") != opener:
            return
        closers = (SEPARATOR, "...") if opener == SEPARATOR else (TOML_FENCE,)
        offset = len(lines[0])
        for line in lines[1:]:
            if line.rstrip(" \t\r\n") in closers:
                source = self.text[len(lines[0]):offset]
                self.body_start = offset + len(line)
                self.front_matter = self._check_front_matter(source, opener == TOML_FENCE)
                return
            offset += len(line)
        raise DraftError(f"line 1: front matter opened with '{opener}' is never closed;"
                         f" end it with a line '{opener}'")

    def _check_front_matter(self, source: str, toml: bool = False) -> dict:
        try:
            data = _toml(source) if toml else yamlfile.loads_kept(source, self.path, line_offset=1)
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
                import difflib  # (only for a key it does not know)

                close = difflib.get_close_matches(
                    str(key).lower(), [*FRONT_MATTER_KEYS, *OTHER_LANG_KEYS], 1, TYPO_CUTOFF)
                named = str(key).lower().replace("_", "-")
                if named.startswith("postlint"):
                    rest = named[len("postlint"):].lstrip("-.:")
                    meant = "disable" if rest in MEANT_DISABLE or rest.startswith("disable") \
                        else rest if rest in FRONT_MATTER_KEYS else None
                    raise DraftError(
                        f"line {line}: front matter: unknown key '{key}': postlint's keys go "
                        f"at the top of the front matter, without a namespace" + (
                            f" (did you mean '{meant}'?)" if meant else
                            f" ({', '.join(FRONT_MATTER_KEYS)}, publish)"))
                if named in MEANT_ENABLE:
                    raise DraftError(
                        f"line {line}: front matter: unknown key '{key}': a draft's front "
                        "matter turns rules off only (disable: [...]); to run a rule its "
                        "profile leaves off, add it to extend-select in the config, or name "
                        "a profile that runs it (profile: ...)")
                if named in CONFIG_ONLY and (named != "rules" or isinstance(value, dict)):
                    raise DraftError(
                        f"line {line}: front matter: unknown key '{key}': it is a config key "
                        "(.postlint.yaml), not read in front matter; a draft sets profile, "
                        "platforms and disable")
                if named in MEANT_DISABLE:
                    raise DraftError(f"line {line}: front matter: unknown key '{key}' (did "
                                     f"you mean 'disable'? it turns rules off for this draft)")
                if close and str(key) not in READ_KEYS:
                    raise DraftError(f"line {line}: front matter: unknown key '{key}' "
                                     f"(did you mean '{close[0]}'?)")
                if key not in READ_KEYS:
                    self.foreign_keys[str(key)] = line
                continue
            if key == "lang" and languages.problem(value):
                raise DraftError(f"line {line}: front matter: lang: {languages.problem(value)}")
            if expected is list and isinstance(value, str):
                data[key] = [value]
            elif key in FRONT_MATTER_CHOICES and value not in FRONT_MATTER_CHOICES[key]:
                import difflib  # (only for a mistake)

                close = difflib.get_close_matches(str(value).lower(),
                                                  FRONT_MATTER_CHOICES[key], 1)
                raise DraftError(f"line {line}: front matter: '{key}' must be one of "
                                 f"{', '.join(FRONT_MATTER_CHOICES[key])}, got {value!r}"
                                 + (f" (did you mean '{close[0]}'?)" if close else ""))
            elif not isinstance(value, expected):
                got = "nothing (null)" if value is None else repr(value)
                hint = "; for several platforms, write platforms: [...]" \
                    if key == "platform" and isinstance(value, list) else ""
                raise DraftError(f"line {line}: front matter: '{key}' must be a"
                                 f" {'list' if expected is list else 'string'}, got {got}{hint}")
        self._read_date(data)
        self._read_lang(data)
        return data

    @staticmethod
    def _read_lang(data: dict) -> None:
        """`lang` from another tool's language key when postlint's own is not given."""
        if "lang" in data:
            return
        for key in OTHER_LANG_KEYS:
            value = data.get(key)
            tag = value.replace("_", "-") if isinstance(value, str) else None
            if tag and not languages.problem(tag):
                data["lang"] = tag
                return

    def _read_date(self, data: dict) -> None:
        """`publish_date` from the first date key that holds one; a `publish:` or `date:`
        that is not a date is an error, the other tools' keys are left alone."""
        for key in OWN_DATE_KEYS:
            value = data.get(key)
            if key in data and not isinstance(value, datetime.date) and not (
                    isinstance(value, str) and _iso_date(value)):
                raise DraftError(f"line {yamlfile.line_of(data, key)}: front matter: '{key}' "
                                 f"must be a date (YYYY-MM-DD, optionally with a time), got "
                                 f"{value!r}")
            if isinstance(value, str) and value.strip()[10:] and \
                    not _TIME.fullmatch(value.strip()[10:]):
                raise DraftError(f"line {yamlfile.line_of(data, key)}: front matter: '{key}': "
                                 f"{value.strip()[10:].strip()!r} is not a time of day; write "
                                 "YYYY-MM-DD HH:MM (24-hour, or with am/pm), optionally with "
                                 "a time zone")
        for key in DATE_KEYS:
            if key not in data:
                continue
            value, line = data[key], yamlfile.line_of(data, key)
            if isinstance(value, datetime.datetime):
                value = value.date()
            elif isinstance(value, str):
                value = _iso_date(value) or value
            if isinstance(value, datetime.date):
                self.publish_date, self.publish_date_line = value, line
                return
            self.foreign_keys[key] = line

    def _split_posts(self) -> None:
        starts, ends = [self.body_start], []
        offset = self.body_start
        fence = None
        for line in markup.lines(self.text[self.body_start:]):
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
    def literal(self) -> str:
        """The whole text with front matter, code and comments blanked, same length."""
        return markup.blank(self.text[:self.body_start]) + markup.literal(self.body)

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


def _toml(source: str) -> yamlfile.Map:
    """TOML front matter (Hugo's, between lines `+++`) as a Map whose keys and items
    know their lines (`load.tomllines`)."""
    if sys.version_info >= (3, 11):  # (imported only for a draft with TOML front matter)
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        from ..load import tomllines

        said, line = tomllines.decode_error(source, str(exc), first=2)
        raise yamlfile.ConfigError(said, "", line or 1) from None
    from ..load import tomllines

    return tomllines.with_lines(data, tomllines.lines(source, first=2), (), 2)


def _iso_date(text: str) -> datetime.date | None:
    """The date a string starting with YYYY-MM-DD (then a time, or nothing) gives, else None."""
    if not _ISO_DATE.match(text.strip()):
        return None
    try:
        return datetime.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None
