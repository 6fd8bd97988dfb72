"""The run's phases, callable without the command: load (config, plugins, catalog and the
linter), lint (find, read and lint drafts into a Report), fix, and render a report.
The command (`cli.main`) parses options and calls these in order; the language server
and tests call them directly."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .. import plugins
from ..load import config as configuration
from ..load.filesystem import printable
from ..load.yamlfile import ConfigError, Errors, line_of
from ..text.draft import DraftError
from . import files, parallel
from .catalog import Catalog
from .engine import Choices, Linter
from .report import Report


@dataclass
class Session:
    """What a run is set up with: the config, the plugins' catalog and the linter."""

    config: configuration.Config
    catalog: Catalog
    linter: Linter


def load(config_path: str | None = None, isolated: bool = False, choices: Choices | None = None,
         extra_plugins=(), extra_rule_dirs=()) -> Session:
    """Read the config, load the plugins and their catalog, and set the linter up for
    `choices` (platforms default to the config's); `extra_rule_dirs` are rule folders
    given on the command line. Raises ConfigError or Errors."""
    config = read_config(config_path, isolated)
    pm = plugins.manager(extra_plugins)
    folders = rule_dirs(config) + [Path(folder) for folder in extra_rule_dirs]
    catalog = Catalog.load(pm, folders, config.get("profiles"), config.path,
                           (config.get("plugins") or {}).get("prefer"))
    choices = choices or Choices()
    if not choices.platforms:
        choices.platforms = config.get("platforms") or (
            [config.get("platform")] if config.get("platform") else [])
    return Session(config, catalog, Linter(catalog, config, choices))


def read_config(config_path, isolated) -> configuration.Config:
    """The config file named, else the nearest one; none with `isolated`."""
    if isolated:
        return configuration.Config()
    path = Path(config_path) if config_path else configuration.discover(Path.cwd())
    if config_path and not path.is_file():
        raise ConfigError("config file not found", config_path)
    return configuration.load(path)


def rule_dirs(config) -> list[Path]:
    """The config's `rule-dirs`, relative to its folder, which they must stay inside
    (links resolved): a repository's config may not make postlint read files elsewhere
    (`/etc`, `~`); folders outside are given on the command line (`--rule-dir`)."""
    given = config.get("rule-dirs") or ()
    root = config.root.resolve()
    errors = []
    for index, folder in enumerate(given):
        line, key = line_of(given, index, config.line("rule-dirs")), f"rule-dirs[{index}]"
        if not isinstance(folder, str) or not folder:
            errors.append(ConfigError(f"expected a folder name, got {folder!r}", config.path,
                                      line, key))
            continue
        real = (config.root / folder).resolve()
        if real != root and root not in real.parents:
            errors.append(ConfigError(
                f"{str(folder)!r} is outside the project ({root}); a config may name only "
                "rule folders inside its own folder: give others with --rule-dir",
                config.path, line, key))
    if errors:
        raise Errors(errors)
    return [config.root / folder for folder in given]


def lint(linter: Linter, paths: list[str], config, stdin_filename=None) -> Report:
    """Read every draft (collecting read errors) and lint them together."""
    drafts, errors, texts, sources = [], [], {}, {}
    linter.errors.clear()
    skipped: list[tuple[str, str]] = []
    names = files.discover(paths, config.get("include") or (), config.get("exclude") or (),
                           config.root, skipped)
    notices = [(display(path), reason) for path, reason in skipped]
    if parallel.worth_it(names):
        cwd = os.getcwd()  # (once: each call is a system call)
        report = parallel.lint(linter, [(name, display(name, cwd)) for name in names])
        report.notices = notices
        return report
    stdin = sys.stdin.buffer.read(files.MAX_BYTES + 1) if "-" in names else None
    for path in names:
        shown = printable(stdin_filename or "-") if path == "-" else display(path)
        try:
            draft = files.read(path, stdin, shown)
            linter.profile_of(draft)
            linter.platforms_of(draft)
        except (DraftError, ValueError) as exc:
            errors.append((shown, str(exc)))
            continue
        drafts.append(draft)
        texts[shown] = draft.text
        if path != "-":
            sources[shown] = path
    findings = linter.lint(drafts)
    return Report(findings, len(drafts), errors + linter.errors, texts=texts, sources=sources,
                  notices=notices)


def fix(linter: Linter, report: Report, write: bool, **allowed):
    """Apply (or, without `write`, plan) the fixable findings' replacements: an Outcome;
    `allowed`: `hard_links`, `read_only` (see `fix`)."""
    from . import fix as fixing  # (tempfile and difflib only when fixing)

    return fixing.run(linter, fixing.candidates(report), write=write, **allowed)


def render(catalog: Catalog, format_name: str, report: Report, **options):
    """The report in a format, in pieces to write as they are made."""
    return catalog.formats[format_name](**options).pieces(report)


def display(path: str, cwd: str | None = None) -> str:
    """Paths below the current folder (`cwd`, else asked for) are shown relative to it,
    others as given.

    Symbolic links are not resolved: a draft is reported under the name it was found by.
    Characters that could forge output (a newline, a byte that is not UTF-8) are escaped.
    """
    if os.path.isabs(path):
        try:
            relative = os.path.relpath(path, cwd or os.getcwd())
        except ValueError:  # another drive
            return printable(path)
    else:  # (what relpath would say, without asking for the current folder)
        relative = os.path.normpath(path)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return printable(path)
    return printable(relative.replace(os.sep, "/"))
