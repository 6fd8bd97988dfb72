"""Platforms as data: limits, counting units, folds and entity limits.

A platform is a YAML file `platforms/NAME.yaml` in a rule folder, or an entry of the
config's `platform-settings:` (which overrides a built-in key by key, or defines a new
platform, optionally `extends:` another). Every key is checked here, with file, line
and key path. `targets()` says which platforms a draft is for, and `posted()` gives the
text a platform receives from one post, with a map back to draft offsets.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..load import yamlfile
from ..load.suggest import did_you_mean, unknown_key
from ..load.yamlfile import ConfigError, Map, line_of
from .counting import UNITS

TYPO_CUTOFF = 0.8  # a new platform's name this close to a built-in one is taken for a typo

NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
# key -> (kind, help); kinds: str, int, bool, units (unit -> int), folds (name -> int), counting
KEYS = {
    "name": ("str", "the platform's name, as drafts and --platform give it"),
    "title": ("str", "the name shown to people"),
    "source": ("str", "where the numbers come from"),
    "extends": ("str", "config only: start from this platform's settings"),
    "length": ("units", "most a post may hold, per counting unit (unit: limit)"),
    "counting": ("counting", "url_length, bare_urls, mention_without_domain"),
    "folds": ("folds", "preview cuts: name: offset in fold_unit"),
    "fold_unit": ("unit", "unit of the fold offsets (default: the first length unit)"),
    "max_hashtags": ("int", "most hashtags in one post"),
    "max_mentions": ("int", "most mentions in one post"),
    "max_links": ("int", "most links in one post"),
    "max_posts": ("int", "most posts in one thread (else the thread-length rule's max_posts)"),
    "threads": ("bool", "whether the platform has threads (false: a draft is one post)"),
    "aliases": ("names", "other names people give the platform (twitter for x)"),
}
COUNTING = {"url_length": int, "bare_urls": bool, "mention_without_domain": bool}
UNIT_NAMES = {
    "x": "weighted characters",
    "graphemes": "characters",
    "utf8-bytes": "bytes (UTF-8)",
    "code-points": "characters",
    "utf16": "UTF-16 code units",
    "threads": "characters (an emoji counts its UTF-8 bytes)",
}


@dataclass
class Platform:
    """A platform as the rules read it."""

    name: str
    title: str = ""
    length: dict[str, int] = field(default_factory=dict)  # unit -> limit, in file order
    counting: dict = field(default_factory=dict)  # keyword options of counting.length()
    folds: dict[str, int] = field(default_factory=dict)  # name -> offset, smallest first
    fold_unit: str = "code-points"
    max_hashtags: int | None = None
    max_mentions: int | None = None
    max_links: int | None = None
    max_posts: int | None = None
    threads: bool = True
    aliases: tuple = ()
    source: str = ""
    path: str = ""
    line: int = 0

    @property
    def fediverse(self) -> bool:
        """Mentions may carry a domain (`@user@host`), as on Mastodon."""
        return bool(self.counting.get("mention_without_domain"))


def problems(data, path: str, prefix: str = "", config: bool = False,
             base: dict | None = None) -> list[ConfigError]:
    """What is wrong with the keys present in a platform mapping (it may be partial);
    `base`: the platform's settings it changes, whose units an example names."""
    if not isinstance(data, dict):
        return [ConfigError("expected a mapping of platform settings", path,
                            getattr(data, "line", None), prefix or None)]
    errors = []

    def bad(key, message, container=data, where=None):
        errors.append(ConfigError(message, path, line_of(container, where or key),
                                  f"{prefix}{key}"))

    for key, value in data.items():
        if key not in KEYS or (key == "extends" and not config):
            bad(key, unknown_key(key, [k for k in KEYS if config or k != "extends"]))
            continue
        kind = KEYS[key][0]
        if kind == "str" and not isinstance(value, str):
            bad(key, f"expected a string, got {value!r}")
        elif kind == "bool" and not isinstance(value, bool):
            bad(key, f"expected true or false, got {value!r}")
        elif kind == "names" and not (isinstance(value, list)
                                      and all(isinstance(v, str) and NAME.match(v) for v in value)):
            bad(key, f"expected a list of kebab-case names, got {value!r}")
        elif kind == "int" and value is not None and not _count(value):
            bad(key, f"expected a whole number of 0 or more, got {value!r}")
        elif kind == "unit" and value not in UNITS:
            bad(key, f"expected a unit ({', '.join(UNITS)}), got {value!r}")
        elif kind in ("units", "folds", "counting"):
            if not isinstance(value, dict):
                bad(key, _shape(kind, key, value, base or {}))
                continue
            for sub, item in value.items():
                where = f"{key}.{sub}"
                if kind == "units" and sub not in UNITS:
                    bad(where, f"unknown unit (known: {', '.join(UNITS)})", value, sub)
                elif kind == "counting" and sub not in COUNTING:
                    bad(where, f"unknown option (known: {', '.join(COUNTING)})", value, sub)
                elif kind == "counting":
                    if item is not None and not (isinstance(item, COUNTING[sub])
                                                 and (COUNTING[sub] is bool or _count(item))):
                        bad(where, f"expected {'true or false' if COUNTING[sub] is bool else 'a whole number'}"
                                   f", got {item!r}", value, sub)
                elif item is not None and not (_count(item) and (kind == "folds" or item > 0)):
                    bad(where, f"expected a whole number{' above 0' if kind == 'units' else ''}"
                               f" (or null to remove it), got {item!r}", value, sub)
    name = data.get("name")
    if "name" in data and isinstance(name, str) and not NAME.match(name):
        bad("name", "expected a kebab-case name such as 'x' or 'x-premium'")
    return errors


