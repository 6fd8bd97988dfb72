"""The run's phases, callable without the command: load (config, plugins, catalog and the
linter), lint (find, read and lint drafts into a Report), fix, and render a report.
The command (`cli.main`) parses options and calls these in order; the language server
and tests call them directly."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import plugins
from ..load import config as configuration
from ..load.filesystem import kind, printable
from ..load.yamlfile import ConfigError, Errors, line_of
from ..readers import Source
from ..text.draft import Draft, DraftError
from . import discovery, files, parallel
from .catalog import Catalog
from .engine import Choices, Linter
from .report import Report


@dataclass
class Session:
    """What a run is set up with: the config, the plugins' catalog and the linter.

    Without `--config` or `--isolated` each draft is linted with the config nearest to
    it, as ruff and yamllint do: `for_folder` gives the session of a folder's config
    (this one, or another set up on first use with the same command-line choices)."""

    config: configuration.Config
    catalog: Catalog
    linter: Linter
    fixed: bool = False  # one config for every draft (--config, --isolated)
    choices: Choices = field(default_factory=Choices)  # as the command line gave them
    extra_plugins: tuple = ()
    extra_rule_dirs: tuple = ()  # --rule-dir
    _nearest: dict = field(default_factory=dict, repr=False)  # folder -> config file
    _sessions: dict = field(default_factory=dict, repr=False)  # config file -> Session
    _by_folder: dict = field(default_factory=dict, repr=False)  # folder -> Session
    # the sessions of the last `lint_paths` and the drafts (shown paths) of each
    groups: list = field(default_factory=list, repr=False)
    timings: dict | None = None  # seconds and calls per rule, of every config (time_rules)

    def time_rules(self) -> dict[str, list]:
        """Time every rule from now on, in this session and every folder's (one dict)."""
        self.timings = self.linter.time_rules()
        for other in self._sessions.values():
            other.timings = other.linter.time_rules(self.timings)
        return self.timings

    def for_folder(self, folder: str) -> "Session":
        """The session of the config nearest to the absolute `folder`."""
        if self.fixed:
            return self
        if folder not in self._by_folder:
            self._by_folder[folder] = self._nearest_session(folder)
        return self._by_folder[folder]

    def _nearest_session(self, folder: str) -> "Session":
        path = configuration.discover(Path(folder), self._nearest)
        key = str(path.resolve()) if path else ""
        own = str(Path(self.config.path).resolve()) if self.config.path else ""
        if key == own:
            return self
        if key not in self._sessions:
            other = self._sessions[key] = _session(
                configuration.load(path), replace(self.choices), self.extra_plugins,
                self.extra_rule_dirs, self._nearest, self._sessions)
            if self.timings is not None:
                other.timings = other.linter.time_rules(self.timings)
        return self._sessions[key]

    def others(self) -> list["Session"]:
        """The sessions of other folders' configs set up so far."""
        return list(self._sessions.values())

    def scope(self, folder: str) -> discovery.Scope:
        own = self.for_folder(folder)
        return discovery.Scope.of(own.config, own.linter.readers)


def load(config_path: str | None = None, isolated: bool = False, choices: Choices | None = None,
         extra_plugins=(), extra_rule_dirs=()) -> Session:
    """Read the config, load the plugins and their catalog, and set the linter up for
    `choices` (platforms default to the config's); `extra_rule_dirs` are rule folders
    given on the command line. Raises ConfigError or Errors.

    `--config` is honoured with `isolated` too (as ruff does): `isolated` only stops
    the search for config files."""
    config = read_config(config_path, isolated)
    session = _session(config, choices or Choices(), tuple(extra_plugins),
                       tuple(extra_rule_dirs), {}, {})
    session.fixed = bool(config_path or isolated)
    return session


def _session(config, choices: Choices, extra_plugins: tuple, extra_rule_dirs: tuple,
             nearest: dict, sessions: dict) -> Session:
    given = replace(choices, platforms=list(choices.platforms))
    pm = plugins.manager(extra_plugins)
    folders = rule_dirs(config) + [Path(folder) for folder in extra_rule_dirs]
    catalog = Catalog.load(pm, folders, config.get("profiles"), config.path,
                           (config.get("plugins") or {}).get("prefer"))
    if not choices.platforms:
        choices.platforms = list(config.get("platforms") or (
            [config.get("platform")] if config.get("platform") else []))
    return Session(config, catalog, Linter(catalog, config, choices), False, given,
                   extra_plugins, extra_rule_dirs, nearest, sessions)


