"""`voice`: the grammatical person a brand speaks in (`we` or `I`)."""

from __future__ import annotations

import regex

from ..hookspecs import hookimpl
from .base import Check, Match, Option, word_pattern

_QUOTED = regex.compile(r'"[^"\n]*"|“[^”\n]*”')


class Voice(Check):
    """With `voice: we`, each word of `singular` is flagged; with `voice: I`, each word of
    `plural`. Quoted speech is skipped, and so is what a `skip` regex matches (a quoted
    line, an interviewee's answer), as are all-caps words of two letters or more
    (`US` is a country) and words right after one of `not_after` (`World War I`). A post
    that a `signed` regex matches (a founder's note ending "— Sam, founder") speaks in
    its signer's voice: nothing of it is flagged."""

    type_name = "voice"
    values = ("voice", "wanted")
    options = {
        "voice": Option("str", required=True, help="'we' or 'I'"),
        "singular": Option("list", [], help="first-person singular words"),
        "plural": Option("list", [], help="first-person plural words"),
        "not_after": Option("list", [], help="words after which a match is a name or number"),
        "skip": Option("list", [], help="regexes of other speech to skip (a quoted "
                       "line, a Q&A answer)"),
        "signed": Option("list", [], help="regexes of a signature that makes a post its "
                         "signer's own words"),
    }

    def __init__(self, options, context):
        super().__init__(options, context)
        voice = str(options["voice"]).strip().lower()
        if voice not in ("we", "i"):
            raise ValueError(f"brand.voice: expected 'we' or 'I', got {options['voice']!r}")
        self.voice = "we" if voice == "we" else "I"
        self.wanted = "singular" if voice == "i" else "plural"
        self.pattern = word_pattern(options["singular" if voice == "we" else "plural"])
        after = [regex.escape(str(w)) for w in options["not_after"]]
        self.after = regex.compile(rf"(?:{'|'.join(after)})\s+$", regex.IGNORECASE) \
            if after else None
        self.skip = [regex.compile(str(p), regex.IGNORECASE | regex.MULTILINE)
                     for p in options["skip"]]
        self.signed = [regex.compile(str(p), regex.MULTILINE) for p in options["signed"]]

    def check(self, post):
        if self.pattern is None or any(p.search(post.prose) for p in self.signed):
            return
        text = _QUOTED.sub(lambda m: " " * len(m.group(0)), post.prose)
        for skip in self.skip:
            text = skip.sub(lambda m: " " * len(m.group(0)), text)
        for m in self.context.finditer(self.pattern, text):
            word = m.group(0)
            if len(word) > 1 and word.isupper():
                continue
            if self.after is not None and self.after.search(text, max(0, m.start() - 40),
                                                            m.start()):
                continue
            yield Match(m.start(), m.end(), {"voice": self.voice, "wanted": self.wanted})


@hookimpl
def postlint_rule_types():
    return [Voice]
