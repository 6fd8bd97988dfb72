"""`python -m postlint`: the same as the `postlint` command."""

from .cli.main import run

if __name__ == "__main__":
    run()
