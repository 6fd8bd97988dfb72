"""docs/rules.md is generated from the catalog and must be current."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_rules_doc_is_current(script):
    gen = script("gen_rules_doc")
    expected = gen.render(gen.load_catalog())
    current = (ROOT / "docs" / "rules.md").read_text("utf-8")
    assert current == expected, f"docs/rules.md is stale: run `{gen.COMMAND}`"


def test_rules_doc_lists_every_rule_with_levels_and_examples(script, catalog):
    gen = script("gen_rules_doc")
    text = gen.render(catalog)
    for rule in catalog.rules.values():
        assert f"### {rule.code} {rule.name}" in text
    assert "| R101 | [`profanity`](#r101-profanity) | info | warning | warning | error | error |" \
        in text
    assert "- Entry level bounds: slurs: at least error." in text
    assert "- `Scunthorpe United won on Saturday.`" in text


def test_check_mode_reports_a_stale_doc(script, tmp_path, capsys):
    gen = script("gen_rules_doc")
    stale = tmp_path / "rules.md"
    stale.write_text("# Rules\n", "utf-8")
    assert gen.main(["--check", "--output", str(stale)]) == 1
    assert "not current" in capsys.readouterr().err
    assert gen.main(["--output", str(stale)]) == 0
    assert gen.main(["--check", "--output", str(stale)]) == 0
