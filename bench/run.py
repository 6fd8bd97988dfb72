"""Benchmark the installed `postlint` on real and synthetic drafts.

Builds its inputs in a temporary folder from ../shared/corpus/tweets.tsv (4,200 real posts):

  files    one post a file (4,200 files)
  2k       2,000 files of about 300 characters (consecutive posts joined)
  thread   the same posts as one file, a thread (posts separated by `---` lines)
  post     the same posts as one file, one long post
  1x/10x/100x  synthetic posts (each a corpus post with its words shuffled), ten a file:
           4,200, 42,000 and 420,000 posts
  420k     synthetic posts, one a file: 420,000 files in folders of 1,000 (takes minutes;
           not run unless named; `--many-files N` for another count)
  archive  an X data export as downloaded, a zip of `data/tweets.js` with 60,000 invented
           tweets (`scripts/gen_archive.py`; `--archive-posts N` for another size)

then runs `postlint --select ALL` (default profile, every rule on, a brand config so the
brand rules run too) on each and prints wall time, posts per second and peak memory (the
largest resident set of one process, of all its processes together, and of the parent
process), plus the
start-up time of linting one small draft (median of several runs: the first may fill
postlint's cache), and of a first run, with an empty cache.

    python bench/run.py                      # everything
    python bench/run.py --sets files,1x      # some of it
    python bench/run.py --postlint .venv/bin/postlint
    python bench/run.py --sets ""            # start-up only
    python bench/run.py --compare proselint  # also time proselint on the same sets

With `--compare proselint` (proselint on PATH, or `--proselint PATH`; nothing is
installed), each set is linted by both tools in turn, A B A B ... (`--runs N` times each,
so both see the same machine), proselint without its 1,000-finding cap, and the line
ends with the median wall time of each and how many times faster postlint is.
    python bench/run.py --sets archive       # the 60,000-post X archive
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "tweets.tsv"
CONFIG = """\
brand:
  terms: [GitHub, LinkedIn, iPhone, YouTube]
  preferred: {e-mail: email, web site: website, log-in: log in}
