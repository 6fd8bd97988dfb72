"""Large runs go to worker processes; what the user sees is exactly what one process gives."""

from __future__ import annotations

import pytest

from postlint.lint import parallel
from postlint import plugins
from postlint.lint.catalog import Catalog
from postlint.load.config import Config
from postlint.text import words
from postlint.lint.engine import Choices, Linter


@pytest.fixture
def many(write):
    write(".postlint.yaml", "extend-select: [chatspeak]\n")
    for i in range(40):
        write(f"drafts/{i:02d}.md", f"Post {i}: send an e-mail, lol.\n" if i % 3 else
              f"Post {i}: our email is open. Email us!\n")
    write("drafts/15.md", "<!-- postlint-disable term-consistency -->\nan email\n")
    write("drafts/20.md", b"\xff not text\n")
    write("drafts/33.md", "---\nprofile: colleagues\n---\nlol, an e-mail\n")


@pytest.mark.parametrize("jobs", ["1", "2", "3"])
def test_workers_give_the_serial_output(many, run, monkeypatch, jobs):
    serial = run("--statistics", "drafts")
    monkeypatch.setattr(parallel, "THRESHOLD", 2)
    monkeypatch.setattr(parallel, "CHUNK", 7)
    monkeypatch.setenv(parallel.JOBS_VARIABLE, jobs)
    chunked = run("--statistics", "drafts")
    assert chunked.out == serial.out and chunked.err == serial.err
    assert chunked.code == serial.code == 2
    assert "drafts/03.md:1:13: B106 'email' is also written 'e-mail'" in chunked.out
    assert "drafts/15.md" not in chunked.out  # suppressed there
    assert "drafts/20.md: error: line 1: not valid UTF-8" in chunked.err


def test_workers_and_fix(many, run, monkeypatch, tmp_path):
    (tmp_path / ".postlint.yaml").write_text("brand: {preferred: {e-mail: email}}\n")
    monkeypatch.setattr(parallel, "THRESHOLD", 2)
    monkeypatch.setattr(parallel, "CHUNK", 7)
    run("--fix", "drafts")
    assert (tmp_path / "drafts/01.md").read_text() == "Post 1: send an email, lol.\n"
    assert (tmp_path / "drafts/20.md").read_bytes() == b"\xff not text\n"


@pytest.mark.parametrize("options", [
    ["--show-source"], ["--format", "sarif"], ["--format", "junit"], ["--format", "gitlab"],
    ["--format", "json"]])
def test_workers_give_the_serial_report_in_every_format(many, run, monkeypatch, options):
    # the workers' report reads draft texts back from the files: same bytes out
    serial = run(*options, "drafts")
    monkeypatch.setattr(parallel, "THRESHOLD", 2)
    monkeypatch.setattr(parallel, "CHUNK", 7)
    monkeypatch.setenv(parallel.JOBS_VARIABLE, "2")
    chunked = run(*options, "drafts")
    assert chunked.out == serial.out and chunked.err == serial.err
    assert chunked.code == serial.code == 2


def test_workers_reject_the_drafts_one_process_rejects(many, write, run, monkeypatch):
    write("drafts/05.md", "---\nprofile: nobody\n---\nan e-mail\n")
    write("drafts/06.md", "---\nplatform: myspace\n---\nan e-mail\n")
    serial = run("drafts")
    monkeypatch.setattr(parallel, "THRESHOLD", 2)
    monkeypatch.setattr(parallel, "CHUNK", 7)
    monkeypatch.setenv(parallel.JOBS_VARIABLE, "2")
    chunked = run("drafts")
    assert chunked.out == serial.out and chunked.err == serial.err
    assert "drafts/05.md: error: line 2: front matter: unknown profile 'nobody'" in chunked.err
    assert "drafts/06.md: error: line 2: front matter: unknown platform 'myspace'" in chunked.err


def test_drafts_are_read_again_only_for_rules_that_want_them(many, write, run, monkeypatch):
    write("drafts/07.md", "🎉 2025 🎉\n")  # no word: nothing term-consistency compares
    reads = []
    original = parallel.files.read
    monkeypatch.setattr(parallel.files, "read", lambda *a: reads.append(a[0]) or original(*a))
    monkeypatch.setattr(parallel, "THRESHOLD", 2)
    monkeypatch.setenv(parallel.JOBS_VARIABLE, "1")  # workers' reads happen here too
    run("drafts")
    assert reads.count("drafts/03.md") == 2  # `email`: term-consistency wants it again
    assert reads.count("drafts/07.md") == reads.count("drafts/20.md") == 1  # (20: not text)
    assert len(reads) == 40 + 38
    reads.clear()
    write(".postlint.yaml", "ignore: [term-consistency]\n")  # the only rule that compares
    run("drafts")
    assert len(reads) == 40


def test_workers_inherit_every_word_list_read_and_compiled():
    linter = Linter(Catalog.load(plugins.manager()), Config(), Choices(select=["ALL"]))
    linter.prepare()
    regexes = [p for p in linter._word_lists if isinstance(p, words.Words)]
    assert len(regexes) > 25
    for pattern in regexes:
        assert {"needs", "compiled"} <= set(vars(pattern))



@pytest.mark.parametrize("paths", [["drafts"], ["./drafts"], ["drafts", "./drafts/05.md"]])
def test_workers_list_each_file_linted_once_by_its_shown_path(many, run, monkeypatch, paths):
    # the report's files linted are a view of the file list when each file is shown by
    # its own path, a dict of them when not; a file named twice is linted once (one
    # process, which lints it twice, is not compared then)
    serial = run("--format", "junit", *paths)
    monkeypatch.setattr(parallel, "THRESHOLD", 2)
    monkeypatch.setattr(parallel, "CHUNK", 7)
    monkeypatch.setenv(parallel.JOBS_VARIABLE, "2")
    chunked = run("--format", "junit", *paths)
    if len(paths) == 1:
        assert chunked.out == serial.out and chunked.err == serial.err
    assert chunked.out.count('<testcase name="drafts/05.md"') == 1
    assert '<testcase name="drafts/20.md"' in chunked.out  # (unreadable: with its error)
    assert chunked.out.count("<testcase ") == 40
    assert 'tests="40" failures="50" errors="1"' in chunked.out


@pytest.mark.parametrize("value", ["abc", "0", "-2", "two"])
def test_a_bad_number_of_workers_is_an_error_even_in_a_small_run(run, write, monkeypatch, value):
    # it was read only by runs of 200 files or more, and then quietly meant "every core"
    monkeypatch.setenv(parallel.JOBS_VARIABLE, value)
    write("a.md", "Hello there.\n")
    result = run("a.md")
    assert result.code == 2 and result.out == ""
    assert result.err == ("<environment>: POSTLINT_JOBS: expected a whole number of worker "
                          f"processes, 1 or more (1: none), got {value!r}\n")
