"""`styled-letters`: words written in styled Unicode look-alikes of letters, fixable to
the plain letters with the folding word matching uses (`text.styled`)."""

from __future__ import annotations

import re

from ..hookspecs import hookimpl
from ..text import styled
from .base import ANY, Check, Match, Option

_JOINERS = " \t-'’.,!?&:"  # between styled words of one phrase
_CJK = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL")


def _cjk(text: str) -> bool:
    import unicodedata
    return any(ord(c) > 0x2E7F and unicodedata.name(c, "").startswith(_CJK) for c in text)


_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def _beyond_ascii(text: str):
    """The offsets of the characters of `text` that are not ASCII, in order."""
    for run in _NOT_ASCII.finditer(text):
        yield from range(run.start(), run.end())


class StyledLetters(Check):
    """Each phrase of styled letters (at least `min_letters` of them; styled words joined
    by spaces or punctuation make one phrase). The replacement is the plain text."""

    languages = ANY  # reads no words of one language

    type_name = "styled-letters"
    values = ("plain", "style")
    options = {
        "min_letters": Option("int", 2, low=0, help="fewest styled letters a phrase must hold"),
        "kinds": Option("list", ["mathematical", "fullwidth", "circled", "parenthesised",
                                 "squared", "small capitals"], help="styles to flag"),
        "fullwidth_with_cjk": Option("bool", False,
                                     help="flag fullwidth letters in posts with CJK text too"),
    }

    def check(self, post):
        text = post.prose
        if text.isascii():
            return
        kinds = set(self.opts["kinds"])
        cjk = None
        runs, start, last, names = [], None, None, set()
        for i in _beyond_ascii(text):  # (an ASCII character is never styled)
            found = styled.kind(text[i])
            if found in kinds and found == "fullwidth" and not self.opts["fullwidth_with_cjk"]:
                if cjk is None:
                    cjk = _cjk(text)
                found = None if cjk else found
            if found in kinds:
                if start is None or any(c not in _JOINERS for c in text[last + 1:i]) \
                        or i - last > 3:
                    if start is not None:
                        runs.append((start, last + 1, names))
                    start, names = i, set()
                last = i
                names.add(found)
        if start is not None:
            runs.append((start, last + 1, names))
        for begin, end, found_kinds in runs:
            span = text[begin:end]
            letters = sum(1 for c in span if styled.kind(c) and styled.fold(c).isalpha())
            if letters < self.opts["min_letters"]:
                continue
            # only the styled characters change (not the apostrophes between them)
            plain = "".join(styled.fold(c) if styled.kind(c) else c for c in span)
            plain = plain.replace("\ufe0f", "")
            yield Match(begin, end, {"plain": plain, "style": ", ".join(sorted(found_kinds))},
                        plain)


@hookimpl
def postlint_rule_types():
    return [StyledLetters]
