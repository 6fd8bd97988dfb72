"""The English drafts of tests/data/judged_drafts.yaml behave: each `flag` draft is
flagged by its rule, each `pass` draft (a near miss) is not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from postlint import plugins
from postlint.lint import selftest
from postlint.lint.catalog import Catalog

os.environ.setdefault(plugins.AUTOLOAD_SWITCH, "1")
CATALOG = Catalog.load(plugins.manager())
DRAFTS = yaml.safe_load((Path(__file__).parent / "data" / "judged_drafts.yaml")
                        .read_text(encoding="utf-8"))


@pytest.mark.parametrize("rule", sorted(DRAFTS))
def test_drafts(rule):
    kinds = DRAFTS[rule]
    assert set(kinds) == {"flag", "pass"} and len(kinds["flag"]) >= 4 <= len(kinds["pass"])
    wrong = []
    for kind, items in kinds.items():
        for item in items:
            example = dict(item) if isinstance(item, dict) else {"text": item}
            found = selftest.run_example(CATALOG, CATALOG.rules[rule], example)
            if bool(found) != (kind == "flag"):
                wrong.append((kind, item, [f.message for f in found]))
    assert wrong == []
