"""Drafts built to be slow: every built-in rule takes time linear in the text (timed at
10k, 100k and 1M characters of adversarial shapes; growth is asserted, not time), and a
rule that is slow all the same is stopped by the time budget with a clear error."""

from __future__ import annotations

import gc
import os
import time

import pytest

from postlint import plugins
from postlint.lint import budget, engine
from postlint.lint.catalog import Catalog
from postlint.lint.engine import Choices, Linter
from postlint.load.config import Config
from postlint.text.draft import Draft

# Each a line of one repeated piece: runs of what patterns repeat over (backticks, image
# and link openers, tags, comments, URL and domain parts, mentions, hashtags, emoji, caps,
# the two terms of a `near` pair far apart).
SHAPES = ["a.", "Happy Friday ", "on 3 May. ", "layoffs ", "sell your shares ", "`", "`x ", "``a`", "![", "![x", "<a ", "<img ", "<!--", "[x](", "](a \"", "[", "(",
          "a.com/", "http://", "www.", "@a", "#a", "#", "😀", "👩\u200d", "A", "AB ",
          "!", "lol ", "word ", "1 ", "$", ":", "_a", "*", "~", "'", "\"", "a@b.", "-", "1️⃣"]
DATED = "---\ndate: 2026-12-03\n---\n"  # (the rules that read a publish date run too)
SIZES = (10_000, 100_000, 1_000_000)


def adversarial(size: int) -> list[str]:
    """Drafts of `size` characters in all: each shape as a line, and again followed by a
    letter (a run of marks or emoji before a space is read once; before anything else, a
    pattern may read it again from each of its characters). Half of it is one draft of
    all the lines, half a draft of each line: a rule may pass a post by its other lines
    (a long post is measured whole; a post of one word, for its run-on sentences)."""
    share = size // len(SHAPES) // 4
    lines = [piece * (share // len(piece)) + end for piece in SHAPES for end in ("", "x")]
    return [DATED + "\n".join(lines) + "\n"] + [DATED + line + "\n" for line in lines]


@pytest.fixture(scope="module")
def linter():
    os.environ[plugins.AUTOLOAD_SWITCH] = "1"
    catalog = Catalog.load(plugins.manager())
    config = Config()
    config.data.update({"brand": {"terms": ["GitHub", "Acme Sync"]},
                        "work": {"employer": "Acme", "clients": ["Globex"]}})
    return Linter(catalog, config, Choices(select=["ALL"], platforms=["x"]))


def rule_times(linter, texts: str | list[str], monkeypatch) -> dict[str, float]:
    """CPU seconds each rule took on drafts of `texts` (prose and the like go to the rule
    that first needs them)."""
    spent: dict[str, float] = {}
    real = engine.Linter._run

    def timed(self, draft, act, profile, post=None, check=None):
        start = time.process_time()
        try:
            return real(self, draft, act, profile, post, check)
        finally:
            spent[act.rule.name] = spent.get(act.rule.name, 0) + time.process_time() - start

    gc.collect()
    gc.disable()  # (a collection of the whole suite's objects would land on one rule)
    try:
        with monkeypatch.context() as patch:
            patch.setattr(engine.Linter, "_run", timed)
            linter.lint([Draft.from_text(text, f"{i}.md") for i, text in
                         enumerate([texts] if isinstance(texts, str) else texts)])
    finally:
        gc.enable()
    return spent


def test_every_built_in_rule_is_linear_on_adversarial_drafts(linter, monkeypatch):
    linter.lint([Draft.from_text(text) for text in [DATED + "warm up, lol"] + adversarial(2_000)])
    times = [rule_times(linter, adversarial(size), monkeypatch) for size in SIZES]
    assert not linter.errors, linter.errors  # nothing ran out of its time budget
    slow = []
    for rule in times[-1]:
        small, middle, large = (t.get(rule, 0.0) for t in times)
        # 10x the text: linear is about 10x the time, quadratic 100x; a floor keeps the
        # timer's noise on quick rules out
        if middle > 30 * max(small, 0.002) or large > 30 * max(middle, 0.005):
            slow.append(f"{rule}: {small:.4f} s, {middle:.4f} s, {large:.4f} s")
    assert not slow, slow


def test_a_link_whose_host_is_endless_labels_is_linear_too(linter, monkeypatch):
    # one URL of 50,000 labels: internal-link's host patterns split a host into labels in
    # every way (0.02 s at 5,000 labels, 2.4 s at 50,000, minutes at a megabyte); and one
    # with a path as long, which URL patterns that start with a name read from each letter
    small, large = (rule_times(linter, f"see https://{'a.' * labels}com now, or https://"
                               f"{'a.' * labels}com/{'x' * labels} now\n", monkeypatch)
                    for labels in (5_000, 50_000))
    assert not linter.errors, linter.errors
    slow = [f"{rule}: {small.get(rule, 0.0):.4f} s, {took:.4f} s" for rule, took in large.items()
            if took > 30 * max(small.get(rule, 0.0), 0.005)]
    assert not slow, slow


@pytest.fixture
def short_budget(monkeypatch):
    monkeypatch.setattr(budget, "SECONDS", 0.3)
    monkeypatch.setattr(budget, "PER_MILLION", 0.0)


def test_a_slow_built_in_rule_is_stopped_by_the_budget(write, run, monkeypatch, short_budget):
    from postlint.checks import caps

    def forever(self, post):
        while True:
            pass
        yield  # (a generator, as checks are)

    monkeypatch.setattr(caps.Caps, "check", forever)
    write(".postlint.yaml", "extend-select: [chatspeak]\n")
    write("a.md", "WHAT a day, lol.\n")
    write("b.md", "Another day, lol.\n")
    started = time.monotonic()
    result = run("a.md", "b.md")
    assert time.monotonic() - started < 20
    assert "a.md: error: rule " in result.err and "took more than 0.3 s on this draft, " \
        "which no built-in rule should; please report it to postlint with the draft " \
        "(the rule was stopped for this run)" in result.err
    assert result.err.count("took more than") == 1  # stopped, not retried on b.md
    assert "b.md:1:14: T104 'lol'" in result.out and result.code == 2


@pytest.mark.parametrize("engine_name", ["re", "regex"])
def test_a_catastrophic_pattern_in_a_built_in_check_is_stopped(write, run, monkeypatch,
                                                              short_budget, engine_name):
    import importlib

    from postlint.checks import alt_text
    pattern = importlib.import_module(engine_name).compile(r"(a|aa)+$")
    monkeypatch.setattr(alt_text, "_HTML", pattern)  # (searched without a time limit)
    write(".postlint.yaml", "extend-select: [chatspeak]\n")
    write("a.md", "<" + "a" * 60 + "!\nlol\n")
    started = time.monotonic()
    result = run("a.md")
    assert time.monotonic() - started < 20
    assert "rule image-alt-text (B109): took more than 0.3 s" in result.err
    assert "a.md:2:1: T104 'lol'" in result.out and result.code == 2
