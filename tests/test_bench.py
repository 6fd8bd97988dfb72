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
