"""`image-alt`: Markdown and HTML images without (useful) alt text."""

from __future__ import annotations

import bisect

import regex

from ..hookspecs import hookimpl
from ..text.entities import LazyPattern
from ..text.markup import fence_state, inline_code, lines
from .base import ANY, Check, Match, Option

# (alt text holds no `[`: each try then stops at the next one, so "![" repeated is linear)
_MARKDOWN = LazyPattern(r"!\[([^\[\]\n]*)\](?=\(|\[)")
_HTML = LazyPattern(r"<img\b[^<>]*>", regex.IGNORECASE)
_ALT = LazyPattern(r"""\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", regex.IGNORECASE)
_FILE_NAME = LazyPattern(r"^\S+\.(?:png|jpe?g|gif|webp|svg|heic|bmp|tiff?)$", regex.IGNORECASE)


def code_spans(text: str) -> list[tuple[int, int]]:
    """Spans of fenced code blocks and inline code in `text`, sorted, overlaps merged."""
    spans, offset, fence, opened = [], 0, None, 0
    for line in lines(text):
        new = fence_state(line.strip(), fence)
        if fence is None and new is not None:
            opened = offset
        if fence is not None and new is None:
            spans.append((opened, offset + len(line)))
        fence = new
        offset += len(line)
    if fence is not None:
        spans.append((opened, len(text)))
    spans += inline_code(text)
    merged: list[tuple[int, int]] = []  # sorted and disjoint, to look a place up in
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether `pos` is in one of the sorted, disjoint `spans`."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


class ImageAlt(Check):
    """Each image (`![alt](src)`, `![alt][ref]`, `<img alt=...>`) outside code whose alt
    text is missing, blank, a file name, or one of `weak` (such as 'image')."""

    languages = ANY  # reads no words of a language

    type_name = "image-alt"
    values = ("problem",)
    options = {"weak": Option("list", [], help="alt texts that say nothing"),
               "weak_pattern": Option("regex", "", help="alt texts of this shape say "
                                      "nothing either (a camera's file name, IMG_2041)")}

    def __init__(self, options, context):
        super().__init__(options, context)
        self.weak = {str(w).casefold() for w in options["weak"]}
        shape = options.get("weak_pattern")
        self.weak_shape = regex.compile(shape, regex.IGNORECASE) if shape else None

    def _problem(self, alt: str | None) -> str | None:
        if alt is None:
            return "has no alt text"
        alt = alt.strip()
        if not alt:
            return "has empty alt text"
        if alt.casefold() in self.weak or _FILE_NAME.match(alt) \
                or self.weak_shape is not None and self.weak_shape.fullmatch(alt):
            return f"has alt text '{alt}' that says nothing about the picture"
        return None

    def check(self, post):
        text = post.text
        if "![" not in text and "<" not in text:  # no image can be written without them
            return
        code = code_spans(text)
        for m in list(self.context.finditer(_MARKDOWN, text)) + \
                list(self.context.finditer(_HTML, text)):
            if _inside(code, m.start()):
                continue
            if m.group(0).startswith("!"):
                alt = m.group(1)
            else:
                found = _ALT.search(m.group(0))
                alt = next((g for g in found.groups() if g is not None), "") if found else None
            problem = self._problem(alt)
            if problem:
                yield Match(m.start(), m.end(), {"problem": problem})


@hookimpl
def postlint_rule_types():
    return [ImageAlt]
