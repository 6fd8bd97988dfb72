"""Write the README's first example: the real output of its "Try it" command,
`postlint examples/drafts/` run from the repository root (built-in plugins only).

    python scripts/gen_readme_example.py            # rewrite the example in README.md
    python scripts/gen_readme_example.py --check    # exit 1 when it is stale

Run it after a change to the rules or the example drafts changes what postlint says.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
COMMAND = "postlint examples/drafts/"
BLOCK = re.compile(r"(```console\n\$ " + re.escape(COMMAND) + r"\n)(.*?)(```)", re.DOTALL)


def output() -> str:
    """What the command prints, as a user sees it (no colour, no third-party plugins)."""
    env = {**os.environ, "NO_COLOR": "1", "POSTLINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    env.pop("GITHUB_ACTIONS", None)
    done = subprocess.run([sys.executable, "-m", "postlint", *COMMAND.split()[1:]], cwd=ROOT,
                          capture_output=True, text=True, env=env)
    return done.stdout + done.stderr


def render(text: str, out: str) -> str:
    """`text` (the README) with the example block holding `out`."""
    if not BLOCK.search(text):
        raise SystemExit(f"README.md has no ```console block starting `$ {COMMAND}`")
    return BLOCK.sub(lambda m: m.group(1) + out + m.group(3), text, count=1)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the example is stale")
    args = parser.parse_args(argv)
    text = README.read_text("utf-8")
    new = render(text, output())
    if args.check:
        if new != text:
            print("README.md's first example is stale: run python scripts/gen_readme_example.py",
                  file=sys.stderr)
            return 1
        return 0
    README.write_text(new, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
