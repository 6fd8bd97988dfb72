"""The cache keeps the analysis of word lists between runs, and never gets in the way."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
import time

import pytest

from postlint.load import cache, yamlfile
from postlint.text import words


def settle(path):
    """Date a file's last change a minute back."""
    then = time.time() - 60
    os.utime(path, (then, then))


@pytest.fixture
def folder(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("POSTLINT_CACHE_DIR", str(where))
    return where


def test_entries_are_kept_for_the_next_run_of_the_same_code(folder):
    store = cache.Store("kind", "code 1")
    assert store.get("key") is cache.MISSING
    store.put("key", ["value", 1])
    store.save()
    assert cache.Store("kind", "code 1").get("key") == ["value", 1]
    assert cache.Store("kind", "code 2").get("key") is cache.MISSING
    assert marshal.loads((folder / "kind.marshal").read_bytes())["stamp"] == "code 1"


def test_a_broken_file_is_ignored_then_replaced(folder):
    folder.mkdir()
    (folder / "kind.marshal").write_bytes(marshal.dumps({"stamp": "code", "entries": {}})[:-3])
    store = cache.Store("kind", "code")
    assert store.get("key") is cache.MISSING
    store.put("key", None)
    store.save()
    assert cache.Store("kind", "code").get("key") is None
    assert [p.name for p in folder.iterdir()] == ["kind.marshal"]  # no temporary file left


def test_a_huge_file_is_not_read(folder, monkeypatch):
    store = cache.Store("kind", "code")
    store.put("key", "x" * 100)
    store.save()
    monkeypatch.setattr(cache, "MAX_BYTES", 100)
    assert cache.Store("kind", "code").get("key") is cache.MISSING


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("POSTLINT_CACHE_DIR", str(tmp_path / "file"))
    store = cache.Store("kind", "code")
    store.put("key", 1)
    store.save()
    assert (tmp_path / "file").read_text() == "not a folder"


def test_an_empty_setting_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("POSTLINT_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    store = cache.Store("kind", "code")
    store.put("key", 1)
    store.save()
    assert cache.folder() is None and list(tmp_path.iterdir()) == []


def test_the_folder_follows_xdg_then_home(tmp_path, monkeypatch):
    monkeypatch.delenv("POSTLINT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() == str(tmp_path / "xdg" / "postlint")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.folder() == str(tmp_path / ".cache" / "postlint")


def test_a_full_file_starts_afresh(folder):
    store = cache.Store("kind", "code", limit=2)
    for key in "abc":
        store.put(key, key)
    assert [store.get(k) for k in "abc"] == [cache.MISSING, cache.MISSING, "c"]


def test_word_lists_read_a_kept_analysis_and_redo_a_damaged_one(folder, monkeypatch):
    monkeypatch.setattr(words, "_KNOWN", cache.Store("needs", "code"))
    words._KNOWN.put("hello", [["he"], "", False])  # (the analysis would say "hell")
    words._KNOWN.put("world", [["worl"], 5])  # damaged: analysed again
    words._KNOWN.put("word", [["word"], 5, False])
    assert words.known_needs("hello") == words.Needs(frozenset({"he"}), "", False)
    assert words.known_needs("world") == words.pattern_needs("world")
    assert words.known_needs("word") == words.pattern_needs("word")
    assert words._KNOWN.get("world") == [["worl"], "", False]


def test_runs_with_a_cold_and_a_warm_cache_say_the_same(tmp_path):
    draft = tmp_path / "post.md"
    draft.write_text("Honestly, this synergy is a game changer, lol. DM me at 555-123-4567\n")
    env = {**os.environ, "POSTLINT_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "postlint", "--select", "ALL", "--isolated", "post.md"]
    cold = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    kept = marshal.loads((tmp_path / "cache" / "needs.marshal").read_bytes())["entries"]
    warm = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert len(kept) > 100 and "synerg(?:y|ies|ize|ise|istic)" in kept
    assert (warm.returncode, warm.stdout, warm.stderr) == \
        (cold.returncode, cold.stdout, cold.stderr) == (1, cold.stdout, "")
    assert "game changer" in cold.stdout and "555-123-4567" in cold.stdout


def kept_key(path) -> str:
    return yamlfile.digest(path.read_bytes())


def test_rule_files_are_kept_with_their_lines_until_they_change(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(yamlfile, "_KEPT", cache.Store("yaml", "code"))
    path = tmp_path / "rule.yaml"
    path.write_text("name: x\nlist:\n  - a\n  - {b: 1.5, c: null}\n")
    first = yamlfile.load(path, keep=True)
    assert yamlfile._KEPT.get(kept_key(path)) is not cache.MISSING
    monkeypatch.setattr(yamlfile, "loads", None)  # a kept file is not parsed again
    again = yamlfile.load(path, keep=True)
    assert again == first == {"name": "x", "list": ["a", {"b": 1.5, "c": None}]}
    assert again is not first and type(again["list"][1]) is yamlfile.Map
    assert (again.lines, again["list"].lines, again["list"][1].line) == ({"name": 1, "list": 2},
                                                                         [3, 4], 4)
    path.write_text("name: y\n")
    with pytest.raises(TypeError):  # changed: parsed again
        yamlfile.load(path, keep=True)


@pytest.mark.parametrize("edit", [
    lambda text: text.replace("lol", "xyz"),  # same size
    lambda text: text.replace("[lol, ", "["),  # shorter
    lambda text: text + "# a comment\n",
])
def test_an_entry_is_for_the_bytes_it_was_made_from_whatever_size_and_time(
        folder, tmp_path, monkeypatch, edit):
    # an entry kept under a file's name, size and time could stand for other content
    # (a changed file whose time was set back, an entry another job wrote): not one
    # keyed by a hash of the bytes
    monkeypatch.setattr(yamlfile, "_KEPT", cache.Store("yaml", "code"))
    path = tmp_path / "rule.yaml"
    path.write_text("tokens: [lol, omg]\n")
    settle(path)
    before = os.stat(path)
    assert yamlfile.load(path, keep=True) == {"tokens": ["lol", "omg"]}
    changed = edit(path.read_text())
    path.write_text(changed)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert yamlfile.load(path, keep=True) == yamlfile.loads(changed)


@pytest.mark.parametrize("damage", ["{", 5, '{"\\u0000": 1}', {"x": 1}, None, [1, 2]])
def test_a_damaged_kept_file_is_parsed_again(folder, tmp_path, monkeypatch, damage):
    monkeypatch.setattr(yamlfile, "_KEPT", cache.Store("yaml", "code"))
    path = tmp_path / "rule.yaml"
    path.write_text("name: x\n")
    yamlfile.load(path, keep=True)
    yamlfile._KEPT.put(kept_key(path), damage)
    assert yamlfile.load(path, keep=True) == {"name": "x"}


@pytest.mark.parametrize("text", ["1: one\n", "when: 2024-01-01\n", "~: nothing\n",
                                  "on: [1, 2.5]\n"])  # (`on` is true in YAML 1.1)
def test_files_that_json_cannot_hold_are_parsed_each_time(folder, tmp_path, monkeypatch, text):
    monkeypatch.setattr(yamlfile, "_KEPT", cache.Store("yaml", "code"))
    path = tmp_path / "rule.yaml"
    path.write_text(text)
    assert yamlfile.load(path, keep=True) == yamlfile.load(path, keep=True) == \
        yamlfile.loads(text)
    assert yamlfile._KEPT.get(kept_key(path)) is cache.MISSING


def test_kept_front_matter_gives_the_same_draft_and_errors_with_their_lines(folder, monkeypatch):
    from postlint.text.draft import Draft, DraftError

    monkeypatch.setattr(yamlfile, "_HEADS", cache.Store("front-matter", "code"))
    text = "---\nprofile: brand\nplatforms: [x, linkedin]\ntags: [a]\n---\nHello there.\n"
    first, again = Draft.from_text(text), Draft.from_text(text)
    assert first.front_matter == again.front_matter == {
        "profile": "brand", "platforms": ["x", "linkedin"], "tags": ["a"]}
    assert yamlfile.line_of(again.front_matter, "platforms") == 3
    again.front_matter["platforms"].append("threads")  # a draft's own copy
    assert Draft.from_text(text).front_matter["platforms"] == ["x", "linkedin"]
    wrong = "---\nprofile: brand\nplatforms: {x: 1}\n---\nHello.\n"
    for _ in range(2):
        with pytest.raises(DraftError, match="line 3: front matter: 'platforms' must be a list"):
            Draft.from_text(wrong)
    broken = "---\nprofile: [brand\n---\nHello.\n"
    for _ in range(2):
        with pytest.raises(DraftError, match="invalid YAML"):
            Draft.from_text(broken)
