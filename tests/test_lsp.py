"""`postlint-lsp` end to end: a real LSP client (pytest-lsp) drives the server over stdio."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")

from lsprotocol import types as lsp  # noqa: E402
from pygls import uris  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402
from pygls.protocol import default_converter  # noqa: E402
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features  # noqa: E402

in_shared = pytest.mark.asyncio(loop_scope="module")

CONFIG = "platforms: [x, bluesky]\nbrand:\n  terms: [GitHub]\n"
# Astral characters before the finding: 'Github' is at characters 15-21 of the line,
# UTF-16 units 17-23 (each of 🎉 and 𝒳 is one character and two UTF-16 units).
LAUNCH = "🎉𝒳 We moved to Github today and it is AMAZING!!!\n\nMore soon.\n"
WAIT = 20.0  # seconds a test waits for the server before failing


def _client() -> LanguageClient:
    """pytest-lsp's client, also keeping every diagnostics notification in order."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []

    def publish(client: LanguageClient, params: lsp.PublishDiagnosticsParams):
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)

    def register(client: LanguageClient, params: lsp.RegistrationParams):
        client.registrations = params.registrations  # (as an editor would accept them)

    def refresh(client: LanguageClient, params: None):
        client.refreshed = getattr(client, "refreshed", 0) + 1

    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES,
                                   lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
                                   lsp.CLIENT_REGISTER_CAPABILITY: register,
                                   lsp.WORKSPACE_INLAY_HINT_REFRESH: refresh,
                                   lsp.WORKSPACE_CODE_LENS_REFRESH: refresh})
    return client


SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "postlint.lsp"],
                            client_factory=_client)


def _initialize(folder: Path, spec: str = "visual-studio-code", **options):
    return lsp.InitializeParams(
        capabilities=client_capabilities(spec), root_uri=uris.from_fs_path(str(folder)),
        workspace_folders=[lsp.WorkspaceFolder(uris.from_fs_path(str(folder)), "drafts")],
        initialization_options=options)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("workspace")


@pytest_lsp.fixture(scope="module", config=SERVER)
async def client(lsp_client: LanguageClient, workspace):
    """One server for most tests (start-up costs seconds): each test works in a folder
    of its own, with its own config, below the one workspace folder."""
    lsp_client.init_result = await lsp_client.initialize_session(
        _initialize(workspace, debounce=0))
    yield
    await asyncio.wait_for(lsp_client.shutdown_session(), WAIT)


@pytest_lsp.fixture(config=SERVER)
async def own_client(lsp_client: LanguageClient):
    """A server of the test's own, which it initializes and shuts down."""
    yield
    if lsp_client._server.returncode is None:
        await asyncio.wait_for(lsp_client.shutdown_session(), WAIT)


@pytest.fixture
def project(workspace, request) -> Path:
    folder = workspace / request.node.name
    (folder / "drafts").mkdir(parents=True)
    (folder / ".postlint.yaml").write_text(CONFIG, encoding="utf-8")
    return folder


def open_draft(client, path: Path, text: str, version: int = 1) -> str:
    path.write_text(text, encoding="utf-8")
    uri = uris.from_fs_path(str(path))
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        lsp.TextDocumentItem(uri, "markdown", version, text)))
    return uri


async def diagnostics(client, uri: str, version: int | None = None) -> list[lsp.Diagnostic]:
    """The diagnostics of `uri` once published (for `version`, when given)."""
    async def arrived():
        while True:
            for params in reversed(client.published):
                if params.uri == uri and (version is None or params.version == version):
                    return params.diagnostics
            await asyncio.sleep(0.01)
    return await asyncio.wait_for(arrived(), WAIT)


def change(client, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        lsp.VersionedTextDocumentIdentifier(version=version, uri=uri),
        [lsp.TextDocumentContentChangeWholeDocument(text)]))


def offset_of(text: str, position: lsp.Position, encoding: str = "utf-16") -> int:
    """A code-point offset from an LSP position, counted independently of the server."""
    codec, width = {"utf-16": ("utf-16-le", 2), "utf-8": ("utf-8", 1)}[encoding]
    lines = text.split("\n")
    prefix = lines[position.line].encode(codec)[:position.character * width]
    return sum(len(line) + 1 for line in lines[:position.line]) + len(prefix.decode(codec))


