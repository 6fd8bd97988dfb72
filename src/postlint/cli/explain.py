"""Answers to --list-rules, --list-profiles, --list-formats and --explain."""

from __future__ import annotations

from ..lint.catalog import Catalog
from ..lint.engine import config_reads
from ..load.profiles import find_rule, resolve
from ..load.suggest import did_you_mean


def answer(catalog: Catalog, linter, list_rules: bool, list_profiles: bool,
           list_formats: bool, rule_key: str | None, list_packs: bool = False
           ) -> tuple[str, bool]:
    """The text to print and whether the question made sense."""
    if list_packs:
        return packs_text(catalog), True
    if rule_key:
        rule = find_rule(rule_key, catalog.rules)
        if rule is None:
            names = [n for r in catalog.rules.values() for n in (r.name, r.code)]
            hint = did_you_mean(rule_key, names) or " (see --list-rules)"
            return f"postlint: --explain: no rule named {rule_key!r}{hint}\n", False
        return explain_rule(catalog, rule), True
    if list_profiles:
        return profiles_text(catalog, linter.default_profile), True
    if list_formats:
        return "".join(f"{name:<8} {fmt.description}\n"
                       for name, fmt in sorted(catalog.formats.items())), True
    return rules_text(catalog, linter), True


def levels_in_packs(catalog: Catalog, rule_name: str) -> dict[str, str]:
    """Pack name -> level at which the pack runs the rule (packs without it: absent)."""
    out = {}
    for pack in sorted(catalog.packs.values(), key=lambda p: p.name):
        for key, value in pack.rules.items():
            rule = find_rule(str(key), catalog.rules)
            if rule is not None and rule.name == rule_name:
                level = value.get("level", rule.level) if isinstance(value, dict) else value
                out[pack.name] = str(level)
    return out


def packs_text(catalog: Catalog) -> str:
    """--list-packs: each pack, what it is for, and its rules with level and source."""
    import textwrap

    out = []
    for pack in sorted(catalog.packs.values(), key=lambda p: p.name):
        out.append(pack.name)
        out += ["  " + line for line in textwrap.wrap(pack.description, 86)]
        for key in pack.rules:
            rule = find_rule(str(key), catalog.rules)
            if rule is None:
                continue
            level = levels_in_packs(catalog, rule.name).get(pack.name, rule.level)
            out.append(f"  {rule.code} {rule.name}: {level}")
            if rule.source:
                out += ["      " + line for line in textwrap.wrap(rule.source, 82)]
        out.append("")
    out.append("Turn packs on with `packs: [NAME, ...]` in the config or a draft's front matter.")
    return "\n".join(out) + "\n"


def levels_by_profile(catalog: Catalog, rule_name: str) -> dict[str, str]:
    """Profile name -> level at which it applies the rule (profiles that do not: absent)."""
    out = {}
    for name in sorted(catalog.profiles):
        settings, _ = resolve(name, catalog.profiles, catalog.rules, catalog.types)
        if rule_name in settings:
            out[name] = settings[rule_name].level
    return out


def rules_text(catalog: Catalog, linter) -> str:
    """Every rule with the level and options the chosen profile (and config) give it."""
    profile = linter.default_profile
    settings = linter.settings(profile)
    compiled = {a.rule.name for a in linter.active(profile)}
    lines = [f"{'code':<6} {'name':<24} {'category':<10} in '{profile}'"]
    for rule in sorted(catalog.rules.values(), key=lambda r: r.code):
        setting = settings.get(rule.name)
        if setting is None:
            what = "off"
        else:
            what = setting.level
            options = in_words(setting.options)
            what += f" ({options})" if options else ""
            if rule.name not in compiled:
                missing = ", ".join(sorted(config_reads(rule.options)))
                what += f", silent until {missing} is set" if missing else ""
        lines.append(f"{rule.code:<6} {rule.name:<24} {rule.category:<10} {what}")
    return "\n".join(lines) + "\n"


def in_words(options: dict) -> str:
    """Options as they would be written in YAML: `max: 3, max_run: 2`."""
    return _short(", ".join(f"{key}: {_compact(value)}" for key, value in options.items()))


def explain_rule(catalog: Catalog, rule) -> str:
    out = [f"{rule.code} {rule.name}", "",
           f"  type: {rule.type}    category: {rule.category}    default level: {rule.level}",
           f"  defined in: {rule.location}",
           f"  languages: {languages_text(rule.known_languages(catalog.types[rule.type]))}",
           "", "Why:"]
    import textwrap  # (here: only --explain needs it)

    out += ["  " + line for line in textwrap.wrap(rule.why, 88)]
    if rule.source:
        out.append(f"  Source: {rule.source}")
    out += ["", f"Message: {rule.message}"]
    if rule.options:
        out += ["", "Options:"] + [f"  {k}: {_short(v)}" for k, v in rule.options.items()]
    for kind, title in (("flag", "Flags"), ("pass", "Does not flag")):
        out += ["", f"{title}:"]
        out += [f"  - {example_line(example)}" for example in rule.examples.get(kind) or ()]
    levels = levels_by_profile(catalog, rule.name)
    packs = levels_in_packs(catalog, rule.name)
    if packs:
        out += ["", "Packs (on top of any profile, with `packs:` in the config or front matter):"]
        out += [f"  {name}: {level}" for name, level in packs.items()]
    out += ["", "Profiles:"]
    out += [f"  {name}: {levels.get(name, 'off')}" for name in sorted(catalog.profiles)]
    return "\n".join(out) + "\n"


