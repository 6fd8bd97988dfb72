"""Write docs/postlint.schema.json, the JSON Schema of the config, from `schema.SCHEMA`
(the declaration postlint validates configs against).

    python scripts/gen_schema.py            # rewrite docs/postlint.schema.json
    python scripts/gen_schema.py --check    # exit 1 when the file is stale

Editors with YAML support (the YAML language server of VS Code and others) use it with a
first line `# yaml-language-server: $schema=<URL or path of the file>` in .postlint.yaml.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "postlint.schema.json"
COMMAND = "python scripts/gen_schema.py"


def render() -> str:
    from postlint.load import schema
    from postlint.text import platforms

    return json.dumps(schema.json_schema(platforms.KEYS), indent=2, ensure_ascii=False) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = args.output.read_text("utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale: run `{COMMAND}`", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
