"""The benchmark runs and prints its figures (the figures themselves are not tested)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COMMAND = Path(sys.executable).parent / "postlint"


@pytest.mark.skipif(not COMMAND.is_file(), reason="no installed postlint command")
def test_bench_builds_every_set_and_prints_a_row_for_each(tmp_path):
    corpus = tmp_path / "tiny.tsv"
    corpus.write_text("id\ttext\n1\tThis is AMAZING, lol.\n2\tSend an e-mail.\n"
                      "3\tThanks everyone for coming!\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--postlint", str(COMMAND),
         "--corpus", str(corpus), "--sets", "files,thread,post,1x,10x", "--startup-runs", "1"],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("start-up, one small draft: median") and "empty cache" in line
               for line in lines)
    rows = {line.split()[0]: line.split() for line in lines[lines.index("") + 2:] if line}
    assert list(rows) == ["files", "thread", "post", "1x", "10x"]
    assert [rows[name][1:3] for name in rows] == [["3", "3"], ["3", "1"], ["1", "1"],
                                                  ["3", "1"], ["30", "3"]]
    assert all(row[-1] == "0" for row in rows.values())  # (warnings only: exit code 0)


@pytest.mark.skipif(not COMMAND.is_file(), reason="no installed postlint command")
def test_bench_builds_and_times_an_archive(tmp_path):
    corpus = tmp_path / "tiny.tsv"
    corpus.write_text("id\ttext\n1\tHello there.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--postlint", str(COMMAND),
         "--corpus", str(corpus), "--sets", "archive", "--archive-posts", "40",
         "--startup-runs", "1"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    row = next(line.split() for line in result.stdout.splitlines() if line.startswith("archive"))
    assert row[1:3] == ["40", "1"] and row[-1] in ("0", "1")


@pytest.mark.skipif(not COMMAND.is_file(), reason="no installed postlint command")
def test_bench_builds_the_many_files_set_one_post_a_file_in_folders(tmp_path):
    corpus = tmp_path / "tiny.tsv"
    corpus.write_text("id\ttext\n1\tThis is AMAZING, lol.\n2\tSend an e-mail.\n",
                      encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--postlint", str(COMMAND),
         "--corpus", str(corpus), "--sets", "420k", "--many-files", "1005",
         "--startup-runs", "1"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    header = next(line for line in lines if line.startswith("set"))
    assert header.split()[-3:] == ["parent", "MB", "exit"]
    row = next(line.split() for line in lines if line.startswith("420k"))
    assert row[1:3] == ["1,005", "1,005"] and row[-1] == "0"
    assert 0 < int(row[-2]) <= int(row[-3])  # the parent is one of all the processes


@pytest.mark.skipif(not COMMAND.is_file(), reason="no installed postlint command")
def test_bench_compares_with_a_peer_in_the_same_run(tmp_path):
    corpus = tmp_path / "tiny.tsv"
    corpus.write_text("id\ttext\n1\tThis is AMAZING, lol.\n2\tSend an e-mail.\n",
                      encoding="utf-8")
    peer = tmp_path / "proselint"  # a stand-in: the bench installs and needs nothing else
    peer.write_text("#!/bin/sh\necho \"$@\" >> \"$(dirname \"$0\")/calls\"\n")
    peer.chmod(0o755)
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--postlint", str(COMMAND),
         "--corpus", str(corpus), "--sets", "files,2k", "--startup-runs", "1",
         "--compare", "proselint", "--proselint", str(peer), "--runs", "2"],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("proselint start-up, the same draft: median") for line in lines)
    header = next(line for line in lines if line.startswith("set"))
    assert header.split()[-2:] == ["s", "faster"]
    rows = {line.split()[0]: line.split() for line in lines[lines.index(header) + 1:] if line}
    assert list(rows) == ["files", "2k"] and rows["2k"][1:3] == ["1", "1"]
    assert all(row[-1].endswith("x") for row in rows.values())
    calls = (tmp_path / "calls").read_text().splitlines()
    assert len(calls) == 1 + 2 * 2  # start-up once, then two runs of each set
    assert all(call.split()[0] == "--config" and call.split()[2] == "check" for call in calls)


def test_language_server_bench_runs_and_prints_its_figures(tmp_path):
    pytest.importorskip("pygls")
    corpus = tmp_path / "tiny.tsv"
    corpus.write_text("id\ttext\n1\tWe moved to Github, AMAZING!!!\n", encoding="utf-8")
    server = Path(sys.executable).parent / "postlint-lsp"
    if not server.is_file():
        pytest.skip("no installed postlint-lsp command")
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "lsp.py"), "--server", str(server),
         "--corpus", str(corpus), "--changes", "3"],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("postlint-lsp, a ") and "-character draft" in lines[0]
    assert [line.split(":")[0] for line in lines[3:]] == [
        "re-lint after a change, change sent to diagnostics received",
        "re-lint after a change, the server's own work (in-process)"]
    assert all(line.endswith("(3 changes)") for line in lines[3:])
