"""What the server knows of the projects its documents belong to.

A project is a document's nearest config file (or none) and the folder whose drafts the
checks that compare drafts see: the workspace folder holding the document, or the
config's folder when that lies inside it. It holds the linter built from the config,
or the config's errors, the open documents as last linted, and the drafts on disk.

Linting a changed document runs the post and draft checks on it alone; the checks that
compare drafts then run over the project's drafts (open documents as typed, the others
as on disk), and any other open document whose findings they change is finished again.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..lint import discovery, files, phases
from ..load import config as configuration
from ..text.draft import Draft, DraftError
from ..lint.engine import Linter, key_of
from ..readers import Source
from ..lint.report import Finding
from ..load.yamlfile import ConfigError, Errors

CONFIG_NAMES = (*configuration.NAMES, "pyproject.toml")
MAX_DISK_DRAFTS = 20_000  # a workspace with more is not a folder of drafts


@dataclass
class Document:
    """An open document as last linted: a draft, or the records a reader (a calendar's)
    read from it."""

    path: str
    text: str
    drafts: list = field(default_factory=list)  # the draft, or the file's records
    reader: object = None  # the reader that read the records
    problems: list[str] = field(default_factory=list)  # what keeps parts from being linted
    own: dict = field(default_factory=dict)  # key -> post and draft checks' findings
    runs: dict = field(default_factory=dict)  # key -> findings of checks comparing drafts
    findings: list[Finding] = field(default_factory=list)  # as reported
    memo: dict = field(default_factory=dict)  # each post's findings (see Linter.check_draft)

    @property
    def draft(self) -> Draft | None:
        """The draft, when the document is one (not records)."""
        return self.drafts[0] if self.drafts and self.reader is None else None


class Project:
    """One config (or none) and the drafts it governs."""

    def __init__(self, config_path: Path | None, scan_root: Path | None):
        self.config_path, self.scan_root = config_path, scan_root
        self.errors: list[ConfigError] = []
        self.linter: Linter | None = None
        self.open: dict[str, Document] = {}
        self.messages: list[str] = []  # for the client's log (timeouts and the like)
        self._disk: dict[str, list] | None = None  # path -> drafts some run check wants
        self._stamp = _stamp(config_path)
        try:
            self.linter = phases.load(str(config_path) if config_path else None,
                                      isolated=config_path is None).linter
        except (Errors, ConfigError) as exc:
            self.errors = list(getattr(exc, "errors", [exc]))

    def stale(self) -> bool:
        """Whether the config file changed since it was read (for clients that do not
        report changes to files)."""
        return self._stamp != _stamp(self.config_path)

    # -- open documents ------------------------------------------------------------------

    def lint(self, path: str, text: str) -> list[Document]:
        """Lint a changed document; the open documents whose findings changed (it first)."""
        before = self.open.get(path)
        doc = Document(path, text, memo=before.memo if before else {})
        self.open[path] = doc
        if self.linter is None:
            doc.problems = [_cannot_lint(self)]
            return [doc]
        if len(text) > files.MAX_BYTES // 4 and len(text.encode("utf-8")) > files.MAX_BYTES:
            doc.problems = [f"more than the {files.MAX_BYTES // 1024 // 1024} MB a draft may "
                            "be; postlint does not lint it"]
            return self._finish(doc)
        try:
            doc.reader = self.reader_of(path)
            if doc.reader is None:
                doc.drafts = [phases.read_text(self.linter, path, text)]
            else:
                errors = []
                doc.drafts = list(phases.checked_records(self.linter, doc.reader.read(
                    Source(path, path, files.MAX_BYTES, text.encode("utf-8"))), errors))
                doc.problems = [message for _, message in errors]
            doc.own = {key_of(d): self.linter.check_draft(d, doc.memo if doc.reader is None
                                                          else None) for d in doc.drafts}
        except (DraftError, ValueError) as exc:
            doc.drafts, doc.problems = [], [str(exc)]
        except Errors as exc:  # a rule that fails only when compiled
            self.errors, self.linter = list(exc.errors), None
            doc.drafts, doc.problems = [], [_cannot_lint(self)]
            return [doc]
        return self._finish(doc)

    def reader_of(self, path: str):
        """The reader of a file writers edit (a calendar), else None (a draft). Readers
        of files that are never written (data exports) are left to the command."""
        reader = files.reader_of(path, self.linter.readers) if self.linter else None
        return reader if reader is not None and reader.writable else None

    def close(self, path: str) -> list[Document]:
        """Forget an open document (its file is read again); the documents that changed."""
        self.open.pop(path, None)
        return self.disk_changed(path)

    def disk_changed(self, path: str) -> list[Document]:
        """A draft file changed, appeared or went away; the open documents that changed."""
        if self._disk is None or self.linter is None:
            return []
        self._disk.pop(path, None)
        if path in self.open or not self._governs(path) or not os.path.isfile(path):
            return []
        wanted = self._read(path)
        if wanted:
            self._disk[path] = wanted
        return self._finish(None)

    def _finish(self, changed: Document | None) -> list[Document]:
        """Run the checks that compare drafts and finish the documents they changed."""
        try:
            runs = self.linter.check_runs(_Drafts(self))
        except (DraftError, ValueError) as exc:  # (drafts were checked when read)
            runs = {}
            self.messages.append(f"postlint: checks that compare drafts failed: {exc}")
        self.messages += [f"postlint: {path}: {message}" for path, message in self.linter.errors]
        self.linter.errors.clear()
        out = [changed] if changed is not None else []
        for doc in self.open.values():
            more = {key_of(d): runs.get(key_of(d), []) for d in doc.drafts}
            if doc is not changed and more == doc.runs:
                continue
            doc.runs = more
            doc.findings = [f for d in doc.drafts for f in
                            self.linter.finish(d, doc.own[key_of(d)] + more[key_of(d)])]
            if doc is not changed:
                out.append(doc)
        return out

    # -- drafts on disk -----------------------------------------------------------------

    def disk_drafts(self) -> dict[str, list]:
        """The drafts (and records) below the scan root that a check comparing drafts
        wants, by file (read once)."""
        if self._disk is None:
            self._disk = {}
            if self.scan_root is not None:
                config = self.linter.config
                scope = discovery.Scope.of(config, [r for r in self.linter.readers
                                                    if r.writable])
                names = discovery.discover([str(self.scan_root)], scope)
                for path in names[:MAX_DISK_DRAFTS]:
                    wanted = self._read(path)
                    if wanted:
                        self._disk[path] = wanted
        return self._disk

    def _read(self, path: str) -> list:
        try:
            reader = self.reader_of(path)
            read = files.read_all(path, readers=[reader] if reader else ())
            if reader is not None:
                read = phases.checked_records(self.linter, read, [])
            return [d for d in read if self.linter.wanted_again(d)]
        except (DraftError, ValueError):  # reported when the user opens it
            return []

    def _governs(self, path: str) -> bool:
        """Whether a file is one of the project's drafts on disk."""
        if self.scan_root is None or not _below(path, self.scan_root):
            return False
        config = self.linter.config
        name = os.path.basename(path)
        return any(fnmatch.fnmatch(name, g) for g in config.get("include") or
                   discovery.DRAFT_GLOBS) and not any(
            fnmatch.fnmatch(name, g) for g in config.get("exclude") or ())


class _Drafts:
    """The project's drafts for the checks that compare drafts, read lazily: the open
    documents as typed, then the files on disk that are not open."""

    def __init__(self, project: Project):
        self.project = project

    @property
    def has_records(self) -> bool:
        """Whether records are among them (rules of records only run then)."""
        return any(doc.reader for doc in self.project.open.values()) or any(
            key_of(d) != d.path for found in self.project.disk_drafts().values()
            for d in found)

    def __iter__(self):
        opened = self.project.open
        for doc in list(opened.values()):
            yield from doc.drafts
        for path, found in self.project.disk_drafts().items():
            if path not in opened:
                yield from found


class Projects:
    """The projects of a workspace, found for each document by its nearest config."""

    def __init__(self, folders: list[Path]):
        self.set_folders(folders)
        self._nearest: dict[Path, Path | None] = {}
        self._projects: dict[tuple, Project] = {}

    def set_folders(self, folders: list[Path]) -> None:
        """The workspace folders (the scan roots of the projects made from now on)."""
        self.folders = [Path(f).resolve() for f in folders]

    def of(self, path: str) -> Project:
        """The project of a document (a file path, or a URI for an unsaved one)."""
        is_file = os.path.isabs(path)
        folder = Path(path).parent if is_file else (self.folders[0] if self.folders
                                                      else Path.cwd())
        config_path = self._config_of(folder)
        workspace = next((f for f in self.folders if _below(str(folder), f)), None)
        scan_root = workspace
        if workspace is not None and config_path is not None and \
                _below(str(config_path.parent), workspace):
            scan_root = config_path.parent
        key = (config_path, scan_root)
        if key not in self._projects:
            self._projects[key] = Project(config_path, scan_root)
        return self._projects[key]

    def _config_of(self, folder: Path) -> Path | None:
        if folder not in self._nearest:
            self._nearest[folder] = configuration.discover(folder)
        return self._nearest[folder]

    def stale(self) -> bool:
        """Whether any project's config file changed since it was read."""
        return any(project.stale() for project in self._projects.values())

    def all(self) -> list[Project]:
        return list(self._projects.values())

    def reload(self) -> None:
        """Forget every config and linter (a config file changed); projects are made
        again as documents ask for them."""
        self._nearest.clear()
        self._projects.clear()

    def config_errors(self) -> dict[str, list[ConfigError]]:
        """The errors of every project's config and rules, by the file they are in
        ("" for those of no file, such as a plugin that cannot be loaded)."""
        out: dict[str, list[ConfigError]] = {}
        for project in self._projects.values():
            for error in project.errors:
                path = error.path if error.path and os.path.isabs(error.path) else ""
                found = out.setdefault(path, [])
                if str(error) not in map(str, found):
                    found.append(error)
        return out


def _stamp(path: Path | None):
    try:
        stat = path.stat() if path else None
    except OSError:
        return None
    return stat and (stat.st_size, stat.st_mtime_ns)


def is_config_file(path: str) -> bool:
    return os.path.basename(path) in CONFIG_NAMES


def _below(path: str, folder: Path) -> bool:
    try:
        return Path(path).resolve().is_relative_to(folder)
    except (OSError, ValueError):
        return False


def _cannot_lint(project: Project) -> str:
    first = project.errors[0] if project.errors else None
    more = len(project.errors) - 1
    where = f"{first}" if first else "the configuration has errors"
    return (f"postlint cannot lint this draft until the configuration is fixed: {where}"
            + (f" (and {more} more problem{'s' * (more != 1)})" if more > 0 else ""))
