"""`capitalization`: names that have one canonical spelling (fixable)."""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..text.styled import normalize as fold
from .base import ANY, Check, Match, Option, word_pattern


class Capitalization(Check):
    """Each case-insensitive occurrence of a term in `terms` not written exactly so."""

    languages = ANY  # reads no words of a language

    type_name = "capitalization"
    values = ("replacement",)
    gated = True
    options = {"terms": Option("list", required=True, help="canonical spellings")}

    def __init__(self, options, context):
        super().__init__(options, context)
        terms = [str(t) for t in options["terms"] or ()]
        self.canonical = {t.casefold(): t for t in terms}
        # names keep their spelling after an elided article too (French l'iPhone)
        self.pattern = word_pattern(terms, elide="*")

    def check(self, post):
        if self.pattern is None:
            return
        for m in self.context.finditer(self.pattern, post.prose):
            written = " ".join(m.group(0).split())
            right = self.canonical.get(fold(written).casefold())
            if right is not None and written != right:
                yield Match(m.start(), m.end(), {"replacement": right}, replacement=right)


@hookimpl
def postlint_rule_types():
    return [Capitalization]
