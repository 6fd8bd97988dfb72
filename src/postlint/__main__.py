"""`python -m postlint`: the same as the `postlint` command.

Python puts the current folder first on `sys.path` for `-m`; in a repository's checkout
that would let its files (a `yaml.py`, a `*.dist-info` declaring a postlint plugin)
run as postlint's own code. It is taken off before anything else is imported, so code
comes only from the installed environment, as with the `postlint` command.
"""

import os
import sys

if not sys.flags.safe_path and sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]

from postlint.cli import run  # noqa: E402

if __name__ == "__main__":
    run()
