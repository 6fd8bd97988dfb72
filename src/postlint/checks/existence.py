"""`existence`: flag words, phrases or patterns that should not appear."""

from __future__ import annotations

from ..hookspecs import hookimpl
from .base import (Check, Match, MATCHING_OPTIONS, Mentions, Option, part_matches, view,
                   word_pattern)


class Existence(Check):
    """Each occurrence of any of `tokens` (words, phrases, or regexes with `regex: true`),
    except where `mentions` says it is the word talked about, not used (in quotes, or
    after or before one of its `before`/`after` regexes)."""

    type_name = "existence"
    values = ()
    gated = True
    options = {
        **MATCHING_OPTIONS,
        "tokens": Option("list", required=True, help="words, phrases or regexes to flag"),
        "exceptions": Option("list", [], help="matched texts never to flag (case-sensitive)"),
        "mentions": Option("mapping", {}, help="where a match is the word talked about, not "
                           "used: quoted (bool), before/after (regexes around it)"),
        "parts": Option("bool", False, help="also a word that is one part of a hyphenated "
                        "compound (ninja in ninja-level)"),
    }

    @classmethod
    def problems(cls, options):
        """A regex token, or a `mentions` regex, that does not compile."""
        for problem in Mentions.problems(options.get("mentions")):
            yield "mentions", problem
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
        self.talked_about = Mentions(options.get("mentions"), context)
        # (a part of a compound is no token the word lists' gate sees: read every post)
        self.gated = not options.get("parts")

    def check(self, post):
        if self.pattern is None:
            return
        text = view(post, self.opts)
        found = [(m.start(), m.end(), m.group(0)) for m in self.context.finditer(self.pattern, text)]
        if self.opts.get("parts"):
            found += part_matches(self.context, self.pattern, text)
        for start, end, written in found:
            if written in self.exceptions:
                continue
            if self.talked_about and self.talked_about(text, start, end):
                continue
            yield Match(start, end)


@hookimpl
def postlint_rule_types():
    return [Existence]
