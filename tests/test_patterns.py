"""Compiled patterns kept between runs match exactly what compiling them gives."""

from __future__ import annotations

import pytest
import regex

from postlint.load import cache, patterns

PATTERNS = [
    (r"(?<![\w#@/]|\w[.-])(?:(?:lol)|(?:b(?P<x>r)uh\s+moment))(?!\w|[.-]\w)", regex.I),
    (r"\p{Lu}{2,}(?:\s+\p{Lu}{2,})*", 0),
    (r"(?:colou?r){e<=1}", regex.BESTMATCH),
    (r"(?V1)[[a-z]--[aeiou]]+", 0),
    (r"(\p{L})\1{2,}", 0),
    (r"^(?:#|\$)\w+$", regex.M | regex.I),
]
TEXT = "LOL bruh  moment, COLOR and colr; sooo #Tag\n$AAPL rhythm BRUH MOMENT"


@pytest.fixture
def kept(tmp_path, monkeypatch):
    """A fresh store of patterns in an empty cache folder; `kept()` is the next run's."""
    monkeypatch.setenv("POSTLINT_CACHE_DIR", str(tmp_path / "cache"))
    compiled = []
    monkeypatch.setattr(patterns, "_original", lambda *args: compiled.append(args[0])
                        or patterns_original(*args))

    def next_run():
        patterns._store.save()
        monkeypatch.setattr(patterns, "_store", cache.Store("regex", "stamp"))
        patterns._made.clear()
        compiled.clear()
        return compiled

    monkeypatch.setattr(patterns, "_store", cache.Store("regex", "stamp"))
    monkeypatch.setattr(patterns, "_made", {})
    return next_run


patterns_original = patterns._original


def _behaviour(pattern):
    return (pattern.pattern, pattern.flags, pattern.groups, pattern.groupindex,
            [m.span() for m in pattern.finditer(TEXT)],
            [m.groupdict() for m in pattern.finditer(TEXT)], pattern.sub("_", TEXT))


@pytest.mark.parametrize("source, flags", PATTERNS)
def test_a_kept_pattern_matches_as_the_compiled_one(kept, source, flags):
    first = _behaviour(regex.compile(source, flags))
    compiled = kept()
    again = regex.compile(source, flags)
    assert compiled == []  # built from what was kept, not compiled
    assert _behaviour(again) == first


def test_a_pattern_is_kept_under_its_exact_text_and_flags(kept):
    regex.compile("colou?r", regex.I)
    compiled = kept()
    regex.compile("colou?r", regex.I)
    regex.compile("colou?r")
    regex.compile("colou?rs", regex.I)
    assert compiled == ["colou?r", "colou?rs"]


@pytest.mark.parametrize("damage", [
    lambda e: e[:1] + ["not base64!"] + e[2:], lambda e: e[:2] + [{"x": "1"}] + e[3:],
    lambda e: e[:6], lambda e: "text", lambda e: e[:4] + [["a"]] + e[5:]])
def test_a_damaged_entry_is_compiled_again(kept, damage):
    regex.compile(r"b(?P<x>r)uh", regex.I)
    key = f"{int(regex.I)} {int(regex.DEFAULT_VERSION)} b(?P<x>r)uh"
    patterns._store.put(key, damage(patterns._store.get(key)))
    compiled = kept()
    assert regex.compile(r"b(?P<x>r)uh", regex.I).search("BRUH").group("x") == "R"
    assert compiled == [r"b(?P<x>r)uh"]


def test_patterns_that_depend_on_more_than_their_text_are_not_kept(kept):
    regex.compile(r"(?L)\w+")
    regex.compile(r"\L<words>", words=["a", "b"])
    compiled = kept()
    assert regex.compile(r"(?L)\w+").match("abc")
    assert regex.compile(r"\L<words>", words=["c"]).match("c")
    assert compiled == [r"(?L)\w+", r"\L<words>"]
