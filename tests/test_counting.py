"""Exact counts per unit, crossing points, and properties of segments()."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.text.counting import UNITS, crossing, length, segments

FAMILY = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"  # 👨‍👩‍👧‍👦
HEART_ON_FIRE = "\u2764\uFE0F\u200D\U0001F525"  # ❤️‍🔥, Unicode 13.1
FLAG_FR = "\U0001F1EB\U0001F1F7"
WAVE_DARK = "\U0001F44B\U0001F3FF"  # waving hand, dark skin tone
E_ACUTE_DECOMPOSED = "e\u0301"

#            text,               x, graphemes, utf8, code-points, utf16, threads
CASES = [
    (FAMILY,                     2, 1, 25, 7, 11, 25),
    (HEART_ON_FIRE,              2, 1, 13, 4, 5, 13),
    (FLAG_FR,                    2, 1, 8, 2, 4, 8),
    (FLAG_FR * 2,                4, 2, 16, 4, 8, 16),
    (WAVE_DARK,                  2, 1, 8, 2, 4, 8),
    (E_ACUTE_DECOMPOSED,         1, 1, 3, 2, 2, 2),
    ("\u00e9",                   1, 1, 2, 1, 1, 1),
    ("日本語",                   6, 3, 9, 3, 3, 3),
    ("a\r\nb",                   4, 3, 4, 4, 4, 4),
    ("1\u20E3",                  2, 1, 4, 2, 2, 4),   # keycap without VS16
    ("\u00a9",                   1, 1, 2, 1, 1, 1),   # © alone is text
    ("\u00a9\uFE0F",             2, 1, 5, 2, 2, 5),   # ©️ is an emoji
    ("", 0, 0, 0, 0, 0, 0),
]


@pytest.mark.parametrize("text,x,graphemes,utf8,cps,utf16,threads", CASES)
def test_units(text, x, graphemes, utf8, cps, utf16, threads):
    got = {unit: length(text, unit) for unit in UNITS}
    assert got == {
        "x": x, "graphemes": graphemes, "utf8-bytes": utf8,
        "code-points": cps, "utf16": utf16, "threads": threads,
    }


def test_x_counts_every_url_as_23():
    assert length("https://example.com/a/very/long/path?with=query", "x") == 23
    assert length("example.com", "x") == 23
    assert length("see example.com and http://t.co/x", "x") == 4 + 23 + 5 + 23
    # Without a URL option, other units count a URL as written.
    assert length("example.com", "graphemes") == 11
    assert length("example.com", "graphemes", url_length=23) == 23


def test_mastodon_options():
    text = "hi @alice@example.social see https://example.com/some/long/path and example.org"
    mastodon = dict(url_length=23, bare_urls=False, mention_without_domain=True)
    # "hi " 3 + "@alice" 6 + " see " 5 + URL 23 + " and " 5 + "example.org" 11
    assert length(text, "graphemes", **mastodon) == 53
    assert length("@alice", "graphemes", **mastodon) == 6
    assert length("mail alice@example.social", "graphemes", **mastodon) == 25


def test_segments_of_family_and_url():
    text = "a " + FAMILY + " example.com"
    assert list(segments(text, "x")) == [(0, 1, 1), (1, 2, 1), (2, 9, 2), (9, 10, 1), (10, 21, 23)]
    assert list(segments(text, "graphemes"))[2] == (2, 9, 1)


def test_segments_map_nfc_back_to_original_offsets():
    assert list(segments("a" + E_ACUTE_DECOMPOSED + "b", "x")) == [(0, 1, 1), (1, 3, 1), (3, 4, 1)]


def test_crossing():
    assert crossing("abcdef", 3, "code-points") == 3
    assert crossing("abc", 3, "code-points") is None
    assert crossing("ab日本", 3, "x") == 2          # 1+1+2 > 3 at the first CJK character
    assert crossing("x" * 270 + " https://example.com", 280, "x") == 271
    assert crossing(FAMILY * 3, 5, "x") == 14        # the third family emoji
    assert crossing(FAMILY * 3, 2, "graphemes") == 14
    assert crossing("", 0, "x") is None
    assert crossing("a", 0, "utf16") == 0


def test_unknown_unit():
    with pytest.raises(ValueError):
        length("a", "words")


def test_long_input_is_linear():
    text = ("Hello, see example.com and " + FAMILY + " #tag\n") * 20_000
    assert length(text, "x") == 20_000 * (11 + 23 + 5 + 2 + 6)
    assert length("\u4e2d" * 200_000 + ".zzz", "x") == 400_004


PARTS = list("ab .:/#@_-e\u0301\r\n\u05e9\u05bc\u05c1\u1100\u1161\u11a8\u200d\U0001F3FF\uFE0F\u4e2d") + [
    "example.com", "http://", FAMILY, FLAG_FR[0], "1\u20E3", "@bob@x.org", "\u00c5", "\u212b",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PARTS), max_size=30).map("".join) | st.text(max_size=30))
def test_segments_tile_the_text(text):
    for unit in UNITS:
        pieces = list(segments(text, unit))
        bounds = [0] + [end for _, end, _ in pieces]
        assert [start for start, _, _ in pieces] == bounds[:-1]
        assert bounds[-1] == len(text)
        assert all(start < end and cost >= 0 for start, end, cost in pieces)
        assert length(text, unit) == sum(p[2] for p in pieces)
        limit = length(text, unit) // 2
        cross = crossing(text, limit, unit)
        running = 0
        expected = None
        for start, _, cost in pieces:
            running += cost
            if running > limit:
                expected = start
                break
        assert cross == expected
    assert length(text, "graphemes") == len(regex.findall(r"\X", text))