def read_config(config_path, isolated) -> configuration.Config:
    """The config file named (with or without `isolated`), else the nearest one unless
    `isolated`."""
    if config_path:
        path = Path(config_path)
        if not path.is_file():
            what = kind(path.stat().st_mode) if path.exists() else None
            raise ConfigError(f"config file is {what}, not a regular file" if what else
                              "config file not found", config_path)
        return configuration.load(path, named=True)
    if isolated:
        return configuration.Config()
    return configuration.load(configuration.discover(Path.cwd()))


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
        elif not real.is_dir():  # (said here, where the entry's line is known)
            missing = "is not a folder" if real.exists() else "does not exist"
            errors.append(ConfigError(f"rule folder {str(folder)!r} {missing} (in {root})",
                                      config.path, line, key))
    if errors:
        raise Errors(errors)
    return [config.root / folder for folder in given]


def lint_paths(session: Session, paths: list[str], stdin_filename=None, no_ignore: bool = False,
               force_exclude: bool = False, keep: bool = False) -> Report:
    """Find the drafts of `paths` (the current folder when none), each under its nearest
    config, and lint each config's drafts together; one Report of them all."""
    skipped: list[tuple[str, str]] = []
    names = discovery.discover(list(paths) or ["."], session.scope, no_ignore, force_exclude,
                               skipped)
    cwd = os.getcwd()
    groups: dict[int, tuple[Session, list[str]]] = {}
    for name in names:
        own = session if name == "-" else session.for_folder(
            os.path.dirname(os.path.normpath(os.path.join(cwd, name))))
        groups.setdefault(id(own), (own, []))[1].append(name)
    if not groups:
        groups[id(session)] = (session, [])
    reports = []
    session.groups = []
    for own, group in groups.values():
        reports.append(lint_names(own.linter, group, stdin_filename, keep))
        reports[-1].rules = own.catalog.rules
        if len(groups) > 1:  # (`fix` fixes each group's drafts with its own linter)
            session.groups.append((own, set(reports[-1].sources) | {f.path for f in
                                                                     reports[-1].findings}))
    if len(reports) == 1:
        report = reports[0]
    else:
        report = merged(reports)
        order = {display(name, cwd): i for i, name in enumerate(names)}  # the walk's order
        report.findings.sort(key=lambda f: order.get(f.path, len(order)))
    report.notices = [(display(path, cwd), reason) for path, reason in skipped]
    return report


def merged(reports: list[Report]) -> Report:
    """One report of several, in their order."""
    from collections import ChainMap

    report = Report([f for r in reports for f in r.findings], sum(r.drafts for r in reports),
                    [e for r in reports for e in r.errors],
                    dict(ChainMap(*(r.rules for r in reports))),
                    ChainMap(*(r.texts for r in reports)),
                    dict(ChainMap(*(r.sources for r in reports))),
                    unread=sum(r.unread for r in reports))
    if any(r.kept for r in reports):  # (the HTML report): each draft asks its own run
        owner = {d.path: r for r in reports for d in r.kept}
        report.kept = [d for r in reports for d in r.kept]
        report.platforms_of = lambda d: owner[d.path].platforms_of(d)
        report.profile_of = lambda d: owner[d.path].profile_of(d)
        report.platforms = dict(ChainMap(*(r.platforms for r in reports)))
    return report


def lint(linter: Linter, paths: list[str], config, stdin_filename=None,
         keep: bool = False) -> Report:
    """Find the drafts of `paths` under one config, and lint them together."""
    skipped: list[tuple[str, str]] = []
    names = discovery.discover(paths, discovery.Scope.of(config, linter.readers),
                               skipped=skipped)
    report = lint_names(linter, names, stdin_filename, keep)
    report.notices = [(display(path), reason) for path, reason in skipped]
    return report


