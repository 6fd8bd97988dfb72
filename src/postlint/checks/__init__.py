"""Rule types: the `Check` contract a rule-type plugin implements (`base`), the built-in
rule types, one module each, registered as ordinary plugins, and the metric functions,
validators and term lists they use. Checks may import text/ and load/, never lint/ or cli/."""

from .base import Check, Context, Match, Option

__all__ = ["Check", "Context", "Match", "Option"]
