"""Entity extraction beyond the twitter-text cases: offsets, kinds, Mastodon mentions."""

from __future__ import annotations

from postlint.text.entities import (Entity, cashtags, extract, hashtags, is_valid_url,
                                    iter_urls, mentions, urls)


def spans(found: list[Entity]) -> list[tuple[str, int, int, str]]:
    return [(e.kind, e.start, e.end, e.text) for e in found]


def test_extract_sorts_all_kinds_with_code_point_offsets():
    text = "\U0001F525 @ann loves #café and $TSLA at https://example.com/x?y=1"
    assert spans(extract(text)) == [
        ("mention", 2, 6, "@ann"),
        ("hashtag", 13, 18, "#café"),
        ("cashtag", 23, 28, "$TSLA"),
        ("url", 32, 57, "https://example.com/x?y=1"),
    ]


def test_hash_inside_a_word_is_not_a_hashtag():
    assert hashtags("foo#ad") == []
    assert spans(hashtags("foo #ad")) == [("hashtag", 4, 7, "#ad")]
    assert hashtags("#123") == []


def test_hashtag_in_url_is_dropped():
    assert hashtags("see http://example.com/#frag") == []
    assert [e.kind for e in extract("see example.com/#frag")] == ["url"]


def test_astral_hashtag_offsets_are_code_points():
    assert spans(hashtags("\U0001F600 #\U00020021x")) == [("hashtag", 2, 5, "#\U00020021x")]


def test_mentions_x_and_fediverse():
    text = "cc @bob@mastodon.social and @amy"
    assert [e.text for e in mentions(text)] == ["@amy"]
    assert [e.text for e in mentions(text, fediverse=True)] == ["@bob@mastodon.social", "@amy"]
    assert mentions("mail me at bob@example.com", fediverse=True) == []
    assert [e.text for e in mentions("@user/list @x")] == ["@x"]


def test_cashtags():
    assert [e.text for e in cashtags("$BRK.B up, $AAPL. $123 x$NO")] == ["$BRK.B", "$AAPL"]


def test_urls_with_and_without_scheme():
    text = "Go to example.com, https://www.example.org/a_(b) or t.co/xyz! Not example.notatld."
    assert [e.text for e in urls(text)] == ["example.com", "https://www.example.org/a_(b)", "t.co/xyz"]
    assert urls("no dots here") == []
    assert [e.text for e in iter_urls("a.com b.com")] == ["a.com", "b.com"]


def test_url_needs_a_known_tld_and_sane_labels():
    assert urls("file.txt and v1.2.3") == []
    assert urls("http://" + "a" * 64 + ".com") == []
    assert [e.text for e in urls("http://" + "a" * 63 + ".com")] == ["http://" + "a" * 63 + ".com"]


def test_directional_marks_bound_a_url():
    text = "\u202Bexample.com\u202C"
    assert spans(urls(text)) == [("url", 1, 12, "example.com")]


def test_is_valid_url():
    assert is_valid_url("https://example.com/path?q=1#top")
    assert not is_valid_url("example.com")
    assert is_valid_url("example.com", require_scheme=False)
    assert not is_valid_url("ftp://example.com")


def test_long_lines_stay_fast():
    # Each of these was quadratic in a naive regex scan; here they finish quickly.
    assert urls("\u4e2d" * 100_000 + ".zzz") == []
    assert urls("a_" * 20_000 + "a.com") == []
    assert len(urls("x.com " * 10_000)) == 10_000
    assert hashtags("#1" * 50_000) == []
    assert urls("abcdefghijklmnopq." * 50_000) == []


def test_domains_without_scheme_split_where_twitter_text_does():
    # Only ASCII labels (Latin accents allowed) count without a scheme; the last
    # domain keeps the path.
    assert spans(urls("go to café.example.com/a and ΩΩ.b-c.example.org/x")) == [
        ("url", 6, 24, "café.example.com/a"),
        ("url", 32, 49, "b-c.example.org/x"),
    ]
    assert spans(urls("EXAMPLE.CO.UK, xn--bcher-kva.de and bücher.de, a.b_c.com")) == [
        ("url", 0, 13, "EXAMPLE.CO.UK"),
        ("url", 15, 31, "xn--bcher-kva.de"),
        ("url", 36, 45, "bücher.de"),
    ]


def test_text_without_a_known_tld_compiles_no_url_regex():
    code = (
        "from postlint.text import entities as e\n"
        "assert e.urls('Plain text, e.g. U.S. spelling. 3.5 and x.y.') == []\n"
        "assert e._DOTTED_RUN._compiled is None and e._URL_TAIL._compiled is None\n"
        "assert e.urls('see example.com') != []\n"
        "assert e._URL_TAIL._compiled is not None\n"
    )
    import subprocess
    import sys
    subprocess.run([sys.executable, "-c", code], check=True)
