"""Rule types of boundary strategies and objectives (see `load.strategy`).

`strategy` (`check: audience-mismatch` or `missing-profile`) judges a draft's profile
against the run's strategy; `objective` judges whether a draft can serve its objective
(front matter `objective:`, else the config's): `traffic` needs a link or a pointer to
one ("link in bio"), `engagement` a question or an invitation to reply, `awareness` the
brand's name or campaign hashtag (`brand.terms`, `brand.hashtags.required`).
"""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..load.yamlfile import line_of
from ..text.platforms import targets
from . import terms
from .base import ANY, Check, Match, Option, word_pattern
from .links import find_links


def _line_span(draft, line: int) -> tuple[int, int]:
    """Offsets of a 1-based line of the draft, without its indentation and line end."""
    start = 0
    for _ in range(line - 1):
        found = draft.text.find("\n", start)
        if found < 0:
            break
        start = found + 1
    end = draft.text.find("\n", start)
    end = len(draft.text) if end < 0 else end
    text = draft.text[start:end]
    return start + len(text) - len(text.lstrip()), start + len(text.rstrip())


def _opening(draft) -> tuple[int, int]:
    """The first non-blank line of the body, without its line end."""
    body = draft.text[draft.body_start:]
    start = draft.body_start + len(body) - len(body.lstrip())
    end = draft.text.find("\n", start)
    end = len(draft.text) if end < 0 else end
    return start, start + len(draft.text[start:end].rstrip())


class StrategyCheck(Check):
    """`audience-mismatch`: the draft's profile is more personal than the audience of a
    platform it targets (strategy `audience`); `missing-profile`: a draft without a
    profile of its own (strategy `custom`)."""

    languages = ANY  # reads no words of one language

    type_name = "strategy"
    values = ("default", "profile", "audience")
    scope = "draft"
    options = {
        "check": Option("str", required=True, choices=("audience-mismatch", "missing-profile"),
                        help="which boundary check this rule makes"),
    }

    def check_draft(self, draft):
        strategy = self.context.strategy
        if strategy is None:
            return
        own = draft.front_matter.get("profile")
        if self.opts["check"] == "missing-profile":
            if strategy.kind == "custom" and not own:
                yield Match(*_opening(draft), {"default": strategy.chosen or strategy.default})
            return
        platforms = [p.name for p in targets(draft, self.context)]
        profile = strategy.profile_for(own, platforms)
        where = _line_span(draft, line_of(draft.front_matter, "profile", 0)) if own \
            else _opening(draft)
        for platform, audience in strategy.mismatches(profile, platforms):
            yield Match(*where, {"profile": profile, "platform": platform,
                                 "audience": audience})


class ObjectiveCheck(Check):
    """A draft that cannot serve its objective (see the module doc)."""

    languages = ANY  # reads no words of one language

    type_name = "objective"
    values = ("objective", "problem")
    scope = "draft"
    options = {
        "link_phrases": Option("list", [], help="traffic: words that point to a link"),
        "invitations": Option("list", [], help="engagement: words that invite a reply"),
        "brand_terms": Option("list", [], help="awareness: the brand's names and tags; may "
                              "hold {from: ...} items"),
        "problems": Option("mapping", {}, help="objective -> what the finding says"),
    }

    def __init__(self, options, context):
        super().__init__(options, context)
        self.link_phrases = word_pattern(options["link_phrases"])
        self.invitations = word_pattern(options["invitations"])
        names = terms.expand(options["brand_terms"], context.config, False)
        self.brand = word_pattern([n.lstrip("#") for n in names])

    def check_draft(self, draft):
        objective = draft.front_matter.get("objective") or self.context.config.get("objective")
        if objective not in ("traffic", "engagement", "awareness"):
            return
        prose = draft.prose[draft.body_start:]
        if objective == "traffic":
            ok = bool(find_links(draft.literal[draft.body_start:])) or self._has(
                self.link_phrases, prose)
        elif objective == "engagement":
            ok = "?" in prose or self._has(self.invitations, prose)
        else:
            if self.brand is None:  # no brand configured: nothing to look for
                return
            ok = self._has(self.brand, prose.replace("#", " "))
        if not ok:
            yield Match(*_opening(draft), {"objective": objective,
                                           "problem": self.opts["problems"].get(objective, "")})

    def _has(self, pattern, text: str) -> bool:
        return pattern is not None and self.context.search(pattern, text) is not None


@hookimpl
def postlint_rule_types():
    return [StrategyCheck, ObjectiveCheck]
