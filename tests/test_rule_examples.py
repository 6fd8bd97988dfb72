"""Every rule's own examples behave: a rule without examples, or with wrong ones, fails."""

from __future__ import annotations

import pytest

from postlint import plugins
from postlint.lint import selftest
from postlint.lint.catalog import Catalog

import os

os.environ.setdefault(plugins.AUTOLOAD_SWITCH, "1")
CATALOG = Catalog.load(plugins.manager())


@pytest.mark.parametrize("name", sorted(CATALOG.rules))
def test_examples(name):
    rule = CATALOG.rules[name]
    assert len(rule.examples["flag"]) >= 3 and len(rule.examples["pass"]) >= 3, \
        f"{name}: needs at least three examples that flag and three that pass"
    assert selftest.problems(CATALOG, rule) == []


def test_every_rule_is_in_some_profile_or_pack():
    from postlint.cli.explain import levels_by_profile, levels_in_packs
    unused = [n for n in CATALOG.rules
              if not levels_by_profile(CATALOG, n) and not levels_in_packs(CATALOG, n)]
    assert unused == []


def test_every_built_in_type_declares_the_values_its_matches_carry(monkeypatch):
    # a value left out would make a correct message an error; every type must declare
    # them (`Check.values`), or the messages of its rules go unchecked
    from postlint.lint.engine import Linter
    from postlint.load.rules import message_names

    assert [name for name, check in CATALOG.types.items() if check.values is None] == []
    carried: dict = {}
    finding = Linter._finding

    def spy(self, draft, act, profile, base, match, check=None):
        carried.setdefault(act.rule.name, set()).update(match.values)
        return finding(self, draft, act, profile, base, match, check)

    monkeypatch.setattr(Linter, "_finding", spy)
    for rule in CATALOG.rules.values():
        for example in rule.examples["flag"]:
            selftest.run_example(CATALOG, rule, example)
    undeclared = {name: sorted(keys - set(message_names(
                      CATALOG.types[CATALOG.rules[name].type],
                      {"options": CATALOG.rules[name].options}, CATALOG.rules[name].languages)))
                  for name, keys in carried.items()}
    assert {name: keys for name, keys in undeclared.items() if keys} == {}
    assert len(carried) == len(CATALOG.rules)
