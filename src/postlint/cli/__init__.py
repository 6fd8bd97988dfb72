"""The `postlint` command on top of everything: option parsing (`main`), the answers to
--explain and --list-* (`explain`) and --measure (`measure`)."""

import gc


def run() -> None:
    """The `postlint` command (`main.run`). The cyclic garbage collector waits while
    postlint is imported and loads its rules: the tens of thousands of objects made then
    are all kept, so a pass over them finds nothing (about 5% of a short run), and from
    then on it leaves them out of its passes (`main.collect_from_here`)."""
    gc.disable()
    from .main import run as command

    command()
