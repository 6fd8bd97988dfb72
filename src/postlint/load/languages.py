"""Language tags as config, front matter and rules give them: BCP 47 (`de`, `es-MX`,
`zh-Hant`), compared by their primary subtag (`es`)."""

from __future__ import annotations

import re

TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def problem(tag) -> str | None:
    """Why `tag` is not a BCP 47 language tag, or None."""
    if isinstance(tag, str) and TAG.match(tag):
        return None
    return f"expected a BCP 47 language tag such as 'en', 'de' or 'es-MX', got {tag!r}"


def primary(tag: str) -> str:
    """The primary language subtag, lower case: `es-MX` -> `es`."""
    return tag.split("-", 1)[0].lower()
