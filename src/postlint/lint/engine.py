"""The linter: resolves each draft's profile to compiled checks, runs them, applies
suppressions and turns matches into findings with exact positions."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Iterable

from ..checks.base import Check, Context, Match, view_name
from ..load import schema, selection, template
from ..load.config import Config
from ..load.packs import unknown as unknown_pack
from ..load.profiles import (DEFAULT_PROFILE, Setting, entry, find_rule, resolve, twice,
                             unknown_rule)
from ..load.languages import given as given_language
from ..load.rules import ANY_LANGUAGE, LEVELS, Rule
from ..load.strategy import Strategy
from ..load.suggest import did_you_mean, unknown_key
from ..load.yamlfile import ConfigError, Errors, line_of
from ..text import language, platforms as platform_data, suppress, words
from ..text.draft import FRONT_MATTER_KEYS, READ_KEYS, Draft, PostView
from . import budget
from .catalog import Catalog
from .report import Finding

QUOTE_LIMIT = 60
_UNSET = (None, [], {}, "")  # a `from:` option whose key is not configured
# what `Linter.prepare` checks: enough words and sentences for the readability score, a
# date, and a hashtag to split into words
PREPARE = ("A short draft to prepare every check before the workers start. It has enough "
           "words for the readability score, a date such as 1 May 2026, and a tag to split "
           "into words: #preparingeverycheck.")


@dataclass
class Choices:
    """Run-wide choices from the command line and config (command line first)."""

    profile: str | None = None
    platforms: list[str] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    today: object = None  # datetime.date from --today (None: the real today)


@dataclass
class Active:
    """A rule as it runs for one profile: level, options and its compiled check."""

    rule: Rule
    level: str
    check: Check
    packs: frozenset = frozenset()  # runs only for drafts with one of these packs (if any)
    setting: Setting | None = None
    languages: dict = field(default_factory=dict)  # primary subtag -> options ("*": any)
    by_language: dict = field(default_factory=dict)  # subtag -> its check, once compiled

    @property
    def any_language(self) -> bool:
        return ANY_LANGUAGE in self.languages


class Linter:
    """Lints drafts against the catalog, compiling each rule once per run."""

    def __init__(self, catalog: Catalog, config: Config, choices: Choices):
        self.catalog, self.config, self.choices = catalog, config, choices
        self.platforms, self._platform_errors = platform_data.with_settings(
            catalog.platforms, config.get("platform-settings"), config.path or "<config>")
        self.context = Context(config=config.data, functions=catalog.functions,
                               platforms=self.platforms, default_platforms=choices.platforms,
                               today=choices.today)
        # built-in rules with options of their own folder: their searches need no time limit
        self._trusted_context = replace(self.context, trusted=True)
        self.default_profile = choices.profile or config.get("profile") or DEFAULT_PROFILE
        self.strategy, self._strategy_errors = Strategy.from_config(
            config, catalog.profiles, self.platforms, choices.profile,
            config.get("profile") or DEFAULT_PROFILE)
        self.context.strategy = self._trusted_context.strategy = self.strategy
        self._settings: dict[str, dict[str, Setting]] = {}
        self._pack_rules: dict[str, dict[str, frozenset]] = {}  # profile -> rule -> its packs
        self._active: dict[str, list[Active]] = {}
        self._compiled: dict[tuple, Check | None] = {}
        self._word_lists: list = []  # of the compiled checks
        self._gates: dict[int, words.Gate] = {}  # id of a gated check -> its gate
        self._plans: dict[tuple, tuple] = {}  # see `_plan`
        self._post_checks: dict[int, tuple] = {}  # a profile's rules -> its post rules
        # a profile's rules -> whether some belong to packs; (its rules, packs) -> those on
        self._by_packs: dict = {}
        self._active_names: dict[str, frozenset] = {}  # profile -> its rules' names and codes
        self.known_rules = frozenset(n for r in catalog.rules.values() for n in (r.name, r.code))
        self.spellings = {n: frozenset((r.name, r.code)) for r in catalog.rules.values()
                          for n in (r.name, r.code)}  # (so `enable shouting` ends `disable T101`)
        self.errors: list[tuple[str, str]] = []
        self.notes: list[str] = []  # said on standard error before the report (aliases)
        self.timed_out: set[str] = set()  # rules stopped after a pattern search timed out
        self.timings: dict[str, list] | None = None  # rule -> [seconds, calls] (time_rules)
        self.budget = budget.Budget()  # the time each check may take
        self._check_setup()

    # -- setup -------------------------------------------------------------------------

    def _check_setup(self) -> None:
        """Resolve every profile and the config's rule entries now, so mistakes stop the run."""
        errors = (self._platform_errors + self._unknown_platforms() + self._unread_keys()
                  + self._strategy_errors)
        self.readers = []  # one of each reader, set up with the config
        for reader in self.catalog.readers.values():
            try:
                self.readers.append(reader(self.config))
            except ConfigError as exc:
                errors.append(exc)
            except Errors as exc:
                errors += exc.errors
        if self.default_profile not in self.catalog.profiles:
            message = _unknown_profile(self.default_profile, self.catalog.profiles)
            if self.choices.profile:
                errors.append(ConfigError(message, "<command line>", None, "--profile"))
            else:
                errors.append(ConfigError(message, self.config.path, self.config.line("profile"),
                                          "profile"))
        problem = unknown_pack(self.config.get("packs"), self.catalog.packs)
        if problem:
            errors.append(ConfigError(problem, self.config.path, self.config.line("packs"),
                                      "packs"))
        for name in self.catalog.profiles:
            errors += self._resolve(name)
        rules = self.catalog.rules.values()
        for key in ("select", "extend-select", "ignore"):
            given = getattr(self.choices, key.replace("-", "_")) or []
            for bad in selection.unknown(given, rules):
                errors.append(ConfigError(_no_rule(bad, self.known_rules,
                                                   packs=self.catalog.packs),
                                          "<command line>", None, f"--{key}"))
            configured = self.config.get(key) or []
            for bad in selection.unknown(configured, rules):
                index = configured.index(bad)
                errors.append(ConfigError(_no_rule(bad, self.known_rules, rules,
                                                   self.catalog.packs), self.config.path,
                                          line_of(configured, index, self.config.line(key)),
                                          f"{key}[{index}]"))
        if not errors:  # (a mistake of its own first: a selector that names no rule)
            errors = self._set_but_not_selected()
        if errors:
            raise Errors(_unique(errors))

    def _set_but_not_selected(self) -> list[ConfigError]:
        """A `rules:` entry of the config that gives a rule a level or options while the
        config's own select/ignore turn the rule off: it never applied, unsaid."""
        conf = self.config
        layer = [(conf.get("select") or [], conf.get("extend-select") or [],
                  conf.get("ignore") or [])]
        if not any(layer[0]):
            return []
        errors = []
        overrides = conf.get("rules") or {}
        for key, value in overrides.items():
            rule = find_rule(str(key), self.catalog.rules)
            if rule is None or value is False or value == "off" or value is None:
                continue
            c = self.choices  # (the command line may choose the rule all the same)
            if selection.layered(rule, True, layer + [(c.select, c.extend_select, c.ignore)]):
                continue
            if selection.best(layer[0][2], rule):
                where = next(s for s in layer[0][2] if selection.specificity(s, rule))
                why = (f"ignore: [{where}] (line {conf.line('ignore')}) turns {rule.name} off, "
                       "so it never applies; take it out of ignore, or remove this entry")
            else:
                why = (f"select: (line {conf.line('select')}) does not include {rule.name}, "
                       f"so it never applies; add {rule.name} to select or extend-select, or "
                       "remove this entry")
            errors.append(ConfigError(f"{rule.name} is set here, but {why}", conf.path,
                                      line_of(overrides, key), f"rules.{key}"))
        return errors

    def _unread_keys(self) -> list[ConfigError]:
        """Unknown keys of open config sections (brand, work) that no rule reads."""
        if not self.config.unknown:
            return []
        reads = set()
        for rule in self.catalog.rules.values():
            reads.update(config_reads(rule.options))
        known = set(schema.keys_of()) | reads
        errors = []
        for error in self.config.unknown:
            key = error.key
            if any(r == key or r.startswith(key + ".") or key.startswith(r + ".") for r in reads):
                continue
            parent, _, name = key.rpartition(".")
            here = sorted({k[len(parent) + 1:].split(".")[0] for k in known
                           if k.startswith(parent + ".")})
            errors.append(ConfigError(unknown_key(name, here), error.path, error.line,
                                      key))
        return errors

    def _unknown_platforms(self) -> list[ConfigError]:
        """Errors for platform names that are neither platforms nor aliases; aliases in
        the run's choices are replaced by the platform's name, with a note."""
        other = platform_data.aliases(self.platforms)
        errors, configured = [], set()
        for key in ("platforms", "platform"):
            value = self.config.get(key) or []
            for name in value if isinstance(value, list) else [value]:
                configured.add(name)
                if name in other:
                    self.notes.append(f"{_display(self.config.path)}:{self.config.line(key)}: "
                                      f"{key}: note: '{name}' is taken as '{other[name]}' "
                                      f"({self.platforms[other[name]].title})")
                elif name not in self.platforms:
                    errors.append(ConfigError(platform_data.unknown(name, self.platforms),
                                              self.config.path, self.config.line(key), key))
        for name in self.choices.platforms:
            if name in other and name not in configured:
                self.notes.append(f"postlint: note: --platform {name} is taken as "
                                  f"'{other[name]}' ({self.platforms[other[name]].title})")
            elif name not in self.platforms and name not in configured:
                errors.append(ConfigError(platform_data.unknown(name, self.platforms),
                                          "<command line>", None, "--platform"))
        # (in place: the checks' contexts hold this list)
        self.choices.platforms[:] = dict.fromkeys(other.get(n, n) for n in self.choices.platforms)
        return errors

    def _resolve(self, profile: str) -> list[ConfigError]:
        settings, errors = resolve(profile, self.catalog.profiles, self.catalog.rules,
                                   self.catalog.types)
        pack_rules, more = self._add_packs(settings)
        errors += more
        overrides = self.config.get("rules") or {}
        given: dict[str, tuple] = {}  # rule name -> the key and line that set it
        for key, value in overrides.items():
            line = line_of(overrides, key)
            rule = find_rule(str(key), self.catalog.rules)
            if rule is None:
                errors.append(ConfigError(unknown_rule(key, self.catalog.rules),
                                          self.config.path, line, f"rules.{key}"))
                continue
            if rule.name in given:
                errors.append(ConfigError(twice(rule, *given[rule.name]), self.config.path,
                                          line, f"rules.{key}"))
                continue
            given[rule.name] = (key, line)
            setting, problems = entry(value, rule, self.catalog.types, self.config.path,
                                      f"rules.{key}", line, settings.get(rule.name),
                                      rules=self.catalog.rules)
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
            if rule.name in pack_rules and selection.layered(rule, False, layers):
                del pack_rules[rule.name]  # selected by name, code or ALL: runs for every draft
        self._settings[profile] = settings
        self._pack_rules[profile] = pack_rules
        return errors

    def settings(self, profile: str) -> dict[str, Setting]:
        """Rule name -> level and options, for the rules a profile runs (config applied)."""
        return self._settings[profile]

    def _add_packs(self, settings: dict) -> tuple[dict[str, frozenset], list[ConfigError]]:
        """Add every pack's rules the profile does not run to `settings`; return which
        packs each belongs to, and the problems with the packs' entries."""
        pack_rules: dict[str, set] = {}
        errors = []
        for pack in self.catalog.packs.values():
            for key, value in pack.rules.items():
                line = line_of(pack.rules, key)
                rule = find_rule(str(key), self.catalog.rules)
                if rule is None:
                    errors.append(ConfigError(unknown_rule(key, self.catalog.rules),
                                              pack.path, line, f"rules.{key}"))
                    continue
                if rule.name in settings and rule.name not in pack_rules:
                    continue  # the profile runs it for every draft
                setting, problems = entry(value, rule, self.catalog.types, pack.path,
                                          f"rules.{key}", line, None)
                errors += problems
                if setting is not None:
                    settings[rule.name] = setting
                    pack_rules.setdefault(rule.name, set()).add(pack.name)
        return {name: frozenset(packs) for name, packs in pack_rules.items()}, errors

    def levels(self, rule_name: str) -> dict[str, str]:
        """Profile -> the level at which it runs the rule, config included (absent: off)."""
        return {name: settings[rule_name].level for name, settings in
                sorted(self._settings.items()) if rule_name in settings}

    def active(self, profile: str) -> list[Active]:
        """The compiled rules of a profile, in code order."""
        if profile not in self._active:
            actives = []
            for name, setting in sorted(self._settings[profile].items(),
                                        key=lambda kv: self.catalog.rules[kv[0]].code):
                rule = self.catalog.rules[name]
                languages = rule.known_languages(self.catalog.types[rule.type])
                base = "en" if "en" in languages or ANY_LANGUAGE in languages \
                    else next(iter(languages))
                check = self._compile(rule, setting, base)
                if check is not None:
                    actives.append(Active(rule, setting.level, check,
                                          self._pack_rules[profile].get(name, frozenset()),
                                          setting, languages, {base: check}))
            self._active[profile] = actives
        return self._active[profile]

    def _compile(self, rule: Rule, setting: Setting, lang: str = "en") -> Check | None:
        """One Check per rule, language and options; None when a `from:` option is not
        configured. A language's own options (`languages: {de: {...}}`) replace the
        rule's; the profile's and config's apply on top."""
        check_type = self.catalog.types[rule.type]
        options = {k: spec.default for k, spec in check_type.options.items()}
        options.update(rule.options)
        options.update((rule.languages or {}).get(lang) or {})
        options.update(setting.options)
        trusted = rule.trusted and not setting.untrusted
        key = (rule.name, trusted, lang, repr(sorted(options.items())))
        if key not in self._compiled:
            self._compiled[key] = self._build(rule, check_type, options, trusted, lang,
                                              setting.options)
        return self._compiled[key]

    def _check_in(self, act: Active, lang: str) -> Check | None:
        """`act`'s check for posts in `lang` (compiled on first need)."""
        if act.any_language:
            return act.check
        if lang not in act.by_language:
            act.by_language[lang] = self._compile(act.rule, act.setting, lang) \
                if lang in act.languages else None
        return act.by_language[lang]

    def _build(self, rule: Rule, check_type, options: dict, trusted: bool,
               lang: str = "en", setting_options: dict | None = None) -> Check | None:
        sources = {name: value["from"] for name, value in options.items()
                   if isinstance(value, dict) and set(value) == {"from"}}
        missing = [key for key in sources.values() if self._lookup(key) in _UNSET]
        # (a key set for this rule alone, while another it needs is not: links.utm
        # without brand.domains)
        alone = [key for key in sources.values()
                 if key not in missing and self._readers.get(key) == {rule.name}]
        if alone and missing:
            raise Errors([ConfigError(
                f"{rule.name} reads {alone[0]} together with {missing[0]}, which is not set, "
                f"so it would never run; add {missing[0]} (or remove {alone[0]})",
                self.config.path, self._found(alone[0])[1], alone[0])])
        for name, value in options.items():
            if name in sources:
                options[name] = value = self._lookup(sources[name])
                if value in _UNSET:
                    return None  # e.g. brand rules stay silent without a brand section
            spec = check_type.options[name]
            if spec.required and value is None:
                raise Errors([ConfigError("missing required option", rule.path, rule.line,
                                          f"{rule.name}.options.{name}")])
        context = self._trusted_context if trusted else self.context
        if lang != context.lang:
            context = replace(context, lang=lang)
        if ANY_LANGUAGE in rule.known_languages(check_type):
            context = replace(context, any_language=True)
        try:
            with words.recording() as made:
                check = check_type(options, context)
            self._word_lists += made
            if getattr(check, "gated", False):
                self._gates[id(check)] = words.Gate(made)
            # a user's word lists compile now, so a bad regex stops the run before it starts
            problems = [] if trusted else [p for p in (m.problem() for m in made) if p]
            if problems:
                raise ValueError(problems[0])
            return check
        except (ValueError, TypeError) as exc:
            key, line = f"{rule.name}.options", rule.line
            item = getattr(exc, "item", None)  # (a BadTerm: name the list that holds it)
            name = next((n for n, v in options.items() if item is not None
                         and isinstance(v, list) and any(x is item for x in v)), None)
            path = rule.path
            if name is not None:
                index = next(i for i, x in enumerate(options[name]) if x is item)
                given = options[name]
                if given is (setting_options or {}).get(name):  # the config's, not the rule's
                    path, key = self.config.path or path, f"rules.{rule.name}.{name}"
                    line = line_of(given, index, line_of(setting_options, name, 0))
                elif name in rule.options:
                    key, line = f"{key}.{name}", line_of(given, index,
                                                         line_of(rule.options, name, rule.line))
            raise Errors([ConfigError(str(exc), path, line, key)])

    def prepare(self) -> None:
        """Read and compile the default profile's word lists and run its checks once on a
        short draft (loading what checks load on first use, such as VADER's lexicon,
        wordsegment's counts for hashtags and textstat for readability), so that forked
        workers inherit it all instead of each building it."""
        errors, timed_out = list(self.errors), set(self.timed_out)
        self.check_draft(Draft.from_text(PREPARE))
        self.errors[:], self.timed_out = errors, timed_out  # nothing of it is reported
        for pattern in self._word_lists:
            if isinstance(pattern, words.Words):
                pattern.needs, pattern.compiled

    def _lookup(self, dotted: str):
        return self._found(dotted)[0]

    def _found(self, dotted: str) -> tuple:
        """The config's value of a dotted key (None when it is not there) and its line
        (of the deepest part that is there)."""
        value, line = self.config.data, 0
        for part in dotted.split("."):
            if not isinstance(value, dict) or part not in value:
                return None, line
            line = line_of(value, part, line)
            value = value[part]
        return value, line

    @cached_property
    def _readers(self) -> dict[str, set]:
        """Config key -> the rules whose options read it (`{from: KEY}`)."""
        readers: dict[str, set] = {}
        for rule in self.catalog.rules.values():
            for key in config_reads(rule.options):
                readers.setdefault(key, set()).add(rule.name)
        return readers

    # -- running -----------------------------------------------------------------------

    def profile_of(self, draft: Draft) -> str:
        """The draft's profile; ValueError for an unknown profile or pack in its front
        matter."""
        own = draft.front_matter.get("profile")
        name = own or self.default_profile
        if self.strategy.kind != "open" and (own is None or own in self._settings):
            name = self.strategy.profile_for(own, self.platforms_of(draft))
        if name not in self._settings:
            raise ValueError(f"front matter: {_unknown_profile(name, self.catalog.profiles)}")
        problem = unknown_pack(draft.front_matter.get("packs"), self.catalog.packs)
        if problem:
            raise ValueError(f"line {line_of(draft.front_matter, 'packs', 1)}: front matter: "
                             f"{problem}")
        return name

    def packs_of(self, draft: Draft) -> frozenset:
        """The packs on for a draft: the config's and its front matter's."""
        return frozenset(map(str, (self.config.get("packs") or []) +
                             list(draft.front_matter.get("packs") or [])))

    def _enabled(self, draft: Draft, actives: list[Active]) -> list[Active]:
        """The rules that run for the draft: not disabled by its front matter, and of
        its packs where a rule belongs to packs."""
        shared = not draft.front_matter.get("disable")
        actives = _not_disabled(draft, actives)
        any_packs = self._by_packs.get(id(actives)) if shared else None
        if any_packs is None or any_packs[0] is not actives:
            any_packs = (actives, any(act.packs for act in actives))
            if shared:
                self._by_packs[id(actives)] = any_packs
        if not any_packs[1]:
            return actives
        packs = self.packs_of(draft)
        key = (id(actives), packs)
        kept = self._by_packs.get(key) if shared else None
        if kept is None or kept[0] is not actives:
            kept = (actives, [act for act in actives if not act.packs or act.packs & packs])
            if shared:  # (the same list for every draft with these packs: plans are kept)
                self._by_packs[key] = kept
        return kept[1]

    def platforms_of(self, draft: Draft) -> list[str]:
        """The draft's platforms (front matter, else the run's); ValueError for unknown names."""
        problem = platform_data.resolve_front_matter(draft.front_matter, self.platforms)
        if problem:
            raise ValueError(problem)
        return platform_data.front_matter_names(draft.front_matter) or self.choices.platforms

    def disable_problem(self, front: dict) -> tuple[str, int]:
        """The message for the first name of `disable:` that names no rule, with its
        index (the rule meant, when one is close); ('', -1) when all name rules."""
        names = [str(n) for n in front.get("disable") or ()]
        bad = selection.unknown(names, self.catalog.rules.values())
        if not bad:
            return "", -1
        hint = _as_list(bad[0], self.catalog.rules.values()) or \
            did_you_mean(bad[0], sorted(self.known_rules)) or " (see postlint --list-rules)"
        return f"disable: {bad[0]!r} names no rule{hint}", names.index(bad[0])

    def accept(self, draft: Draft) -> None:
        """Check what a draft's front matter names: its profile, platforms (aliases become
        names), the rules it disables, and under `front-matter: {strict: true}` keys
        postlint does not read. ValueError with the line, for the draft's read error."""
        front = draft.front_matter
        try:
            self.profile_of(draft)
        except ValueError as exc:
            if str(exc).startswith("line "):
                raise
            raise ValueError(f"line {line_of(front, 'profile', 1)}: {exc}") from None
        self.platforms_of(draft)
        problem, index = self.disable_problem(front)
        if problem:
            disabled = front["disable"]
            raise ValueError(f"line {line_of(disabled, index, line_of(front, 'disable', 1))}: "
                             f"front matter: {problem}")
        strict = (self.config.get("front-matter") or {}).get("strict")
        if strict and draft.foreign_keys:
            key, line = next(iter(draft.foreign_keys.items()))
            raise ValueError(f"line {line}: front matter: unknown key '{key}' (postlint reads "
                             f"{', '.join(FRONT_MATTER_KEYS)} and {', '.join(READ_KEYS)}; "
                             "front-matter.strict is on)")

    def lint(self, drafts: list[Draft]) -> list[Finding]:
        """Findings for every draft, in the order of `drafts`, then line and column."""
        with self.budget.watching():  # (the timer armed once for the run)
            found = {key_of(draft): self.check_draft(draft) for draft in drafts}
            for key, more in self.check_runs(drafts).items():
                found[key] += more
            findings = []
            for draft in drafts:
                findings += self.finish(draft, found[key_of(draft)])
        return findings

    def check_draft(self, draft: Draft, memo: dict | None = None) -> list[Finding]:
        """The findings of the post and draft checks, before suppression comments apply.

        Each post goes through every post check before the next post, so that work on
        its text that checks share (the starts of its words) is done once. `memo`, kept
        by a caller that lints one document again and again (the language server), holds
        the post checks' findings of each post by all they read of it, so that only the
        posts an edit changed are checked again."""
        profile = self.profile_of(draft)
        enabled = self._enabled(draft, self.active(profile))
        post_checks = self._post_checks.get(id(enabled))
        if post_checks is None or post_checks[0] is not enabled:
            post_checks = (enabled, [act for act in enabled if act.check.scope == "post"])
            if not draft.front_matter.get("disable"):  # (a list `_enabled` keeps)
                self._post_checks[id(enabled)] = post_checks
        keep, post_checks = id(enabled) in self._post_checks, post_checks[1]
        found, kept = [], {}
        with self.budget.watching():
            main = None
            for post in draft.posts:
                runs = self.languages_of(draft, post)
                main = main or runs[0][2]
                key = memo is not None and (profile, repr(draft.front_matter), post.index,
                                            len(draft.posts), post.text, post.prose)
                if key and key in memo:
                    start, before = memo[key]
                    own = [_moved(draft, f, post.start - start) for f in before]
                else:
                    own = self._post_findings(draft, post, profile, post_checks, runs, keep)
                if key:
                    kept[key] = (post.start, own)
                found += own
            if memo is not None:
                memo.clear()
                memo.update(kept)
            for act in enabled:
                if act.check.scope == "draft" and not act.check.after_suppression:
                    check = self._check_in(act, main or self.default_language(draft))
                    if check is not None:
                        found += self._run(draft, act, profile, None, check)
        return found

    def _post_findings(self, draft: Draft, post, profile: str, post_checks: list[Active],
                       runs: list, keep: bool) -> list[Finding]:
        """The findings of the post checks on one post, each rule reading the language(s)
        it knows (`runs`: the post's sentences and their languages)."""
        langs = {lang for _, _, lang in runs}
        if len(langs) == 1:
            targets = [(post, self._plan(post_checks, runs[0][2], True, keep))]
        else:  # a post that mixes languages: each rule reads the sentences it knows
            targets = [(post, [p for p in self._plan(post_checks, "en", True, keep)
                               if p[0].any_language])]
            targets += [(PostView(draft, post.index, post.start, post.end,
                                  tuple((s, e) for s, e, own in runs if own == lang)),
                         self._plan(post_checks, lang, False, keep)) for lang in sorted(langs)]
        found = []
        run = self._run
        for view, plan in targets:
            for act, check, gate, reads in plan:
                if gate is None or gate.open(getattr(view, reads)):
                    found += run(draft, act, profile, view, check)
        return found

    def _plan(self, acts: list[Active], lang: str, any_language: bool,
              keep: bool = True) -> list[tuple]:
        """(rule, check, gate, the text it reads) of the `acts` that read posts in `lang`
        (and of those that read any language, unless not `any_language`), kept per list
        of rules (`keep`); the text is the name of the post's attribute the check reads
        (`view_name`), which its gate tests."""
        key = (id(acts), lang, any_language)
        found = self._plans.get(key)
        if found is None or found[0] is not acts:
            plan = []
            for act in acts:
                if act.any_language and not any_language:
                    continue
                check = self._check_in(act, lang)
                if check is not None:
                    plan.append((act, check, self._gates.get(id(check)), view_name(check.opts)))
            found = (acts, plan)
            if keep:
                self._plans[key] = found
        return found[1]

    def default_language(self, draft: Draft) -> str | None:
        """The primary subtag of the draft's front matter `lang`, else the config's."""
        return given_language(draft.front_matter, self.config)

    def languages_of(self, draft: Draft, post) -> list[tuple[int, int, str]]:
        """(start, end, language) runs of a post: one run in the draft's or config's
        language when either names one; else detected (`text.language`)."""
        given = self.default_language(draft)
        if given:
            return [(0, post.end - post.start, given)]
        return language.spans(post.prose)

    def wanted_again(self, draft: Draft) -> bool:
        """Whether a check that compares drafts must see `draft` (see `Check.relevant`)."""
        try:
            return any(act.check.relevant(draft) for act in
                       self._enabled(draft, self.active(self.profile_of(draft)))
                       if act.check.scope == "run")
        except TimeoutError:  # the run check reports it
            return True

    def check_runs(self, drafts: Iterable[Draft]) -> dict[str, list[Finding]]:
        """The findings of the checks that compare drafts (`scope = "run"`), by draft key
        (`key_of`: its path, or a record's key).

        `drafts` may be re-read on each pass over it (see `parallel.Drafts`). The first
        pass notes which run rules some draft has on and finds `relevant` and, when a
        run rule compiles alike for every profile (the usual case), runs it as well (it
        may pass again); each other rule then takes a pass, if some draft is relevant to
        it.
        """
        runs: dict[str, Active] = {}
        wanted: set[str] = set()  # rules that some draft is relevant to
        by_name: dict[int, tuple[list, dict]] = {}  # a list of `_enabled`'s, by name

        def noting():
            for draft in drafts:
                profile = self.profile_of(draft)
                for act in self._enabled(draft, self.active(profile)):
                    if act.check.scope == "run" and (checks is None or act.rule.name in checks):
                        name = act.rule.name
                        runs.setdefault(name, act)
                        if name not in wanted and _relevant(act.check, draft):
                            wanted.add(name)
                yield draft

        def own(name: str, draft: Draft):
            """The draft's (active rule, profile) of rule `name`, None if it is not on
            (worked out for each finding: nothing is kept for each draft)."""
            profile = self.profile_of(draft)
            enabled = self._enabled(draft, self.active(profile))
            known = by_name.get(id(enabled))
            if known is None or known[0] is not enabled:
                known = by_name[id(enabled)] = (enabled, {a.rule.name: a for a in enabled})
            act = known[1].get(name)
            return (act, profile) if act is not None and act.check.scope == "run" else None

        # a rule of records only (`Check.records_only`) needs no pass over a run without
        # any (a run of only draft files; large runs read records in the parent alone)
        records = getattr(drafts, "has_records", None)  # (`parallel.Chain` knows)
        if records is None:
            records = isinstance(drafts, (list, tuple)) and any(key_of(d) != d.path
                                                                for d in drafts)
        checks = self._run_checks(records)
        if checks == {}:  # no profile compares drafts: no need to read them again
            return {}
        rider = next((name for name in sorted(checks, key=lambda n: self.catalog.rules[n].code)
                      if len(checks[name]) == 1), None) if checks else None

        def each_pass():
            if rider is not None:
                yield rider, next(iter(checks[rider])), _Again(noting(), drafts)
            else:
                for _ in noting():
                    pass
            for name, act in list(runs.items()):
                if name != rider and name in wanted:
                    yield name, act.check, drafts

        passes = each_pass()
        out: dict[str, list[Finding]] = {}
        for name, check, source in passes:
            try:
                for draft, match in check.check_run(source):
                    setting = own(name, draft)
                    if setting is not None:
                        out.setdefault(key_of(draft), []).append(
                            self._finding(draft, *setting, 0, match))
            except TimeoutError:
                self.errors.append(("<run>", f"rule {name}: a pattern search timed out"))
        return out

    def _run_checks(self, records: bool = True) -> dict[str, set] | None:
        """The compiled checks of each run rule, over every profile that has it (a rule
        whose options differ between profiles has several); None if a rule fails to
        compile (it is reported when a draft's profile needs it)."""
        checks: dict[str, set] = {}
        try:
            for settings in self._settings.values():
                for name, setting in settings.items():
                    rule = self.catalog.rules[name]
                    kind = self.catalog.types[rule.type]
                    if kind.scope == "run" and (records or not kind.records_only):
                        check = self._compile(rule, setting)
                        if check is not None:
                            checks.setdefault(name, set()).add(check)
        except Errors:
            return None
        return checks

    def _run(self, draft: Draft, act: Active, profile: str, post=None,
             check: Check | None = None) -> list[Finding]:
        """The findings of a check (`act`'s own unless given) on one post, or on the draft."""
        if self.timed_out and act.rule.name in self.timed_out:
            return []
        check = check or act.check
        try:
            self.budget.start(len(draft.text) if post is None else post.end - post.start)
            if post is not None:
                return [self._finding(draft, act, profile, post.start, m, check)
                        for m in check.check(post)]
            return [self._finding(draft, act, profile, 0, m, check)
                    for m in check.check_draft(draft)]
        except TimeoutError as exc:  # reported once; the rule is skipped for the rest of the run
            self.timed_out.add(act.rule.name)
            rule = f"rule {act.rule.name} ({act.rule.code})"
            if isinstance(exc, budget.Spent) and check.context.trusted:
                problem = (f"{exc} on this draft, which no built-in rule should; please "
                           "report it to postlint with the draft")
            else:  # (a user's pattern, stopped by its own search limit or the budget)
                problem = "a pattern search timed out; simplify the rule's pattern"
            self.errors.append((draft.path, f"{rule}: {problem} (the rule was stopped for "
                                            "this run)"))
        finally:
            self.budget.stop()
        return []

    def time_rules(self, timings: dict | None = None) -> dict[str, list]:
        """From now on, time every post and draft check: rule name -> [seconds, calls],
        added to `timings` if given (the linters of several configs share one). (The
        run then stays in one process, so the figures are all here.)"""
        import time

        self.timings = {} if timings is None else timings
        run = self._run

        def timed(draft, act, profile, post=None, check=None):
            began = time.perf_counter()
            try:
                return run(draft, act, profile, post, check)
            finally:
                spent = self.timings.setdefault(act.rule.name, [0.0, 0])
                spent[0] += time.perf_counter() - began
                spent[1] += 1

        self._run = timed
        return self.timings

    def finish(self, draft: Draft, found: list[Finding]) -> list[Finding]:
        """Apply suppression comments, then run the checks that report on them."""
        draft.suppressions = suppress.parse(draft, self.spellings)
        kept = suppress.apply(found, draft.suppressions)
        profile = self.profile_of(draft)
        if profile not in self._active_names:
            self._active_names[profile] = frozenset(
                n for a in self.active(profile) for n in (a.rule.name, a.rule.code))
        draft.active_rules, draft.known_rules = self._active_names[profile], self.known_rules
        draft.lint_profile = profile
        late = [act for act in self._enabled(draft, self.active(profile))
                if act.check.after_suppression]
        # a check that judges how suppressions were used (M001) goes last, when every
        # other finding has had its chance to use them
        late.sort(key=lambda act: act.check.judges_suppressions)
        with self.budget.watching():
            for act in late:
                kept += suppress.apply(self._run(draft, act, profile), draft.suppressions,
                                       named_only=True)  # `disable M001`
        return sort_findings(kept)

    def _finding(self, draft: Draft, act: Active, profile: str, base: int,
                 match: Match, check: Check | None = None) -> Finding:
        start, end = base + match.start, base + match.end
        fields, note = getattr(draft, "fields", None) or None, getattr(draft, "note", None)
        span = getattr(draft, "spans", {}).get(match.at) if match.at else None
        if span is not None:  # a record's other value, such as a calendar's date cell
            (line, column), (end_line, end_column) = span.locate(start), span.locate(end)
            quoted = " ".join(span.value[start:end].split())
            fields, note, start, end = span.fields or fields, span.note or note, 0, 0
        else:
            line, column = draft.position(start)
            end_line, end_column = draft.position(end)
            quoted = " ".join(draft.text[start:end].split())
        if len(quoted) > QUOTE_LIMIT:
            quoted = quoted[:QUOTE_LIMIT - 1] + "…"
        values = {**(check or act.check).opts, **match.values, "match": quoted}
        if match.platform:
            values["platform"] = match.platform
        return Finding(draft.path, line, column, end_line, end_column, act.rule.code,
                       act.rule.name, clamp(act.level, match), render(act.rule.message, values),
                       profile, match.replacement, match.platform, start, end,
                       fields, note, draft.key if hasattr(draft, "locate") else None)


