"""What the command says: the summary after errors, statistics, same-line suppression and
unknown directives."""

from __future__ import annotations

SHOUT = "Our launch is AMAZING.\n"  # T101 at 1:15


# -- the summary says what failed -------------------------------------------------------

def test_summary_after_read_errors_only(run, write):
    write("bad.md", "---\nprofile: nobody\n---\nHi\n")
    result = run("bad.md", "missing.md")
    assert result.code == 2
    assert result.out == "Nothing checked: 2 drafts could not be read (see the errors above).\n"


def test_summary_with_clean_drafts_and_a_read_error(run, write):
    write("a.md", "Fine.\n")
    write("b.md", b"caf\xe9\n")
    result = run("a.md", "b.md")
    assert result.code == 2
    assert result.out == ("No problems in 1 draft checked, but 1 draft could not be read "
                          "(see the errors above).\n")


def test_summary_with_findings_and_a_read_error(run, write):
    write("a.md", SHOUT)
    write("b.md", "---\ndisable: [shoutng]\n---\nHi\n")
    result = run("a.md", "b.md")
    assert result.code == 2
    assert result.out.splitlines()[-1] == (
        "Found 1 problem (1 warning) in 1 of 1 draft; 1 draft could not be read "
        "(see the errors above).")


def test_summary_without_errors_is_unchanged(run, write):
    write("a.md", "Fine.\n")
    assert run("a.md").out == "All clear: 1 draft checked.\n"


# -- statistics ---------------------------------------------------------------------------

def test_statistics_names_several_levels_on_one_line(run, write):
    write(".postlint.yaml", "profiles:\n  mixed:\n    extends: public\n"
                            "    rules: {personal-info: info}\n")
    write("a.md", "Call me on 555-0100 or mail jo@example.com, lol.\n")
    write("b.md", "---\nprofile: mixed\n---\nCall me on 555-0100 or mail jo@example.com.\n")
    out = run("--statistics", "--format", "text", "a.md", "b.md").out
    lines = [line for line in out.splitlines() if "personal-info" in line and ":" not in line]
    assert len(lines) == 1
    count = int(lines[0].split()[0])
    assert lines[0].endswith(f"R102   personal-info ({count // 2} errors, {count // 2} info)")


# -- suppression on the same line, and directives postlint does not know -----------------

def test_disable_line_covers_its_own_line_only(run, write):
    write("a.md", "So AMAZING. <!-- postlint-disable-line T101 -->\nAlso AMAZING.\n")
    result = run("--format", "json", "a.md")
    assert [(f["code"], f["line"]) for f in result.json()] == [("T101", 2)]


def test_disable_line_before_the_text_on_the_line(run, write):
    write("a.md", "<!-- postlint-disable-line shouting --> So AMAZING.\nFine.\n")
    assert run("--format", "json", "a.md").json() == []


def test_an_unused_disable_line_is_reported(run, write):
    write("a.md", "Calm. <!-- postlint-disable-line T101 -->\n")
    result = run("a.md")
    assert result.out.splitlines()[0] == (
        "a.md:1:7: M001 suppression of T101 is unused (nothing to suppress here); correct the "
        "comment or remove it (unused-suppression)")


def test_an_unknown_directive_is_reported_as_such(run, write):
    write("a.md", "<!-- postlint-disable-lines T101 -->\nSo AMAZING.\n"
                  "Fine. <!-- postlint-off -->\n")
    result = run("a.md")
    assert result.out.splitlines()[:3] == [
        "a.md:1:1: M002 'postlint-disable-lines' is not a postlint directive (did you mean "
        "'postlint-disable-line'?); the comment suppresses nothing (unknown-directive)",
        "a.md:2:4: T101 'AMAZING' reads as shouting; write it in sentence case and let the "
        "words carry the emphasis (shouting)",
        "a.md:3:7: M002 'postlint-off' is not a postlint directive (known: postlint-disable, "
        "postlint-enable, postlint-disable-line, postlint-disable-next-line, "
        "postlint-disable-file); the comment suppresses nothing (unknown-directive)",
    ]


def test_an_unknown_directive_can_itself_be_silenced(run, write):
    write("a.md", "<!-- postlint-disable-file M002 -->\n<!-- postlint-custom x -->\nFine.\n")
    assert run("--format", "json", "a.md").json() == []
