"""How `negative-tone` agrees with people: the VADER paper's 4,200 rated tweets.

    python scripts/sentiment_curve.py            # print, and rewrite the curve in docs/corpus-flags.md
    python scripts/sentiment_curve.py --print    # print only
    python scripts/sentiment_curve.py --ratings FILE   # use a tweets_GroundTruth.txt you have

Each tweet of `tweets_GroundTruth.txt` (Hutto & Gilbert, ICWSM 2014) carries the mean of
about 20 people's ratings from -4 to +4. The file is inside `hutto_ICWSM_2014.tar.gz` in
the vaderSentiment 3.3.2 source distribution on PyPI; the script fetches that with
`pip download` into a temporary folder (it is never stored in the repository). Each
tweet is linted as its own draft with `negative-tone` only, under each built-in profile;
the table gives the share flagged of the tweets people rate clearly negative (mean <=
-2), of the positive ones (>= +1), and of those in between (-1 < mean < +1). The curve
below it moves the rule's `min` (with `min_dense` 0.2 above it) over the same scores.
"""

from __future__ import annotations

import argparse
import html
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "corpus-flags.md"
SDIST = "vaderSentiment==3.3.2"
PROFILES = ("professional", "public", "colleagues", "brand", "friends-family")
START, END = "<!-- sentiment-curve:start -->", "<!-- sentiment-curve:end -->"
GOALS = "Goals (issue #13): professional flags >= 85% of clearly negative tweets, <= 0.5% of positive ones, <= 8% of those in between."


def download_ratings(folder: Path) -> str:
    """The text of tweets_GroundTruth.txt from the vaderSentiment sdist, via pip."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                    "--no-binary", ":all:", SDIST, "-d", str(folder)], check=True)
    sdist = next(folder.glob("vaderSentiment-*.tar.gz"))
    with tarfile.open(sdist) as outer:
        member = next(m for m in outer.getmembers() if m.name.endswith("hutto_ICWSM_2014.tar.gz"))
        inner = io.BytesIO(outer.extractfile(member).read())
    with tarfile.open(fileobj=inner) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("tweets_GroundTruth.txt"))
        return archive.extractfile(member).read().decode("utf-8", "replace")


def parse(text: str) -> list[tuple[str, float, str]]:
    """(id, mean rating, tweet) triples; HTML entities as published are decoded."""
    rows = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 3:
            rows.append((parts[0], float(parts[1]), html.unescape(parts[2])))
    return rows


def bands(rows) -> dict[str, set]:
    return {"negative": {i for i, m, _ in rows if m <= -2},
            "positive": {i for i, m, _ in rows if m >= 1},
            "between": {i for i, m, _ in rows if -1 < m < 1}}


def flagged_by_profile(rows) -> dict[str, set]:
    """{profile: ids of tweets negative-tone flags}, by the linter itself."""
    os.environ.setdefault("POSTLINT_DISABLE_PLUGIN_AUTOLOAD", "1")
    from postlint import plugins
    from postlint.lint.catalog import Catalog
    from postlint.load.config import Config
    from postlint.text.draft import Draft
    from postlint.lint.engine import Choices, Linter

    catalog = Catalog.load(plugins.manager())
    drafts = [Draft.from_text(text, f"{ident}.md") for ident, _, text in rows]
    result = {}
    for profile in PROFILES:
        linter = Linter(catalog, Config(), Choices(profile=profile, select=["negative-tone"]))
        result[profile] = {f.path[:-3] for f in linter.lint(drafts) if f.name == "negative-tone"}
    return result


def curve(rows) -> list[tuple[float, dict]]:
    """(min, {band: share flagged}) as `min` moves, with the rule's other options."""
    os.environ.setdefault("POSTLINT_DISABLE_PLUGIN_AUTOLOAD", "1")
    from postlint import plugins
    from postlint.lint.catalog import Catalog
    from postlint.checks.sentiment import scorer
    from postlint.text.draft import Draft

    opts = Catalog.load(plugins.manager()).rules["negative-tone"].options
    score = scorer(opts.get("lexicon") or {}, opts.get("read_as") or {})
    dense, min_words = opts.get("dense", 0.2), opts.get("min_words", 2)
    scored = {}
    for ident, _, text in rows:
        prose = Draft.from_text(text, "t.md").posts[0].prose
        if len(prose.split()) >= min_words:
            read = score.read(prose)
            scored[ident] = score.scores(score.unnamed(read) if opts.get("names") else read)
    groups = bands(rows)
    points = []
    for step in range(6, 19):
        low = -step / 20
        hit = {i for i, s in scored.items()
               if s["compound"] < low or (s["compound"] < low + 0.2 and s["neg"] >= dense)}
        points.append((low, {name: share(hit, ids) for name, ids in groups.items()}))
    return points


def share(hit: set, ids: set) -> float:
    return 100 * len(hit & ids) / len(ids) if ids else 0.0


def render(rows, by_profile, points) -> str:
    groups = bands(rows)
    sizes = ", ".join(f"{len(ids)} {name}" for name, ids in groups.items())
    lines = [START, f"{len(rows)} rated tweets ({sizes}). {GOALS}", "",
             "| profile | clearly negative (<= -2) | positive (>= +1) | between |",
             "|---|---:|---:|---:|"]
    for profile, hit in by_profile.items():
        cells = [f"{share(hit, groups['negative']):.1f}%", f"{share(hit, groups['positive']):.2f}%",
                 f"{share(hit, groups['between']):.1f}%"]
        lines.append(f"| `{profile}` | " + " | ".join(cells) + " |")
    lines += ["", "The curve: `min` (and `min_dense` = `min` + 0.2) against the share flagged.", "",
              "| min | clearly negative | positive | between |", "|---:|---:|---:|---:|"]
    for low, shares in points:
        lines.append(f"| {low:.2f} | {shares['negative']:.1f}% | {shares['positive']:.2f}% | "
                     f"{shares['between']:.1f}% |")
    lines.append(END)
    return "\n".join(lines) + "\n"


def write_doc(doc: Path, text: str) -> None:
    old = doc.read_text("utf-8")
    if START not in old:
        old += f"\n## negative-tone against human ratings\n\n{START}\n{END}\n"
    head, _, rest = old.partition(START)
    _, _, tail = rest.partition(END)
    doc.write_text(head + text.rstrip("\n") + tail, "utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ratings", type=Path, help="a tweets_GroundTruth.txt to read instead")
    parser.add_argument("--print", dest="print_only", action="store_true",
                        help="print the table; leave the docs alone")
    args = parser.parse_args(argv)
    if args.ratings:
        text = args.ratings.read_text("utf-8", "replace")
    else:
        with tempfile.TemporaryDirectory() as folder:
            text = download_ratings(Path(folder))
    rows = parse(text)
    table = render(rows, flagged_by_profile(rows), curve(rows))
    print(table.replace(START + "\n", "").replace(END + "\n", ""))
    if not args.print_only:
        write_doc(DOC, table)
        print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
