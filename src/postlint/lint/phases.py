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
from ..load.yamlfile import ConfigError
from ..readers import Source
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
         extra_plugins=()) -> Session:
    """Read the config, load the plugins and their catalog, and set the linter up for
    `choices` (platforms default to the config's). Raises ConfigError or Errors."""
    config = read_config(config_path, isolated)
    pm = plugins.manager(extra_plugins)
    catalog = Catalog.load(pm, rule_dirs(config), config.get("profiles"), config.path,
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
    """The config's `rule-dirs`, relative to its folder."""
    return [config.root / d for d in config.get("rule-dirs") or ()]


def lint(linter: Linter, paths: list[str], config, stdin_filename=None,
         keep: bool = False) -> Report:
    """Read every draft and every reader's records (collecting read errors) and lint
    them together (many records on worker processes, see `parallel.lint_held`). With
    `keep`, the report keeps them (for the HTML report)."""
    groups, errors, texts, sources = [], [], {}, {}
    read_by_readers = 0
    linter.errors.clear()
    names = files.discover(paths, config.get("include") or (), config.get("exclude") or (),
                           config.root, linter.readers)
    if parallel.worth_it(names) and not keep and \
            not any(files.reader_of(n, linter.readers) for n in names):
        cwd = os.getcwd()  # (once: each call is a system call)
        return parallel.lint(linter, [(name, display(name, cwd)) for name in names])
    stdin = sys.stdin.buffer.read(files.MAX_BYTES + 1) if "-" in names else None
    for path in names:
        shown = (stdin_filename or "-") if path == "-" else display(path)
        # (standard input is a calendar when --stdin-filename names one, e.g. plan.csv)
        reader = files.reader_of(stdin_filename if path == "-" else path, linter.readers)
        try:
            if reader is None:
                read = [files.read(path, stdin, shown)]
                linter.profile_of(read[0])
                linter.platforms_of(read[0])
            elif path == "-":
                read = reader.read(Source(stdin_filename, shown, files.MAX_BYTES, stdin or b""))
            else:
                read = files.read_all(path, stdin, shown, linter.readers)
        except (DraftError, ValueError) as exc:
            errors.append((shown, str(exc)))
            continue
        if reader is not None:  # records: a bad one is reported and left out
            read = checked_records(linter, read, errors)
            read_by_readers += len(read)
            first = read[0] if len(read) else None
            texts[shown] = (first.source_text or first.text) if first else ""
        else:
            texts[shown] = read[0].text
        groups.append(read)
        if path != "-":
            sources[shown] = path
        for member in getattr(read, "files", ()):  # an export's files, as findings name them
            sources.setdefault(member, path)
    drafts = parallel.Chain(groups, has_records=bool(read_by_readers))
    findings = (parallel.lint_held(linter, drafts) if parallel.worth_holding(drafts)
                else linter.lint(drafts))
    report = Report(findings, len(drafts), errors + linter.errors, texts=texts, sources=sources)
    if keep:
        report.kept, report.platforms_of = drafts, linter.platforms_of
        report.profile_of = linter.profile_of
        report.platforms = linter.platforms
    return report


def checked_records(linter: Linter, records, errors: list):
    """The records whose profile, platforms and disabled rules are known; each other one
    becomes a read error naming its line. (`records` itself when all are: a reader's
    sequence may make its records as they are asked for.)"""
    kept = []
    for record in records:
        try:
            linter.profile_of(record)
            linter.platforms_of(record)
            for name in record.front_matter.get("disable") or ():
                if not any(name in (r.name, r.code) or r.code.startswith(name)
                           for r in linter.catalog.rules.values()):
                    raise ValueError(f"disable: {name!r} names no rule (use a code, a code "
                                     "prefix or a rule name)")
        except ValueError as exc:
            line = record.position(0)[0]
            where = f"line {line}" + (f" ({record.note})" if record.note else "")
            errors.append((record.path, f"{where}: {str(exc).replace('front matter: ', '')}"))
            continue
        kept.append(record)
    return records if len(kept) == len(records) and not isinstance(records, list) else kept


def restrict(linter: Linter, **filters) -> None:
    """Hand the command line's post filters (since, until, replies, reposts; None where
    not given) to the readers that take them (`restrict`, as the archive reader does)."""
    for reader in linter.readers:
        if hasattr(reader, "restrict"):
            reader.restrict(**filters)


def fix(linter: Linter, report: Report, write: bool):
    """Apply (or, without `write`, plan) the fixable findings' replacements: an Outcome.
    A file of a reader that never writes (a data export) is refused, fixable or not."""
    from . import fix as fixing  # (tempfile and difflib only when fixing)

    candidates = fixing.candidates(report)
    never = {}
    for shown, path in report.sources.items():
        reader = files.reader_of(path, linter.readers)
        if reader is not None and not reader.writable:
            never.setdefault(path, shown)
    candidates = {shown: path for shown, path in candidates.items() if path not in never}
    outcome = fixing.run(linter, candidates, write=write)
    for path, shown in never.items():
        outcome.errors.append((shown, f"cannot fix: {files.reader_of(path, linter.readers).name}"
                                      " files are never written"))
    return outcome


def render(catalog: Catalog, format_name: str, report: Report, **options):
    """The report in a format, in pieces to write as they are made."""
    return catalog.formats[format_name](**options).pieces(report)


def display(path: str, cwd: str | None = None) -> str:
    """Paths below the current folder (`cwd`, else asked for) are shown relative to it,
    others as given.

    Symbolic links are not resolved: a draft is reported under the name it was found by.
    """
    if os.path.isabs(path):
        try:
            relative = os.path.relpath(path, cwd or os.getcwd())
        except ValueError:  # another drive
            return path
    else:  # (what relpath would say, without asking for the current folder)
        relative = os.path.normpath(path)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return path
    return relative.replace(os.sep, "/")
