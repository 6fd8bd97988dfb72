"""Write src/postlint/load/seed/, what a first run of the built-in rules computes (their
files parsed, the analysis of regex word lists, word forms, compiled patterns), which the
package ships so that a first run, with an empty cache, is not much slower than the next
(`load.cache`). Run it after editing a rule, as for docs/rules.md.

    python scripts/gen_cache_seed.py            # rewrite the seed
    python scripts/gen_cache_seed.py --check    # exit 1 when it is stale

The seed is made with the Python and libraries installed here; its entries are used only
where the same code is installed (each file is stamped as the cache's are).
"""

from __future__ import annotations

import argparse
import json
import marshal
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "postlint" / "load" / "seed"
COMMAND = "python scripts/gen_cache_seed.py"
KINDS = ("first", "forms", "needs", "regex", "vader", "yaml")
# Compile every built-in rule for every profile and language it knows, as a run does,
# and every word list whole, as the workers' setup does, and the negative words of each
# sentiment rule's lexicon; the stores are saved at exit.
BUILD = """
from postlint.load import cache
cache.SEED = None
from postlint import plugins
from postlint.lint.catalog import Catalog
from postlint.lint.engine import Choices, Linter
from postlint.load.config import Config
from postlint.text import words
linter = Linter(Catalog.load(plugins.manager()), Config(), Choices(select=["ALL"]))
for profile in sorted(linter.catalog.profiles):
    for act in linter.active(profile):
        for lang in sorted(act.languages):
            if lang != "*":
                linter._check_in(act, lang)
for pattern in linter._word_lists:
    if isinstance(pattern, words.Words):
        pattern.needs, pattern.first_heads, pattern.compiled
from postlint.checks.sentiment import Sentiment, scorer
for profile in sorted(linter.catalog.profiles):
    for act in linter.active(profile):
        for check in (act.check, *act.by_language.values()):
            if isinstance(check, Sentiment):
                scorer(check.opts["lexicon"] or {}, check.opts["read_as"] or {})
"""


def environment() -> dict[str, str]:
    """The versions the seed's entries depend on besides postlint's code."""
    from importlib import metadata

    return {"python": "%d.%d" % sys.version_info[:2],
            **{dist: metadata.version(dist) for dist in ("regex", "lemminflect", "simplemma", "PyYAML")}}


def render() -> dict[str, str]:
    """Each kind's seed file as text: its stamp, then one entry a line, sorted."""
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "POSTLINT_CACHE_DIR": folder, "POSTLINT_DISABLE_PLUGIN_AUTOLOAD": "1",
               "PYTHONHASHSEED": "0"}  # (a word list's terms of one length: in set order)
        subprocess.run([sys.executable, "-c", BUILD], check=True, env=env, cwd=folder)
        texts = {}
        for kind in KINDS:
            path = Path(folder) / f"{kind}.marshal"  # (the cache folder's format)
            data = marshal.loads(path.read_bytes()) if path.exists() else {"stamp": "",
                                                                           "entries": {}}
            lines = [f"{json.dumps(key)}: {json.dumps(value)}"
                     for key, value in sorted(data["entries"].items())]
            texts[kind] = (f'{{"stamp": {json.dumps(data["stamp"])}, "made with": '
                           f'{json.dumps(environment())}, "entries": {{\n'
                           + ",\n".join(lines) + "\n}}\n")
        return texts


def _read(path: Path) -> str:
    return path.read_text("utf-8") if path.exists() else "{}"


def _gist(kind: str, text: str):
    """What must agree for a seed file to be current: its stamp and entries, but of a
    compiled pattern only its key (`regex` lays out the same pattern differently in
    each process, as it orders a set's members by their hashes)."""
    data = json.loads(text)
    entries = data.get("entries", {})
    return data.get("stamp"), sorted(entries) if kind == "regex" else entries


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the seed is stale")
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    texts = render()
    if args.check:
        stale = [kind for kind, text in texts.items()
                 if _gist(kind, text) != _gist(kind, _read(args.output / f"{kind}.json"))]
        if stale:
            print(f"{args.output} is stale ({', '.join(stale)}): run `{COMMAND}`",
                  file=sys.stderr)
            return 1
        return 0
    args.output.mkdir(parents=True, exist_ok=True)
    for kind, text in texts.items():
        (args.output / f"{kind}.json").write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