"""
SMALL_DRAFT = "Had a great week with the team. Thanks everyone for the help!\n"
SYNTHETIC_PER_FILE = 10
MANY_FILES = 420_000
ARCHIVE_POSTS = 60_000
GENERATOR = HERE.parent / "scripts" / "gen_archive.py"


def archive(path: Path, count: int) -> None:
    """An invented X archive of `count` tweets, zipped as X sends it (written by another
    process: building it takes memory that a child forked from this one would count)."""
    subprocess.run([sys.executable, str(GENERATOR), "x", str(count), str(path), "--seed", "1"],
                   check=True)


def read_corpus(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t", 1)[1] for line in lines if "\t" in line]


def synthetic(posts: list[str], count: int) -> list[str]:
    """`count` posts: corpus posts in turn, each with its words shuffled (seeded)."""
    rng = random.Random(1)
    out = []
    for i in range(count):
        words = posts[i % len(posts)].split()
        rng.shuffle(words)
        out.append(" ".join(words))
    return out


def build(root: Path, name: str, posts: list[str], archive_posts: int = ARCHIVE_POSTS,
          many_files: int = MANY_FILES) -> tuple[Path, int]:
    """Write the input set `name`; return the path to lint and the number of posts."""
    folder = root / name
    folder.mkdir()
    if name == "420k":
        return folder, spread(folder, synthetic(posts, many_files), 1)
    if name == "archive":
        archive(folder / "twitter-archive.zip", archive_posts)
        return folder / "twitter-archive.zip", archive_posts
    if name == "2k":  # (the corpus again from its start when it runs out, up to 3 times)
        chunks, current = [], ""
        for post in itertools.islice(itertools.cycle(posts), 3 * len(posts)):
            current = f"{current} {post}".strip()
            if len(current) >= 300:
                chunks.append(current)
                current = ""
                if len(chunks) == 2000:
                    break
        if current and len(chunks) < 2000:  # (a small corpus)
            chunks.append(current)
        for i, chunk in enumerate(chunks):
            (folder / f"{i:04d}.md").write_text(chunk + "\n", encoding="utf-8")
        return folder, len(chunks)
    if name == "files":
        width = len(str(len(posts)))
        for i, post in enumerate(posts):
            (folder / f"{i:0{width}d}.md").write_text(post + "\n", encoding="utf-8")
        return folder, len(posts)
    if name == "thread":
        (folder / "thread.md").write_text("\n---\n".join(posts) + "\n", encoding="utf-8")
        return folder / "thread.md", len(posts)
    if name == "post":
        (folder / "post.md").write_text("\n\n".join(posts) + "\n", encoding="utf-8")
        return folder / "post.md", 1
    factor = int(name.rstrip("x"))
    return folder, spread(folder, synthetic(posts, factor * len(posts)), SYNTHETIC_PER_FILE)


def spread(folder: Path, made: list[str], per_file: int) -> int:
    """Write `made` as threads of `per_file` posts, at most 1,000 files a folder; return
    the number of posts."""
    width = len(str(len(made) // per_file))
    for n, i in enumerate(range(0, len(made), per_file)):
        chunk = made[i:i + per_file]
        sub = folder / f"{n // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{n:0{width}d}.md").write_text("\n---\n".join(chunk) + "\n", encoding="utf-8")
    return len(made)


def _tree_rss(pid: int) -> tuple[int, int, int]:
    """Resident set of a process and its children together, of the largest of them, and
    the peak resident set of the process itself so far, in KiB (Linux /proc; 0 elsewhere)."""
    total, largest, own, stack = 0, 0, 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
            rss = int(fields.get("VmRSS", "0 kB").split()[0])
            total, largest = total + rss, max(largest, rss)
            if current == pid:
                own = int(fields.get("VmHWM", "0 kB").split()[0])
            with open(f"/proc/{current}/task/{current}/children") as children:
                stack += [int(c) for c in children.read().split()]
        except (OSError, ValueError):
            continue
    return total, largest, own


def measure(command: list[str], cwd: Path, env: dict | None = None
            ) -> tuple[float, float, int, int, int, int]:
    """Wall seconds, CPU seconds (all processes), exit code, peak KiB of the largest
    process, of all its processes together, and of the first process (the parent)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    peak = [0, 0, 0]

    def sample():
        while proc.poll() is None:
            together, largest, own = _tree_rss(proc.pid)
            peak[:] = max(peak[0], together), max(peak[1], largest), max(peak[2], own)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = proc.wait()
    wall = time.perf_counter() - start
    sampler.join()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime - cpu
    # ru_maxrss of children is a running maximum: only a new maximum is this run's own;
    # else the largest process sampled
    largest = usage.ru_maxrss if usage.ru_maxrss > before else peak[1]
    return wall, cpu, code, largest, peak[0], peak[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postlint", default=shutil.which("postlint") or "postlint",
                        help="the postlint command to time (default: the one on PATH)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sets", default="files,2k,thread,post,1x,10x,100x,archive")
    parser.add_argument("--compare", choices=["proselint"],
                        help="also time this peer on the same sets, alternating runs")
    parser.add_argument("--proselint", default=shutil.which("proselint") or "proselint",
                        help="the proselint command (default: the one on PATH)")
    parser.add_argument("--runs", type=int, default=3,
                        help="with --compare: timed runs of each tool per set")
    parser.add_argument("--startup-runs", type=int, default=11)
    parser.add_argument("--archive-posts", type=int, default=ARCHIVE_POSTS,
                        help="tweets in the archive set (default: %(default)s)")
    parser.add_argument("--many-files", type=int, default=MANY_FILES,
                        help="files in the 420k set (default: %(default)s)")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    postlint = str(Path(args.postlint).resolve()) if os.sep in args.postlint else args.postlint
    posts = read_corpus(args.corpus)
    base = [postlint, "--select", "ALL"]
    with tempfile.TemporaryDirectory(prefix="postlint-bench-") as tmp:
        root = Path(tmp)
        config = root / ".postlint.yaml"
        config.write_text(CONFIG, encoding="utf-8")
        # as in a project whose config was not edited in the last seconds (postlint parses
        # a file changed that recently on every run instead of keeping what it holds)
        os.utime(config, (time.time() - 60,) * 2)
        (root / "small.md").write_text(SMALL_DRAFT, encoding="utf-8")
        times = [measure(base + ["small.md"], root)[0] for _ in range(args.startup_runs)]
        cold = [measure(base + ["small.md"], root,
                        {**os.environ, "POSTLINT_CACHE_DIR": tempfile.mkdtemp(dir=tmp)})[0]
                for _ in range(3)]
        print(f"postlint: {postlint}  ({os.cpu_count()} cores)")
        print(f"load average {os.getloadavg()[0]:.1f}")
        print(f"start-up, one small draft: median {statistics.median(times) * 1000:.0f} ms "
              f"(min {min(times) * 1000:.0f} ms, {len(times)} runs); with an empty cache "
              f"(a first run) median {statistics.median(cold) * 1000:.0f} ms\n")
        peer = None
        if args.compare:
            if shutil.which(args.proselint) is None:
                print(f"--compare proselint: {args.proselint} not found", file=sys.stderr)
                return 2
            rc = root / "proselintrc.json"  # every check, without the 1,000-finding cap
            rc.write_text('{"max_errors": 100000000}', encoding="utf-8")
            peer = [args.proselint, "--config", str(rc), "check"]
            start = [measure(peer + ["small.md"], root)[0] for _ in range(args.startup_runs)]
            print(f"proselint start-up, the same draft: median "
                  f"{statistics.median(start) * 1000:.0f} ms\n")
        print(f"{'set':<8}{'posts':>9}{'files':>8}{'MB':>7}{'wall s':>9}{'cpu s':>8}"
              f"{'posts/s':>10}{'peak MB':>9}{'all MB':>8}{'parent MB':>10}{'exit':>6}"
              + (f"{'proselint s':>13}{'faster':>8}" if peer else ""))
        for name in filter(None, args.sets.split(",")):
            target, count = build(root, name, posts, args.archive_posts, args.many_files)
            paths = [target] if target.is_file() else list(target.rglob("*.md"))
            size = sum(p.stat().st_size for p in paths) / 1e6
            where = str(target.relative_to(root))
            ours, theirs = [], []
            for _ in range(args.runs if peer else 1):  # A B A B: both see the same machine
                ours.append(measure(base + [where], root))
                if peer and name != "archive":  # (proselint reads no data exports)
                    theirs.append(measure(peer + [where], root)[0])
            wall, cpu, code, largest, together, parent = min(ours, key=lambda run: run[0]) \
                if len(ours) == 1 else sorted(ours)[len(ours) // 2]
            line = (f"{name:<8}{count:>9,}{len(paths):>8,}{size:>7.1f}{wall:>9.2f}{cpu:>8.2f}"
                    f"{count / wall:>10,.0f}{largest / 1024:>9.0f}{together / 1024:>8.0f}"
                    f"{parent / 1024:>10.0f}"
                    f"{code:>6}")
            if theirs:
                other = statistics.median(theirs)
                line += f"{other:>13.2f}{other / wall:>7.1f}x"
            print(line, flush=True)
            shutil.rmtree(target if target.is_dir() else target.parent)
    return 0


if __name__ == "__main__":
    sys.exit(main())
