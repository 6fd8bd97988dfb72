"""Which files are drafts: the files named, and the drafts found below named folders,
as ruff finds Python files (a folder a reader claims, such as an unpacked data export,
is one input).

Below a folder, a file is a draft when it fits the `include` globs (default `*.md`,
`*.markdown`, `*.txt`) of the config that applies to its folder, and is skipped when
that config's `exclude` (default `DEFAULT_EXCLUDE`) plus `extend-exclude` globs fit it or
a folder above it, or when a `.gitignore` of its git work tree (or `.git/info/exclude`)
ignores it (`respect-gitignore: false` or `--no-ignore` turn that off). Hidden folders
are skipped. Files and folders named on the command line are linted whatever those say,
unless `--force-exclude` (or `force-exclude: true`), as pre-commit, which names every
staged file, needs.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re
import stat
from dataclasses import dataclass
from typing import Callable

from ..load import filesystem

DRAFT_GLOBS = ("*.md", "*.markdown", "*.txt")
# What a content repository holds besides drafts: its own documents and tools' folders.
DEFAULT_EXCLUDE = (
    "README*", "CHANGELOG*", "CHANGES*", "CONTRIBUTING*", "CODE_OF_CONDUCT*", "LICENSE*",
    "SECURITY*", "node_modules", "venv", "site-packages", "__pycache__", "_site", "dist",
    "build",
)
GITIGNORE_LIMIT = 1024 * 1024  # bytes of a .gitignore read


@dataclass(frozen=True)
class Scope:
    """What one config says about which files are drafts (paths relative to `root`)."""

    root: str
    include: tuple = DRAFT_GLOBS
    exclude: tuple = ()
    gitignore: bool = True
    force_exclude: bool = False
    readers: tuple = ()  # readers of other inputs (calendars, data exports)
    # the default `include` and `exclude` fit names in any case (NOTES.MD, readme.md), as
    # a named file's reader takes them; a config's own globs are matched as written
    include_any_case: bool = True
    exclude_any_case: tuple = ()  # the default exclude, when `exclude` is not given

    @classmethod
    def of(cls, config, readers=()) -> "Scope":
        """The scope of a config; without `include`, drafts and the files of the readers
        that want to be found in folders (`Reader.in_folders`)."""
        exclude, root = config.get("exclude"), os.path.abspath(config.root)
        include = _globs(config.get("include"), root) or DRAFT_GLOBS + tuple(
            p for reader in readers if reader.in_folders() for p in reader.patterns)
        return cls(root, include,
                   (() if exclude is None else _globs(exclude, root))
                   + _globs(config.get("extend-exclude"), root),
                   config.get("respect-gitignore", True) is not False,
                   bool(config.get("force-exclude")), tuple(readers),
                   not _globs(config.get("include"), root),
                   DEFAULT_EXCLUDE if exclude is None else ())


def discover(paths: list[str], scopes: Scope | Callable[[str], Scope], no_ignore: bool = False,
             force_exclude: bool = False, skipped: list | None = None) -> list[str]:
    """Files to lint, in order, without repeats. `scopes` is one Scope or gives the Scope
    of an absolute folder (the nearest config's).

    What is not a draft to read is left out, with the reason in `skipped` as
    `(path, reason)`: below a folder, what is not a regular file (a FIFO, socket or
    device); anywhere, a symbolic link to a file outside the folder being linted (the
    folder named, or the current folder for a named file)."""
    skipped = [] if skipped is None else skipped
    scope_of = scopes if callable(scopes) else (lambda folder: scopes)
    cwd = os.getcwd()  # (once: each call is a system call)
    ignores = None if no_ignore else GitIgnores()
    found: list[str] = []

    def left_out(path: str, full: str, name: str, scope: Scope, is_dir: bool) -> bool:
        return (_excluded(path, full, name, scope)
                or bool(ignores and scope.gitignore and ignores.ignored(full, is_dir)))

    for given in paths:
        if given == "-":
            found.append(given)
            continue
        full = os.path.normpath(os.path.join(cwd, given))
        is_dir = os.path.isdir(given)
        scope = scope_of(full if is_dir else os.path.dirname(full))
        if (force_exclude or scope.force_exclude) and _forced_out(given, full, is_dir, scope,
                                                                  ignores):
            continue
        if not is_dir or any(reader.claims(given) for reader in scope.readers):
            reason = not is_dir and outside(given, cwd)
            if reason:
                skipped.append((given, reason))
            else:  # (a folder a reader claims, such as a data export, is one input)
                found.append(given)
            continue
        for folder, dirs, files in os.walk(given):
            at = os.path.normpath(os.path.join(cwd, folder)) + os.sep
            here = scope_of(at[:-1])
            dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                             and not left_out(os.path.join(folder, d), at + d, d, here, True))
            for name in sorted(files):
                path = os.path.join(folder, name)
                if (_matches(path, at + name, name, here.include, here.root,
                             here.include_any_case)
                        and not left_out(path, at + name, name, here, False)):
                    reason = _not_a_draft(path, given)
                    if reason:
                        skipped.append((path, reason))
                    else:
                        found.append(path)
    return list(dict.fromkeys(found))


def _not_a_draft(path: str, folder: str) -> str | None:
    """Why a file found below `folder` is no draft to read (None: it may be one; one
    that cannot be looked at is read, and the reading reports it)."""
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):  # (a walk meets few links: look at those only)
            reason = outside(path, folder)
            if reason:
                return reason
            info = os.stat(path)
    except OSError:
        return None
    what = filesystem.kind(info.st_mode)
    return what and f"{what}, not a regular file"


def outside(path: str, folder: str) -> str | None:
    """Why `path` is not read: it is a symbolic link to a file outside `folder` (and
    outside its own folder), which a draft from someone else must not make postlint
    show or rewrite."""
    if not os.path.islink(path):
        return None
    real = os.path.realpath(path)
    for top in {os.path.realpath(folder), os.path.realpath(os.path.dirname(path) or ".")}:
        if real.startswith(top.rstrip(os.sep) + os.sep):
            return None
    return "a symbolic link to a file outside the folder being linted"


def _forced_out(given: str, full: str, is_dir: bool, scope: Scope, ignores) -> bool:
    """With --force-exclude: whether a named path, or a folder above it below the config's
    folder, is excluded or ignored."""
    path, is_folder = full, is_dir
    while True:
        if _excluded(given if path == full else path, path, os.path.basename(path), scope):
            return True
        if ignores and scope.gitignore and ignores.ignored(path, is_folder):
            return True
        parent = os.path.dirname(path)
        if parent == path or not parent.startswith(scope.root + os.sep):
            return False
        path, is_folder = parent, True


def _excluded(path: str, full: str, name: str, scope: Scope) -> bool:
    """Whether `exclude` and `extend-exclude` (the default list in any case) fit a path."""
    return (_matches(path, full, name, scope.exclude, scope.root)
            or _matches(path, full, name, scope.exclude_any_case, scope.root, True))


def _matches(path: str, full: str, name: str, globs: tuple, top: str,
             any_case: bool = False) -> bool:
    """Whether the `name` of `path` (absolute: `full`), or its path relative to the folder
    `top` (else as given), fits a glob (a folder glob also fits what is below it);
    `any_case`: in upper or lower case alike."""
    if not globs:
        return False
    names, paths = _compiled(globs, any_case)
    if names.match(name):  # (the usual case: no path needed)
        return True
    if paths is None:
        return False
    relative = full[len(top) + 1:] if full.startswith(top + os.sep) else path
    return bool(paths.match(relative.replace(os.sep, "/")))


def _globs(given, root: str = "") -> tuple:
    """A config's globs as they are matched: relative to its folder, so `./drafts/old`
    is `drafts/old`, and the folder's own path written before it (`/home/me/posts/old`)
    goes too; a folder written as .gitignore writes it, `old/`, is `old`, and one
    anchored to the config's folder, `/old`, stays anchored (each matched nothing, and
    excluded nothing)."""
    out = []
    for glob in given or ():
        glob = str(glob)
        if root and glob.startswith(root.rstrip("/") + "/"):
            glob = glob[len(root.rstrip("/")):]  # (still anchored: `/old`)
        while glob.startswith("./"):
            glob = glob[2:]
        if glob.endswith("/") and glob.strip("/"):
            glob = glob.rstrip("/")
        out.append(glob)
    return tuple(out)


@functools.lru_cache(maxsize=64)
def _compiled(globs: tuple, any_case: bool = False):
    """One pattern for names (the globs without `/`) and one for relative paths (those with a
    `/`, also followed by `/*`; a leading `/` anchors it to the config's folder, as
    every glob with a `/` is). A glob without `/` fits a path through its name, or
    through a folder's name: walks prune such folders, --force-exclude checks them."""
    names = re.compile("|".join(fnmatch.translate(g) for g in globs if "/" not in g)
                       or "(?!)", re.IGNORECASE if any_case else 0)
    nested = [g.lstrip("/") for g in globs if "/" in g.rstrip("/")]
    paths = re.compile("|".join(fnmatch.translate(p) for g in nested
                                for p in (g, g.rstrip("/") + "/*"))) if nested else None
    return names, paths


