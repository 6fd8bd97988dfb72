"""The `postlint` command: its options, and what it prints and exits with. The work is
the run's phases in `lint.phases`."""

from __future__ import annotations

import gc
import os
import sys

import click

from .. import __version__
from ..lint import parallel, phases
from ..lint.engine import Choices, Linter
from ..lint.report import Report
from ..load import cache
from ..load.rules import LEVELS
from ..load.yamlfile import ConfigError, Errors

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # as a shell reports a command that Ctrl-C stopped (128 + SIGINT)
DEBUG_VARIABLE = "POSTLINT_DEBUG"  # set (not empty): a traceback for unexpected errors


class _Command(click.Command):
    """The command, ending every run with one of its exit codes: Ctrl-C is 130 (not 1,
    "problems found"), and an unexpected error one line and 2 (with a traceback only
    when POSTLINT_DEBUG is set)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("postlint: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except Exception as exc:
            if os.environ.get(DEBUG_VARIABLE):
                import traceback
                traceback.print_exc()
            message = " ".join(str(exc).split()) or "no message"
            click.echo(f"postlint: internal error: {type(exc).__name__}: {message} (a bug: "
                       f"please report it; set {DEBUG_VARIABLE}=1 for a traceback)", err=True)
            sys.exit(EXIT_ERROR)


def _given(ctx, param, value):
    """An option's value, which may not be empty: `--config "$CONFIG"` with the variable
    unset would quietly mean no option at all (the config found, every draft linted, no
    report written)."""
    for one in value if isinstance(value, tuple) else (value,):
        if one is not None and not str(one).strip():
            raise click.BadParameter(f"expected a value, got {one!r} (an empty variable?)")
    return value


class _Choice(click.Choice):
    """A choice whose error names the one meant (`--fail-on warn`: 'warning')."""

    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as exc:
            from ..load.suggest import did_you_mean

            hint = did_you_mean(value, self.choices)
            if hint:
                exc.message = exc.message.rstrip(".") + hint
            raise


def _split(values) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


@click.command(cls=_Command, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1)
@click.option("--profile", callback=_given,
              help="Audience profile (default: config, else 'public').")
@click.option("--platform", "platforms", callback=_given, multiple=True,
              help="Platform(s) the drafts are for.")
@click.option("--config", "config_path", callback=_given, type=click.Path(dir_okay=False),
              help="Config file to use instead of searching for one.")
@click.option("--isolated", is_flag=True,
              help="Search for no config file (a --config FILE is still read).")
@click.option("--no-ignore", "--no-respect-gitignore", "no_ignore", is_flag=True,
              help="Lint what .gitignore files exclude too.")
@click.option("--force-exclude", is_flag=True,
              help="Apply exclude and .gitignore to files named on the command line too.")
@click.option("--show-settings", "settings_path", callback=_given, metavar="PATH",
              help="Print the config, profile, platforms and rule levels for PATH, and exit.")
@click.option("--rule-dir", "rule_dirs", callback=_given, multiple=True,
              type=click.Path(file_okay=False),
              help="A folder of rules to add (anywhere; a config's rule-dirs stay in its "
                   "project).")
@click.option("--format", "format_name", callback=_given,
              help="Output format (see --list-formats).")
@click.option("--select", callback=_given, multiple=True,
              help="Only these rules: codes, prefixes or names.")
@click.option("--extend-select", callback=_given, multiple=True,
              help="Add these rules to the profile's.")
@click.option("--ignore", callback=_given, multiple=True, help="Never run these rules.")
@click.option("--fail-on", type=_Choice(LEVELS),
              help="Lowest level that makes the exit code 1 (default: error).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when problems are found.")
@click.option("--statistics", is_flag=True, help="Count findings per rule.")
@click.option("--profile-rules", is_flag=True,
              help="Print the time each rule took, slowest first (one process).")
@click.option("--show-source", is_flag=True, help="Show the line with a caret under the span.")
@click.option("--color", type=_Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour output (NO_COLOR is honoured).")
@click.option("--fix", "fix_files", is_flag=True,
              help="Apply the fixable rules' replacements in place, then report what remains.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Show what --fix would change as a unified diff; write nothing.")
@click.option("--fix-hard-links", is_flag=True,
              help="Let --fix replace drafts with more than one hard link (splits the links).")
@click.option("--fix-read-only", is_flag=True,
              help="Let --fix rewrite drafts that are read-only (they stay read-only).")
@click.option("--stdin-filename", callback=_given, help="Name to report for a draft read from '-'.")
@click.option("--output-file", callback=_given, type=click.Path(dir_okay=False),
              help="Write the --format report to this file; the terminal still gets text.")
@click.option("--diff-base", callback=_given, metavar="REF",
              help="Report only on drafts added or changed since git REF (all are read).")
@click.option("--changed-lines-only", is_flag=True,
              help="With --diff-base: report only findings on added or edited lines.")
@click.option("--today", metavar="YYYY-MM-DD", callback=lambda ctx, param, value: _date(value),
              help="The date to treat as today (date rules, calendar schedules).")
@click.option("--since", metavar="YYYY-MM-DD",
              callback=lambda ctx, param, value: _date(value, "--since"),
              help="Data exports: only posts of this day or later.")
@click.option("--until", metavar="YYYY-MM-DD",
              callback=lambda ctx, param, value: _date(value, "--until"),
              help="Data exports: only posts of this day or earlier.")
@click.option("--no-replies", is_flag=True, help="Data exports: leave out replies to others.")
@click.option("--no-reposts", is_flag=True, help="Data exports: leave out reposts.")
@click.option("--list-rules", is_flag=True, help="List every rule and exit.")
@click.option("--list-profiles", is_flag=True, help="List profiles and what each changes.")
@click.option("--list-packs", is_flag=True,
              help="List rule packs (regulated industries) and their rules.")
@click.option("--list-formats", is_flag=True, help="List output formats and exit.")
@click.option("--measure", is_flag=True,
              help="Print each post's length on its platforms and where folds fall.")
@click.option("--explain", "explain_rule", callback=_given, metavar="RULE",
              help="Explain one rule (code or name): why, examples, profiles.")
@click.option("--explain-type", callback=_given, metavar="TYPE",
              help="Explain one rule type: what it matches, its options, an example rule.")
@click.option("--list-plugins", is_flag=True,
              help="List the loaded plugins (distribution, version) and what each adds.")
@click.version_option(__version__, "--version", prog_name="postlint")
def main(paths, profile, platforms, config_path, isolated, no_ignore, force_exclude,
         settings_path, format_name, select, extend_select,
         ignore, fail_on, exit_zero, statistics, show_source, color, fix_files, show_diff,
         stdin_filename, output_file, diff_base, changed_lines_only, today, since, until,
         no_replies, no_reposts, profile_rules, list_rules, list_profiles, list_packs,
         list_formats, measure, explain_rule, explain_type, list_plugins, rule_dirs,
         fix_hard_links, fix_read_only):
    """Lint social-media drafts (Markdown or text) for an audience and platform.

    PATHS are files or folders (default: the current folder); folders are searched for
    .md, .markdown and .txt files, skipping what exclude and .gitignore name; '-' reads
    standard input. A platform's data export (the zip as downloaded, the unpacked folder,
    or its posts file) is linted post by post. Each draft is linted with the config
    nearest to it. Exit codes: 0 clean, 1 problems found (at or above --fail-on), 2 usage,
    configuration, rule or read errors.
    """
    _conflicts(fix_files=fix_files, diff=show_diff, fix_read_only=fix_read_only,
               fix_hard_links=fix_hard_links, list_rules=list_rules,
               list_profiles=list_profiles, list_packs=list_packs, list_formats=list_formats,
               list_plugins=list_plugins, explain=explain_rule, explain_type=explain_type,
               show_settings=settings_path, measure=measure, output_file=output_file)
    for option, values in (("--select", select), ("--extend-select", extend_select),
                           ("--ignore", ignore), ("--platform", platforms)):
        if values and not _split(values):  # (`--select ,`: no selection at all, unsaid)
            raise click.BadParameter(f"expected a name, got {', '.join(map(repr, values))}",
                                     param_hint=f"'{option}'")
    if parallel.jobs_problem():  # (only a large run reads it: a mistake must not wait for one)
        _stop(ConfigError(parallel.jobs_problem(), "<environment>", None, parallel.JOBS_VARIABLE))
    for folder in rule_dirs:  # (else blamed on the config's rule-dirs, or on the folder)
        if not os.path.isdir(folder):
            _stop(ConfigError(f"rule folder {folder!r} "
                              + ("is not a folder" if os.path.exists(folder) else "does not exist"),
                              "<command line>", None, "--rule-dir"))
    choices = Choices(profile=profile, platforms=_split(platforms), select=_split(select),
                      extend_select=_split(extend_select), ignore=_split(ignore), today=today)
    try:
        session = phases.load(config_path, isolated, choices, extra_rule_dirs=rule_dirs)
    except (Errors, ConfigError) as exc:
        _stop(exc)
    collect_from_here()
    config, catalog, linter = session.config, session.catalog, session.linter
    for note in linter.notes:
        click.echo(note, err=True)
    if since and until and since > until:
        raise click.BadParameter(f"{since} is after --until {until}", param_hint="--since")
    phases.restrict(linter, since=since, until=until, replies=False if no_replies else None,
                    reposts=False if no_reposts else None)

    if explain_type or list_plugins:
        from . import reference
        if list_plugins:
            click.echo(reference.plugins_text(catalog), nl=False)
        elif explain_type not in catalog.types:
            click.echo(f"postlint: no rule type named {explain_type!r}"
                       f"{_did_you_mean(explain_type, catalog.types)} (known: "
                       f"{', '.join(sorted(catalog.types))})", err=True)
            sys.exit(EXIT_ERROR)
        else:
            click.echo(reference.explain_type(catalog, explain_type), nl=False)
        sys.exit(EXIT_CLEAN)
    if list_rules or list_profiles or list_formats or explain_rule or list_packs:
        from . import explain
        try:
            text, ok = explain.answer(catalog, linter, list_rules, list_profiles, list_formats,
                                      explain_rule, list_packs)
        except Errors as exc:  # a rule that only fails when compiled
            _stop(exc)
        click.echo(text, nl=False, err=not ok)
        sys.exit(EXIT_CLEAN if ok else EXIT_ERROR)
    if settings_path:
        from . import settings
        try:
            text, problem = settings.answer(session, settings_path)
        except (Errors, ConfigError) as exc:
            _stop(exc)
        click.echo(text, nl=False)
        if problem:  # (the settings shown are not the draft's: a run could not read it)
            click.echo(f"{settings_path}: error: {problem}", err=True)
        sys.exit(EXIT_ERROR if problem else EXIT_CLEAN)
    paths = list(paths) or ["."]
    if stdin_filename and "-" not in paths:  # (else it names nothing, and says nothing)
        raise click.UsageError("--stdin-filename names the draft read from standard input; "
                               "give '-' among the paths to read it")
    if measure:
        from .measure import answer
        text, errors = answer(linter, list(paths), config, stdin_filename)
        click.echo(text, nl=False)
        for path, message in errors:
            click.echo(f"{path}: error: {message}", err=True)
        sys.exit(EXIT_ERROR if errors else EXIT_CLEAN)

    terminal_format = ("github" if os.environ.get("GITHUB_ACTIONS") == "true"
                       and "github" in catalog.formats else "text")
    format_name = format_name or terminal_format
    if format_name not in catalog.formats:
        from ..load.suggest import did_you_mean

        known = sorted(catalog.formats)
        hint = did_you_mean(format_name, known)
        raise click.BadParameter(f"unknown format {format_name!r}" + (
            f"{hint}; known: {', '.join(known)}" if hint else f" (known: {', '.join(known)})"),
            param_hint="--format")
    if changed_lines_only and not diff_base:
        raise click.UsageError("--changed-lines-only needs --diff-base REF")
    fail_on = fail_on or config.get("fail-on") or "error"
    changes = None
    if diff_base:
        from ..lint import gitdiff  # git is needed only here
        try:
            changes = gitdiff.changes(diff_base)
        except gitdiff.GitError as exc:
            click.echo(f"postlint: {exc}", err=True)
            sys.exit(EXIT_ERROR)

    keep = catalog.formats[format_name].needs_drafts
    timings = session.time_rules() if profile_rules else None
    try:
        lint_options = dict(stdin_filename=stdin_filename, no_ignore=no_ignore,
                            force_exclude=force_exclude, keep=keep)
        report = phases.lint_paths(session, paths, **lint_options)
        if show_diff:
            _diff(linter, report, session)
        if fix_files:
            outcome = phases.fix(linter, report, write=True, session=session,
                                 hard_links=fix_hard_links, read_only=fix_read_only)
            if outcome.changes:  # report what remains
                report = phases.lint_paths(session, paths, **lint_options)
            report.errors += outcome.errors
            click.echo(outcome.summary(written=True), err=True)
    except (Errors, ConfigError) as exc:  # a rule that fails when compiled, a bad `from:`
        # value, or the config of another folder
        _stop(exc)
    for note in (note for other in session.others() for note in other.linter.notes):
        click.echo(note, err=True)
    if changes is not None:
        report = gitdiff.restrict(report, changes, changed_lines_only)
    report.rules, report.fail_on = report.rules or catalog.rules, fail_on
    for path, reason in report.notices:
        click.echo(f"{path}: skipped: {reason}", err=True)
    for path, message in report.errors:
        click.echo(f"{path}: error: {message}", err=True)
    options = dict(show_source=show_source, statistics=statistics)
    read = _read_by_run(output_file, report, session) if output_file else None
    if read:  # (the report still goes to the terminal, in its format)
        click.echo(f"postlint: not writing --output-file {output_file}: it is {read} of this "
                   "run, and the report would replace it", err=True)
        output_file = None
    if output_file:
        _write(output_file, "".join(phases.render(catalog, format_name, report, **options)))
        format_name = terminal_format
    colored = use_color(color)
    for piece in phases.render(catalog, format_name, report, color=colored, **options):
        # (click strips colour off a tty)
        click.echo(piece, nl=False, color=colored)
    if timings is not None:
        codes = {name: rule.code for other in (session, *session.others())
                 for name, rule in other.catalog.rules.items()}
        click.echo(rule_times(timings, codes), err=True, nl=False)
    if report.errors or read:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if report.failing and not exit_zero else EXIT_CLEAN)


def _conflicts(**given) -> None:
    """Options that do nothing with the others given (each was passed over unsaid): a
    usage error naming them."""
    def named(key):
        return {"fix_files": "--fix", "explain": "--explain"}.get(key, "--" + key.replace("_", "-"))

    if given["fix_files"] and given["diff"]:
        raise click.UsageError("--diff shows what --fix would change and writes nothing; "
                               "give one of them")
    for key in ("fix_read_only", "fix_hard_links"):
        if given[key] and not given["fix_files"]:
            raise click.UsageError(f"{named(key)} lets --fix rewrite more drafts; give --fix "
                                   "too, or leave it out")
    asked = [key for key in ("list_rules", "list_profiles", "list_packs", "list_formats",
                             "list_plugins", "explain", "explain_type", "show_settings",
                             "measure") if given[key]]
    for key in ("fix_files", "diff", "output_file"):
        if asked and given[key]:
            raise click.UsageError(f"{named(key)} does nothing with {named(asked[0])}, which "
                                   "prints its answer and exits, linting nothing; give one "
                                   "of them")


def rule_times(timings: dict[str, list], codes: dict[str, str]) -> str:
    """--profile-rules: seconds per rule over the run, slowest first, with its share."""
    total = sum(seconds for seconds, _ in timings.values()) or 1e-9
    lines = [f"{'rule':<26} {'code':<6} {'seconds':>8} {'share':>6} {'checks':>8}"]
    for name, (seconds, calls) in sorted(timings.items(), key=lambda kv: -kv[1][0]):
        lines.append(f"{name:<26} {codes.get(name, ''):<6} {seconds:>8.3f} "
                     f"{seconds / total:>6.1%} {calls:>8,}")
    lines.append(f"{'all rules':<26} {'':<6} {total:>8.3f}")
    return "\n".join(lines) + "\n"


def collect_from_here() -> None:
    """Start the garbage collector that `postlint.cli.run` paused, leaving out of its
    passes every object made so far (modules, rules, config: kept to the end)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def run() -> None:
    """The `postlint` command: `main`, then an immediate exit.

    Tearing the interpreter down, freeing every object one by one, takes about as long
    as linting a short draft, and nothing needs it: the output is flushed and the cache
    written first (as mypy does)."""
    code = 0
    try:
        main(prog_name="postlint")
    except SystemExit as exc:  # how click ends every run
        code = exc.code
    except KeyboardInterrupt:  # (while click reads the options)
        code = EXIT_INTERRUPTED
    if not isinstance(code, int):  # as Python exits: None is 0, a message is printed
        if code is not None:
            print(code, file=sys.stderr)
        code = 0 if code is None else 1
    cache.save_all()
    if "multiprocessing" in sys.modules:  # no worker outlives the run (see parallel)
        for child in sys.modules["multiprocessing"].active_children():
            child.terminate()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a closed pipe (`postlint ... | head`)
        code = code or 1
    os._exit(code)


