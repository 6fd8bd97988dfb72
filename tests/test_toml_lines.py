"""Lines of TOML keys and items (`load.tomllines`): every key and item of a parsed text
gets the line it is written on, whatever strings, comments and nesting surround it."""

from __future__ import annotations

import tomllib

from postlint.load import tomllines

TRICKY = '''\
# a comment with key = "value"
title = "Launch" # a = 1
description = """
profile = "not a key"
[not.a.table]
"""
literal = \'\'\'
disable = ["no"]\'\'\'
"quoted.key" = 1
dotted.part = "x"
disable = [
  "T101", # a comment, "with quotes"
  [1, 2],

  "shoutng",
]
inline = { a = 1, b = [ "x", "y" ], c = { d = "]" } }
escaped = "a \\" [ b"

[params]
profile = "brnd"
nested = [{ k = 1 }, { k = 2 }]

[[items]]
name = "one"
[[items]]
name = "two"
'''

EXPECTED = {
    ("title",): 2, ("description",): 3, ("literal",): 7, ("quoted.key",): 9,
    ("dotted",): 10, ("dotted", "part"): 10, ("disable",): 11, ("disable", 0): 12,
    ("disable", 1): 13, ("disable", 1, 1): 13, ("disable", 2): 15, ("inline",): 17,
    ("inline", "b", 1): 17, ("inline", "c", "d"): 17, ("escaped",): 18, ("params",): 20,
    ("params", "profile"): 21, ("params", "nested", 1): 22, ("params", "nested", 1, "k"): 22,
    ("items",): 24, ("items", 0, "name"): 25, ("items", 1): 26, ("items", 1, "name"): 27,
}


def _paths(value, path=()):
    yield path
    items = value.items() if isinstance(value, dict) else enumerate(value) \
        if isinstance(value, list) else ()
    for key, item in items:
        yield from _paths(item, path + (key,))


def test_every_key_and_item_has_the_line_it_is_written_on():
    found = tomllines.lines(TRICKY)
    assert {path: found.get(path) for path in EXPECTED} == EXPECTED
    # every path tomllib reads has a line; nothing inside a string is taken for a key
    parsed = tomllib.loads(TRICKY)
    assert [p for p in _paths(parsed) if p and p not in found] == []
    assert ("profile",) not in found and ("not",) not in found


def test_with_lines_gives_maps_and_seqs_their_lines():
    value = tomllines.with_lines(tomllib.loads(TRICKY), tomllines.lines(TRICKY, first=2))
    assert value.lines["disable"] == 12 and value["disable"].lines == [13, 14, 16]
    assert value["params"].line == 21 and value["items"][1].lines == {"name": 28}


def test_text_that_is_no_toml_never_hangs_or_raises():
    for text in ("a = [}", "a = {", "[a", "a = '''", "= 1", "a = [1,,]", 'a = "\\'):
        tomllines.lines(text)
