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


def test_every_rule_is_in_some_profile():
    from postlint.cli.explain import levels_by_profile
    unused = [n for n in CATALOG.rules if not levels_by_profile(CATALOG, n)]
    assert unused == []
