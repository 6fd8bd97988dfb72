"""Write docs/rules.md from the rule catalog (every rule of the built-in rule folder).

    python scripts/gen_rules_doc.py            # rewrite docs/rules.md
    python scripts/gen_rules_doc.py --check    # exit 1 when docs/rules.md is stale

Only the built-in plugins are loaded, so installed third-party plugins never leak in.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "rules.md"
AUDIENCE_ORDER = ("friends-family", "colleagues", "public", "professional", "brand")
CATEGORIES = {"tone": "Tone", "brand": "Brand consistency", "risk": "Professional risk",
              "platform": "Platforms", "platforms": "Platforms", "meta": "postlint itself"}
COMMAND = "python scripts/gen_rules_doc.py"

INTRO = f"""# Rules

<!-- Generated from rules/**/*.yaml by `{COMMAND}`: do not edit by hand. -->

Generated from the YAML rules. After adding or changing a rule or a profile, regenerate
with one command from the repository root:

    {COMMAND}

(`tests/test_rules_doc.py` fails while this file is not current.) `postlint --explain
RULE` prints the same explanation for one rule.

Levels: each profile sets a rule's level (`-`: the profile does not run the rule). A rule
of type `lexicon` may bound the level of some of its entries: `min_level` raises those
matches to at least that level and `max_level` caps them, whatever the profile says. That
is how `non-inclusive` reports slurs as errors in every profile while softer terms stay
at the profile's `info`, and how mild words of `profanity` stay warnings on professional
profiles. Such bounds are listed under each rule.
"""


def load_catalog():
    os.environ["POSTLINT_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    sys.path.insert(0, str(ROOT / "src"))
    from postlint import plugins
    from postlint.lint.catalog import Catalog
    return Catalog.load(plugins.manager())


def profile_order(catalog) -> list[str]:
    known = [p for p in AUDIENCE_ORDER if p in catalog.profiles]
    return known + sorted(p for p in catalog.profiles if p not in AUDIENCE_ORDER)


def code(text: str) -> str:
    """`text` as an inline code span, whatever backticks it holds."""
    text = text.replace("\r", "").replace("\n", " ⏎ ")
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def example_text(example) -> str:
    if isinstance(example, str):
        return code(example)
    parts = [code(t) for t in example.get("drafts") or [example.get("text", "")]]
    text = " + ".join(parts)
    if example.get("config"):
        text += f" (config: {code(json.dumps(example['config'], ensure_ascii=False))})"
    if example.get("platforms"):
        text += f" (platforms: {', '.join(example['platforms'])})"
    return text


def config_keys(value) -> list[str]:
    """The config keys a rule reads through `{from: ...}` items, anywhere in its options."""
    if isinstance(value, dict):
        if isinstance(value.get("from"), str):
            return [value["from"]]
        return [k for v in value.values() for k in config_keys(v)]
    if isinstance(value, list):
        return [k for v in value for k in config_keys(v)]
    return []


def render(catalog) -> str:
    from postlint.cli.explain import levels_by_profile

    profiles = profile_order(catalog)
    rules = sorted(catalog.rules.values(), key=lambda r: r.code)
    levels = {r.name: levels_by_profile(catalog, r.name) for r in rules}
    out = [INTRO, "## Summary", "",
           "| code | name | " + " | ".join(profiles) + " |",
           "|---|---|" + "---|" * len(profiles)]
    for rule in rules:
        cells = [levels[rule.name].get(p, "-") for p in profiles]
        out.append(f"| {rule.code} | [`{rule.name}`](#{rule.code.lower()}-{rule.name}) | "
                   + " | ".join(cells) + " |")
    seen = []
    for rule in rules:
        if rule.category not in seen:
            seen.append(rule.category)
    for category in seen:
        out += ["", f"## {CATEGORIES.get(category, category.title())}"]
        for rule in (r for r in rules if r.category == category):
            out += rule_section(catalog, rule, profiles, levels[rule.name])
    return "\n".join(out).rstrip("\n") + "\n"


def relative(path: str) -> str:
    """A rule file's path relative to the repository (as given when outside it)."""
    try:
        return Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path


def rule_section(catalog, rule, profiles, levels) -> list[str]:
    out = ["", f"### {rule.code} {rule.name}", "",
           f"- Type `{rule.type}`, default level `{rule.level}`, defined in "
           f"`{relative(rule.path)}`.",
           "- Levels: " + ", ".join(f"{p} `{levels.get(p, 'off')}`" for p in profiles) + "."]
    notes = getattr(catalog.types[rule.type], "level_notes", None)
    bounds = notes(rule.options) if notes else []
    if bounds:
        out.append("- Entry level bounds: " + "; ".join(bounds) + ".")
    keys = sorted(set(config_keys(rule.options)))
    if keys:
        out.append("- Reads from the config: " + ", ".join(f"`{k}`" for k in keys) + ".")
    out += ["", rule.why]
    if rule.source:
        out += ["", f"Source: {rule.source}"]
    out += ["", f"Message: {code(rule.message)}", "", "Flags:", ""]
    out += [f"- {example_text(e)}" for e in rule.examples.get("flag") or ()]
    out += ["", "Does not flag:", ""]
    out += [f"- {example_text(e)}" for e in rule.examples.get("pass") or ()]
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the doc is stale")
    parser.add_argument("--output", type=Path, default=DOC)
    args = parser.parse_args(argv)
    text = render(load_catalog())
    if args.check:
        current = args.output.read_text("utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is not current; run: {COMMAND}", file=sys.stderr)
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, "utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
