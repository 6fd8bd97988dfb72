"""Write docs/rule-types.md, the reference of every built-in rule type, from the code.

    python scripts/gen_rule_types_doc.py          # rewrite the file
    python scripts/gen_rule_types_doc.py --check  # exit 1 if it is stale
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "rule-types.md"


def render() -> str:
    os.environ["POSTLINT_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # the built-ins only
    from postlint import plugins
    from postlint.cli.reference import rule_types_doc
    from postlint.lint.catalog import Catalog

    return rule_types_doc(Catalog.load(plugins.manager()))


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv:
        sys.exit(0 if DOC.read_text(encoding="utf-8") == text else 1)
    DOC.write_text(text, encoding="utf-8")
