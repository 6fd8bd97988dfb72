"""`consistency`: one of two spellings, used consistently across every draft of a run."""

from __future__ import annotations

from ..check import Check, Match, Option, word_pattern
from ..hookspecs import hookimpl


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
        flags = dict(ignorecase=options["ignorecase"])
        self.pairs = [(str(a), str(b), word_pattern([str(a)], **flags),
                       word_pattern([str(b)], **flags))
                      for a, b in (options["pairs"] or {}).items()]

    def check_run(self, drafts):
        for first, second, first_re, second_re in self.pairs:
            hits = {first: [], second: []}
            for draft in drafts:
                for name, pattern in ((first, first_re), (second, second_re)):
                    hits[name] += [(draft, m) for m in self.context.finditer(pattern, draft.prose)
                                   if not (self.opts["skip_names"] and _is_name(draft.prose, m))]
            if not hits[first] or not hits[second]:
                continue
            rare, common = ((first, second) if len(hits[first]) < len(hits[second])
                            else (second, first))
            for draft, m in hits[rare]:
                values = {"other": common, "count": len(hits[common])}
                yield draft, Match(m.start(), m.end(), values)


def _is_name(text: str, m) -> bool:
    """A capitalised match after a word in the same sentence, as in `Rogers Centre`."""
    if not m.group(0)[:1].isupper():
        return False
    before = text[:m.start()].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] in ",;")


@hookimpl
def postlint_rule_types():
    return [Consistency]
