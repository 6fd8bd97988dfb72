"""Readers: inputs other than Markdown and text drafts, turned into drafts."""
