"""Term lists that may name config values: `[word, {from: work.clients}, ...]`.

An item of a term list is a word, phrase or pattern, a mapping `{from: KEY}` that
stands for the names found at the dotted config key (a string, a list, or a mapping's
keys), or `{list: NAME}` for the shared word list `rules/data/NAME.txt` of postlint's
own rule folder (one term a line; `#` starts a comment), which several rules read.
`format: ["we at {term}", ...]` turns each name into several terms; in regex mode the
names are escaped, and a template takes all of them as one alternation (one pattern per
template, not per name: a search then tries the template's start once at each place).
A missing config key contributes nothing, so a rule can mix built-in words with optional
configured names.
"""

from __future__ import annotations

from functools import lru_cache

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
            source = "list" if "list" in item else "from"
            if not isinstance(item.get(source), str) or set(item) - {source, "format"}:
                yield key, ("expected a term, {from: config.key, format: [...]} or "
                            f"{{list: name, format: [...]}}, got {item!r}")
            elif source == "list" and not _list_path(item["list"]).is_file():
                yield key, f"no shared word list {item['list']!r} (rules/data/NAME.txt)"
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
        found = shared_list(item["list"]) if "list" in item else lookup(config, item["from"])
        found = names(found)
        templates = item.get("format") or ["{term}"]
        if not is_regex:
            out += [template.replace("{term}", name) for name in found
                    for template in templates]
            continue
        escaped = [r"\s+".join(regex.escape(w) for w in name.split()) for name in found]
        for template in templates:
            if "{term}" not in template or len(escaped) < 2 or template == "{term}":
                out += [template.replace("{term}", term) for term in escaped]
            else:
                out.append(template.replace("{term}", "(?:" + "|".join(escaped) + ")"))
    return out


def _list_path(name: str):
    from ..load import builtin
    return builtin.folder() / "data" / f"{name}.txt"


@lru_cache(maxsize=32)
def shared_list(name: str) -> tuple[str, ...]:
    """The terms of `rules/data/NAME.txt` (empty when there is no such list)."""
    path = _list_path(name)
    if "/" in name or "\\" in name or not path.is_file():
        return ()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return tuple(line for line in lines if line)
