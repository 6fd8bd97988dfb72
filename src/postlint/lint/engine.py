"""The linter: resolves each draft's profile to compiled checks, runs them, applies
suppressions and turns matches into findings with exact positions."""

from __future__ import annotations

import string
from dataclasses import dataclass, field, replace
from typing import Iterable

from ..checks.base import Check, Context, Match
from ..load import selection
from ..load.config import Config
from ..load.profiles import DEFAULT_PROFILE, Setting, entry, find_rule, resolve
from ..load.rules import LEVELS, Rule
from ..load.yamlfile import ConfigError, Errors, line_of
from ..text import platforms as platform_data, suppress, words
from ..text.draft import Draft
from . import budget
from .catalog import Catalog
from .report import Finding

QUOTE_LIMIT = 60


@dataclass
class Choices:
    """Run-wide choices from the command line and config (command line first)."""

    profile: str | None = None
    platforms: list[str] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)


@dataclass
class Active:
    """A rule as it runs for one profile: level, options and its compiled check."""

    rule: Rule
    level: str
    check: Check


class Linter:
    """Lints drafts against the catalog, compiling each rule once per run."""

    def __init__(self, catalog: Catalog, config: Config, choices: Choices):
        self.catalog, self.config, self.choices = catalog, config, choices
        self.platforms, self._platform_errors = platform_data.with_settings(
            catalog.platforms, config.get("platform-settings"), config.path or "<config>")
        self.context = Context(config=config.data, functions=catalog.functions,
                               platforms=self.platforms, default_platforms=choices.platforms)
        # built-in rules with options of their own folder: their searches need no time limit
        self._trusted_context = replace(self.context, trusted=True)
        self.default_profile = choices.profile or config.get("profile") or DEFAULT_PROFILE
        self._settings: dict[str, dict[str, Setting]] = {}
        self._active: dict[str, list[Active]] = {}
        self._compiled: dict[tuple, Check | None] = {}
        self._word_lists: list[words.Words] = []  # of the compiled checks
        self._active_names: dict[str, frozenset] = {}  # profile -> its rules' names and codes
        self.known_rules = frozenset(n for r in catalog.rules.values() for n in (r.name, r.code))
        self.errors: list[tuple[str, str]] = []
        self.timed_out: set[str] = set()  # rules stopped after a pattern search timed out
        self.budget = budget.Budget()  # the time each check may take
        self._check_setup()

    # -- setup -------------------------------------------------------------------------

    def _check_setup(self) -> None:
        """Resolve every profile and the config's rule entries now, so mistakes stop the run."""
        errors = self._platform_errors + self._unknown_platforms()
        if self.default_profile not in self.catalog.profiles:
            known = ", ".join(sorted(self.catalog.profiles))
            errors.append(ConfigError(f"unknown profile {self.default_profile!r} (known: "
                                      f"{known})", self.config.path or "<command line>",
                                      self.config.line("profile"), "profile"))
        for name in self.catalog.profiles:
            errors += self._resolve(name)
        rules = self.catalog.rules.values()
        for key in ("select", "extend-select", "ignore"):
            given = getattr(self.choices, key.replace("-", "_")) or []
            for bad in selection.unknown(given, rules):
                errors.append(ConfigError(f"{bad!r} names no rule (use a code, a code prefix,"
                                          " a rule name or ALL)", "<command line>", None,
                                          f"--{key}"))
            configured = self.config.get(key) or []
            for bad in selection.unknown(configured, rules):
                index = configured.index(bad)
                errors.append(ConfigError(f"{bad!r} names no rule (use a code, a code prefix,"
                                          " a rule name or ALL)", self.config.path,
                                          line_of(configured, index, self.config.line(key)),
                                          f"{key}[{index}]"))
        if errors:
            raise Errors(_unique(errors))

    def _unknown_platforms(self) -> list[ConfigError]:
        known = ", ".join(sorted(self.platforms))
        errors, configured = [], set()
        for key in ("platforms", "platform"):
            value = self.config.get(key) or []
            for name in value if isinstance(value, list) else [value]:
                configured.add(name)
                if name not in self.platforms:
                    errors.append(ConfigError(f"unknown platform {name!r} (known: {known})",
                                              self.config.path, self.config.line(key), key))
        for name in self.choices.platforms:
            if name not in self.platforms and name not in configured:
                errors.append(ConfigError(f"unknown platform {name!r} (known: {known})",
                                          "<command line>", None, "--platform"))
        return errors

    def _resolve(self, profile: str) -> list[ConfigError]:
        settings, errors = resolve(profile, self.catalog.profiles, self.catalog.rules,
                                   self.catalog.types)
        overrides = self.config.get("rules") or {}
        for key, value in overrides.items():
            line = line_of(overrides, key)
            rule = find_rule(str(key), self.catalog.rules)
            if rule is None:
                errors.append(ConfigError("unknown rule", self.config.path, line, f"rules.{key}"))
                continue
            setting, problems = entry(value, rule, self.catalog.types, self.config.path,
                                      f"rules.{key}", line, settings.get(rule.name))
            errors += problems
            if setting is None:
                settings.pop(rule.name, None)
            else:
                settings[rule.name] = setting
        c, conf = self.choices, self.config
        layers = [(conf.get("select") or [], conf.get("extend-select") or [],
                   conf.get("ignore") or []), (c.select, c.extend_select, c.ignore)]
        for rule in self.catalog.rules.values():
            on = selection.layered(rule, rule.name in settings, layers)
            if not on:
                settings.pop(rule.name, None)
            elif rule.name not in settings:
                settings[rule.name] = Setting(rule.level)
        self._settings[profile] = settings
        return errors

    def active(self, profile: str) -> list[Active]:
        """The compiled rules of a profile, in code order."""
        if profile not in self._active:
            actives = []
            for name, setting in sorted(self._settings[profile].items(),
                                        key=lambda kv: self.catalog.rules[kv[0]].code):
                rule = self.catalog.rules[name]
                check = self._compile(rule, setting)
                if check is not None:
                    actives.append(Active(rule, setting.level, check))
            self._active[profile] = actives
        return self._active[profile]

    def _compile(self, rule: Rule, setting: Setting) -> Check | None:
        """One Check per rule and options; None when a `from:` option is not configured."""
        check_type = self.catalog.types[rule.type]
        options = {k: spec.default for k, spec in check_type.options.items()}
        options.update(rule.options)
        options.update(setting.options)
        trusted = rule.trusted and all(_plain(v) for v in setting.options.values())
        key = (rule.name, trusted, repr(sorted(options.items())))
        if key not in self._compiled:
            self._compiled[key] = self._build(rule, check_type, options, trusted)
        return self._compiled[key]

    def _build(self, rule: Rule, check_type, options: dict, trusted: bool) -> Check | None:
        for name, value in options.items():
            if isinstance(value, dict) and set(value) == {"from"}:
                options[name] = value = self._lookup(value["from"])
                if value in (None, [], {}, ""):
                    return None  # e.g. brand rules stay silent without a brand section
            spec = check_type.options[name]
            if spec.required and value is None:
                raise Errors([ConfigError("missing required option", rule.path, rule.line,
                                          f"{rule.name}.options.{name}")])
        try:
            with words.recording() as made:
                check = check_type(options, self._trusted_context if trusted else self.context)
            self._word_lists += made
            # a user's word lists compile now, so a bad regex stops the run before it starts
            problems = [] if trusted else [p for p in map(words.Words.problem, made) if p]
            if problems:
                raise ValueError(problems[0])
            return check
        except (ValueError, TypeError) as exc:
            raise Errors([ConfigError(str(exc), rule.path, rule.line, f"{rule.name}.options")])

    def prepare(self) -> None:
        """Read and compile the default profile's word lists and run its checks once on a
        short draft (loading what checks load on first use, such as VADER's lexicon), so
        that forked workers inherit it all instead of each building it."""
        errors, timed_out = list(self.errors), set(self.timed_out)
        self.check_draft(Draft.from_text("A short draft to prepare every check."))
        self.errors[:], self.timed_out = errors, timed_out  # nothing of it is reported
        for pattern in self._word_lists:
            pattern.needs, pattern.compiled

    def _lookup(self, dotted: str):
        value = self.config.data
        for part in dotted.split("."):
            if not isinstance(value, dict):
                return None
            value = value.get(part)
        return value

    # -- running -----------------------------------------------------------------------

    def profile_of(self, draft: Draft) -> str:
        name = draft.front_matter.get("profile") or self.default_profile
        if name not in self._settings:
            known = ", ".join(sorted(self.catalog.profiles))
            raise ValueError(f"front matter: unknown profile {name!r} (known: {known})")
        return name

    def platforms_of(self, draft: Draft) -> list[str]:
        """The draft's platforms (front matter, else the run's); ValueError for unknown names."""
        problem = platform_data.unknown_in_front_matter(draft.front_matter, self.platforms)
        if problem:
            raise ValueError(problem)
        return platform_data.front_matter_names(draft.front_matter) or self.choices.platforms

    def lint(self, drafts: list[Draft]) -> list[Finding]:
        """Findings for every draft, in the order of `drafts`, then line and column."""
        found = {draft.path: self.check_draft(draft) for draft in drafts}
        for path, more in self.check_runs(drafts).items():
            found[path] += more
        findings = []
        for draft in drafts:
            findings += self.finish(draft, found[draft.path])
        return findings

    def check_draft(self, draft: Draft) -> list[Finding]:
        """The findings of the post and draft checks, before suppression comments apply.

        Each post goes through every post check before the next post, so that work on
        its text that checks share (the starts of its words) is done once."""
        profile = self.profile_of(draft)
        enabled = _enabled(draft, self.active(profile))
        post_checks = [act for act in enabled if act.check.scope == "post"]
        found = []
        with self.budget.watching():
            for post in draft.posts:
                for act in post_checks:
                    found += self._run(draft, act, profile, post)
            for act in enabled:
                if act.check.scope == "draft" and not act.check.after_suppression:
                    found += self._run(draft, act, profile)
        return found

    def wanted_again(self, draft: Draft) -> bool:
        """Whether a check that compares drafts must see `draft` (see `Check.relevant`)."""
        try:
            return any(act.check.relevant(draft) for act in
                       _enabled(draft, self.active(self.profile_of(draft)))
                       if act.check.scope == "run")
        except TimeoutError:  # the run check reports it
            return True

    def check_runs(self, drafts: Iterable[Draft]) -> dict[str, list[Finding]]:
        """The findings of the checks that compare drafts (`scope = "run"`), by draft path.

        `drafts` may be re-read on each pass over it (see `parallel.Drafts`). When a
        single run rule compiles alike for every profile (the usual case), one pass both
        notes which drafts it applies to and runs it; otherwise a first pass notes which
        rules apply to which draft, then each rule takes a pass.
        """
        runs: dict[str, Active] = {}
        where: dict[tuple[str, str], tuple[Active, str]] = {}

        def noting():
            for draft in drafts:
                profile = self.profile_of(draft)
                for act in _enabled(draft, self.active(profile)):
                    if act.check.scope == "run":
                        runs.setdefault(act.rule.name, act)
                        where[act.rule.name, draft.path] = (act, profile)
                yield draft

        checks = self._run_checks()
        if checks == {}:  # no profile compares drafts: no need to read them again
            return {}
        if checks and len(checks) == 1 and len(found := next(iter(checks.values()))) == 1:
            passes = [(next(iter(checks)), next(iter(found)), noting())]
        else:
            for _ in noting():
                pass
            passes = [(name, act.check, drafts) for name, act in runs.items()]
        out: dict[str, list[Finding]] = {}
        for name, check, source in passes:
            try:
                for draft, match in check.check_run(source):
                    if (name, draft.path) in where:
                        own, profile = where[name, draft.path]
                        out.setdefault(draft.path, []).append(
                            self._finding(draft, own, profile, 0, match))
            except TimeoutError:
                self.errors.append(("<run>", f"rule {name}: a pattern search timed out"))
        return out

    def _run_checks(self) -> dict[str, set] | None:
        """The compiled checks of each run rule, over every profile that has it (a rule
        whose options differ between profiles has several); None if a rule fails to
        compile (it is reported when a draft's profile needs it)."""
        checks: dict[str, set] = {}
        try:
            for settings in self._settings.values():
                for name, setting in settings.items():
                    rule = self.catalog.rules[name]
                    if self.catalog.types[rule.type].scope == "run":
                        check = self._compile(rule, setting)
                        if check is not None:
                            checks.setdefault(name, set()).add(check)
        except Errors:
            return None
        return checks

    def _run(self, draft: Draft, act: Active, profile: str, post=None) -> list[Finding]:
        """The findings of a check on one post, or on the draft."""
        if act.rule.name in self.timed_out:
            return []
        size = len(draft.text) if post is None else post.end - post.start
        try:
            self.budget.start(budget.allowed(size))
            if post is not None:
                return [self._finding(draft, act, profile, post.start, m)
                        for m in act.check.check(post)]
            return [self._finding(draft, act, profile, 0, m) for m in act.check.check_draft(draft)]
        except TimeoutError as exc:  # reported once; the rule is skipped for the rest of the run
            self.timed_out.add(act.rule.name)
            rule = f"rule {act.rule.name} ({act.rule.code})"
            if isinstance(exc, budget.Spent) and act.check.context.trusted:
                problem = (f"{exc} on this draft, which no built-in rule should; please "
                           "report it to postlint with the draft")
            else:  # (a user's pattern, stopped by its own search limit or the budget)
                problem = "a pattern search timed out; simplify the rule's pattern"
            self.errors.append((draft.path, f"{rule}: {problem} (the rule was stopped for "
                                            "this run)"))
        finally:
            self.budget.stop()
        return []

    def finish(self, draft: Draft, found: list[Finding]) -> list[Finding]:
        """Apply suppression comments, then run the checks that report on them."""
        draft.suppressions = suppress.parse(draft)
        kept = suppress.apply(found, draft.suppressions)
        profile = self.profile_of(draft)
        if profile not in self._active_names:
            self._active_names[profile] = frozenset(
                n for a in self.active(profile) for n in (a.rule.name, a.rule.code))
        draft.active_rules, draft.known_rules = self._active_names[profile], self.known_rules
        late = []
        with self.budget.watching():
            for act in _enabled(draft, self.active(profile)):
                if act.check.after_suppression:
                    late += self._run(draft, act, profile)
        kept += suppress.apply(late, draft.suppressions, named_only=True)  # `disable M001`
        return sort_findings(kept)

    def _finding(self, draft: Draft, act: Active, profile: str, base: int,
                 match: Match) -> Finding:
        start, end = base + match.start, base + match.end
        line, column = draft.position(start)
        end_line, end_column = draft.position(end)
        quoted = " ".join(draft.text[start:end].split())
        if len(quoted) > QUOTE_LIMIT:
            quoted = quoted[:QUOTE_LIMIT - 1] + "…"
        values = {**act.check.opts, **match.values, "match": quoted}
        if match.platform:
            values["platform"] = match.platform
        return Finding(draft.path, line, column, end_line, end_column, act.rule.code,
                       act.rule.name, clamp(act.level, match), render(act.rule.message, values),
                       profile, match.replacement, match.platform, start, end)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """A draft's findings in report order: by line, column, code and platform (in place)."""
    findings.sort(key=lambda f: (f.line, f.column, f.code, f.platform or ""))
    return findings


