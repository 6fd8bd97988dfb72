"""Drafts: front matter, what word rules skip, exact positions, encodings, threads, input."""

from __future__ import annotations

import pytest

from postlint.text.draft import Draft, DraftError
from postlint.text.markup import prose


def found(run, *args, stdin=None):
    result = run("--format", "json", *args, stdin=stdin)
    return [(f["code"], f["line"], f["column"], f["end_line"], f["end_column"])
            for f in result.json()]


# -- front matter ---------------------------------------------------------------------

def test_front_matter_profile(run, write):
    write("a.md", "---\nprofile: professional\ntitle: SUPER LOUD TITLE\n---\nlol\n")
    assert found(run, "a.md") == [("T104", 5, 1, 5, 4)]  # the title is never linted


def test_front_matter_profile_beats_command_line_default(run, write):
    write("a.md", "---\nprofile: professional\n---\nlol\n")
    write("b.md", "lol\n")
    data = run("--format", "json", "--profile", "friends-family", "a.md", "b.md").json()
    assert [(f["path"], f["profile"]) for f in data] == [("a.md", "professional")]


def test_front_matter_disable_by_name_code_and_prefix(run, write):
    body = "lol AMAZING bullshit\n"
    write("a.md", "---\nprofile: professional\ndisable: [chatspeak, T101]\n---\n" + body)
    assert [c[0] for c in found(run, "a.md")] == ["R101"]
    write("b.md", "---\nprofile: professional\ndisable: R\n---\n" + body)
    assert [c[0] for c in found(run, "b.md")] == ["T104", "T101"]


def test_front_matter_platform_and_platforms_accepted(run, write):
    write("a.md", "---\nplatform: x\n---\nCalm.\n")
    write("b.md", "---\nplatforms: [x, linkedin]\n---\nCalm.\n")
    assert run("a.md", "b.md").code == 0
    assert Draft.from_text("---\nplatforms: x\n---\n").front_matter["platforms"] == ["x"]


@pytest.mark.parametrize("text, message", [
    ("---\nprofile: [a\n---\nHi\n", "a.md: error: line 3: front matter: invalid YAML"),
    ("---\nprofle: public\n---\nHi\n", "a.md: error: line 2: front matter: unknown key "
                                       "'profle'"),
    ("---\nprofile: nobody\n---\nHi\n", "a.md: error: line 2: front matter: unknown "
                                        "profile 'nobody'"),
    ("---\n- a list\n---\nHi\n", "a.md: error: line 2: front matter must be a mapping"),
    ("---\nprofile: public\nHi\n", "a.md: error: line 1: front matter opened with '---' is "
                                   "never closed"),
    ("---\ndisable: 3\n---\nHi\n", "a.md: error: line 2: front matter: 'disable' must be a list"),
    # what was given, and what to write instead
    ("---\nplatform: [x, linkedin]\n---\nHi\n", "a.md: error: line 2: front matter: 'platform' "
     "must be a string, got ['x', 'linkedin']; for several platforms, write platforms: [...]\n"),
    ("---\ndisable:\n---\nHi\n", "a.md: error: line 2: front matter: 'disable' must be a list, "
     "got nothing (null)\n"),
    ("---\nobjective: Traffic\n---\nHi\n", "a.md: error: line 2: front matter: 'objective' must "
     "be one of traffic, engagement, awareness, got 'Traffic' (did you mean 'traffic'?)\n"),
])
def test_bad_front_matter_is_a_read_error(run, write, text, message):
    write("a.md", text)
    result = run("a.md")
    assert result.code == 2
    assert result.err.startswith(message)


def test_front_matter_ending_with_dots(run, write):
    write("a.md", "---\nprofile: professional\n...\nlol\n")
    assert found(run, "a.md") == [("T104", 4, 1, 4, 4)]


# -- what word rules skip -------------------------------------------------------------

@pytest.mark.parametrize("line, column", [
    ("Run `LOUD COMMAND` then AMAZING", 25),
    ("See https://example.com/AMAZING-STUFF and AMAZING", 43),
    ("See www.example.com/LOUDEST now AMAZING", 33),
    ("<!-- THIS IS A NOTE --> AMAZING", 25),
    ("A [link](https://x.com/SHOUTING \"LOUDER\") AMAZING", 43),
    ("An ![image](IMAGES/SHOUTING.png) AMAZING", 34),
    ("<span class=\"LOUDEST\">AMAZING</span>", 23),
    ("``code with ` LOUDEST`` AMAZING", 25),
    ("See example.com/AMAZING-STUFF and AMAZING", 35),
    ("Docs at DOCS.EXAMPLE.CO.UK/LOUDEST then AMAZING", 41),
    ("HTTP://EXAMPLE.COM/LOUDEST AMAZING", 28),
])
def test_word_rules_skip_non_prose_with_exact_positions(run, write, line, column):
    write("a.md", "Intro line.\n" + line + "\n")
    assert found(run, "--select", "shouting", "a.md") == [("T101", 2, column, 2, column + 7)]


