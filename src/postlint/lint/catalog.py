"""Everything the plugins offer, loaded once per run: rule types, rules, profiles,
functions and formats."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import plugins
from ..checks.base import Check, contract_problems
from ..load import builtin, yamlfile
from ..load.packs import Pack, parse_pack
from ..load.profiles import Profile, parse_profile
from ..load.rules import Rule, load_folder
from ..load.suggest import did_you_mean
from ..load.yamlfile import ConfigError, Errors
from ..readers import Reader
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
    readers: dict = field(default_factory=dict)  # name -> Reader subclass
    packs: dict[str, Pack] = field(default_factory=dict)

    owners: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, name) -> owner
    prefer: dict = field(default_factory=dict)  # name -> the distribution that wins a clash

    @classmethod
    def load(cls, pm, extra_dirs=(), user_profiles=None, config_path: str = "",
             prefer=None) -> "Catalog":
        """Collect from the plugins, then read the rule folders; raise Errors on problems.

        Two plugins offering the same rule type, function, format or rule code are an
        error naming both, unless `prefer` (the config's `plugins.prefer`) maps the name
        to the distribution that wins."""
        catalog = cls(prefer=dict(prefer or {}))
        errors: list[ConfigError] = []
        for owner, offered in plugins.offers(pm, "postlint_rule_types"):
            for check_type in offered:
                problems = contract_problems(check_type)
                name = getattr(check_type, "type_name", "") or repr(check_type)
                if problems:
                    errors += [ConfigError(f"rule type {name!r} of {owner} {problem}",
                                           "<plugins>") for problem in problems]
                else:
                    errors += catalog._offer("rule type", catalog.types, name, check_type, owner)
        for owner, offered in plugins.offers(pm, "postlint_functions"):
            for name, function in (offered or {}).items():
                errors += catalog._offer("function", catalog.functions, name, function, owner)
        for owner, offered in plugins.offers(pm, "postlint_formats"):
            for format_type in offered:
                errors += catalog._offer("format", catalog.formats, format_type.name,
                                         format_type, owner)
        for owner, offered in plugins.offers(pm, "postlint_readers"):
            for reader in offered:
                if not (isinstance(reader, type) and issubclass(reader, Reader)) or \
                        not reader.name or not callable(getattr(reader, "read", None)):
                    errors.append(ConfigError(f"reader {reader!r} of {owner} is not a "
                                              "postlint.readers.Reader subclass with a name",
                                              "<plugins>"))
                    continue
                errors += catalog._offer("reader", catalog.readers, reader.name, reader, owner)
        folders = [(Path(p), owner) for owner, offered in plugins.offers(pm, "postlint_rule_dirs")
                   for p in offered]
        folders += [(Path(p), "rule-dirs (the config's)") for p in extra_dirs]
        catalog.folders = [folder for folder, _ in folders]
        for folder, owner in folders:
            if not folder.is_dir():
                errors.append(ConfigError(f"rule folder {str(folder)!r} does not exist",
                                          config_path or str(folder), None, "rule-dirs"))
                continue
            errors += catalog._add_rules(folder, owner)
            errors += catalog._add_profiles(folder)
            errors += catalog._add_platforms(folder)
            errors += catalog._add_packs(folder)
        for name, data in (user_profiles or {}).items():
            profile, problems = parse_profile(data, config_path, str(name))
            errors += [_prefixed(e, f"profiles.{name}") for e in problems]
            if profile:
                profile.key = f"profiles.{name}."
                catalog.profiles[profile.name] = profile
        errors += catalog._prefer_problems(prefer, config_path)
        if errors:
            raise Errors(errors)
        return catalog

    def _prefer_problems(self, prefer, config_path: str) -> list[ConfigError]:
        """`plugins.prefer` entries that settle nothing: a name nothing offers (a typo,
        `existance`), or a distribution that does not offer it, would be passed over and
        leave the clash, or the choice, other than the config says."""
        errors = []
        codes = {rule.code: rule for rule in self.rules.values()}
        for name, chosen in (prefer or {}).items():
            name = str(name)
            rule = self.rules.get(name) or codes.get(name)
            offered = {plugins.distribution(owner) for (kind, offered_name), owner
                       in self.owners.items() if offered_name == name and kind != "rule"}
            if rule is not None:
                offered.add(plugins.distribution(self.owners[("rule", rule.code)]))
            line, key = yamlfile.line_of(prefer, name), f"plugins.prefer.{name}"
            if not offered:
                known = sorted({n for _, n in self.owners} | set(self.rules))
                errors.append(ConfigError(
                    f"no rule type, format, function, reader or rule is named {name!r}"
                    + (did_you_mean(name, known) or "") + "; postlint would prefer nothing",
                    config_path, line, key))
            elif chosen not in offered:
                errors.append(ConfigError(
                    f"{chosen!r} offers no {name!r}" + (did_you_mean(str(chosen), sorted(offered))
                                                        or "")
                    + f"; it is offered by {', '.join(sorted(offered))}: name one of them, or "
                    "remove the entry", config_path, line, key))
        return errors

    def _offer(self, kind: str, offered: dict, name: str, item, owner: str) -> list:
        """Add what `owner` offers under `name`, or the clash with who offered it first."""
        first = self.owners.get((kind, name))
        if first is None or self._wins(name, owner, first):
            offered[name] = item
            self.owners[(kind, name)] = owner
            return []
        if self._wins(name, first, owner):
            return []
        return [ConfigError(f"{kind} {name!r} is offered by both {first} and {owner}; choose "
                            f"one with plugins: {{prefer: {{{name}: DISTRIBUTION}}}} in the "
                            "config", "<plugins>")]

    def _wins(self, name: str, owner: str, other: str) -> bool:
        """Whether the config prefers `owner`'s `name` to `other`'s."""
        chosen = self.prefer.get(name)
        return bool(chosen) and plugins.distribution(owner) == chosen \
            and plugins.distribution(other) != chosen

    def _add_rules(self, folder: Path, owner: str) -> list[ConfigError]:
        trusted = folder.resolve() == builtin.folder()
        rules, errors = load_folder(folder, self.types, trusted)
        codes = {r.code: r for r in self.rules.values()}
        for rule in rules:
            other = self.rules.get(rule.name) or codes.get(rule.code)
            if other:
                first = self.owners[("rule", other.code)]
                if self._wins(rule.code, owner, first) or self._wins(rule.name, owner, first):
                    del self.rules[other.name], codes[other.code]
                else:
                    if owner == first:
                        errors.append(ConfigError(f"rule {rule.name} ({rule.code}) is already "
                                                  f"defined at {other.location}", rule.path,
                                                  rule.line, "name"))
                    elif not (self._wins(other.code, first, owner)
                              or self._wins(other.name, first, owner)):
                        errors.append(ConfigError(
                            f"rule {rule.name} ({rule.code}) of {owner} is already defined "
                            f"at {other.location} by {first}; choose one with plugins: "
                            f"{{prefer: {{{rule.code}: DISTRIBUTION}}}} in the config",
                            rule.path, rule.line, "name"))
                    continue
            self.rules[rule.name] = rule
            codes[rule.code] = rule
            self.owners[("rule", rule.code)] = owner
        return errors

    def _add_profiles(self, folder: Path) -> list[ConfigError]:
        errors = []
        shipped = folder.resolve() == builtin.folder()
        for path, data in yamlfile.load_each(sorted((folder / "profiles").glob("*.y*ml")),
                                             errors, folder):
            profile, problems = parse_profile(data, str(path), None)
            errors += problems
            if profile:
                profile.shipped = shipped
                self.profiles[profile.name] = profile
        return errors


    def _add_packs(self, folder: Path) -> list[ConfigError]:
        errors = []
        for path, data in yamlfile.load_each(sorted((folder / "packs").glob("*.y*ml")), errors):
            pack, problems = parse_pack(data, str(path))
            errors += problems
            if pack:
                self.packs[pack.name] = pack
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
