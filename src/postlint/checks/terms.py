"""Term lists that may name config values: `[word, {from: work.clients}, ...]`.

An item of a term list is a word, phrase or pattern, or a mapping `{from: KEY}` that
stands for the names found at the dotted config key (a string, a list, or a mapping's
keys). `format: ["we at {term}", ...]` turns each name into several terms; in regex
mode the name is escaped first. A missing config key contributes nothing, so a rule can
mix built-in words with optional configured names.
"""

from __future__ import annotations

import regex


def lookup(config: dict, dotted: str):
    """The value at a dotted key of the config, or None."""
    value = config
    for part in dotted.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def problems(items, key: str):
    """(option, message) pairs for malformed items of a term list."""
    if not isinstance(items, list):
        return
    for item in items:
        if isinstance(item, dict):
            if not isinstance(item.get("from"), str) or set(item) - {"from", "format"}:
                yield key, f"expected a term or {{from: config.key, format: [...]}}, got {item!r}"
            elif not isinstance(item.get("format", []), list):
                yield key, "'format' takes a list of templates with {term}"
        elif not isinstance(item, (str, int, float)):
            yield key, f"expected a term, got {item!r}"


def names(value) -> list[str]:
    """Config value -> list of names (string, list, or mapping keys)."""
    if value is None:
        return []
    if isinstance(value, (str, int, float)):
        return [str(value)]
    return [str(v) for v in value if v not in (None, "")]


def expand(items, config: dict, is_regex: bool) -> list[str]:
    """The plain list of terms, with `{from: ...}` items read from `config`."""
    out = []
    for item in items or ():
        if not isinstance(item, dict):
            out.append(str(item))
            continue
        for name in names(lookup(config, item["from"])):
            term = r"\s+".join(regex.escape(w) for w in name.split()) if is_regex else name
            for template in item.get("format") or ["{term}"]:
                out.append(template.replace("{term}", term))
    return out
