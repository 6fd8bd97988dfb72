"""Everything the plugins offer, loaded once per run: rule types, rules, profiles,
functions and formats."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import plugins
from ..checks.base import Check
from ..load import builtin as builtin_rules, yamlfile
from ..load.profiles import Profile, parse_profile
from ..load.rules import Rule, load_folder
from ..load.yamlfile import ConfigError, Errors
from ..text import platforms as platform_data


@dataclass
class Catalog:
    types: dict[str, type[Check]] = field(default_factory=dict)
    rules: dict[str, Rule] = field(default_factory=dict)  # by name
    profiles: dict[str, Profile] = field(default_factory=dict)
    functions: dict = field(default_factory=dict)
    formats: dict = field(default_factory=dict)
    folders: list[Path] = field(default_factory=list)
    platforms: dict = field(default_factory=dict)  # name -> (raw mapping, Platform)

    @classmethod
    def load(cls, pm, extra_dirs=(), user_profiles=None, config_path: str = "") -> "Catalog":
        """Collect from the plugins, then read the rule folders; raise Errors on problems."""
        catalog = cls(
            types={t.type_name: t for t in plugins.collect(pm.hook.postlint_rule_types())},
            functions=plugins.merged(pm.hook.postlint_functions()),
            formats={f.name: f for f in plugins.collect(pm.hook.postlint_formats())},
        )
        catalog.folders = [Path(p) for p in plugins.collect(pm.hook.postlint_rule_dirs())]
        catalog.folders += [Path(p) for p in extra_dirs]
        errors: list[ConfigError] = []
        for folder in catalog.folders:
            if not folder.is_dir():
                errors.append(ConfigError(f"rule folder {str(folder)!r} does not exist",
                                          config_path or str(folder), None, "rule-dirs"))
                continue
            errors += catalog._add_rules(folder)
            errors += catalog._add_profiles(folder)
            errors += catalog._add_platforms(folder)
        for name, data in (user_profiles or {}).items():
            profile, problems = parse_profile(data, config_path, str(name))
            errors += [_prefixed(e, f"profiles.{name}") for e in problems]
            if profile:
                profile.key = f"profiles.{name}."
                catalog.profiles[profile.name] = profile
        if errors:
            raise Errors(errors)
        return catalog

    def _add_rules(self, folder: Path) -> list[ConfigError]:
        trusted = folder.resolve() == builtin_rules.folder()
        rules, errors = load_folder(folder, self.types, trusted)
        codes = {r.code: r for r in self.rules.values()}
        for rule in rules:
            other = self.rules.get(rule.name) or codes.get(rule.code)
            if other:
                errors.append(ConfigError(f"rule {rule.name} ({rule.code}) is already defined "
                                          f"at {other.location}", rule.path, rule.line, "name"))
                continue
            self.rules[rule.name] = rule
            codes[rule.code] = rule
        return errors

    def _add_profiles(self, folder: Path) -> list[ConfigError]:
        errors = []
        for path, data in yamlfile.load_each(sorted((folder / "profiles").glob("*.y*ml")),
                                             errors):
            profile, problems = parse_profile(data, str(path), None)
            errors += problems
            if profile:
                self.profiles[profile.name] = profile
        return errors


    def _add_platforms(self, folder: Path) -> list[ConfigError]:
        found, errors = platform_data.load_folder(folder)
        for name, (data, platform) in found.items():
            if name in self.platforms:
                errors.append(ConfigError(f"platform {name!r} is already defined at "
                                          f"{self.platforms[name][1].path} (change it under "
                                          "platform-settings in the config)", platform.path,
                                          platform.line, "name"))
                continue
            self.platforms[name] = (data, platform)
        return errors


def _prefixed(error: ConfigError, prefix: str) -> ConfigError:
    key = f"{prefix}.{error.key}" if error.key else prefix
    return ConfigError(error.message, error.path, error.line, key)
