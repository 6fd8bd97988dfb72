"""`postlint-lsp`: postlint as a language server over standard input and output.

Documents (Markdown and text drafts, and calendars through their reader) are linted
when opened and saved, and a moment after each change (debounced:
only the changed document is linted again; the checks that compare drafts see the
workspace's drafts). Findings become diagnostics; the server offers their fixes and
suppression comments as code actions, explains a finding on hover, and shows each post's
length on its platforms as an inlay hint (or a code lens). Config files are watched:
when one changes, every open document is linted again under the new config, and the
config's errors are shown on the file they are in.

Initialization options (all optional):

    rulesUrl   where docs/rules.md is, for the links of diagnostics (default: the copy
               installed with postlint)
    lengths    "inlay-hint" (default), "code-lens" or "off"
    debounce   milliseconds to wait after a change before linting (default 200)
"""

from __future__ import annotations

import asyncio
import os
from fnmatch import fnmatch
import sys
from pathlib import Path

from lsprotocol import types as lsp
from pygls import uris
from pygls.lsp.server import LanguageServer

from .. import __version__
from ..lint import discovery
from ..load import cache
from .answers import FIX_ALL, Answers, config_diagnostics, rules_doc
from .projects import Document, Project, Projects, is_config_file

DEBOUNCE = 0.2  # seconds after a change before the document is linted
DRAFT_LANGUAGES = ("markdown", "plaintext", "text")
WATCHED = ("**/.postlint.yaml", "**/.postlint.yml", "**/pyproject.toml",
           *(f"**/{glob}" for glob in discovery.DRAFT_GLOBS))


