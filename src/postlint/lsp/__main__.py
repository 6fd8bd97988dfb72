"""`python -m postlint.lsp`: the same as the `postlint-lsp` command."""

from .server import main

if __name__ == "__main__":
    main()
