"""`metric`: a number computed from a post (readability, sentiment...) against limits."""

from __future__ import annotations

import re

import regex

from ..hookspecs import hookimpl
from ..load.template import fill
from .base import Check, Match, Option
from .emoji_count import SENTENCE_EMOJI

# (A run of marks is tried from its start only: tried at each of its marks, a long run
# not followed by a space would be read to its end from each, in time growing with its
# square.)
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]+(?=\s|$)|\S$")
# For the run-on check a sentence also ends at the end of a line that a blank line or a
# list item follows, and at an emoji before a capital: list items and headings seldom end
# in a full stop, nor do posts that close sentences with emoji, but a reader takes each one
# as a sentence. (The grade's own formula counts only marks, so the gate of
# `min_sentences` does too: a list is not graded as if it were several sentences.)
OPENING = 5  # words of a long sentence quoted in `{opening}` ("It was the best of…")
_LINE_END = regex.compile(r"(?<![.!?…])[.!?…]+(?=\s|$)|\S(?=[ \t]*\n[ \t]*(?:\n|[^\w\s]+[ \t]|\d+[.)/][ \t]))"
                          rf"|{SENTENCE_EMOJI}|\S$")


class Metric(Check):
    """Runs the named text function (see `postlint_functions`) on a post's prose and
    flags a value below `min` or above `max`, only for posts of at least `min_words`
    words and `min_sentences` sentences. With `max_sentence_words`, a post whose value
    is within the limits (or that is too short to measure) still has each sentence of
    more words than that flagged: one run-on sentence is hard to read at any length.
    `{problem}` in the message is `value_problem` or `sentence_problem`, filled in
    (`{opening}`: a long sentence's first words)."""

    type_name = "metric"
    values = ("problem", "value", "min", "max", "words", "max_sentence_words")
    options = {
        "function": Option("str", required=True,
                           help="the text function to compute (see postlint_functions)"),
        "min": Option("number", None, help="flag a value below this"),
        "max": Option("number", None, help="flag a value above this"),
        "min_words": Option("int", 0, low=0, help="skip posts with fewer words"),
        "min_sentences": Option("int", 0, low=0, help="skip posts with fewer sentences"),
        "max_sentence_words": Option("int", None, low=0, help="flag a sentence with more words"),
        "value_problem": Option("template", "the value {value} is outside the limits",
                                names=("value", "min", "max"),
                                help="what {problem} says when the value is out of bounds"),
        "sentence_problem": Option("template", "one sentence runs {words} words",
                                   names=("words", "max_sentence_words", "value", "min", "max",
                                          "opening"),
                                   help="what {problem} says for a sentence of too many words"),
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
        flagged = False
        for match in self._value(text):
            flagged = True
            yield match
        if not flagged and self.opts["max_sentence_words"]:
            yield from self._long_sentences(text)

    def _value(self, text: str):
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
            values = {"value": round(value, 2), "min": low, "max": high}
            yield Match(start, end, {**values, "problem": self._problem("value_problem", values)})

    def _long_sentences(self, text: str):
        limit, start = self.opts["max_sentence_words"], 0
        if len(text.split()) <= limit:  # (no sentence holds more words than the post)
            return
        for end in [m.end() for m in _LINE_END.finditer(text)] + [len(text)]:
            words = len(text[start:end].split())
            if words > limit:
                lead = len(text[start:end]) - len(text[start:end].lstrip())
                values = {"words": words, "max_sentence_words": limit, "value": words,
                          "min": self.opts["min"], "max": self.opts["max"]}
                opening = " ".join(text[start:end].split()[:OPENING]) + "…"
                problem = self._problem("sentence_problem", {**values, "opening": opening})
                yield Match(start + lead, len(text[:end].rstrip()), {**values, "problem": problem})
            start = end

    def _problem(self, key: str, values: dict) -> str:
        return fill(self.opts.get(key) or "", values)


@hookimpl
def postlint_rule_types():
    return [Metric]