class GitIgnores:
    """What the `.gitignore` files of a git work tree and its `.git/info/exclude` ignore,
    as git reads them: the deepest file with a matching pattern decides, the last
    matching pattern in it wins (`!` re-includes). Outside a work tree nothing is
    ignored. The patterns are compiled by pathspec, imported when one is first found."""

    def __init__(self):
        self._roots: dict[str, str | None] = {}
        self._specs: dict[str, object] = {}
        self._chains: dict[str, list] = {}

    def root(self, folder: str) -> str | None:
        """The work tree (the folder holding `.git`) that `folder` is in, or None."""
        if folder not in self._roots:
            parent = os.path.dirname(folder)
            if os.path.exists(os.path.join(folder, ".git")):
                self._roots[folder] = folder
            else:
                self._roots[folder] = None if parent == folder else self.root(parent)
        return self._roots[folder]

    def ignored(self, path: str, is_dir: bool) -> bool:
        """Whether the absolute `path` is ignored (its folders are walked or checked first)."""
        relative_dir = "/" if is_dir else ""
        for cut, spec, any_pattern in self._chain(os.path.dirname(path)):
            relative = path[cut:].replace(os.sep, "/") + relative_dir
            if any_pattern.match(relative):  # (most paths fit no pattern: one search)
                verdict = spec.check_file(relative).include
                if verdict is not None:
                    return verdict
        return False

    def _chain(self, folder: str) -> list:
        """(length of the folder's path and separator, spec, its patterns in one regex) of
        each folder from `folder` up to its work tree's top that has patterns."""
        if folder not in self._chains:
            top = self.root(folder)
            chain = []
            if top is not None:
                compiled = self._spec(folder, top)
                if compiled is not None:
                    chain.append((len(folder.rstrip(os.sep)) + 1, *compiled))
                if folder != top:
                    chain += self._chain(os.path.dirname(folder))
            self._chains[folder] = chain
        return self._chains[folder]

    def _spec(self, folder: str, top: str):
        if folder not in self._specs:
            lines = _lines(os.path.join(folder, ".gitignore"))
            if folder == top:
                lines = _lines(os.path.join(top, ".git", "info", "exclude")) + lines
            spec = None
            if lines:
                import pathspec  # (only when a walk meets a .gitignore)

                spec = pathspec.GitIgnoreSpec.from_lines(lines)
                patterns = [p.regex.pattern.replace("(?P<ps_d>", "(?:") for p in spec.patterns
                            if p.include is not None and getattr(p, "regex", None) is not None]
                spec = (spec, re.compile("|".join(patterns) or "(?!)"))
            self._specs[folder] = spec
        return self._specs[folder]


def _lines(path: str) -> list[str]:
    try:
        data = filesystem.read_bytes(path, GITIGNORE_LIMIT)
    except OSError:  # (none, or not a regular file, or too large: nothing ignored)
        return []
    lines = data.decode("utf-8", "replace").splitlines()
    return lines if any(line.strip() and not line.startswith("#") for line in lines) else []
