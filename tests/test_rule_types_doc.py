"""The rule-types reference: every option documented, docs/rule-types.md current, and
`--explain-type` / `--list-plugins` on the command line."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("gen_rule_types_doc",
                                                  ROOT / "scripts" / "gen_rule_types_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def types(catalog):
    return catalog.types


def test_every_option_of_every_rule_type_has_help(types):
    missing = [f"{name}.{option}" for name, check in sorted(types.items())
               for option, spec in check.options.items() if not spec.help.strip()]
    assert not missing, f"options without help: {missing}"


def test_every_rule_type_says_what_it_matches(types):
    assert [name for name, check in types.items() if not (check.__doc__ or "").strip()] == []


def test_rule_types_doc_is_current():
    assert (ROOT / "docs" / "rule-types.md").read_text(encoding="utf-8") == _script().render(), \
        "docs/rule-types.md is stale: run python scripts/gen_rule_types_doc.py"


def test_explain_type_prints_options_and_an_example(run):
    result = run("--explain-type", "occurrence")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == "## `occurrence`"
    assert "| `tokens` | list | required | the words or phrases to count |" in lines
    assert "| `max` | int | none | flag a post with more occurrences than this |" in lines
    example = run("--explain-type", "existence").out.splitlines()
    assert "```yaml" in example and "type: existence" in example


def test_explain_type_suggests_the_closest_name(run):
    result = run("--explain-type", "existance")
    assert result.code == 2
    assert result.err.startswith("postlint: no rule type named 'existance'; did you mean "
                                 "'existence'? (known: ")


def test_list_plugins_names_the_built_ins_and_what_they_add(run):
    result = run("--list-plugins")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].startswith("postlint ") and lines[0].endswith(" (built-in)")
    assert any(line.startswith("  rule types (") and "existence" in line for line in lines)
    assert any(line.startswith("  formats (") and "sarif" in line for line in lines)
    assert any(line.startswith("  rules (") and "profanity" in line for line in lines)