def _shape(kind: str, key: str, value, base: dict) -> str:
    """The message for a `length`, `folds` or `counting` that is no mapping, with an
    example of the mapping meant (`length: 500` -> `length: {x: 500}` for X)."""
    got = "nothing (an empty value)" if value is None else repr(value)
    number = value if _count(value) else None
    if kind == "units":
        unit = next(iter(base.get("length") or {}), "graphemes")
        return (f"expected a mapping of counting unit to limit, such as {key}: "
                f"{{{unit}: {number or 500}}}, got {got} (units: {', '.join(UNITS)})")
    if kind == "folds":
        fold = next(iter(base.get("folds") or {}), "mobile")
        return (f"expected a mapping of fold name to offset, such as {key}: "
                f"{{{fold}: {number or 140}}}, got {got}")
    return (f"expected a mapping of counting options ({', '.join(COUNTING)}), such as "
            f"{key}: {{url_length: 23}}, got {got}")


def _count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def merged(base: dict, override: dict) -> Map:
    """`override` on top of `base`: mappings merge key by key, a null value removes a key."""
    out = Map(base)
    out.line, out.lines = getattr(base, "line", 0), dict(getattr(base, "lines", {}))
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            value = merged(out[key], value)
        if value is None:
            out.pop(key, None)
        else:
            out[key] = value
    return out


def build(name: str, data: dict, path: str, line: int = 0) -> Platform:
    """A Platform from a checked mapping."""
    length = {u: n for u, n in (data.get("length") or {}).items() if n is not None}
    folds = {k: n for k, n in (data.get("folds") or {}).items() if n is not None}
    counting = {k: v for k, v in (data.get("counting") or {}).items() if v is not None}
    unit = data.get("fold_unit") or next(iter(length), "code-points")
    return Platform(name, data.get("title") or name, length, counting,
                    dict(sorted(folds.items(), key=lambda kv: kv[1])), unit,
                    data.get("max_hashtags"), data.get("max_mentions"), data.get("max_links"),
                    data.get("max_posts"), data.get("threads", True),
                    tuple(data.get("aliases") or ()), data.get("source") or "", path, line)


