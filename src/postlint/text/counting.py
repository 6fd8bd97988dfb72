"""Measure a post the way each platform does.

Units (the `unit` argument):

- "x": X's weighted count (twitter-text v3): the text is NFC-normalised, code points
  in the ranges of `X_WEIGHT_ONE` weigh 1 and all others 2, each emoji sequence
  weighs 2 and each URL, with or without scheme, weighs 23.
- "graphemes": user-perceived characters (Bluesky, Mastodon).
- "utf8-bytes": encoded size (Bluesky's second limit).
- "code-points": Python's len().
- "utf16": UTF-16 code units, JavaScript's `.length` (TikTok).
- "threads": code points, except that an emoji sequence costs its UTF-8 bytes.

Options: `url_length` makes each URL cost that much (X and Mastodon use 23);
`bare_urls=False` applies it only to URLs written with a scheme (Mastodon);
`mention_without_domain` counts `@user@domain` as `@user` (Mastodon).

Everything is built on `segments()`, which cuts the text into pieces
`(start, end, cost)` that tile it; offsets are code points of the given string.
"""

from __future__ import annotations

import heapq
import unicodedata
from collections.abc import Iterator

import regex

from . import entities
from .entities import LazyPattern

__all__ = [
    "UNITS", "X_WEIGHT_ONE", "X_DEFAULT_WEIGHT", "X_URL_LENGTH", "X_MAX_LENGTH", "X_INVALID_CHARS",
    "segments", "length", "crossing",
]

UNITS = ("x", "graphemes", "utf8-bytes", "code-points", "utf16", "threads")

# twitter-text v3 configuration, as facts: inclusive code point ranges weighing 1.
X_WEIGHT_ONE = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
X_DEFAULT_WEIGHT = 2
X_EMOJI_WEIGHT = 2
X_URL_LENGTH = 23
X_MAX_LENGTH = 280
# Characters that make a post invalid on X whatever its length.
X_INVALID_CHARS = "\uFFFE\uFEFF\uFFFF"

_LIGHT = "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in X_WEIGHT_ONE)
# One emoji: a flag, a keycap, or pictographs joined by ZWJ, each with an optional
# skin tone, VS16 or tag sequence. © and ® alone are text, not emoji.
_EMOJI_PART = (
    "(?:[\\xA9\\xAE](?=[\\uFE0F\\u200D\\p{Emoji_Modifier}])|(?![\\xA9\\xAE])\\p{Extended_Pictographic})"
    "(?:\\p{Emoji_Modifier}\\uFE0F?|\\uFE0F|[\\U000E0020-\\U000E007E]+\\U000E007F)?"
)
_EMOJI = f"(?:\\p{{Regional_Indicator}}{{2}}|[#*0-9]\\uFE0F?\\u20E3|{_EMOJI_PART}(?:\\u200D{_EMOJI_PART})*)"
_EMOJI_START = "\\p{Extended_Pictographic}\\p{Regional_Indicator}#*0-9"
# Runs of plain characters for the x and threads units; an emoji start ends a run.
# Repeated groups are capped ({1,4096}) because the regex module keeps state per
# repetition, which exhausts memory on a 50 MB run.
_X_TOKENS = LazyPattern(
    f"(?P<emoji>{_EMOJI})"
    f"|(?P<light>(?:[{_LIGHT}--[#*0-9\\xA9\\xAE]]|[#*0-9\\xA9\\xAE](?![\\uFE0F\\u20E3\\u200D\\p{{Emoji_Modifier}}])){{1,4096}}+)"
    f"|(?P<heavy>[^{_LIGHT}\\p{{Extended_Pictographic}}\\p{{Regional_Indicator}}]++)"
    "|(?P<other>.)",
    regex.V1 | regex.DOTALL,
)
_THREADS_TOKENS = LazyPattern(f"(?P<emoji>{_EMOJI})|(?P<plain>[^{_EMOJI_START}]++)|(?P<other>.)", regex.V1 | regex.DOTALL)
# Runs of characters that are each a whole grapheme, else one cluster.
_SIMPLE = "[[\\p{GCB=Other}\\p{GCB=Control}\\n]--\\p{Extended_Pictographic}]"
_GRAPHEME_TOKENS = LazyPattern(
    f"(?P<run>(?:{_SIMPLE}(?![\\p{{GCB=Extend}}\\p{{GCB=ZWJ}}\\p{{GCB=SpacingMark}}])){{1,4096}}+)|\\X",
    regex.V1 | regex.DOTALL,
)
_UTF16_TOKENS = LazyPattern("[\\x00-\\uFFFF]++|[^\\x00-\\uFFFF]++")
_UTF8_TOKENS = LazyPattern("[\\x00-\\x7F]++|[\\x80-\\u07FF]++|[\\u0800-\\uFFFF]++|[^\\x00-\\uFFFF]++")
_UTF8_WIDTH = {1: 1, 2: 2, 3: 3, 4: 4}
# Characters that can change under NFC, with the character before them.
_NFC_UNSTABLE = LazyPattern(
    "[^\\p{NFC_QC=N}\\p{NFC_QC=M}\\P{ccc=0}]?[\\p{NFC_QC=N}\\p{NFC_QC=M}\\P{ccc=0}]++", regex.V1 | regex.DOTALL
)