class _Values(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def render(template: str, values: dict) -> str:
    """Fill a rule's message; unknown placeholders stay as written."""
    try:
        return string.Formatter().vformat(template, (), _Values(values))
    except (ValueError, IndexError, KeyError, AttributeError):
        return template


def clamp(level: str, match: Match) -> str:
    """The profile's level, raised to a match's `min_level` and capped at its `max_level`
    (a rule type sets those per entry, e.g. slurs always at error)."""
    low, high = match.min_level, match.max_level
    if low in LEVELS and LEVELS.index(level) < LEVELS.index(low):
        level = low
    if high in LEVELS and LEVELS.index(level) > LEVELS.index(high):
        level = high
    return level


def _plain(value) -> bool:
    """A number, which a profile or config may set on a trusted rule without making its
    patterns untrusted (a string, list or mapping may hold a pattern; a switch such as
    `regex: true` may make config terms patterns)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _enabled(draft: Draft, actives: list[Active]) -> list[Active]:
    """The rules the draft's front matter does not `disable`."""
    if not draft.front_matter.get("disable"):
        return actives
    return [act for act in actives if not _disabled(draft, act.rule)]


def _disabled(draft: Draft, rule: Rule) -> bool:
    names = draft.front_matter.get("disable") or ()
    return any(str(n) in (rule.name, rule.code) or rule.code.startswith(str(n)) for n in names)


def _unique(errors: list[ConfigError]) -> list[ConfigError]:
    seen, out = set(), []
    for error in errors:
        if str(error) not in seen:
            seen.add(str(error))
            out.append(error)
    return out
