"""Finding, reading and checking the user's configuration.

Looked for in a draft's folder and its parents: `.postlint.yaml`, `.postlint.yml`,
then `[tool.postlint]` in `pyproject.toml`. Keys are declared in `schema.SCHEMA`; paths
in the config are relative to the config file's folder.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import languages, regions, schema, tomllines, yamlfile
from .suggest import did_you_mean
from .yamlfile import ConfigError, Map, line_of

NAMES = (".postlint.yaml", ".postlint.yml")
_TOOL_TABLE = re.compile(rb"^[ \t]*\[\[?[ \t]*tool[ \t]*\.[ \t]*[\"']?([\w.-]+)", re.MULTILINE)

@dataclass
class Config:
    """The checked configuration and where it came from."""

    data: dict = field(default_factory=Map)
    path: str = ""
    root: Path = field(default_factory=Path.cwd)
    # unknown keys of open sections (brand, work): errors unless a rule reads them
    unknown: list = field(default_factory=list)

    def get(self, key, default=None):
        return self.data.get(key, default)

    def line(self, key) -> int:
        return line_of(self.data, key)


def discover(start: Path, memo: dict | None = None) -> Path | None:
    """The nearest config file in `start` or a parent folder; `memo` remembers the answer
    for each folder asked about (a walk asks for every folder)."""
    memo = {} if memo is None else memo
    key = str(start)
    if key not in memo:
        memo[key] = _here(start)
        if memo[key] is None and start.parent != start:
            memo[key] = discover(start.parent, memo)
    return memo[key]


def _here(folder: Path) -> Path | None:
    for name in NAMES:
        if (folder / name).is_file():
            return folder / name
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        try:
            text = yamlfile.read(pyproject)
            if b"[tool.postlint" in text or any(
                    misspelt(name.split(b".")[0].decode("utf-8", "replace"), False)
                    for name in _TOOL_TABLE.findall(text) if b"lint" in name.lower()):
                return pyproject
        except ConfigError:  # too large, or gone: `load` says what is wrong with it
            return pyproject
    return None


def load(path: Path | None, named: bool = False) -> Config:
    """Read and check a config file (None: an empty config; `named`: given with --config,
    not found). Raises yamlfile.Errors."""
    if path is None:
        return Config()
    if not named and path.name in NAMES:  # found: its sibling would be passed over quietly
        other = next((n for n in NAMES if n != path.name and (path.parent / n).is_file()), None)
        if other:
            raise yamlfile.Errors([ConfigError(
                f"{other} is in the same folder, and only one of them is read; merge them "
                "into one file", str(path))])
    if path.name == "pyproject.toml":
        data = _from_pyproject(path, named)
    elif named and path.suffix.lower() == ".toml":  # (read as YAML, it says "invalid YAML")
        raise yamlfile.Errors([ConfigError(
            "postlint reads TOML only from a pyproject.toml's [tool.postlint] table; name "
            "that file, or write this one as YAML (.postlint.yaml)", str(path))])
    else:
        try:
            data = yamlfile.load(path, keep=True)
        except ConfigError as exc:
            raise _as_toml(path) or exc from None
    if data is None:
        data = Map()
    if not isinstance(data, dict):
        raise _as_toml(path) or yamlfile.Errors([ConfigError("expected a mapping of settings",
                                                             str(path), 1)])
    unknown: list[ConfigError] = []
    errors = schema.check(data, str(path), unknown=unknown)
    if isinstance(data.get("links"), dict):
        errors += _utm_problems(data["links"], str(path))
    if isinstance(data.get("lang"), str) and languages.problem(data["lang"]):
        errors.append(ConfigError(languages.problem(data["lang"]), str(path),
                                  line_of(data, "lang"), "lang"))
    if isinstance(data.get("regions"), list):
        errors += [ConfigError(regions.problem(code), str(path), line_of(data["regions"], i,
                                                                         line_of(data, "regions")),
                               f"regions[{i}]")
                   for i, code in enumerate(data["regions"]) if regions.problem(code)]
    for key in ("include", "exclude", "extend-exclude"):
        if isinstance(data.get(key), list):
            errors += [ConfigError(problem, str(path), line_of(data[key], i, line_of(data, key)),
                                   f"{key}[{i}]")
                       for i, glob in enumerate(data[key])
                       for problem in [_glob_problem(str(glob), key)] if problem]
    if errors:
        raise yamlfile.Errors(errors)
    return Config(data, str(path), path.parent, unknown)


# what a glob of `include` that names a file type alone (`md`, `.md`) meant: it matched
# only a file of that very name, and a folder's drafts were all passed over
_FILE_TYPES = ("md", "markdown", "mdx", "txt", "text", "csv", "tsv", "json", "js", "zip")


def _glob_problem(glob: str, key: str) -> str | None:
    """What is wrong with one glob of include, exclude or extend-exclude, or None."""
    if not glob.strip() or not glob.strip("/. "):
        return (f"expected a glob such as '*.md' or 'drafts/old', got {glob!r}, which "
                f"{'matches nothing' if key == 'include' else 'excludes nothing'}")
    parts = [part for part in re.split(r"\s*,\s*", glob.strip()) if part]
    if len(parts) > 1 and all("*" in part for part in parts):
        return (f"several globs in one string; write a list: "
                f"[{', '.join(repr(part) for part in parts)}]")
    if key == "include" and not any(c in glob for c in "*?[/"):
        ext = glob.lstrip(".").lower()
        if glob.startswith(".") or ext in _FILE_TYPES:
            return (f"{glob!r} matches only a file named {glob!r}, not the files of that "
                    f"type (did you mean '*.{glob.lstrip('.')}'?)")
    return None


_TOML_LINE = re.compile(r"\[[\w.\"' -]+\]|[\w.\"'-]+\s*=\s*\S")


def _as_toml(path: Path) -> ConfigError | None:
    """The mistake of a YAML config written as TOML (`[tool.postlint]`, `key = "value"`),
    which YAML reads as no mapping or not at all; None for a file that is not."""
    try:
        text = yamlfile.decode(yamlfile.read(path), path)
    except ConfigError:
        return None
    for number, row in enumerate(text.splitlines(), 1):
        row = row.strip()
        if row and not row.startswith("#"):
            if _TOML_LINE.fullmatch(row) or (_TOML_LINE.match(row) and "=" in row
                                              and ":" not in row.split("=", 1)[0]):
                return ConfigError(f"{path.name} is YAML (key: value), and this is TOML; write "
                                   "it as YAML, or put it in pyproject.toml under "
                                   "[tool.postlint]", str(path), number)
            return None
    return None


def _utm_problems(links: dict, path: str) -> list[ConfigError]:
    """`links.utm`: a list of parameter names, or name -> allowed value(s) (null: any)."""
    utm, line = links.get("utm"), line_of(links, "utm")
    if utm is None:
        return []
    if isinstance(utm, list):
        return [ConfigError(f"expected a parameter name, got {name!r}", path,
                            line_of(utm, i, line), f"links.utm[{i}]")
                for i, name in enumerate(utm) if not isinstance(name, str)]
    if isinstance(utm, dict):
        return [ConfigError("expected a value, a list of values or null (any value), got "
                            f"{allowed!r}", path, line_of(utm, name, line), f"links.utm.{name}")
                for name, allowed in utm.items() if allowed is not None and not all(
                    isinstance(v, (str, int)) for v in (allowed if isinstance(allowed, list)
                                                        else [allowed]))]
    return [ConfigError("expected a list of parameter names, or a mapping of name -> allowed "
                        f"values, got {utm!r}", path, line, "links.utm")]


def _from_pyproject(path: Path, named: bool = False) -> Map:
    """The [tool.postlint] table; `named` (with --config): a file without one is a mistake,
    not the defaults."""
    if sys.version_info >= (3, 11):  # (imported here: most runs read no pyproject.toml)
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    text = yamlfile.decode(yamlfile.read(path), path)
    try:
        tools = tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError as exc:
        said, line = tomllines.decode_error(text, str(exc))
        raise yamlfile.Errors([ConfigError(said, str(path), line)]) from None
    if not isinstance(tools, dict):
        tools = {}
    for name in tools:  # found for its `[tool.postlint...`, or a table like it: misspelt?
        if misspelt(str(name), "postlint" in tools):
            line = next((n for n, row in enumerate(text.splitlines(), 1)
                         if row.strip().startswith(f"[tool.{name}")), 0)
            raise yamlfile.Errors([ConfigError(
                "unknown table (did you mean [tool.postlint]?); postlint reads only that "
                "one, so none of these settings would apply", str(path), line,
                f"tool.{name}")])
    if named and "postlint" not in tools:
        raise yamlfile.Errors([ConfigError(
            "no [tool.postlint] table: --config names a file without postlint settings",
            str(path))])
    table = tools.get("postlint", {})
    header = next((n for n, line in enumerate(text.splitlines(), 1)
                   if line.strip().startswith("[tool.postlint")), 0)
    return tomllines.with_lines(table, tomllines.lines(text), ("tool", "postlint"), header)


def misspelt(name: str, beside_postlint: bool) -> bool:
    """Whether a `[tool.NAME]` table of pyproject.toml must be meant as `[tool.postlint]`
    (`postlintt`, `post-lint`, `Postlint`); beside a `[tool.postlint]`, only a name that
    differs from it in case or separators is (a plugin may read `[tool.postlint-acme]`)."""
    if name == "postlint":
        return False
    if re.sub(r"[-_.\s]", "", name.lower()) == "postlint":
        return True
    return not beside_postlint and (name.startswith("postlint")
                                    or bool(did_you_mean(name, ["postlint"], 0.8)))
