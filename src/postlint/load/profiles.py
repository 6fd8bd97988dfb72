"""Audience profiles: which rules apply, at which level, with which options.

A profile is YAML (`rules/profiles/NAME.yaml`, or under `profiles:` in the config):

    name: professional
    description: LinkedIn and other professional networks
    extends: public
    rules:
      chatspeak: warning                  # a level
      readability: {level: warning, max: 12}   # a level and options
      emoji-overload: off                 # not applied
    strictness: 4                         # how public the audience is (for strategies)

Rules are named by name or code. A profile starts from the one it extends, and takes
its strictness when it has none of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .rules import LEVELS, Rule, check_options
from .suggest import did_you_mean, unknown_key
from .yamlfile import ConfigError, line_of, without

PROFILE_KEYS = {"name", "description", "extends", "rules", "strictness"}
DEFAULT_PROFILE = "public"


@dataclass
class Setting:
    """A rule as a profile applies it."""

    level: str
    options: dict = field(default_factory=dict)
    # options that may hold patterns were set by a config or a profile not shipped with
    # postlint (a shipped rule's word lists are then checked and searched with a timeout)
    untrusted: bool = False


@dataclass
class Profile:
    name: str
    description: str = ""
    extends: str | None = None
    rules: dict = field(default_factory=dict)  # raw entries: name -> level | False | mapping
    path: str = ""
    line: int = 0
    extends_line: int = 0
    key: str = ""  # prefix of key paths in messages: "profiles.NAME." for config profiles
    strictness: int | None = None  # how public the audience is (friends-family 1 .. brand 5)
    shipped: bool = False  # in postlint's own rule folder: its options are tested


def parse_profile(data, path: str, name: str | None = None) -> tuple[Profile | None, list]:
    """A Profile from its YAML mapping, or the problems with it."""
    if not isinstance(data, dict):
        return None, [ConfigError("a profile must be a mapping", path, getattr(data, "line", 1))]
    errors = [ConfigError(unknown_key(key, sorted(PROFILE_KEYS)), path, line_of(data, key),
                          str(key))
              for key in data if key not in PROFILE_KEYS]
    if name and "name" in data and data["name"] != name:  # (a config's: the key names it)
        errors.append(ConfigError(f"a profile here is named by its key ({name}); remove "
                                  "name:, or rename the key", path, line_of(data, "name"),
                                  "name"))
    name = name or data.get("name")
    if not isinstance(name, str):
        errors.append(ConfigError("missing profile name", path, data.line, "name"))
    rules = data.get("rules") or {}
    if not isinstance(rules, dict):
        errors.append(ConfigError("expected a mapping of rule -> level or settings", path,
                                  line_of(data, "rules"), "rules"))
    strictness = data.get("strictness")
    if strictness is not None and (not isinstance(strictness, int) or isinstance(strictness, bool)):
        errors.append(ConfigError(f"expected an integer (1: most personal), got {strictness!r}",
                                  path, line_of(data, "strictness"), "strictness"))
    if errors:
        return None, errors
    return Profile(name, str(data.get("description", "")).strip(), data.get("extends"),
                   rules, path, data.line, line_of(data, "extends"),
                   strictness=strictness), []


def strictness(name: str, profiles: dict[str, Profile]) -> int:
    """How strict a profile is: its own `strictness`, else that of the profile it
    extends, else 0."""
    seen = set()
    while name in profiles and name not in seen:
        seen.add(name)
        if profiles[name].strictness is not None:
            return profiles[name].strictness
        name = profiles[name].extends
    return 0


def unknown_rule(key, rules: dict) -> str:
    """The message for a `rules:` key that names no rule: the rule meant, or, for a key
    that selects several (`T1`, `ALL`), the keys that take selectors."""
    from .selection import unknown

    known = sorted(n for r in rules.values() for n in (r.name, r.code))
    if str(key).lower() not in {k.lower() for k in known} and not unknown([str(key)],
                                                                          rules.values()):
        return (f"unknown rule: rules: takes one rule's name or code; to turn off or on every "
                f"rule {str(key)!r} selects, use ignore: [{key}] or extend-select: [{key}]")
    return "unknown rule" + did_you_mean(key, known)


def entry(value, rule: Rule, types: dict, path: str, key: str, line: int,
          base: Setting | None, shipped: bool = False,
          rules: dict | None = None) -> tuple[Setting | None, list]:
    """Apply one profile or config entry for `rule` on top of `base` (None: not applied);
    `shipped`: the entry is postlint's own (a built-in profile's); `rules` (all of them)
    name the rules that take an option `rule` does not.

    `value` is a level, `off`/false, or a mapping with an optional `level` and options.
    """
    if value is False or value == "off":
        return None, []
    level = base.level if base else rule.level
    options = dict(base.options) if base else {}
    untrusted = base.untrusted if base else False
    if isinstance(value, str):
        if value not in LEVELS:
            hint = did_you_mean(value, (*LEVELS, "off"))
            return base, [ConfigError(f"expected a level ({', '.join(LEVELS)}) or off, "
                                      f"got {value!r}{hint}", path, line, key)]
        return Setting(value, options, untrusted), []
    if isinstance(value, dict):
        level = value.get("level", level)
        if level not in LEVELS:
            off = f"; to turn the rule off, write {key.rsplit('.', 1)[-1]}: off" \
                if level is False or level == "off" else ""
            hint = "" if off else did_you_mean(level, LEVELS)
            return base, [ConfigError(f"expected one of {', '.join(LEVELS)}, got {level!r}"
                                      f"{hint}{off}", path, line_of(value, "level", line),
                                      f"{key}.level")]
        given = without(value, "level")
        errors = check_options(types[rule.type], given, path, key, also=("level",),
                               owners=option_owners(rule, given, rules, types))
        options.update(given)
        untrusted = untrusted or not shipped and not all(map(_plain, given.values()))
        return Setting(level, options, untrusted), errors
    if value is True:  # (`on`, `yes` and `true` read alike: a rule is not turned on so)
        name = key.rsplit(".", 1)[-1]
        return base, [ConfigError(f"expected a level or off, got true (YAML reads on, yes and "
                                  f"true alike); to run the rule, give its level: {name}: "
                                  f"{rule.level}", path, line, key)]
    got = "nothing (an empty value)" if value is None else repr(value)
    return base, [ConfigError(f"expected a level, off, or a mapping of level and options, "
                              f"got {got}", path, line, key)]


def option_owners(rule: Rule, options, rules: dict | None, types: dict) -> dict[str, list]:
    """Option name -> the other rules whose type takes it, for each of `options` that
    `rule`'s type does not (an option given to the rule next to the one meant)."""
    own = types[rule.type].options
    return {name: sorted(other.name for other in (rules or {}).values()
                         if name in types[other.type].options)
            for name in options if name not in own}


