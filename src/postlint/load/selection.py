"""Which rules run: the profile's, narrowed or widened by select, extend-select and ignore.

A selector is a rule name, a code, a code prefix (`T`, `T1`) or `ALL`. `select`
replaces the profile's set (rules the profile does not enable join at their default
level); `extend-select` adds; `ignore` removes, unless `select` or `extend-select`
names the same rule more precisely (a name beats a code, a code beats its prefix).

Selections come in layers, the config's first and then the command line's, as in ruff:
a layer with `select` starts afresh, so `--select R101` runs R101 even when the config
ignores it, while `--extend-select`/`--ignore` adjust what the config chose.
"""

from __future__ import annotations

from .rules import Rule


def specificity(selector: str, rule: Rule) -> int:
    """How precisely `selector` names `rule` (0: not at all). An empty selector names
    none (as a prefix it would name every rule: `ignore: [""]` turned them all off)."""
    selector = str(selector)
    if not selector.strip():
        return 0
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
    """Whether `rule` runs, given whether the profile enables it and one layer of selectors."""
    return layered(rule, in_profile, [(select, extend_select, ignore)])


def layered(rule: Rule, in_profile: bool, layers) -> bool:
    """Whether `rule` runs after each (select, extend_select, ignore) layer in turn."""
    on = in_profile
    for select, extend_select, ignore in layers:
        chosen_by = max(best(select, rule) if select else 0, best(extend_select, rule))
        if select:
            on = chosen_by > 0
        elif chosen_by:
            on = True
        ignored_by = best(ignore, rule)
        if ignored_by and ignored_by >= chosen_by:
            on = False
    return on


def unknown(selectors, rules) -> list[str]:
    """The selectors that name no rule at all."""
    return [s for s in selectors if not any(specificity(s, r) for r in rules)]