def apply(text: str, edits: list[lsp.TextEdit], encoding: str = "utf-16") -> str:
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character),
                       reverse=True):
        start = offset_of(text, edit.range.start, encoding)
        text = text[:start] + edit.new_text + text[offset_of(text, edit.range.end, encoding):]
    return text


def by_code(found, code):
    return [d for d in found if d.code == code]


@pytest.mark.asyncio(loop_scope="function")
async def test_initialize_open_change_fix_hover_shutdown(own_client, tmp_path):
    """The whole session on a server of its own, changes debounced, with a client that
    prefers UTF-8 positions (as Neovim may): columns are then bytes."""
    client, project = own_client, tmp_path
    (project / ".postlint.yaml").write_text(CONFIG, encoding="utf-8")
    (project / "drafts").mkdir()
    params = _initialize(project, debounce=300)
    params.capabilities.general.position_encodings = ["utf-8", "utf-16"]
    result = await client.initialize_session(params)
    caps = result.capabilities
    assert caps.hover_provider and caps.inlay_hint_provider
    assert set(caps.code_action_provider.code_action_kinds) >= {"quickfix",
                                                                  "source.fixAll.postlint"}
    assert caps.position_encoding == "utf-8"

    draft = project / "drafts" / "launch.md"
    uri = open_draft(client, draft, LAUNCH)
    found = await diagnostics(client, uri, 1)
    assert sorted(d.code for d in found) == ["B101", "T101", "T102"]
    brand = by_code(found, "B101")[0]
    assert (brand.range.start.line, brand.range.start.character,
            brand.range.end.line, brand.range.end.character) == (0, 21, 0, 27)  # bytes

    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), brand.range,
        lsp.CodeActionContext(diagnostics=[brand])))
    titles = [a.title for a in actions]
    assert "Replace 'Github' with 'GitHub' (B101 brand-term-case)" in titles
    assert "Disable B101 (brand-term-case) for this line" in titles
    assert "Disable B101 (brand-term-case) in this file" in titles
    fix = next(a for a in actions if a.title.startswith("Replace"))
    assert fix.kind == "quickfix" and fix.is_preferred
    fixed = apply(LAUNCH, fix.edit.changes[uri], "utf-8")
    assert fixed == LAUNCH.replace("Github", "GitHub")

    change(client, uri, 2, fixed)
    found = await diagnostics(client, uri, 2)
    assert sorted(d.code for d in found) == ["T101", "T102"]

    hover = await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(uri), lsp.Position(0, 46)))
    text = hover.contents.value
    assert text.startswith("**T101 shouting** (warning in profile `public`)")
    assert "'AMAZING' reads as shouting" in text and "Why: " in text
    assert "brand: error" in text and "friends-family: info" in text
    assert (hover.range.start.character, hover.range.end.character) == (44, 51)
    nothing = await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(uri), lsp.Position(2, 1)))
    assert nothing is None

    client.published.clear()  # quick changes, as typed: only the last one is linted
    for version, text in enumerate(["Hi W", "Hi WO", "Hi WORLD", "Hi WORLD.\n"], 3):
        change(client, uri, version, text)
    found = await diagnostics(client, uri, 6)
    assert [p.version for p in client.published if p.uri == uri] == [6]
    assert [d.code for d in found] == ["T101"]

    await client.shutdown_session()
    assert client._server.returncode == 0


@in_shared
async def test_utf16_ranges_code_links_and_levels(client, project):
    uri = open_draft(client, project / "drafts" / "launch.md", LAUNCH)
    found = await diagnostics(client, uri, 1)
    brand = by_code(found, "B101")[0]
    assert (brand.range.start.line, brand.range.start.character,
            brand.range.end.line, brand.range.end.character) == (0, 17, 0, 23)
    assert brand.severity == lsp.DiagnosticSeverity.Warning
    assert brand.source == "postlint"
    assert brand.message == "write 'GitHub', not 'Github' (brand-term-case)"
    assert brand.code_description.href.endswith("/rules.md#b101-brand-term-case")
    assert by_code(found, "T102")[0].severity == lsp.DiagnosticSeverity.Information
    shout = by_code(found, "T101")[0].range
    assert (shout.start.character, shout.end.character) == (40, 47)  # AMAZING, in UTF-16
    hover = await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(uri), lsp.Position(0, 42)))
    assert (hover.range.start.character, hover.range.end.character) == (40, 47)


