"""Rules as data: loading and validating the YAML rule files of the rule folders."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import regex

from . import template, yamlfile
from .suggest import did_you_mean, unknown_key
from .yamlfile import ConfigError, Map, line_of

LEVELS = ("info", "warning", "error")
CODE = re.compile(r"^[A-Z]{1,3}[0-9]{3}$")
NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
RULE_KEYS = {"code", "name", "type", "level", "message", "why", "source", "options",
             "examples", "category", "fixable", "languages"}
ANY_LANGUAGE = "*"
NOT_RULES = ("profiles", "platforms", "packs", "data")  # folders of a rule folder
# other names of the examples' two lists (as test tools name them)
_EXAMPLE_KEYS = {"fail": "flag", "fails": "flag", "flags": "flag", "bad": "flag",
                 "invalid": "flag", "good": "pass", "passes": "pass", "ok": "pass",
                 "valid": "pass"}
REQUIRED = ("code", "name", "type", "level", "message", "why", "examples")


@dataclass
class Rule:
    """One rule: identity, type, default level, message template, reason, options, examples."""

    code: str
    name: str
    type: str
    level: str
    message: str
    why: str
    category: str
    options: dict = field(default_factory=dict)
    examples: dict = field(default_factory=dict)
    source: str = ""
    path: str = ""
    line: int = 0
    trusted: bool = False  # shipped in postlint's own rule folder: its patterns are tested
    # primary language subtag -> options that replace the rule's for posts in it
    # ({"*": {}}: any language); None: the languages its type knows (`Check.languages`)
    languages: dict | None = None

    def known_languages(self, check: type) -> dict:
        return self.languages if self.languages is not None else {
            lang: {} for lang in check.languages}

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"


def load_folder(folder: Path, types: dict[str, type],
                trusted: bool = False) -> tuple[list[Rule], list[ConfigError]]:
    """Every rule in `*.yaml`/`*.yml` below `folder` except its `profiles/`, `platforms/`,
    `packs/` and `data/`."""
    rules, errors = [], []
    paths = [p for p in sorted(folder.rglob("*.y*ml")) if p.suffix in (".yaml", ".yml")
             and p.relative_to(folder).parts[0] not in NOT_RULES]
    for path, data in yamlfile.load_each(paths, errors, folder):
        relative = path.relative_to(folder)
        category = relative.parts[0] if len(relative.parts) > 1 else "other"
        items = data if isinstance(data, list) else [data]
        for index, item in enumerate(items):
            rule, problems = parse_rule(item, str(path), category, types,
                                        line_of(data, index, 1) if isinstance(data, list) else 1,
                                        trusted)
            errors.extend(problems)
            if rule:
                rules.append(rule)
    return rules, errors


def parse_rule(data, path: str, category: str, types: dict[str, type],
               line: int = 1, trusted: bool = False) -> tuple[Rule | None, list[ConfigError]]:
    """Validate one rule mapping; return the Rule, or None and the problems.

    A `trusted` rule (shipped in postlint's own folder) skips the rule type's own checks of
    its values, such as compiling every pattern: the test suite compiles and runs each
    built-in rule, and a run then compiles only the rules it uses.
    """
    if not isinstance(data, dict):
        return None, [ConfigError("a rule must be a mapping", path, line)]
    errors = []
    for key in data:
        if key not in RULE_KEYS:

            errors.append(ConfigError(unknown_key(key, sorted(RULE_KEYS)), path,
                                      line_of(data, key), str(key)))
    for key in REQUIRED:
        if key not in data:
            errors.append(ConfigError("missing required key", path, data.line or line, key))
    kind = data.get("type")
    checks = [
        ("code", lambda v: isinstance(v, str) and CODE.match(v),
         "expected a code such as T101 (capital letters, then three digits), got {!r}"),
        ("name", lambda v: isinstance(v, str) and NAME.match(v),
         "expected a kebab-case name such as 'all-caps', got {!r}"),
        ("type", lambda v: isinstance(v, str) and v in types, "unknown rule type {!r}"),
        ("level", lambda v: v in LEVELS, f"expected one of {', '.join(LEVELS)}, got {{!r}}"),
        ("message", lambda v: isinstance(v, str), "expected a string, got {!r}"),
        ("message", lambda v: not isinstance(v, str) or not template.problem(v),
         "{}"),
        ("why", lambda v: isinstance(v, str), "expected a string, got {!r}"),
        ("source", lambda v: isinstance(v, str), "expected a string, got {!r}"),
        ("category", lambda v: isinstance(v, str), "expected a string, got {!r}"),
        ("fixable", lambda v: isinstance(v, bool), "expected true or false, got {!r}"),
    ]
    for key, ok, message in checks:
        if key in data and not ok(data[key]):
            said = template.problem(data[key]) if message == "{}" else message.format(data[key])
            if key == "type":  # (the hints only for a mistake: difflib is not loaded else)
                said += (did_you_mean(kind, types, 0.75) if isinstance(kind, str) else "") \
                    or " (known: " + ", ".join(sorted(types)) + ")"
            elif key == "level":
                said += did_you_mean(data[key], LEVELS)
            errors.append(ConfigError(said, path, line_of(data, key), key))
    if "examples" not in data:
        return None, errors
    examples = data["examples"]
    if isinstance(examples, dict):  # (`fail:` for `flag:`, `passes:`: never run, unsaid)
        errors += [ConfigError(f"unknown key (did you mean '{_EXAMPLE_KEYS[str(key).lower()]}'?)"
                               if str(key).lower() in _EXAMPLE_KEYS
                               else unknown_key(key, ["flag", "pass"]), path,
                               line_of(examples, key), f"examples.{key}")
                   for key in examples if key not in ("flag", "pass")]
        errors += [ConfigError(f"expected a list of examples, got {examples[key]!r}", path,
                               line_of(examples, key), f"examples.{key}")
                   for key in ("flag", "pass") if key in examples
                   and not isinstance(examples[key], list) and examples[key] is not None]
    if not (isinstance(examples, dict) and examples.get("flag") and examples.get("pass")):
        if not errors or not isinstance(examples, dict) or not any(
                e.key and e.key.startswith("examples.") for e in errors):
            errors.append(ConfigError("expected 'flag' and 'pass' lists of examples", path,
                                      line_of(data, "examples"), "examples"))
    if isinstance(kind, str) and kind in types:
        given = data.get("options")
        if given is None:
            given = Map()
            given.line = data.line or line
        errors += check_options(types[kind], given, path,
                                f"{data.get('name', '?')}.options", complete=True,
                                deep=not trusted)
    languages = None
    if "languages" in data and isinstance(kind, str) and kind in types:
        languages, problems = parse_languages(data["languages"], types[kind], path,
                                              f"{data.get('name', '?')}.languages",
                                              line_of(data, "languages"), trusted)
        errors += problems
    if not errors and isinstance(kind, str) and kind in types:
        said = template.problem(data["message"], message_names(types[kind], data, languages))
        if said:
            errors.append(ConfigError(said, path, line_of(data, "message"), "message"))
    if errors:
        return None, errors
    options = data.get("options") or Map()
    return Rule(code=data["code"], name=data["name"], type=data["type"], level=data["level"],
                message=data["message"], why=data["why"].strip(),
                category=data.get("category", category), options=options, examples=examples,
                source=data.get("source", ""), path=path, line=data.line or line,
                trusted=trusted, languages=languages), []


def message_names(check: type, data: dict, languages: dict | None) -> tuple | None:
    """The placeholders a rule's message may name: what its type says matches of a rule
    with its options (and with each language's, `languages:`) carry; None when the type
    declares no `values`, so that its messages are not checked."""
    options = dict(data.get("options") or {})
    names: list = []
    for own in [{}, *(languages or {}).values()]:
        found = check.message_names({**options, **own})
        if found is None:
            return None
        names += found
    return tuple(dict.fromkeys(names))


def parse_languages(value, check: type, path: str, key: str, line: int,
                    trusted: bool) -> tuple[dict | None, list[ConfigError]]:
    """`languages:` as a dict of primary subtag -> options: `any`, a list of BCP 47 tags,
    or a mapping of tags to the options that replace the rule's for that language."""
    from .languages import primary, problem

    if value == "any":
        return {ANY_LANGUAGE: {}}, []
    if isinstance(value, list):
        value = {tag: None for tag in value}
    if not isinstance(value, dict) or not value:
        return None, [ConfigError("expected 'any', a list of language tags such as [en, de], "
                                  "or a mapping of tags to options", path, line, key)]
    found, errors = {}, []
    for tag, options in value.items():
        where = line_of(value, tag, line)
        why = problem(tag)
        if why:
            errors.append(ConfigError(why, path, where, key))
            continue
        if options is not None:
            errors += check_options(check, options, path, f"{key}.{tag}", deep=not trusted)
        found[primary(tag)] = dict(options or {})
    return found, errors


def check_options(check: type, options, path: str, prefix: str,
                  complete: bool = False, deep: bool = True,
                  also: tuple = (), owners: dict | None = None) -> list[ConfigError]:
    """Problems with `options` for rule type `check`, each with file, line and key path.

    `complete`: these are all of a rule's options, so required ones must be there.
    `deep`: also ask the rule type (`Check.problems`), which may compile patterns.
    `also`: keys read beside the options (a config entry's `level`), offered as the key
    meant by a misspelt one. `owners`: option name -> the other rules that take it.
    """
    if not isinstance(options, dict):
        return [ConfigError("expected a mapping of options", path,
                            getattr(options, "line", None), prefix)]
    errors = []
    missing = [key for key, spec in check.options.items()
               if complete and spec.required and key not in options]
    unknown = [key for key in options if key not in check.options]
    # one unknown option where one required option is missing: the same option, misnamed
    # (`words:` for `tokens:`), said once, not as two mistakes with the wrong name offered
    meant = {unknown[0]: missing[0]} if len(missing) == 1 and len(unknown) == 1 \
        and not did_you_mean(unknown[0], list(also)) else {}
    errors += [ConfigError("missing required option", path, getattr(options, "line", None),
                           f"{prefix}.{key}") for key in missing if key not in meant.values()]
    for key, value in options.items():
        spec = check.options.get(key)
        line = line_of(options, key)
        if spec is None and key in meant:
            errors.append(ConfigError(
                f"unknown option for type '{check.type_name}' (did you mean '{meant[key]}'? "
                "it is required, and missing)", path, line, f"{prefix}.{key}"))
            continue
        if spec is None:

            names = sorted(check.options)
            hint = did_you_mean(key, names + list(also))
            taken = (owners or {}).get(key)
            if taken and not hint:  # (`max` given to shouting, meant for emoji-overload)
                shown = ", ".join(taken[:4]) + (f" and {len(taken) - 4} more"
                                                if len(taken) > 4 else "")
                hint = (f": {key} is an option of {shown}, not of this rule (known here: "
                        f"{', '.join(names) or 'none'})")
            hint = hint or f" (known: {', '.join(names) or 'none'})"
            errors.append(ConfigError(f"unknown option for type '{check.type_name}'{hint}",
                                      path, line, f"{prefix}.{key}"))
            continue
        problem = option_problem(spec, value)
        if problem:
            errors.append(ConfigError(problem, path, line, f"{prefix}.{key}"))
    if deep and not errors:
        for key, problem in check.problems(options):
            errors.append(ConfigError(problem, path, line_of(options, key), f"{prefix}.{key}"))
    return errors


_KINDS = {
    "str": (str,), "int": (int,), "number": (int, float), "bool": (bool,),
    "list": (list,), "mapping": (dict,), "regex": (str,), "level": (str,),
    "template": (str,),
}


def _within(value, low, high) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)


def option_problem(spec, value) -> str | None:
    """Why `value` does not fit `spec`, or None."""
    if isinstance(value, dict) and set(value) == {"from"}:
        return None if isinstance(value["from"], str) else "'from' takes a config key path"
    if spec.kind == "any":
        return None
    kinds = _KINDS[spec.kind]
    if not isinstance(value, kinds) or (spec.kind in ("int", "number") and isinstance(value, bool)):
        return f"expected {'a ' + spec.kind if spec.kind != 'int' else 'an integer'}, got {value!r}"
    if spec.kind in ("int", "number") and not _within(value, spec.low, spec.high):
        if spec.high is None:
            return f"expected {spec.low} or more, got {value!r}"
        return f"expected a number from {spec.low} to {spec.high}, got {value!r}"
    if spec.kind == "list":
        for index, item in enumerate(value):
            if item is None or (isinstance(item, list) and any(isinstance(v, str) for v in value)):
                what = "empty (null, or a '-' with nothing after it)" if item is None else \
                    f"a list {item!r} inside the list"
                return f"item {index + 1} is {what}; write a value there or remove it"
    if spec.kind == "list" and any(isinstance(v, str) for v in value):
        for index, item in enumerate(value):
            if isinstance(item, bool):  # YAML 1.1 reads no, yes, on, off, y, n as booleans
                return (f"item {index + 1} is {item!r}, not a word: YAML reads an unquoted "
                        "no, yes, on or off as true/false; quote it ('no', 'on')")
    if spec.choices and value not in spec.choices:
        return (f"expected one of {', '.join(map(str, spec.choices))}, got {value!r}"
                + did_you_mean(value, spec.choices))
    if spec.kind == "level" and value not in LEVELS:
        return f"expected one of {', '.join(LEVELS)}, got {value!r}" + did_you_mean(value, LEVELS)
    if spec.kind == "template":
        return template.problem(value, getattr(spec, "names", None))
    if spec.kind == "regex":
        try:
            regex.compile(value)
        except regex.error as exc:
            return f"invalid regular expression: {exc}"
    return None
