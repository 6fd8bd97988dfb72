"""`capitalization`: names that have one canonical spelling (fixable)."""

from __future__ import annotations

import regex

from ..hookspecs import hookimpl
from ..text.styled import normalize as fold
from .base import ANY, Check, Match, Option, part_matches, word_pattern


# a word of two letters or more in capitals, right before or after a term, past spaces and
# the marks of a headline ("NOW ON YOUTUBE", "YOUTUBE: LIVE TONIGHT")
_CAPS_BEFORE = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}'’]*\p{Lu}[ \t:,!&-]+$")
_CAPS_AFTER = regex.compile(r"[ \t:,!&-]+\p{Lu}[\p{Lu}'’]*\p{Lu}(?![\p{L}\p{N}])")


def _among_capitals(text: str, start: int, end: int) -> bool:
    """Whether a word in capitals stands right before or after `start:end`."""
    return _CAPS_BEFORE.search(text, max(0, start - 40), start) is not None \
        or _CAPS_AFTER.match(text, end, min(len(text), end + 40)) is not None


class Capitalization(Check):
    """Each case-insensitive occurrence of a term in `terms` not written exactly so."""

    languages = ANY  # reads no words of a language

    type_name = "capitalization"
    values = ("replacement",)
    gated = True
    options = {"terms": Option("list", required=True, help="canonical spellings"),
               "in_capitals": Option("bool", False, help="a term in capitals inside a run "
                                     "of capitalised words (a headline, a shout) takes "
                                     "the run's case: NOW ON YOUTUBE"),
               "parts": Option("bool", False, help="also a term that is one part of a "
                               "hyphenated compound (Acmeflow-powered)")}

    def __init__(self, options, context):
        super().__init__(options, context)
        terms = [str(t) for t in options["terms"] or ()]
        self.canonical = {t.casefold(): t for t in terms}
        # names keep their spelling after an elided article too (French l'iPhone)
        self.pattern = word_pattern(terms, elide="*")
        # (a part of a compound is no token the word lists' gate sees: read every post)
        self.gated = not options.get("parts")

    def check(self, post):
        if self.pattern is None:
            return
        text = post.prose
        found = [(m.start(), m.end(), m.group(0)) for m in self.context.finditer(self.pattern, text)]
        if self.opts.get("parts"):
            found += part_matches(self.context, self.pattern, text)
        for start, end, group in found:
            written = " ".join(group.split())
            right = self.canonical.get(fold(written).casefold())
            if right is not None and written != right:
                if self.opts.get("in_capitals") and written.isupper() \
                        and _among_capitals(text, start, end):
                    continue
                yield Match(start, end, {"replacement": right}, replacement=right)


@hookimpl
def postlint_rule_types():
    return [Capitalization]
