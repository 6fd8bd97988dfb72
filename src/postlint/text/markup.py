"""Which parts of a Markdown draft are prose.

`prose(text)` returns a string of the same length in which fenced and inline code, URLs,
HTML comments and tags, and the targets of links and images are replaced by spaces
(newlines are kept), so word rules never see them and offsets stay exact. `literal(text)`
blanks only code and comments, for rules about what a reader sees verbatim.

URLs are those `entities` finds (with or without scheme, as X links them: `example.com/x`
is a URL, `jane@example.com` is not), plus anything from `http://`, `https://` or `www.`
to the next space, so `http://localhost:8000` is no prose either.
"""

from __future__ import annotations

import re

from . import entities

_FENCE = re.compile(r"^(`{3,}|~{3,})")
# Every part stops at the first character it cannot take, so that a search is linear in
# the text; inline code (backticks) is found by `inline_code`, which a pattern cannot do
# in linear time.
_HIDDEN = re.compile(
    r"<!--.*?(?:-->|\Z)"                        # HTML comments (suppressions included)
    r"|</?[A-Za-z][^<>\n]*>"                      # HTML tags
    r"|(?<=\])\([^()\s]*(?:\s+\"[^\"\n]*\")?\)"   # link and image targets: ](url "title")
    r"|^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*"            # reference definitions
    r"|\b(?:https?://|www\.)[^\s<>()\[\]]+",      # URLs with a scheme or www.
    re.DOTALL | re.MULTILINE | re.IGNORECASE,
)
_NOT_NEWLINE = re.compile(r"[^\n]")
# What a reader never sees as text: comments, and code (for `literal`).
_COMMENTS = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_TICKS = re.compile(r"`+|\n")
_NEVER = re.compile(r"(?!)")
_LINES = re.compile(r"[^\n]*\n|[^\n]+\Z")


def lines(text: str) -> list[str]:
    """`text`'s lines, each with its newline: split at "\n" alone, as positions count
    lines (`str.splitlines` also splits at a form feed, a U+2028 or a lone "\r", which
    would let a `---` or a fence in the middle of a line end a post or open code)."""
    return _LINES.findall(text)


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


def _unfenced(text: str) -> str:
    """`text` with fenced code blocks blanked and CRs as spaces (same length)."""
    parts, fence = [], None
    for line in lines(text):
        stripped = line.strip()
        new_fence = fence_state(stripped, fence)
        parts.append(blank(line) if fence is not None or new_fence is not None else line)
        fence = new_fence
    return "".join(parts).replace("\r", " ")


def inline_code(text: str) -> list[tuple[int, int]]:
    """Spans of inline code, in order: a run of backticks up to the next run of as many
    on the same line (a run without one is literal backticks), as CommonMark reads them.
    Linear: each run is looked at once (a pattern that tries every length of every run
    against every later one takes cubic time on a line of backticks)."""
    spans: list[tuple[int, int]] = []
    line: list[tuple[int, int]] = []
    for match in _TICKS.finditer(text):
        if match.group() != "\n":
            line.append(match.span())
            continue
        _pair(line, spans)
        line = []
    _pair(line, spans)
    return spans


def _pair(runs: list[tuple[int, int]], spans: list) -> None:
    """Add to `spans` the code spans that the backtick `runs` of one line open and close."""
    following: list[int | None] = [None] * len(runs)  # the next run of the same length
    last: dict[int, int] = {}
    for i in range(len(runs) - 1, -1, -1):
        size = runs[i][1] - runs[i][0]
        following[i], last[size] = last.get(size), i
    i = 0
    while i < len(runs):
        j = following[i]
        if j is None:
            i += 1
        else:
            spans.append((runs[i][0], runs[j][1]))
            i = j + 1


def _blanked(text: str, pattern: re.Pattern) -> str:
    """`text` with inline code and `pattern`'s matches blanked, leftmost first (a span
    that starts inside an earlier one is part of it)."""
    code, pieces, pos, done, c, found = inline_code(text), [], 0, 0, 0, None
    more = True  # whether `pattern` may match at or after `pos`
    while True:
        if more and (found is None or found.start() < pos):  # (each match looked for once)
            found = pattern.search(text, pos)
            more = found is not None
        while c < len(code) and code[c][0] < pos:
            c += 1
        if c < len(code) and (found is None or code[c][0] < found.start()):
            start, end = code[c]
        elif found is not None:
            start, end = found.span()
        else:
            return "".join(pieces) + text[done:]
        pieces += [text[done:start], blank(text[start:end])]
        done, pos = end, max(end, start + 1)


def unclosed_comment(text: str) -> int | None:
    """Where an HTML comment opens that no `-->` closes, outside code (it runs to the end
    of the text, which every rule then passes over), or None."""
    if "<!--" not in text:
        return None
    for found in _COMMENTS.finditer(_blanked(_unfenced(text), _NEVER)):  # (code blanked)
        if not found.group().endswith("-->"):
            return found.start()
    return None


def literal(text: str) -> str:
    """`text` with only code and comments blanked (same length): what a reader sees,
    tag-like `<NAME>`, link targets and URLs included."""
    return _blanked(_unfenced(text), _COMMENTS)


def prose(text: str) -> str:
    """`text` with non-prose spans blanked (same length)."""
    text = _blanked(_unfenced(text), _HIDDEN)
    urls = list(entities.iter_urls(text))  # the ones left have no scheme
    if not urls:
        return text
    out, done = [], 0
    for url in urls:
        out += [text[done:url.start], " " * (url.end - url.start)]
        done = url.end
    return "".join(out) + text[done:]
