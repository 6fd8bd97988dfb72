"""`unused-suppression`: a suppression comment that suppresses nothing."""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..text.suppress import ALL
from .base import Check, Match


class UnusedSuppression(Check):
    """Runs after suppressions were applied: flags each comment, or each rule it names,
    that silenced no finding. Names of rules that are not enabled are not reported;
    names that match no rule at all are."""

    type_name = "unused-suppression"
    scope = "draft"
    after_suppression = True

    def check_draft(self, draft):
        for sup in draft.suppressions:
            if ALL in sup.targets:
                unused = [] if sup.used else ["every rule"]
            else:
                unused = [t for t in sorted(sup.targets) if t not in sup.used
                          and (t in draft.active_rules or t not in draft.known_rules)]
            if unused:
                unknown = [t for t in unused if t != "every rule" and t not in draft.known_rules]
                yield Match(sup.start, sup.end, {
                    "targets": ", ".join(unused),
                    "reason": f"unknown rule {', '.join(unknown)}" if unknown
                    else "nothing to suppress here",
                })


@hookimpl
def postlint_rule_types():
    return [UnusedSuppression]
