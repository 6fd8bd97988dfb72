"""The seed the package ships holds what a first run of the built-in rules computes, and
its entries stand only for the code they were made by."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from postlint import plugins
from postlint.load import cache

SEED = Path(cache.SEED)


def _made_here(script) -> bool:
    made = json.loads((SEED / "forms.json").read_text("utf-8"))["made with"]
    return made == script("gen_cache_seed").environment()


def test_the_seed_is_current(script):
    if not _made_here(script):
        pytest.skip("the seed was made with other versions of Python or the libraries")
    assert script("gen_cache_seed").main(["--check"]) == 0


def test_a_stale_seed_is_found(script, tmp_path):
    (tmp_path / "needs.json").write_text('{"stamp": "old code", "entries": {}}')
    assert script("gen_cache_seed").main(["--check", "--output", str(tmp_path)]) == 1


def test_a_first_run_takes_what_it_would_compute_from_the_seed(script, tmp_path, monkeypatch):
    if not _made_here(script):
        pytest.skip("the seed was made with other versions of Python or the libraries")
    (tmp_path / "small.md").write_text("Had a great week with the team. Thanks lol!\n")
    monkeypatch.chdir(tmp_path)
    env = {**os.environ, "POSTLINT_CACHE_DIR": str(tmp_path / "cache"),
           plugins.AUTOLOAD_SWITCH: "1"}
    probe = ("import sys\nfrom postlint.text import words\nanalysed = []\n"
             "analyse = words.pattern_needs\n"
             "words.pattern_needs = lambda t: analysed.append(t) or analyse(t)\n"
             "from postlint.cli.main import main\ntry:\n"
             "    main(['--isolated', '--select', 'ALL', 'small.md'], standalone_mode=False)\n"
             "except SystemExit:\n    pass\n"
             "print('analysed:', len(analysed), 'lemminflect' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         env=env).stdout
    assert "T104 'lol' is chat shorthand" in out
    assert out.splitlines()[-1] == "analysed: 0 False"
    kept = marshal.loads((tmp_path / "cache" / "needs.marshal").read_bytes())
    assert kept["entries"]  # what the seed gave is kept in the cache folder


def test_seed_entries_of_other_code_are_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("POSTLINT_CACHE_DIR", str(tmp_path / "cache"))
    seed = tmp_path / "seed"
    seed.mkdir()
    (seed / "kind.json").write_text('{"stamp": "code 1", "entries": {"key": [1]}}')
    monkeypatch.setattr(cache, "SEED", str(seed))
    assert cache.Store("kind", "code 1").get("key") == [1]
    assert cache.Store("kind", "code 2").get("key") is cache.MISSING
    monkeypatch.setattr(cache, "SEED", None)
    assert cache.Store("kind", "code 1").get("key") is cache.MISSING
