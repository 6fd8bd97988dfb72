"""`consistency`: one of two spellings, used consistently across every draft of a run."""

from __future__ import annotations

from ..hookspecs import hookimpl
from .base import Check, Match, Option, word_pattern


class Consistency(Check):
    """For each pair in `pairs` (`first: second`), when both spellings occur in the run,
    flag every occurrence of the one used less (the second on a tie)."""

    type_name = "consistency"
    scope = "run"
    options = {
        "pairs": Option("mapping", required=True, help="variant -> other variant"),
        "ignorecase": Option("bool", True),
        "skip_names": Option("bool", False,
                             help="skip capitalised uses mid-sentence (Rogers Centre)"),
    }

    def __init__(self, options, context):
        super().__init__(options, context)
        self.words = [(str(a), str(b)) for a, b in (options["pairs"] or {}).items()]
        # Any spelling of any pair: one search tells whether a draft needs the pairs'
        # own patterns, compiled for the first draft that does.
        self.any = word_pattern([w for pair in self.words for w in pair],
                                ignorecase=options["ignorecase"])
        self._pairs: list | None = None

    @property
    def pairs(self) -> list[tuple]:
        """(first, second, first pattern, second pattern) for each pair."""
        if self._pairs is None:
            flags = dict(ignorecase=self.opts["ignorecase"])
            self._pairs = [(a, b, word_pattern([a], **flags), word_pattern([b], **flags))
                           for a, b in self.words]
        return self._pairs

    def relevant(self, draft):
        return self.any is not None and self.context.search(self.any, draft.prose) is not None

    def check_run(self, drafts):
        # One pass over the drafts (they may be re-read for each pass), all pairs at once.
        hits = [([], []) for _ in self.words]
        for draft in drafts:
            if not self.relevant(draft):
                continue
            prose = draft.prose
            for (_, _, first_re, second_re), (firsts, seconds) in zip(self.pairs, hits):
                for pattern, found in ((first_re, firsts), (second_re, seconds)):
                    found += [(draft, m.span()) for m in self.context.finditer(pattern, prose)
                              if not (self.opts["skip_names"] and _is_name(prose, m))]
        for (first, second), (firsts, seconds) in zip(self.words, hits):
            if not firsts or not seconds:
                continue
            rare, common, count = ((firsts, second, len(seconds)) if len(firsts) < len(seconds)
                                   else (seconds, first, len(firsts)))
            for draft, (start, end) in rare:
                yield draft, Match(start, end, {"other": common, "count": count})


def _is_name(text: str, m) -> bool:
    """A capitalised match after a word in the same sentence, as in `Rogers Centre`."""
    if not m.group(0)[:1].isupper():
        return False
    i = m.start() - 1
    while i >= 0 and text[i].isspace():  # (not text[:start].rstrip(): linear, not quadratic)
        i -= 1
    return i >= 0 and (text[i].isalnum() or text[i] in ",;")


@hookimpl
def postlint_rule_types():
    return [Consistency]