def load_folder(folder: Path) -> tuple[dict[str, tuple[Map, Platform]], list[ConfigError]]:
    """The platforms of `folder/platforms/*.yaml`, each with its raw mapping."""
    found, errors = {}, []
    for path, data in yamlfile.load_each(sorted((folder / "platforms").glob("*.y*ml")), errors,
                                         folder):
        problems_here = problems(data, str(path))
        if not problems_here and data.get("name", path.stem) != path.stem:
            problems_here.append(ConfigError(f"expected the file's name {path.stem!r}", str(path),
                                             line_of(data, "name"), "name"))
        if problems_here:
            errors += problems_here
            continue
        found[path.stem] = (data, build(path.stem, data, str(path), data.line or 1))
    return found, errors


def with_settings(builtin: dict[str, tuple[Map, Platform]], settings, path: str
                  ) -> tuple[dict[str, Platform], list[ConfigError]]:
    """The built-in platforms with the config's `platform-settings` applied."""
    out = {name: platform for name, (_, platform) in builtin.items()}
    if not settings:
        return out, []
    if not isinstance(settings, dict):
        return out, [ConfigError("expected a mapping of platform name -> settings", path,
                                 getattr(settings, "line", None), "platform-settings")]
    errors = []
    for name, data in settings.items():
        prefix = f"platform-settings.{name}"
        line = line_of(settings, name)
        if not isinstance(name, str) or not NAME.match(name):
            errors.append(ConfigError("expected a kebab-case platform name such as "
                                      "'mastodon-social'", path, line, prefix))
            continue
        parent = data.get("extends", name) if isinstance(data, dict) else name
        found = problems(data, path, prefix + ".", config=True,
                         base=builtin[parent][0] if parent in builtin else None)
        if "name" in data and data["name"] != name:  # (dropped: the key names it)
            found.append(ConfigError(f"a platform here is named by its key ({name}); remove "
                                     "name:, or rename the key", path, line_of(data, "name"),
                                     f"{prefix}.name"))
        if found:
            errors += found
            continue
        if name not in builtin and "extends" not in data:
            meant = _meant(name, builtin)
            if meant:
                errors.append(ConfigError(meant, path, line, prefix))
                continue
        parent = data.get("extends", name)
        if parent not in builtin and parent != name:
            errors.append(ConfigError(f"unknown platform {parent!r} (known: "
                                      f"{', '.join(sorted(builtin))})", path,
                                      line_of(data, "extends"), f"{prefix}.extends"))
            continue
        base = builtin[parent][0] if parent in builtin else Map()
        out[name] = build(name, merged(base, yamlfile.without(data, "extends", "name")),
                          path, line)
    return out, errors


def _meant(name: str, builtin: dict) -> str | None:
    """Why settings for a new platform `name` (no `extends:`) must be meant for a built-in
    one: `name` is its alias (`twitter`), or so close to its name that it is a typo
    (`mastodn`). Either way the settings would make a platform of no limits but theirs,
    and leave the one meant as it was."""
    other = aliases({key: platform for key, (_, platform) in builtin.items()})
    if name in other:
        return (f"'{name}' is another name of '{other[name]}': change that platform as "
                f"platform-settings.{other[name]}")
    hint = did_you_mean(name, sorted(builtin), TYPO_CUTOFF)
    if hint:
        return (f"unknown platform {name!r}{hint}; to add a platform of a name this close "
                "to a built-in one, give it extends:")
    return None


def front_matter_names(front_matter: dict) -> list[str]:
    """Platforms a draft names: `platforms:` then `platform:`, without repeats."""
    several, one = front_matter.get("platforms"), front_matter.get("platform")
    if not several and not one:  # (most drafts: every check of every post asks)
        return []
    names = [*(several or ()), one]
    return list(dict.fromkeys(str(n) for n in names if n))


def aliases(platforms: dict[str, Platform]) -> dict[str, str]:
    """Other names of the platforms (`twitter` -> `x`); a platform's own name wins."""
    return {alias: p.name for p in platforms.values() for alias in p.aliases
            if alias not in platforms}


