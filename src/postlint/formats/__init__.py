"""Output formats: the `Format` base class a format plugin subclasses, and the built-in
formats, one module each, registered as ordinary plugins (with `fingerprints` for the
reports that track findings across commits). Formats may import lint.report and below."""

from .base import Format

__all__ = ["Format"]
