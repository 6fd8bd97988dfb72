"""Run every rule's own examples: `flag` examples must be flagged, `pass` ones must not.

An example is a string (one draft), or a mapping with `text` (one draft) or `drafts`
(several, for rules that compare drafts), and optionally `config` (for instance a
`brand:` section) and `platforms`. Only the rule under test runs, at its default level.
"""

from __future__ import annotations

from ..load.config import Config
from ..load.rules import Rule
from ..load.yamlfile import Map
from ..text.draft import Draft
from .catalog import Catalog
from .engine import Choices, Linter


def example_drafts(example) -> tuple[list[Draft], dict, list]:
    if isinstance(example, str):
        return [Draft.from_text(example, "example.md")], {}, []
    texts = example.get("drafts") or [example.get("text", "")]
    drafts = [Draft.from_text(t, f"example-{i}.md") for i, t in enumerate(texts)]
    return drafts, example.get("config") or {}, example.get("platforms") or []


def run_example(catalog: Catalog, rule: Rule, example) -> list:
    """The findings of `rule` alone on one example."""
    drafts, config, platforms = example_drafts(example)
    data = Map(config)
    data.pop("profiles", None)
    linter = Linter(catalog, Config(data), Choices(select=[rule.name], platforms=platforms))
    return [f for f in linter.lint(drafts) if f.name == rule.name]


def problems(catalog: Catalog, rule: Rule) -> list[str]:
    """What is wrong with a rule's examples (empty when they all behave)."""
    out = []
    for kind in ("flag", "pass"):
        for example in rule.examples.get(kind) or ():
            try:
                found = run_example(catalog, rule, example)
            except Exception as exc:  # a broken example must fail, not crash the walk
                out.append(f"{rule.name}: example {example!r} raised {exc!r}")
                continue
            if kind == "flag" and not found:
                out.append(f"{rule.name}: should flag but did not: {example!r}")
            if kind == "pass" and found:
                out.append(f"{rule.name}: should pass but flagged "
                           f"{[f.message for f in found]}: {example!r}")
    return out