class PostlintServer(LanguageServer):
    """The server's state: projects, the open drafts as last linted, pending lints."""

    def __init__(self):
        super().__init__("postlint-lsp", __version__)
        self.projects = Projects([])
        self.options: dict = {}
        self.linted: dict[str, tuple[Project, Document]] = {}  # uri -> last lint
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.config_uris: set[str] = set()  # files that have config diagnostics now
        self.shown: set[str] = set()  # errors of no file already shown in a message

    # -- options -------------------------------------------------------------------------

    @property
    def encoding(self) -> str:
        """The position encoding agreed with the client: utf-16 unless it offered another."""
        value = self.workspace.position_encoding
        return getattr(value, "value", value) or "utf-16"  # (the enum's own text)

    @property
    def debounce(self) -> float:
        value = self.options.get("debounce")
        return value / 1000 if isinstance(value, (int, float)) and value >= 0 else DEBOUNCE

    @property
    def rules_url(self) -> str | None:
        return self.options.get("rulesUrl") or rules_doc()

    # -- linting -------------------------------------------------------------------------

    def lint(self, uri: str, config_errors: bool = True) -> None:
        """Lint an open document now and publish what changed (and, with
        `config_errors`, the errors of the configs)."""
        self.cancel(uri)
        document = self.workspace.get_text_document(uri)
        path = _path(uri)
        project = self.projects.of(path)
        changed = project.lint(path, document.source)
        if config_errors:
            self._publish_config_errors()
        for doc in changed:
            target = uri if doc.path == path else self._uri_of(project, doc.path)
            if target is not None:
                self.linted[target] = (project, doc)
                self._publish(target, project, doc)
        self._log(project)

    def schedule(self, uri: str) -> None:
        self.cancel(uri)
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(self.debounce, self.lint, uri)

    def cancel(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()

    def answers(self, uri: str) -> Answers | None:
        """What the last lint of `uri` answers (linting it first if a lint is pending)."""
        if uri in self.pending:
            self.lint(uri)
        if uri not in self.linted:
            return None
        project, doc = self.linted[uri]
        return Answers(doc, uri, self.encoding, self.rules_url, project.linter)

    def relint_all(self) -> None:
        """A config changed: new projects for every open draft, and lint them again."""
        self.projects.reload()
        for uri in list(self.linted):
            self.lint(uri, config_errors=False)
        self._publish_config_errors()
        self._refresh_views()

    def _publish(self, uri: str, project: Project, doc: Document) -> None:
        answers = Answers(doc, uri, self.encoding, self.rules_url, project.linter)
        version = self.workspace.get_text_document(uri).version
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, diagnostics=answers.diagnostics(), version=version))

    def _publish_config_errors(self) -> None:
        found = self.projects.config_errors()
        for error in found.pop("", ()):  # in no file: said once, in a message
            if str(error) not in self.shown:
                self.shown.add(str(error))
                self.window_show_message(lsp.ShowMessageParams(lsp.MessageType.Error,
                                                               f"postlint: {error}"))
        now = {uris.from_fs_path(path): (path, errors) for path, errors in found.items()}
        for uri in self.config_uris - set(now):
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri, []))
        for uri, (path, errors) in now.items():
            try:
                text = Path(path).read_text("utf-8", "replace")
            except OSError:
                text = ""
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
                uri, config_diagnostics(errors, text, self.encoding)))
        self.config_uris = set(now)

    def _uri_of(self, project: Project, path: str) -> str | None:
        for uri, (owner, doc) in self.linted.items():
            if owner is project and doc.path == path:
                return uri
        return None

    def _log(self, project: Project) -> None:
        for message in project.messages:
            self.window_log_message(lsp.LogMessageParams(lsp.MessageType.Warning, message))
        project.messages.clear()

    def _refresh_views(self) -> None:
        workspace = self.client_capabilities.workspace
        lengths = self.options.get("lengths", "inlay-hint")
        if lengths == "inlay-hint" and workspace and workspace.inlay_hint and \
                workspace.inlay_hint.refresh_support:
            self.workspace_inlay_hint_refresh(None)
        if lengths == "code-lens" and workspace and workspace.code_lens and \
                workspace.code_lens.refresh_support:
            self.workspace_code_lens_refresh(None)

    def wants(self, uri: str, language: str | None = None) -> bool:
        """Whether a document is a draft to lint: Markdown or text, a file the config's
        `include` names, or a file a reader reads (a calendar)."""
        path = _path(uri)
        if is_config_file(path):
            return False
        if language in DRAFT_LANGUAGES or path.lower().endswith((".md", ".markdown", ".txt")):
            return True
        project = self.projects.of(path)
        if project.linter is None:
            return False
        include = project.linter.config.get("include") or ()
        return project.reader_of(path) is not None or any(
            fnmatch(os.path.basename(path), glob) for glob in include)


server = PostlintServer()


@server.feature(lsp.INITIALIZE)
def initialize(ls: PostlintServer, params: lsp.InitializeParams) -> None:
    ls.options = params.initialization_options if isinstance(
        params.initialization_options, dict) else {}
    folders = [uris.to_fs_path(f.uri) for f in params.workspace_folders or ()]
    if not folders and params.root_uri:
        folders = [uris.to_fs_path(params.root_uri)]
    ls.projects = Projects([Path(f) for f in folders if f])


