"""`--fix` and `--diff`: exact bytes, atomic writes, idempotence, untouched files."""

from __future__ import annotations

import os
import stat

import pytest

from postlint.lint import fix
from postlint.lint.report import Finding

CONFIG = "brand:\n  terms: [GitHub]\n  preferred: {e-mail: email}\n"


@pytest.fixture
def drafts(write):
    write(".postlint.yaml", CONFIG)
    return write


def test_fix_keeps_bom_crlf_and_every_other_byte(drafts, run):
    before = "\ufeffHi all,\r\nwe moved to Github.\r\nSend an e-mail! ✨\r\n".encode("utf-8")
    path = drafts("a.md", before)
    result = run("--fix", "--select", "brand-term-case,preferred-term", "a.md")
    assert path.read_bytes() == before.replace(b"Github", b"GitHub").replace(b"e-mail", b"email")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "Fixed 2 problems in 1 file." in result.err
    assert result.code == 0 and "All clear" in result.out


def test_fix_reports_what_remains(drafts, run):
    drafts("a.md", "We moved to Github, lol.\n")
    result = run("--fix", "--select", "brand-term-case,chatspeak", "--fail-on", "info", "a.md")
    assert "Github" not in result.out
    assert "a.md:1:21: T104 'lol'" in result.out
    assert result.code == 1


def test_second_fix_changes_nothing(drafts, run, tmp_path):
    path = drafts("a.md", "Github and GITHUB and e-mail\n")
    run("--fix", "a.md")
    once = path.read_bytes()
    os.utime(path, (1_000_000, 1_000_000))
    result = run("--fix", "a.md")
    assert once == b"GitHub and GitHub and email\n"
    assert path.read_bytes() == once and path.stat().st_mtime == 1_000_000
    assert "Fixed 0 problems in 0 files." in result.err


def test_files_without_fixes_are_not_touched(drafts, run, tmp_path):
    clean = drafts("clean.md", "Nothing to fix here.\n")
    other = drafts("other.md", "We love Github.\n")
    os.utime(clean, (1_000_000, 1_000_000))
    inode = clean.stat().st_ino
    run("--fix", ".")
    assert clean.stat().st_mtime == 1_000_000 and clean.stat().st_ino == inode
    assert other.read_text() == "We love GitHub.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".postlint.yaml", "clean.md", "other.md"]


def test_fix_keeps_permissions(drafts, run):
    path = drafts("a.md", "We love Github.\n")
    path.chmod(0o640)
    run("--fix", "a.md")
    assert path.read_text() == "We love GitHub.\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_fix_writes_through_a_link(drafts, run, tmp_path):
    target = drafts("real/a.md", "We love Github.\n")
    (tmp_path / "link.md").symlink_to(target)
    run("--fix", "link.md")
    assert (tmp_path / "link.md").is_symlink()
    assert target.read_text() == "We love GitHub.\n"


@pytest.mark.parametrize("broken", ["os.replace", "os.fsync"])
def test_interrupted_fix_leaves_the_old_file(drafts, run, tmp_path, monkeypatch, broken):
    before = b"We love Github.\n"
    path = drafts("a.md", before)
    later = drafts("b.md", "Also Github.\n")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(broken, fail)
    result = run("--fix", "a.md", "b.md")
    assert path.read_bytes() == before and later.read_bytes() == b"Also Github.\n"
    assert "a.md: error: cannot fix: No space left on device" in result.err
    assert "Traceback" not in result.err + result.out
    assert result.code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [".postlint.yaml", "a.md", "b.md"]


def test_interrupted_fix_never_leaves_a_partial_file(drafts, tmp_path, monkeypatch):
    """Stopped half-way through writing (power cut, ^C): the draft is old or new, whole."""
    path = drafts("a.md", "We love Github.\n" * 1000)
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[:len(data) // 2])
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: HalfWriter(real_fdopen(fd, mode)))
    with pytest.raises(KeyboardInterrupt):
        fix.write_atomic(str(path), b"We love GitHub.\n" * 1000)
    assert path.read_bytes() == b"We love Github.\n" * 1000
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".postlint")] == []


def test_diff_shows_the_change_and_writes_nothing(drafts, run):
    path = drafts("a.md", "Hello\r\nWe love Github.\r\n")
    os.utime(path, (1_000_000, 1_000_000))
    result = run("--diff", "a.md")
    # (click's test runner shows CRLF as LF)
    assert result.out == ("--- a/a.md\n+++ b/a.md\n@@ -1,2 +1,2 @@\n Hello\n"
                          "-We love Github.\n+We love GitHub.\n")
    assert "Would fix 1 problem in 1 file." in result.err
    assert result.code == 1
    assert path.read_bytes() == b"Hello\r\nWe love Github.\r\n"
    assert path.stat().st_mtime == 1_000_000


def test_diff_without_fixes_exits_zero(drafts, run):
    drafts("a.md", "We love GitHub, lol.\n")
    result = run("--diff", "a.md")
    assert result.out == "" and result.code == 0


def test_diff_of_a_file_without_final_newline(drafts, run):
    drafts("a.md", "We love Github.")
    result = run("--diff", "a.md")
    assert result.out.endswith("+We love GitHub.\n\\ No newline at end of file\n")


def _finding(start, end, code, replacement):
    return Finding("a.md", 1, start + 1, 1, end + 1, code, code.lower(), "warning", "m",
                   "public", replacement, None, start, end)


def test_overlapping_fixes_are_chosen_the_same_way_whatever_the_order():
    text = "send an e-mail now"
    found = [_finding(8, 14, "B102", "email"), _finding(8, 14, "B101", "E-Mail"),
             _finding(5, 10, "B103", "a"), _finding(15, 18, "B102", "NOW")]
    results = {fix.apply(text, order) for order in (found, found[::-1], found[1:] + found[:1])}
    assert results == {("send amail NOW", 2)}


def test_conflicting_rules_do_not_loop(drafts, run, tmp_path):
    (tmp_path / ".postlint.yaml").write_text(
        "brand:\n  preferred: {colour: color, color: colour}\n")
    path = drafts("a.md", "A colour.\n")
    result = run("--fix", "a.md")
    assert path.read_text() in ("A colour.\n", "A color.\n")
    assert result.code in (0, 1)