def test_link_text_is_prose(run, write):
    write("a.md", "Read [the AMAZING news](https://example.com).\n")
    assert found(run, "--select", "shouting", "a.md") == [("T101", 1, 11, 1, 18)]


def test_reference_definitions_skipped(run, write):
    write("a.md", "Read [the news][1] AMAZING\n\n[1]: https://example.com/SHOUTING \"LOUD\"\n")
    assert found(run, "--select", "shouting", "a.md") == [("T101", 1, 20, 1, 27)]


def test_fenced_code_skipped(run, write):
    text = "Intro\n```\nLOUDEST CODE\n```\n~~~~python\nMORE CODE\n~~~~\nThe AMAZING end\n"
    write("a.md", text)
    assert found(run, "--select", "shouting", "a.md") == [("T101", 8, 5, 8, 12)]


def test_multiline_comment_skipped(run, write):
    write("a.md", "<!--\nLOUDEST NOTE\n-->\nAMAZING\n")
    assert found(run, "--select", "shouting", "a.md") == [("T101", 4, 1, 4, 8)]


def test_columns_count_characters_not_bytes(run, write):
    write("a.md", "🚀🚀 café — AMAZING\n")
    assert found(run, "--select", "shouting", "a.md") == [("T101", 1, 11, 1, 18)]


def test_prose_keeps_length_and_newlines():
    text = "a `x` b\n<!-- c\nd --> [e](http://f) https://g.h/i\n"
    view = prose(text)
    assert len(view) == len(text)
    assert view == "a     b\n      \n      [e]                        \n"


def test_bare_domains_are_not_prose_but_emails_and_words_are():
    text = "Mail jane@acme.com or see acme.com/jobs, not e.g. U.S. or x.y, by 5.30pm.\n"
    view = prose(text)
    assert len(view) == len(text)
    assert view.split() == ["Mail", "jane@acme.com", "or", "see", ",", "not", "e.g.", "U.S.",
                            "or", "x.y,", "by", "5.30pm."]


def test_raw_option_reads_code_and_urls(tmp_path):
    """`raw: true` rules (for instance about links) see what word rules skip."""
    from postlint.checks.base import Context
    from postlint.checks.existence import Existence
    check = Existence({"tokens": ["bit.ly"], "regex": False, "ignorecase": True,
                       "whole_words": False, "exceptions": [], "raw": True}, Context())
    draft = Draft.from_text("Go to https://bit.ly/x now\n")
    assert [(m.start, m.end) for m in check.check(draft.posts[0])] == [(14, 20)]


# -- encodings and line endings -------------------------------------------------------

def test_bom_is_not_a_column(run, write):
    write("a.md", "\ufeffOur AMAZING day\n".encode("utf-8"))
    assert found(run, "--select", "shouting", "a.md") == [("T101", 1, 5, 1, 12)]


def test_bom_before_front_matter(run, write):
    write("a.md", "\ufeff---\nprofile: professional\n---\nlol\n".encode("utf-8"))
    assert found(run, "a.md") == [("T104", 4, 1, 4, 4)]


def test_crlf(run, write):
    write("a.md", b"---\r\nprofile: professional\r\n---\r\nFine.\r\nSo lol\r\n---\r\nlol AMAZING\r\n")
    assert found(run, "a.md") == [("T104", 5, 4, 5, 7), ("T104", 7, 1, 7, 4),
                                  ("T101", 7, 5, 7, 12)]


def test_crlf_show_source_has_no_carriage_return(run, write):
    write("a.md", b"Our AMAZING day\r\n")
    out = run("--show-source", "a.md").out
    assert "\r" not in out and "   1 | Our AMAZING day\n" in out


def test_bad_encoding_is_a_read_error(run, write):
    write("a.md", "Fine line\nsecond line caf\xe9\n".encode("latin-1"))
    result = run("a.md")
    assert result.code == 2
    assert result.err == ("a.md: error: line 2: not valid UTF-8 (byte 0xe9); save the file as "
                          "UTF-8\n")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_utf16_draft_or_config_says_so(run, write, encoding):
    # PowerShell's `>` writes UTF-16: it was "binary file (contains NUL bytes)" for a draft
    # and "not valid UTF-8 (byte 0xff)" for a config
    bom = "\ufeff" if encoding == "utf-16-be" else ""
    write("a.md", (bom + "Hello there.\n").encode(encoding))
    result = run("a.md")
    assert result.code == 2
    assert result.err.splitlines()[0] == ("a.md: error: line 1: saved as UTF-16, not UTF-8; "
                                          "save the file as UTF-8")
    write(".postlint.yaml", (bom + "profile: public\n").encode(encoding))
    assert run("a.md").err == (".postlint.yaml:1: saved as UTF-16, not UTF-8; save the file "
                               "as UTF-8\n")


