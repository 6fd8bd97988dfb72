"""The language server's conversions and its incremental lint, without a client: LSP
positions from postlint's character offsets (UTF-16 by default), and a document linted
again after an edit giving what a fresh lint gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

pytest.importorskip("lsprotocol")

from postlint.lsp.positions import Positions, units  # noqa: E402


def test_astral_characters_are_two_utf16_units_and_one_postlint_column():
    text = "🎉𝒳 ok\n👩‍👩‍👧 Github"
    at = Positions(text)
    assert at.position(text.index("ok")) == (0, 5)  # 🎉 and 𝒳: two units each
    github = text.index("Github")
    assert at.position(github) == (1, 9)  # 👩‍👩‍👧: 3 astral emoji + 2 joiners = 8 units
    assert at.offset(1, 9) == github
    assert Positions(text, "utf-32").position(github) == (1, 6)
    assert Positions(text, "utf-8").position(github) == (1, 19)
    assert units("é€😀", "utf-16") == 4 and units("é€😀", "utf-8") == 9


def test_line_breaks_are_lf_crlf_and_lone_cr_as_lsp_says():
    text = "one\r\ntwo\rthree\nfour"
    at = Positions(text)
    assert [at.position(text.index(w)) for w in ("two", "three", "four")] == [
        (1, 0), (2, 0), (3, 0)]
    assert at.position(text.index("\r\n")) == (0, 3)
    assert at.line_end(0) == 3 and at.line_end(3) == len(text)


def test_positions_past_a_line_end_or_the_text_are_clamped():
    text = "ab😀\ncd"
    at = Positions(text)
    assert at.offset(0, 99) == 3  # the end of line 0, before its line break
    assert at.offset(0, 3) == 2  # inside the surrogate pair: before the emoji
    assert at.offset(9, 0) == len(text)
    assert at.position(len(text) + 5) == (1, 2)


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("a\n\r é😀𝒳\u200d"), max_size=40), st.data())
def test_offsets_and_positions_round_trip(text, data):
    offset = data.draw(st.integers(0, len(text)))
    for encoding in ("utf-16", "utf-8", "utf-32"):
        at = Positions(text, encoding)
        line, character = at.position(offset)
        # the same position in code units, worked out by encoding the line's prefix
        start = at.starts[line]
        prefix = text[start:offset].encode(encoding.replace("utf-16", "utf-16-le")
                                           .replace("utf-32", "utf-32-le"), "surrogatepass")
        width = {"utf-8": 1, "utf-16": 2, "utf-32": 4}[encoding]
        assert character == len(prefix) // width
        if text[offset - 1:offset + 1] != "\r\n":  # (between CR and LF is no position)
            assert at.offset(line, character) == offset


def test_a_document_linted_again_after_edits_equals_a_fresh_lint(tmp_path):
    from postlint.lsp.projects import Project

    (tmp_path / ".postlint.yaml").write_text(
        "platforms: [x]\nbrand:\n  terms: [GitHub]\n", encoding="utf-8")
    path = str(tmp_path / "thread.md")
    posts = ["We moved to Github today!!!", "This is AMAZING, lol.", "Send an e-mail.",
             "A calm post about the weather.", "x" * 300]
    edits = [posts,
             posts[:1] + ["This is AMAZING, lol. Truly AMAZING."] + posts[2:],
             ["New first post, very CALM."] + posts,  # every later post moves down
             posts[:2] + posts[3:],  # one post less: the others are numbered again
             ["---\nprofile: professional\n---\n" + posts[0]] + posts[1:]]
    project = Project(tmp_path / ".postlint.yaml", tmp_path)
    for texts in edits:
        text = "\n\n---\n\n".join(texts) + "\n"
        again = project.lint(path, text)[0].findings
        fresh = Project(tmp_path / ".postlint.yaml", tmp_path).lint(path, text)[0].findings
        assert again == fresh
        assert again  # (each version has findings to compare)


def test_lengths_as_code_lenses_and_a_second_limit_only_when_crossed(tmp_path):
    from postlint.lsp.answers import Answers
    from postlint.lsp.projects import Project

    (tmp_path / ".postlint.yaml").write_text("platforms: [bluesky]\n", encoding="utf-8")
    path = str(tmp_path / "long.md")
    text = "Short one.\n\n---\n\n" + "é" * 1600 + "\n"  # 1,600 characters, 3,200 bytes
    doc = Project(tmp_path / ".postlint.yaml", tmp_path).lint(path, text)[0]
    project = Project(tmp_path / ".postlint.yaml", tmp_path)
    lenses = Answers(doc, "file:///long.md", "utf-16", None, project.linter).code_lenses()
    assert [(lens.range.start.line, lens.command.title) for lens in lenses] == [
        (0, "bluesky 10/300"), (4, "bluesky 1600/300, 3200/3000 bytes (UTF-8)")]


def test_config_errors_are_grouped_by_their_file_and_those_of_no_file_apart(tmp_path):
    from postlint.load.yamlfile import ConfigError
    from postlint.lsp.answers import config_diagnostics
    from postlint.lsp.projects import Projects

    config = tmp_path / ".postlint.yaml"
    config.write_text("profile: nobody\nfail-on: never\n", encoding="utf-8")
    projects = Projects([tmp_path])
    project = projects.of(str(tmp_path / "a.md"))
    assert project.linter is None
    project.errors.append(ConfigError("cannot load plugin 'x'", "<plugins>"))
    found = projects.config_errors()
    assert [str(e) for e in found[""]] == ["<plugins>: cannot load plugin 'x'"]
    shown = config_diagnostics(found[str(config)], config.read_text(), "utf-16")
    assert [(d.range.start.line, d.range.end.character, d.message) for d in shown] == [
        (1, 14, "fail-on: expected one of info, warning, error, got 'never'")]
