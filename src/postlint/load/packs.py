"""Rule packs: rules for a regulated industry, turned on by config or front matter
`packs:` on top of whatever profile a draft uses.

A pack is YAML (`rules/packs/NAME.yaml` in a rule folder):

    name: finance
    description: Promissory language, testimonials and forward-looking statements.
    rules:
      performance-promise: error     # a level, or a mapping of level and options
      testimonial: warning

Its rules are in no profile: they run, at the pack's levels, for drafts whose packs
name it, whatever their profile (the config's `rules:`, `select` and `ignore` still
apply).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .suggest import unknown_key
from .yamlfile import ConfigError, line_of

PACK_KEYS = {"name", "description", "rules"}


@dataclass
class Pack:
    name: str
    description: str = ""
    rules: dict = field(default_factory=dict)  # raw entries: rule -> level | mapping
    path: str = ""
    line: int = 0


def parse_pack(data, path: str) -> tuple[Pack | None, list]:
    """A Pack from its YAML mapping, or the problems with it."""
    if not isinstance(data, dict):
        return None, [ConfigError("a pack must be a mapping", path, getattr(data, "line", 1))]
    errors = [ConfigError(unknown_key(key, sorted(PACK_KEYS)), path, line_of(data, key),
                          str(key))
              for key in data if key not in PACK_KEYS]
    if not isinstance(data.get("name"), str):
        errors.append(ConfigError("missing pack name", path, data.line, "name"))
    if not isinstance(data.get("rules"), dict) or not data.get("rules"):
        errors.append(ConfigError("expected a mapping of rule -> level or settings", path,
                                  line_of(data, "rules", data.line), "rules"))
    if errors:
        return None, errors
    return Pack(data["name"], " ".join(str(data.get("description", "")).split()),
                data["rules"], path, data.line), []


def unknown(names, packs: dict) -> str | None:
    """The message for the first of `names` that is no pack, or None."""
    for name in names or ():
        if str(name) not in packs:
            from .suggest import did_you_mean  # (only for a mistake)

            return f"unknown pack {str(name)!r}" + (
                did_you_mean(name, sorted(packs))
                or f" (known: {', '.join(sorted(packs)) or 'none'})")
    return None