def unknown(name: str, known: dict) -> str:
    """The message for a platform name that is neither a platform nor an alias."""
    other = aliases(known)
    parts = [part.strip() for part in name.split(",")]
    if len(parts) > 1 and all(part in known or part in other for part in parts):
        return (f"unknown platform {name!r}: for several platforms, write a list, "
                f"[{', '.join(parts)}]")
    hint = did_you_mean(name, [*known, *other])
    for alias, meant in other.items():  # an alias is named with the platform it stands for
        hint = hint.replace(f"'{alias}'?", f"'{alias}', that is '{meant}'?")
    return f"unknown platform {name!r}" + (hint or f" (known: {', '.join(sorted(known))})")


def resolve_front_matter(front_matter: dict, known: dict) -> str | None:
    """Replace the aliases a draft's front matter names by the platforms' names (in
    place); the read error for a name that is no platform, or None."""
    other = aliases(known)
    for key in ("platforms", "platform"):
        value = front_matter.get(key)
        if not value:
            continue
        named = [str(n) for n in (value if isinstance(value, list) else [value])]
        for name in named:
            if name not in known and name not in other:
                return f"line {line_of(front_matter, key, 1)}: front matter: {unknown(name, known)}"
        resolved = [other.get(n, n) for n in named]
        front_matter[key] = resolved if isinstance(value, list) else resolved[0]
    return None


def targets(draft, context) -> list[Platform]:
    """The platforms a draft is for: its front matter, else the run's choices."""
    names = front_matter_names(draft.front_matter) or context.default_platforms
    return [context.platforms[n] for n in names if n in context.platforms]


# -- what a platform receives ---------------------------------------------------------

# What a platform does not receive as text: comments and images (an image is attached, its
# alt text is set apart); alone on its line, one goes with its line end. And the CR of CRLF.
_IMAGE = r"!\[[^\[\]\n]*\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)|<img\b[^<>]*>"
_NOT_POSTED = re.compile(rf"^[ \t]*(?:<!--.*?-->|{_IMAGE})[ \t]*(?:\r?\n|\Z)|<!--.*?(?:-->|\Z)"
                         rf"|{_IMAGE}|\r(?=\n)", re.DOTALL | re.MULTILINE | re.IGNORECASE)


@dataclass
class Posted:
    """The text of a post as published: HTML comments, images (Markdown `![alt](file)`
    and `<img>`) and the CR of CRLF removed, surrounding whitespace stripped; `images`
    counts the images. `offset(i)` maps back to a draft offset."""

    text: str
    _starts: list[int]  # offsets in `text` where a kept piece starts
    _origins: list[int]  # draft offsets of those pieces
    end: int  # draft offset just after the last posted character
    images: int = 0

    def offset(self, i: int) -> int:
        if i >= len(self.text):
            return self.end
        k = bisect.bisect_right(self._starts, i) - 1
        return self._origins[k] + i - self._starts[k]


def posted(post) -> Posted:
    """The published text of `post` (computed once per post)."""
    cached = post.__dict__.get("_posted")
    if cached is not None:
        return cached
    raw, base = post.text, post.start
    pieces, pos, images = [], 0, 0
    for m in _NOT_POSTED.finditer(raw):
        pieces.append((pos, raw[pos:m.start()]))
        pos = m.end()
        head = m.group().lstrip()[:4].lower()
        images += head.startswith("![") or head == "<img"
    pieces.append((pos, raw[pos:]))
    joined = "".join(p for _, p in pieces)
    lead = len(joined) - len(joined.lstrip())
    text = joined.strip()
    starts, origins, at = [], [], 0
    for origin, piece in pieces:
        if piece:
            starts.append(at - lead)
            origins.append(base + origin)
            at += len(piece)
    result = Posted(text, starts, origins, base, images)
    if text:
        last = result.offset(len(text) - 1)
        result.end = last + 1
    post.__dict__["_posted"] = result
    return result