class _Again:
    """The drafts for a rule that may pass over them more than once: `first` (a one-shot
    iterator over them) on its first pass, `drafts` read again on each later one."""

    def __init__(self, first, drafts: Iterable[Draft]):
        self.first, self.drafts = first, drafts

    def __iter__(self):
        first, self.first = self.first, None
        return first if first is not None else iter(self.drafts)


def key_of(draft: Draft) -> str:
    """What identifies a draft in a run: its path, or a record's own key (a calendar's
    rows share the file's path)."""
    return getattr(draft, "key", None) or draft.path


def _moved(draft: Draft, finding: Finding, shift: int) -> Finding:
    """A finding of a post that moved by `shift` characters, its text unchanged."""
    if not shift:
        return finding
    start, end = finding.start + shift, finding.end + shift
    (line, column), (end_line, end_column) = draft.position(start), draft.position(end)
    return replace(finding, path=draft.path, line=line, column=column, end_line=end_line,
                   end_column=end_column, start=start, end=end)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """A draft's findings in report order: by line, column, code and platform (in place)."""
    findings.sort(key=lambda f: (f.line, f.column, f.code, f.platform or ""))
    return findings


def render(message: str, values: dict) -> str:
    """Fill a rule's message (`load.template`); unknown placeholders stay as written."""
    return template.fill(message, values)


