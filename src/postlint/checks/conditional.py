"""`conditional`: when one thing appears in a post, another must (or must not)."""

from __future__ import annotations

from ..hookspecs import hookimpl
from .base import Check, Match, MATCHING_OPTIONS, Option, view, word_pattern


class Conditional(Check):
    """If any of `first` appears, any of `second` must appear (`second_must: appear`)
    or must not (`second_must: not-appear`). The finding points at the first `first`."""

    type_name = "conditional"
    values = ("second",)
    gated = True
    options = {
        **MATCHING_OPTIONS,
        "first": Option("list", required=True, help="words or phrases that make the rule look"),
        "second": Option("list", required=True,
                         help="words or phrases that must (or must not) be in the post too"),
        "second_must": Option("str", "appear", choices=("appear", "not-appear"),
                              help="whether `second` must appear or must not"),
    }

    def __init__(self, options, context):
        super().__init__(options, context)
        flags = dict(ignorecase=options["ignorecase"], whole_words=options["whole_words"],
                     is_regex=options["regex"], forms=options.get("forms", "inflected"),
                     lang=context.lang)
        self.first = word_pattern(options["first"], **flags)
        self.second = word_pattern(options["second"], **flags)

    def check(self, post):
        if self.first is None or self.second is None:
            return
        text = view(post, self.opts)
        trigger = self.context.search(self.first, text)
        if trigger is None:
            return
        other = self.context.search(self.second, text)
        if (other is None) == (self.opts["second_must"] == "appear"):
            values = {"second": other.group(0) if other else self.opts["second"][0]}
            yield Match(trigger.start(), trigger.end(), values)


@hookimpl
def postlint_rule_types():
    return [Conditional]
