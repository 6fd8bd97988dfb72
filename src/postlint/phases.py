"""The phases of a run as plain functions, for callers other than the command (the
language server): load the config and catalog, lint drafts held in memory, fix one.

Each raises what the command reports: `yamlfile.Errors`/`ConfigError` for the config
and rules, `DraftError`/`ValueError` for a draft."""

from __future__ import annotations

from pathlib import Path

from . import config as configuration, plugins
from .catalog import Catalog
from .draft import Draft
from .engine import Choices, Linter


def nearest_config(folder: Path) -> configuration.Config:
    """The checked config nearest to `folder` (an empty one rooted there if none)."""
    path = configuration.discover(folder)
    if path is None:
        return configuration.Config(root=folder)
    return configuration.load(path)


def make_linter(config: configuration.Config, choices: Choices | None = None,
                pm=None) -> Linter:
    """The catalog and linter for `config`; platforms default to the config's."""
    pm = pm or plugins.manager()
    catalog = Catalog.load(pm, [config.root / d for d in config.get("rule-dirs") or ()],
                           config.get("profiles"), config.path)
    if choices is None:
        platform = config.get("platform")
        choices = Choices(platforms=list(config.get("platforms") or []) or
                          ([platform] if platform else []))
    return Linter(catalog, config, choices)


def read_text(linter: Linter, path: str, text: str) -> Draft:
    """A draft from text in memory, with its front matter's profile and platforms checked."""
    draft = Draft.from_text(text, path)
    linter.profile_of(draft)
    linter.platforms_of(draft)
    return draft


def fixed_text(linter: Linter, path: str, text: str) -> tuple[str, int]:
    """`text` with every fix `--fix` would apply (in passes), and how many it applied."""
    from . import fix

    data = text.encode("utf-8")
    change = fix.plan(linter, path, path, data)
    if change is None:
        return text, 0
    return change.after.decode("utf-8"), change.fixes