def clamp(level: str, match: Match) -> str:
    """The profile's level, raised to a match's `min_level` and capped at its `max_level`
    (a rule type sets those per entry, e.g. slurs always at error)."""
    low, high = match.min_level, match.max_level
    if low in LEVELS and LEVELS.index(level) < LEVELS.index(low):
        level = low
    if high in LEVELS and LEVELS.index(level) > LEVELS.index(high):
        level = high
    return level


def _relevant(check: Check, draft: Draft) -> bool:
    try:
        return check.relevant(draft)
    except TimeoutError:  # the run check reports it
        return True


def _not_disabled(draft: Draft, actives: list[Active]) -> list[Active]:
    """The rules the draft's front matter does not `disable`."""
    if not draft.front_matter.get("disable"):
        return actives
    return [act for act in actives if not _disabled(draft, act.rule)]


def _disabled(draft: Draft, rule: Rule) -> bool:
    # (as selectors name rules, which is how `disable` is checked: `ALL`, and a code in
    # lower case, passed the check and then turned nothing off)
    names = draft.front_matter.get("disable") or ()
    return any(selection.specificity(n, rule) for n in names)


def _display(path: str) -> str:
    """A config path as messages show it: relative to the current folder when below it."""
    relative = os.path.relpath(path)
    return path if relative.startswith(os.pardir) else relative


