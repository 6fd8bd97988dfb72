"""scripts/corpus_flags.py: counts per rule and profile, and the table it keeps current."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("corpus_flags",
                                                  ROOT / "scripts" / "corpus_flags.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_counts_posts_per_rule_and_keeps_notes(tmp_path):
    script = _script()
    corpus = tmp_path / "tweets.tsv"
    corpus.write_text("id\ttext\n1\tWhat the f*ck, damn.\n2\tThanks guys &amp; gals!\n"
                      "3\tA calm post about Scunthorpe.\n", "utf-8")
    doc = tmp_path / "corpus-flags.md"
    doc.write_text("# Title\n\n<!-- corpus-table:start -->\nold\n<!-- corpus-table:end -->\n"
                   "\nMy notes.\n", "utf-8")
    assert script.main(["--corpus", str(corpus), "--output", str(doc)]) == 0
    text = doc.read_text("utf-8")
    assert text.startswith("# Title\n\n<!-- corpus-table:start -->\n| code | rule |")
    assert text.endswith("<!-- corpus-table:end -->\n\nMy notes.\n")
    assert "| R101 | `profanity` | 1 (33.3%) | 1 (33.3%) |" in text
    assert "| R107 | `non-inclusive` | 1 (33.3%) | 1 (33.3%) |" in text
    assert "| R109 | `substances` | 0 (0.0%) | - |" in text
    assert "\nold\n" not in text


def test_absent_corpus_is_skipped_cleanly(tmp_path, capsys):
    script = _script()
    doc = tmp_path / "corpus-flags.md"
    assert script.main(["--corpus", str(tmp_path / "missing.tsv"), "--output", str(doc)]) == 0
    assert "corpus not found" in capsys.readouterr().err
    assert not doc.exists()


def test_doc_lists_every_rule(catalog):
    doc = (ROOT / "docs" / "corpus-flags.md").read_text("utf-8")
    missing = [r.name for r in catalog.rules.values()
               if r.category == "risk" and f"`{r.name}`" not in doc]
    assert missing == []
