"""How often postlint tells a post's language right: each judged draft (tests/data; the
international ones in their language, the English ones in English, the short posts of
language_drafts.yaml in theirs) by the language of
most of its characters in `text.language.spans`, then how many of the 4,200 corpus posts
(../shared/corpus/tweets.tsv, English) are read as another language, with the misses.

    python scripts/language_accuracy.py [--corpus PATH]
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from postlint.text.draft import Draft  # noqa: E402
from postlint.text.language import spans  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "tweets.tsv"


def main_language(text: str) -> str:
    size: collections.Counter = collections.Counter()
    for start, end, lang in spans(text):
        size[lang] += end - start
    return size.most_common(1)[0][0]


def texts(items) -> list[str]:
    """The post texts of judged items: a text, {text: ...} or {drafts: [...]} (a run of
    several), each without its front matter."""
    found = []
    for item in items:
        if isinstance(item, dict):
            found += [item["text"]] if "text" in item else list(item.get("drafts", ()))
        else:
            found.append(item)
    return [Draft.from_text(text).body for text in found]


def labelled() -> list[tuple[str, str]]:
    data = ROOT / "tests" / "data"
    found = []
    for langs in yaml.safe_load((data / "intl_risk_drafts.yaml").read_text("utf-8")).values():
        for lang, kinds in langs.items():
            found += [(lang, t) for items in kinds.values() for t in texts(items)]
    for lang, items in yaml.safe_load((data / "language_drafts.yaml").read_text("utf-8")).items():
        found += [(lang, t) for t in texts(items)]
    for kinds in yaml.safe_load((data / "judged_drafts.yaml").read_text("utf-8")).values():
        found += [("en", t) for items in kinds.values() for t in texts(items)]
    return found


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    corpus = parser.parse_args(argv).corpus
    right, total, misses = collections.Counter(), collections.Counter(), []
    for lang, text in labelled():
        got = main_language(text)
        total[lang] += 1
        right[lang] += got == lang
        if got != lang:
            misses.append(f"  {lang} read as {got}: {text}")
    for lang in sorted(total):
        print(f"{lang}: {right[lang]} of {total[lang]} judged drafts")
    print(*misses, sep="\n")
    if corpus.exists():
        rows = corpus.read_text("utf-8").splitlines()[1:]
        posts = [row.split("\t", 1)[1] for row in rows if "\t" in row]
        other = [(main_language(p), p) for p in posts]
        other = [(lang, p) for lang, p in other if lang != "en"]
        print(f"corpus: {len(posts) - len(other)} of {len(posts)} posts read as English")
        print(*(f"  {lang}: {p[:90]}" for lang, p in other), sep="\n")


if __name__ == "__main__":
    main()