def _date(value, option: str = "--today"):
    """--today, --since, --until: a date written YYYY-MM-DD."""
    if value is None:
        return None
    import datetime

    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date such as 2026-05-10, got {value!r}",
                                 param_hint=option) from None


def _diff(linter: Linter, report: Report, session) -> None:
    """Print what --fix would change; exit 1 when it would change something."""
    outcome = phases.fix(linter, report, write=False, session=session)
    click.echo("".join(change.diff() for change in outcome.changes), nl=False)
    for path, message in report.errors + outcome.errors:
        click.echo(f"{path}: error: {message}", err=True)
    click.echo(outcome.summary(written=False), err=True)
    if report.errors or outcome.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if outcome.changes else EXIT_CLEAN)


def _read_by_run(output: str, report: Report, session) -> str | None:
    """What `output` is among the files the run read ("a draft", "the config"), or None
    (a file is itself under any name or link; only files of its name are compared)."""
    try:
        target = os.stat(output)
    except OSError:  # (not there yet: nothing of the run's)
        return None
    name = os.path.basename(output)
    configs = [s.config.path for s in (session, *session.others()) if s.config.path]
    for path, what in [*((p, "a draft") for p in report.sources.values()),
                       *((p, "the config") for p in configs)]:
        if os.path.basename(path) == name:
            try:
                if os.path.samestat(os.stat(path), target):
                    return what
            except OSError:
                continue
    return None


def _write(path: str, text: str) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as exc:
        click.echo(f"postlint: cannot write --output-file {path}: {exc.strerror or exc}",
                   err=True)
        sys.exit(EXIT_ERROR)


def _did_you_mean(name: str, known) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _stop(exc: Errors | ConfigError):
    """Print config or rule errors one a line and exit 2."""
    for error in getattr(exc, "errors", [exc]):
        click.echo(_error_line(error), err=True)
    sys.exit(EXIT_ERROR)


def _error_line(error: ConfigError) -> str:
    """`file:line: key.path: message`, the file relative to the current folder if below it."""
    if error.path and os.path.isabs(error.path):
        error = ConfigError(error.message, phases.display(error.path), error.line, error.key)
    return str(error)
