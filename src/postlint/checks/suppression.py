"""`unused-suppression`: a suppression comment that suppresses nothing;
`unknown-directive`: a `<!-- postlint-... -->` comment postlint does not know;
`unclosed-comment`: a `<!--` that nothing closes, which hides the rest of the draft."""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..load.suggest import did_you_mean
from ..text import markup
from ..text.suppress import ALL, DIRECTIVES, UNKNOWN, directive_word, names_rule
from .base import ANY, Check, Match


class UnusedSuppression(Check):
    """Runs after suppressions were applied: flags each comment, or each rule it names,
    that silenced no finding, and each rule a `postlint-enable` names that it turned
    back on nowhere (a typo there would leave the rule off to the end of the file).
    Names of rules that are not enabled are not reported (a draft may be linted for
    several profiles), except in a `postlint-enable`, which turns no rule on that the
    profile does not run; names that match no rule at all are."""

    languages = ANY  # reads no words of a language

    type_name = "unused-suppression"
    values = ("targets", "reason")
    scope = "draft"
    after_suppression = True
    judges_suppressions = True  # runs after the other after_suppression checks

    def check_draft(self, draft):
        for sup in draft.suppressions:
            if sup.kind == UNKNOWN or sup.continued or (sup.kind == "enable"
                                                         and ALL in sup.targets):
                continue
            enable = sup.kind == "enable"
            if ALL in sup.targets:
                unused = [] if sup.used else ["every rule"]
            else:
                # (an enable of a rule the profile does not run is a mistake too: it
                # turns nothing on, which the writer of it meant it to)
                unused = [t for t in sorted(sup.targets) if t not in sup.used
                          and (enable or names_rule(t, draft.active_rules)
                               or not names_rule(t, draft.known_rules))]
            if unused:
                unknown = [t for t in unused if t != "every rule"
                           and not names_rule(t, draft.known_rules)]
                idle = [t for t in unused if enable and t not in unknown
                        and not names_rule(t, draft.active_rules)]
                reasons = [f"unknown rule {t}" + did_you_mean(t, draft.known_rules)
                           .replace(" (", ", ").rstrip(")") for t in unknown]
                if sum(not did_you_mean(t, draft.known_rules) for t in unknown) > 1:
                    reasons.append("words of a reason go after ' -- ' (T101 -- why)")
                if idle:
                    profile = getattr(draft, "lint_profile", "") or "the draft's"
                    reasons.append(
                        f"profile '{profile}' does not run {', '.join(idle)}, and "
                        "postlint-enable only ends a postlint-disable; to run it, add "
                        f"extend-select: [{', '.join(idle)}] to the config, or give "
                        f"--extend-select {','.join(idle)}")
                yield Match(sup.start, sup.end, {
                    "targets": ", ".join(unused),
                    "reason": "; ".join(reasons) if reasons
                    else "this postlint-enable ends no postlint-disable of it"
                    if enable else "nothing to suppress here",
                })


class UnknownDirective(Check):
    """Flags each `<!-- postlint-WORD -->` comment whose WORD is no directive (a typo
    such as `disable-lines` would otherwise leave the findings it meant to hide, with
    nothing said), with the closest directive."""

    type_name = "unknown-directive"
    values = ("directive", "hint")
    scope = "draft"
    after_suppression = True

    def check_draft(self, draft):
        for sup in draft.suppressions:
            if sup.kind == UNKNOWN:
                head = next(iter(sup.targets))
                hint = did_you_mean(directive_word(head), DIRECTIVES)
                yield Match(sup.start, sup.end, {
                    "directive": head,
                    "hint": hint.replace("'", "'postlint-", 1) if hint else
                    f" (known: {', '.join('postlint-' + d for d in DIRECTIVES)})"})


class UnclosedComment(Check):
    """Flags the first line of an HTML comment that nothing closes (`<!-- note ->`, a
    suppression missing its `-->`): the comment runs to the end of the draft, so the
    rest is no post text and no rule reads it."""

    languages = ANY  # reads no words of a language

    type_name = "unclosed-comment"
    values = ()
    scope = "draft"

    def check_draft(self, draft):
        at = markup.unclosed_comment(draft.body)
        if at is not None:
            start = draft.body_start + at
            end = draft.text.find("\n", start)
            yield Match(start, len(draft.text.rstrip()) if end < 0 else end)


@hookimpl
def postlint_rule_types():
    return [UnusedSuppression, UnknownDirective, UnclosedComment]