@in_shared
async def test_suppression_actions_insert_comments_that_silence(client, project):
    text = "Intro line.\n\nWe are THRILLED to announce it.\n"
    uri = open_draft(client, project / "drafts" / "news.md", text)
    shout = by_code(await diagnostics(client, uri, 1), "T101")[0]
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), shout.range, lsp.CodeActionContext([shout])))
    line = next(a for a in actions if a.title == "Disable T101 (shouting) for this line")
    assert list(line.edit.changes[uri]) == [lsp.TextEdit(
        lsp.Range(lsp.Position(2, 0), lsp.Position(2, 0)),
        "<!-- postlint-disable-next-line T101 -->\n")]
    silenced = apply(text, line.edit.changes[uri])
    change(client, uri, 2, silenced)
    assert by_code(await diagnostics(client, uri, 2), "T101") == []

    whole = next(a for a in actions if a.title == "Disable T101 (shouting) in this file")
    front = "---\nprofile: professional\n---\n"
    change(client, uri, 3, front + text)  # the comment goes below the front matter
    shout = by_code(await diagnostics(client, uri, 3), "T101")[0]
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), shout.range, lsp.CodeActionContext([shout])))
    whole = next(a for a in actions if a.title == "Disable T101 (shouting) in this file")
    after = apply(front + text, whole.edit.changes[uri])
    assert after == front + "<!-- postlint-disable-file T101 -->\n" + text
    change(client, uri, 4, after)
    assert by_code(await diagnostics(client, uri, 4), "T101") == []


@in_shared
async def test_fix_all_source_action_is_the_fix_command(client, project):
    text = "Github and github and GITHUB.\n\nWe use Github.\n"
    uri = open_draft(client, project / "drafts" / "all.md", text)
    found = await diagnostics(client, uri, 1)
    assert len(by_code(found, "B101")) == 4
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)),
        lsp.CodeActionContext([], only=[lsp.CodeActionKind.SourceFixAll])))
    assert [a.kind for a in actions] == ["source.fixAll.postlint"]
    after = apply(text, actions[0].edit.changes[uri])
    assert after == "GitHub and GitHub and GitHub.\n\nWe use GitHub.\n"


@in_shared
async def test_lengths_per_post_as_inlay_hints(client, project):
    # x counts an emoji as 2 and a link as 23: 9 + 2 + 5 + 23; Bluesky counts graphemes,
    # a flag as one: 9 + 1 + 5 + 32
    text = "Ship day 🇨🇦 see https://example.com/launch/notes\n\n---\n\nSecond post.\n"
    uri = open_draft(client, project / "drafts" / "thread.md", text)
    await diagnostics(client, uri, 1)
    hints = await client.text_document_inlay_hint_async(lsp.InlayHintParams(
        lsp.TextDocumentIdentifier(uri), lsp.Range(lsp.Position(0, 0), lsp.Position(9, 0))))
    assert [(h.position.line, h.position.character, h.label) for h in hints] == [
        (0, 50, "x 39/280 · bluesky 47/300"), (4, 12, "x 12/280 · bluesky 12/300")]


