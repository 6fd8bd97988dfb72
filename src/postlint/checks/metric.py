"""`metric`: a number computed from a post (readability, sentiment...) against limits."""

from __future__ import annotations

import re

from ..hookspecs import hookimpl
from .base import Check, Match, Option

_SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|\S$")


class Metric(Check):
    """Runs the named text function (see `postlint_functions`) on a post's prose and
    flags a value below `min` or above `max`, only for posts of at least `min_words`
    words and `min_sentences` sentences."""

    type_name = "metric"
    options = {
        "function": Option("str", required=True),
        "min": Option("number", None),
        "max": Option("number", None),
        "min_words": Option("int", 0, help="skip posts with fewer words"),
        "min_sentences": Option("int", 0, help="skip posts with fewer sentences"),
    }

    def __init__(self, options, context):
        super().__init__(options, context)
        name = options["function"]
        if name not in context.functions:
            known = ", ".join(sorted(context.functions))
            raise ValueError(f"unknown function {name!r} (known: {known})")
        self.function = context.functions[name]

    def check(self, post):
        text = post.prose
        if len(text.split()) < self.opts["min_words"]:
            return
        if self.opts["min_sentences"] and \
                len(_SENTENCE_END.findall(text.strip())) < self.opts["min_sentences"]:
            return
        value = self.function(text)
        low, high = self.opts["min"], self.opts["max"]
        if (low is not None and value < low) or (high is not None and value > high):
            start = len(text) - len(text.lstrip())
            end = len(text.rstrip())
            yield Match(start, end, {"value": round(value, 2), "min": low, "max": high})


@hookimpl
def postlint_rule_types():
    return [Metric]
