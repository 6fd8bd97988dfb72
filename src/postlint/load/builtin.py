"""The built-in rule folder (`rules/` at the top of the repository), as a plugin."""

from __future__ import annotations

from pathlib import Path

from ..hookspecs import hookimpl


def folder() -> Path:
    """`postlint/rules` in an installed wheel; the repository's `rules/` in a checkout."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "rules"
    return installed if installed.is_dir() else package.parents[1] / "rules"


@hookimpl
def postlint_rule_dirs():
    return [folder()]