# A run: (start, end, cost, each). each=True: every code point costs `cost`;
# each=False: the whole run is one piece costing `cost`.
_Run = tuple[int, int, int, bool]


def _weight(ch: str) -> int:
    cp = ord(ch)
    return 1 if any(lo <= cp <= hi for lo, hi in X_WEIGHT_ONE) else X_DEFAULT_WEIGHT


def _utf8_size(s: str) -> int:
    return len(s.encode("utf-8", "surrogatepass"))


def _plain_runs(text: str, unit: str, start: int, end: int) -> Iterator[_Run]:
    """Runs for text[start:end] containing no entity that changes the cost."""
    if start >= end:
        return
    if unit == "code-points":
        yield (start, end, 1, True)
    elif unit == "utf16":
        for m in _UTF16_TOKENS.finditer(text, start, end):
            yield (m.start(), m.end(), 1 if ord(text[m.start()]) < 0x10000 else 2, True)
    elif unit == "utf8-bytes":
        for m in _UTF8_TOKENS.finditer(text, start, end):
            yield (m.start(), m.end(), _utf8_size(text[m.start()]), True)
    elif unit == "graphemes":
        for m in _GRAPHEME_TOKENS.finditer(text, start, end):
            yield (m.start(), m.end(), 1, m.lastgroup == "run")
    elif unit == "threads":
        for m in _THREADS_TOKENS.finditer(text, start, end):
            if m.lastgroup == "emoji":
                yield (m.start(), m.end(), _utf8_size(m.group()), False)
            else:
                yield (m.start(), m.end(), 1, True)
    elif unit == "x":
        for m in _X_TOKENS.finditer(text, start, end):
            kind = m.lastgroup
            if kind == "emoji":
                yield (m.start(), m.end(), X_EMOJI_WEIGHT, False)
            elif kind == "other":
                yield (m.start(), m.end(), _weight(m.group()), True)
            else:
                yield (m.start(), m.end(), 1 if kind == "light" else X_DEFAULT_WEIGHT, True)
    else:
        raise ValueError(f"unknown unit {unit!r}; expected one of {', '.join(UNITS)}")


def _runs(text: str, unit: str, url_length: int | None, bare_urls: bool, mention_without_domain: bool) -> Iterator[_Run]:
    """Runs for the whole of `text`, with URLs and mentions priced as options say."""
    if unit == "x" and url_length is None:
        url_length = X_URL_LENGTH
    streams = []
    if url_length is not None:
        streams.append(
            (u.start, u.end, url_length) for u in entities.iter_urls(text) if bare_urls or "://" in u.text
        )
    if mention_without_domain:
        streams.append(
            (m.start, m.end, length(m.text[: m.text.find("@", 1)], unit))
            for m in entities.mentions(text, fediverse=True)
            if m.text.find("@", 1) > 0
        )
    priced = heapq.merge(*streams)  # lazy, so crossing() stops early on long texts
    pos = 0
    for start, end, cost in priced:
        if start < pos:
            continue  # overlaps an entity already priced
        yield from _plain_runs(text, unit, pos, start)
        yield (start, end, cost, False)
        pos = end
    yield from _plain_runs(text, unit, pos, len(text))