def resolve(name: str, profiles: dict[str, Profile], rules: dict[str, Rule], types: dict,
            _seen: tuple = ()) -> tuple[dict[str, Setting], list]:
    """The rule settings of profile `name` (by rule name), following `extends`."""
    profile = profiles[name]
    if name in _seen:
        return {}, [ConfigError(f"profiles extend each other in a cycle: "
                                f"{' -> '.join(_seen + (name,))}", profile.path,
                                profile.extends_line, f"{profile.key}extends")]
    settings, errors = {}, []
    if profile.extends is not None and profile.extends not in profiles:
        hint = did_you_mean(profile.extends, sorted(profiles)) or \
            f" (known: {', '.join(sorted(profiles))})"
        errors.append(ConfigError(f"unknown profile {profile.extends!r}{hint}", profile.path,
                                  profile.extends_line, f"{profile.key}extends"))
    elif profile.extends is not None:
        settings, errors = resolve(profile.extends, profiles, rules, types, _seen + (name,))
    given: dict[str, tuple] = {}  # rule name -> the key and line that set it
    for key, value in profile.rules.items():
        line = line_of(profile.rules, key)
        rule = find_rule(str(key), rules)
        if rule is None:
            errors.append(ConfigError(unknown_rule(key, rules), profile.path,
                                      line, f"{profile.key}rules.{key}"))
            continue
        if rule.name in given:
            errors.append(ConfigError(twice(rule, *given[rule.name]), profile.path, line,
                                      f"{profile.key}rules.{key}"))
            continue
        given[rule.name] = (key, line)
        setting, problems = entry(value, rule, types, profile.path, f"{profile.key}rules.{key}",
                                  line, settings.get(rule.name), profile.shipped, rules)
        errors += problems
        if setting is None:
            settings.pop(rule.name, None)
        else:
            settings[rule.name] = setting
    return settings, errors


def _plain(value) -> bool:
    """A number, which a config may set on a shipped rule without making its patterns
    untrusted (a string, list or mapping may hold a pattern; a switch such as
    `regex: true` may make config terms patterns)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def twice(rule: Rule, key, line: int) -> str:
    """The problem with a second entry for `rule` in one mapping (by its code and its
    name): which of the two would win depended on their order."""
    return (f"{rule.code} and {rule.name} are one rule, already set as '{key}' (also on "
            f"line {line}); give each rule once")


def find_rule(key: str, rules: dict[str, Rule]) -> Rule | None:
    """A rule by name or by code."""
    if key in rules:
        return rules[key]
    return next((r for r in rules.values() if r.code == key), None)
