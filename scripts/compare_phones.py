"""Measure personal-info's phone numbers against libphonenumber's own matcher.

    python scripts/compare_phones.py            # recall by region and format, then false alarms
    python scripts/compare_phones.py --show     # also list every miss and false alarm

Three sets, none of them written to match the rule:

  numbers    for each of the rule's default regions, the valid mobile and fixed-line numbers
             libphonenumber gives as examples and some of their neighbours (the last digits
             changed, kept only when libphonenumber calls them valid), each written in the
             formats people type (national, international, E.164, dotted, dashed, run
             together, in parentheses), each in a few sentences of a personal post. Every one
             should be found (recall).
  decoys     numbers that are not a person's phone, in the same sentences: prices, dates,
             times, scores, years, versions, order and tracking numbers, ISBNs, toll-free
             lines, a shop's number named as such. None should be found.
  corpus     ../shared/corpus/tweets.tsv (4,200 real posts): the posts where the rule finds a
             phone number and the posts where `PhoneNumberMatcher` (leniency VALID, from any
             default region) finds one, side by side.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from postlint import plugins
from postlint.lint.catalog import Catalog
from postlint.lint.engine import Choices, Linter
from postlint.load.config import Config
from postlint.text.draft import Draft

REGIONS = ["US", "GB", "DE", "FR", "IN", "CA", "AU", "ES", "IT", "NL"]
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "tweets.tsv"
SENTENCES = [
    "New number, who dis? Text me on {n} if you want in on Saturday.",
    "Lost my phone so my number is now {n}, save it!",
    "Anyone selling a bike? Call me at {n} after 6.",
    "WhatsApp me: {n}",
    "My cell is {n}, ping me when you land.",
    "{n} is my new mobile, old one died in the lake lol",
    "Reach me on {n} (evenings are best).",
    "If you find my dog please ring {n}!!",
    "my number: {n} - don't share it",
]
DECOYS = [
    "$1,299.99", "12/03/2024", "2024-03-12", "10:30-11:45", "3-2", "2019-2024", "v2.3.14",
    "order #123456789", "tracking 1Z999AA10123456784", "ISBN 978-3-16-148410-0",
    "1-800-555-0199", "0800 123 4567", "4,200 posts", "100,000 views", "9780306406157",
    "20.000 euros", "1.234.567", "3.14159", "2x 500ml", "£25,000-£30,000",
    "flight BA 2490", "room 1204", "5,000,000 downloads", "07:45 to 19:30", "1999-2003",
    "invoice 2024-00123", "+15% growth", "9 to 5", "the 2-1 win", "10-12 people",
]
BUSINESS = [
    "Questions? Call our store on {n} any time.",
    "Our office is reachable on {n} during opening hours.",
]


def formats(number) -> list[tuple[str, str]]:
    """(format name, text) ways of writing `number`."""
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    international = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    digits = "".join(c for c in national if c.isdigit())
    out = [("national", national), ("international", international), ("e164", e164),
           ("dashed", international.replace(" ", "-")),
           ("dotted", national.replace(" ", ".").replace("-", ".").replace("(", "")
            .replace(")", "")),
           ("run together", digits), ("00 prefix", "00" + e164[1:])]
    seen, unique = set(), []
    for name, text in out:
        if text not in seen:
            seen.add(text)
            unique.append((name, text))
    return unique


def numbers(region: str) -> list:
    """Valid mobile and fixed-line numbers of `region`: the examples and neighbours."""
    found = []
    for kind in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE):
        example = phonenumbers.example_number_for_type(region, kind)
        if example is None:
            continue
        found.append((kind, example))
        for change in ("17", "42", "83"):
            national = str(example.national_number)
            other = phonenumbers.parse(f"+{example.country_code}{national[:-2]}{change}")
            if phonenumbers.is_valid_number(other) and phonenumbers.number_type(other) == kind:
                found.append((kind, other))
    return found


def linter() -> Linter:
    os.environ.setdefault(plugins.AUTOLOAD_SWITCH, "1")
    catalog = Catalog.load(plugins.manager())
    return Linter(catalog, Config({}), Choices(select=["personal-info"]))


def phones_found(lint: Linter, texts: list[str]) -> list[list[str]]:
    """For each text, the phone-number findings of personal-info (their matched text)."""
    drafts = [Draft.from_text(text, f"{i:05d}.md") for i, text in enumerate(texts)]
    found = collections.defaultdict(list)
    for finding in lint.lint(drafts):
        if "phone number" in finding.message:
            found[finding.path].append(finding.message.split("'")[1])
    return [found[d.path] for d in drafts]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args()
    lint = linter()

    cases = []  # (region, format, text)
    for region in REGIONS:
        for _, number in numbers(region):
            for name, written in formats(number):
                for sentence in SENTENCES:
                    cases.append((region, name, sentence.format(n=written)))
    hits = phones_found(lint, [text for _, _, text in cases])
    table = collections.defaultdict(lambda: [0, 0])
    misses = []
    for (region, name, text), found in zip(cases, hits):
        table[region, name][1] += 1
        if found:
            table[region, name][0] += 1
        else:
            misses.append(text)
    names = sorted({name for _, name in table})
    print("numbers found (of each region's valid mobile and fixed-line numbers):")
    print(f"{'':6}" + "".join(f"{n:>14}" for n in names))
    for region in REGIONS:
        row = [table.get((region, n)) for n in names]
        print(f"{region:6}" + "".join(f"{r[0]:>7}/{r[1]:<6}" if r else f"{'-':>14}" for r in row))
    total = sum(r[0] for r in table.values()), sum(r[1] for r in table.values())
    print(f"recall: {total[0]}/{total[1]} = {total[0] / total[1]:.1%}")

    decoys = [s.format(n=d) for d in DECOYS for s in SENTENCES]
    example = phonenumbers.example_number_for_type("GB", PhoneNumberType.FIXED_LINE)
    decoys += [s.format(n=phonenumbers.format_number(example, PhoneNumberFormat.NATIONAL))
               for s in BUSINESS]
    alarms = [(t, f) for t, f in zip(decoys, phones_found(lint, decoys)) if f]
    print(f"decoys found (should be none): {len(alarms)}/{len(decoys)}")

    if CORPUS.exists():
        posts = [line.split("\t", 1)[1] for line in
                 CORPUS.read_text(encoding="utf-8").splitlines()[1:] if "\t" in line]
        ours = phones_found(lint, posts)
        theirs = [[m.raw_string for region in REGIONS for m in phonenumbers.PhoneNumberMatcher(
            post, region, leniency=phonenumbers.Leniency.VALID)] for post in posts]
        both = sum(1 for a, b in zip(ours, theirs) if a and b)
        only_ours = [(p, a) for p, a, b in zip(posts, ours, theirs) if a and not b]
        only_theirs = [(p, b) for p, a, b in zip(posts, ours, theirs) if b and not a]
        print(f"corpus ({len(posts)} posts): both {both}, postlint only {len(only_ours)}, "
              f"PhoneNumberMatcher only {len(only_theirs)}")
    else:
        only_ours = only_theirs = []
        print(f"corpus: {CORPUS} is absent")

    if args.show:
        for title, items in (("missed", [(t, "") for t in misses]), ("decoys found", alarms),
                             ("corpus, postlint only", only_ours),
                             ("corpus, PhoneNumberMatcher only", only_theirs)):
            print(f"\n{title}:")
            for text, found in items:
                print(f"  {text!r} {found or ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