def _nfc_runs(text: str, **opts) -> Iterator[_Run]:
    """x-unit runs, computed on the NFC form and mapped back to offsets in `text`."""
    if unicodedata.is_normalized("NFC", text):
        yield from _runs(text, "x", **opts)
        return
    # Changed spans as (norm_start, norm_end, orig_start, orig_end).
    parts: list[str] = []
    spans: list[tuple[int, int, int, int]] = []
    pos = npos = 0
    for m in _NFC_UNSTABLE.finditer(text):
        fixed = unicodedata.normalize("NFC", m.group())
        if fixed == m.group():
            continue
        parts.append(text[pos:m.start()])
        npos += m.start() - pos
        spans.append((npos, npos + len(fixed), m.start(), m.end()))
        parts.append(fixed)
        npos += len(fixed)
        pos = m.end()
    parts.append(text[pos:])
    norm = "".join(parts)
    yield from _map_runs(_runs(norm, "x", **opts), spans)


def _map_runs(runs: Iterator[_Run], spans: list[tuple[int, int, int, int]]) -> Iterator[_Run]:
    """Map runs over the normalised text back onto the original text.

    Inside a changed span single characters have no original offsets, so every
    piece there is merged with its neighbours into one piece that covers the span.
    """
    n = len(spans)
    j = 0  # first span ending after the current position
    shift = 0  # original minus normalised offset, before span j
    pending: list[int] | None = None  # [original start, cost] of a merged piece

    def split(start: int, end: int, cost: int, each: bool) -> Iterator[_Run]:
        if not each:
            yield (start, end, cost, False)
            return
        k = j
        while k < n and spans[k][1] <= start:
            k += 1
        while start < end:
            if k < n and spans[k][0] < end:
                cut = spans[k][0] if start < spans[k][0] else min(spans[k][1], end)
                yield (start, cut, cost, True)
                start = cut
                if cut == spans[k][1]:
                    k += 1
            else:
                yield (start, end, cost, True)
                start = end

    for run in runs:
        for a, b, cost, each in split(*run):
            while j < n and spans[j][1] <= a:
                shift += (spans[j][3] - spans[j][2]) - (spans[j][1] - spans[j][0])
                j += 1
            touches = j < n and spans[j][0] < b
            if pending is None and not touches:
                yield (a + shift, b + shift, cost, each)
                continue
            total = cost * (b - a) if each else cost
            if pending is None:
                pending = [a + shift, 0]
            pending[1] += total
            while j < n and spans[j][1] <= b:
                shift += (spans[j][3] - spans[j][2]) - (spans[j][1] - spans[j][0])
                j += 1
            if j == n or spans[j][0] >= b:  # b is not inside a changed span
                yield (pending[0], b + shift, pending[1], False)
                pending = None


def _all_runs(text: str, unit: str, url_length: int | None = None, bare_urls: bool = True,
              mention_without_domain: bool = False) -> Iterator[_Run]:
    opts = dict(url_length=url_length, bare_urls=bare_urls, mention_without_domain=mention_without_domain)
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}; expected one of {', '.join(UNITS)}")
    if unit == "x":
        return _nfc_runs(text, **opts)
    return _runs(text, unit, **opts)


def segments(text: str, unit: str, *, url_length: int | None = None, bare_urls: bool = True,
             mention_without_domain: bool = False) -> Iterator[tuple[int, int, int]]:
    """Yield (start, end, cost) pieces that tile `text`; each piece is one counted
    unit (a character, a grapheme, an emoji, a URL...)."""
    for start, end, cost, each in _all_runs(text, unit, url_length, bare_urls, mention_without_domain):
        if each:
            for i in range(start, end):
                yield (i, i + 1, cost)
        else:
            yield (start, end, cost)


def length(text: str, unit: str, *, url_length: int | None = None, bare_urls: bool = True,
           mention_without_domain: bool = False) -> int:
    """Total cost of `text` in `unit`."""
    return sum(
        cost * (end - start) if each else cost
        for start, end, cost, each in _all_runs(text, unit, url_length, bare_urls, mention_without_domain)
    )


def crossing(text: str, limit: int, unit: str, *, url_length: int | None = None, bare_urls: bool = True,
             mention_without_domain: bool = False) -> int | None:
    """Offset of the first piece that takes the total over `limit`, or None if it fits."""
    total = 0
    for start, end, cost, each in _all_runs(text, unit, url_length, bare_urls, mention_without_domain):
        if each:
            if total + cost * (end - start) > limit:
                return start + max(0, (limit - total) // cost)
            total += cost * (end - start)
        else:
            total += cost
            if total > limit:
                return start
    return None
