"""`existence`: flag words, phrases or patterns that should not appear."""

from __future__ import annotations

import regex

from ..check import MATCHING_OPTIONS, Check, Match, Option, word_pattern
from ..hookspecs import hookimpl


class Existence(Check):
    """Each occurrence of any of `tokens` (words, phrases, or regexes with `regex: true`)."""

    type_name = "existence"
    options = {
        **MATCHING_OPTIONS,
        "tokens": Option("list", required=True, help="words, phrases or regexes to flag"),
        "exceptions": Option("list", [], help="matched texts never to flag (case-sensitive)"),
    }

    @classmethod
    def problems(cls, options):
        """Compile the tokens as the check will (so the run reuses regex's cache); on an
        error, find the token at fault."""
        if not options.get("regex"):
            return
        tokens = options.get("tokens") or ()
        flags = {name: options.get(name, cls.options[name].default)
                 for name in ("ignorecase", "whole_words")}
        try:
            word_pattern([str(t) for t in tokens], is_regex=True, **flags)
            return
        except regex.error as exc:
            problem = f"invalid regular expressions: {exc}"
        for token in tokens:
            try:
                regex.compile(str(token))
            except regex.error as exc:
                problem = None
                yield "tokens", f"invalid regular expression {token!r}: {exc}"
        if problem:  # each token compiles alone, not together
            yield "tokens", problem

    def __init__(self, options, context):
        super().__init__(options, context)
        self.pattern = word_pattern(options["tokens"], ignorecase=options["ignorecase"],
                                    whole_words=options["whole_words"],
                                    is_regex=options["regex"])
        self.exceptions = set(options["exceptions"])

    def check(self, post):
        if self.pattern is None:
            return
        text = post.text if self.opts["raw"] else post.prose
        for m in self.context.finditer(self.pattern, text):
            if m.group(0) not in self.exceptions:
                yield Match(m.start(), m.end())


@hookimpl
def postlint_rule_types():
    return [Existence]
