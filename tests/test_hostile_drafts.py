"""Drafts nobody should write: postlint says what is wrong with each file, lints the rest,
never prints a traceback, and exits 2 when a file could not be read."""

from __future__ import annotations

import os

import pytest

from postlint.lint import files

GOOD = "We moved to Github, lol.\n"


def _check(result, *expected):
    assert "Traceback" not in result.out + result.err
    for line in expected:
        assert line in result.err
    assert "good.md:1:21: T104 'lol'" in result.out  # the readable draft is still linted
    assert result.code == 2


@pytest.fixture
def good(write):
    write(".postlint.yaml", "extend-select: [chatspeak]\n")
    return write("good.md", GOOD)


def test_invalid_utf8(write, run, good):
    write("bad.md", b"fine line\ncaf\xe9 latte\n")
    _check(run("bad.md", "good.md"),
           "bad.md: error: line 2: not valid UTF-8 (byte 0xe9); save the file as UTF-8")


def test_binary_file(write, run, good):
    write("image.md", bytes(range(256)) * 10)
    _check(run("image.md", "good.md"),
           "image.md: error: binary file (contains NUL bytes), not a draft")


def test_nul_byte_in_text(write, run, good):
    write("nul.md", "Hello\x00world\n")
    _check(run("nul.md", "good.md"), "nul.md: error: binary file (contains NUL bytes)")


def test_a_50_mb_draft_is_refused_without_reading_it(tmp_path, run, good, monkeypatch):
    with open(tmp_path / "huge.md", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: made at once
    _check(run("huge.md", "good.md"),
           "huge.md: error: file is 50 MB, more than the 5 MB a draft may be")


def test_a_draft_that_grows_past_the_limit_while_read(write, run, good, monkeypatch):
    write("grows.md", "x" * (files.MAX_BYTES + 10))
    real_fstat = os.fstat

    def fstat(handle):  # the size it had when it was looked at
        info = real_fstat(handle)
        return os.stat_result(tuple(info)[:6] + (100,) + tuple(info)[7:10])

    monkeypatch.setattr(os, "fstat", fstat)
    result = run("grows.md")
    assert "grows.md: error: file is more than the 5 MB a draft may be" in result.err
    assert result.code == 2


def test_oversized_standard_input(run, monkeypatch):
    monkeypatch.setattr(files, "MAX_BYTES", 10)
    result = run("-", stdin="x" * 100)
    assert "-: error: standard input is more than" in result.err and result.code == 2


def _fail_open(monkeypatch, name: str, error: OSError) -> None:
    """Make opening files whose path ends with `name` raise `error`."""
    real_open = os.open

    def failing_open(path, *args, **kwargs):
        if str(path).endswith(name):
            raise error
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", failing_open)


def test_file_that_vanishes_mid_run(write, run, good, monkeypatch):
    write("gone.md", "here a moment ago\n")
    _fail_open(monkeypatch, "gone.md", FileNotFoundError(2, "No such file or directory"))
    _check(run("gone.md", "good.md"), "gone.md: error: no such file")


def test_file_that_cannot_be_read(write, run, good, monkeypatch):
    # Tests run as root, where chmod 000 does not stop reading: fail the open instead.
    write("locked.md", "secret\n")
    _fail_open(monkeypatch, "locked.md", PermissionError(13, "Permission denied"))
    _check(run(".", "good.md"), "locked.md: error: cannot read: Permission denied")


def test_unreadable_folder_entry_while_walking(write, run, good, monkeypatch):
    write("drafts/a.md", "We moved to Github, lol.\n")
    real_walk = os.walk

    def walk(top, *args, **kwargs):
        yield from real_walk(top, *args, **kwargs)
        yield os.path.join(top, "vanished"), [], ["ghost.md"]

    monkeypatch.setattr(os, "walk", walk)
    result = run("drafts", "good.md")
    assert "drafts/vanished/ghost.md: error: no such file" in result.err
    assert "drafts/a.md:1:21: T104" in result.out and result.code == 2


def test_symlink_loops(tmp_path, run, good):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "self").symlink_to(tmp_path / "drafts")  # a folder loop
    (tmp_path / "drafts" / "a.md").symlink_to(tmp_path / "drafts" / "b.md")
    (tmp_path / "drafts" / "b.md").symlink_to(tmp_path / "drafts" / "a.md")  # a file loop
    result = run("drafts", "good.md")
    assert "drafts/a.md: error: cannot read: Too many levels of symbolic links" in result.err
    assert "drafts/b.md: error: cannot read" in result.err
    _check(result)


def test_empty_files(write, run):
    write("empty.md", b"")
    write("bom-only.md", b"\xef\xbb\xbf")
    write("blank.md", "\n\n   \n")
    result = run("empty.md", "bom-only.md", "blank.md")
    assert result.err == "" and "Traceback" not in result.out
    for name in ("empty.md", "bom-only.md", "blank.md"):  # linted: nothing to post
        assert f"{name}:1:1: P106 the draft has no text to post" in result.out
    assert result.code == 1


@pytest.mark.parametrize("text, message", [
    ("---\nprofile: [unclosed\n---\nHi\n", "bad.md: error: line 3: front matter: invalid YAML"),
    ("---\n- a\n- b\n---\nHi\n", "bad.md: error: line 2: front matter must be a mapping"),
    ("---\nprofile: public\nHi there\n", "bad.md: error: line 1: front matter opened with "
     "'---' is never closed"),
    ("---\nprofile: !!python/object/apply:os.system [echo hi]\n---\nHi\n",
     "bad.md: error: line 2: front matter: invalid YAML"),
    ("---\nplatfrom: x\n---\nHi\n", "bad.md: error: line 2: front matter: unknown key "
     "'platfrom' (did you mean 'platform'?)"),
])
def test_broken_front_matter(write, run, good, text, message):
    write("bad.md", text)
    _check(run("bad.md", "good.md"), message)


@pytest.mark.parametrize("line", [
    "word " * 200_000,
    "a" * 1_000_000,
    "<a " * 333_333,
    "[x](" * 250_000,
    "`x " * 333_333,
    "Hé " * 333_333,
])
def test_a_line_of_a_million_characters(write, run, line):
    write("long.md", line + "\nlol\n")
    result = run("--select", "ALL", "long.md")
    assert "Traceback" not in result.out + result.err
    assert "long.md:2:1: T104 'lol'" in result.out
    assert result.code in (0, 1)


@pytest.mark.parametrize("unit", ["`", "``", "![", "` x ", "![a]", "<!--`"])
def test_code_and_image_scans_grow_linearly(unit):
    """A line of backticks or of `![` once took cubic or quadratic time (35 s for 2,000
    backticks); ten times the input may cost at most about ten times as much."""
    import time

    from postlint.checks.alt_text import code_spans
    from postlint.text.markup import literal, prose

    def cost(repeat: int) -> float:
        text = "Hello " + unit * repeat
        began = time.process_time()
        prose(text), literal(text), code_spans(text)
        return time.process_time() - began

    small, large = cost(2_000), cost(20_000)
    assert large < max(small, 0.002) * 40, (small, large)
