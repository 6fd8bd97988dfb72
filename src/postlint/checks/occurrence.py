"""`occurrence`: too many (or too few) occurrences of something in one post."""

from __future__ import annotations

from ..hookspecs import hookimpl
from .base import Check, Match, MATCHING_OPTIONS, Option, view, word_pattern


class Occurrence(Check):
    """Counts matches of `tokens` per post against `max` and `min`.

    Over `max`, the finding points at the first occurrence past the limit; under `min`,
    at the start of the post.
    """

    type_name = "occurrence"
    values = ("count", "max", "min")
    options = {
        **MATCHING_OPTIONS,
        "tokens": Option("list", required=True, help="the words or phrases to count"),
        "max": Option("int", None, low=0, help="flag a post with more occurrences than this"),
        "min": Option("int", None, low=0, help="flag a post with fewer occurrences than this"),
    }

    def __init__(self, options, context):
        super().__init__(options, context)
        self.pattern = word_pattern(options["tokens"], ignorecase=options["ignorecase"],
                                    whole_words=options["whole_words"],
                                    is_regex=options["regex"],
                                    forms=options.get("forms", "inflected"),
                                    lang=context.lang)

    def check(self, post):
        if self.pattern is None:
            return
        text = view(post, self.opts)
        found = list(self.context.finditer(self.pattern, text))
        most, least = self.opts["max"], self.opts["min"]
        values = {"count": len(found), "max": most, "min": least}
        if most is not None and len(found) > most:
            first_extra = found[most]
            yield Match(first_extra.start(), first_extra.end(), values)
        if least is not None and len(found) < least and text.strip():
            start = len(text) - len(text.lstrip())
            yield Match(start, start + len(text.strip().splitlines()[0]), values)


@hookimpl
def postlint_rule_types():
    return [Occurrence]
