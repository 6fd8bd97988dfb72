"""Which rules run: the profile's, narrowed or widened by select, extend-select and ignore.

A selector is a rule name, a code, a code prefix (`T`, `T1`) or `ALL`. `select`
replaces the profile's set (rules the profile does not enable join at their default
level); `extend-select` adds; `ignore` removes, and wins when a longer selector names
the same rule more precisely than `select` does.
"""

from __future__ import annotations

from .rules import Rule


def specificity(selector: str, rule: Rule) -> int:
    """How precisely `selector` names `rule` (0: not at all)."""
    if selector == rule.name:
        return 100
    if selector == "ALL":
        return 1
    if rule.code.startswith(selector.upper()):
        return 1 + len(selector)
    return 0


def best(selectors, rule: Rule) -> int:
    return max((specificity(s, rule) for s in selectors), default=0)


def chosen(rule: Rule, in_profile: bool, select, extend_select, ignore) -> bool:
    """Whether `rule` runs, given whether the profile enables it and the selectors."""
    chosen_by = max(best(select, rule) if select else 0, best(extend_select, rule))
    if select:
        on = chosen_by > 0
    else:
        on = in_profile or chosen_by > 0
    if not on:
        return False
    ignored_by = best(ignore, rule)
    return not ignored_by or (chosen_by > ignored_by)


def unknown(selectors, rules) -> list[str]:
    """The selectors that name no rule at all."""
    return [s for s in selectors if not any(specificity(s, r) for r in rules)]