def lint_names(linter: Linter, names: list[str], stdin_filename=None,
               keep: bool = False) -> Report:
    """Read every draft and every reader's records (collecting read errors) and lint
    them together (many records on worker processes, see `parallel.lint_held`). With
    `keep`, the report keeps them (for the HTML report)."""
    groups, errors, texts, sources = [], [], {}, {}
    read_by_readers = 0
    linter.errors.clear()
    if parallel.worth_it(names) and not keep and linter.timings is None and \
            not any(files.reader_of(n, linter.readers) for n in names):
        cwd = os.getcwd()  # (once: each call is a system call)
        return parallel.lint(linter, names, lambda name: _same(name, display(name, cwd)))
    stdin = sys.stdin.buffer.read(files.MAX_BYTES + 1) if "-" in names else None
    for path in names:
        shown = printable(stdin_filename or "-") if path == "-" else display(path)
        # (standard input is a calendar when --stdin-filename names one, e.g. plan.csv)
        reader = files.reader_of(stdin_filename if path == "-" else path, linter.readers)
        try:
            if reader is None:
                read = [files.read(path, stdin, shown)]
                linter.accept(read[0])
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
    findings = (parallel.lint_held(linter, drafts)
                if parallel.worth_holding(drafts) and linter.timings is None
                else linter.lint(drafts))
    report = Report(findings, len(drafts), errors + linter.errors, texts=texts, sources=sources,
                    unread=len(errors))
    if keep:
        report.kept, report.platforms_of = drafts, linter.platforms_of
        report.profile_of = linter.profile_of
        report.platforms = linter.platforms
    return report


def _same(name: str, shown: str) -> str:
    """`shown`, as the very string `name` when they are equal (one copy per file)."""
    return name if shown == name else shown


def checked_records(linter: Linter, records, errors: list):
    """The records whose profile, platforms and disabled rules are known; each other one
    becomes a read error naming its line. (`records` itself when all are: a reader's
    sequence may make its records as they are asked for.)"""
    kept = []
    for record in records:
        try:
            linter.profile_of(record)
            linter.platforms_of(record)
            problem, _ = linter.disable_problem(record.front_matter)
            if problem:
                raise ValueError(problem)
        except ValueError as exc:
            line = record.position(0)[0]
            where = f"line {line}" + (f" ({record.note})" if record.note else "")
            # (a record's settings are cells, not front matter: no line of that to name)
            said = re.sub(r"^line \d+: ", "", str(exc)).replace("front matter: ", "")
            errors.append((record.path, f"{where}: {said}"))
            continue
        kept.append(record)
    return records if len(kept) == len(records) and not isinstance(records, list) else kept


def restrict(linter: Linter, **filters) -> None:
    """Hand the command line's post filters (since, until, replies, reposts; None where
    not given) to the readers that take them (`restrict`, as the archive reader does)."""
    for reader in linter.readers:
        if hasattr(reader, "restrict"):
            reader.restrict(**filters)


def read_text(linter: Linter, path: str, text: str) -> Draft:
    """A draft held in memory (an editor's buffer), its front matter's profile and
    platforms checked; raises DraftError or ValueError as reading a file does."""
    draft = Draft.from_text(text, path)
    linter.accept(draft)
    return draft


def fix_text(linter: Linter, path: str, text: str) -> tuple[str, int]:
    """`text` (a draft, or a file a reader reads, such as a calendar) with every fix
    `--fix` would apply to it (in passes), and how many."""
    from . import fix as fixing

    data, reader = text.encode("utf-8"), files.reader_of(path, linter.readers)
    change = (fixing.plan_records(linter, reader, path, path, data) if reader is not None
              else fixing.plan(linter, path, path, data))
    return (change.after.decode("utf-8"), change.fixes) if change else (text, 0)


def fix(linter: Linter, report: Report, write: bool, session: Session | None = None,
        **allowed):
    """Apply (or, without `write`, plan) the fixable findings' replacements: an Outcome.
    A file of a reader that never writes (a data export) is refused, fixable or not.
    With the `session` of `lint_paths`, each draft is fixed with its own config's linter;
    `allowed`: `hard_links`, `read_only` (see `fix.run`)."""
    from . import fix as fixing  # (tempfile and difflib only when fixing)

    groups = session.groups if session and len(session.groups) > 1 else [(None, None)]
    outcome = fixing.Outcome()
    for own, shown_here in groups:
        here = own.linter if own else linter
        candidates = {shown: path for shown, path in fixing.candidates(report).items()
                      if shown_here is None or shown in shown_here}
        never = {}
        for shown, path in report.sources.items():
            reader = files.reader_of(path, here.readers)
            if (shown_here is None or shown in shown_here) and reader is not None \
                    and not reader.writable:
                never.setdefault(path, shown)
        candidates = {shown: path for shown, path in candidates.items() if path not in never}
        part = fixing.run(here, candidates, write=write, **allowed)
        outcome.changes += part.changes
        outcome.errors += part.errors
        for path, shown in never.items():
            outcome.errors.append((shown, f"cannot fix: {files.reader_of(path, here.readers).name}"
                                          " files are never written"))
    return outcome


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
