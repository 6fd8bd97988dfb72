"""`python -m postlint`: the same as the `postlint` command."""

from .cli import main

if __name__ == "__main__":
    main(prog_name="postlint")
