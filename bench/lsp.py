"""Benchmark `postlint-lsp`: how long after a change to a 2 kB draft its diagnostics come.

Starts the server over stdio with pygls's own client, in a temporary workspace with a
brand config, every rule on (`select: [ALL]`) and two platforms (x, bluesky), opens a
draft of about 2 kB (corpus posts as a thread, from ../shared/corpus/tweets.tsv; made-up
posts when it is absent), then changes it again and again, each change waited for
(debounce 0), and prints the time from sending a change to receiving its diagnostics:
median, 90th percentile and slowest, plus the start-up (spawn to the `initialize`
answer) and the first lint (open to diagnostics, which compiles the rules). It then
times the same edits in this process, without the pipe and the client: the server's own
share (linting the changed document and making its diagnostics).

    python bench/lsp.py                               # the postlint-lsp next to this Python
    python bench/lsp.py --server .venv/bin/postlint-lsp --changes 100
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls import uris
from pygls.lsp.client import LanguageClient

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "tweets.tsv"
CONFIG = """\
select: [ALL]
platforms: [x, bluesky]
brand:
  terms: [GitHub, LinkedIn, iPhone, YouTube]
  preferred: {e-mail: email, web site: website, log-in: log in}
"""
SIZE = 2048
EDITS = ("team", "TEAM", "e-mail", "email")  # a word typed at the end, in turn
FALLBACK = ["Had a great week with the team. Thanks everyone for the help!",
            "New post on the blog: how we cut our build time in half. Link in bio.",
            "Honestly the WORST airport experience ever, lol. Never again!!!"]


def draft_text(corpus: Path, size: int = SIZE) -> str:
    """Posts of the corpus as a thread, up to about `size` characters."""
    posts = FALLBACK
    if corpus.is_file():
        lines = corpus.read_text(encoding="utf-8").splitlines()[1:]
        posts = [line.split("\t", 1)[1] for line in lines if "\t" in line] or FALLBACK
    out, i = [], 0
    while sum(len(p) + 5 for p in out) < size:
        out.append(posts[i % len(posts)])
        i += 1
    return "\n\n---\n\n".join(out) + "\n"


async def run(server: str, corpus: Path, changes: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / ".postlint.yaml").write_text(CONFIG, encoding="utf-8")
        path = root / "draft.md"
        text = draft_text(corpus)
        path.write_text(text, encoding="utf-8")
        uri = uris.from_fs_path(str(path))

        client = LanguageClient("postlint-bench", "1")
        arrived: dict[int, float] = {}

        @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: lsp.PublishDiagnosticsParams):
            if params.uri == uri and params.version is not None:
                arrived[params.version] = time.perf_counter()

        async def wait(version: int) -> float:
            while version not in arrived:
                await asyncio.sleep(0.0005)
            return arrived[version]

        started = time.perf_counter()
        await client.start_io(server)
        await client.initialize_async(lsp.InitializeParams(
            capabilities=lsp.ClientCapabilities(), root_uri=uris.from_fs_path(folder),
            initialization_options={"debounce": 0}))
        client.initialized(lsp.InitializedParams())
        startup = time.perf_counter() - started

        sent = time.perf_counter()
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(uri, "markdown", 1, text)))
        first = await asyncio.wait_for(wait(1), 60) - sent

        times = []
        for version in range(2, changes + 2):
            edited = text + f"\nOne more {EDITS[version % len(EDITS)]} line {version}.\n"
            sent = time.perf_counter()
            client.text_document_did_change(lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(version=version, uri=uri),
                [lsp.TextDocumentContentChangeWholeDocument(edited)]))
            times.append(await asyncio.wait_for(wait(version), 60) - sent)

        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
        return {"size": len(text), "startup": startup, "first": first, "times": times,
                "own": in_process(root, path, text, changes)}


def in_process(root: Path, path: Path, text: str, changes: int) -> list[float]:
    """The server's work for each edit, timed here: lint, then diagnostics."""
    from postlint.lsp.answers import Answers
    from postlint.lsp.projects import Projects

    project = Projects([root]).of(str(path))
    project.lint(str(path), text)
    times = []
    for version in range(2, changes + 2):
        edited = text + f"\nOne more {EDITS[version % len(EDITS)]} line {version}.\n"
        started = time.perf_counter()
        doc = project.lint(str(path), edited)[0]
        Answers(doc, path.as_uri(), "utf-16", None, project.linter).diagnostics()
        times.append(time.perf_counter() - started)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(sys.executable).parent / "postlint-lsp"
    parser.add_argument("--server", default=str(default) if default.is_file()
                        else shutil.which("postlint-lsp") or "postlint-lsp")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--changes", type=int, default=50)
    args = parser.parse_args()
    result = asyncio.run(run(args.server, args.corpus, max(args.changes, 1)))
    print(f"postlint-lsp, a {result['size']}-character draft, every rule on, 2 platforms")
    print(f"start-up (spawn to initialize answer): {result['startup'] * 1000:.0f} ms")
    print(f"first lint (open to diagnostics): {result['first'] * 1000:.0f} ms")
    print(f"re-lint after a change, change sent to diagnostics received: "
          f"{_figures(result['times'])}")
    print(f"re-lint after a change, the server's own work (in-process): "
          f"{_figures(result['own'])}")
    return 0


def _figures(seconds: list[float]) -> str:
    times = sorted(t * 1000 for t in seconds)
    p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
    return (f"median {statistics.median(times):.1f} ms, 90% {p90:.1f} ms, slowest "
            f"{times[-1]:.1f} ms ({len(times)} changes)")


if __name__ == "__main__":
    sys.exit(main())
