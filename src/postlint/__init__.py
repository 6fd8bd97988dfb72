"""postlint: a linter for social-media drafts."""

from .load import patterns as _patterns

__version__ = "0.1.0"

_patterns.keep()  # compiled patterns kept between runs (see load/patterns.py)
