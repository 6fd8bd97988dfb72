"""postlint: a linter for social-media drafts."""

__version__ = "0.1.0"