def _no_rule(selector: str, known, rules=None, packs=None) -> str:
    hint = _as_list(selector, rules) or _as_pack(selector, packs or {}) \
        or did_you_mean(selector, [*sorted(known), "ALL"])
    return f"{selector!r} names no rule" + (
        hint or " (use a code, a code prefix, a rule name or ALL)")


def _as_pack(selector: str, packs: dict) -> str:
    """` (it is a rule pack: ...)` for the name of a pack, which a config's `packs:`
    turns on; else ''."""
    pack = packs.get(str(selector).strip().lower())
    if pack is None:
        return ""
    return (f" ({pack.name!r} is a rule pack: turn it on with `packs: [{pack.name}]` in the "
            f"config or the draft's front matter, or select its rules: "
            f"{', '.join(sorted(pack.rules))})")


def _as_list(selector: str, rules) -> str:
    """` (write a list: [a, b])` for one string of several selectors (`shouting, T104`),
    as the command line takes them but a YAML list does not; else ''."""
    parts = [part for part in re.split(r"[\s,]+", selector) if part]
    if len(parts) < 2 or rules is None or selection.unknown(parts, rules):
        return ""
    return f" (several rules in one string; write a list: [{', '.join(parts)}])"


def _unknown_profile(name: str, profiles: dict) -> str:
    return f"unknown profile {name!r}" + (did_you_mean(name, sorted(profiles))
                                          or f" (known: {', '.join(sorted(profiles))})")


def config_reads(value) -> set[str]:
    """The config keys that rule options read through `{from: KEY}`, anywhere inside."""
    if isinstance(value, dict):
        if isinstance(value.get("from"), str):
            return {value["from"]}
        return set().union(*map(config_reads, value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*map(config_reads, value)) if value else set()
    return set()


def _unique(errors: list[ConfigError]) -> list[ConfigError]:
    seen, out = set(), []
    for error in errors:
        if str(error) not in seen:
            seen.add(str(error))
            out.append(error)
    return out