def languages_text(languages: dict) -> str:
    """`en, de (own options), ...`, or `any` for a rule that reads no words."""
    if "*" in languages:
        return "any (reads no words of a language)"
    return ", ".join(f"{lang} (own lists)" if options else lang
                     for lang, options in languages.items()) + \
        "; posts in other languages are not checked"


def example_line(example) -> str:
    """One example on one line: `[platforms]` before the text (several drafts joined by
    ` | `), and `(config: key.path=value, ...)` after it."""
    if not isinstance(example, dict):
        return _middle(example)
    platforms = example.get("platforms") or []
    head = f"[{', '.join(map(str, platforms))}] " if platforms else ""
    drafts = example.get("drafts")
    if drafts:
        text = f"{len(drafts)} drafts: " + " | ".join(_middle(d, 60) for d in drafts)
    else:
        text = _middle(example.get("text", ""))
    config = ", ".join(f"{key}={value}" for key, value in _flatten(example.get("config") or {}))
    return head + text + (f"  (config: {_short(config, 120)})" if config else "")


def _flatten(value, prefix: str = ""):
    """(dotted key path, compact value) pairs of a nested mapping."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flatten(item, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(value, list):
        yield prefix, "[" + ", ".join(_compact(v) for v in value) + "]"
    else:
        yield prefix, _compact(value)


def _compact(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_compact(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_compact(v) for v in value) + "]"
    return " ".join(str(value).split())


def profiles_text(catalog: Catalog, default: str = "") -> str:
    """Each profile, what it extends, and the rules it adds (+), drops (-) or changes (~)."""
    out = []
    for name in sorted(catalog.profiles):
        profile = catalog.profiles[name]
        settings, _ = resolve(name, catalog.profiles, catalog.rules, catalog.types)
        parent = {}
        if profile.extends in catalog.profiles:
            parent, _ = resolve(profile.extends, catalog.profiles, catalog.rules, catalog.types)
        head = f"{name}" + (f" (extends {profile.extends})" if profile.extends else "")
        head += " [default]" if name == default else ""
        out += [head, f"  {profile.description}" if profile.description else ""]
        out[-1:] = [out[-1]] if out[-1] else []
        for rule_name in sorted(set(settings) | set(parent),
                                key=lambda n: catalog.rules[n].code):
            code = catalog.rules[rule_name].code
            now, before = settings.get(rule_name), parent.get(rule_name)
            if now and not before:
                extra = f" ({in_words(now.options)})" if now.options else ""
                out.append(f"  + {code} {rule_name}: {now.level}{extra}")
            elif before and not now:
                out.append(f"  - {code} {rule_name}: off")
            elif now.level != before.level or now.options != before.options:
                change = f"{before.level} -> {now.level}" if now.level != before.level \
                    else now.level
                extra = f" ({in_words(now.options)})" if now.options != before.options else ""
                out.append(f"  ~ {code} {rule_name}: {change}{extra}")
        out.append("")
    return "\n".join(out) + "\n" + level_table(catalog)


LEVEL_ORDER = ("off", "info", "warning", "error")


def level_table(catalog: Catalog) -> str:
    """One row per rule, one column per profile (from the most lenient built-in to the
    strictest, then any others): the level the profile applies the rule at."""
    known = ("friends-family", "colleagues", "public", "professional", "brand")
    names = [n for n in known if n in catalog.profiles] + \
        sorted(n for n in catalog.profiles if n not in known)
    levels = {n: resolve(n, catalog.profiles, catalog.rules, catalog.types)[0] for n in names}
    width = max(len(r.name) for r in catalog.rules.values())
    cols = [max(len(n), len("warning")) for n in names]
    head = f"{'code':<6} {'rule':<{width}} " + " ".join(f"{n:<{w}}" for n, w in zip(names, cols))
    out = ["Levels by profile (- : off)", head.rstrip()]
    for rule in sorted(catalog.rules.values(), key=lambda r: r.code):
        cells = [levels[n][rule.name].level if rule.name in levels[n] else "-" for n in names]
        out.append((f"{rule.code:<6} {rule.name:<{width}} " +
                    " ".join(f"{c:<{w}}" for c, w in zip(cells, cols))).rstrip())
    return "\n".join(out) + "\n"


def _middle(value, limit: int = 100) -> str:
    """Like `_short`, but cut in the middle: an example's end often holds its point."""
    text = " ".join(str(value).split())
    if len(text) <= limit:
        return text
    head_size = (limit - 3) * 3 // 5
    head = text[:head_size].rsplit(" ", 1)[0]
    tail = text[len(text) - (limit - 3 - head_size):].split(" ", 1)[-1]
    return f"{head} … {tail}"


def _short(value, limit: int = 100) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
