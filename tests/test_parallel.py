"""Large runs go to worker processes; what the user sees is exactly what one process gives."""

from __future__ import annotations

import pytest

from postlint import parallel


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