@server.feature(lsp.INITIALIZED)
def initialized(ls: PostlintServer, params: lsp.InitializedParams) -> None:
    """Ask the client to report changes to config files and drafts, where it can."""
    workspace = ls.client_capabilities.workspace
    watched = workspace.did_change_watched_files if workspace else None
    if watched and watched.dynamic_registration:
        options = lsp.DidChangeWatchedFilesRegistrationOptions(
            watchers=[lsp.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED])
        ls.client_register_capability(lsp.RegistrationParams(registrations=[lsp.Registration(
            id="postlint-watched-files", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=options)]))


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: PostlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
    if ls.projects.stale():  # a config changed and the client did not say so
        ls.relint_all()
    if ls.wants(params.text_document.uri, params.text_document.language_id):
        ls.lint(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: PostlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
    if params.text_document.uri in ls.linted:
        ls.schedule(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: PostlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if is_config_file(_path(uri)) or ls.projects.stale():
        ls.relint_all()
    elif uri in ls.linted:
        ls.lint(uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: PostlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.cancel(uri)
    if uri not in ls.linted:
        return
    project, doc = ls.linted.pop(uri)
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri, []))
    _republish(ls, project, project.close(doc.path))


def _republish(ls: PostlintServer, project, docs) -> None:
    """Publish the diagnostics of `docs` (documents of `project` that were linted again)
    that an editor shows."""
    for doc in docs:
        target = ls._uri_of(project, doc.path)
        if target is not None:
            ls.linted[target] = (project, doc)
            ls._publish(target, project, doc)


@server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: PostlintServer,
                             params: lsp.DidChangeWatchedFilesParams) -> None:
    paths = [_path(change.uri) for change in params.changes]
    if any(is_config_file(path) for path in paths):
        ls.relint_all()
        return
    for path in paths:
        for project in ls.projects.all():
            _republish(ls, project, project.disk_changed(path))


@server.feature(lsp.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
def did_change_workspace_folders(ls: PostlintServer,
                                 params: lsp.DidChangeWorkspaceFoldersParams) -> None:
    """Folders added or removed: the projects' scan roots change."""
    ls.projects.set_folders([Path(uris.to_fs_path(f.uri)) for f in ls.workspace.folders.values()
                             if uris.to_fs_path(f.uri)])
    ls.relint_all()


@server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(
    code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]))
def code_action(ls: PostlintServer, params: lsp.CodeActionParams):
    answers = ls.answers(params.text_document.uri)
    if answers is None or not answers.doc.drafts:
        return None
    return answers.code_actions(params.range, params.context.only) or None


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
def hover(ls: PostlintServer, params: lsp.HoverParams):
    answers = ls.answers(params.text_document.uri)
    return answers.hover(params.position) if answers is not None else None


@server.feature(lsp.TEXT_DOCUMENT_INLAY_HINT)
def inlay_hint(ls: PostlintServer, params: lsp.InlayHintParams):
    if ls.options.get("lengths", "inlay-hint") != "inlay-hint":
        return None
    answers = ls.answers(params.text_document.uri)
    if answers is None:
        return None
    start, end = params.range.start.line, params.range.end.line
    return [h for h in answers.inlay_hints() if start <= h.position.line <= end]


@server.feature(lsp.TEXT_DOCUMENT_CODE_LENS)
def code_lens(ls: PostlintServer, params: lsp.CodeLensParams):
    if ls.options.get("lengths") != "code-lens":
        return None
    answers = ls.answers(params.text_document.uri)
    return answers.code_lenses() if answers is not None else None


@server.feature(lsp.SHUTDOWN)
def shutdown(ls: PostlintServer, params) -> None:
    for uri in list(ls.pending):
        ls.cancel(uri)
    cache.save_all()


def _path(uri: str) -> str:
    """The real path of a file URI; other URIs (unsaved documents) as they are."""
    path = uris.to_fs_path(uri) if uri.startswith("file:") else None
    return os.path.realpath(path) if path else uri


def main() -> None:
    """The `postlint-lsp` command: serve over standard input and output (`--stdio`,
    which some clients add, changes nothing)."""
    if any(arg in ("-h", "--help") for arg in sys.argv[1:]):
        print("usage: postlint-lsp\n\npostlint's language server; it speaks LSP over "
              "standard input and output.\nSee docs/editors.md for editor setup.")
        return
    if any(arg == "--version" for arg in sys.argv[1:]):
        print(f"postlint-lsp {__version__}")
        return
    server.start_io()  # (until `exit`, or the client closes the connection)
    cache.save_all()
    # As LSP says: 0 after a `shutdown` request, else 1. Exit without tearing down the
    # interpreter, which for LSP's many types takes a second.
    os._exit(0 if getattr(server.protocol, "_shutdown", False) else 1)
