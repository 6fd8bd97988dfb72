"""Which parts of a Markdown draft are prose.

`prose(text)` returns a string of the same length in which fenced and inline code, URLs,
HTML comments and tags, and the targets of links and images are replaced by spaces
(newlines are kept), so word rules never see them and offsets stay exact.

URLs are those `entities` finds (with or without scheme, as X links them: `example.com/x`
is a URL, `jane@example.com` is not), plus anything from `http://`, `https://` or `www.`
to the next space, so `http://localhost:8000` is no prose either.
"""

from __future__ import annotations

import re

from . import entities

_FENCE = re.compile(r"^(`{3,}|~{3,})")
_HIDDEN = re.compile(
    r"<!--.*?(?:-->|\Z)"                        # HTML comments (suppressions included)
    r"|(?P<code>`+)[^\n]*?(?<!`)(?P=code)(?!`)"  # inline code
    r"|</?[A-Za-z][^<>\n]*>"                      # HTML tags
    r"|(?<=\])\([^()\s]*(?:\s+\"[^\"\n]*\")?\)"   # link and image targets: ](url "title")
    r"|^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*"            # reference definitions
    r"|\b(?:https?://|www\.)[^\s<>()\[\]]+",      # URLs with a scheme or www.
    re.DOTALL | re.MULTILINE | re.IGNORECASE,
)
_NOT_NEWLINE = re.compile(r"[^\n]")


def blank(text: str) -> str:
    """Spaces in place of every character but newlines."""
    return _NOT_NEWLINE.sub(" ", text)


def fence_state(stripped_line: str, fence: str | None) -> str | None:
    """The open code fence after this line (None when outside a fence)."""
    match = _FENCE.match(stripped_line)
    if fence is None:
        return match.group(1) if match else None
    if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
            and stripped_line.strip("`~") == "":
        return None
    return fence


def prose(text: str) -> str:
    """`text` with non-prose spans blanked (same length)."""
    parts, fence = [], None
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        new_fence = fence_state(stripped, fence)
        parts.append(blank(line) if fence is not None or new_fence is not None else line)
        fence = new_fence
    text = "".join(parts).replace("\r", " ")
    text = _HIDDEN.sub(lambda m: blank(m.group(0)), text)
    urls = list(entities.iter_urls(text))  # the ones left have no scheme
    if not urls:
        return text
    out, done = [], 0
    for url in urls:
        out += [text[done:url.start], " " * (url.end - url.start)]
        done = url.end
    return "".join(out) + text[done:]
