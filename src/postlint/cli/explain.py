"""Answers to --list-rules, --list-profiles, --list-formats and --explain."""

from __future__ import annotations

from ..lint.catalog import Catalog
from ..load.profiles import find_rule, resolve


def answer(catalog: Catalog, linter, list_rules: bool, list_profiles: bool,
           list_formats: bool, rule_key: str | None) -> tuple[str, bool]:
    """The text to print and whether the question made sense."""
    if rule_key:
        rule = find_rule(rule_key, catalog.rules)
        if rule is None:
            return f"postlint: no rule named {rule_key!r} (see --list-rules)\n", False
        return explain_rule(catalog, rule), True
    if list_profiles:
        return profiles_text(catalog, linter.default_profile), True
    if list_formats:
        return "".join(f"{name:<8} {fmt.description}\n"
                       for name, fmt in sorted(catalog.formats.items())), True
    return rules_text(catalog, linter), True


def levels_by_profile(catalog: Catalog, rule_name: str) -> dict[str, str]:
    """Profile name -> level at which it applies the rule (profiles that do not: absent)."""
    out = {}
    for name in sorted(catalog.profiles):
        settings, _ = resolve(name, catalog.profiles, catalog.rules, catalog.types)
        if rule_name in settings:
            out[name] = settings[rule_name].level
    return out


def rules_text(catalog: Catalog, linter) -> str:
    active = {a.rule.name for a in linter.active(linter.default_profile)}
    lines = [f"{'code':<6} {'name':<24} {'level':<8} {'category':<10} "
             f"in '{linter.default_profile}'"]
    for rule in sorted(catalog.rules.values(), key=lambda r: r.code):
        mark = "yes" if rule.name in active else "-"
        lines.append(f"{rule.code:<6} {rule.name:<24} {rule.level:<8} {rule.category:<10} {mark}")
    return "\n".join(lines) + "\n"


def explain_rule(catalog: Catalog, rule) -> str:
    out = [f"{rule.code} {rule.name}", "",
           f"  type: {rule.type}    category: {rule.category}    default level: {rule.level}",
           f"  defined in: {rule.location}", "", "Why:"]
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
    out += ["", "Profiles:"]
    out += [f"  {name}: {levels.get(name, 'off')}" for name in sorted(catalog.profiles)]
    return "\n".join(out) + "\n"


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
                extra = f" {_short(dict(now.options))}" if now.options else ""
                out.append(f"  + {code} {rule_name}: {now.level}{extra}")
            elif before and not now:
                out.append(f"  - {code} {rule_name}: off")
            elif now.level != before.level or now.options != before.options:
                change = f"{before.level} -> {now.level}" if now.level != before.level \
                    else now.level
                extra = f" {_short(dict(now.options))}" if now.options != before.options else ""
                out.append(f"  ~ {code} {rule_name}: {change}{extra}")
        out.append("")
    return "\n".join(out)


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
