"""`--diff-base REF`: only drafts (and lines) a branch changed, in a real git repository."""

from __future__ import annotations

import shutil
import subprocess

import pytest

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
       "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
       "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}


@pytest.fixture
def git(tmp_path, monkeypatch):
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)

    def _git(*args):
        return subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True,
                              text=True).stdout

    return _git


@pytest.fixture
def repo(git, write):
    """main: an old draft with one problem and two drafts that share a spelling; then a
    branch `feature` that edits the old draft, adds drafts and renames one."""
    git("init", "-q", "-b", "main")
    write("drafts/old.md", "What a load of bullsh1t.\n\nAll fine here.\n")
    write("drafts/mail-1.md", "Send us an email today.\n")
    write("drafts/mail-2.md", "Our email inbox is open.\n")
    write("drafts/moved.md", "This is damn good.\n")
    git("add", ".")
    git("commit", "-q", "-m", "drafts")
    git("checkout", "-q", "-b", "feature")
    write("drafts/old.md", "What a load of bullsh1t.\n\nAll crap here.\n")
    write("drafts/new.md", "Please e-mail us.\n")
    git("mv", "drafts/moved.md", "drafts/renamed.md")
    git("add", ".")
    git("commit", "-q", "-m", "edit")


def found(result):
    return [line.split(" (")[0] for line in result.out.splitlines()[:-1]]


def test_only_changed_drafts_are_reported_while_run_rules_see_all(run, repo):
    result = run("--diff-base", "main", "--profile", "brand", "--fail-on", "info", "drafts")
    # term-consistency (B106) flags 'e-mail' because the unchanged drafts say 'email'.
    assert [line[:line.index(" ", line.index(": ") + 2)] for line in found(result)] == [
        "drafts/new.md:1:8: B106", "drafts/old.md:1:16: R101",
        "drafts/old.md:3:5: R101", "drafts/renamed.md:1:9: R101"]
    assert "in 3 of 3 drafts" in result.out.splitlines()[-1]
    assert result.code == 1


def test_workers_report_the_changed_drafts_as_one_process_does(run, repo, monkeypatch):
    from postlint.lint import parallel

    options = ("--diff-base", "main", "--profile", "brand", "--show-source", "drafts")
    serial = run(*options)
    monkeypatch.setattr(parallel, "THRESHOLD", 2)
    monkeypatch.setattr(parallel, "CHUNK", 2)
    monkeypatch.setenv(parallel.JOBS_VARIABLE, "2")
    chunked = run(*options)
    assert (chunked.out, chunked.err, chunked.code) == (serial.out, serial.err, serial.code)
    assert "in 3 of 3 drafts" in chunked.out.splitlines()[-1]
    assert "   1 | What a load of bullsh1t." in chunked.out


def test_changed_lines_only(run, repo):
    result = run("--diff-base", "main", "--changed-lines-only", "--select", "R101", "drafts")
    assert found(result) == ["drafts/old.md:3:5: R101 'crap' is mild profanity; leave it out or"
                             " rephrase"]


def test_uncommitted_and_untracked_drafts_count_as_changed(run, repo, write, git):
    git("checkout", "-q", "main")
    write("drafts/mail-2.md", "Our email inbox is open.\n\nNo shit.\n")
    write("drafts/scratch.md", "Pure crap.\n")
    result = run("--diff-base", "HEAD", "--select", "R101", "drafts")
    assert found(result) == [
        "drafts/mail-2.md:3:4: R101 'shit' is profanity; leave it out or rephrase",
        "drafts/scratch.md:1:6: R101 'crap' is mild profanity; leave it out or rephrase"]


def test_commits_on_the_base_after_the_branch_started_do_not_count(run, repo, write, git):
    git("checkout", "-q", "main")
    write("drafts/mail-1.md", "Send us an email today, damn it.\n")
    git("commit", "-q", "-am", "later on main")
    git("checkout", "-q", "feature")
    result = run("--diff-base", "main", "--select", "R101", "drafts")
    assert "drafts/mail-1.md" not in result.out
    assert "drafts/old.md:3:5: R101" in result.out


def test_nothing_changed_is_all_clear(run, repo):
    result = run("--diff-base", "HEAD", "drafts")
    assert result.code == 0
    assert result.out == "All clear: 0 drafts checked.\n"


def test_unknown_ref_exits_2_with_one_line(run, repo):
    result = run("--diff-base", "origin/nope", "drafts")
    assert result.code == 2
    assert result.err.startswith("postlint: --diff-base: no commit named 'origin/nope'")
    assert len(result.err.splitlines()) == 1 and result.out == ""


def test_not_a_repository_exits_2_with_one_line(run, write, monkeypatch, tmp_path):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    write("a.md", "Hello.\n")
    result = run("--diff-base", "main", "a.md")
    assert result.code == 2
    assert result.err == (f"postlint: --diff-base needs a git repository, and {tmp_path} is"
                          " not inside one\n")


def test_changed_lines_only_needs_diff_base(run, write):
    write("a.md", "Hello.\n")
    result = run("--changed-lines-only", "a.md")
    assert result.code == 2 and "--changed-lines-only needs --diff-base" in result.err
