"""Message templates of rule files and configs: `'{match}' reads as shouting`.

A template names values in braces, `{name}`; `{{` and `}}` are a brace. That is all a
template can do: unlike `str.format`, `fill` reads no attribute or item (`{match.__class__}`),
applies no conversion or format spec (`{match:>99999999}` would build a 100 MB line),
and never fails; a placeholder whose value a finding lacks stays as written. `problem`
says, when a rule or config is loaded, why a template holds braces `fill` cannot read.
"""

from __future__ import annotations

import re

from .suggest import did_you_mean

_PIECE = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def fill(template: str, values: dict) -> str:
    """`template` with each `{name}` that `values` holds replaced by its value."""

    def piece(m: re.Match) -> str:
        text, name = m.group(0), m.group(1)
        if text in ("{{", "}}"):
            return text[0]
        if name is not None and _NAME.match(name) and name in values:
            return str(values[name])
        return text

    return _PIECE.sub(piece, template)


def problem(template: str, names=None) -> str | None:
    """Why `template` holds braces that are no placeholder (or, given the `names` it is
    filled with, a placeholder of none of them), or None."""
    for m in _PIECE.finditer(template):
        text, name = m.group(0), m.group(1)
        if text in ("{{", "}}"):
            continue
        if name is None:
            return (f"a single '{text}' at character {m.start() + 1}; write '{text}{text}' for "
                    "a brace, or a placeholder such as '{match}'")
        if not _NAME.match(name):
            bare = re.match(r"[A-Za-z_][A-Za-z0-9_]*", name)
            hint = f" (did you mean '{{{bare.group(0)}}}'?)" if bare else ""
            return (f"'{text}' is not a placeholder: a template names a value in braces and "
                    f"nothing else{hint}")
        if names is not None and name not in names:

            close = did_you_mean(name, names)
            hint = close.replace(" '", " '{").replace("'?", "}'?") if close else \
                f" (known: {', '.join('{' + n + '}' for n in names) or 'none'})"
            return f"unknown placeholder '{text}'{hint}"
    return None
