"""Finding, reading and checking the user's configuration.

Looked for in the current folder and its parents: `.postlint.yaml`, `.postlint.yml`,
then `[tool.postlint]` in `pyproject.toml`. Keys are listed in `KEYS`; paths in the config
are relative to the config file's folder.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import yamlfile
from .rules import LEVELS
from .yamlfile import ConfigError, Map, line_of

NAMES = (".postlint.yaml", ".postlint.yml")

# key -> (expected kind, help)
KEYS = {
    "profile": (str, "audience profile for drafts that do not name one"),
    "platform": (str, "platform of drafts that do not name one"),
    "platforms": (list, "platforms of drafts that do not name any (cross-posting)"),
    "select": (list, "only these rules (codes, code prefixes or names)"),
    "extend-select": (list, "these rules on top of the profile's"),
    "ignore": (list, "never these rules"),
    "fail-on": (str, "lowest level that makes the run fail: error, warning or info"),
    "rule-dirs": (list, "extra folders of YAML rules and profiles"),
    "include": (list, "globs of drafts to lint inside folders (default *.md, *.markdown, *.txt)"),
    "exclude": (list, "globs of files and folders to skip"),
    "brand": (dict, "brand vocabulary that brand rules read"),
    "work": (dict, "employer, clients and codenames that risk rules read"),
    "rules": (dict, "per-rule level (or off) and options: name: {level: ..., option: ...}"),
    "platform-settings": (dict, "add or change platforms: name: {extends: ..., length: ...}"),
    "profiles": (dict, "your own profiles: name: {extends: ..., rules: {...}}"),
    "plugins": (dict, "which plugin wins a clash: prefer: {NAME: DISTRIBUTION}"),
}
_KIND_NAMES = {str: "a string", list: "a list", dict: "a mapping"}


@dataclass
class Config:
    """The checked configuration and where it came from."""

    data: dict = field(default_factory=Map)
    path: str = ""
    root: Path = field(default_factory=Path.cwd)

    def get(self, key, default=None):
        return self.data.get(key, default)

    def line(self, key) -> int:
        return line_of(self.data, key)


def discover(start: Path) -> Path | None:
    """The nearest config file in `start` or a parent folder."""
    for folder in (start, *start.parents):
        for name in NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                if b"[tool.postlint" in yamlfile.read(pyproject):
                    return pyproject
            except ConfigError:  # too large, or gone: `load` says what is wrong with it
                return pyproject
    return None


def load(path: Path | None) -> Config:
    """Read and check a config file (None: an empty config). Raises yamlfile.Errors."""
    if path is None:
        return Config()
    if path.name == "pyproject.toml":
        data = _from_pyproject(path)
    else:
        data = yamlfile.load(path, keep=True)
    if data is None:
        data = Map()
    if not isinstance(data, dict):
        raise yamlfile.Errors([ConfigError("expected a mapping of settings", str(path), 1)])
    errors = []
    for key, value in data.items():
        line = line_of(data, key)
        if key not in KEYS:
            errors.append(ConfigError(f"unknown key (known: {', '.join(KEYS)})", str(path),
                                      line, str(key)))
            continue
        kind = KEYS[key][0]
        if kind is list and isinstance(value, str):
            data[key] = value = [value]
        if not isinstance(value, kind):
            errors.append(ConfigError(f"expected {_KIND_NAMES[kind]}, got {value!r}",
                                      str(path), line, key))
    if data.get("fail-on") not in (None, *LEVELS):
        errors.append(ConfigError(f"expected one of {', '.join(LEVELS)}, got "
                                  f"{data.get('fail-on')!r}", str(path),
                                  line_of(data, "fail-on"), "fail-on"))
    if errors:
        raise yamlfile.Errors(errors)
    return Config(data, str(path), path.parent)


def _from_pyproject(path: Path) -> Map:
    if sys.version_info >= (3, 11):  # (imported here: most runs read no pyproject.toml)
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    text = yamlfile.decode(yamlfile.read(path), path)
    try:
        table = tomllib.loads(text).get("tool", {}).get("postlint", {})
    except tomllib.TOMLDecodeError as exc:
        raise yamlfile.Errors([ConfigError(f"invalid TOML: {exc}", str(path))]) from None
    header = next((n for n, line in enumerate(text.splitlines(), 1)
                   if line.strip().startswith("[tool.postlint")), 0)
    return _with_lines(table, header)


def _with_lines(value, line: int):
    """TOML carries no positions: give every mapping the line of the [tool.postlint] table."""
    if isinstance(value, dict):
        result = Map({k: _with_lines(v, line) for k, v in value.items()})
        result.line, result.lines = line, {k: line for k in value}
        return result
    if isinstance(value, list):
        return [_with_lines(v, line) for v in value]
    return value
