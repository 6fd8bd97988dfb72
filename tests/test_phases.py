"""The run's phases work without the command (issue: keep the command thin)."""

import json

from postlint.lint import phases
from postlint.lint.engine import Choices


def test_load_lint_fix_and_render_without_click(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".postlint.yaml").write_text("brand: {terms: [GitHub]}\n")
    (tmp_path / "post.md").write_text("We love Github and this is AWFUL.\n")
    session = phases.load(choices=Choices(select=["brand-term-case", "shouting"]))
    assert session.config.path.endswith(".postlint.yaml")

    report = phases.lint(session.linter, ["post.md"], session.config)
    assert [(f.line, f.column, f.name) for f in report.findings] == [
        (1, 9, "brand-term-case"), (1, 28, "shouting")]

    rendered = json.loads("".join(phases.render(session.catalog, "json", report)))
    assert [item["code"] for item in rendered] == [f.code for f in report.findings]

    outcome = phases.fix(session.linter, report, write=True)
    assert outcome.fixes == 1
    assert (tmp_path / "post.md").read_text() == "We love GitHub and this is AWFUL.\n"


def test_isolated_load_reads_no_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".postlint.yaml").write_text("profile: professional\n")
    assert phases.load(isolated=True).linter.default_profile == "public"
    assert phases.load().linter.default_profile == "professional"
