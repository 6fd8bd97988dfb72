"""The shape of the config: every key with its type and help, in one place.

`SCHEMA` is the one declaration. `check()` validates a config against it (unknown keys
with the closest known name, values of the wrong kind), `json_schema()` publishes it for
editors (docs/postlint.schema.json, written by scripts/gen_schema.py) and
docs/configuration.md describes the same keys. To add a key, add one line here:

    "regions": names("regions the drafts are written for (ISO 3166 codes)"),
    "links": section("links in drafts", utm=table("required UTM parameters", text())),

Sections marked `open` (brand, work) may hold keys that rules from `rule-dirs` read
through `{from: brand.KEY}`; such keys are accepted once the rules are known (see
`Config.unknown`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .rules import LEVELS
from .suggest import did_you_mean, unknown_key
from .yamlfile import ConfigError, Seq, line_of


@dataclass(frozen=True)
class Key:
    """One config key: its kind, help, and what it holds.

    kind: "string", "boolean", "integer", "names" (a list of strings; one string is a
    one-item list), "section" (fixed `keys`), "table" (free keys, each value `values`) or
    "checked" (a mapping another module checks in depth, e.g. `rules`; `json` is its
    JSON Schema).
    """

    kind: str
    help: str = ""
    keys: dict = field(default_factory=dict)
    values: "Key | None" = None
    choices: tuple = ()
    open: bool = False
    json: dict = field(default_factory=dict)
    nocase: bool = False  # `choices` are matched regardless of case
    enum_from: str = ""  # "module:NAME" of the load package holding the allowed values


def text(help: str = "", choices: tuple = (), enum_from: str = "", nocase: bool = False) -> Key:
    """A string; `enum_from` names the values another module checks (for the JSON Schema)."""
    return Key("string", help, choices=tuple(choices), enum_from=enum_from, nocase=nocase)


def free(help: str, json: dict) -> Key:
    """A value of several shapes that the rule reading it checks; `json` is its schema."""
    return Key("any", help, json=json)


def flag(help: str = "") -> Key:
    return Key("boolean", help)


def number(help: str = "") -> Key:
    return Key("integer", help)


def names(help: str = "") -> Key:
    return Key("names", help)


def section(help: str = "", open: bool = False, **keys: Key) -> Key:
    return Key("section", help, keys=keys, open=open)


def table(help: str, values: Key) -> Key:
    return Key("table", help, values=values)


def checked(help: str, json: dict) -> Key:
    return Key("checked", help, json=json)


_LEVEL_OR_OFF = {"oneOf": [{"enum": [*LEVELS, "off"]}, {"const": False}]}
_RULE_ENTRY = {"oneOf": [
    _LEVEL_OR_OFF,
    {"type": "object", "description": "a level and the rule type's options",
     "properties": {"level": {"enum": list(LEVELS)}}},
]}

SCHEMA: dict[str, Key] = {
    "profile": text("audience profile of drafts whose front matter names none (default public)"),
    "lang": text("language of drafts whose front matter names none, a BCP 47 tag such as en, "
                 "de or es-MX (else each post's language is detected)"),
    "platform": text("platform of drafts whose front matter names none"),
    "platforms": names("platforms of drafts whose front matter names none (cross-posting)"),
    "select": names("only these rules: codes, code prefixes, names or ALL"),
    "extend-select": names("these rules on top of the profile's"),
    "ignore": names("never these rules"),
    "fail-on": text("lowest level that makes the exit code 1", LEVELS),
    "rule-dirs": names("extra folders of YAML rules, profiles and platforms"),
    "include": names("globs of drafts to lint inside folders (default *.md, *.markdown, *.txt)"),
    "exclude": names("globs of files and folders to skip; replaces the default list "
                     "(README*, CHANGELOG*, LICENSE*, node_modules, dist, build ...)"),
    "extend-exclude": names("globs of files and folders to skip on top of `exclude`"),
    "respect-gitignore": flag("skip what .gitignore files exclude (default true)"),
    "force-exclude": flag("apply exclude and .gitignore to files named on the command line "
                          "too (default false)"),
    "front-matter": section(
        "how drafts' front matter is read",
        strict=flag("report front-matter keys postlint does not read (default false)"),
    ),
    "regions": names("regions whose phone numbers personal-info looks for, ISO 3166 codes "
                     "(default US, GB, DE, FR, IN, CA, AU, ES, IT, NL)"),
    "packs": names("rule packs for a regulated industry, on top of any profile: finance, health"),
    "strategy": text("how personal and professional posts are kept apart: open, audience, "
                     "content or custom", enum_from="strategy:STRATEGIES"),
    "networks": table("platform: the audience profile it reaches (strategies audience and "
                      "content)", text()),
    "objective": text("what posts are for: traffic, engagement or awareness (objective-fit)",
                      enum_from="strategy:OBJECTIVES"),
    "links": section(
        "how links in drafts are checked",
        utm=free("campaign tags that links to brand.domains carry (utm-tags): a list of "
                 "tags, or tag: the values it may take",
                 {"oneOf": [{"type": "array", "items": {"type": "string"}},
                            {"type": "object"}]}),
    ),
    "brand": section(
        "brand vocabulary that brand rules read", open=True,
        terms=names("canonical spellings, e.g. GitHub (brand-term-case)"),
        preferred=table("wrong: right pairs (preferred-term)", text()),
        banned=names("words and phrases never to use (banned-term)"),
        hashtags=section("hashtags",
                         required=names("tags every draft carries (required-hashtag)"),
                         forbidden=names("tags never to use (forbidden-hashtag)")),
        voice=text("grammatical person of the brand: we or I (brand-voice)", ("we", "I"),
                   nocase=True),
        domains=names("the brand's own domains (utm-tags, link-shortener)"),
    ),
    "work": section(
        "employer, clients and codenames that professional-risk rules read", open=True,
        employer=names("the employer's name or names (disparaging, employer-voice)"),
        clients=names("client names (confidential-info, disparaging)"),
        competitors=names("competitors' names (disparaging)"),
        vendors=names("suppliers', vendors' and agencies' names (disparaging)"),
        codenames=names("confidential project names, case-sensitive (confidential-info)"),
        **{"internal-domains": names("the employer's internal domains (internal-link)")},
    ),
    "plugins": section(
        "which plugin wins when two offer the same name",
        prefer=table("NAME: DISTRIBUTION, the distribution whose rule type, format, "
                     "function or rule code NAME is used", text()),
    ),
    "calendar": checked(
        "how content calendars are read: format, columns, header, date-format, min-gap "
        "(checked by the calendar reader, see docs/calendars.md)",
        {"type": "object", "additionalProperties": False, "properties": {
            "format": {"enum": ["generic", "hootsuite", "sprout", "publer"]},
            "columns": {"type": "object", "additionalProperties": {"type": ["string", "integer"]}},
            "header": {"type": "boolean"},
            "date-format": {"oneOf": [{"type": "string"},
                                      {"type": "array", "items": {"type": "string"}}]},
            "min-gap": {"type": ["string", "integer"]},
            "suppress-column": {"type": "string"}}}),
    "archive": checked(
        "which posts of a data export are linted: replies, reposts, since, until (checked "
        "by the archive reader, see docs/archives.md)",
        {"type": "object", "additionalProperties": False, "properties": {
            "replies": {"type": "boolean"}, "reposts": {"type": "boolean"},
            "since": {"description": "a date, YYYY-MM-DD"},
            "until": {"description": "a date, YYYY-MM-DD"}}}),
    "rules": checked("per-rule level or off, and options: name: {level: ..., option: ...}",
                     {"type": "object", "additionalProperties": _RULE_ENTRY}),
    "platform-settings": checked(
        "add or change platforms: name: {extends: ..., length: ...}",
        {"type": "object", "additionalProperties": {"type": "object"}}),
    "profiles": checked(
        "your own profiles: name: {extends: ..., description: ..., rules: {...}}",
        {"type": "object", "additionalProperties": {
            "type": "object", "additionalProperties": False,
            "properties": {"description": {"type": "string"}, "extends": {"type": "string"},
                           "rules": {"type": "object", "additionalProperties": _RULE_ENTRY}}}}),
}


_KINDS = {"string": (str, "a string"), "boolean": (bool, "true or false"),
          "integer": (int, "a whole number"), "section": (dict, "a mapping"),
          "table": (dict, "a mapping"), "checked": (dict, "a mapping")}


# Keys of other linters' configs that postlint has no key for, and what does their work
# here (the closest key by spelling, `respect-gitignore` for `per-file-ignores`, misleads).
OTHER_TOOLS = {
    "per-file-ignores": "unknown key: postlint has no per-file-ignores; turn rules off for "
                        "one draft with its front matter (disable: [RULE]), or for a folder "
                        "with a .postlint.yaml of its own",
    "extends": "unknown key: a config extends nothing; a profile does (profiles: {NAME: "
               "{extends: PROFILE}})",
}


def check(data: dict, path: str, schema: dict = SCHEMA, prefix: str = "",
          unknown: list | None = None) -> list[ConfigError]:
    """Problems with `data` against `schema` (in place, one string where names are
    expected becomes a one-item list). Unknown keys of `open` sections go to `unknown`
    (as errors, to report unless a rule reads them) instead of the result."""
    errors = []
    for key, value in list(data.items()):
        dotted, line = f"{prefix}{key}", line_of(data, key)
        spec = schema.get(key)
        if spec is None and not prefix and str(key).lower() in ("postlint", "tool") \
                and isinstance(value, dict):  # (copied from pyproject.toml's [tool.postlint])
            errors.append(ConfigError(
                f"unknown key: postlint's settings go at the top of the file, without a "
                f"namespace (profile: ..., not {key}: {{{'postlint: {' if key == 'tool' else ''}"
                f"profile: ...{'}' if key == 'tool' else ''}}})", path, line, dotted))
            continue
        if spec is None:
            said = OTHER_TOOLS.get(dotted) or unknown_key(key, list(schema))
            errors.append(ConfigError(said, path, line, dotted))
            continue
        problem = _value_problem(spec, value)
        if problem:
            # (`profile:` holding profiles, `platform:` a list: the key of the other number)
            other = next((k for k in (key + "s", key[:-1]) if k != key and k in schema
                          and _value_problem(schema[k], value) is None), None)
            if other and value is not None:
                problem += f" (did you mean '{prefix}{other}'?)"
            errors.append(ConfigError(problem, path, line, dotted))
            continue
        if spec.kind == "names" and isinstance(value, str):
            data[key] = _one(value, line)
        elif spec.kind == "section":
            found = check(value, path, spec.keys, dotted + ".", unknown)
            if spec.open and unknown is not None:
                unknown += [e for e in found if e.message.startswith("unknown key")]
                found = [e for e in found if not e.message.startswith("unknown key")]
            errors += found
        elif spec.kind == "table":
            for name, item in value.items():
                problem = _value_problem(spec.values, item)
                if problem:
                    errors.append(ConfigError(problem, path, line_of(value, name),
                                              f"{dotted}.{name}"))
    return errors


def _value_problem(spec: Key, value) -> str | None:
    if spec.kind == "any":
        return None
    if value is None:  # (`select:` with nothing after it)
        what = "a list of names" if spec.kind == "names" else \
            f"one of {', '.join(spec.choices)}" if spec.choices else _KINDS[spec.kind][1]
        return f"expected {what}, got nothing (an empty value); give a value, or remove the key"
    if spec.kind == "names":
        items = [value] if isinstance(value, str) else value
        if isinstance(items, list) and all(isinstance(v, (str, int, float))
                                           and not isinstance(v, bool) for v in items):
            return None
        return f"expected a list of names, got {value!r}"
    kind, words = _KINDS[spec.kind]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        return f"expected {words}, got {value!r}"
    given, allowed = (value.lower(), [c.lower() for c in spec.choices]) if spec.nocase \
        else (value, spec.choices)
    if spec.choices and given not in allowed:
        return (f"expected one of {', '.join(spec.choices)}, got {value!r}"
                + did_you_mean(value, spec.choices))
    return None


def _one(value: str, line: int) -> Seq:
    seq = Seq([value])
    seq.line, seq.lines = line, [line]
    return seq


def keys_of(schema: dict = SCHEMA, prefix: str = ""):
    """Every declared dotted key path, sections before their keys."""
    for key, spec in schema.items():
        yield prefix + key
        if spec.kind == "section":
            yield from keys_of(spec.keys, f"{prefix}{key}.")


def json_schema(platform_keys: dict | None = None) -> dict:
    """The config's shape as a JSON Schema (draft 2020-12); `platform_keys` (the
    platforms module's KEYS: name -> (kind, help)) describe `platform-settings` values."""
    top = _json_object(SCHEMA)
    if platform_keys:
        settings = top["properties"]["platform-settings"]
        settings["additionalProperties"] = {
            "type": "object", "additionalProperties": False,
            "properties": {k: {"description": h} for k, (_, h) in platform_keys.items()
                           if k != "name"}}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "postlint configuration (.postlint.yaml)", **top}


def _json_object(schema: dict) -> dict:
    return {"type": "object", "additionalProperties": False,
            "properties": {key: _json(spec) for key, spec in schema.items()}}


def _json(spec: Key) -> dict:
    out: dict = {"description": spec.help} if spec.help else {}
    if spec.kind == "names":
        item = {"type": ["string", "number"]}
        out["oneOf"] = [{"type": "string"}, {"type": "array", "items": item}]
    elif spec.kind == "section":
        out.update(_json_object(spec.keys))
    elif spec.kind == "table":
        out.update(type="object", additionalProperties=_json(spec.values))
    elif spec.kind in ("checked", "any"):
        out.update(spec.json)
    else:
        out["type"] = spec.kind
        if spec.choices:
            out["enum"] = list(spec.choices)
        elif spec.enum_from:
            import importlib  # (the module checks the value itself, later in the run)

            module, name = spec.enum_from.split(":")
            out["enum"] = list(getattr(importlib.import_module(f"{__package__}.{module}"), name))
    return out