@in_shared
async def test_config_errors_and_reload(client, project):
    uri = open_draft(client, project / "drafts" / "a.md", "We love Github.\n")
    assert by_code(await diagnostics(client, uri, 1), "B101")
    config = project / ".postlint.yaml"
    config.write_text(CONFIG + "rules:\n  no-such-rule: {level: error}\n", encoding="utf-8")
    config_uri = uris.from_fs_path(str(config))
    client.published.clear()
    client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(
        [lsp.FileEvent(config_uri, lsp.FileChangeType.Changed)]))
    on_config = await diagnostics(client, config_uri)
    assert [(d.range.start.line, d.message) for d in on_config] == [
        (4, "rules.no-such-rule: unknown rule")]
    on_draft = await diagnostics(client, uri)
    assert len(on_draft) == 1 and "configuration" in on_draft[0].message
    assert ".postlint.yaml:5: rules.no-such-rule: unknown rule" in on_draft[0].message

    # fixed, with no brand terms; an editor that does not report file changes: the
    # server sees the config changed when the draft is saved
    config.write_text("profile: professional\n", encoding="utf-8")
    client.published.clear()
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(uri)))
    assert list(await diagnostics(client, config_uri)) == []
    assert list(await diagnostics(client, uri)) == []


@in_shared
async def test_nearest_config_per_document(client, project):
    team = project / "drafts" / "team"
    team.mkdir()
    (team / ".postlint.yaml").write_text("brand:\n  terms: [Acme]\n", encoding="utf-8")
    top = open_draft(client, project / "drafts" / "top.md", "Github and ACME.\n")
    inner = open_draft(client, team / "inner.md", "Github and ACME.\n")
    assert [d.message for d in by_code(await diagnostics(client, top, 1), "B101")] == [
        "write 'GitHub', not 'Github' (brand-term-case)"]
    assert [d.message for d in by_code(await diagnostics(client, inner, 1), "B101")] == [
        "write 'Acme', not 'ACME' (brand-term-case)"]


@in_shared
async def test_cross_draft_rule_sees_workspace_drafts(client, project):
    drafts = project / "drafts"
    (drafts / "old.md").write_text("Send an email. Reply by email.\n", encoding="utf-8")
    uri = open_draft(client, drafts / "new.md", "Send me an e-mail.\n")
    consistency = by_code(await diagnostics(client, uri, 1), "B106")
    assert len(consistency) == 1 and "'email'" in consistency[0].message
    change(client, uri, 2, "Send me an email.\n")
    assert by_code(await diagnostics(client, uri, 2), "B106") == []


@in_shared
async def test_broken_front_matter_is_one_diagnostic_at_its_line(client, project):
    uri = open_draft(client, project / "drafts" / "bad.md",
                     "---\nplatform: x\nprofle: public\n---\nHello.\n")
    found = await diagnostics(client, uri, 1)
    assert [(d.range.start.line, d.severity) for d in found] == [
        (2, lsp.DiagnosticSeverity.Error)]
    assert found[0].message.startswith("front matter: unknown key 'profle' (did you mean "
                                       "'profile'?)")


@in_shared
async def test_calendar_rows_are_linted_fixed_and_measured_in_the_file(client, project):
    text = ('date,text,platform\n'
            '2030-05-01,"🎉 We moved to Github, it is ""AMAZING""",x\n'
            '2030-05-02,A calm second post.,x\n')
    path = project / "plan.csv"
    path.write_text(text, encoding="utf-8")
    uri = uris.from_fs_path(str(path))
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        lsp.TextDocumentItem(uri, "csv", 1, text)))
    found = await diagnostics(client, uri, 1)
    # the CLI says plan.csv:2:27 (B101) and 2:43 (T101): characters; 🎉 is 2 UTF-16 units
    assert [(d.code, d.range.start.line, d.range.start.character, d.range.end.character)
            for d in found] == [("B101", 1, 27, 33), ("T101", 1, 43, 50)]
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri), found[0].range, lsp.CodeActionContext([found[0]])))
    assert [a.title for a in actions] == [  # (no suppression comments in a cell)
        "Replace 'Github' with 'GitHub' (B101 brand-term-case)",
        "Fix all postlint problems that have a fix"]
    for action in actions:  # the file as the calendar reader writes it, quotes kept
        assert apply(text, action.edit.changes[uri]) == text.replace("Github", "GitHub")
    hints = await client.text_document_inlay_hint_async(lsp.InlayHintParams(
        lsp.TextDocumentIdentifier(uri), lsp.Range(lsp.Position(0, 0), lsp.Position(3, 0))))
    assert [(h.position.line, h.label) for h in hints] == [(1, "x 38/280"), (2, "x 19/280")]
