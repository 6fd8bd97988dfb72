"""`existence`: flag words, phrases or patterns that should not appear."""

from __future__ import annotations

from ..hookspecs import hookimpl
from .base import Check, Match, MATCHING_OPTIONS, Option, view, word_pattern


class Existence(Check):
    """Each occurrence of any of `tokens` (words, phrases, or regexes with `regex: true`)."""

    type_name = "existence"
    values = ()
    gated = True
    options = {
        **MATCHING_OPTIONS,
        "tokens": Option("list", required=True, help="words, phrases or regexes to flag"),
        "exceptions": Option("list", [], help="matched texts never to flag (case-sensitive)"),
    }

    @classmethod
    def problems(cls, options):
        """A regex token that does not compile."""
        if not options.get("regex"):
            return
        flags = {name: options.get(name, cls.options[name].default)
                 for name in ("ignorecase", "whole_words")}
        pattern = word_pattern([str(t) for t in options.get("tokens") or ()], is_regex=True,
                               **flags)
        problem = pattern and pattern.problem()
        if problem:
            yield "tokens", problem

    def __init__(self, options, context):
        super().__init__(options, context)
        self.pattern = word_pattern(options["tokens"], ignorecase=options["ignorecase"],
                                    whole_words=options["whole_words"],
                                    is_regex=options["regex"],
                                    forms=options.get("forms", "inflected"),
                                    lang=context.lang,
                                    elide="*" if context.any_language else None)
        self.exceptions = set(options["exceptions"])

    def check(self, post):
        if self.pattern is None:
            return
        text = view(post, self.opts)
        for m in self.context.finditer(self.pattern, text):
            if m.group(0) not in self.exceptions:
                yield Match(m.start(), m.end())


@hookimpl
def postlint_rule_types():
    return [Existence]
