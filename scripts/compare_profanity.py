"""Measure postlint's swearing and slur rules against an independent word list.

    pip install better-profanity        # the reference (MIT licence; not a dependency)
    python scripts/compare_profanity.py          # how many of its words some rule finds
    python scripts/compare_profanity.py --show   # and which it does not

better-profanity's list (about 900 English entries: swear words, slurs, sexual terms and
their spelled-out variants) is read one entry at a time in a neutral sentence of a post,
and each entry counts as found when a rule of the risk or tone packs reports it
(profanity, hostile-language, non-inclusive, ...). Its list is wider than profanity in
a post (it holds `breasts`, `drunk`, `erotic`, `dummy`), so a miss is a word to judge,
not a defect by itself. Then the shared corpus's posts (4,200 real tweets) are compared:
the ones better-profanity censors and the ones postlint's profanity rule flags.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
from pathlib import Path

from postlint import plugins
from postlint.lint.catalog import Catalog
from postlint.lint.engine import Choices, Linter
from postlint.load.config import Config
from postlint.text.draft import Draft

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "tweets.tsv"
SENTENCE = "honestly the whole meeting was {w} and nobody said anything"
RULES = ["profanity", "hostile-language", "non-inclusive", "disparaging", "substances"]


def reference() -> list[str]:
    import better_profanity
    path = Path(better_profanity.__file__).with_name("profanity_wordlist.txt")
    return sorted({w.strip().lower() for w in path.read_text("utf-8").splitlines() if w.strip()})


def found_by(lint: Linter, texts: list[str]) -> list[set[str]]:
    """For each text, the rules that report something in it."""
    drafts = [Draft.from_text(text, f"{i:05d}.md") for i, text in enumerate(texts)]
    found = collections.defaultdict(set)
    for finding in lint.lint(drafts):
        found[finding.path].add(finding.name)
    return [found[d.path] for d in drafts]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list the words no rule finds")
    args = parser.parse_args()
    try:
        words = reference()
    except ImportError:
        print("better-profanity is not installed (pip install better-profanity)")
        return 0
    os.environ.setdefault(plugins.AUTOLOAD_SWITCH, "1")
    catalog = Catalog.load(plugins.manager())
    lint = Linter(catalog, Config({}), Choices(select=RULES))
    rules = found_by(lint, [SENTENCE.format(w=w) for w in words])
    by_rule = collections.Counter(name for names in rules for name in names)
    missed = [w for w, names in zip(words, rules) if not names]
    print(f"better-profanity entries some rule finds: {len(words) - len(missed)}/{len(words)}"
          f" ({1 - len(missed) / len(words):.0%})")
    for name, count in by_rule.most_common():
        print(f"  {name:<18} {count}")
    if CORPUS.exists():
        from better_profanity import profanity
        posts = [line.split("\t", 1)[1] for line in
                 CORPUS.read_text(encoding="utf-8").splitlines()[1:] if "\t" in line]
        ours = [("profanity" in names) for names in found_by(lint, posts)]
        theirs = [profanity.contains_profanity(p) for p in posts]
        both = sum(a and b for a, b in zip(ours, theirs))
        print(f"corpus ({len(posts)} posts): both {both}, "
              f"postlint's profanity only {sum(a and not b for a, b in zip(ours, theirs))}, "
              f"better-profanity only {sum(b and not a for a, b in zip(ours, theirs))}")
        if args.show:
            print("\ncorpus, better-profanity only:")
            for post, a, b in zip(posts, ours, theirs):
                if b and not a:
                    print(f"  {post!r}")
            print("\ncorpus, postlint only:")
            for post, a, b in zip(posts, ours, theirs):
                if a and not b:
                    print(f"  {post!r}")
    if args.show:
        print("\nno rule finds:")
        print("  " + ", ".join(missed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
