"""scripts/corpus_flags.py: counts per rule and profile, and the table it keeps current."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_counts_posts_per_rule_and_keeps_notes(script, tmp_path):
    flags = script("corpus_flags")
    corpus = tmp_path / "tweets.tsv"
    corpus.write_text("id\ttext\n1\tWhat the f*ck, damn.\n2\tThanks guys &amp; gals!\n"
                      "3\tA calm post about Scunthorpe.\n", "utf-8")
    doc = tmp_path / "corpus-flags.md"
    doc.write_text("# Title\n\n<!-- corpus-table:start -->\nold\n<!-- corpus-table:end -->\n"
                   "\nMy notes.\n", "utf-8")
    assert flags.main(["--corpus", str(corpus), "--output", str(doc)]) == 0
    text = doc.read_text("utf-8")
    assert text.startswith("# Title\n\n<!-- corpus-table:start -->\n| code | rule |")
    assert text.endswith("<!-- corpus-table:end -->\n\nMy notes.\n")
    assert "| R101 | `profanity` | 1 (33.3%) | 1 (33.3%) |" in text
    assert "| R107 | `non-inclusive` | 1 (33.3%) | 1 (33.3%) |" in text
    assert "| R109 | `substances` | 0 (0.0%) | - |" in text
    assert "\nold\n" not in text


def test_absent_corpus_is_skipped_cleanly(script, tmp_path, capsys):
    flags = script("corpus_flags")
    doc = tmp_path / "corpus-flags.md"
    assert flags.main(["--corpus", str(tmp_path / "missing.tsv"), "--output", str(doc)]) == 0
    assert "corpus not found" in capsys.readouterr().err
    assert not doc.exists()


def test_doc_lists_every_rule(catalog):
    doc = (ROOT / "docs" / "corpus-flags.md").read_text("utf-8")
    missing = [r.name for r in catalog.rules.values()
               if r.category == "risk" and f"`{r.name}`" not in doc]
    assert missing == []
