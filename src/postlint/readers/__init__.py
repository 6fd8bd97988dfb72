"""Inputs other than drafts: readers turn a file (a content calendar, a platform's data
export) into records, one a post, that the engine lints as drafts of one post."""

from .base import Reader, Record, Source, Span, runs_locator

__all__ = ["Reader", "Record", "Source", "Span", "runs_locator"]
