"""The reader hook: a third-party reader is a plugin like the built-in calendar reader."""

from __future__ import annotations

from postlint.hookspecs import hookimpl
from postlint.lint import phases
from postlint.lint.engine import Choices
from postlint.readers import Reader, Record, runs_locator
from postlint.text.draft import DraftError


class Lines(Reader):
    """`*.posts` files: one post a line, `platform: text`."""

    name = "lines"
    patterns = ("*.posts",)

    def read(self, source):
        text = source.data().decode("utf-8")
        records, offset = [], 0
        for number, line in enumerate(text.splitlines(keepends=True), 1):
            platform, sep, post = line.rstrip("\n").partition(": ")
            if not sep:
                raise DraftError(f"line {number}: expected 'platform: text'")
            start = offset + len(platform) + 2
            records.append(Record(path=source.display, text=post, key=f"{source.display}#{number}",
                                  front_matter={"platforms": [platform]},
                                  locate=runs_locator(text, [(0, start)]),
                                  fields={"post_id": f"p{number}"}, note=f"post p{number}"))
            offset += len(line)
        return records


class Plugin:
    @hookimpl
    def postlint_readers(self):
        return [Lines]


def lint(tmp_path, monkeypatch, *names, **choices):
    monkeypatch.chdir(tmp_path)
    session = phases.load(isolated=True, choices=Choices(**choices), extra_plugins=[Plugin()])
    return phases.lint(session.linter, list(names), session.config)


def test_a_plugin_reader_gives_records_with_positions_and_fields(tmp_path, monkeypatch):
    (tmp_path / "week.posts").write_text("x: Hello there, lol\nlinkedin: So AMAZING!!!\n")
    report = lint(tmp_path, monkeypatch, "week.posts",
                  select=["exclamation-run", "shouting"])
    found = [(f.path, f.line, f.column, f.name, f.platform, f.as_dict()["post_id"], f.note)
             for f in report.findings]
    assert found == [("week.posts", 2, 14, "shouting", None, "p2", "post p2"),
                     ("week.posts", 2, 21, "exclamation-run", None, "p2", "post p2")]
    assert report.drafts == 2


def test_a_plugin_readers_error_names_the_file(tmp_path, monkeypatch):
    (tmp_path / "bad.posts").write_text("no separator here\n")
    report = lint(tmp_path, monkeypatch, "bad.posts")
    assert report.errors == [("bad.posts", "line 1: expected 'platform: text'")]


def test_records_of_a_plugin_and_drafts_meet_in_run_rules(tmp_path, monkeypatch):
    (tmp_path / "week.posts").write_text("x: Our favourite colour\n")
    (tmp_path / "a.md").write_text("My favorite color. Her favorite color.\n")
    report = lint(tmp_path, monkeypatch, "a.md", "week.posts", select=["term-consistency"])
    assert [(f.path, f.line, f.column) for f in report.findings] == \
        [("week.posts", 1, 8), ("week.posts", 1, 18)]
