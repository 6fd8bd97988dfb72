"""`substitution`: a word or phrase that has a better replacement (fixable)."""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..text.styled import normalize as fold
from .base import Check, Match, Option, word_pattern


def match_case(found: str, replacement: str) -> str:
    """Give `replacement` the capitalisation of `found` (Title, UPPER or as written)."""
    if found.isupper() and len(found) > 1 and not replacement.isupper():
        return replacement.upper()
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class Substitution(Check):
    """Each occurrence of a key of `swap`, with its value as the suggested replacement."""

    type_name = "substitution"
    values = ("replacement",)
    gated = True
    options = {
        "swap": Option("mapping", required=True, help="wrong -> right"),
        "ignorecase": Option("bool", True, help="match regardless of case"),
        "whole_words": Option("bool", True, help="match whole words only"),
    }

    def __init__(self, options, context):
        super().__init__(options, context)
        swap = {str(k): str(v) for k, v in (options["swap"] or {}).items()}
        self.lookup = {k.casefold(): v for k, v in swap.items()}
        self.pattern = word_pattern(swap, ignorecase=options["ignorecase"],
                                    whole_words=options["whole_words"],
                                    elide="*" if context.any_language else None)

    def check(self, post):
        if self.pattern is None:
            return
        for m in self.context.finditer(self.pattern, post.prose):
            found = m.group(0)
            key = " ".join(fold(found).split()).casefold()
            right = self.lookup.get(key)
            if right is None or right == found:
                continue
            right = match_case(found, right) if self.opts["ignorecase"] else right
            yield Match(m.start(), m.end(), {"replacement": right}, replacement=right)


@hookimpl
def postlint_rule_types():
    return [Substitution]