def test_binary_file_is_a_read_error(run, write):
    write("a.md", b"\x00\x01\x02")
    assert "binary file" in run("a.md").err


# -- threads --------------------------------------------------------------------------

def test_thread_posts():
    draft = Draft.from_text("---\nprofile: public\n---\nOne\n---\nTwo\n```\n---\n```\n---\nThree")
    assert [p.text for p in draft.posts] == ["One\n", "Two\n```\n---\n```\n", "Three"]


def test_file_without_front_matter_is_one_post_or_thread():
    assert [p.text for p in Draft.from_text("One\n\nTwo\n").posts] == ["One\n\nTwo\n"]
    assert [p.text for p in Draft.from_text("One\n---\nTwo\n").posts] == ["One\n", "Two\n"]
    assert [p.text for p in Draft.from_text("One\n----\nTwo\n").posts] == ["One\n----\nTwo\n"]


WOW_RULE = """\
code: X950
name: wow-limit
type: occurrence
level: warning
message: "'{match}' is wow number {count}; two a post is plenty"
why: Repetition wears thin.
options: {tokens: [wow], max: 2}
examples:
  flag: ["wow wow wow", "Wow, wow and wow.", "wow wow WOW"]
  pass: ["wow wow", "wow", "nothing"]
"""


def test_per_post_rules_run_per_post(run, write):
    write(".postlint.yaml", "rule-dirs: [mine]\n")
    write("mine/wow.yaml", WOW_RULE)
    write("thread.md", "wow wow\n---\nwow wow\n")  # two a post: fine
    write("single.md", "wow wow\nwow wow\n")  # four in one post: the third is flagged
    assert found(run, "--select", "wow-limit", "thread.md") == []
    assert found(run, "--select", "wow-limit", "single.md") == [("X950", 2, 1, 2, 4)]


def test_conditional_rules_read_each_post(run, write):
    write("a.md", "#ad Loving this serum.\n---\nUse my code GLOW20!\n")
    assert found(run, "--select", "missing-disclosure", "a.md") == [("R111", 3, 1, 3, 12)]


def test_findings_in_later_posts_have_file_positions(run, write):
    write("a.md", "---\nprofile: public\n---\nFirst.\n---\nSecond.\n---\n\nThird is AMAZING.\n")
    assert found(run, "--select", "shouting", "a.md") == [("T101", 9, 10, 9, 17)]


# -- which files ----------------------------------------------------------------------

def test_folders_searched_for_draft_extensions(run, write):
    for name in ("a.md", "b.markdown", "c.txt", "d.rst", "e.MD.bak", "sub/f.md"):
        write(f"drafts/{name}", "AMAZING\n")
    result = run("drafts")
    assert [line.split(":")[0] for line in result.out.splitlines()[:-1]] == \
        ["drafts/a.md", "drafts/b.markdown", "drafts/c.txt", "drafts/sub/f.md"]


def test_named_files_whatever_the_extension(run, write):
    write("post.rst", "AMAZING\n")
    write("noext", "AMAZING\n")
    assert found(run, "post.rst", "noext") == [("T101", 1, 1, 1, 8)] * 2


def test_stdin(run):
    assert found(run, "-", "--stdin-filename", "x.md", stdin="lol AMAZING\n") == \
        [("T101", 1, 5, 1, 12)]
    result = run("--format", "json", "-", "--stdin-filename", "x.md", stdin="---\nprofile: professional\n---\nlol\n")
    assert [(f["path"], f["code"], f["line"]) for f in result.json()] == [("x.md", "T104", 4)]


def test_stdin_bytes_with_bom_and_crlf(run):
    data = "\ufeffOur AMAZING day\r\n".encode("utf-8")
    assert found(run, "-", stdin=data) == [("T101", 1, 5, 1, 12)]


def test_draft_error_type():
    with pytest.raises(DraftError):
        Draft.from_bytes("x.md", b"\xff")


def test_structure_is_read_by_the_lines_positions_count():
    # a form feed, U+2028 or lone CR inside a line is no line break: a `---` or a fence
    # after one ends no post and opens no code (positions count lines at "\n" alone)
    for odd in ("\x0c", "\u2028", "\r"):
        draft = Draft.from_text(f"First post{odd}---\nstill the first\n---\nSecond\n", "a.md")
        assert [draft.text[p.start:p.end] for p in draft.posts] == [
            f"First post{odd}---\nstill the first\n", "Second\n"]
        fenced = Draft.from_text(f"Intro{odd}```\nThis is BIG NEWS\n", "b.md")
        assert "BIG NEWS" in fenced.prose
    crlf = Draft.from_text("---\r\nplatform: x\r\n---\r\nOne\r\n---\r\nTwo\r\n", "c.md")
    assert crlf.front_matter == {"platform": "x"} and len(crlf.posts) == 2
